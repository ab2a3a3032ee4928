/// @file
/// @brief The synchronous step as an order statistic of the workers' step times: the expected
/// slowest of N (wait for all), the N-th fastest of N + b (backup workers), the K-th fastest of
/// N (K-sync), their quantiles, and the fan-out tail probability.
#pragma once

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/sync/distributions.hpp"
#include "paradox/units.hpp"

namespace paradox::sync {

/// @addtogroup sync
/// @{

/// @brief The n-th harmonic number \f$H_n = \sum_{i=1}^{n} 1/i\f$.
///
/// \f$H_1 = 1\f$, \f$H_{10} = 7381/2520 = 2.928968\ldots\f$, \f$H_{100} = 5.187378\ldots\f$
/// (Graham, Knuth & Patashnik, "Concrete Mathematics", 2nd ed., sec. 6.3). The expected
/// maximum of n exponentials of mean m is \f$m H_n\f$.
/// @param n the count, >= 0 (\f$H_0 = 0\f$)
/// @pre n >= 0
/// @throws invalid_input "harmonic number: n must be >= 0 (got -1)"
/// @return \f$H_n\f$
[[nodiscard]] inline double harmonic_number(int n) {
  require_at_least("harmonic number", "n", n, 0);
  double sum = 0.0;
  for (int i = n; i >= 1; --i) sum += 1.0 / static_cast<double>(i);  // small terms first
  return sum;
}

namespace detail {

// P(Bin(n, p) <= r), computed from q = 1 - p so that tiny tails keep their digits.
[[nodiscard]] inline double binomial_at_most(int n, double q, int r) {
  if (r < 0) return 0.0;
  if (r >= n) return 1.0;
  if (q <= 0.0) return 0.0;  // every trial a success
  if (q >= 1.0) return 1.0;
  // P(Bin(n, p) <= r) = P(Bin(n, q) >= n - r) = I_q(n - r, r + 1).
  return boost::math::ibeta(static_cast<double>(n - r), static_cast<double>(r + 1), q);
}

// P(X_(rank) > x) for `workers` step times, x in seconds: fewer than `rank` of them are <= x.
[[nodiscard]] inline double order_survival(const StepTime& d, int rank, int workers, int slow,
                                           double x) {
  const double k = d.slowdown_ratio;
  if (d.persistence == Persistence::per_step) {
    const double q = (1.0 - d.slow_fraction) * healthy_survival(d, x) +
                     d.slow_fraction * healthy_survival(d, x / k);
    if (rank == workers) return q >= 1.0 ? 1.0 : -std::expm1(workers * std::log1p(-q));
    return binomial_at_most(workers, q, rank - 1);
  }
  const int healthy = workers - slow;
  const double q_healthy = healthy_survival(d, x);
  const double q_slow = healthy_survival(d, x / k);
  if (rank == workers) {
    // Some worker of a non-empty group is surely not done by x: the step is not over.
    if ((healthy > 0 && q_healthy >= 1.0) || (slow > 0 && q_slow >= 1.0)) return 1.0;
    const double log_all_done = (healthy > 0 ? healthy * std::log1p(-q_healthy) : 0.0) +
                                (slow > 0 ? slow * std::log1p(-q_slow) : 0.0);
    return -std::expm1(log_all_done);
  }
  // Condition on how many of the smaller group finish by x; the larger group is a binomial.
  const bool slow_smaller = slow <= healthy;
  const int n_small = slow_smaller ? slow : healthy;
  const int n_large = workers - n_small;
  const double q_small = slow_smaller ? q_slow : q_healthy;
  const double q_large = slow_smaller ? q_healthy : q_slow;
  if (n_small == 0) return binomial_at_most(n_large, q_large, rank - 1);
  double total = 0.0;
  const boost::math::binomial_distribution<double> small(n_small, 1.0 - q_small);
  for (int j = 0; j <= std::min(n_small, rank - 1); ++j)
    total += boost::math::pdf(small, j) * binomial_at_most(n_large, q_large, rank - 1 - j);
  return std::clamp(total, 0.0, 1.0);
}

// The order-statistic problem after validation: the distribution, the rank, the pool size and
// the persistently slow workers in it.
struct OrderProblem {
  StepTime dist;
  int rank;
  int workers;
  int slow;
  [[nodiscard]] double survival(double x) const { return order_survival(dist, rank, workers, slow, x); }
};

// [a, b] outside of which P(X_(rank) > x) is 1 (to 1e-15) below and 0 (to 1e-18) above.
struct Bracket {
  double lo;
  double hi;
};

[[nodiscard]] inline Bracket bracket(const OrderProblem& p) {
  const double mean = value_in<second_unit>(p.dist.mean);
  double hi = mean * std::max(1.0, p.dist.slowdown_ratio);
  for (int i = 0; i < 2000 && p.survival(hi) > 1e-18; ++i) hi *= 1.5;
  double lo = 0.0;
  double top = hi;
  for (int i = 0; i < 200 && top - lo > 1e-15 * top; ++i) {
    const double mid = 0.5 * (lo + top);
    (p.survival(mid) >= 1.0 - 1e-15 ? lo : top) = mid;
  }
  double bottom = lo;
  for (int i = 0; i < 200 && hi - bottom > 1e-15 * hi; ++i) {
    const double mid = 0.5 * (bottom + hi);
    (p.survival(mid) <= 1e-18 ? hi : bottom) = mid;
  }
  return {lo, hi};
}

// E[X_(rank)] by closed form where one exists, else lo + integral of the survival function.
[[nodiscard]] inline double expected_order(const OrderProblem& p) {
  const StepTime& d = p.dist;
  const double mean = value_in<second_unit>(d.mean);
  const double k = d.slowdown_ratio;
  const int n = p.workers;
  const bool no_stragglers = d.slow_fraction == 0.0 || k == 1.0 ||
                             (d.persistence == Persistence::per_worker && p.slow == 0);
  const bool all_slow = k != 1.0 && ((d.persistence == Persistence::per_step && d.slow_fraction == 1.0) ||
                                     (d.persistence == Persistence::per_worker && p.slow == n));
  const double scale = all_slow ? k : 1.0;
  if (is_point_mass(d)) {
    if (no_stragglers || all_slow) return scale * mean;
    // X_(rank) = k t when more than n - rank workers are slow, else t.
    const double p_slow =
        d.persistence == Persistence::per_step
            ? 1.0 - binomial_at_most(n, 1.0 - d.slow_fraction, n - p.rank)
            : (p.slow > n - p.rank ? 1.0 : 0.0);
    return mean + (k - 1.0) * mean * p_slow;
  }
  if ((no_stragglers || all_slow) &&
      (d.shape == Shape::exponential || d.shape == Shape::shifted_exponential)) {
    // Renyi's representation: the gaps between exponential order statistics are independent
    // exponentials of means m/n, m/(n-1), ..., so E[X_(r:n)] = s + (m - s)(H_n - H_{n-r}).
    const double shift = d.shape == Shape::shifted_exponential ? value_in<second_unit>(d.shift) : 0.0;
    double gaps = 0.0;
    for (int i = n - p.rank + 1; i <= n; ++i) gaps += 1.0 / static_cast<double>(i);
    return scale * (shift + (mean - shift) * gaps);
  }
  const Bracket b = bracket(p);
  if (!(b.hi > b.lo)) return b.lo;
  // Panels between the points where the survival function crosses fixed levels, so that each
  // panel spans one scale of the transition (a narrow one for large n or small sigma). Within a
  // panel, adaptive Gauss-Kronrod with a bounded depth: near S = 1 the integrand is flat to
  // the last bits, where an unbounded recursion would chase rounding noise.
  const auto f = [&p](double x) { return p.survival(x); };
  std::vector<double> points{b.lo};
  for (const double level : {1.0 - 1e-12, 1.0 - 1e-6, 0.999, 0.99, 0.9, 0.75, 0.5, 0.25, 0.1, 1e-2,
                             1e-3, 1e-6, 1e-9, 1e-12, 1e-15}) {
    double lo = points.back();
    double hi = b.hi;
    if (p.survival(lo) <= level) continue;
    for (int i = 0; i < 200 && hi - lo > 1e-14 * hi; ++i) {
      const double mid = 0.5 * (lo + hi);
      (p.survival(mid) <= level ? hi : lo) = mid;
    }
    if (hi > points.back()) points.push_back(hi);
  }
  if (b.hi > points.back()) points.push_back(b.hi);
  double integral = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i)
    integral += boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, points[i - 1], points[i],
                                                                               6, 1e-10);
  return b.lo + integral;
}

[[nodiscard]] inline OrderProblem make_problem(std::string_view function, const StepTime& dist,
                                               int rank, int workers) {
  check(function, dist);
  require_at_least(function, "workers", workers, 1);
  require_in_range(function, "rank", rank, 1, workers);
  const int slow = dist.persistence == Persistence::per_worker
                       ? static_cast<int>(std::lround(dist.slow_fraction * static_cast<double>(workers)))
                       : 0;
  return {dist, rank, workers, slow};
}

}  // namespace detail

/// @brief Expected r-th fastest of n step times, \f$E[X_{(r:n)}]\f$.
///
/// \f$E[X_{(r:n)}] = \int_0^\infty P(X_{(r:n)} > x)\,dx\f$ with
/// \f$P(X_{(r:n)} > x) = P(\mathrm{Bin}(n, F(x)) \le r - 1) = I_{1 - F(x)}(n - r + 1, r)\f$ for
/// independent identically distributed times (David & Nagaraja, "Order Statistics", 3rd ed.,
/// 2003, eq. 2.1.3); for per-worker stragglers the count below x is the sum of two binomials,
/// the n - m healthy and the m slowed workers. Exact closed forms where they exist:
/// deterministic times (with or without stragglers); exponential and shifted exponential
/// without stragglers, \f$s + (m - s)(H_n - H_{n-r})\f$ (Rényi's representation, David &
/// Nagaraja sec. 2.5). Otherwise adaptive Gauss-Kronrod quadrature (Boost.Math) of the survival
/// function between the points where it is 1 to 1e-15 and 0 to 1e-18, in panels between the
/// points where it crosses 1 - 1e-12, ..., 0.5, ..., 1e-15, to a relative 1e-10 or better.
/// @param dist one worker's step-time distribution
/// @param rank r, 1 for the fastest, n for the slowest
/// @param workers n, the workers that run the step, >= 1
/// @pre check(dist) passes; 1 <= r <= n
/// @throws invalid_input "order statistic: rank must be in [1, 4] (got 5)"
/// @return \f$E[X_{(r:n)}]\f$
/// @see expected_max, expected_step_with_backup, expected_step_k_sync
[[nodiscard]] inline Seconds expected_order_statistic(const StepTime& dist, int rank, int workers) {
  return detail::expected_order(detail::make_problem("order statistic", dist, rank, workers)) *
         seconds;
}

/// @brief Expected synchronous step: the slowest of N workers, \f$E[\max_i X_i]\f$.
///
/// Exponential of mean m: \f$m H_N\f$; shifted exponential: \f$s + (m - s) H_N\f$;
/// deterministic t with per-step stragglers: \f$t + (k-1)\,t\,(1 - (1-f)^N)\f$; with per-worker
/// stragglers: kt as soon as one worker is slow. Otherwise
/// \f$\int_0^\infty 1 - F(x)^N\,dx\f$ by quadrature (expected_order_statistic with r = N).
/// @param dist one worker's step-time distribution
/// @param workers N, >= 1
/// @pre check(dist) passes; N >= 1
/// @throws invalid_input "expected step: workers must be >= 1 (got 0)"
/// @return the expected time of one synchronous step (compute only, no all-reduce)
/// @see expected_order_statistic
[[nodiscard]] inline Seconds expected_max(const StepTime& dist, int workers) {
  check("expected step", dist);
  require_at_least("expected step", "workers", workers, 1);
  return detail::expected_order(detail::make_problem("expected step", dist, workers, workers)) *
         seconds;
}

/// @brief Expected step with b backup workers: the N-th fastest of N + b.
///
/// The step uses the first N gradients and drops the b slowest (Chen et al. 2016, "Revisiting
/// Distributed Synchronous SGD", arXiv:1604.00981, sec. 3: backup workers):
/// \f$E[X_{(N:N+b)}]\f$. With b = 0 it is expected_max. Per-worker stragglers are
/// round(f (N + b)) of the N + b workers.
/// @param dist one worker's step-time distribution
/// @param workers N, the gradients a step needs, >= 1
/// @param backup_workers b, extra workers, >= 0
/// @pre check(dist) passes; N >= 1; b >= 0; N + b fits in an int
/// @throws invalid_input "backup workers: backup_workers must be >= 0 (got -1)"
/// @return the expected step time
/// @see expected_step_k_sync
[[nodiscard]] inline Seconds expected_step_with_backup(const StepTime& dist, int workers,
                                                       int backup_workers) {
  constexpr std::string_view fn = "backup workers";
  require_at_least(fn, "workers", workers, 1);
  require_at_least(fn, "backup_workers", backup_workers, 0);
  require_at_most(fn, "backup_workers", backup_workers, std::numeric_limits<int>::max() - workers);
  return detail::expected_order(detail::make_problem(fn, dist, workers, workers + backup_workers)) *
         seconds;
}

/// @brief Expected K-sync step: the K-th fastest of N workers.
///
/// The step waits for the fastest K gradients of N (Dutta et al. 2018, "Slow and Stale
/// Gradients Can Win the Race: Error-Runtime Trade-offs in Distributed SGD", AISTATS, sec. 3:
/// K-sync SGD): \f$E[X_{(K:N)}]\f$; exponential of mean m: \f$m (H_N - H_{N-K})\f$.
/// @param dist one worker's step-time distribution
/// @param wait_for K, in [1, N]
/// @param workers N, >= 1
/// @pre check(dist) passes; 1 <= K <= N
/// @throws invalid_input "k-sync: wait_for must be in [1, 8] (got 9)"
/// @return the expected step time
/// @see expected_step_with_backup
[[nodiscard]] inline Seconds expected_step_k_sync(const StepTime& dist, int wait_for,
                                                  int workers) {
  constexpr std::string_view fn = "k-sync";
  require_at_least(fn, "workers", workers, 1);
  require_in_range(fn, "wait_for", wait_for, 1, workers);
  return detail::expected_order(detail::make_problem(fn, dist, wait_for, workers)) * seconds;
}

/// @brief Quantile of the r-th fastest of n step times: the x with
/// \f$P(X_{(r:n)} \le x) = p\f$.
///
/// For the synchronous step (r = n, identical workers) this is the worker quantile at
/// \f$p^{1/n}\f$; in general the survival function of expected_order_statistic is inverted by
/// bisection to a relative 1e-12.
/// @param dist one worker's step-time distribution
/// @param rank r, in [1, n]
/// @param workers n, >= 1
/// @param probability p, in [0, 1)
/// @pre check(dist) passes; 1 <= r <= n; 0 <= p < 1
/// @throws invalid_input "step quantile: probability must be in [0, 1) (got 1)"
/// @return the p-quantile of \f$X_{(r:n)}\f$
[[nodiscard]] inline Seconds order_statistic_quantile(const StepTime& dist, int rank, int workers,
                                                      double probability) {
  constexpr std::string_view fn = "step quantile";
  const detail::OrderProblem p = detail::make_problem(fn, dist, rank, workers);
  if (!(probability >= 0.0 && probability < 1.0))
    throw invalid_input(fn, "probability", "be in [0, 1)", paradox::detail::describe(probability));
  const detail::Bracket b = detail::bracket(p);
  double lo = b.lo;
  double hi = b.hi;
  if (p.survival(lo) <= 1.0 - probability) return lo * seconds;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (p.survival(mid) <= 1.0 - probability ? hi : lo) = mid;
  }
  return hi * seconds;
}

/// @brief Fan-out tail: the probability that at least one of N workers is slow,
/// \f$1 - (1 - p)^N\f$.
///
/// Dean & Barroso 2013, "The Tail at Scale", Communications of the ACM 56(2), 74-80: with a 1 %
/// chance that one server is slow, a request that fans out to 100 servers is slow 63 % of the
/// time.
/// @param slow_probability p, the chance that one worker is slow in a step, in [0, 1]
/// @param workers N, >= 1
/// @pre 0 <= p <= 1; N >= 1
/// @throws invalid_input "fan-out tail: slow_probability must be in [0, 1] (got 1.5)"
/// @return the probability, in [0, 1]
[[nodiscard]] inline double probability_any_slow(double slow_probability, int workers) {
  require_fraction("fan-out tail", "slow_probability", slow_probability);
  require_at_least("fan-out tail", "workers", workers, 1);
  if (slow_probability == 1.0) return 1.0;
  return -std::expm1(static_cast<double>(workers) * std::log1p(-slow_probability));
}

/// @}

}  // namespace paradox::sync
