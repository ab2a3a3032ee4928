#include "paradox/io.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include "paradox/units.hpp"

using namespace paradox;

TEST_CASE("quantities print the way a person reads them") {
  // The examples of docs/units.md: three significant digits, SI prefixes, dollars with a suffix.
  CHECK(format(3.21 * milliseconds) == "3.21 ms");
  CHECK(format(450.0 * gigabytes_per_second) == "450 GB/s");
  CHECK(format(989.0 * teraflop_per_second) == "989 TFLOP/s");
  CHECK(format(1.9 * gigabytes) == "1.9 GB");
  CHECK(format(2.4 * kilojoules) == "2.4 kJ");
  CHECK(format(1.2e6 * dollars) == "$1.2M");
  CHECK(format(12.5 * milliwatts) == "12.5 mW");
  CHECK(format(35.0 * milliseconds) == "35 ms");
  CHECK(format(2.1 * teraflop_per_second) == "2.1 TFLOP/s");
}

TEST_CASE("three significant digits, trailing zeros dropped") {
  CHECK(format(3.14159 * seconds) == "3.14 s");
  CHECK(format(123456.0 * bytes) == "123 kB");
  CHECK(format(1.0 * gigabytes) == "1 GB");
  CHECK(format(0.5 * bytes) == "0.5 B");
  CHECK(format(3.14159 * seconds, {.significant_digits = 5}) == "3.1416 s");
  CHECK(format(3.14159 * seconds, {.significant_digits = 0}) == "3 s");  // clamped to 1
}

TEST_CASE("rounding that reaches the next prefix moves to it") {
  CHECK(format(999.7 * milliseconds) == "1 s");
  CHECK(format(999.96 * gigabytes) == "1 TB");
  CHECK(format(999.4 * gigabytes) == "999 GB");
}

TEST_CASE("times beyond a minute are read in min, h and d") {
  CHECK(format(90.0 * seconds) == "1.5 min");
  CHECK(format(59.99 * seconds) == "1 min");
  CHECK(format(2.0 * hours) == "2 h");
  CHECK(format(36.0 * hours) == "1.5 d");
  CHECK(format(50000.0 * hours) == "2083 d");  // more integer digits than significant ones
  CHECK(format(500.0 * nanoseconds) == "500 ns");
  CHECK(format(5.0 * microseconds) == "5 us");
}

TEST_CASE("bandwidth in bits and sizes with binary prefixes on request") {
  CHECK(format_bits(400.0 * gigabits_per_second) == "400 Gb/s");
  CHECK(format(50.0 * gigabytes_per_second) == "50 GB/s");
  CHECK(format(6.0 * megabits_per_second, {.bits = true}) == "6 Mb/s");
  CHECK(format_binary(80.0 * gibibytes) == "80 GiB");
  CHECK(format(80.0 * gibibytes) == "85.9 GB");
  CHECK(format(1.0 * gigabytes, {.bits = true}) == "8 Gb");
  CHECK(format(1.0 * kibibytes, {.bits = true, .binary = true}) == "8 Kib");
  CHECK(format(1.0 * gibibytes / (1.0 * seconds), {.binary = true}) == "1 GiB/s");
}

TEST_CASE("every quantity alias has a readable unit") {
  CHECK(format(3.14e23 * flop) == "314 ZFLOP");
  CHECK(format(6.0 * petaflop) == "6 PFLOP");
  CHECK(format(700.0 * watts) == "700 W");
  CHECK(format(10.2 * kilowatts) == "10.2 kW");
  CHECK(format(5.0 * picojoules_per_bit) == "5 pJ/bit");
  CHECK(format(2.5 * dollars_per_hour) == "$2.5/h");
  CHECK(format(0.12 * dollars / (1.0 * kilowatt_hours)) == "$0.12/kWh");
  CHECK(format(3500.0 * dollars) == "$3.5k");
  CHECK(format(2e9 * dollars) == "$2B");
  CHECK(format(0.12 * dollars) == "$0.12");
  CHECK(format(1.4 * gigahertz) == "1.4 GHz");
}

TEST_CASE("past the largest prefix the number grows instead") {
  CHECK(format(2e21 * bytes) == "2000 EB");
  CHECK(format(2e18 * bytes_per_second) == "2000 PB/s");
  CHECK(format(std::pow(2.0, 60) * bytes_per_second, {.binary = true}) == "1024 PiB/s");
  CHECK(format(1e12 * watts) == "1000 GW");
  CHECK(format(2.0 * joules_per_bit) == "2 J/bit");
  CHECK(format(1e15 * hertz) == "1000 THz");
  CHECK(format(1e27 * flop_per_second) == "1000 YFLOP/s");
  CHECK(format(2e13 * dollars) == "$20T");
}

TEST_CASE("zero and negative values") {
  CHECK(format(0.0 * seconds) == "0 s");
  CHECK(format(0.0 * bytes) == "0 B");
  CHECK(format(0.0 * bytes_per_second) == "0 B/s");
  CHECK(format(0.0 * watts) == "0 W");
  CHECK(format(0.0 * dollars) == "$0");
  CHECK(format(-3.21 * milliseconds) == "-3.21 ms");
  CHECK(format(-1.2e6 * dollars) == "-$1.2M");
  CHECK(format(-2.5 * dollars_per_hour) == "-$2.5/h");
}

TEST_CASE("values beyond the prefixes stay readable and finite") {
  CHECK(format(1e-20 * seconds) == "1e-08 ps");
  CHECK(format(std::numeric_limits<double>::max() * bytes) == "1.8e+290 EB");
  CHECK(format(std::numeric_limits<double>::denorm_min() * seconds).find("ps") !=
        std::string::npos);
}

TEST_CASE("non-finite input is printed as such, never hidden") {
  CHECK(format(std::numeric_limits<double>::quiet_NaN() * seconds) == "nan s");
  CHECK(format(std::numeric_limits<double>::infinity() * bytes_per_second) == "inf B/s");
  CHECK(format(-std::numeric_limits<double>::infinity() * dollars) == "-$inf");
}

TEST_CASE("to_string and operator<< print what format prints") {
  const Bandwidth b = 450.0 * gigabytes_per_second;
  CHECK(to_string(b) == "450 GB/s");
  std::ostringstream os;
  os << b << ", " << 3.21 * milliseconds;
  CHECK(os.str() == "450 GB/s, 3.21 ms");
}

TEST_CASE("property: finite input never prints nan or inf") {
  REQUIRE(rc::check("finite in, finite out", [] {
    const double x =
        *rc::gen::suchThat(rc::gen::arbitrary<double>(), [](double v) { return std::isfinite(v); });
    for (const std::string& s :
         {format(x * seconds), format(x * bytes), format(x * bytes_per_second, {.bits = true}),
          format(x * flop_per_second), format(x * joules), format(x * dollars_per_hour)}) {
      RC_ASSERT(s.find("nan") == std::string::npos);
      RC_ASSERT(s.find("inf") == std::string::npos);
      RC_ASSERT(!s.empty());
    }
  }));
}

TEST_CASE("negative zero never prints as -0") {
  // A reader must never see "-0 s" (issue: no -0 is ever printed).
  CHECK(paradox::to_string(-0.0 * paradox::seconds) == "0 s");
  CHECK(paradox::to_string(-0.0 * paradox::bytes) == "0 B");
}
