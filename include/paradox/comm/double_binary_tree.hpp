/// @file
/// @brief NCCL's pipelined double binary tree (two-tree) all-reduce, broadcast and reduce: an
/// asymptotic model with logarithmic latency and full bandwidth.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the double-binary-tree all-reduce model.
struct DoubleBinaryTreeAllReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Input of the double-binary-tree (two-tree) broadcast model.
struct DoubleBinaryTreeBroadcast {
  Bytes message{};        ///< \f$n\f$, the root's buffer, B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Input of the double-binary-tree (two-tree) reduce model.
struct DoubleBinaryTreeReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief NCCL's pipelined double binary tree all-reduce:
/// \f$T \approx 2\lceil\lg p\rceil\,\alpha + 2\frac{n}{\beta}\ (+\, n\gamma)\f$.
///
/// Two binary trees span all \f$p\f$ ranks so that a rank that is an interior node in one is a
/// leaf in the other; each tree reduces and then broadcasts half of the buffer, in small
/// pipelined chunks (NVIDIA, "Massively Scale Your Deep Learning Training with NCCL 2.4", 2019;
/// Sanders, Speck & Träff, "Two-tree algorithms for full bandwidth broadcast, reduction and
/// scan", Parallel Computing 35(12), 2009).
///
/// Derivation. Latency: a chunk climbs \f$\lceil\lg p\rceil\f$ levels to the root and comes
/// back down as many, hence \f$2\lceil\lg p\rceil\alpha\f$ (NCCL's tuner, src/graph/tuning.cc,
/// charges the tree \f$2\log_2(\text{nodes})\f$ network latencies the same way). Bandwidth:
/// count one rank's bytes. In the tree where it is interior it receives \f$2 \cdot n/2\f$ from
/// its children and sends \f$n/2\f$ up, then receives \f$n/2\f$ from its parent and sends
/// \f$2 \cdot n/2\f$ down; in the tree where it is a leaf it sends \f$n/2\f$ and receives
/// \f$n/2\f$. Per direction that is \f$2n\f$ bytes, so with both trees busy at once the
/// steady-state time is \f$2n/\beta\f$: each tree alone would take \f$n/\beta\f$ for its half
/// (Sanders et al.: each tree runs as fast as a single tree with the network to itself), and
/// the two share every rank's link. This is "full bandwidth": the ring's
/// \f$2n(p-1)/(p\beta)\f$ in the limit, and NCCL's tuner likewise turns tree bus bandwidth into
/// algorithm bandwidth with a ratio of 0.5. Reduction: the interior rank combines two children's
/// halves, \f$n\gamma\f$ in all.
///
/// Asymptotic model: it ignores the pipeline fill (the chunk count and chunk size), so it is a
/// lower bound for medium buffers, where NCCL itself applies an empirical tree correction
/// factor. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "double binary tree allreduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time, TreeAllReduce, RingAllReduce
[[nodiscard]] inline CostTerms terms(const DoubleBinaryTreeAllReduce& input) {
  constexpr std::string_view function = "double binary tree allreduce";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  const double depth = detail::ceil_log2(input.ranks);
  return detail::finite(function,
                        {2.0 * depth * input.link.latency, 2.0 * input.message / input.link.bandwidth,
                         detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @brief Two-tree pipelined broadcast: \f$T \approx \lceil\lg p\rceil\,\alpha + n/\beta\f$.
///
/// Each tree broadcasts half of the buffer. A rank that is interior in one tree receives
/// \f$n/2\f$ there and forwards it to two children (\f$n\f$ sent); as a leaf of the other tree
/// it receives another \f$n/2\f$. Per direction \f$n\f$ bytes: \f$n/\beta\f$, half the time of a
/// single pipelined binary tree (Sanders, Speck & Träff, Parallel Computing 35(12), 2009).
/// Latency: one pass down \f$\lceil\lg p\rceil\f$ levels. Asymptotic model, pipeline fill
/// ignored. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "double binary tree broadcast: <parameter> must ..." on bad input
/// @return latency and bandwidth terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const DoubleBinaryTreeBroadcast& input) {
  constexpr std::string_view function = "double binary tree broadcast";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  return detail::finite(function,
                        {static_cast<double>(detail::ceil_log2(input.ranks)) * input.link.latency,
                         input.message / input.link.bandwidth, Seconds{}});
}

/// @brief Two-tree pipelined reduce:
/// \f$T \approx \lceil\lg p\rceil\,\alpha + n/\beta\ (+\, n\gamma)\f$.
///
/// The two-tree broadcast run backwards (Sanders, Speck & Träff 2009): each rank receives
/// \f$n\f$ bytes in all, sends \f$n\f$, and reduces \f$n\f$. Asymptotic model, pipeline fill
/// ignored. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "double binary tree reduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const DoubleBinaryTreeReduce& input) {
  constexpr std::string_view function = "double binary tree reduce";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  return detail::finite(function,
                        {static_cast<double>(detail::ceil_log2(input.ranks)) * input.link.latency,
                         input.message / input.link.bandwidth,
                         detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @}

}  // namespace paradox::comm
