/// @file
/// @brief The collective-communication facade: pick a collective and an algorithm (or let
/// `automatic` pick the cheapest, like NCCL's tuner), get the alpha-beta-gamma time and its terms.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "paradox/comm/all_to_all.hpp"
#include "paradox/comm/cost_terms.hpp"
#include "paradox/comm/double_binary_tree.hpp"
#include "paradox/comm/hierarchical.hpp"
#include "paradox/comm/in_network.hpp"
#include "paradox/comm/point_to_point.hpp"
#include "paradox/comm/rabenseifner.hpp"
#include "paradox/comm/recursive_doubling.hpp"
#include "paradox/comm/ring.hpp"
#include "paradox/comm/tree.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief The collectives the models cover (NCCL's set plus send/recv).
enum class Collective {
  allreduce,
  reducescatter,
  allgather,
  broadcast,
  reduce,
  alltoall,
  sendrecv
};

/// @brief The algorithm families; `automatic` resolves to the cheapest supported one.
enum class Algorithm {
  ring,                ///< ring / pipelined chain (NCCL Ring); pairwise shifts for all-to-all
  tree,                ///< textbook unpipelined binomial / binary tree
  double_binary_tree,  ///< NCCL's pipelined double binary tree (two-tree)
  recursive_doubling,  ///< recursive doubling (recursive halving for reduce-scatter)
  rabenseifner,        ///< reduce-scatter + all-gather / gather by halving and doubling
  hierarchical,        ///< intra-node ring reduce-scatter, inter-node ring, intra all-gather
  in_network,          ///< switch-reduced (NVLS / SHARP)
  automatic            ///< the cheapest supported algorithm (never in_network)
};

/// @brief The CLI spelling of a collective: "allreduce", "reducescatter", "allgather",
/// "broadcast", "reduce", "alltoall", "sendrecv".
/// @param op the collective
/// @return its name, as parse_collective reads it
[[nodiscard]] constexpr std::string_view to_string(Collective op) {
  switch (op) {
    case Collective::allreduce:
      return "allreduce";
    case Collective::reducescatter:
      return "reducescatter";
    case Collective::allgather:
      return "allgather";
    case Collective::broadcast:
      return "broadcast";
    case Collective::reduce:
      return "reduce";
    case Collective::alltoall:
      return "alltoall";
    case Collective::sendrecv:
      return "sendrecv";
  }
  return "unknown";
}

/// @brief The CLI spelling of an algorithm: "ring", "tree", "double-binary-tree",
/// "recursive-doubling", "rabenseifner", "hierarchical", "in-network", "auto".
/// @param algorithm the algorithm
/// @return its name, as parse_algorithm reads it
[[nodiscard]] constexpr std::string_view to_string(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::ring:
      return "ring";
    case Algorithm::tree:
      return "tree";
    case Algorithm::double_binary_tree:
      return "double-binary-tree";
    case Algorithm::recursive_doubling:
      return "recursive-doubling";
    case Algorithm::rabenseifner:
      return "rabenseifner";
    case Algorithm::hierarchical:
      return "hierarchical";
    case Algorithm::in_network:
      return "in-network";
    case Algorithm::automatic:
      return "auto";
  }
  return "unknown";
}

/// @brief Every collective, in declaration order.
inline constexpr std::array<Collective, 7> all_collectives{
    Collective::allreduce, Collective::reducescatter, Collective::allgather, Collective::broadcast,
    Collective::reduce,    Collective::alltoall,      Collective::sendrecv};

/// @brief Every algorithm, in declaration order (`automatic` last).
inline constexpr std::array<Algorithm, 8> all_algorithms{Algorithm::ring,
                                                         Algorithm::tree,
                                                         Algorithm::double_binary_tree,
                                                         Algorithm::recursive_doubling,
                                                         Algorithm::rabenseifner,
                                                         Algorithm::hierarchical,
                                                         Algorithm::in_network,
                                                         Algorithm::automatic};

/// @brief Parses a CLI spelling (exactly as to_string(Collective) writes it).
/// @param name the spelling, e.g. "allreduce"
/// @return the collective, or std::nullopt for an unknown name
[[nodiscard]] constexpr std::optional<Collective> parse_collective(std::string_view name) {
  for (Collective op : all_collectives)
    if (to_string(op) == name) return op;
  return std::nullopt;
}

/// @brief The MLSys textbook's names for algorithms modelled here under another name.
///
/// Its "recursive halving-doubling" (the butterfly all-reduce: recursive-halving
/// reduce-scatter + recursive-doubling all-gather) is Rabenseifner's algorithm. Its other names
/// are the ones used here: its "Tree AllReduce" and "Tree Broadcast" (appendix
/// eq-tree-allreduce, eq-broadcast: \f$\log_2 N (\alpha + M/\beta)\f$ per tree pass) are the
/// unpipelined `tree`, and its "Double Binary Tree" (\f$2\log_2 N\,\alpha + 2M/\beta\f$) is
/// `double-binary-tree`.
struct AlgorithmAlias {
  std::string_view alias;  ///< the accepted spelling, e.g. "butterfly"
  Algorithm algorithm;     ///< what it means here
};

/// @brief Every accepted alias, in the order `paradox collective --help` lists them.
inline constexpr std::array<AlgorithmAlias, 2> algorithm_aliases{
    {{"halving-doubling", Algorithm::rabenseifner}, {"butterfly", Algorithm::rabenseifner}}};

/// @brief Parses a CLI spelling (as to_string(Algorithm) writes it, "auto" included) or one of
/// the textbook's aliases (algorithm_aliases: "halving-doubling", "butterfly").
/// @param name the spelling, e.g. "double-binary-tree" or "butterfly"
/// @return the algorithm, or std::nullopt for an unknown name
[[nodiscard]] constexpr std::optional<Algorithm> parse_algorithm(std::string_view name) {
  for (Algorithm algorithm : all_algorithms)
    if (to_string(algorithm) == name) return algorithm;
  for (const AlgorithmAlias& alias : algorithm_aliases)
    if (alias.alias == name) return alias.algorithm;
  return std::nullopt;
}

namespace detail {
// Support tables behind supported_algorithms(); the order is the tie-break order of automatic.
inline constexpr std::array<Algorithm, 8> allreduce_algorithms{Algorithm::ring,
                                                               Algorithm::tree,
                                                               Algorithm::double_binary_tree,
                                                               Algorithm::recursive_doubling,
                                                               Algorithm::rabenseifner,
                                                               Algorithm::hierarchical,
                                                               Algorithm::in_network,
                                                               Algorithm::automatic};
inline constexpr std::array<Algorithm, 3> scatter_gather_algorithms{
    Algorithm::ring, Algorithm::recursive_doubling, Algorithm::automatic};
inline constexpr std::array<Algorithm, 4> broadcast_algorithms{
    Algorithm::ring, Algorithm::tree, Algorithm::double_binary_tree, Algorithm::automatic};
inline constexpr std::array<Algorithm, 5> reduce_algorithms{
    Algorithm::ring, Algorithm::tree, Algorithm::double_binary_tree, Algorithm::rabenseifner,
    Algorithm::automatic};
inline constexpr std::array<Algorithm, 2> ring_only_algorithms{Algorithm::ring,
                                                               Algorithm::automatic};
}  // namespace detail

/// @brief The algorithms a collective supports, `automatic` last.
///
/// | collective | algorithms (`auto` for all) |
/// |---|---|
/// | allreduce | all seven |
/// | reducescatter | ring, recursive-doubling (recursive halving) |
/// | allgather | ring, recursive-doubling (Bruck for p not a power of two) |
/// | broadcast | ring (pipelined chain), tree (binomial), double-binary-tree |
/// | reduce | ring (pipelined chain), tree, double-binary-tree, rabenseifner |
/// | alltoall | ring (pairwise exchange) |
/// | sendrecv | ring (ring shift) |
///
/// The order is the tie-break order of `automatic`.
/// @param op the collective
/// @return the supported algorithms, `automatic` last
[[nodiscard]] constexpr std::span<const Algorithm> supported_algorithms(Collective op) {
  switch (op) {
    case Collective::allreduce:
      return detail::allreduce_algorithms;
    case Collective::reducescatter:
    case Collective::allgather:
      return detail::scatter_gather_algorithms;
    case Collective::broadcast:
      return detail::broadcast_algorithms;
    case Collective::reduce:
      return detail::reduce_algorithms;
    case Collective::alltoall:
    case Collective::sendrecv:
      return detail::ring_only_algorithms;
  }
  return {};
}

/// @brief Whether `algorithm` is modelled for `op` (`automatic` always is).
/// @param op the collective
/// @param algorithm the algorithm
/// @return true when cost() accepts the pair
[[nodiscard]] constexpr bool is_supported(Collective op, Algorithm algorithm) {
  for (Algorithm candidate : supported_algorithms(op))
    if (candidate == algorithm) return true;
  return false;
}

/// @brief Input of the collective facade.
///
/// `message` is the full buffer as nccl-tests counts it: the buffer every rank reduces for
/// all-reduce, reduce and broadcast; the whole array for reduce-scatter (each rank keeps
/// \f$n/p\f$) and all-gather (the gathered total); one rank's send buffer for all-to-all and
/// send/recv. Flat algorithms use `link` for every hop (with several GPUs per node that is the
/// slower inter-node link, so they are pessimistic); only `hierarchical` uses `intra_node` and
/// `nics_per_node`, and there `link` is one NIC's link (see HierarchicalAllReduce).
struct CollectiveInput {
  Collective op = Collective::allreduce;  ///< which collective
  Algorithm algorithm = Algorithm::ring;  ///< which algorithm, or automatic
  Bytes message{};                        ///< \f$n\f$, B (see above)
  int ranks = 1;                          ///< \f$p\f$, all ranks (GPUs)
  Link link{};                            ///< one rank's (inter-node) link, or one NIC's
  int gpus_per_node = 1;                  ///< \f$g\f$, hierarchical only; must divide ranks
  Link intra_node{};                      ///< hierarchical only: one GPU's intra-node link
  std::optional<int> nics_per_node{};     ///< hierarchical only: none = one NIC per GPU
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$\gamma = 1/\f$this; none = free
};

/// @brief A collective's terms, with the algorithm that produced them.
struct CollectiveCost {
  CostTerms terms{};                      ///< latency, bandwidth and reduction terms, s
  Algorithm algorithm = Algorithm::ring;  ///< the algorithm used (resolved if automatic)

  /// @brief \f$T\f$, the sum of the terms.
  /// @return terms.total(), s
  [[nodiscard]] constexpr Seconds time() const { return terms.total(); }
};

namespace detail {

[[nodiscard]] inline std::string supported_list(Collective op) {
  std::string list;
  for (Algorithm algorithm : supported_algorithms(op)) {
    if (!list.empty()) list += ", ";
    list += to_string(algorithm);
  }
  return list;
}

/// Cost of a concrete (non-automatic) supported algorithm; the per-algorithm models validate.
[[nodiscard]] inline CostTerms collective_terms(const CollectiveInput& in, Algorithm algorithm) {
  using A = Algorithm;
  using C = Collective;
  const Bytes n = in.message;
  const int p = in.ranks;
  const Link& l = in.link;
  const auto& g = in.reduction_bandwidth;
  switch (in.op) {
    case C::allreduce:
      switch (algorithm) {
        case A::ring:
          return terms(RingAllReduce{n, p, l, g});
        case A::tree:
          return terms(TreeAllReduce{n, p, l, g});
        case A::double_binary_tree:
          return terms(DoubleBinaryTreeAllReduce{n, p, l, g});
        case A::recursive_doubling:
          return terms(RecursiveDoublingAllReduce{n, p, l, g});
        case A::rabenseifner:
          return terms(RabenseifnerAllReduce{n, p, l, g});
        case A::hierarchical:
          return terms(HierarchicalAllReduce{n, p, in.gpus_per_node, in.intra_node, l, in.nics_per_node, g});
        case A::in_network:
          return terms(InNetworkAllReduce{n, p, l});
        case A::automatic:
          break;
      }
      break;
    case C::reducescatter:
      if (algorithm == A::ring) return terms(RingReduceScatter{n, p, l, g});
      if (algorithm == A::recursive_doubling)
        return terms(RecursiveHalvingReduceScatter{n, p, l, g});
      break;
    case C::allgather:
      if (algorithm == A::ring) return terms(RingAllGather{n, p, l});
      if (algorithm == A::recursive_doubling) return terms(RecursiveDoublingAllGather{n, p, l});
      break;
    case C::broadcast:
      if (algorithm == A::ring) return terms(RingBroadcast{n, p, l});
      if (algorithm == A::tree) return terms(TreeBroadcast{n, p, l});
      if (algorithm == A::double_binary_tree) return terms(DoubleBinaryTreeBroadcast{n, p, l});
      break;
    case C::reduce:
      if (algorithm == A::ring) return terms(RingReduce{n, p, l, g});
      if (algorithm == A::tree) return terms(TreeReduce{n, p, l, g});
      if (algorithm == A::double_binary_tree) return terms(DoubleBinaryTreeReduce{n, p, l, g});
      if (algorithm == A::rabenseifner) return terms(RabenseifnerReduce{n, p, l, g});
      break;
    case C::alltoall:
      if (algorithm == A::ring) return terms(PairwiseAllToAll{n, p, l});
      break;
    case C::sendrecv:
      if (algorithm == A::ring) return terms(RingSendRecv{n, p, l});
      break;
  }
  throw invalid_input(
      "collective", "algorithm",
      "be one of " + supported_list(in.op) + " for " + std::string(to_string(in.op)),
      std::string(to_string(algorithm)));
}

}  // namespace detail

/// @brief The time of a collective and its latency, bandwidth and reduction terms.
///
/// Dispatches to the per-algorithm model named by `input.algorithm` (ring.hpp, tree.hpp,
/// double_binary_tree.hpp, recursive_doubling.hpp, rabenseifner.hpp, hierarchical.hpp,
/// in_network.hpp, all_to_all.hpp). `Algorithm::automatic` evaluates every supported algorithm
/// except `in_network` (it needs switch support the input cannot express) and `hierarchical`
/// when gpus_per_node does not divide ranks, and returns the fastest; ties go to the earlier
/// enumerator, so a tie with the ring resolves to the ring. This is the idea of NCCL's tuner
/// (NVIDIA/nccl src/graph/tuning.cc: time = per-algorithm latency + size / algorithm bandwidth,
/// minimised over algorithms), with the closed forms of this module instead of NCCL's measured
/// tables. \f$p = 1\f$ costs zero for every collective and algorithm.
/// @param input collective, algorithm, message (B), ranks, link (s, B/s), gpus_per_node,
/// intra_node link (s, B/s), optional reduction bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latencies >= 0; bandwidths > 0 (intra_node's only when a
/// hierarchical algorithm with gpus_per_node > 1 is evaluated); gpus_per_node >= 1 and, for
/// hierarchical, divides ranks; reduction_bandwidth > 0 if set; the algorithm is supported
/// for the collective (see supported_algorithms)
/// @throws invalid_input "collective: algorithm must be one of ... for <op> (got <algorithm>)"
/// for an unsupported pair, or the per-algorithm model's message for a bad value
/// @return the time, its three terms and the algorithm used
/// @see comm::time, supported_algorithms, bus_bandwidth
[[nodiscard]] inline CollectiveCost cost(const CollectiveInput& input) {
  require_at_least("collective", "gpus_per_node", input.gpus_per_node, 1);
  if (input.algorithm != Algorithm::automatic)
    return {detail::collective_terms(input, input.algorithm), input.algorithm};

  std::optional<CollectiveCost> best;
  for (Algorithm candidate : supported_algorithms(input.op)) {
    if (candidate == Algorithm::automatic || candidate == Algorithm::in_network) continue;
    if (candidate == Algorithm::hierarchical && input.ranks % input.gpus_per_node != 0) continue;
    const CostTerms t = detail::collective_terms(input, candidate);
    if (!best || t.total() < best->time()) best = CollectiveCost{t, candidate};
  }
  return *best;
}

/// @brief The terms of a collective, for comm::time; cost(input).terms.
/// @param input as cost(const CollectiveInput&)
/// @pre as cost(const CollectiveInput&)
/// @throws invalid_input as cost(const CollectiveInput&)
/// @return the latency, bandwidth and reduction terms of the (resolved) algorithm, s
[[nodiscard]] inline CostTerms terms(const CollectiveInput& input) { return cost(input).terms; }

/// @}

}  // namespace paradox::comm
