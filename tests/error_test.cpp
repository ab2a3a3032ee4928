#include "paradox/error.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "paradox/units.hpp"

using namespace paradox;

namespace {
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_value = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("invalid_input names function, parameter, rule and value") {
  const invalid_input e("ring allreduce", "ranks", "be >= 1", "0");
  CHECK(std::string(e.what()) == "ring allreduce: ranks must be >= 1 (got 0)");
  CHECK(e.function() == "ring allreduce");
  CHECK(e.parameter() == "ranks");
  CHECK(e.rule() == "be >= 1");
  CHECK(e.value() == "0");
}

TEST_CASE("invalid_input is caught as std::invalid_argument") {
  REQUIRE_THROWS_AS(require_at_least("f", "n", 0, 1), std::invalid_argument);
  REQUIRE_THROWS_AS(require_at_least("f", "n", 0, 1), invalid_input);
}

TEST_CASE("require_positive accepts finite positive values only, NaN included in the rejects") {
  CHECK_NOTHROW(require_positive("f", "x", 1e-300));
  CHECK_NOTHROW(require_positive("f", "n", 3));
  REQUIRE_THROWS_WITH(require_positive("f", "x", 0.0), "f: x must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(require_positive("f", "x", -2.5), "f: x must be > 0 and finite (got -2.5)");
  REQUIRE_THROWS_WITH(require_positive("f", "x", nan_value),
                      "f: x must be > 0 and finite (got nan)");
  REQUIRE_THROWS_WITH(require_positive("f", "x", inf_value),
                      "f: x must be > 0 and finite (got inf)");
  REQUIRE_THROWS_WITH(require_positive("f", "n", -1), "f: n must be > 0 and finite (got -1)");
}

TEST_CASE("quantities are checked in base units and described with their unit") {
  CHECK_NOTHROW(require_positive("collective", "bandwidth", 50.0 * gigabytes_per_second));
  REQUIRE_THROWS_WITH(require_positive("collective", "latency", -500.0 * nanoseconds),
                      "collective: latency must be > 0 and finite (got -5e-07 s)");
  REQUIRE_THROWS_WITH(require_non_negative("m", "size", -1.0 * bytes),
                      "m: size must be >= 0 and finite (got -1 B)");
  REQUIRE_THROWS_WITH(require_finite("m", "peak", nan_value * flop_per_second),
                      "m: peak must be finite (got nan FLOP/s)");
  REQUIRE_THROWS_WITH(require_positive("m", "power", 0.0 * watts),
                      "m: power must be > 0 and finite (got 0 W)");
}

TEST_CASE("require_non_negative accepts zero, rejects negatives and NaN") {
  CHECK_NOTHROW(require_non_negative("f", "x", 0.0));
  CHECK_NOTHROW(require_non_negative("f", "x", -0.0));
  REQUIRE_THROWS_WITH(require_non_negative("f", "x", -1e-9),
                      "f: x must be >= 0 and finite (got -1e-09)");
  REQUIRE_THROWS_AS(require_non_negative("f", "x", nan_value), invalid_input);
  REQUIRE_THROWS_AS(require_non_negative("f", "x", inf_value), invalid_input);
}

TEST_CASE("require_finite rejects NaN and both infinities") {
  CHECK_NOTHROW(require_finite("f", "x", -1e300));
  REQUIRE_THROWS_WITH(require_finite("f", "x", nan_value), "f: x must be finite (got nan)");
  REQUIRE_THROWS_WITH(require_finite("f", "x", -inf_value), "f: x must be finite (got -inf)");
}

TEST_CASE("require_non_empty rejects the empty string only") {
  CHECK_NOTHROW(require_non_empty("f", "name", "x"));
  REQUIRE_THROWS_WITH(require_non_empty("f", "name", ""), "f: name must be non-empty (got \"\")");
}

TEST_CASE("require_fraction: [0, 1], NaN rejected") {
  CHECK_NOTHROW(require_fraction("f", "overlap_fraction", 0.0));
  CHECK_NOTHROW(require_fraction("f", "overlap_fraction", 1.0));
  REQUIRE_THROWS_WITH(require_fraction("f", "overlap_fraction", 1.5),
                      "f: overlap_fraction must be in [0, 1] (got 1.5)");
  REQUIRE_THROWS_WITH(require_fraction("f", "overlap_fraction", -0.1),
                      "f: overlap_fraction must be in [0, 1] (got -0.1)");
  REQUIRE_THROWS_AS(require_fraction("f", "overlap_fraction", nan_value), invalid_input);
}

TEST_CASE("require_positive_fraction: (0, 1], NaN rejected") {
  CHECK_NOTHROW(require_positive_fraction("f", "efficiency", 1e-12));
  CHECK_NOTHROW(require_positive_fraction("f", "efficiency", 1.0));
  REQUIRE_THROWS_WITH(require_positive_fraction("f", "efficiency", 0.0),
                      "f: efficiency must be in (0, 1] (got 0)");
  REQUIRE_THROWS_WITH(require_positive_fraction("f", "efficiency", 1.0000001),
                      "f: efficiency must be in (0, 1] (got 1)");  // 6 significant digits
  REQUIRE_THROWS_AS(require_positive_fraction("f", "efficiency", nan_value), invalid_input);
}

TEST_CASE("count checks: at least, at most, in range, divisible") {
  CHECK_NOTHROW(require_at_least("ring allreduce", "ranks", 1, 1));
  REQUIRE_THROWS_WITH(require_at_least("ring allreduce", "ranks", 0, 1),
                      "ring allreduce: ranks must be >= 1 (got 0)");
  CHECK_NOTHROW(require_at_most("zero", "stage", 3, 3));
  REQUIRE_THROWS_WITH(require_at_most("zero", "stage", 4, 3), "zero: stage must be <= 3 (got 4)");
  CHECK_NOTHROW(require_in_range("zero", "stage", 0, 0, 3));
  REQUIRE_THROWS_WITH(require_in_range("zero", "stage", -1, 0, 3),
                      "zero: stage must be in [0, 3] (got -1)");
  CHECK_NOTHROW(require_divisible("layout", "heads", 64, "tp", 8));
  REQUIRE_THROWS_WITH(require_divisible("layout", "heads", 64, "tp", 3),
                      "layout: heads must be divisible by tp = 3 (got 64)");
  REQUIRE_THROWS_AS(require_divisible("layout", "heads", 64, "tp", 0), invalid_input);
  const std::int64_t big = std::int64_t{1} << 40;
  REQUIRE_THROWS_WITH(require_at_most("f", "tokens", big, std::int64_t{1000}),
                      "f: tokens must be <= 1000 (got 1099511627776)");
}

TEST_CASE("property: require_positive throws exactly for values that are not finite and > 0") {
  REQUIRE(rc::check("positive iff no throw", [](double x) {
    bool threw = false;
    try {
      require_positive("f", "x", x);
    } catch (const invalid_input&) {
      threw = true;
    }
    RC_ASSERT(threw == !(x > 0.0 && std::isfinite(x)));
  }));
}
