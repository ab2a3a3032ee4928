#include "paradox/hardware/edge_device.hpp"

#include <catch2/catch.hpp>

using namespace paradox;

namespace {
constexpr EdgeDevice bud{.key = "bud",
                         .name = "earbud",
                         .compute_peak = 100.0 * gigaflop_per_second,
                         .memory = 256.0 * kibibytes,
                         .active_power = 10.0 * milliwatts,
                         .idle_power = 5.0 * microwatts,
                         .battery_capacity = 0.2 * watt_hours,
                         .provenance = {"unit test"}};
}  // namespace

TEST_CASE("a device with a battery is battery powered", "[hardware][edge]") {
  STATIC_REQUIRE(battery_powered(bud));
  EdgeDevice car = bud;
  car.battery_capacity = Joules{};
  REQUIRE_FALSE(battery_powered(car));
  REQUIRE_NOTHROW(validate(car));
}

TEST_CASE("battery capacity in watt-hours converts to joules", "[hardware][edge]") {
  // 0.2 Wh = 720 J.
  REQUIRE_THAT(value_in<joule_unit>(bud.battery_capacity), Catch::Matchers::WithinRel(720.0, 1e-12));
}

TEST_CASE("validate rejects impossible devices", "[hardware][edge]") {
  REQUIRE_NOTHROW(validate(bud));
  EdgeDevice bad = bud;
  bad.compute_peak = FlopRate{};
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
  bad = bud;
  bad.idle_power = 1.0 * watts;
  REQUIRE_THROWS_WITH(validate(bad), "edge device: idle_power must be <= active_power (got 1 W)");
  bad = bud;
  bad.battery_capacity = -1.0 * joules;
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
}
