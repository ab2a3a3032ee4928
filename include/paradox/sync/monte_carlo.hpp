/// @file
/// @brief A seeded Monte Carlo of the synchronous step: draws every worker's step time and
/// averages the order statistic the step waits for, with its standard error.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/sync/distributions.hpp"
#include "paradox/units.hpp"

namespace paradox::sync {

/// @addtogroup sync
/// @{

/// @brief How many draws, and from which seed: the same options give the same result.
struct MonteCarloOptions {
  int samples = 10'000;     ///< simulated steps, >= 2
  std::uint64_t seed = 1;   ///< seed of the std::mt19937_64 engine
};

/// @brief A Monte Carlo estimate: the sample mean and its standard error
/// \f$\hat\sigma/\sqrt{n}\f$.
struct Estimate {
  Seconds mean{};            ///< sample mean
  Seconds standard_error{};  ///< sample standard deviation over the square root of samples
  int samples = 0;           ///< draws averaged
};

namespace detail {

// Draws step times from a StepTime with a std::mt19937_64. The transforms (inversion for the
// exponentials, Box-Muller for the normal) are written out rather than taken from <random>'s
// distributions, whose algorithms the standard leaves to each library: the same seed gives the
// same numbers everywhere.
class Sampler {
 public:
  Sampler(const StepTime& dist, std::uint64_t seed) : dist_(dist), engine_(seed) {
    const double m = value_in<second_unit>(dist.mean);
    mean_ = m;
    shift_ = value_in<second_unit>(dist.shift);
    mu_ = std::log(m) - 0.5 * dist.sigma * dist.sigma;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // One healthy worker's step time, seconds.
  double healthy() {
    switch (dist_.shape) {
      case Shape::deterministic: return mean_;
      case Shape::exponential: return -mean_ * std::log1p(-uniform());
      case Shape::shifted_exponential: return shift_ - (mean_ - shift_) * std::log1p(-uniform());
      case Shape::lognormal: return dist_.sigma == 0.0 ? mean_ : std::exp(mu_ + dist_.sigma * normal());
    }
    return mean_;
  }

  // One step time of a worker that is slow with probability f (per-step stragglers).
  double transient() {
    const double x = healthy();
    if (dist_.slow_fraction > 0.0 && uniform() < dist_.slow_fraction)
      return x * dist_.slowdown_ratio;
    return x;
  }

  // One step time of worker `index` when workers [0, slow) are persistently slow.
  double draw(int index, int slow) {
    if (dist_.persistence == Persistence::per_step) return transient();
    const double x = healthy();
    return index < slow ? x * dist_.slowdown_ratio : x;
  }

 private:
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // in (0, 1]: log(u1) is finite
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(2.0 * std::numbers::pi * u2);
    has_spare_ = true;
    return r * std::cos(2.0 * std::numbers::pi * u2);
  }

  StepTime dist_;
  std::mt19937_64 engine_;
  double mean_ = 0.0;
  double shift_ = 0.0;
  double mu_ = 0.0;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Running mean and variance (Welford 1962), for the standard error.
struct Moments {
  long long n = 0;
  double mean = 0.0;
  double m2 = 0.0;
  void add(double x) {
    ++n;
    const double delta = x - mean;
    mean += delta / static_cast<double>(n);
    m2 += delta * (x - mean);
  }
  [[nodiscard]] double standard_error() const {
    return n < 2 ? 0.0 : std::sqrt(m2 / static_cast<double>(n - 1) / static_cast<double>(n));
  }
};

}  // namespace detail

/// @brief Monte Carlo estimate of \f$E[X_{(r:n)}]\f$, the r-th fastest of n step times.
///
/// Each sample draws the n workers' step times (per-worker stragglers: the first
/// round(f n) workers are slowed at every step) and keeps the r-th smallest. The engine is
/// std::mt19937_64 seeded with `options.seed`, the transforms are inversion and Box-Muller, so a
/// seed gives the same estimate on every platform. The closed forms and the quadrature of
/// expected_order_statistic agree with it within a few standard errors (the tests check 3).
/// @param dist one worker's step-time distribution
/// @param rank r, in [1, n] (n for the synchronous step)
/// @param workers n, >= 1
/// @param options samples (>= 2) and seed
/// @pre check(dist) passes; 1 <= r <= n; samples >= 2; samples x n <= 10^10
/// @throws invalid_input "monte carlo: samples must be >= 2 (got 1)"
/// @return the sample mean and its standard error
/// @see expected_order_statistic
[[nodiscard]] inline Estimate simulate_order_statistic(const StepTime& dist, int rank, int workers,
                                                       MonteCarloOptions options = {}) {
  constexpr std::string_view fn = "monte carlo";
  check(fn, dist);
  require_at_least(fn, "workers", workers, 1);
  require_in_range(fn, "rank", rank, 1, workers);
  require_at_least(fn, "samples", options.samples, 2);
  // 10^10 draws is minutes of work: a larger request is a mistake, not a simulation.
  if (static_cast<double>(options.samples) * static_cast<double>(workers) > 1e10)
    throw invalid_input(fn, "samples", "be <= 1e10 / workers", paradox::detail::describe(options.samples));
  const int slow = dist.persistence == Persistence::per_worker
                       ? static_cast<int>(std::lround(dist.slow_fraction * static_cast<double>(workers)))
                       : 0;
  detail::Sampler sampler(dist, options.seed);
  detail::Moments moments;
  std::vector<double> times(rank == workers ? 0 : static_cast<std::size_t>(workers));
  for (int s = 0; s < options.samples; ++s) {
    if (rank == workers) {
      double slowest = 0.0;
      for (int w = 0; w < workers; ++w) slowest = std::max(slowest, sampler.draw(w, slow));
      moments.add(slowest);
    } else {
      for (int w = 0; w < workers; ++w) times[static_cast<std::size_t>(w)] = sampler.draw(w, slow);
      const auto nth = times.begin() + (rank - 1);
      std::nth_element(times.begin(), nth, times.end());
      moments.add(*nth);
    }
  }
  return {.mean = moments.mean * seconds,
          .standard_error = moments.standard_error() * seconds,
          .samples = options.samples};
}

/// @brief Monte Carlo estimate of the synchronous step \f$E[\max_i X_i]\f$ (r = n).
/// @param dist one worker's step-time distribution
/// @param workers n, >= 1
/// @param options samples (>= 2) and seed
/// @pre as simulate_order_statistic
/// @throws invalid_input as simulate_order_statistic
/// @return the sample mean and its standard error
/// @see expected_max
[[nodiscard]] inline Estimate simulate_max(const StepTime& dist, int workers,
                                           MonteCarloOptions options = {}) {
  require_at_least("monte carlo", "workers", workers, 1);
  return simulate_order_statistic(dist, workers, workers, options);
}

/// @}

}  // namespace paradox::sync
