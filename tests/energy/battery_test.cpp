#include "paradox/energy/battery.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"
#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/catalog/tracks.hpp"
#include "paradox/energy/sync_energy.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinRel;

namespace {
// Mobile Nomad's one sync of the fp32 MobileNetV2 (13.6 MB) each way.
Joules nomad_sync(const RadioLink& radio) {
  const Bytes s = catalog::mobile_nomad.sync_payload;
  return evaluate(RadioSync{.radio = radio, .upload = s, .download = s}).total;
}
const Joules nomad_inference = inference_energy(
    {.device = catalog::ar_glasses, .flops = catalog::mobilenetv2.flops_per_inference,
     .achieved_fraction = catalog::mobile_nomad.workload.achieved_fraction});
}  // namespace

TEST_CASE("inference energy is the active power over F / (R f)") {
  // MobileNetV2, 600 MFLOP, on 1 TFLOP/s glasses at 20 %: 3 ms at 1 W = 3 mJ.
  CHECK_THAT(value_in<millijoule_unit>(nomad_inference), WithinRel(3.0, 1e-12));
}

TEST_CASE("Mobile Nomad: one global sync against local inference, with the catalog's numbers") {
  // BLE 2M (nRF52840): 13.6 MB each way at 1.4 Mb/s = 77.71 s, 14.4 mW up + 13.8 mW down:
  // 2.19 J. Wi-Fi 6: 0.544 s at 1.3 W + 0.272 s at 1.1 W = 1.01 J.
  CHECK_THAT(j(nomad_sync(catalog::ble_2m)), WithinRel((14.4e-3 + 13.8e-3) * 13.6e6 * 8 / 1.4e6, 1e-12));
  CHECK_THAT(j(nomad_sync(catalog::wifi6)), WithinRel(1.3 * 0.544 + 1.1 * 0.272, 1e-12));
  // Per round each pair of glasses sees 10 images (10,000 per round / 1,000 pairs): running the
  // filter on them costs 30 mJ, so one sync costs 73x that over BLE and 34x over Wi-Fi 6: far
  // more than the story's "about 5x".
  const Joules round_inference = 10.0 * nomad_inference;
  CHECK_THAT(nomad_sync(catalog::ble_2m) / round_inference, WithinRel(73.05, 1e-3));
  CHECK_THAT(nomad_sync(catalog::wifi6) / round_inference, WithinRel(33.55, 1e-3));
  // 5x holds when the glasses run E_sync / (5 E_inf) inferences per sync: 146 over BLE 2M
  // (a sync every 146 s at one inference per second), 67 over Wi-Fi 6.
  CHECK_THAT(nomad_sync(catalog::ble_2m) / (5.0 * nomad_inference), WithinRel(146.1, 1e-3));
  CHECK_THAT(nomad_sync(catalog::wifi6) / (5.0 * nomad_inference), WithinRel(67.1, 1e-3));
  const DailyDrain d = evaluate(DailyUse{.device = catalog::ar_glasses,
                                         .energy_per_sync = nomad_sync(catalog::ble_2m),
                                         .sync_interval = 146.1 * seconds,
                                         .energy_per_inference = nomad_inference,
                                         .inference_rate = 1.0 * hertz,
                                         .day = 8.0 * hours});
  CHECK_THAT(*d.sync_to_inference_ratio, WithinRel(5.0, 1e-3));
}

TEST_CASE("a day of wear: sync, inference and the idle floor against the battery") {
  // Glasses (0.6 Wh = 2,160 J, 30 mW idle), 8 h: idle 864 J, inference at 1 Hz 86.4 J, an
  // hourly BLE 2M sync 8 x 2.19 J = 17.5 J.
  const Joules sync = nomad_sync(catalog::ble_2m);
  const DailyUse day{.device = catalog::ar_glasses,
                     .energy_per_sync = sync,
                     .sync_interval = 1.0 * hours,
                     .energy_per_inference = nomad_inference,
                     .inference_rate = 1.0 * hertz,
                     .day = 8.0 * hours};
  const DailyDrain d = evaluate(day);
  CHECK_THAT(d.syncs, WithinRel(8.0, 1e-12));
  CHECK_THAT(j(d.sync), WithinRel(8.0 * j(sync), 1e-12));
  CHECK_THAT(j(d.inference), WithinRel(86.4, 1e-12));
  CHECK_THAT(j(d.idle), WithinRel(864.0, 1e-12));
  CHECK_THAT(d.battery_fraction, WithinRel((864.0 + 86.4 + 8.0 * j(sync)) / 2160.0, 1e-12));
  CHECK(d.lasts_the_day);
  // The shortest interval that keeps the charge: 2.19 J x 28,800 s / (2,160 - 86.4 - 864) J.
  const std::optional<Seconds> shortest = min_sync_interval(day);
  REQUIRE(shortest);
  CHECK_THAT(s(*shortest), WithinRel(j(sync) * 28800.0 / 1209.6, 1e-12));
  DailyUse at_limit = day;
  at_limit.sync_interval = *shortest;
  CHECK_THAT(evaluate(at_limit).battery_fraction, WithinRel(1.0, 1e-12));
  // Over 24 h the idle floor alone (2,592 J) exceeds the 2,160 J battery: no interval works.
  DailyUse full_day = day;
  full_day.day = 24.0 * hours;
  CHECK_FALSE(min_sync_interval(full_day).has_value());
  CHECK_FALSE(evaluate(full_day).lasts_the_day);
  // No inference: no ratio.
  DailyUse no_inference = day;
  no_inference.inference_rate = Hertz{};
  CHECK_FALSE(evaluate(no_inference).sync_to_inference_ratio.has_value());
  // Free syncs: any interval.
  DailyUse free_syncs = day;
  free_syncs.energy_per_sync = Joules{};
  CHECK(s(*min_sync_interval(free_syncs)) == 0.0);
}

TEST_CASE("property: a denser sync schedule never drains less battery") {
  REQUIRE(rc::check("drain non-increasing in the interval", [] {
    const double e = *rc::gen::inRange(0, 100'000) / 1000.0;
    const double a = 1.0 + *rc::gen::inRange(0, 100'000);
    const double b = a + *rc::gen::inRange(0, 100'000);
    DailyUse u{.device = catalog::phone,
               .energy_per_sync = e * joules,
               .sync_interval = a * seconds,
               .energy_per_inference = 0.01 * joules,
               .inference_rate = 0.5 * hertz};
    const Joules dense = evaluate(u).total;
    u.sync_interval = b * seconds;
    RC_ASSERT(dense >= evaluate(u).total);
  }));
}

TEST_CASE("battery: invalid input is named") {
  CHECK_THROWS_WITH(evaluate(DailyUse{.device = catalog::ar_glasses}),
                    "battery day: sync_interval must be > 0 and finite (got 0 s)");
  CHECK_THROWS_WITH(evaluate(DailyUse{.device = catalog::drive_orin, .sync_interval = 1.0 * seconds}),
                    "battery day: device.battery_capacity must be > 0 and finite (got 0 J)");
  CHECK_THROWS_WITH(min_sync_interval(DailyUse{.device = catalog::ar_glasses, .day = Seconds{}}),
                    "sync interval for a day: day must be > 0 and finite (got 0 s)");
  CHECK_THROWS_WITH(inference_energy({.device = catalog::ar_glasses, .flops = 1.0 * flop,
                                      .achieved_fraction = 0.0}),
                    "inference energy: achieved_fraction must be in (0, 1] (got 0)");
}
