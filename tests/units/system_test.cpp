// Static tests of unit relations: this file is the test by compiling (mp-units style). The few
// run-time checks below cover what a static_assert cannot say (base symbols, rounding at run
// time, stored base units).
#include "paradox/units/system.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "paradox/units.hpp"

namespace {

using namespace paradox;

// Information: decimal and binary prefixes (IEC 80000-13), bits and bytes.
static_assert(value_in<byte_unit>(1.0 * gibibytes) == 1073741824.0);  // 2^30
static_assert(value_in<byte_unit>(1.0 * mebibytes) == 1048576.0);     // 2^20
static_assert(value_in<byte_unit>(1.0 * kibibytes) == 1024.0);
static_assert(value_in<byte_unit>(1.0 * tebibytes) == 1099511627776.0);  // 2^40
static_assert(value_in<byte_unit>(1.0 * gigabytes) == 1e9);
static_assert(value_in<byte_unit>(1.0 * terabytes) == 1e12);
static_assert(value_in<byte_unit>(1.0 * petabytes) == 1e15);
static_assert(value_in<byte_unit>(8.0 * bits) == 1.0);
static_assert(value_in<bit_unit>(1.0 * bytes) == 8.0);
static_assert(value_in<byte_unit>(1.0 * gigabits) == 1.25e8);
static_assert(value_in<gigabit_unit>(1.0 * gigabytes) == 8.0);
static_assert(value_in<gibibyte_unit>(1.0 * gibibytes) == 1.0);
static_assert(gibibytes > gigabytes);

// Time.
static_assert(value_in<second_unit>(1.0 * hours) == 3600.0);
static_assert(value_in<second_unit>(1.0 * minutes) == 60.0);
static_assert(value_in<second_unit>(1.0 * days) == 86400.0);
static_assert(value_in<hour_unit>(1.0 * days) == 24.0);
static_assert(value_in<millisecond_unit>(1.0 * seconds) == 1000.0);
static_assert(value_in<nanosecond_unit>(1.0 * microseconds) == 1000.0);

// Bandwidth: network links in bits, memory in bytes.
static_assert(value_in<gigabytes_per_second_unit>(400.0 * gigabits_per_second) == 50.0);
static_assert(value_in<gigabits_per_second_unit>(50.0 * gigabytes_per_second) == 400.0);
static_assert(value_in<bytes_per_second_unit>(8.0 * bits_per_second) == 1.0);
static_assert(value_in<megabits_per_second_unit>(1.0 * megabytes_per_second) == 8.0);
static_assert(value_in<bytes_per_second_unit>(1.0 * gigabytes / (1.0 * seconds)) == 1e9);
static_assert(value_in<second_unit>(1.0 * gigabytes / (1.0 * gigabytes_per_second)) == 1.0);
static_assert(value_in<byte_unit>(1.0 * gigabytes_per_second * (2.0 * seconds)) == 2e9);

// Work: FLOP/s x s = FLOP.
static_assert(value_in<flop_unit>(2.0 * flop_per_second * (3.0 * seconds)) == 6.0);
static_assert(value_in<teraflop_unit>(1.0 * teraflop_per_second * (1.0 * seconds)) == 1.0);
static_assert(value_in<flop_unit>(1.0 * petaflop) == 1e15);
static_assert(value_in<flop_unit>(1.0 * exaflop) == 1e18);
static_assert(value_in<teraflop_per_second_unit>(1.0 * petaflop_per_second) == 1000.0);
static_assert(value_in<second_unit>(1.0 * petaflop / (1.0 * petaflop_per_second)) == 1.0);

// Energy and power: W x s = J, 1 Wh = 3600 J.
static_assert(value_in<joule_unit>(2.0 * watts * (3.0 * seconds)) == 6.0);
static_assert(value_in<joule_unit>(1.0 * watt_hours) == 3600.0);
static_assert(value_in<joule_unit>(1.0 * kilowatt_hours) == 3.6e6);
static_assert(value_in<watt_hour_unit>(1.0 * watts * (1.0 * hours)) == 1.0);
static_assert(value_in<watt_unit>(1.0 * joules / (1.0 * seconds)) == 1.0);
static_assert(value_in<watt_unit>(1.0 * kilowatts) == 1000.0);
static_assert(value_in<milliwatt_unit>(1.0 * watts) == 1000.0);

// Energy per bit: 1 pJ/bit x 8 bits = 8 pJ; stored per byte.
static_assert(value_in<joule_per_byte_unit>(1.0 * joules_per_bit) == 8.0);
static_assert(value_in<picojoule_per_bit_unit>(1.0 * picojoules_per_bit) == 1.0);

// Money: $/h x h = $.
static_assert(value_in<dollar_unit>(1.0 * dollars_per_hour * (1.0 * hours)) == 1.0);
static_assert(value_in<dollar_unit>(2.5 * dollars_per_hour * (10.0 * hours)) == 25.0);
static_assert(value_in<dollar_per_second_unit>(3600.0 * dollars_per_hour) == 1.0);

// Frequency: Hz x s is a pure number.
static_assert(value_in<hertz_unit>(1.0 / (1.0 * seconds)) == 1.0);
static_assert(value_in<hertz_unit>(1.0 * gigahertz) == 1e9);

// The aliases are the types the arithmetic produces, so no conversion ever happens.
static_assert(std::is_same_v<decltype(Bytes{} / Seconds{}), Bandwidth>);
static_assert(std::is_same_v<decltype(FlopRate{} * Seconds{}), FlopCount>);
static_assert(std::is_same_v<decltype(Watts{} * Seconds{}), Joules>);
static_assert(std::is_same_v<decltype(DollarsPerHour{} * Seconds{}), Dollars>);
static_assert(std::is_same_v<decltype(Joules{} / Bytes{}), JoulesPerBit>);
static_assert(std::is_same_v<decltype(Dollars{} / Joules{}), DollarsPerJoule>);
static_assert(std::is_same_v<Bits, Bytes>);
static_assert(!std::is_convertible_v<Bandwidth, FlopRate>);
static_assert(!std::is_convertible_v<Bytes, Seconds>);
static_assert(!std::is_convertible_v<double, Bytes>);
static_assert(!std::is_convertible_v<Watts, Joules>);
static_assert(sizeof(Bytes) == sizeof(double));

}  // namespace

TEST_CASE("the base symbols name the system's coherent units") {
  using namespace paradox::units;
  CHECK(std::string(base_symbol<time_dimension>()) == "s");
  CHECK(std::string(base_symbol<information_dimension>()) == "B");
  CHECK(std::string(base_symbol<bandwidth_dimension>()) == "B/s");
  CHECK(std::string(base_symbol<flop_dimension>()) == "FLOP");
  CHECK(std::string(base_symbol<flop_rate_dimension>()) == "FLOP/s");
  CHECK(std::string(base_symbol<power_dimension>()) == "W");
  CHECK(std::string(base_symbol<energy_dimension>()) == "J");
  CHECK(std::string(base_symbol<energy_per_information_dimension>()) == "J/B");
  CHECK(std::string(base_symbol<currency_dimension>()) == "USD");
  CHECK(std::string(base_symbol<currency_rate_dimension>()) == "USD/s");
  CHECK(std::string(base_symbol<currency_per_energy_dimension>()) == "USD/J");
  CHECK(std::string(base_symbol<frequency_dimension>()) == "Hz");
}

TEST_CASE("unit relations also hold for values computed at run time") {
  using namespace paradox;
  volatile double four_hundred = 400.0;  // defeats constant folding
  const double n = four_hundred;
  const Bandwidth link = n * gigabits_per_second;
  CHECK(value_in<gigabytes_per_second_unit>(link) == 50.0);
  const Seconds transfer = (n * gigabytes) / link;
  CHECK(value_in<second_unit>(transfer) == 8.0);
  const FlopCount work = n * teraflop_per_second * (n * seconds);
  CHECK_THAT(value_in<flop_unit>(work), Catch::Matchers::WithinRel(1.6e17, 1e-15));
  const Dollars bill = n * dollars_per_hour * (n * hours);
  CHECK_THAT(value_in<dollar_unit>(bill), Catch::Matchers::WithinRel(160000.0, 1e-15));
}

TEST_CASE("huge and tiny quantities stay finite through unit conversion") {
  using namespace paradox;
  const Bytes zettabyte = 1e21 * bytes;
  CHECK(std::isfinite(value_in<gibibyte_unit>(zettabyte)));
  const Seconds tiny = 1e-300 * seconds;
  CHECK(value_in<nanosecond_unit>(tiny) > 0.0);
}
