#include "paradox/scaling/amdahl.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

using namespace paradox;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Amdahl's law: 1 / ((1 - p) + p / s)") {
  // Amdahl 1967: half the work twice as fast gives 1 / (0.5 + 0.25) = 4/3.
  CHECK_THAT(scaling::amdahl_speedup(0.5, 2.0), WithinRel(4.0 / 3.0, 1e-15));
  // 95 % parallel on 1024 workers: 1 / (0.05 + 0.95/1024) = 19.6357
  CHECK_THAT(scaling::amdahl_speedup(0.95, 1024.0), WithinRel(1.0 / (0.05 + 0.95 / 1024.0), 1e-15));
  CHECK_THAT(scaling::amdahl_speedup(0.95, 1024.0), WithinRel(19.6357, 1e-5));
  // p = 0.95, s -> infinity: the ceiling 1 / 0.05 = 20.
  CHECK_THAT(scaling::amdahl_speedup(0.95, 1e15), WithinRel(20.0, 1e-12));
  CHECK_THAT(scaling::amdahl_limit(0.95), WithinRel(20.0, 1e-12));
  CHECK(scaling::amdahl_speedup(0.0, 1000.0) == 1.0);
  CHECK(scaling::amdahl_speedup(1.0, 64.0) == 64.0);
  CHECK(scaling::amdahl_limit(0.0) == 1.0);
  STATIC_REQUIRE(scaling::amdahl_speedup(0.5, 2.0) > 1.33);
}

TEST_CASE("Gustafson's law: (1 - p) + p N") {
  // Gustafson 1988: with a serial share of 1 % of the scaled run, 1024 workers give 1013.77.
  CHECK_THAT(scaling::gustafson_speedup(0.99, 1024), WithinRel(0.01 + 0.99 * 1024.0, 1e-15));
  CHECK_THAT(scaling::gustafson_speedup(0.99, 1024), WithinRel(1013.77, 1e-6));
  CHECK(scaling::gustafson_speedup(0.3, 1) == 1.0);
  CHECK(scaling::gustafson_speedup(1.0, 64) == 64.0);
  CHECK(scaling::gustafson_speedup(0.0, 64) == 1.0);
}

TEST_CASE("Karp-Flatt recovers Amdahl's serial fraction") {
  // Karp & Flatt 1990: e = (1/S - 1/N) / (1 - 1/N); for S = amdahl(p, N) it equals 1 - p.
  CHECK_THAT(scaling::karp_flatt_serial_fraction(scaling::amdahl_speedup(0.9, 16.0), 16),
             WithinAbs(0.1, 1e-12));
  CHECK_THAT(scaling::karp_flatt_serial_fraction(8.0, 8), WithinAbs(0.0, 1e-15));
  // S = 4 on 8 workers: (0.25 - 0.125) / 0.875 = 1/7
  CHECK_THAT(scaling::karp_flatt_serial_fraction(4.0, 8), WithinRel(1.0 / 7.0, 1e-15));
}

TEST_CASE("invalid Amdahl, Gustafson and Karp-Flatt inputs are rejected") {
  REQUIRE_THROWS_WITH(scaling::amdahl_speedup(1.5, 2.0),
                      "amdahl speedup: parallel_fraction must be in [0, 1] (got 1.5)");
  REQUIRE_THROWS_WITH(scaling::amdahl_speedup(-0.1, 2.0),
                      "amdahl speedup: parallel_fraction must be in [0, 1] (got -0.1)");
  REQUIRE_THROWS_WITH(scaling::amdahl_speedup(0.5, 0.0),
                      "amdahl speedup: parallel_speedup must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(scaling::amdahl_speedup(0.5, INFINITY),
                      "amdahl speedup: parallel_speedup must be > 0 and finite (got inf)");
  REQUIRE_THROWS_AS(scaling::amdahl_speedup(std::nan(""), 2.0), invalid_input);
  REQUIRE_THROWS_WITH(scaling::amdahl_limit(1.0),
                      "amdahl limit: parallel_fraction must be in [0, 1) (got 1)");
  REQUIRE_THROWS_WITH(scaling::gustafson_speedup(0.5, 0),
                      "gustafson speedup: workers must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(scaling::gustafson_speedup(2.0, 4),
                      "gustafson speedup: parallel_fraction must be in [0, 1] (got 2)");
  REQUIRE_THROWS_WITH(scaling::karp_flatt_serial_fraction(2.0, 1),
                      "karp-flatt: workers must be >= 2 (got 1)");
  REQUIRE_THROWS_WITH(scaling::karp_flatt_serial_fraction(0.0, 4),
                      "karp-flatt: speedup must be > 0 and finite (got 0)");
}

TEST_CASE("property: Amdahl's speedup lies between 1 and min(s, 1/(1-p)) for s >= 1") {
  REQUIRE(rc::check([] {
    const double p = *rc::gen::inRange(0, 1001) / 1000.0;
    const double s = static_cast<double>(*rc::gen::inRange(1, 1'000'000));
    const double speedup = scaling::amdahl_speedup(p, s);
    RC_ASSERT(speedup >= 1.0 - 1e-12);
    RC_ASSERT(speedup <= s * (1.0 + 1e-12));
    if (p < 1.0) RC_ASSERT(speedup <= scaling::amdahl_limit(p) * (1.0 + 1e-12));
    // More parallel speedup never hurts.
    RC_ASSERT(scaling::amdahl_speedup(p, s + 1.0) >= speedup);
  }));
}
