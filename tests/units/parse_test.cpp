#include "paradox/units/parse.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "paradox/io.hpp"
#include "paradox/units.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
template <class Q, class Unit>
double parsed_in(std::string_view text) {
  return value_in<Unit>(parse_quantity<Q>(text, "--test"));
}
}  // namespace

TEST_CASE("every unit string of the calculator's conventions parses to its value") {
  // The examples listed under "Conventions" in docs/calculator.md.
  CHECK(parsed_in<Bytes, byte_unit>("1GB") == 1e9);
  CHECK(parsed_in<Bytes, byte_unit>("1GiB") == 1073741824.0);
  CHECK_THAT((parsed_in<Seconds, nanosecond_unit>("500ns")), WithinRel(500.0, 1e-15));
  CHECK_THAT((parsed_in<Seconds, microsecond_unit>("5us")), WithinRel(5.0, 1e-15));
  CHECK_THAT((parsed_in<Seconds, millisecond_unit>("2ms")), WithinRel(2.0, 1e-15));
  CHECK(parsed_in<Bandwidth, gigabytes_per_second_unit>("50GB/s") == 50.0);
  CHECK(parsed_in<Bandwidth, gigabytes_per_second_unit>("400Gb/s") == 50.0);
  CHECK(parsed_in<Bandwidth, gigabytes_per_second_unit>("400Gbps") == 50.0);
  CHECK(parsed_in<FlopRate, teraflop_per_second_unit>("989TFLOP/s") == 989.0);
  CHECK(parsed_in<Seconds, hour_unit>("50000h") == 50000.0);
  CHECK_THAT((parsed_in<Bandwidth, megabits_per_second_unit>("6Mbps")), WithinRel(6.0, 1e-15));
  CHECK_THAT((parsed_in<Watts, milliwatt_unit>("30mW")), WithinRel(30.0, 1e-15));
  CHECK(parsed_in<Bytes, byte_unit>("80GiB") == 80.0 * 1073741824.0);
}

TEST_CASE("parsed strings equal the unit objects they name") {
  CHECK(parse_quantity<Seconds>("500ns", "t") == 500.0 * nanoseconds);
  CHECK(parse_quantity<Seconds>("2ms", "t") == 2.0 * milliseconds);
  CHECK(parse_quantity<Bandwidth>("400Gb/s", "b") == 400.0 * gigabits_per_second);
  CHECK(parse_quantity<Bytes>("80GiB", "m") == 80.0 * gibibytes);
  CHECK(parse_quantity<Joules>("10Wh", "e") == 10.0 * watt_hours);
  CHECK(parse_quantity<Joules>("1kWh", "e") == 1.0 * kilowatt_hours);
  CHECK(parse_quantity<DollarsPerHour>("$2.5/h", "p") == 2.5 * dollars_per_hour);
  CHECK(parse_quantity<DollarsPerHour>("2.5USD/h", "p") == 2.5 * dollars_per_hour);
  CHECK(parse_quantity<FlopRate>("989TFLOPS", "p") == 989.0 * teraflop_per_second);
  CHECK(parse_quantity<FlopCount>("6PFLOP", "w") == 6.0 * petaflop);
}

TEST_CASE("plain numbers are in the base unit of the expected quantity") {
  CHECK(parsed_in<Bytes, byte_unit>("1e9") == 1e9);
  CHECK(parsed_in<Seconds, second_unit>("0.5") == 0.5);
  CHECK(parsed_in<Bandwidth, bytes_per_second_unit>("12.5e9") == 12.5e9);
  CHECK(parsed_in<FlopCount, flop_unit>("3.14e23") == 3.14e23);
  CHECK(parsed_in<Watts, watt_unit>("700") == 700.0);
  CHECK(parsed_in<Joules, joule_unit>(".25") == 0.25);
  CHECK(parsed_in<Joules, joule_unit>("+2") == 2.0);
}

TEST_CASE("spaces around the text and before the unit are accepted") {
  CHECK(parsed_in<Bandwidth, gigabytes_per_second_unit>(" 50 GB/s ") == 50.0);
  CHECK_THAT((parsed_in<Seconds, microsecond_unit>("5 us")), WithinRel(5.0, 1e-15));
  CHECK_THAT((parsed_in<Seconds, microsecond_unit>("\t5us")), WithinRel(5.0, 1e-15));
}

TEST_CASE("prefixes: decimal, binary, small, and the micro sign") {
  CHECK(parsed_in<Bytes, byte_unit>("1kB") == 1e3);
  CHECK(parsed_in<Bytes, byte_unit>("1MB") == 1e6);
  CHECK(parsed_in<Bytes, byte_unit>("1TB") == 1e12);
  CHECK(parsed_in<Bytes, byte_unit>("1PB") == 1e15);
  CHECK(parsed_in<Bytes, byte_unit>("1KiB") == 1024.0);
  CHECK(parsed_in<Bytes, byte_unit>("1MiB") == 1048576.0);
  CHECK(parsed_in<Bytes, byte_unit>("1TiB") == 1099511627776.0);
  CHECK(parsed_in<Bytes, byte_unit>("8b") == 1.0);
  CHECK(parsed_in<Bytes, byte_unit>("8bit") == 1.0);
  CHECK(parsed_in<Bytes, byte_unit>("8Gib") == 1073741824.0);
  CHECK_THAT((parsed_in<Seconds, microsecond_unit>("3\u00b5s")), WithinRel(3.0, 1e-15));
  CHECK_THAT((parsed_in<Seconds, nanosecond_unit>("1000ps")), WithinRel(1.0, 1e-15));
  CHECK(parsed_in<Seconds, second_unit>("2min") == 120.0);
  CHECK(parsed_in<Seconds, hour_unit>("1d") == 24.0);
}

TEST_CASE("power, energy, energy per bit, money and frequency strings") {
  CHECK(parsed_in<Watts, watt_unit>("1.2kW") == 1200.0);
  CHECK_THAT((parsed_in<Watts, microwatt_unit>("250uW")), WithinRel(250.0, 1e-15));
  CHECK(parsed_in<Joules, joule_unit>("2.4kJ") == 2400.0);
  CHECK_THAT((parsed_in<Joules, joule_unit>("5mWh")), WithinRel(18.0, 1e-15));
  CHECK_THAT((parsed_in<JoulesPerBit, picojoule_per_bit_unit>("5pJ/bit")), WithinRel(5.0, 1e-15));
  CHECK_THAT((parsed_in<JoulesPerBit, picojoule_per_bit_unit>("5pJ/b")), WithinRel(5.0, 1e-15));
  CHECK(parsed_in<Dollars, dollar_unit>("$1.2M") == 1.2e6);
  CHECK(parsed_in<Dollars, dollar_unit>("$3.5k") == 3500.0);
  CHECK(parsed_in<Dollars, dollar_unit>("$2B") == 2e9);  // after $, B is a billion
  CHECK(parsed_in<Dollars, dollar_unit>("1000USD") == 1000.0);
  CHECK(parsed_in<Dollars, dollar_unit>("-$5") == -5.0);
  CHECK(parsed_in<Dollars, dollar_unit>("$-5") == -5.0);
  CHECK_THAT((value_in<dollar_unit>(parse_quantity<DollarsPerJoule>("$0.12/kWh", "price") *
                                    (1.0 * kilowatt_hours))),
             WithinRel(0.12, 1e-15));
  CHECK(parsed_in<Hertz, hertz_unit>("1.4GHz") == 1.4e9);
}

TEST_CASE("garbage is rejected with the parameter, the rule and the text") {
  const auto bandwidth = [](std::string_view text) {
    return parse_quantity<Bandwidth>(text, "--bandwidth");
  };
  const std::string rule =
      "paradox: --bandwidth must be a bandwidth such as 50GB/s, 400Gb/s or 6Mbps";
  REQUIRE_THROWS_WITH(bandwidth("fast"), rule + " (got \"fast\")");
  REQUIRE_THROWS_WITH(bandwidth(""), rule + " (got \"\")");
  REQUIRE_THROWS_WITH(bandwidth("GB/s"), rule + " (got \"GB/s\")");
  REQUIRE_THROWS_WITH(bandwidth("50GX/s"), rule + " (got \"50GX/s\")");
  REQUIRE_THROWS_WITH(bandwidth("50 GB/s/s"), rule + " (got \"50 GB/s/s\")");
  REQUIRE_THROWS_WITH(bandwidth("50KB/s"), rule + " (got \"50KB/s\")");  // kB or KiB?
  REQUIRE_THROWS_WITH(bandwidth("--50GB/s"), rule + " (got \"--50GB/s\")");
  REQUIRE_THROWS_WITH(bandwidth("50G B/s"), rule + " (got \"50G B/s\")");
  REQUIRE_THROWS_WITH(bandwidth("0x10"), rule + " (got \"0x10\")");
  REQUIRE_THROWS_WITH(bandwidth("1,000"), rule + " (got \"1,000\")");
  REQUIRE_THROWS_AS(parse_quantity<Bytes>("5mb", "--size"), invalid_input);  // no millibits
  REQUIRE_THROWS_AS(parse_quantity<Seconds>("5kh", "--mtbf"), invalid_input);
  REQUIRE_THROWS_AS(parse_quantity<Dollars>("5k$", "--budget"), invalid_input);
  REQUIRE_THROWS_AS(parse_quantity<Dollars>("$5X", "--budget"), invalid_input);
}

TEST_CASE("a unit of the wrong dimension is named in the message") {
  REQUIRE_THROWS_WITH(parse_quantity<Bandwidth>("5ms", "--bandwidth"),
                      "paradox: --bandwidth must be a bandwidth such as 50GB/s, 400Gb/s or "
                      "6Mbps, not a time (got \"5ms\")");
  REQUIRE_THROWS_WITH(parse_quantity<Seconds>("50GB/s", "--latency"),
                      "paradox: --latency must be a time such as 500ns, 2ms or 50000h, not a "
                      "bandwidth (got \"50GB/s\")");
  REQUIRE_THROWS_WITH(parse_quantity<FlopRate>("989TFLOP", "--peak"),
                      "paradox: --peak must be a FLOP rate such as 989TFLOP/s, not a FLOP "
                      "count (got \"989TFLOP\")");
  REQUIRE_THROWS_WITH(parse_quantity<Joules>("30mW", "--energy"),
                      "paradox: --energy must be an energy such as 2.4kJ or 10Wh, not a power "
                      "(got \"30mW\")");
  REQUIRE_THROWS_WITH(parse_quantity<Dollars>("$2.5/h", "--budget"),
                      "paradox: --budget must be an amount of money such as $1.2M or 1000USD, "
                      "not a price per hour (got \"$2.5/h\")");
  REQUIRE_THROWS_WITH(parse_quantity<Seconds>("5s/s", "--t"),
                      "paradox: --t must be a time such as 500ns, 2ms or 50000h, not a pure "
                      "number (got \"5s/s\")");
  REQUIRE_THROWS_WITH(parse_quantity<Seconds>("5B*s", "--t"),
                      "paradox: --t must be a time such as 500ns, 2ms or 50000h (got \"5B*s\")");
}

TEST_CASE("the sign rule rejects negative and zero values when asked") {
  const parse_options positive{.sign = sign_rule::positive};
  const parse_options non_negative{.sign = sign_rule::non_negative};
  REQUIRE_THROWS_WITH(parse_quantity<Bandwidth>("-5GB/s", "--bandwidth", positive),
                      "paradox: --bandwidth must be > 0 (got \"-5GB/s\")");
  REQUIRE_THROWS_WITH(parse_quantity<Bandwidth>("0", "--bandwidth", positive),
                      "paradox: --bandwidth must be > 0 (got \"0\")");
  REQUIRE_THROWS_WITH(parse_quantity<Seconds>("-1us", "--latency", non_negative),
                      "paradox: --latency must be >= 0 (got \"-1us\")");
  CHECK(parse_quantity<Seconds>("0", "--latency", non_negative) == 0.0 * seconds);
  CHECK(parse_quantity<Seconds>("-0", "--latency", non_negative) == 0.0 * seconds);
  CHECK(parse_quantity<Seconds>("-1us", "--offset") == -1.0 * microseconds);
}

TEST_CASE("the function named in the message can be chosen") {
  REQUIRE_THROWS_WITH(
      parse_quantity<Seconds>("x", "link.latency", {.function = "scenario.toml"}),
      "scenario.toml: link.latency must be a time such as 500ns, 2ms or 50000h (got \"x\")");
}

TEST_CASE("NaN, infinity and overflow are rejected as not finite") {
  const std::string rule = "paradox: --size must be a finite size such as 1GB, 80GiB or 400Gb";
  REQUIRE_THROWS_WITH(parse_quantity<Bytes>("nan", "--size"), rule + " (got \"nan\")");
  REQUIRE_THROWS_WITH(parse_quantity<Bytes>("inf", "--size"), rule + " (got \"inf\")");
  REQUIRE_THROWS_WITH(parse_quantity<Bytes>("-infGB", "--size"), rule + " (got \"-infGB\")");
  REQUIRE_THROWS_WITH(parse_quantity<Bytes>("1e400", "--size"), rule + " (got \"1e400\")");
  // Finite as written, infinite once scaled to bytes.
  REQUIRE_THROWS_WITH(parse_quantity<Bytes>("1e300EB", "--size"), rule + " (got \"1e300EB\")");
  REQUIRE_THROWS_WITH(parse_quantity<Joules>("1e308kWh", "--e"),
                      "paradox: --e must be a finite energy such as 2.4kJ or 10Wh (got "
                      "\"1e308kWh\")");
}

TEST_CASE("quoted text in messages is cut and cleaned") {
  const std::string long_text(200, '9');
  try {
    (void)parse_quantity<Seconds>(long_text + "x", "--t");
    FAIL("no exception");
  } catch (const invalid_input& e) {
    CHECK(e.value() == "\"" + std::string(64, '9') + "...\"");
  }
  try {
    (void)parse_quantity<Seconds>("5\ns", "--t");
    FAIL("no exception");
  } catch (const invalid_input& e) {
    CHECK(e.value() == "\"5?s\"");
  }
}

TEST_CASE("try_parse_quantity returns nullopt instead of throwing") {
  CHECK(try_parse_quantity<Bandwidth>("400Gbps") == 400.0 * gigabits_per_second);
  CHECK_FALSE(try_parse_quantity<Bandwidth>("5ms").has_value());
  CHECK_FALSE(try_parse_quantity<Bandwidth>("garbage").has_value());
  CHECK_FALSE(try_parse_quantity<Bandwidth>("nan").has_value());
  CHECK(try_parse_quantity<Bandwidth>("-1GB/s") == -1.0 * gigabytes_per_second);
}

TEST_CASE("property: a generated <number><unit> string parses to number * unit") {
  struct unit_case {
    const char* symbol;
    Bandwidth one;
  };
  const std::vector<unit_case> cases{
      {"B/s", bytes_per_second},      {"kB/s", kilobytes_per_second},
      {"MB/s", megabytes_per_second}, {"GB/s", gigabytes_per_second},
      {"TB/s", terabytes_per_second}, {"b/s", bits_per_second},
      {"Mbps", megabits_per_second},  {"Gb/s", gigabits_per_second},
      {"Gbps", gigabits_per_second},  {"kbit/s", kilobits_per_second}};
  REQUIRE(rc::check("number * unit", [&] {
    const auto& c = *rc::gen::elementOf(cases);
    const int mantissa = *rc::gen::inRange(0, 1000000);
    const int exponent = *rc::gen::inRange(-6, 12);
    const bool space = *rc::gen::arbitrary<bool>();
    const double number = mantissa * std::pow(10.0, exponent);
    char text[96];
    std::snprintf(text, sizeof text, "%.17g%s%s", number, space ? " " : "", c.symbol);
    const double got = value_in<bytes_per_second_unit>(parse_quantity<Bandwidth>(text, "--b"));
    const double want = value_in<bytes_per_second_unit>(number * c.one);
    RC_ASSERT(std::fabs(got - want) <= 1e-15 * std::fabs(want));
  }));
}

TEST_CASE("property: what io.hpp prints parses back within the printed precision") {
  // Three significant digits: the printed number is within half a unit of the third digit.
  const double tolerance = 5e-3;
  const auto round_trips = [&](auto q, const format_options& options) {
    using Q = decltype(q);
    const std::string text = format(q, options);
    const Q back = parse_quantity<Q>(text, "--x");
    const double want =
        value_in<units::unit_of<typename units::detail::quantity_dimension<Q>::type>>(q);
    const double got =
        value_in<units::unit_of<typename units::detail::quantity_dimension<Q>::type>>(back);
    RC_LOG() << text << '\n';
    RC_ASSERT(std::fabs(got - want) <= tolerance * std::fabs(want));
  };
  REQUIRE(rc::check("format then parse", [&] {
    const int mantissa = *rc::gen::inRange(1, 1000000);
    const int exponent = *rc::gen::inRange(-12, 20);
    const double sign = *rc::gen::arbitrary<bool>() ? 1.0 : -1.0;
    const double x = sign * mantissa * std::pow(10.0, exponent);
    const bool bits = *rc::gen::arbitrary<bool>();
    const bool binary = *rc::gen::arbitrary<bool>();
    const format_options options{.bits = bits, .binary = binary};
    round_trips(x * seconds, options);
    round_trips(x * bytes, options);
    round_trips(x * bytes_per_second, options);
    round_trips(x * flop, options);
    round_trips(x * flop_per_second, options);
    round_trips(x * watts, options);
    round_trips(x * joules, options);
    round_trips(x * joules_per_bit, options);
    round_trips(x * dollars, options);
    round_trips(x * dollars_per_hour, options);
    round_trips(x * hertz, options);
  }));
}

TEST_CASE("-0 parses as +0") {
  const auto t = paradox::parse_quantity<paradox::Seconds>("-0", "--latency",
                                                           {.sign = paradox::sign_rule::non_negative});
  CHECK_FALSE(std::signbit(paradox::value_in<paradox::second_unit>(t)));
}
