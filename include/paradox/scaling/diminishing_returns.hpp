/// @file
/// @brief The point of diminishing returns: the first worker (or node) count at which one more
/// worker adds less than a chosen share of an ideal worker's speedup.
#pragma once

#include <optional>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/scaling/strong_weak.hpp"

namespace paradox::scaling {

/// @addtogroup scaling
/// @{

/// @brief Smallest N whose marginal speedup S(N+1) - S(N) is below `threshold`.
///
/// \f$ N^\ast = \min\{\, N \in [1, N_\max] : S(N+1) - S(N) < \theta \,\} \f$, with S as in
/// evaluate(). An ideal extra worker adds 1 to S (strong and weak mode alike), so the default
/// \f$\theta = 0.5\f$ is the lab's "adding a GPU gives less than 0.5x marginal speedup"
/// (MODELS.md section 5). The scan stops at the answer: O(N*) all-reduce evaluations, no
/// allocation. On a multi-node cluster the first node boundary (N = gpus_per_node, where the
/// next worker puts the all-reduce on the network) is often the answer; see
/// diminishing_returns_nodes() for whole-node steps.
/// @param input the job (see evaluate())
/// @param max_workers last N examined, in [1, max_workers_limit]
/// @param threshold \f$\theta\f$, finite (0.5 by default)
/// @pre as evaluate(); 1 <= max_workers <= max_workers_limit; threshold finite
/// @throws invalid_input "diminishing returns: max_workers must be in [1, 10000000] (got 0)"
/// @return N*, or std::nullopt if every N up to max_workers still gains at least threshold
/// @see evaluate, sweep, diminishing_returns_nodes
/// @ingroup scaling
[[nodiscard]] inline std::optional<int> diminishing_returns_workers(const ScalingInput& input,
                                                                    int max_workers,
                                                                    double threshold = 0.5) {
  constexpr std::string_view function = "diminishing returns";
  detail::validate(input, function);
  require_in_range(function, "max_workers", max_workers, 1, max_workers_limit);
  require_finite(function, "threshold", threshold);
  double current = detail::step_parts(input, 1).speedup;
  for (int n = 1; n <= max_workers; ++n) {
    const double next = detail::step_parts(input, n + 1).speedup;
    if (next - current < threshold) return n;
    current = next;
  }
  return std::nullopt;
}

/// @brief Smallest node count k at which one more whole node adds, per GPU, less than
/// `threshold` of an ideal GPU.
///
/// With g = gpus_per_node: \f$ k^\ast = \min\{\, k \in [1, k_\max] :
/// \bigl(S((k+1)\,g) - S(k\,g)\bigr) / g < \theta \,\} \f$. This is the node-granular reading
/// of diminishing_returns_workers() for clusters that grow a node at a time, where the
/// per-GPU rule would stop at the first node boundary. With g = 1 both functions agree.
/// @param input the job (see evaluate())
/// @param max_nodes last k examined, >= 1, with max_nodes * gpus_per_node <= max_workers_limit
/// @param threshold \f$\theta\f$, finite (0.5 by default)
/// @pre as evaluate(); 1 <= max_nodes; max_nodes * gpus_per_node <= max_workers_limit
/// @throws invalid_input "diminishing returns (nodes): max_nodes must be in [1, 1250000]
///         (got 0)" (the upper bound is max_workers_limit / gpus_per_node)
/// @return k*, or std::nullopt if every k up to max_nodes still gains at least threshold
/// @see diminishing_returns_workers
/// @ingroup scaling
[[nodiscard]] inline std::optional<int> diminishing_returns_nodes(const ScalingInput& input,
                                                                  int max_nodes,
                                                                  double threshold = 0.5) {
  constexpr std::string_view function = "diminishing returns (nodes)";
  detail::validate(input, function);
  const int per_node = input.gpus_per_node;
  require_in_range(function, "max_nodes", max_nodes, 1, max_workers_limit / per_node);
  require_finite(function, "threshold", threshold);
  const auto g = static_cast<double>(per_node);
  double current = detail::step_parts(input, per_node).speedup;
  for (int k = 1; k <= max_nodes; ++k) {
    const double next = detail::step_parts(input, (k + 1) * per_node).speedup;
    if ((next - current) / g < threshold) return k;
    current = next;
  }
  return std::nullopt;
}

/// @}

}  // namespace paradox::scaling
