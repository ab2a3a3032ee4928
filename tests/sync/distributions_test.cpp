#include "paradox/sync/distributions.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("healthy CDFs, means and quantiles") {
  // Exponential of mean 2 s: F(2 s) = 1 - e^-1, median 2 ln 2.
  CHECK_THAT(sync::cdf(exponential(2.0), 2.0 * seconds), WithinRel(1.0 - std::exp(-1.0), 1e-15));
  CHECK_THAT(in_seconds(sync::quantile(exponential(2.0), 0.5)), WithinRel(2.0 * std::log(2.0), 1e-15));
  // Shifted exponential: nothing before the shift, then an exponential of mean 1 - 0.4.
  CHECK(sync::cdf(shifted_exponential(0.4, 1.0), 0.39 * seconds) == 0.0);
  CHECK_THAT(sync::cdf(shifted_exponential(0.4, 1.0), 1.0 * seconds),
             WithinRel(1.0 - std::exp(-1.0), 1e-15));
  // Log-normal with mean m: median m e^{-sigma^2/2}.
  CHECK_THAT(in_seconds(sync::quantile(lognormal(1.0, 0.5), 0.5)), WithinRel(std::exp(-0.125), 1e-14));
  CHECK_THAT(sync::cdf(lognormal(1.0, 0.5), std::exp(-0.125) * seconds), WithinAbs(0.5, 1e-15));
  // Deterministic: a step at the mean.
  CHECK(sync::cdf(deterministic(1.0), 0.999 * seconds) == 0.0);
  CHECK(sync::cdf(deterministic(1.0), 1.0 * seconds) == 1.0);
  CHECK(in_seconds(sync::quantile(deterministic(3.0), 0.99)) == 3.0);
  CHECK(in_seconds(sync::mean(lognormal(1.5, 0.8))) == 1.5);
}

TEST_CASE("stragglers: F(x) = (1 - f) F0(x) + f F0(x / k), mean m (1 + f (k - 1))") {
  const auto bimodal = with_stragglers(deterministic(1.0), 0.05, 2.0);
  CHECK(sync::cdf(bimodal, 1.5 * seconds) == 0.95);
  CHECK(sync::cdf(bimodal, 2.0 * seconds) == 1.0);
  CHECK_THAT(in_seconds(sync::mean(bimodal)), WithinRel(1.05, 1e-15));
  CHECK(in_seconds(sync::quantile(bimodal, 0.9)) == 1.0);
  CHECK_THAT(in_seconds(sync::quantile(bimodal, 0.96)), WithinRel(2.0, 1e-12));
  // A mixture quantile is the inverse of the mixture CDF.
  const auto mixed = with_stragglers(exponential(1.0), 0.2, 4.0);
  const Seconds q = sync::quantile(mixed, 0.9);
  CHECK_THAT(sync::cdf(mixed, q), WithinAbs(0.9, 1e-12));
  // Per-worker stragglers: round(f N) slow workers; none per step.
  CHECK(sync::slow_workers(with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 100) == 5);
  CHECK(sync::slow_workers(with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 10) == 1);
  CHECK(sync::slow_workers(bimodal, 100) == 0);
  CHECK(sync::to_string(Shape::shifted_exponential) == "shifted-exponential");
  CHECK(sync::to_string(Persistence::per_worker) == "per-worker");
}

TEST_CASE("invalid step-time distributions are rejected") {
  REQUIRE_THROWS_WITH(sync::mean(deterministic(0.0)), "step time mean: mean must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(sync::mean(shifted_exponential(1.0, 1.0)),
                      "step time mean: shift must be in [0, mean) (got 1 s)");
  REQUIRE_THROWS_WITH(sync::mean(shifted_exponential(-0.1, 1.0)),
                      "step time mean: shift must be in [0, mean) (got -0.1 s)");
  REQUIRE_THROWS_WITH(sync::mean(lognormal(1.0, -1.0)), "step time mean: sigma must be in [0, 10] (got -1)");
  REQUIRE_THROWS_WITH(sync::mean(lognormal(1.0, 11.0)), "step time mean: sigma must be in [0, 10] (got 11)");
  REQUIRE_THROWS_WITH(sync::mean(with_stragglers(deterministic(1.0), 1.5, 2.0)),
                      "step time mean: slow_fraction must be in [0, 1] (got 1.5)");
  REQUIRE_THROWS_WITH(sync::mean(with_stragglers(deterministic(1.0), 0.5, 0.5)),
                      "step time mean: slowdown_ratio must be in [1, 1e6] (got 0.5)");
  REQUIRE_THROWS_WITH(sync::mean(with_stragglers(deterministic(1.0), 0.5, NAN)),
                      "step time mean: slowdown_ratio must be in [1, 1e6] (got nan)");
  REQUIRE_THROWS_WITH(sync::cdf(exponential(1.0), -1.0 * seconds),
                      "step time cdf: time must be >= 0 and finite (got -1 s)");
  REQUIRE_THROWS_WITH(sync::quantile(exponential(1.0), 1.0),
                      "step time quantile: probability must be in [0, 1) (got 1)");
  REQUIRE_THROWS_WITH(sync::slow_workers(exponential(1.0), 0), "slow workers: workers must be >= 1 (got 0)");
}
