#include "paradox/units/unit_objects.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
// Each object is one of its unit, and the decimal / binary ladders step as their names say.
static_assert(one<gibibyte_unit> == gibibytes);
static_assert(1024.0 * kibibytes == mebibytes);
static_assert(1024.0 * mebibytes == gibibytes);
static_assert(1024.0 * gibibytes == tebibytes);
static_assert(1000.0 * kilobytes == megabytes);
static_assert(1000.0 * gigabytes == terabytes);
static_assert(1000.0 * terabytes == petabytes);
static_assert(8.0 * bits == bytes);
static_assert(1000.0 * megabits == gigabits);
static_assert(1000.0 * gigabits == terabits);
static_assert(60.0 * seconds == minutes);
static_assert(60.0 * minutes == hours);
static_assert(24.0 * hours == days);
static_assert(1000.0 * gigaflop == teraflop);
static_assert(1000.0 * petaflop == exaflop);
static_assert(1000.0 * petaflop_per_second == exaflop_per_second);
static_assert(1000.0 * watts == kilowatts);
static_assert(1000.0 * kilowatts == megawatts);
static_assert(1000.0 * joules == kilojoules);
static_assert(3600.0 * joules == watt_hours);
static_assert(1000.0 * watt_hours == kilowatt_hours);
static_assert(joules_per_bit == 8.0 * joules / bytes);  // per bit = 8 x per byte
static_assert(1000.0 * hertz == kilohertz);
static_assert(gigabytes / seconds == gigabytes_per_second);
static_assert(teraflop / seconds == teraflop_per_second);
static_assert(dollars / hours == dollars_per_hour);
static_assert(watts * hours == watt_hours);
}  // namespace

TEST_CASE("small units agree with their definitions within rounding") {
  CHECK_THAT(value_in<second_unit>(nanoseconds), WithinRel(1e-9, 1e-15));
  CHECK_THAT(value_in<second_unit>(microseconds), WithinRel(1e-6, 1e-15));
  CHECK_THAT(value_in<second_unit>(milliseconds), WithinRel(1e-3, 1e-15));
  CHECK_THAT(value_in<watt_unit>(microwatts), WithinRel(1e-6, 1e-15));
  CHECK_THAT(value_in<watt_unit>(milliwatts), WithinRel(1e-3, 1e-15));
  CHECK_THAT(value_in<joule_unit>(microjoules), WithinRel(1e-6, 1e-15));
  CHECK_THAT(value_in<joule_unit>(millijoules), WithinRel(1e-3, 1e-15));
  CHECK_THAT(value_in<joule_unit>(nanojoules), WithinRel(1e-9, 1e-15));
  CHECK_THAT(value_in<joule_unit>(picojoules), WithinRel(1e-12, 1e-15));
  CHECK_THAT(value_in<joule_unit>(milliwatt_hours), WithinRel(3.6, 1e-15));
  CHECK_THAT(value_in<joule_per_byte_unit>(picojoules_per_bit), WithinRel(8e-12, 1e-15));
  CHECK_THAT(value_in<joule_per_byte_unit>(nanojoules_per_bit), WithinRel(8e-9, 1e-15));
}

TEST_CASE("unit objects build the figures the catalog quotes") {
  // H100 SXM: 80 GB HBM3 at 3.35 TB/s, 989 TFLOP/s dense BF16 (NVIDIA datasheet).
  const Bytes hbm = 80.0 * gigabytes;
  const Bandwidth hbm_bandwidth = 3.35 * terabytes_per_second;
  const Seconds sweep = hbm / hbm_bandwidth;
  CHECK_THAT(value_in<millisecond_unit>(sweep), WithinRel(23.88, 1e-3));
  // InfiniBand NDR: 400 Gb/s = 50 GB/s per direction.
  CHECK(value_in<gigabytes_per_second_unit>(400.0 * gigabits_per_second) == 50.0);
  const Dollars bill = 98.32 * dollars_per_hour * (730.0 * hours);
  CHECK_THAT(value_in<dollar_unit>(bill), WithinRel(71773.6, 1e-12));
}
