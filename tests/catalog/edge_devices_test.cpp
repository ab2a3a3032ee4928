#include "paradox/catalog/edge_devices.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("the Orin-class FP32 peak is cores x 2 x clock", "[catalog][edge_devices]") {
  // Jetson AGX Orin 64GB datasheet: 2048 CUDA cores at 1.3 GHz.
  REQUIRE_THAT(value_in<teraflop_per_second_unit>(catalog::drive_orin.compute_peak),
               WithinRel(5.3248, 1e-12));
  REQUIRE_FALSE(battery_powered(catalog::drive_orin));
}

TEST_CASE("battery devices are ordered phone > glasses > hearable", "[catalog][edge_devices]") {
  REQUIRE(catalog::phone.battery_capacity > catalog::ar_glasses.battery_capacity);
  REQUIRE(catalog::ar_glasses.battery_capacity > catalog::hearable.battery_capacity);
  REQUIRE(battery_powered(catalog::hearable));
}

TEST_CASE("every edge-device preset is valid and found by key", "[catalog][edge_devices]") {
  for (const EdgeDevice& d : catalog::edge_devices) {
    INFO(d.key);
    REQUIRE_NOTHROW(validate(d));
    REQUIRE(catalog::edge_device(d.key).name == d.name);
  }
  REQUIRE_THROWS_WITH(catalog::edge_device("watch"),
                      "catalog: edge device must be one of drive-orin, ar-glasses, phone, "
                      "hearable (got \"watch\")");
}
