// Unit tests of examples/common/paradox_text, the one text module of the calculator and the
// walk-throughs: the number formatter, the table, the usage error and the strict flag readers.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "paradox_text/errors.hpp"
#include "paradox_text/flags.hpp"
#include "paradox_text/format.hpp"
#include "paradox_text/table.hpp"

using namespace paradox;
using namespace paradox::text;

TEST_CASE("numbers print with significant digits, every integer digit and no exponent") {
  CHECK(number(7.968, 3) == "7.97");
  CHECK(number(956.4, 3) == "956");
  CHECK(number(1234.5, 3) == "1234");
  CHECK(number(9999.6, 4) == "10000");  // %g would say "1e+04"
  CHECK(number(1.0) == "1");
  CHECK(number(0.5) == "0.5");
  CHECK(number(0.000123, 3) == "0.000123");
  CHECK(number(1.5e-7, 3) == "1.5e-07");
  CHECK(number(2e15, 3) == "2e+15");
  CHECK(number(std::nan("")) == "n/a");
  CHECK(number(std::numeric_limits<double>::infinity()) == "n/a");
  CHECK(fixed(0.9415, 2) == "0.94");
  CHECK(fixed(-0.0996, 2) == "-0.10");
  CHECK(percent(0.1234) == "12.3%");
  CHECK(percent(0.1234, 2) == "12.34%");
  // Huge shares (an MFU claim far above the peak) print in exponent form, not 45 digits.
  CHECK(percent(6e42) == "6e+44%");
  CHECK(times(7.968) == "7.97x");
  CHECK(times(8.0) == "8x");
  CHECK(count(175e9) == "175B");
  CHECK(count(38'600.0) == "38.6k");
  CHECK(count(999.0) == "999");
}

TEST_CASE("no formatter ever prints -0") {
  for (const double v : {-0.0, -1e-20, -0.004, -0.0004, -4e-7}) {
    CAPTURE(v);
    CHECK(fixed(v, 2) == "0.00");
    CHECK(fixed(v, 0) == "0");
    CHECK(percent(v / 100.0) == "0.0%");
    CHECK(times_beside(v, 0.0).find("-0x") == std::string::npos);
  }
  CHECK(number(-0.0) == "0");
  CHECK(times(-0.0) == "0x");
  CHECK(count(-0.0) == "0");
  CHECK(percent(-0.00001) == "0.0%");
  CHECK(number(-0.5, 3) == "-0.5");  // a real negative keeps its sign
}

TEST_CASE("a number printed beside a reference never reads as the reference unless equal") {
  CHECK(times_beside(7.968, 8.0) == "7.97x");
  CHECK(times_beside(7.9996, 8.0) == "7.9996x");
  CHECK(times_beside(8.0004, 8.0) == "8.0004x");
  CHECK(times_beside(8.0, 8.0) == "8x");
  CHECK(times_beside(1.12482, 1.125) == "1.1248x");
  CHECK(times_beside(8.0 - 1e-7, 8.0) == "7.9999999x");
  CHECK(percent_beside(0.996, 1.0) == "99.6%");
  CHECK(percent_beside(0.99996, 1.0) == "99.996%");
  CHECK(percent_beside(1.0, 1.0) == "100.0%");
  CHECK(percent_beside(0.0004, 0.0) == "0.04%");
}

TEST_CASE("tables align columns, mark rows and indent") {
  Table table({"N", "speedup"});
  table.add_row({"8", "8x"});
  table.add_row({"64", "7.34x"}, ">");
  table.indent(2);
  CHECK(table.render() ==
        "    N   speedup\n"
        "    -----------\n"
        "    8        8x\n"
        "  > 64    7.34x\n");
  Table plain({"key", "value"});
  plain.add_row({"a", "1"});
  plain.align_left(1);
  CHECK(plain.render() == "key  value\n----------\na    1\n");
  CHECK(Table().render().empty());
}

TEST_CASE("counts are whole decimal numbers: no hex, no octal, no leading zero, no sign") {
  const Field f{"part1", "--nodes"};
  CHECK(parse_count("64", f, 2, 100) == 64);
  CHECK(parse_count("-3", f, -5, 5) == -3);
  CHECK(parse_count("0", f, 0, 5) == 0);
  REQUIRE_THROWS_WITH(parse_count("010", f, 2, 100),
                      "part1: --nodes must be a whole number in [2, 100], in decimal without "
                      "leading zeros (got 010)");
  REQUIRE_THROWS_WITH(parse_count("08", f, 2, 100), Catch::Contains("without leading zeros"));
  for (const char* bad : {"0x10", "+8", "8.0", "1e2", " 8", "8 ", "eight", "99999999999999999999"})
    REQUIRE_THROWS_AS(parse_count(bad, f, 2, 100), usage_error);
  REQUIRE_THROWS_WITH(parse_count("", f, 2, 100),
                      "part1: --nodes must be a whole number in [2, 100] (got \"\")");
  REQUIRE_THROWS_WITH(parse_count("101", f, 2, 100), Catch::EndsWith("(got 101)"));
}

TEST_CASE("numbers and fractions refuse empty text, NaN, infinities and trailing text") {
  const Field f{"part1", "--overlap"};
  CHECK(parse_fraction("0.5", f) == 0.5);
  CHECK(parse_fraction("1", f) == 1.0);
  CHECK(parse_fraction(".25", f) == 0.25);
  REQUIRE_THROWS_WITH(parse_fraction("", f),
                      "part1: --overlap must be a number in [0, 1] (got \"\")");
  for (const char* bad : {"nan", "inf", "-0.1", "1.5", "0.5x", "+0.5", "0x1p-1"})
    REQUIRE_THROWS_AS(parse_fraction(bad, f), usage_error);
  CHECK(parse_number("1e6", f, 0.0, 1e18) == 1e6);
}

TEST_CASE("quantities and choices name who speaks, the flag, the rule and the value") {
  const Field f{"scenario x.toml:3", "network.slow.bandwidth"};
  CHECK(parse_quantity<Bandwidth>("400Gb/s", f, sign_rule::positive) ==
        50.0 * gigabytes_per_second);
  REQUIRE_THROWS_WITH(parse_quantity<Bandwidth>("fast", f, sign_rule::positive),
                      Catch::StartsWith("scenario x.toml:3: network.slow.bandwidth must be a "
                                        "bandwidth"));
  REQUIRE_THROWS_WITH(parse_choice("Ring", {"paradox collective", "--algo"}, {"ring", "tree"}),
                      "paradox collective: --algo must be one of ring|tree (got Ring)");
}

TEST_CASE("one line per error, named once by its program") {
  CHECK(one_line("part1", "--nodes must be x") == "part1: --nodes must be x");
  CHECK(one_line("part1", "part1: --nodes must be x") == "part1: --nodes must be x");
  CHECK(one_line("part1", "a\nb\r\nc") == "part1: a b  c");
}
