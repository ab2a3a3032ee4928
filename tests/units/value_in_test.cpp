#include "paradox/units/value_in.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "paradox/units/unit_objects.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("value_in reads a quantity in any unit of its dimension") {
  const Bytes hbm = 80.0 * gibibytes;
  CHECK(value_in<gibibyte_unit>(hbm) == 80.0);
  CHECK_THAT(value_in<gigabyte_unit>(hbm), WithinRel(85.89934592, 1e-15));
  CHECK(value_in<byte_unit>(hbm) == 80.0 * 1073741824.0);
  CHECK_THAT(value_in<gigabit_unit>(hbm), WithinRel(687.19476736, 1e-15));

  const Seconds latency = 5.0 * microseconds;
  CHECK_THAT(value_in<nanosecond_unit>(latency), WithinRel(5000.0, 1e-15));
  CHECK_THAT(value_in<millisecond_unit>(latency), WithinRel(0.005, 1e-15));
  CHECK_THAT(value_in<hour_unit>(7200.0 * seconds), WithinRel(2.0, 1e-15));
  CHECK_THAT(value_in<day_unit>(36.0 * hours), WithinRel(1.5, 1e-15));
  CHECK_THAT(value_in<minute_unit>(90.0 * seconds), WithinRel(1.5, 1e-15));
}

TEST_CASE("value_in reads bandwidth in bits or bytes per second") {
  const Bandwidth link = 400.0 * gigabits_per_second;
  CHECK(value_in<gigabits_per_second_unit>(link) == 400.0);
  CHECK(value_in<gigabytes_per_second_unit>(link) == 50.0);
  CHECK(value_in<bytes_per_second_unit>(link) == 5e10);
  CHECK_THAT(value_in<megabits_per_second_unit>(link), WithinRel(4e5, 1e-15));
  CHECK_THAT(value_in<terabits_per_second_unit>(link), WithinRel(0.4, 1e-15));
}

TEST_CASE("value_in reads work, power, energy and money") {
  CHECK_THAT(value_in<teraflop_per_second_unit>(989e12 * flop_per_second), WithinRel(989.0, 1e-15));
  CHECK_THAT(value_in<exaflop_per_second_unit>(2.0 * exaflop_per_second), WithinRel(2.0, 1e-15));
  CHECK_THAT(value_in<petaflop_unit>(3.0 * exaflop), WithinRel(3000.0, 1e-15));
  CHECK_THAT(value_in<milliwatt_unit>(0.03 * watts), WithinRel(30.0, 1e-15));
  CHECK_THAT(value_in<watt_hour_unit>(36.0 * kilojoules), WithinRel(10.0, 1e-15));
  CHECK_THAT(value_in<kilowatt_hour_unit>(3.6e6 * joules), WithinRel(1.0, 1e-15));
  CHECK_THAT(value_in<milliwatt_hour_unit>(18.0 * joules), WithinRel(5.0, 1e-15));
  CHECK_THAT(value_in<picojoule_per_bit_unit>(5.0 * picojoules_per_bit), WithinRel(5.0, 1e-15));
  CHECK_THAT(value_in<joule_per_byte_unit>(5.0 * picojoules_per_bit), WithinRel(4e-11, 1e-15));
  CHECK_THAT(value_in<dollar_per_hour_unit>(2.5 * dollars_per_hour), WithinRel(2.5, 1e-15));
  CHECK_THAT(value_in<dollar_per_second_unit>(3600.0 * dollars_per_hour), WithinRel(1.0, 1e-15));
  CHECK_THAT(value_in<megahertz_unit>(1.4 * gigahertz), WithinRel(1400.0, 1e-15));
}

TEST_CASE("value_in in the base unit returns the stored number unchanged") {
  CHECK(value_in<byte_unit>(1.0 * bytes) == 1.0);
  CHECK(value_in<second_unit>(0.1 * seconds) == 0.1);
  CHECK(value_in<flop_per_second_unit>(3.0 * flop_per_second) == 3.0);
  static_assert(value_in<joule_unit>(2.0 * joules) == 2.0);
}

TEST_CASE("property: reading in a unit and multiplying by that unit gives the quantity back") {
  REQUIRE(rc::check("x * one<U> read in U is x", [] {
    const double x = *rc::gen::inRange(-1000000, 1000000) * 1e-3;
    RC_ASSERT(std::fabs(value_in<gibibyte_unit>(x * gibibytes) - x) <= 1e-12 * std::fabs(x));
    RC_ASSERT(std::fabs(value_in<gigabits_per_second_unit>(x * gigabits_per_second) - x) <=
              1e-12 * std::fabs(x));
    RC_ASSERT(std::fabs(value_in<hour_unit>(x * hours) - x) <= 1e-12 * std::fabs(x));
    RC_ASSERT(std::fabs(value_in<nanosecond_unit>(x * nanoseconds) - x) <= 1e-12 * std::fabs(x));
    RC_ASSERT(std::fabs(value_in<kilowatt_hour_unit>(x * kilowatt_hours) - x) <=
              1e-12 * std::fabs(x));
  }));
}
