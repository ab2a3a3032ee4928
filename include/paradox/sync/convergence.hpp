/// @file
/// @brief What stale gradients cost in convergence: the steps-to-target penalty of a mean
/// staleness (a stated, named model), time to target, and the learning-rate stability bound of
/// gradient descent with delayed gradients.
#pragma once

#include <cmath>
#include <limits>
#include <numbers>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::sync {

/// @addtogroup sync
/// @{

/// @brief The convergence penalty of stale gradients, as an explicit model parameter.
///
/// Staleness-aware SGD divides the learning rate by a power of the staleness to stay stable:
/// \f$\eta_\tau = \eta / (1 + \tau)^a\f$. In the regime where progress per update is
/// proportional to the learning rate, reaching the same loss then takes
/// \f$(1 + \tau)^a\f$ times as many samples. a = 1/2 is the square-root rule
/// (\f$\eta/\sqrt{\tau}\f$ in the MLSys textbook, vol. 2, "Distributed Training Systems",
/// sec. "Synchronization Models"); a = 1 is Zhang et al. 2016, "Staleness-aware Async-SGD for
/// Distributed Deep Learning", IJCAI (the learning rate over the staleness); a = 0 assumes staleness is free.
/// Dutta et al. 2018 ("Slow and Stale Gradients Can Win the Race", AISTATS) bound
/// the error of asynchronous SGD with the same shape: a floor and a rate that degrade with
/// the staleness, which is why the penalty is a parameter here and not a fitted constant.
struct StalenessPenalty {
  double exponent = 0.5;  ///< a, in [0, 4]
};

/// @brief Samples-to-target multiplier of a mean staleness: \f$(1 + \tau)^a\f$.
/// @param mean_staleness \f$\tau\f$, in updates, >= 0 (N - 1 for asynchronous SGD, 0 for sync)
/// @param penalty the exponent a (StalenessPenalty)
/// @pre tau >= 0 and finite, <= 1e9; 0 <= a <= 4
/// @throws invalid_input "staleness penalty: exponent must be in [0, 4] (got 5)"
/// @return the factor, >= 1
[[nodiscard]] inline double staleness_penalty_ratio(double mean_staleness,
                                                    StalenessPenalty penalty = {}) {
  constexpr std::string_view fn = "staleness penalty";
  require_non_negative(fn, "mean_staleness", mean_staleness);
  if (!(mean_staleness <= 1e9))
    throw invalid_input(fn, "mean_staleness", "be <= 1e9", paradox::detail::describe(mean_staleness));
  if (!(penalty.exponent >= 0.0 && penalty.exponent <= 4.0))
    throw invalid_input(fn, "exponent", "be in [0, 4]", paradox::detail::describe(penalty.exponent));
  return std::pow(1.0 + mean_staleness, penalty.exponent);
}

/// @brief Time to target: the samples to target over the throughput.
///
/// \f$T = S_0 (1 + \tau)^a / R\f$ for \f$S_0\f$ samples a synchronous run needs, a mean
/// staleness \f$\tau\f$ and a throughput R in samples per second.
/// @param sync_samples_to_target \f$S_0\f$, samples synchronous SGD needs to reach the target,
///   > 0 (steps to target times the global batch)
/// @param mean_staleness \f$\tau\f$, in updates, >= 0
/// @param samples_per_second R, > 0
/// @param penalty the exponent a
/// @pre S0 > 0; R > 0; as staleness_penalty_ratio
/// @throws invalid_input "time to target: samples_per_second must be > 0 and finite (got 0)"
/// @return the wall-clock time to target
[[nodiscard]] inline Seconds time_to_target(double sync_samples_to_target, double mean_staleness,
                                            double samples_per_second,
                                            StalenessPenalty penalty = {}) {
  constexpr std::string_view fn = "time to target";
  require_positive(fn, "sync_samples_to_target", sync_samples_to_target);
  require_positive(fn, "samples_per_second", samples_per_second);
  const double t =
      sync_samples_to_target * staleness_penalty_ratio(mean_staleness, penalty) / samples_per_second;
  if (!std::isfinite(t))
    throw invalid_input(fn, "sync_samples_to_target", "give a finite time",
                        paradox::detail::describe(sync_samples_to_target));
  return t * seconds;
}

/// @brief The largest stable learning rate of gradient descent with gradients \f$\tau\f$ steps
/// stale, on a quadratic of curvature L: \f$\eta^* = \dfrac{2}{L}\sin\dfrac{\pi}{2(2\tau + 1)}\f$.
///
/// Delayed gradient descent on \f$\tfrac{L}{2}x^2\f$ is \f$x_{t+1} = x_t - \eta L x_{t-\tau}\f$,
/// which is asymptotically stable if and only if \f$0 < \eta L < 2\sin(\pi/(2(2\tau+1)))\f$
/// (Levin & May 1976, "A note on difference-delay equations", Theoretical Population Biology
/// 9(2), 178-187; for a quadratic with Hessian eigenvalues up to L the largest one decides).
/// \f$\tau = 0\f$ gives the classical \f$\eta < 2/L\f$, \f$\tau = 1\f$ gives \f$1/L\f$, and for
/// large \f$\tau\f$ the bound is about \f$\pi/(2L(\tau + 1/2))\f$: the \f$c/(L(1+\tau))\f$
/// step size of the delayed-SGD analyses (Arjevani, Shamir & Srebro 2020, "A Tight Convergence
/// Analysis for Stochastic Gradient Descent with Delayed Updates", ALT, sec. 3).
/// @param curvature L, the largest eigenvalue of the Hessian (the smoothness constant), > 0
/// @param staleness \f$\tau\f$, in steps, >= 0
/// @pre L > 0 and finite; tau >= 0
/// @throws invalid_input "stability bound: staleness must be >= 0 (got -1)"
/// @return \f$\eta^*\f$, in the inverse units of L
/// @see divergence_staleness
[[nodiscard]] inline double critical_learning_rate(double curvature, long long staleness) {
  require_positive("stability bound", "curvature", curvature);
  require_at_least("stability bound", "staleness", staleness, 0LL);
  const double tau = static_cast<double>(staleness);
  return 2.0 / curvature * std::sin(std::numbers::pi / (2.0 * (2.0 * tau + 1.0)));
}

/// @brief The smallest staleness at which a learning rate diverges on a quadratic of
/// curvature L: the least \f$\tau\f$ with \f$\eta L \ge 2\sin(\pi/(2(2\tau+1)))\f$.
///
/// Inverts critical_learning_rate (Levin & May 1976):
/// \f$\tau = \lceil (\pi / \arcsin(\eta L/2) - 2)/4 \rceil\f$, 0 when \f$\eta L \ge 2\f$ (plain
/// gradient descent already diverges). At the bound itself the iteration oscillates without
/// decaying, which counts as divergence here. The count is a `long long`: a learning rate far
/// below 1/L survives staleness beyond any `int`.
/// @param learning_rate \f$\eta\f$, > 0
/// @param curvature L, > 0
/// @pre eta > 0, L > 0, both finite; eta L >= 1e-15
/// @throws invalid_input "divergence staleness: learning_rate must be > 0 and finite (got 0)"
/// @return the staleness, in steps, at which \f$\eta\f$ stops converging
/// @see critical_learning_rate
[[nodiscard]] inline long long divergence_staleness(double learning_rate, double curvature) {
  constexpr std::string_view fn = "divergence staleness";
  require_positive(fn, "learning_rate", learning_rate);
  require_positive(fn, "curvature", curvature);
  const double x = learning_rate * curvature;
  if (!(x >= 1e-15))
    throw invalid_input(fn, "learning_rate", "be >= 1e-15 / curvature",
                        paradox::detail::describe(learning_rate));
  if (x >= 2.0) return 0;
  const auto unstable = [&](long long tau) {
    return x >= 2.0 * std::sin(std::numbers::pi / (2.0 * (2.0 * static_cast<double>(tau) + 1.0)));
  };
  auto tau = static_cast<long long>(std::ceil((std::numbers::pi / std::asin(x / 2.0) - 2.0) / 4.0));
  if (tau < 0) tau = 0;
  // The closed form can be one off in floating point at the boundary: settle it on the bound.
  while (tau > 0 && unstable(tau - 1)) --tau;
  while (!unstable(tau)) ++tau;
  return tau;
}

/// @}

}  // namespace paradox::sync
