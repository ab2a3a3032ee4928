/// @file
/// @brief Cluster: identical nodes joined by an inter-node fabric, possibly oversubscribed.
#pragma once

#include <algorithm>
#include <cstdint>

#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/node.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief A cluster of `nodes` identical nodes on one fabric.
///
/// The oversubscription ratio is the fat-tree's downlink-to-uplink capacity ratio (1 = full
/// bisection bandwidth, 2 = "2:1"): under all-to-all load each NIC gets 1/ratio of its rate.
struct Cluster {
  Node node{};                        ///< the node model
  int nodes = 1;                      ///< number of nodes, >= 1
  Link inter_node{};                  ///< the fabric's port (switch side of each NIC)
  double oversubscription_ratio = 1;  ///< >= 1; 1 means full bisection bandwidth
};

/// @brief Accelerators in the cluster: \f$ n_{nodes} \cdot n_{acc} \f$.
/// @throws invalid_input when a count is < 1
[[nodiscard]] constexpr std::int64_t accelerators(const Cluster& c) {
  require_at_least("cluster accelerators", "nodes", c.nodes, 1);
  require_at_least("cluster accelerators", "accelerators_per_node", c.node.accelerators_per_node,
                   1);
  return static_cast<std::int64_t>(c.nodes) * c.node.accelerators_per_node;
}

/// @brief Inter-node bandwidth one accelerator can count on, per direction:
/// \f$ n_{NIC} \min(B_{NIC}, B_{fabric}) / (n_{acc} \cdot r) \f$ with r the oversubscription.
/// @throws invalid_input when the ratio is < 1 or not finite, or a count is < 1
[[nodiscard]] constexpr Bandwidth effective_inter_node_bandwidth_per_accelerator(const Cluster& c) {
  constexpr std::string_view fn = "cluster inter-node bandwidth";
  if (!(c.oversubscription_ratio >= 1.0) || !std::isfinite(c.oversubscription_ratio))
    throw invalid_input(fn, "oversubscription_ratio", "be >= 1 and finite",
                        detail::describe(c.oversubscription_ratio));
  require_at_least(fn, "accelerators_per_node", c.node.accelerators_per_node, 1);
  const Bandwidth port = std::min(c.node.nic.bandwidth, c.inter_node.bandwidth);
  return static_cast<double>(c.node.nics_per_node) * port /
         (static_cast<double>(c.node.accelerators_per_node) * c.oversubscription_ratio);
}

/// @brief Checks a cluster: node and fabric valid, nodes >= 1, oversubscription >= 1.
/// @throws invalid_input naming the offending field
inline void validate(const Cluster& c) {
  validate(c.node);
  validate(c.inter_node);
  require_at_least("cluster", "nodes", c.nodes, 1);
  (void)effective_inter_node_bandwidth_per_accelerator(c);
}

/// @}

}  // namespace paradox
