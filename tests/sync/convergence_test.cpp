#include "paradox/sync/convergence.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinRel;

namespace {
// |x_T| after T steps of x_{t+1} = x_t - a x_{t - tau} from x = 1 (history 1).
double delayed_descent(double a, int tau, int steps) {
  std::vector<double> x(static_cast<std::size_t>(tau) + 1, 1.0);
  for (int t = 0; t < steps; ++t) {
    const double next = x.back() - a * x.front();
    x.erase(x.begin());
    x.push_back(next);
  }
  return std::abs(x.back());
}
}  // namespace

TEST_CASE("staleness penalty (1 + tau)^a and time to target") {
  CHECK(sync::staleness_penalty_ratio(0.0) == 1.0);
  CHECK(sync::staleness_penalty_ratio(15.0) == 4.0);                  // sqrt(16)
  CHECK(sync::staleness_penalty_ratio(15.0, {.exponent = 1.0}) == 16.0);
  CHECK(sync::staleness_penalty_ratio(15.0, {.exponent = 0.0}) == 1.0);
  // 10^6 samples at 100 samples/s with staleness 3 and the square-root rule: 2 x 10^4 s.
  CHECK_THAT(in_seconds(sync::time_to_target(1e6, 3.0, 100.0)), WithinRel(2e4, 1e-15));
}

TEST_CASE("delayed gradient descent is stable below 2 sin(pi / (2 (2 tau + 1))) / L") {
  // Levin & May 1976: tau = 0 gives 2/L, tau = 1 gives 1/L, tau = 2 gives 2 sin(pi/10)/L.
  CHECK(sync::critical_learning_rate(1.0, 0) == 2.0);
  CHECK_THAT(sync::critical_learning_rate(1.0, 1), WithinRel(1.0, 1e-15));
  CHECK_THAT(sync::critical_learning_rate(4.0, 2), WithinRel(0.5 * std::sin(M_PI / 10.0), 1e-15));
  CHECK_THAT(sync::critical_learning_rate(1.0, 2), WithinRel((std::sqrt(5.0) - 1.0) / 2.0, 1e-15));
  // Large tau: about pi / (2 L (tau + 1/2)).
  CHECK_THAT(sync::critical_learning_rate(1.0, 1000), WithinRel(M_PI / 2001.0, 1e-6));
  // The iteration itself: 1 % below the bound decays, 1 % above it grows.
  for (int tau : {0, 1, 3, 10}) {
    const double bound = sync::critical_learning_rate(1.0, tau);
    CAPTURE(tau);
    CHECK(delayed_descent(0.99 * bound, tau, 20'000) < 1e-3);
    CHECK(delayed_descent(1.01 * bound, tau, 20'000) > 1e3);
  }
}

TEST_CASE("the staleness at which a learning rate diverges") {
  CHECK(sync::divergence_staleness(2.0, 1.0) == 0);   // plain GD already at its limit
  CHECK(sync::divergence_staleness(1.5, 1.0) == 1);   // stable at tau = 0 (< 2), not at 1
  CHECK(sync::divergence_staleness(1.0, 1.0) == 1);   // exactly the tau = 1 bound
  CHECK(sync::divergence_staleness(0.1, 1.0) == 16);  // 2 sin(pi/66) = 0.0951 < 0.1 < 2 sin(pi/62)
  CHECK(sync::divergence_staleness(0.01, 100.0) == 1);
  REQUIRE(rc::check("critical_learning_rate and divergence_staleness invert each other", [] {
    const double eta_l = std::pow(10.0, -*rc::gen::inRange(0, 600) / 100.0) * 1.9;
    const long long tau = sync::divergence_staleness(eta_l, 1.0);
    RC_ASSERT(eta_l >= sync::critical_learning_rate(1.0, tau));
    if (tau > 0) RC_ASSERT(eta_l < sync::critical_learning_rate(1.0, tau - 1));
  }));
}

TEST_CASE("invalid convergence inputs are rejected") {
  REQUIRE_THROWS_WITH(sync::staleness_penalty_ratio(-1.0),
                      "staleness penalty: mean_staleness must be >= 0 and finite (got -1)");
  REQUIRE_THROWS_WITH(sync::staleness_penalty_ratio(1.0, {.exponent = 5.0}),
                      "staleness penalty: exponent must be in [0, 4] (got 5)");
  REQUIRE_THROWS_WITH(sync::staleness_penalty_ratio(2e9),
                      "staleness penalty: mean_staleness must be <= 1e9 (got 2e+09)");
  REQUIRE_THROWS_WITH(sync::time_to_target(1e6, 0.0, 0.0),
                      "time to target: samples_per_second must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(sync::time_to_target(0.0, 0.0, 1.0),
                      "time to target: sync_samples_to_target must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(sync::critical_learning_rate(0.0, 1),
                      "stability bound: curvature must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(sync::critical_learning_rate(1.0, -1),
                      "stability bound: staleness must be >= 0 (got -1)");
  REQUIRE_THROWS_WITH(sync::divergence_staleness(0.0, 1.0),
                      "divergence staleness: learning_rate must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(sync::divergence_staleness(1e-20, 1.0),
                      "divergence staleness: learning_rate must be >= 1e-15 / curvature (got 1e-20)");
  REQUIRE_THROWS_WITH(sync::divergence_staleness(0.1, NAN),
                      "divergence staleness: curvature must be > 0 and finite (got nan)");
}
