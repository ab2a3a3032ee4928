#include "paradox/sync/monte_carlo.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "paradox/sync/order_statistics.hpp"
#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinRel;

TEST_CASE("the same seed gives the same estimate, another seed another one") {
  const auto d = lognormal(1.0, 0.5);
  const auto a = sync::simulate_max(d, 32, {.samples = 1000, .seed = 42});
  const auto b = sync::simulate_max(d, 32, {.samples = 1000, .seed = 42});
  const auto c = sync::simulate_max(d, 32, {.samples = 1000, .seed = 43});
  CHECK(in_seconds(a.mean) == in_seconds(b.mean));
  CHECK(in_seconds(a.standard_error) == in_seconds(b.standard_error));
  CHECK(in_seconds(a.mean) != in_seconds(c.mean));
  CHECK(a.samples == 1000);
}

TEST_CASE("the Monte Carlo reproduces H_N for exponentials within 3 standard errors") {
  // E[max of 100 exponentials of mean 1] = H_100 = 5.18737751763962.
  const auto e = sync::simulate_max(exponential(1.0), 100, {.samples = 100'000, .seed = 7});
  CHECK(within_three_sigma(e, 5.18737751763962 * seconds));
  // Var(max) = sum 1/i^2 < pi^2/6: the standard error is about 1.28 / sqrt(10^5).
  CHECK(in_seconds(e.standard_error) < 1.3 / std::sqrt(1e5));
  CHECK(in_seconds(e.standard_error) > 1.2 / std::sqrt(1e5));
}

TEST_CASE("deterministic times have no spread") {
  const auto e = sync::simulate_max(deterministic(2.0), 10, {.samples = 100});
  CHECK(in_seconds(e.mean) == 2.0);
  CHECK(in_seconds(e.standard_error) == 0.0);
  // Persistent stragglers: the first round(f n) workers are slow at every step.
  const auto slow = sync::simulate_max(
      with_stragglers(deterministic(1.0), 0.1, 3.0, Persistence::per_worker), 10, {.samples = 10});
  CHECK(in_seconds(slow.mean) == 3.0);
  const auto fastest = sync::simulate_order_statistic(
      with_stragglers(deterministic(1.0), 0.1, 3.0, Persistence::per_worker), 9, 10, {.samples = 10});
  CHECK(in_seconds(fastest.mean) == 1.0);
}

TEST_CASE("invalid Monte Carlo inputs are rejected") {
  REQUIRE_THROWS_WITH(sync::simulate_max(exponential(1.0), 4, {.samples = 1}),
                      "monte carlo: samples must be >= 2 (got 1)");
  REQUIRE_THROWS_WITH(sync::simulate_max(exponential(1.0), 0), "monte carlo: workers must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::simulate_order_statistic(exponential(1.0), 5, 4),
                      "monte carlo: rank must be in [1, 4] (got 5)");
  REQUIRE_THROWS_WITH(sync::simulate_max(exponential(1.0), 1'000'000, {.samples = 1'000'000}),
                      "monte carlo: samples must be <= 1e10 / workers (got 1000000)");
  REQUIRE_THROWS_WITH(sync::simulate_max(lognormal(1.0, -0.5), 4),
                      "monte carlo: sigma must be in [0, 10] (got -0.5)");
}
