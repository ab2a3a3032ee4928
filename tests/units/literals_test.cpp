#include "paradox/units/literals.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using namespace paradox::literals;

namespace {
// Literals are consteval: every line below is checked by the compiler.
static_assert(80_GiB == 80.0 * gibibytes);
static_assert(80.0_GiB == 80_GiB);
static_assert(1_GB == gigabytes);
static_assert(1.0_B == bytes);
static_assert(2_kB == 2.0 * kilobytes);
static_assert(3_MB == 3.0 * megabytes);
static_assert(4_TB == 4.0 * terabytes);
static_assert(5_PB == 5.0 * petabytes);
static_assert(1_KiB == kibibytes);
static_assert(1_MiB == mebibytes);
static_assert(1_TiB == tebibytes);
static_assert(8_Gb == 1_GB);
static_assert(8_Mb == 1_MB);
static_assert(500_ns == 500.0 * nanoseconds);
static_assert(5.0_us == 5.0 * microseconds);
static_assert(2.0_ms == 2.0 * milliseconds);
static_assert(1.0_s == seconds);
static_assert(1_min == 60_s);
static_assert(1.0_h == 3600_s);
static_assert(1_d == 24_h);
static_assert(50.0_GBps == 50.0 * gigabytes_per_second);
static_assert(400.0_Gbps == 50_GBps);
static_assert(6_Mbps == 6.0 * megabits_per_second);
static_assert(3.5_TBps == 3.5 * terabytes_per_second);
static_assert(100_MBps == 100.0 * megabytes_per_second);
static_assert(989.0_TFLOPps == 989.0 * teraflop_per_second);
static_assert(1000_TFLOPps == 1_PFLOPps);
static_assert(1000_GFLOPps == 1_TFLOPps);
static_assert(1_EFLOP == 1000_PFLOP);
static_assert(1_TFLOP == 1000_GFLOP);
static_assert(30.0_mW == 30.0 * milliwatts);
static_assert(1_kW == 1000_W);
static_assert(250_uW == 250.0 * microwatts);
static_assert(1_Wh == 3600_J);
static_assert(1_kWh == 3600_kJ);
static_assert(2_mJ == 2.0 * millijoules);
static_assert(7_uJ == 7.0 * microjoules);
static_assert(1.5_USD == 1.5 * dollars);

// The types are the quantity aliases.
static_assert(std::is_same_v<decltype(1_GB), Bytes>);
static_assert(std::is_same_v<decltype(1_Gbps), Bandwidth>);
static_assert(std::is_same_v<decltype(1_TFLOPps), FlopRate>);
static_assert(std::is_same_v<decltype(1_TFLOP), FlopCount>);
static_assert(std::is_same_v<decltype(1_h), Seconds>);
static_assert(std::is_same_v<decltype(1_mW), Watts>);
static_assert(std::is_same_v<decltype(1_kWh), Joules>);
static_assert(std::is_same_v<decltype(1_USD), Dollars>);
}  // namespace

TEST_CASE("literals read as the quantities they name") {
  const Seconds transfer = 80_GiB / 400_Gbps;
  CHECK_THAT(value_in<second_unit>(transfer), Catch::Matchers::WithinRel(1.717986918, 1e-9));
  const FlopCount work = 989.0_TFLOPps * 1_h;
  CHECK_THAT(value_in<flop_unit>(work), Catch::Matchers::WithinRel(3.5604e18, 1e-12));
  const Joules battery = 30_mW * 1_h;
  CHECK_THAT(value_in<joule_unit>(battery), Catch::Matchers::WithinRel(108.0, 1e-12));
}
