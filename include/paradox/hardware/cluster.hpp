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

/// @brief A level of the fabric above the node: racks (nodes behind one leaf switch) or pods
/// (racks behind one spine).
///
/// Traffic that leaves a group of this level crosses its uplinks: each NIC then gets at most
/// the uplink's per-port rate, divided by the level's oversubscription ratio (a 2:1 tapered
/// spine halves it). A tier with `members = 0` is not modelled: one group holds the cluster.
struct FabricTier {
  int members = 0;                    ///< nodes per rack, or racks per pod; 0 = one group
  std::optional<Link> uplink{};       ///< rate per NIC beyond the group; none = the level below's
  double oversubscription_ratio = 1;  ///< >= 1; taper of the group's uplinks
};

/// @brief A cluster of `nodes` identical nodes on one fabric: the vocabulary the scaling and
/// layout models take.
///
/// Each node (Node) has its accelerators, one intra-node link per accelerator and
/// `nics_per_node` NICs, which its accelerators share for inter-node traffic. The NICs plug
/// into switch ports (`fabric`; none = ports as fast as the NICs). The oversubscription ratio is
/// the fat-tree's downlink-to-uplink capacity ratio (1 = full bisection bandwidth, 2 = "2:1"):
/// under all-to-all load each NIC gets 1/ratio of its rate. Nodes are grouped into racks and
/// racks into pods (`rack`, `pod`); node n sits in rack n / rack.members and that rack in pod
/// rack / pod.members. Traffic between racks or pods is priced by level_link().
struct Cluster {
  Node node{};                        ///< the node model
  int nodes = 1;                      ///< number of nodes, >= 1
  std::optional<Link> fabric{};       ///< the switch port of each NIC; none = as fast as the NIC
  double oversubscription_ratio = 1;  ///< >= 1; 1 means full bisection bandwidth
  FabricTier rack{};                  ///< nodes per rack and the rack's uplinks
  FabricTier pod{};                   ///< racks per pod and the pod's uplinks
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

/// @brief The smallest part of a cluster a group of accelerators fits in, which decides the
/// link its traffic crosses.
enum class Level {
  node,    ///< one node: the intra-node link (NVLink)
  rack,    ///< one rack: the NICs through the leaf switch
  pod,     ///< one pod: the NICs, then the racks' uplinks
  cluster  ///< several pods: the NICs, the racks' and the pods' uplinks
};

/// @brief Lower-case name of a level, as tables print it.
/// @param level the level
/// @return "node", "rack", "pod" or "cluster"
[[nodiscard]] constexpr std::string_view to_string(Level level) noexcept {
  switch (level) {
    case Level::node:
      return "node";
    case Level::rack:
      return "rack";
    case Level::pod:
      return "pod";
    case Level::cluster:
      return "cluster";
  }
  return "cluster";
}

/// @brief Nodes in one rack: rack.members, or every node when the tier is not modelled (0) or
/// larger than the cluster.
/// @param c the cluster
/// @return nodes per rack, >= 1
[[nodiscard]] constexpr int nodes_per_rack(const Cluster& c) noexcept {
  return c.rack.members > 0 && c.rack.members < c.nodes ? c.rack.members : std::max(c.nodes, 1);
}

/// @brief Racks in one pod: pod.members, or every rack when the tier is not modelled (0) or
/// larger than the cluster.
/// @param c the cluster
/// @return racks per pod, >= 1
[[nodiscard]] constexpr int racks_per_pod(const Cluster& c) noexcept {
  const int per_rack = nodes_per_rack(c);
  const int racks = (std::max(c.nodes, 1) + per_rack - 1) / per_rack;
  return c.pod.members > 0 && c.pod.members < racks ? c.pod.members : racks;
}

/// @brief Where accelerator `gpu` (0-based, node-major) sits: node, rack and pod indices.
struct Position {
  int node = 0;  ///< gpu / accelerators_per_node
  int rack = 0;  ///< node / nodes_per_rack
  int pod = 0;   ///< rack / racks_per_pod
};

/// @brief The node, rack and pod of accelerator `gpu`, numbered node by node.
/// @param c the cluster
/// @param gpu the accelerator, in [0, accelerators(c))
/// @throws invalid_input "cluster position: gpu must be in [0, 1023] (got 1024)"
/// @return its node, rack and pod
[[nodiscard]] constexpr Position position(const Cluster& c, std::int64_t gpu) {
  const std::int64_t count = accelerators(c);
  require_in_range<std::int64_t>("cluster position", "gpu", gpu, 0, count - 1);
  const int node = static_cast<int>(gpu / c.node.accelerators_per_node);
  const int rack = node / nodes_per_rack(c);
  return {.node = node, .rack = rack, .pod = rack / racks_per_pod(c)};
}

/// @brief The smallest level holding both accelerators.
/// @param c the cluster
/// @param a one accelerator
/// @param b another
/// @throws invalid_input as position()
/// @return Level::node when they share a node, else rack, pod or cluster
[[nodiscard]] constexpr Level common_level(const Cluster& c, std::int64_t a, std::int64_t b) {
  const Position pa = position(c, a);
  const Position pb = position(c, b);
  if (pa.node == pb.node) return Level::node;
  if (pa.rack == pb.rack) return Level::rack;
  if (pa.pod == pb.pod) return Level::pod;
  return Level::cluster;
}

/// @brief The link one accelerator sees for traffic that stays within `level` but leaves the
/// level below it: its bandwidth is the accelerator's share, per direction.
///
/// - node: the intra-node link (NVLink through NVSwitch), as the node's datasheet gives it.
/// - rack: effective_inter_node_bandwidth_per_accelerator() (the node's NICs through the leaf
///   switch, shared by the node's accelerators), with the NIC's latency.
/// - pod: that, capped by the rack uplinks' per-port rate and divided by the rack tier's
///   oversubscription ratio.
/// - cluster: that, capped again by the pod uplinks and divided by the pod tier's ratio.
///
/// A ring or tree whose members span several levels is paced by its slowest hop, which is the
/// link of the highest level it crosses (a flat ring over all members sends through every
/// hop once per step).
/// @param c the cluster
/// @param level the highest level the traffic crosses
/// @pre c passes validate(const Cluster&)
/// @throws invalid_input as effective_nic(), or when a tier's ratio is < 1 or not finite, e.g.
///   "cluster level link: rack.oversubscription_ratio must be >= 1 and finite (got 0.5)"
/// @return a Link with the accelerator's share of bandwidth, the latency of the last hop's NIC,
///   and the name of the level's link
[[nodiscard]] constexpr Link level_link(const Cluster& c, Level level) {
  constexpr std::string_view fn = "cluster level link";
  if (level == Level::node) return c.node.intra_node;
  Link link = c.node.nic;
  link.bandwidth = effective_inter_node_bandwidth_per_accelerator(c);
  const double share =
      static_cast<double>(c.node.nics_per_node) / static_cast<double>(c.node.accelerators_per_node);
  const auto climb = [&](const FabricTier& tier, std::string_view ratio_name) {
    if (!(tier.oversubscription_ratio >= 1.0) || !std::isfinite(tier.oversubscription_ratio))
      throw invalid_input(fn, ratio_name, "be >= 1 and finite",
                          detail::describe(tier.oversubscription_ratio));
    if (tier.uplink) {
      require_positive(fn, "uplink.bandwidth", tier.uplink->bandwidth);
      link.bandwidth = std::min(link.bandwidth, share * tier.uplink->bandwidth);
      link.latency = std::max(link.latency, tier.uplink->latency);
    }
    link.bandwidth = link.bandwidth / tier.oversubscription_ratio;
  };
  if (level == Level::pod || level == Level::cluster)
    climb(c.rack, "rack.oversubscription_ratio");
  if (level == Level::cluster) climb(c.pod, "pod.oversubscription_ratio");
  return link;
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
  require_at_least("cluster", "rack.members", c.rack.members, 0);
  require_at_least("cluster", "pod.members", c.pod.members, 0);
  if (c.rack.uplink) validate(*c.rack.uplink);
  if (c.pod.uplink) validate(*c.pod.uplink);
  (void)effective_inter_node_bandwidth_per_accelerator(c);
  (void)level_link(c, Level::cluster);
}

/// @}

}  // namespace paradox
