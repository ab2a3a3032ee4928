#include "paradox/sync/order_statistics.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "paradox/sync/monte_carlo.hpp"
#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("harmonic numbers") {
  // Graham, Knuth & Patashnik, Concrete Mathematics, sec. 6.3: H_10 = 7381/2520.
  CHECK(sync::harmonic_number(0) == 0.0);
  CHECK(sync::harmonic_number(1) == 1.0);
  CHECK_THAT(sync::harmonic_number(10), WithinRel(7381.0 / 2520.0, 1e-15));
  // H_100 = 5.18737751763962 (OEIS A001008 / A002805).
  CHECK_THAT(sync::harmonic_number(100), WithinRel(5.18737751763962, 1e-14));
  // H_n ~ ln n + gamma + 1/(2n): H_10^6 = 14.392726722865...
  CHECK_THAT(sync::harmonic_number(1'000'000), WithinRel(14.392726722865723, 1e-13));
}

TEST_CASE("exponential step times: E[max of N] = H_N / mu, E[X_(r:n)] = (H_n - H_{n-r}) / mu") {
  // The expected maximum of N exponentials of rate mu (MODELS.md sec. 6; David & Nagaraja,
  // Order Statistics, sec. 2.5).
  CHECK_THAT(in_seconds(sync::expected_max(exponential(1.0), 100)), WithinRel(5.18737751763962, 1e-14));
  CHECK_THAT(in_seconds(sync::expected_max(exponential(2.0), 10)), WithinRel(2.0 * 7381.0 / 2520.0, 1e-14));
  CHECK(in_seconds(sync::expected_max(exponential(1.0), 1)) == 1.0);
  // K-sync, fastest 1 of n: the minimum, mean / n.
  CHECK_THAT(in_seconds(sync::expected_step_k_sync(exponential(1.0), 1, 8)), WithinRel(0.125, 1e-15));
  // Backup workers: the 100th of 105 is H_105 - H_5.
  CHECK_THAT(in_seconds(sync::expected_step_with_backup(exponential(1.0), 100, 5)),
             WithinRel(sync::harmonic_number(105) - sync::harmonic_number(5), 1e-13));
  // Shifted exponential: shift + (mean - shift) H_N.
  CHECK_THAT(in_seconds(sync::expected_max(shifted_exponential(0.5, 1.0), 100)),
             WithinRel(0.5 + 0.5 * 5.18737751763962, 1e-14));
}

TEST_CASE("quadrature agrees with the closed forms it does not use") {
  // Per-worker stragglers that are all slow (round(0.96 x 100) = 96 of 100 but slowdown 1): a
  // log-normal with sigma 0 is the deterministic mean; the exponential closed form with k = 1.
  CHECK(in_seconds(sync::expected_max(lognormal(2.0, 0.0), 1000)) == 2.0);
  // A log-normal with tiny sigma is almost deterministic.
  CHECK_THAT(in_seconds(sync::expected_max(lognormal(1.0, 1e-4), 100)), WithinRel(1.0, 1e-3));
  // One worker: the mean of the distribution, by quadrature.
  CHECK_THAT(in_seconds(sync::expected_max(lognormal(1.0, 0.5), 1)), WithinRel(1.0, 1e-10));
  CHECK_THAT(in_seconds(sync::expected_max(with_stragglers(exponential(1.0), 0.25, 3.0), 1)),
             WithinRel(1.5, 1e-10));
  // An exponential with a slow fraction of 1 is the exponential of k times the mean.
  CHECK_THAT(in_seconds(sync::expected_max(with_stragglers(exponential(1.0), 1.0, 3.0), 10)),
             WithinRel(3.0 * 7381.0 / 2520.0, 1e-13));
}

TEST_CASE("bimodal stragglers: t + (k - 1) t P(some worker slow), or k t when one is for good") {
  // Per step: 1 + (2 - 1) (1 - 0.95^100) = 1.994079...
  const double p_any = 1.0 - std::pow(0.95, 100);
  CHECK_THAT(in_seconds(sync::expected_max(with_stragglers(deterministic(1.0), 0.05, 2.0), 100)),
             WithinRel(1.0 + p_any, 1e-14));
  // Per worker: 5 of 100 slow at every step, so every step takes k t.
  CHECK(in_seconds(sync::expected_max(
            with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 100)) == 2.0);
  // ... unless round(f N) = 0: 0.05 x 9 = 0.45.
  CHECK(in_seconds(sync::expected_max(
            with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 9)) == 1.0);
  // K-sync drops the persistent stragglers: the 95th of 100 is on time, the 96th is not.
  CHECK(in_seconds(sync::expected_step_k_sync(
            with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 95, 100)) == 1.0);
  CHECK(in_seconds(sync::expected_step_k_sync(
            with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 96, 100)) == 2.0);
}

TEST_CASE("quantiles of the synchronous step") {
  // For identical workers the max's p-quantile is the worker's quantile at p^{1/N}.
  const double expected = -std::log1p(-std::pow(0.5, 0.01));
  CHECK_THAT(in_seconds(sync::order_statistic_quantile(exponential(1.0), 100, 100, 0.5)),
             WithinRel(expected, 1e-10));
  const double p99 = in_seconds(sync::quantile(lognormal(1.0, 0.5), std::pow(0.99, 1.0 / 1000.0)));
  CHECK_THAT(in_seconds(sync::order_statistic_quantile(lognormal(1.0, 0.5), 1000, 1000, 0.99)),
             WithinRel(p99, 1e-10));
}

TEST_CASE("fan-out tail: 1 - (1 - p)^N") {
  // Dean & Barroso 2013, The Tail at Scale, CACM 56(2): 1 % slow servers, fan-out 100: 63 %.
  CHECK_THAT(sync::probability_any_slow(0.01, 100), WithinAbs(0.63, 0.005));
  CHECK_THAT(sync::probability_any_slow(0.01, 100), WithinRel(1.0 - std::pow(0.99, 100), 1e-14));
  // Same paper: 1 in 10,000 slow, fan-out 2,000: nearly 1 in 5 (18 %).
  CHECK_THAT(sync::probability_any_slow(1e-4, 2000), WithinAbs(0.18, 0.005));
  CHECK(sync::probability_any_slow(0.0, 1000) == 0.0);
  CHECK(sync::probability_any_slow(1.0, 1) == 1.0);
  CHECK(sync::probability_any_slow(0.3, 1) == 0.3);
}

TEST_CASE("closed forms and quadrature agree with the seeded Monte Carlo within 3 sigma") {
  const sync::MonteCarloOptions options{.samples = 40'000, .seed = 2013};
  const std::vector<StepTime> cases{
      exponential(1.0),
      shifted_exponential(0.3, 1.0),
      lognormal(1.0, 0.5),
      with_stragglers(deterministic(1.0), 0.05, 2.0),
      with_stragglers(exponential(1.0), 0.05, 3.0),
      with_stragglers(exponential(1.0), 0.05, 3.0, Persistence::per_worker),
      with_stragglers(lognormal(1.0, 0.3), 0.1, 2.0, Persistence::per_worker),
      with_stragglers(shifted_exponential(0.5, 1.0), 0.1, 2.0)};
  for (const StepTime& d : cases) {
    CAPTURE(sync::to_string(d.shape), d.slow_fraction, sync::to_string(d.persistence));
    CHECK(within_three_sigma(sync::simulate_max(d, 64, options), sync::expected_max(d, 64)));
    CHECK(within_three_sigma(sync::simulate_order_statistic(d, 48, 64, options),
                             sync::expected_step_k_sync(d, 48, 64)));
    CHECK(within_three_sigma(sync::simulate_order_statistic(d, 64, 72, options),
                             sync::expected_step_with_backup(d, 64, 8)));
  }
}

TEST_CASE("large fleets stay finite and ordered") {
  const double n1000 = in_seconds(sync::expected_max(lognormal(1.0, 0.5), 1000));
  const double n100k = in_seconds(sync::expected_max(lognormal(1.0, 0.5), 100'000));
  CHECK(std::isfinite(n100k));
  CHECK(n100k > n1000);
  CHECK(n1000 > 1.0);
  CHECK_THAT(in_seconds(sync::expected_max(exponential(1.0), 1'000'000)),
             WithinRel(14.392726722865723, 1e-12));
}

TEST_CASE("more or slower stragglers never speed up the synchronous step") {
  REQUIRE(rc::check("E[max] non-decreasing in f and in k", [] {
    const StepTime d = *step_times();
    const int n = *rc::gen::inRange(1, 300);
    const double base = in_seconds(sync::expected_max(d, n));
    StepTime more = d;
    more.slow_fraction = std::min(1.0, d.slow_fraction + *rc::gen::inRange(1, 30) / 100.0);
    StepTime slower = d;
    slower.slowdown_ratio = d.slowdown_ratio + *rc::gen::inRange(1, 300) / 100.0;
    RC_ASSERT(in_seconds(sync::expected_max(more, n)) >= base * (1.0 - 1e-9));
    RC_ASSERT(in_seconds(sync::expected_max(slower, n)) >= base * (1.0 - 1e-9));
    RC_ASSERT(in_seconds(sync::expected_max(d, n + 1)) >= base * (1.0 - 1e-9));
  }));
}

TEST_CASE("backup workers never slow the expected step; waiting for fewer never slows it") {
  REQUIRE(rc::check("E[X_(N:N+b)] non-increasing in b, E[X_(K:N)] non-decreasing in K", [] {
    const StepTime d = *step_times();
    const int n = *rc::gen::inRange(1, 200);
    const int b = *rc::gen::inRange(0, 50);
    const double with_b = in_seconds(sync::expected_step_with_backup(d, n, b));
    RC_ASSERT(in_seconds(sync::expected_step_with_backup(d, n, b + 1)) <= with_b * (1.0 + 1e-9));
    RC_ASSERT(with_b <= in_seconds(sync::expected_max(d, n)) * (1.0 + 1e-9));
    const int k = *rc::gen::inRange(1, n + 1);
    RC_ASSERT(in_seconds(sync::expected_step_k_sync(d, k, n)) <=
              in_seconds(sync::expected_max(d, n)) * (1.0 + 1e-9));
  }));
}

TEST_CASE("invalid order-statistic inputs are rejected") {
  REQUIRE_THROWS_WITH(sync::harmonic_number(-1), "harmonic number: n must be >= 0 (got -1)");
  REQUIRE_THROWS_WITH(sync::expected_max(exponential(1.0), 0), "expected step: workers must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::expected_max(exponential(0.0), 4),
                      "expected step: mean must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(sync::expected_order_statistic(exponential(1.0), 5, 4),
                      "order statistic: rank must be in [1, 4] (got 5)");
  REQUIRE_THROWS_WITH(sync::expected_order_statistic(exponential(1.0), 0, 4),
                      "order statistic: rank must be in [1, 4] (got 0)");
  REQUIRE_THROWS_WITH(sync::expected_step_with_backup(exponential(1.0), 4, -1),
                      "backup workers: backup_workers must be >= 0 (got -1)");
  REQUIRE_THROWS_WITH(sync::expected_step_with_backup(exponential(1.0), 0, 1),
                      "backup workers: workers must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::expected_step_k_sync(exponential(1.0), 9, 8),
                      "k-sync: wait_for must be in [1, 8] (got 9)");
  REQUIRE_THROWS_WITH(sync::order_statistic_quantile(exponential(1.0), 4, 4, 1.0),
                      "step quantile: probability must be in [0, 1) (got 1)");
  REQUIRE_THROWS_WITH(sync::probability_any_slow(1.5, 10),
                      "fan-out tail: slow_probability must be in [0, 1] (got 1.5)");
  REQUIRE_THROWS_WITH(sync::probability_any_slow(0.5, 0), "fan-out tail: workers must be >= 1 (got 0)");
}
