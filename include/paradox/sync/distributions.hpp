/// @file
/// @brief Step-time distributions of one worker: deterministic, exponential, shifted
/// exponential and log-normal shapes, with "a fraction f of workers slowed by factor k" on top,
/// per step (transient stragglers) or per worker (persistent stragglers).
#pragma once

#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <numbers>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::sync {

/// @addtogroup sync
/// @{

/// @brief The shape of a healthy worker's step time.
enum class Shape {
  deterministic,        ///< always the mean
  exponential,          ///< exponential with the given mean (rate \f$\mu = 1/\mathrm{mean}\f$)
  shifted_exponential,  ///< `shift` plus an exponential of mean `mean - shift`
  lognormal,            ///< log-normal with the given mean and log-standard-deviation `sigma`
};

/// @brief Whether stragglers are slow for one step or for the whole run.
///
/// Per step (transient: OS jitter, a congested link, a garbage collection): every step, each
/// worker is independently slow with probability f, so the N step times are independent draws.
/// Per worker (persistent: a thermally throttled or degraded GPU): the same
/// \f$m = \mathrm{round}(fN)\f$ workers are slow at every step, so the N step times are two
/// groups of independent draws, N - m healthy and m slowed.
enum class Persistence {
  per_step,    ///< transient stragglers: each worker slow with probability f at each step
  per_worker,  ///< persistent stragglers: round(f N) workers slow at every step
};

/// @brief One worker's step time: a healthy shape, and stragglers that take k times as long.
///
/// A straggler's time is k times a healthy draw, so its CDF is \f$F_0(x/k)\f$; the time of a
/// worker that is slow with probability f has CDF \f$F(x) = (1 - f) F_0(x) + f F_0(x/k)\f$.
/// "Bimodal" (a fraction f of workers slowed by factor k, the rest on time) is the
/// deterministic shape with f > 0.
struct StepTime {
  Shape shape = Shape::deterministic;  ///< the healthy worker's distribution
  Seconds mean{};                      ///< a healthy worker's mean step time, > 0
  Seconds shift{};                     ///< shifted exponential: the minimum, in [0, mean)
  double sigma = 0.0;                  ///< log-normal: standard deviation of ln(time), >= 0
  double slow_fraction = 0.0;          ///< f, share of slow workers (or steps), in [0, 1]
  double slowdown_ratio = 1.0;         ///< k, a straggler's time over a healthy one, >= 1
  Persistence persistence = Persistence::per_step;  ///< transient or persistent stragglers
};

/// @brief The spelling of a shape: "deterministic", "exponential", "shifted-exponential",
/// "lognormal".
/// @param shape the shape
/// @return its name as the calculator spells it
[[nodiscard]] constexpr std::string_view to_string(Shape shape) {
  switch (shape) {
    case Shape::deterministic: return "deterministic";
    case Shape::exponential: return "exponential";
    case Shape::shifted_exponential: return "shifted-exponential";
    case Shape::lognormal: return "lognormal";
  }
  return "deterministic";
}

/// @brief The spelling of a persistence: "per-step" or "per-worker".
/// @param persistence the persistence
/// @return its name as the calculator spells it
[[nodiscard]] constexpr std::string_view to_string(Persistence persistence) {
  return persistence == Persistence::per_step ? "per-step" : "per-worker";
}

/// @brief Checks a step-time distribution.
/// @param function the calling model, for the message
/// @param dist the distribution
/// @pre mean > 0 and finite; 0 <= shift < mean; 0 <= sigma <= 10; 0 <= f <= 1; 1 <= k <= 1e6
/// @throws invalid_input "expected step: mean must be > 0 and finite (got 0 s)", and likewise
///   "shift must be in [0, mean) ...", "sigma must be in [0, 10] ...", "slow_fraction must be in
///   [0, 1] ...", "slowdown_ratio must be in [1, 1e6] ..."
inline void check(std::string_view function, const StepTime& dist) {
  require_positive(function, "mean", dist.mean);
  const double mean = value_in<second_unit>(dist.mean);
  const double shift = value_in<second_unit>(dist.shift);
  if (!(shift >= 0.0 && shift < mean))
    throw invalid_input(function, "shift", "be in [0, mean)", paradox::detail::describe(dist.shift));
  // A log-normal with sigma above 10 has a mean 10^21 times its median: no fleet looks like it,
  // and exp(sigma^2) overflows soon after.
  if (!(dist.sigma >= 0.0 && dist.sigma <= 10.0))
    throw invalid_input(function, "sigma", "be in [0, 10]", paradox::detail::describe(dist.sigma));
  require_fraction(function, "slow_fraction", dist.slow_fraction);
  if (!(dist.slowdown_ratio >= 1.0 && dist.slowdown_ratio <= 1e6))
    throw invalid_input(function, "slowdown_ratio", "be in [1, 1e6]",
                        paradox::detail::describe(dist.slowdown_ratio));
}

namespace detail {

// Survival function 1 - F0(x) of the healthy shape, x in seconds; computed directly (not as
// 1 - F) so that the far tail keeps its digits.
[[nodiscard]] inline double healthy_survival(const StepTime& d, double x) {
  const double mean = value_in<second_unit>(d.mean);
  switch (d.shape) {
    case Shape::deterministic: return x < mean ? 1.0 : 0.0;
    case Shape::exponential: return x <= 0.0 ? 1.0 : std::exp(-x / mean);
    case Shape::shifted_exponential: {
      const double shift = value_in<second_unit>(d.shift);
      return x <= shift ? 1.0 : std::exp(-(x - shift) / (mean - shift));
    }
    case Shape::lognormal: {
      if (x <= 0.0) return 1.0;
      if (d.sigma == 0.0) return x < mean ? 1.0 : 0.0;
      const double mu = std::log(mean) - 0.5 * d.sigma * d.sigma;
      return 0.5 * boost::math::erfc((std::log(x) - mu) / (d.sigma * std::numbers::sqrt2));
    }
  }
  return 0.0;
}

// CDF F0(x) of the healthy shape.
[[nodiscard]] inline double healthy_cdf(const StepTime& d, double x) {
  const double mean = value_in<second_unit>(d.mean);
  switch (d.shape) {
    case Shape::deterministic: return x < mean ? 0.0 : 1.0;
    case Shape::exponential: return x <= 0.0 ? 0.0 : -std::expm1(-x / mean);
    case Shape::shifted_exponential: {
      const double shift = value_in<second_unit>(d.shift);
      return x <= shift ? 0.0 : -std::expm1(-(x - shift) / (mean - shift));
    }
    case Shape::lognormal: {
      if (x <= 0.0) return 0.0;
      if (d.sigma == 0.0) return x < mean ? 0.0 : 1.0;
      const double mu = std::log(mean) - 0.5 * d.sigma * d.sigma;
      return 0.5 * boost::math::erfc(-(std::log(x) - mu) / (d.sigma * std::numbers::sqrt2));
    }
  }
  return 1.0;
}

// Quantile of the healthy shape at probability p in [0, 1), seconds.
[[nodiscard]] inline double healthy_quantile(const StepTime& d, double p) {
  const double mean = value_in<second_unit>(d.mean);
  switch (d.shape) {
    case Shape::deterministic: return mean;
    case Shape::exponential: return -mean * std::log1p(-p);
    case Shape::shifted_exponential: {
      const double shift = value_in<second_unit>(d.shift);
      return shift - (mean - shift) * std::log1p(-p);
    }
    case Shape::lognormal: {
      if (d.sigma == 0.0) return mean;
      if (p == 0.0) return 0.0;
      const double mu = std::log(mean) - 0.5 * d.sigma * d.sigma;
      return std::exp(mu - d.sigma * std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p));
    }
  }
  return mean;
}

// True when every draw equals the mean: the deterministic shape, or a log-normal with sigma 0.
[[nodiscard]] inline bool is_point_mass(const StepTime& d) {
  return d.shape == Shape::deterministic || (d.shape == Shape::lognormal && d.sigma == 0.0);
}

}  // namespace detail

/// @brief CDF of one worker's step time: \f$F(x) = (1 - f) F_0(x) + f F_0(x/k)\f$.
///
/// For per-worker stragglers this is the step time of a worker picked at random.
/// Healthy CDFs \f$F_0\f$: deterministic, a step at the mean; exponential
/// \f$1 - e^{-x/m}\f$; shifted exponential \f$1 - e^{-(x - s)/(m - s)}\f$ for x > s;
/// log-normal \f$\Phi((\ln x - \mu)/\sigma)\f$ with \f$\mu = \ln m - \sigma^2/2\f$ so that the
/// mean is m (any probability text, e.g. Johnson, Kotz & Balakrishnan, "Continuous Univariate
/// Distributions", vol. 1, ch. 14 and 19).
/// @param dist the distribution
/// @param time the step time x, >= 0
/// @pre check(dist) passes; time >= 0 and finite
/// @throws invalid_input "step time cdf: time must be >= 0 and finite (got -1 s)"
/// @return P(step time <= x), in [0, 1]
/// @see quantile
[[nodiscard]] inline double cdf(const StepTime& dist, Seconds time) {
  check("step time cdf", dist);
  require_non_negative("step time cdf", "time", time);
  const double x = value_in<second_unit>(time);
  const double f = dist.slow_fraction;
  return (1.0 - f) * detail::healthy_cdf(dist, x) +
         f * detail::healthy_cdf(dist, x / dist.slowdown_ratio);
}

/// @brief Mean step time of one worker: \f$E[X] = m\,(1 + f(k - 1))\f$.
///
/// A straggler's time is k times a healthy draw, so its mean is k m.
/// @param dist the distribution
/// @pre check(dist) passes
/// @throws invalid_input as check()
/// @return the mean step time of a worker picked at random
[[nodiscard]] inline Seconds mean(const StepTime& dist) {
  check("step time mean", dist);
  return dist.mean * (1.0 + dist.slow_fraction * (dist.slowdown_ratio - 1.0));
}

/// @brief Number of persistently slow workers among n: \f$m = \mathrm{round}(f n)\f$.
///
/// Zero for per-step stragglers (no worker is slow for good).
/// @param dist the distribution
/// @param workers n, >= 1
/// @pre check(dist) passes; workers >= 1
/// @throws invalid_input "slow workers: workers must be >= 1 (got 0)"
/// @return m in [0, n]
[[nodiscard]] inline int slow_workers(const StepTime& dist, int workers) {
  check("slow workers", dist);
  require_at_least("slow workers", "workers", workers, 1);
  if (dist.persistence == Persistence::per_step) return 0;
  return static_cast<int>(std::lround(dist.slow_fraction * static_cast<double>(workers)));
}

/// @brief Quantile of one worker's step time: the x with \f$F(x) = p\f$.
///
/// Closed forms for the healthy shapes (\f$-m\ln(1-p)\f$ for the exponential); with
/// stragglers the mixture is inverted by bisection to a relative 1e-13.
/// @param dist the distribution
/// @param probability p, in [0, 1)
/// @pre check(dist) passes; 0 <= p < 1
/// @throws invalid_input "step time quantile: probability must be in [0, 1) (got 1)"
/// @return the smallest x with F(x) >= p
/// @see cdf
[[nodiscard]] inline Seconds quantile(const StepTime& dist, double probability) {
  check("step time quantile", dist);
  if (!(probability >= 0.0 && probability < 1.0))
    throw invalid_input("step time quantile", "probability", "be in [0, 1)",
                        paradox::detail::describe(probability));
  const double f = dist.slow_fraction;
  const double k = dist.slowdown_ratio;
  if (f == 0.0 || k == 1.0) return detail::healthy_quantile(dist, probability) * seconds;
  if (f == 1.0) return k * detail::healthy_quantile(dist, probability) * seconds;
  // The mixture's quantile lies between the healthy and the slowed quantile at p.
  double lo = detail::healthy_quantile(dist, probability);
  double hi = k * lo;
  const auto mixture = [&](double x) {
    return (1.0 - f) * detail::healthy_cdf(dist, x) + f * detail::healthy_cdf(dist, x / k);
  };
  if (mixture(lo) >= probability) return lo * seconds;
  for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (mixture(mid) >= probability ? hi : lo) = mid;
  }
  return hi * seconds;
}

/// @}

}  // namespace paradox::sync
