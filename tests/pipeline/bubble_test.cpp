#include "paradox/pipeline/bubble.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <rapidcheck.h>

using namespace paradox;
using namespace paradox::pipeline;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("bubble fraction is (p-1)/(v m + p - 1)") {
  // (p-1)/(m+p-1) = 3/11 for p = 4, m = 8; interleaving with v = 4 divides the idle time by 4.
  CHECK_THAT(bubble_fraction({.stages = 4, .microbatches = 8}), WithinRel(3.0 / 11.0, 1e-15));
  CHECK_THAT(bubble_fraction({.stages = 4, .microbatches = 8, .virtual_stages = 4}),
             WithinRel(3.0 / 35.0, 1e-15));
  CHECK_THAT(bubble_fraction({.stages = 4, .microbatches = 16, .virtual_stages = 1}),
             WithinRel(3.0 / 19.0, 1e-15));
}

TEST_CASE("GPipe's own example: M = 4K micro-batches leave a bubble of about 16%") {
  // Huang et al. 2019 (GPipe), sec. 2.3: bubble O((K-1)/(M+K-1)), "negligible when M >= 4 x K";
  // with K = 4 partitions (fig. 2c) and M = 16 that is 3/19 = 0.158.
  CHECK_THAT(bubble_fraction({.stages = 4, .microbatches = 16}), WithinAbs(0.158, 5e-4));
  // Fig. 2(c) itself: K = 4 devices, M = 4 micro-batches, 3/7 of the step idle.
  CHECK_THAT(bubble_fraction({.stages = 4, .microbatches = 4}), WithinRel(3.0 / 7.0, 1e-15));
}

TEST_CASE("Megatron-LM's own example: p = 4, m = 8, and with 2 chunks per device") {
  // Narayanan et al. 2021 (SC21), sec. 2.2.1: bubble time fraction (p-1)/m; sec. 2.2.2: divided
  // by v; fig. 4 draws p = 4 devices, m = 8 micro-batches, v = 2 chunks.
  CHECK_THAT(bubble_overhead({.stages = 4, .microbatches = 8}), WithinRel(3.0 / 8.0, 1e-15));
  CHECK_THAT(bubble_overhead({.stages = 4, .microbatches = 8, .virtual_stages = 2}),
             WithinRel(3.0 / 16.0, 1e-15));
  CHECK_THAT(bubble_fraction({.stages = 4, .microbatches = 8, .virtual_stages = 2}),
             WithinRel(3.0 / 19.0, 1e-15));
}

TEST_CASE("one stage has no bubble") {
  CHECK(bubble_fraction({.stages = 1, .microbatches = 1}) == 0.0);
  CHECK(bubble_overhead({.stages = 1, .microbatches = 7, .virtual_stages = 3}) == 0.0);
}

TEST_CASE("huge pipelines stay finite") {
  const PipelineShape huge{.stages = 1 << 30, .microbatches = 1 << 30, .virtual_stages = 1 << 30};
  CHECK(bubble_fraction(huge) > 0.0);
  CHECK(bubble_fraction(huge) < 1.0);
  CHECK(bubble_overhead({.stages = 1 << 30, .microbatches = 1}) == (1 << 30) - 1.0);
}

TEST_CASE("overhead and fraction convert into each other") {
  CHECK_THAT(fraction_from_overhead(3.0 / 8.0), WithinRel(3.0 / 11.0, 1e-15));
  CHECK_THAT(overhead_from_fraction(3.0 / 11.0), WithinRel(3.0 / 8.0, 1e-15));
  CHECK(fraction_from_overhead(0.0) == 0.0);
  CHECK(overhead_from_fraction(0.0) == 0.0);
}

TEST_CASE("bubble fraction = overhead / (1 + overhead), for any shape") {
  REQUIRE(rc::check([] {
    const PipelineShape s{.stages = *rc::gen::inRange(1, 100'000),
                          .microbatches = *rc::gen::inRange(1, 100'000),
                          .virtual_stages = *rc::gen::inRange(1, 64)};
    const double x = bubble_overhead(s);
    RC_ASSERT(std::abs(bubble_fraction(s) - x / (1.0 + x)) <= 1e-15);
    RC_ASSERT(std::abs(fraction_from_overhead(x) - bubble_fraction(s)) <= 1e-15);
    RC_ASSERT(std::abs(overhead_from_fraction(bubble_fraction(s)) - x) <= 1e-9 * (1.0 + x));
  }));
}

TEST_CASE("more micro-batches or more chunks never raise the bubble; more stages never lower it") {
  REQUIRE(rc::check([] {
    const PipelineShape s{.stages = *rc::gen::inRange(1, 10'000),
                          .microbatches = *rc::gen::inRange(1, 10'000),
                          .virtual_stages = *rc::gen::inRange(1, 16)};
    PipelineShape more_m = s;
    more_m.microbatches += *rc::gen::inRange(1, 1000);
    PipelineShape more_v = s;
    more_v.virtual_stages += 1;
    PipelineShape more_p = s;
    more_p.stages += 1;
    RC_ASSERT(bubble_fraction(more_m) <= bubble_fraction(s));
    RC_ASSERT(bubble_overhead(more_m) <= bubble_overhead(s));
    RC_ASSERT(bubble_fraction(more_v) <= bubble_fraction(s));
    RC_ASSERT(bubble_fraction(more_p) > bubble_fraction(s));
    RC_ASSERT(bubble_fraction(s) >= 0.0);
    RC_ASSERT(bubble_fraction(s) < 1.0);
  }));
}

TEST_CASE("bubble models reject bad shapes naming the parameter") {
  REQUIRE_THROWS_WITH(bubble_fraction({.stages = 0, .microbatches = 8}),
                      "bubble fraction: stages must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(bubble_fraction({.stages = 4, .microbatches = 0}),
                      "bubble fraction: microbatches must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(bubble_overhead({.stages = 4, .microbatches = 8, .virtual_stages = 0}),
                      "bubble overhead: virtual_stages must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(bubble_overhead({.stages = 4, .microbatches = -1}),
                      "bubble overhead: microbatches must be >= 1 (got -1)");
  REQUIRE_THROWS_WITH(fraction_from_overhead(-1.0),
                      "bubble fraction from overhead: overhead_ratio must be >= 0 and finite "
                      "(got -1)");
  REQUIRE_THROWS_WITH(overhead_from_fraction(1.0),
                      "bubble overhead from fraction: bubble_fraction must be in [0, 1) (got 1)");
  REQUIRE_THROWS_WITH(overhead_from_fraction(std::nan("")),
                      "bubble overhead from fraction: bubble_fraction must be in [0, 1) (got nan)");
}
