/// @file
/// @brief Pairwise-exchange all-to-all and the ring-shift send/recv of nccl-tests.
#pragma once

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the pairwise-exchange all-to-all model.
struct PairwiseAllToAll {
  Bytes message{};        ///< \f$n\f$, one rank's send buffer (\f$n/p\f$ to each peer), B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Input of the ring-shift send/recv model: every rank sends to its successor and
/// receives from its predecessor at once (nccl-tests `sendrecv_perf`).
struct RingSendRecv {
  Bytes message{};        ///< \f$n\f$, the buffer each rank sends (and receives), B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Pairwise-exchange all-to-all:
/// \f$T = (p-1)\alpha + \frac{p-1}{p}\frac{n}{\beta}\f$, \f$n\f$ the per-rank buffer.
///
/// In step \f$i = 1..p-1\f$ rank \f$r\f$ sends its block for \f$r+i\f$ and receives the block
/// from \f$r-i\f$ (a ring-ordered shift schedule). Source: Thakur, Rabenseifner & Gropp, IJHPCA
/// 19(1), 2005, section "Alltoall" (the pairwise-exchange algorithm, MPICH's long-message
/// choice). \f$p = 1\f$ costs zero.
/// @param input message (per-rank buffer, B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "pairwise all-to-all: <parameter> must ..." on bad input
/// @return latency and bandwidth terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const PairwiseAllToAll& input) {
  constexpr std::string_view function = "pairwise all-to-all";
  detail::validate(function, input);
  const int p = input.ranks;
  return detail::finite(function,
                        {static_cast<double>(p - 1) * input.link.latency,
                         detail::others_fraction(p) * input.message / input.link.bandwidth, Seconds{}});
}

/// @brief Ring-shift send/recv: \f$T = \alpha + n/\beta\f$ for \f$p \ge 2\f$.
///
/// Every rank's send and receive run concurrently on a full-duplex link, so the step costs one
/// point-to-point message (Hockney). nccl-tests doc/PERFORMANCE.md gives send/recv a busbw
/// factor of 1 for this reason. \f$p = 1\f$ costs zero (a rank sending to itself).
/// @param input message (B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "sendrecv: <parameter> must ..." on bad input
/// @return latency and bandwidth terms, s
/// @see comm::time, terms(const PointToPoint&)
[[nodiscard]] inline CostTerms terms(const RingSendRecv& input) {
  constexpr std::string_view function = "sendrecv";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  return detail::finite(function, {input.link.latency, input.message / input.link.bandwidth, Seconds{}});
}

/// @}

}  // namespace paradox::comm
