/// @file
/// @brief Ring algorithms: all-reduce, reduce-scatter, all-gather, and NCCL's pipelined ring
/// (chain) broadcast and reduce.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the ring all-reduce model.
struct RingAllReduce {
  Bytes message{};        ///< \f$n\f$, the full buffer every rank contributes and receives, B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Input of the ring reduce-scatter model.
struct RingReduceScatter {
  Bytes message{};        ///< \f$n\f$, the full buffer (each rank keeps \f$n/p\f$), B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Input of the ring all-gather model.
struct RingAllGather {
  Bytes message{};        ///< \f$n\f$, the gathered total (each rank owns \f$n/p\f$), B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Input of the pipelined ring (chain) broadcast model.
struct RingBroadcast {
  Bytes message{};        ///< \f$n\f$, the root's buffer, B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Input of the pipelined ring (chain) reduce model.
struct RingReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Ring reduce-scatter:
/// \f$T = (p-1)\alpha + \frac{p-1}{p}\frac{n}{\beta}\ (+\,\frac{p-1}{p} n\gamma)\f$.
///
/// In each of \f$p-1\f$ steps every rank sends one \f$n/p\f$ block to its successor, receives
/// one from its predecessor and reduces it. Source: Thakur, Rabenseifner & Gropp, "Optimization
/// of Collective Communication Operations in MPICH", IJHPCA 19(1), 2005, section
/// "Reduce-Scatter" (the pairwise-exchange cost, which the ring schedule matches); Patarasuk &
/// Yuan, JPDC 69(2), 2009. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "ring reduce-scatter: <parameter> must ..." when a precondition fails
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time, RingAllReduce
[[nodiscard]] inline CostTerms terms(const RingReduceScatter& input) {
  constexpr std::string_view function = "ring reduce-scatter";
  detail::validate(function, input);
  const int p = input.ranks;
  const Bytes moved = detail::others_fraction(p) * input.message;
  return detail::finite(function,
                        {static_cast<double>(p - 1) * input.link.latency, moved / input.link.bandwidth,
                         detail::reduction_time(moved, input.reduction_bandwidth)});
}

/// @brief Ring all-gather: \f$T = (p-1)\alpha + \frac{p-1}{p}\frac{n}{\beta}\f$, with \f$n\f$
/// the gathered total.
///
/// Each of \f$p-1\f$ steps forwards the block received in the previous step to the successor.
/// Source: Thakur, Rabenseifner & Gropp, IJHPCA 2005, section "Allgather" (the ring
/// algorithm, MPICH's long-message choice); MPICH src/mpi/coll/allgather comment "Cost =
/// (p-1).alpha + n.((p-1)/p).beta". \f$p = 1\f$ costs zero.
/// @param input message (gathered total, B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "ring all-gather: <parameter> must ..." when a precondition fails
/// @return latency and bandwidth terms (no reduction), s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RingAllGather& input) {
  constexpr std::string_view function = "ring all-gather";
  detail::validate(function, input);
  const int p = input.ranks;
  return detail::finite(function,
                        {static_cast<double>(p - 1) * input.link.latency,
                         detail::others_fraction(p) * input.message / input.link.bandwidth, Seconds{}});
}

/// @brief Ring all-reduce = ring reduce-scatter + ring all-gather:
/// \f$T = 2(p-1)\alpha + 2\frac{p-1}{p}\frac{n}{\beta}\ (+\,\frac{p-1}{p} n\gamma)\f$.
///
/// Bandwidth-optimal: each rank sends and receives \f$2n(p-1)/p\f$ bytes, so the bandwidth term
/// tends to \f$2n/\beta\f$ as \f$p\f$ grows while the latency term grows linearly in \f$p\f$.
/// Sources: Patarasuk & Yuan, "Bandwidth optimal all-reduce algorithms for clusters of
/// workstations", JPDC 69(2), 2009; Thakur, Rabenseifner & Gropp, IJHPCA 2005 (the
/// reduce-scatter and all-gather costs it adds up). Worked value: 1 GB over 8 ranks at 50 GB/s
/// and 500 ns is 35.007 ms. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "ring allreduce: <parameter> must ..." when a precondition fails
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time, terms(const RingReduceScatter&), terms(const RingAllGather&)
[[nodiscard]] inline CostTerms terms(const RingAllReduce& input) {
  constexpr std::string_view function = "ring allreduce";
  detail::validate(function, input);
  const int p = input.ranks;
  const Bytes moved = detail::others_fraction(p) * input.message;
  return detail::finite(
      function, {2.0 * static_cast<double>(p - 1) * input.link.latency, 2.0 * moved / input.link.bandwidth,
                 detail::reduction_time(moved, input.reduction_bandwidth)});
}

/// @brief Pipelined ring (chain) broadcast, NCCL's ring broadcast:
/// \f$T \approx (p-1)\alpha + n/\beta\f$.
///
/// The root streams the buffer in chunks along the chain of \f$p\f$ ranks; every rank receives
/// each byte once and forwards it once, so in steady state the chain moves \f$\beta\f$ bytes/s
/// and the busbw factor is 1 (nccl-tests doc/PERFORMANCE.md). The first chunk needs \f$p-1\f$
/// hops. This is the asymptotic (many small chunks) model: it ignores the pipeline fill
/// \f$(p-2)\f$ chunk transfer times, so it is a lower bound on the chunked schedule's time
/// \f$(p-2+k)(\alpha + n/(k\beta))\f$ for any chunk count \f$k\f$. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "ring broadcast: <parameter> must ..." when a precondition fails
/// @return latency and bandwidth terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RingBroadcast& input) {
  constexpr std::string_view function = "ring broadcast";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  return detail::finite(function, {static_cast<double>(input.ranks - 1) * input.link.latency,
                                   input.message / input.link.bandwidth, Seconds{}});
}

/// @brief Pipelined ring (chain) reduce, NCCL's ring reduce:
/// \f$T \approx (p-1)\alpha + n/\beta\ (+\, n\gamma)\f$.
///
/// The mirror of the pipelined ring broadcast: partial sums stream toward the root, each rank
/// receiving, reducing and forwarding every byte once (busbw factor 1 in nccl-tests
/// doc/PERFORMANCE.md). Asymptotic model that ignores the pipeline fill, as for
/// terms(const RingBroadcast&). \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "ring reduce: <parameter> must ..." when a precondition fails
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RingReduce& input) {
  constexpr std::string_view function = "ring reduce";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  return detail::finite(
      function,
      {static_cast<double>(input.ranks - 1) * input.link.latency, input.message / input.link.bandwidth,
       detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @}

}  // namespace paradox::comm
