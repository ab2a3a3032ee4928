#include "paradox/energy/shared_medium.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"
#include "paradox/catalog/radio_links.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinRel;

TEST_CASE("airtime on one channel sums over the devices") {
  // 100 hearables x 8,536 B on one BLE 1M central: 100 x (7.5 ms + 85.36 ms) = 9.286 s; on
  // parallel point-to-point links it would be one device's 92.86 ms.
  const SharedChannel ble = shared_channel(catalog::ble_1m);
  const Seconds t = airtime({.bytes_per_client = 8536.0 * bytes, .clients = 100, .channel = ble});
  CHECK_THAT(s(t), WithinRel(9.286, 1e-12));
  CHECK_THAT(s(airtime({.bytes_per_client = 8536.0 * bytes, .clients = 1, .channel = ble})),
             WithinRel(0.09286, 1e-12));
  CHECK(s(airtime({.bytes_per_client = 8536.0 * bytes, .clients = 0, .channel = ble})) == 0.0);
  // A MAC that leaves half the capacity doubles the bytes' share.
  SharedChannel half = ble;
  half.efficiency_fraction = 0.5;
  CHECK_THAT(s(airtime({.bytes_per_client = 8536.0 * bytes, .clients = 100, .channel = half})),
             WithinRel(100 * (0.0075 + 2 * 0.08536), 1e-12));
}

TEST_CASE("star and gossip rounds on a shared channel") {
  const SharedChannel ble = shared_channel(catalog::ble_1m);
  const Bytes m = 8536.0 * bytes;
  CHECK_THAT(s(star_airtime(m, 100, ble)), WithinRel(2 * 9.286, 1e-12));
  CHECK_THAT(s(star_airtime(m, 100, ble, true)), WithinRel(9.286 + 0.09286, 1e-12));
  // Gossip: one broadcast per node per round; unicast on a 4-regular graph of 100: 2|E| = 400.
  CHECK_THAT(s(gossip_airtime(m, 100, ble)), WithinRel(9.286, 1e-12));
  CHECK_THAT(s(gossip_airtime(m, 100, ble, 400)), WithinRel(4 * 9.286, 1e-12));
}

TEST_CASE("property: more contenders never take less airtime") {
  REQUIRE(rc::check("monotone in clients and bytes", [] {
    const RadioLink& r = catalog::radio_links[*rc::gen::inRange<std::size_t>(0, 8)];
    const int n = *rc::gen::inRange(0, 10'000);
    const Bytes b = static_cast<double>(*rc::gen::inRange(0, 10'000'000)) * bytes;
    const SharedChannel c = shared_channel(r);
    RC_ASSERT(airtime({.bytes_per_client = b, .clients = n, .channel = c}) <=
              airtime({.bytes_per_client = b, .clients = n + 1, .channel = c}));
    RC_ASSERT(airtime({.bytes_per_client = b, .clients = n, .channel = c}) <=
              airtime({.bytes_per_client = 2.0 * b, .clients = n, .channel = c}));
  }));
}

TEST_CASE("shared medium: invalid input is named") {
  const SharedChannel ble = shared_channel(catalog::ble_1m);
  CHECK_THROWS_WITH(airtime({.bytes_per_client = 1.0 * bytes, .clients = -1, .channel = ble}),
                    "shared airtime: clients must be >= 0 (got -1)");
  CHECK_THROWS_WITH(airtime({.bytes_per_client = 1.0 * bytes, .clients = 1, .channel = {}}),
                    "shared airtime: channel.capacity must be > 0 and finite (got 0 B/s)");
  CHECK_THROWS_WITH(
      airtime({.bytes_per_client = 1.0 * bytes,
               .clients = 1,
               .channel = {.capacity = 1.0 * bytes_per_second, .efficiency_fraction = 0.0}}),
      "shared airtime: channel.efficiency_fraction must be in (0, 1] (got 0)");
  CHECK_THROWS_WITH(star_airtime(1.0 * bytes, 0, ble),
                    "star airtime: clients must be >= 1 (got 0)");
  CHECK_THROWS_WITH(gossip_airtime(1.0 * bytes, 0, ble),
                    "gossip airtime: nodes must be >= 1 (got 0)");
}

TEST_CASE("spatial reuse: a round costs its schedule's slots, not one turn per node") {
  // 300 hearables in a BLE ring, 8,536 B each: 3 slots (a distance-2 colouring of the ring,
  // decentralized::broadcast_schedule) = 3 x (7.5 ms + 85.36 ms) = 0.27858 s, against
  // 300 x 92.86 ms = 27.858 s when the whole ring is one collision domain.
  const SharedChannel ble = shared_channel(catalog::ble_1m);
  const Bytes model = 8536.0 * bytes;
  CHECK_THAT(s(spatial_reuse_airtime(model, 3, ble)), WithinRel(0.27858, 1e-12));
  CHECK_THAT(s(gossip_airtime(model, 300, ble)), WithinRel(27.858, 1e-12));
  // slots = N is gossip without reuse.
  CHECK(s(spatial_reuse_airtime(model, 300, ble)) == s(gossip_airtime(model, 300, ble)));
  CHECK_THROWS_WITH(spatial_reuse_airtime(model, 0, ble),
                    "spatial reuse airtime: slots must be >= 1 (got 0)");
}
