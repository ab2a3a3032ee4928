#include "paradox/catalog/edge_devices.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string_view>

#include "catalog/catalog_test_support.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;
using paradox::test::KindException;

namespace {
// Every edge-device figure as its source states it, retyped: compute in FLOP/s, memory in
// bytes, powers in W, battery in Wh (0 = no battery).
struct DeviceRow {
  std::string_view key;
  double compute_flop_per_s, memory_bytes, active_w, idle_w, battery_wh;
  SourceKind kind;
  std::array<KindException, 2> exceptions;
};

constexpr SourceKind didactic = SourceKind::didactic_assumption;
constexpr SourceKind datasheet = SourceKind::datasheet;

const DeviceRow rows[] = {
    // NVIDIA Jetson AGX Orin 64GB module datasheet: 2048-core Ampere GPU at up to 1.3 GHz (FP32
    // peak = cores x 2 FLOP per FMA x clock), 64 GB LPDDR5, maximum module power up to 60 W;
    // 15 W is its lowest nvpmodel power budget, stored as the idle power; vehicle-powered.
    {"drive-orin", 2048.0 * 2.0 * 1.3e9, 64e9, 60.0, 15.0, 0.0, datasheet,
     {{{"idle_power", datasheet}, {"compute_peak", datasheet}}}},
    // Didactic assumptions (Qualcomm publishes no FLOP/s figure for the Snapdragon AR1): 1 TFLOP/s,
    // 2 GB, 1 W, 30 mW, 0.6 Wh (about 160 mAh at 3.85 V).
    {"ar-glasses", 1e12, 2e9, 1.0, 0.030, 0.6, didactic, {}},
    // Didactic assumptions: 35 T(FL)OP/s (the order of Apple's "35 trillion operations per
    // second" for the A17 Pro Neural Engine), 8 GB, 5 W, 50 mW, 4000 mAh x 3.85 V = 15.4 Wh.
    {"phone", 35e12, 8e9, 5.0, 0.050, 15.4, didactic, {}},
    // Nordic nRF5340 product specification: 128 MHz Cortex-M33 application core, 512 KB RAM
    // (Nordic's KB = 1,024 B); 1 FLOP per cycle for its single-precision FPU (a fused
    // multiply-add occupies it 3 cycles: GCC's config/arm/cortex-m4-fpu.md pipeline
    // description). 10 mW, 5 uW and 0.2 Wh (about 55 mAh at 3.7 V) are didactic assumptions.
    {"hearable", 128e6 * 1.0, 512.0 * 1024.0, 0.010, 5e-6, 0.2, didactic,
     {{{"memory", datasheet}, {"compute_peak", datasheet}}}},
};
}  // namespace

TEST_CASE("every edge-device figure is the one its source states", "[catalog][edge_devices]") {
  paradox::test::check_rows_cover(catalog::edge_devices, rows);
  using paradox::test::check_figure;
  for (const DeviceRow& row : rows) {
    const EdgeDevice& d = catalog::edge_device(row.key);
    check_figure(row.key, "compute_peak", value_in<flop_per_second_unit>(d.compute_peak),
                 row.compute_flop_per_s);
    check_figure(row.key, "memory", value_in<byte_unit>(d.memory), row.memory_bytes);
    check_figure(row.key, "active_power", value_in<watt_unit>(d.active_power), row.active_w);
    check_figure(row.key, "idle_power", value_in<watt_unit>(d.idle_power), row.idle_w);
    check_figure(row.key, "battery_capacity", value_in<watt_hour_unit>(d.battery_capacity),
                 row.battery_wh);
    paradox::test::check_kinds(
        row.key, d.provenance,
        {"compute_peak", "memory", "active_power", "idle_power", "battery_capacity"}, row.kind,
        row.exceptions);
  }
}

TEST_CASE("the Orin-class FP32 peak is cores x 2 x clock", "[catalog][edge_devices]") {
  // NVIDIA Jetson AGX Orin 64GB datasheet: 2048 CUDA cores at 1.3 GHz, 2 FLOP per FMA.
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
