/// @file
/// @brief Hierarchical (two-level) all-reduce: intra-node reduce-scatter, inter-node all-reduce
/// of one shard, intra-node all-gather.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/comm/point_to_point.hpp"
#include "paradox/comm/ring.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the hierarchical all-reduce model: \f$p = g k\f$ ranks, \f$g\f$ per node,
/// the node's \f$K\f$ NICs shared by its \f$g\f$ GPUs.
struct HierarchicalAllReduce {
  Bytes message{};        ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;          ///< \f$p\f$, all GPUs
  int gpus_per_node = 1;  ///< \f$g\f$, GPUs in one node; must divide ranks
  Link intra_node{};      ///< one GPU's intra-node link: \f$\alpha_\text{intra}\f$, \f$\beta_\text{intra}\f$
  Link nic{};             ///< one NIC's link to the fabric: \f$\alpha\f$, \f$\beta_\text{NIC}\f$
  /// \f$K\f$, the node's NICs; none = one NIC per GPU (\f$K = g\f$, DGX-class nodes)
  std::optional<int> nics_per_node{};
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Inter-node bandwidth one GPU gets when the node's \f$K\f$ NICs carry the traffic of
/// its \f$g\f$ GPUs: \f$\beta = K \beta_\text{NIC} / g\f$.
///
/// One 10 GbE NIC shared by 8 GPUs gives each GPU 1.25 Gb/s, not 10 Gb/s; a DGX H100 (8
/// ConnectX-7 400 Gb/s NICs for 8 GPUs) gives each GPU the full 400 Gb/s. This assumes the
/// shards of the \f$g\f$ GPUs spread evenly over the \f$K\f$ NICs, as NCCL's rings do.
/// @param input gpus_per_node, nic and nics_per_node of the hierarchical all-reduce
/// @pre gpus_per_node >= 1; nics_per_node >= 1 if given; nic.bandwidth > 0
/// @throws invalid_input "hierarchical allreduce: nics_per_node must be >= 1 (got 0)"
/// @return \f$\beta\f$ per GPU and direction, B/s
[[nodiscard]] inline Bandwidth inter_node_bandwidth_per_gpu(const HierarchicalAllReduce& input) {
  constexpr std::string_view function = "hierarchical allreduce";
  require_at_least(function, "gpus_per_node", input.gpus_per_node, 1);
  require_positive(function, "nic.bandwidth", input.nic.bandwidth);
  const int g = input.gpus_per_node;
  const int nics = input.nics_per_node.value_or(g);
  require_at_least(function, "nics_per_node", nics, 1);
  return static_cast<double>(nics) * input.nic.bandwidth / static_cast<double>(g);
}

/// @brief Hierarchical all-reduce over \f$k = p/g\f$ nodes of \f$g\f$ GPUs:
/// ring reduce-scatter of \f$n\f$ inside each node, ring all-reduce of the \f$n/g\f$ shard
/// across the \f$k\f$ nodes (the \f$g\f$ shards in parallel, sharing the node's \f$K\f$ NICs),
/// ring all-gather of \f$n\f$ inside each node. With \f$\beta = K\beta_\text{NIC}/g\f$
/// (inter_node_bandwidth_per_gpu):
/// \f[T = 2(g-1)\alpha_\text{intra} + 2\frac{g-1}{g}\frac{n}{\beta_\text{intra}}
///   + 2(k-1)\alpha + 2\frac{k-1}{k}\frac{n/g}{\beta}
///   \ \left(+\,\frac{g-1}{g}n\gamma + \frac{k-1}{k}\frac{n}{g}\gamma\right).\f]
///
/// The scheme of Horovod's hierarchical all-reduce and of NCCL's two-level rings/trees; it cuts
/// the slow inter-node traffic per GPU by \f$g\f$. Each phase is the ring formula of
/// RingReduceScatter, RingAllReduce and RingAllGather (Thakur, Rabenseifner & Gropp, IJHPCA
/// 2005; Patarasuk & Yuan, JPDC 2009). With one NIC per GPU (\f$K = g\f$) the inter-node
/// phase runs at the NIC's rate; with one NIC for the node (\f$K = 1\f$) its bandwidth term is
/// \f$2\frac{k-1}{k} n / \beta_\text{NIC}\f$, the whole buffer through the one NIC, which is
/// how the MLSys textbook's 10 GbE examples treat a node. With \f$g = 1\f$ it is the flat ring
/// on the NIC; with \f$k = 1\f$ the flat ring on the intra-node link. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, gpus_per_node, intra_node and nic links, nics_per_node,
/// optional reduction bandwidth (B/s)
/// @pre ranks >= 1; gpus_per_node >= 1 and divides ranks; nics_per_node >= 1 if given;
/// message >= 0; latencies >= 0; the NIC bandwidth > 0; the intra-node bandwidth > 0 when
/// gpus_per_node > 1
/// @throws invalid_input "hierarchical allreduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s (both levels summed)
/// @see comm::time, inter_node_bandwidth_per_gpu
[[nodiscard]] inline CostTerms terms(const HierarchicalAllReduce& input) {
  constexpr std::string_view function = "hierarchical allreduce";
  detail::validate_alpha_beta(function, input.message, input.ranks, input.nic.latency,
                              input.nic.bandwidth);
  require_at_least(function, "gpus_per_node", input.gpus_per_node, 1);
  require_divisible(function, "ranks", input.ranks, "gpus_per_node", input.gpus_per_node);
  detail::validate_reduction(function, input.reduction_bandwidth);
  const Bandwidth per_gpu = inter_node_bandwidth_per_gpu(input);
  const int g = input.gpus_per_node;
  const int k = input.ranks / g;
  CostTerms total{};
  if (g > 1) {
    require_non_negative(function, "intra_node.latency", input.intra_node.latency);
    require_positive(function, "intra_node.bandwidth", input.intra_node.bandwidth);
    total = terms(RingReduceScatter{.message = input.message,
                                    .ranks = g,
                                    .link = input.intra_node,
                                    .reduction_bandwidth = input.reduction_bandwidth}) +
            terms(RingAllGather{.message = input.message, .ranks = g, .link = input.intra_node});
  }
  Link shared = input.nic;
  shared.bandwidth = per_gpu;
  total = total + terms(RingAllReduce{.message = input.message / static_cast<double>(g),
                                      .ranks = k,
                                      .link = shared,
                                      .reduction_bandwidth = input.reduction_bandwidth});
  return detail::finite(function, total);
}

/// @}

}  // namespace paradox::comm
