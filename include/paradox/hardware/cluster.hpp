/// @file
/// @brief Cluster: identical nodes joined by an inter-node fabric, possibly oversubscribed.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/node.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief A cluster of `nodes` identical nodes on one fabric: the vocabulary the scaling and
/// layout models take.
///
/// Each node (Node) has its accelerators, one intra-node link per accelerator and
/// `nics_per_node` NICs, which its accelerators share for inter-node traffic. The NICs plug
/// into switch ports (`fabric`; none = ports as fast as the NICs). The oversubscription ratio is
/// the fat-tree's downlink-to-uplink capacity ratio (1 = full bisection bandwidth, 2 = "2:1"):
/// under all-to-all load each NIC gets 1/ratio of its rate.
struct Cluster {
  Node node{};                        ///< the node model
  int nodes = 1;                      ///< number of nodes, >= 1
  std::optional<Link> fabric{};       ///< the switch port of each NIC; none = as fast as the NIC
  double oversubscription_ratio = 1;  ///< >= 1; 1 means full bisection bandwidth
};

/// @brief Accelerators in the cluster: \f$ n_{nodes} \cdot n_{acc} \f$.
/// @param c the cluster
/// @return the number of accelerators, as a 64-bit count so that large fleets cannot overflow
///   (128 DGX H100 nodes: 1,024)
/// @throws invalid_input when a count is < 1, e.g.
///   "cluster accelerators: nodes must be >= 1 (got 0)"
[[nodiscard]] constexpr std::int64_t accelerators(const Cluster& c) {
  require_at_least("cluster accelerators", "nodes", c.nodes, 1);
  require_at_least("cluster accelerators", "accelerators_per_node", c.node.accelerators_per_node,
                   1);
  return static_cast<std::int64_t>(c.nodes) * c.node.accelerators_per_node;
}

/// @brief What one NIC can count on under load, per direction: its own link with the bandwidth
/// \f$ \min(B_{NIC}, B_{fabric}) / r \f$ (r the oversubscription ratio).
///
/// The slower of the NIC and the switch port sets the port's rate; an oversubscribed fat tree
/// then shares it among r times more downlinks than uplinks. Latency and energy are the NIC's.
/// @param c the cluster
/// @return the NIC's link at its effective rate (DGX H100 on IB NDR: 50 GB/s at r = 1,
///   25 GB/s at r = 2)
/// @pre the NIC bandwidth is > 0 and finite
/// @throws invalid_input when the ratio is < 1 or not finite, e.g.
///   "cluster inter-node bandwidth: oversubscription_ratio must be >= 1 and finite (got 0.5)",
///   or when the NIC or fabric bandwidth is not positive
[[nodiscard]] constexpr Link effective_nic(const Cluster& c) {
  constexpr std::string_view fn = "cluster inter-node bandwidth";
  if (!(c.oversubscription_ratio >= 1.0) || !std::isfinite(c.oversubscription_ratio))
    throw invalid_input(fn, "oversubscription_ratio", "be >= 1 and finite",
                        detail::describe(c.oversubscription_ratio));
  require_positive(fn, "node.nic.bandwidth", c.node.nic.bandwidth);
  Link port = c.node.nic;
  if (c.fabric) {
    require_positive(fn, "fabric.bandwidth", c.fabric->bandwidth);
    port.bandwidth = std::min(port.bandwidth, c.fabric->bandwidth);
  }
  port.bandwidth = port.bandwidth / c.oversubscription_ratio;
  return port;
}

/// @brief Inter-node bandwidth one accelerator can count on, per direction:
/// \f$ n_{NIC} \min(B_{NIC}, B_{fabric}) / (n_{acc} \cdot r) \f$.
///
/// The node's NICs are shared by its accelerators: one 10 GbE NIC in a node of 8 GPUs gives
/// each GPU 1.25 Gb/s; a DGX H100 (one 400 Gb/s NIC per GPU) gives each 400 Gb/s.
/// @param c the cluster
/// @return bandwidth per accelerator per direction, in B/s (DGX H100 with IB NDR: 8 x 50 GB/s
///   / 8 = 50 GB/s at r = 1, 25 GB/s at r = 2)
/// @throws invalid_input as effective_nic(), or when accelerators_per_node or nics_per_node
///   is < 1
/// @see effective_nic, nic_bandwidth_per_accelerator (the node alone, without the fabric)
[[nodiscard]] constexpr Bandwidth effective_inter_node_bandwidth_per_accelerator(const Cluster& c) {
  constexpr std::string_view fn = "cluster inter-node bandwidth";
  require_at_least(fn, "accelerators_per_node", c.node.accelerators_per_node, 1);
  require_at_least(fn, "nics_per_node", c.node.nics_per_node, 1);
  return static_cast<double>(c.node.nics_per_node) * effective_nic(c).bandwidth /
         static_cast<double>(c.node.accelerators_per_node);
}

/// @brief Checks a cluster: node (and fabric, if given) valid, nodes >= 1, oversubscription
/// >= 1.
/// @param c the cluster to check
/// @throws invalid_input naming the first offending field; errors in the node or the fabric
///   link come from validate(const Node&) and validate(const Link&) ("node: ...", "link: ...")
inline void validate(const Cluster& c) {
  validate(c.node);
  if (c.fabric) validate(*c.fabric);
  require_at_least("cluster", "nodes", c.nodes, 1);
  (void)effective_inter_node_bandwidth_per_accelerator(c);
}

/// @}

}  // namespace paradox
