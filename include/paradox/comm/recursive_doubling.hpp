/// @file
/// @brief Recursive doubling (all-reduce, all-gather) and its mirror, recursive halving
/// (reduce-scatter), with MPICH's handling of a rank count that is not a power of two.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the recursive-doubling all-reduce model.
struct RecursiveDoublingAllReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Input of the recursive-doubling all-gather model.
struct RecursiveDoublingAllGather {
  Bytes message{};        ///< \f$n\f$, the gathered total, B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
};

/// @brief Input of the recursive-halving reduce-scatter model.
struct RecursiveHalvingReduceScatter {
  Bytes message{};        ///< \f$n\f$, the full buffer (each rank keeps \f$n/p\f$), B
  int ranks = 1;          ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Recursive-doubling all-reduce:
/// \f$T = \lg p\,\alpha + \lg p\,\frac{n}{\beta}\ (+\,\lg p\,n\gamma)\f$ for \f$p = 2^k\f$.
///
/// In step \f$k\f$ rank \f$r\f$ exchanges its whole partial result with rank
/// \f$r \oplus 2^k\f$ and reduces. Source: Thakur, Rabenseifner & Gropp, IJHPCA 19(1), 2005,
/// sec. 4; MPICH src/mpi/coll/allreduce.c comment "Cost = lgp.alpha + n.lgp.beta +
/// n.lgp.gamma".
///
/// Not a power of two (MPICH, same source): with \f$p' = 2^{\lfloor\lg p\rfloor}\f$ and
/// \f$r = p - p'\f$, \f$r\f$ ranks first hand their whole buffer to a neighbour (one extra
/// \f$\alpha + n/\beta + n\gamma\f$), the \f$p'\f$ survivors run recursive doubling, and the
/// neighbours send the result back (one extra \f$\alpha + n/\beta\f$):
/// \f$T = (\lg p' + 2)(\alpha + n/\beta)\ (+\,(\lg p' + 1)\,n\gamma)\f$. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "recursive doubling allreduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RecursiveDoublingAllReduce& input) {
  constexpr std::string_view function = "recursive doubling allreduce";
  detail::validate(function, input);
  const int steps = detail::floor_log2(input.ranks);
  const bool folded = !detail::is_power_of_two(input.ranks);
  const double transfers = steps + (folded ? 2 : 0);
  const double reductions = steps + (folded ? 1 : 0);
  return detail::finite(
      function, {transfers * input.link.latency, transfers * input.message / input.link.bandwidth,
                 reductions * detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @brief Recursive-doubling all-gather:
/// \f$T = \lceil\lg p\rceil\,\alpha + \frac{p-1}{p}\frac{n}{\beta}\f$, \f$n\f$ the gathered
/// total.
///
/// For \f$p = 2^k\f$ the exchanged block doubles every step (\f$n/p, 2n/p, \ldots\f$), so the
/// bytes add up to \f$n(p-1)/p\f$ in \f$\lg p\f$ steps. Source: Thakur, Rabenseifner & Gropp,
/// IJHPCA 2005, section "Allgather"; MPICH src/mpi/coll/allgather comment "Cost = lgp.alpha +
/// n.((p-1)/p).beta". For other \f$p\f$ MPICH switches to Bruck's algorithm (same paper and
/// section), whose cost \f$\lceil\lg p\rceil\alpha + n\frac{p-1}{p}\beta^{-1}\f$ is what this
/// model returns. \f$p = 1\f$ costs zero.
/// @param input message (gathered total, B), ranks, latency (s), bandwidth (B/s)
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0
/// @throws invalid_input "recursive doubling all-gather: <parameter> must ..." on bad input
/// @return latency and bandwidth terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RecursiveDoublingAllGather& input) {
  constexpr std::string_view function = "recursive doubling all-gather";
  detail::validate(function, input);
  const double steps = detail::ceil_log2(input.ranks);
  return detail::finite(
      function,
      {steps * input.link.latency,
       detail::others_fraction(input.ranks) * input.message / input.link.bandwidth, Seconds{}});
}

/// @brief Recursive-halving reduce-scatter:
/// \f$T = \lg p\,\alpha + \frac{p-1}{p}\frac{n}{\beta}\ (+\,\frac{p-1}{p}n\gamma)\f$ for
/// \f$p = 2^k\f$.
///
/// Recursive doubling run backwards: in step \f$k\f$ each rank sends half of its current range
/// to a partner \f$p/2^{k+1}\f$ away and reduces the half it keeps. Source: Thakur,
/// Rabenseifner & Gropp, IJHPCA 2005, section "Reduce-Scatter" (commutative operations).
///
/// Not a power of two: as in MPICH, \f$r = p - p'\f$ ranks first fold their whole buffer into a
/// neighbour (\f$\alpha + n/\beta + n\gamma\f$), the \f$p'\f$ survivors run recursive halving,
/// and each folded rank finally receives its \f$n/p\f$ block (\f$\alpha + n/(p\beta)\f$).
/// \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "recursive halving reduce-scatter: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RecursiveHalvingReduceScatter& input) {
  constexpr std::string_view function = "recursive halving reduce-scatter";
  detail::validate(function, input);
  const int p = input.ranks;
  const int p2 = detail::floor_power_of_two(p);
  const Bytes n = input.message;
  const Bytes halved = detail::others_fraction(p2) * n;
  CostTerms core{static_cast<double>(detail::floor_log2(p)) * input.link.latency,
                 halved / input.link.bandwidth,
                 detail::reduction_time(halved, input.reduction_bandwidth)};
  if (p != p2) {
    const CostTerms fold{input.link.latency, n / input.link.bandwidth,
                         detail::reduction_time(n, input.reduction_bandwidth)};
    const CostTerms hand_back{input.link.latency, n / static_cast<double>(p) / input.link.bandwidth,
                              Seconds{}};
    core = fold + core + hand_back;
  }
  return detail::finite(function, core);
}

/// @}

}  // namespace paradox::comm
