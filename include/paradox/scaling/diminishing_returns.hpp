/// @file
/// @brief The point of diminishing returns: the first size at which growing the fleet by one
/// more unit (a worker, or a whole node of workers) adds less than a chosen share of an ideal
/// worker's speedup per worker.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/scaling/strong_weak.hpp"

namespace paradox::scaling {

/// @addtogroup scaling
/// @{

/// @brief Where diminishing returns set in, and in which unit the fleet grows.
struct DiminishingReturns {
  int workers;           ///< \f$N^\ast\f$, the worker (accelerator) count
  int nodes;             ///< \f$N^\ast / g\f$, whole nodes (equals workers when g = 1)
  int workers_per_step;  ///< g: 1 when workers come one at a time, else a node's accelerators
};

namespace detail {

/// The scan of diminishing_returns() over the steps `parts` gives (one per worker count).
template <class Parts>
std::optional<DiminishingReturns> first_diminishing_step(const ScalingInput& input, int max_workers,
                                                         double threshold,
                                                         std::string_view function,
                                                         const Parts& parts) {
  validate(input, function);
  require_in_range(function, "max_workers", max_workers, 1, cluster_workers(input));
  require_finite(function, "threshold", threshold);
  const int g = input.cluster.node.accelerators_per_node;
  if (max_workers < g)
    throw invalid_input(function, "max_workers", "be >= " + std::to_string(g) + " (one node)",
                        std::to_string(max_workers));
  double current = parts(g).speedup;
  for (int n = g; n <= max_workers; n += g) {
    const double next = parts(n + g).speedup;
    if ((next - current) / static_cast<double>(g) < threshold)
      return DiminishingReturns{.workers = n, .nodes = n / g, .workers_per_step = g};
    current = next;
  }
  return std::nullopt;
}

}  // namespace detail

/// @brief The first fleet size whose next growth step adds, per worker, less than
/// `threshold` of an ideal worker's speedup.
///
/// The fleet grows in steps of \f$g\f$ = the cluster's accelerators per node: one worker at a
/// time for devices and one-accelerator nodes, a whole node at a time otherwise (a server is
/// bought whole, and the per-GPU rule would always stop at the first node boundary, where the
/// next GPU is the first to put the all-reduce on the network). With S as in evaluate():
/// \f[ N^\ast = \min\Bigl\{\, N = k g,\ k \ge 1 :
///     \frac{S(N + g) - S(N)}{g} < \theta \,\Bigr\}. \f]
/// An ideal extra worker adds 1 to S (strong and weak mode alike), so the default
/// \f$\theta = 0.5\f$ is the lab's "adding a GPU gives less than 0.5x marginal speedup"
/// (MODELS.md section 5). With g = 1 the quotient is the marginal speedup of evaluate(). The
/// scan stops at the answer: O(N*/g) all-reduce evaluations, no allocation. This is the one
/// definition the calculator (`paradox scaling`) and the part-1 walk-through report.
/// @param input the job (see evaluate())
/// @param max_workers last N examined, in [1, accelerators(input.cluster)]; with g > 1 the
///   last whole node at or below it
/// @param threshold \f$\theta\f$, finite (0.5 by default)
/// @pre as evaluate(); 1 <= max_workers <= accelerators(input.cluster); threshold finite
/// @throws invalid_input "diminishing returns: max_workers must be in [1, 64] (got 0)" on a
///   64-GPU cluster, or "diminishing returns: max_workers must be >= 8 (one node) (got 4)"
///   when g = 8 and not one whole node is examined
/// @return N*, its node count and the step, or std::nullopt if every step up to max_workers
///   still gains at least threshold per worker
/// @see evaluate, sweep
/// @ingroup scaling
[[nodiscard]] inline std::optional<DiminishingReturns> diminishing_returns(
    const ScalingInput& input, int max_workers, double threshold = 0.5) {
  return detail::first_diminishing_step(input, max_workers, threshold, "diminishing returns",
                                        [&](int n) { return detail::step_parts(input, n); });
}

/// @brief diminishing_returns() on the curve of another synchronisation model (see
/// evaluate(const ScalingInput&, int, const F&)): a federated round through a shared cell, a
/// star or a gossip on one radio channel.
/// @param input the job (see evaluate()); g is its cluster's accelerators per node (1 for
///   devices)
/// @param max_workers last N examined, as in diminishing_returns()
/// @param threshold \f$\theta\f$, finite
/// @param communication the model, called for N and N + g (see CommunicationModel)
/// @pre as diminishing_returns(); the model's times finite and >= 0
/// @throws invalid_input as diminishing_returns(), or when the model returns a negative or
///   non-finite time
/// @return as diminishing_returns()
/// @ingroup scaling
template <CommunicationModel F>
[[nodiscard]] std::optional<DiminishingReturns> diminishing_returns(const ScalingInput& input,
                                                                    int max_workers,
                                                                    double threshold,
                                                                    const F& communication) {
  constexpr std::string_view function = "diminishing returns";
  return detail::first_diminishing_step(input, max_workers, threshold, function, [&](int n) {
    return detail::step_parts(input, n, communication, function);
  });
}

/// @}

}  // namespace paradox::scaling
