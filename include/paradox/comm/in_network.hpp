/// @file
/// @brief In-network reduction (NVLink SHARP / NVLS, InfiniBand SHARP): the switch reduces, so
/// each rank sends its buffer once and receives the result once.
#pragma once

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the in-network all-reduce model.
struct InNetworkAllReduce {
  Bytes message{};        ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief In-network (switch-reduced) all-reduce: \f$T = \alpha + n/\beta\f$.
///
/// Each rank sends its \f$n\f$ bytes up to the switch, which reduces them at line rate and
/// multicasts the result, so each rank also receives \f$n\f$ bytes. Convention: links are full
/// duplex with \f$\beta\f$ per direction, and the upload and download are pipelined, so they
/// overlap and cost \f$n/\beta\f$ together, with one \f$\alpha\f$ for the (pipelined) round
/// trip. No \f$\gamma\f$ term: the GPUs do no arithmetic. This is half the ring's asymptotic
/// \f$2n/\beta\f$, the factor NVIDIA quotes for NVLS and SHARP (Graham et al., "Scalable
/// Hierarchical Aggregation Protocol (SHArP)", COMHPC 2016; NCCL 2.17+ NVLS). It needs switch
/// support, which the inputs cannot express, so `Algorithm::automatic` never picks it.
/// \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "in-network allreduce: <parameter> must ..." on bad input
/// @return latency and bandwidth terms (reduction term zero), s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const InNetworkAllReduce& input) {
  constexpr std::string_view function = "in-network allreduce";
  detail::validate(function, input);
  if (input.ranks == 1) return {};
  return detail::finite(function, {input.link.latency, input.message / input.link.bandwidth, Seconds{}});
}

/// @}

}  // namespace paradox::comm
