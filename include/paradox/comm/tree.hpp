/// @file
/// @brief Textbook (unpipelined) tree algorithms: binomial-tree broadcast and reduce, and the
/// binary-tree all-reduce as reduce followed by broadcast.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the binomial-tree broadcast model.
struct TreeBroadcast {
  Bytes message{};        ///< \f$n\f$, the root's buffer, B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Input of the binomial-tree reduce model.
struct TreeReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Input of the textbook tree all-reduce model (tree reduce, then tree broadcast).
struct TreeAllReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Binomial-tree broadcast:
/// \f$T = \lceil\log_2 p\rceil\,(\alpha + n/\beta)\f$.
///
/// The set of ranks holding the data doubles each step, and every step moves the whole buffer.
/// Source: Thakur, Rabenseifner & Gropp, IJHPCA 19(1), 2005, section "Broadcast" (binomial
/// tree, \f$\lg p\,(\alpha + n\beta)\f$ with \f$\beta\f$ in s/B); for p not a power of two the tree
/// needs \f$\lceil\log_2 p\rceil\f$ rounds. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "tree broadcast: <parameter> must ..." when a precondition fails
/// @return latency and bandwidth terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const TreeBroadcast& input) {
  constexpr std::string_view function = "tree broadcast";
  detail::validate(function, input);
  const double rounds = detail::ceil_log2(input.ranks);
  return detail::finite(
      function, {rounds * input.link.latency, rounds * input.message / input.link.bandwidth, Seconds{}});
}

/// @brief Binomial-tree reduce:
/// \f$T = \lceil\log_2 p\rceil\,(\alpha + n/\beta\ (+\, n\gamma))\f$.
///
/// The broadcast run backwards, with a local reduction of the whole buffer after each receive.
/// Source: Thakur, Rabenseifner & Gropp, IJHPCA 2005, sec. 4 (reduce, short messages: the
/// binomial tree, \f$\lg p\,(\alpha + n\beta + n\gamma)\f$). \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "tree reduce: <parameter> must ..." when a precondition fails
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const TreeReduce& input) {
  constexpr std::string_view function = "tree reduce";
  detail::validate(function, input);
  const double rounds = detail::ceil_log2(input.ranks);
  return detail::finite(
      function, {rounds * input.link.latency, rounds * input.message / input.link.bandwidth,
                 rounds * detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @brief Textbook (unpipelined) tree all-reduce = tree reduce + tree broadcast:
/// \f$T = 2\lceil\log_2 p\rceil\,(\alpha + n/\beta)\ (+\,\lceil\log_2 p\rceil\, n\gamma)\f$.
///
/// The whole buffer climbs to the root and comes back down, one tree level per step; logarithmic
/// latency, but every byte crosses \f$2\lceil\log_2 p\rceil\f$ links in sequence, so it loses to
/// the ring for large buffers. This is the form the MLSys textbook uses; MPICH uses reduce +
/// broadcast for heterogeneous systems (src/mpi/coll/allreduce.c comment). NCCL's pipelined
/// version is DoubleBinaryTreeAllReduce. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "tree allreduce: <parameter> must ..." when a precondition fails
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time, terms(const TreeReduce&), terms(const TreeBroadcast&)
[[nodiscard]] inline CostTerms terms(const TreeAllReduce& input) {
  constexpr std::string_view function = "tree allreduce";
  detail::validate(function, input);
  const double rounds = detail::ceil_log2(input.ranks);
  return detail::finite(
      function, {2.0 * rounds * input.link.latency, 2.0 * rounds * input.message / input.link.bandwidth,
                 rounds * detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @}

}  // namespace paradox::comm
