#include "paradox/energy/radio_energy.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"
#include "paradox/catalog/radio_links.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("energy per bit is alpha + beta / t at the throughput") {
  // Huang et al. 2012 (MobiSys), power model as quoted in the catalog (not re-verified):
  // LTE up at the paper's median 6 Mb/s: 438.39 + 1288.04 / 6 = 653.06 nJ/bit; down at the
  // median 13 Mb/s: 51.97 + 1288.04 / 13 = 151.05 nJ/bit; Wi-Fi up at 5 Mb/s: 283.17 +
  // 132.86 / 5 = 309.74 nJ/bit.
  CHECK_THAT(nj_per_bit(energy_per_bit(catalog::lte, Direction::up, 6.0 * megabits_per_second)),
             WithinRel(438.39 + 1288.04 / 6.0, 1e-12));
  CHECK_THAT(nj_per_bit(energy_per_bit(catalog::lte, Direction::down, 13.0 * megabits_per_second)),
             WithinRel(51.97 + 1288.04 / 13.0, 1e-12));
  CHECK_THAT(nj_per_bit(energy_per_bit(catalog::wifi, Direction::up, 5.0 * megabits_per_second)),
             WithinRel(309.742, 1e-12));
  // At the radio's full throughput it is the hardware's uplink / downlink energy per bit.
  for (const RadioLink& r : catalog::radio_links) {
    CHECK_THAT(nj_per_bit(energy_per_bit(r, Direction::up, r.uplink)),
               WithinRel(nj_per_bit(uplink_energy_per_bit(r)), 1e-12));
    CHECK_THAT(nj_per_bit(energy_per_bit(r, Direction::down, r.downlink)),
               WithinRel(nj_per_bit(downlink_energy_per_bit(r)), 1e-12));
  }
  // BLE 1M, nRF52840: 3 V x 4.8 mA / 0.8 Mb/s = 18 nJ/bit at any throughput (beta = 0).
  CHECK_THAT(nj_per_bit(energy_per_bit(catalog::ble_1m, Direction::up, 0.1 * megabits_per_second)),
             WithinRel(18.0, 1e-12));
}

TEST_CASE("a transfer from idle pays promotion, P S / t and the tail") {
  // LTE, 1 MB up at 6 Mb/s: promotion 1.2107 W x 0.2601 s = 0.3149 J; P = 438.39 x 6 + 1288.04
  // mW = 3.91838 W for 8/6 s = 5.2245 J; tail 1.06 W x 11.576 s = 12.2706 J.
  const RadioTransferEnergy e =
      evaluate(RadioTransfer{.radio = catalog::lte, .size = 1.0 * megabytes});
  CHECK_THAT(j(e.promotion), WithinRel(1.2107 * 0.2601, 1e-12));
  CHECK_THAT(j(e.transfer), WithinRel(3.91838 * 8.0 / 6.0, 1e-12));
  CHECK_THAT(j(e.tail), WithinRel(1.06 * 11.576, 1e-12));
  CHECK_THAT(j(e.total), WithinRel(17.80997, 1e-6));
  CHECK_THAT(s(e.time), WithinRel(0.2601 + 0.035 + 8.0 / 6.0, 1e-12));
  CHECK_THAT(s(e.airtime), WithinRel(8.0 / 6.0, 1e-12));
  CHECK_THAT(value_in<watt_unit>(e.power), WithinRel(3.91838, 1e-12));
  CHECK_THAT(nj_per_bit(e.energy_per_bit), WithinRel(653.0633333, 1e-9));
  // The tail dominates a 1 MB LTE upload: 69 %.
  CHECK(e.tail / e.total > 0.68);
}

TEST_CASE("a transfer downward uses alpha_d and the downlink; a slower throughput costs more") {
  const RadioTransferEnergy down = evaluate(
      RadioTransfer{.radio = catalog::lte, .size = 1.0 * megabytes, .direction = Direction::down});
  CHECK_THAT(j(down.transfer), WithinRel(1.96365 * 8.0 / 13.0, 1e-12));
  const RadioTransferEnergy slow = evaluate(RadioTransfer{.radio = catalog::lte,
                                                          .size = 1.0 * megabytes,
                                                          .throughput = 1.0 * megabits_per_second});
  // 1 Mb/s: P = 1.72643 W for 8 s = 13.81 J of transfer.
  CHECK_THAT(j(slow.transfer), WithinRel(1.72643 * 8.0, 1e-12));
}

TEST_CASE("BLE 1M: a hearable's 8,536 B noise profile costs 1.23 mJ and 92.9 ms") {
  // nRF52840: 14.4 mW for 68,288 bits / 0.8 Mb/s = 85.36 ms; no tail, no promotion.
  const RadioTransferEnergy e =
      evaluate(RadioTransfer{.radio = catalog::ble_1m, .size = 8536.0 * bytes});
  CHECK_THAT(j(e.total), WithinRel(0.0144 * 0.08536, 1e-12));
  CHECK_THAT(s(e.time), WithinRel(0.0075 + 0.08536, 1e-12));
  CHECK(j(e.tail) == 0.0);
}

TEST_CASE("zero bytes wake nothing: no energy, no time, but a defined energy per bit") {
  const RadioTransferEnergy e = evaluate(RadioTransfer{.radio = catalog::lte, .size = Bytes{}});
  CHECK(j(e.total) == 0.0);
  CHECK(s(e.time) == 0.0);
  CHECK_THAT(nj_per_bit(e.energy_per_bit), WithinRel(653.0633333, 1e-9));
}

TEST_CASE("properties: more bytes never cost less; more throughput never costs more per bit") {
  REQUIRE(rc::check("monotone in size and throughput", [] {
    const RadioLink& r = catalog::radio_links[*rc::gen::inRange<std::size_t>(0, 8)];
    const double a = *rc::gen::inRange(0, 1'000'000);
    const double b = a + *rc::gen::inRange(0, 1'000'000);
    const Direction d = *rc::gen::element(Direction::up, Direction::down);
    RC_ASSERT(evaluate(RadioTransfer{.radio = r, .size = a * bytes, .direction = d}).total <=
              evaluate(RadioTransfer{.radio = r, .size = b * bytes, .direction = d}).total);
    const double t = 1e3 + *rc::gen::inRange(0, 1'000'000);
    RC_ASSERT(energy_per_bit(r, d, 2.0 * t * bytes_per_second) <=
              energy_per_bit(r, d, t * bytes_per_second));
  }));
}

TEST_CASE("radio energy: invalid input is named") {
  CHECK_THROWS_WITH(evaluate(RadioTransfer{.radio = catalog::lte, .size = -1.0 * bytes}),
                    "radio transfer: size must be >= 0 and finite (got -1 B)");
  CHECK_THROWS_WITH(evaluate(RadioTransfer{.radio = catalog::lte,
                                           .size = 1.0 * bytes,
                                           .throughput = Bandwidth{}}),
                    "radio transfer: throughput must be > 0 and finite (got 0 B/s)");
  CHECK_THROWS_WITH(energy_per_bit(catalog::lte, Direction::up, Bandwidth{}),
                    "radio energy per bit: throughput must be > 0 and finite (got 0 B/s)");
  RadioLink bad = toy_radio;
  bad.beta = -1.0 * watts;
  CHECK_THROWS_WITH(evaluate(RadioTransfer{.radio = bad, .size = 1.0 * bytes}),
                    "radio transfer: radio.beta must be >= 0 and finite (got -1 W)");
  CHECK(to_string(Direction::up) == "up");
  CHECK(to_string(Direction::down) == "down");
}
