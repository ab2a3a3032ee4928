/// @file
/// @brief Hierarchical (two-level) all-reduce: intra-node reduce-scatter, inter-node all-reduce
/// of one shard, intra-node all-gather.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/comm/point_to_point.hpp"
#include "paradox/comm/ring.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the hierarchical all-reduce model: \f$p = g k\f$ ranks, \f$g\f$ per node.
struct HierarchicalAllReduce {
  Bytes message{};        ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;          ///< \f$p\f$, all GPUs
  int gpus_per_node = 1;  ///< \f$g\f$, GPUs in one node; must divide ranks
  LinkCost intra_node{};  ///< \f$\alpha_\text{intra}\f$, \f$\beta_\text{intra}\f$ of one GPU's
                          ///< intra-node link
  LinkCost inter_node{};  ///< \f$\alpha\f$, \f$\beta\f$ of one GPU's inter-node link (its NIC)
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Hierarchical all-reduce over \f$k = p/g\f$ nodes of \f$g\f$ GPUs:
/// ring reduce-scatter of \f$n\f$ inside each node, ring all-reduce of the \f$n/g\f$ shard
/// across the \f$k\f$ nodes (the \f$g\f$ shards in parallel, one per GPU and NIC), ring
/// all-gather of \f$n\f$ inside each node:
/// \f[T = 2(g-1)\alpha_\text{intra} + 2\frac{g-1}{g}\frac{n}{\beta_\text{intra}}
///   + 2(k-1)\alpha + 2\frac{k-1}{k}\frac{n/g}{\beta}
///   \ \left(+\,\frac{g-1}{g}n\gamma + \frac{k-1}{k}\frac{n}{g}\gamma\right).\f]
///
/// The scheme of Horovod's hierarchical all-reduce and of NCCL's two-level rings/trees; it cuts
/// the slow inter-node traffic per GPU by \f$g\f$. Each phase is the ring formula of
/// terms(const RingReduceScatter&), terms(const RingAllReduce&) and terms(const RingAllGather&)
/// (Thakur, Rabenseifner & Gropp, IJHPCA 2005; Patarasuk & Yuan, JPDC 2009). With \f$g = 1\f$
/// it is the flat ring on the inter-node link; with \f$k = 1\f$ the flat ring on the intra-node
/// link. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, gpus_per_node, intra_node and inter_node links, optional
/// reduction bandwidth (B/s)
/// @pre ranks >= 1; gpus_per_node >= 1 and divides ranks; message >= 0; latencies >= 0;
/// the inter-node bandwidth > 0; the intra-node bandwidth > 0 when gpus_per_node > 1
/// @throws invalid_input "hierarchical allreduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s (both levels summed)
/// @see time(const HierarchicalAllReduce&)
[[nodiscard]] inline CostTerms terms(const HierarchicalAllReduce& input) {
  constexpr std::string_view function = "hierarchical allreduce";
  detail::validate_alpha_beta(function, input.message, input.ranks, input.inter_node.latency,
                              input.inter_node.bandwidth);
  require_at_least(function, "gpus_per_node", input.gpus_per_node, 1);
  require_divisible(function, "ranks", input.ranks, "gpus_per_node", input.gpus_per_node);
  detail::validate_reduction(function, input.reduction_bandwidth);
  const int g = input.gpus_per_node;
  const int k = input.ranks / g;
  CostTerms total{};
  if (g > 1) {
    require_non_negative(function, "intra_node.latency", input.intra_node.latency);
    require_positive(function, "intra_node.bandwidth", input.intra_node.bandwidth);
    total = terms(RingReduceScatter{.message = input.message,
                                    .ranks = g,
                                    .latency = input.intra_node.latency,
                                    .bandwidth = input.intra_node.bandwidth,
                                    .reduction_bandwidth = input.reduction_bandwidth}) +
            terms(RingAllGather{.message = input.message,
                                .ranks = g,
                                .latency = input.intra_node.latency,
                                .bandwidth = input.intra_node.bandwidth});
  }
  total = total + terms(RingAllReduce{.message = input.message / static_cast<double>(g),
                                      .ranks = k,
                                      .latency = input.inter_node.latency,
                                      .bandwidth = input.inter_node.bandwidth,
                                      .reduction_bandwidth = input.reduction_bandwidth});
  return detail::finite(function, total);
}

/// @brief Hierarchical all-reduce time; see terms(const HierarchicalAllReduce&).
/// @param input as terms(const HierarchicalAllReduce&)
/// @pre as terms(const HierarchicalAllReduce&)
/// @throws invalid_input when a precondition fails
/// @return \f$T\f$, s
[[nodiscard]] inline Seconds time(const HierarchicalAllReduce& input) {
  return terms(input).total();
}

/// @}

}  // namespace paradox::comm
