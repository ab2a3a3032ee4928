/// @file
/// @brief Rabenseifner's all-reduce and reduce (recursive-halving reduce-scatter, then a
/// recursive-doubling all-gather or a binomial gather), for any rank count.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the Rabenseifner all-reduce model.
struct RabenseifnerAllReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

/// @brief Input of the Rabenseifner reduce model.
struct RabenseifnerReduce {
  Bytes message{};                                 ///< \f$n\f$, every rank's buffer, B
  int ranks = 1;                                   ///< \f$p\f$
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  std::optional<Bandwidth> reduction_bandwidth{};  ///< \f$1/\gamma\f$, B/s; none = free
};

namespace detail {

/// Rabenseifner's two phases among p' = 2^floor(lg p) ranks plus, when p != p', the fold of the
/// r = p - p' extra ranks before (alpha + n/beta + n gamma) and, if every rank needs the result,
/// the hand-back after (alpha + n/beta). The second phase (all-gather or binomial gather) costs
/// the same in both collectives.
template <class Input>
[[nodiscard]] CostTerms rabenseifner_terms(std::string_view function, const Input& input,
                                           bool hand_back) {
  validate(function, input);
  const Bytes n = input.message;
  const Seconds a = input.link.latency;
  const Bandwidth b = input.link.bandwidth;
  const auto& g = input.reduction_bandwidth;
  const int p2 = floor_power_of_two(input.ranks);
  const Bytes moved = others_fraction(p2) * n;
  CostTerms total{2.0 * floor_log2(input.ranks) * a, 2.0 * moved / b, reduction_time(moved, g)};
  if (input.ranks != p2) {
    total = total + CostTerms{a, n / b, reduction_time(n, g)};
    if (hand_back) total = total + CostTerms{a, n / b, Seconds{}};
  }
  return finite(function, total);
}

}  // namespace detail

/// @brief Rabenseifner's all-reduce (recursive-halving reduce-scatter + recursive-doubling
/// all-gather):
/// \f$T = 2\lg p\,\alpha + 2\frac{p-1}{p}\frac{n}{\beta}\ (+\,\frac{p-1}{p}n\gamma)\f$
/// for \f$p = 2^k\f$.
///
/// Bandwidth-optimal like the ring but with logarithmic latency. Source: Thakur, Rabenseifner &
/// Gropp, IJHPCA 19(1), 2005, sec. 4; MPICH src/mpi/coll/allreduce.c comment "Cost =
/// 2.lgp.alpha + 2.n.((p-1)/p).beta + n.((p-1)/p).gamma".
///
/// Not a power of two (Thakur et al. sec. 4): let \f$p' = 2^{\lfloor\lg p\rfloor}\f$ and
/// \f$r = p - p'\f$. First \f$r\f$ ranks send their whole buffer to a neighbour, which reduces
/// it (one extra \f$\alpha + n/\beta + n\gamma\f$); the \f$p'\f$ remaining ranks run the
/// power-of-two algorithm; finally the neighbours send the result back (one extra
/// \f$\alpha + n/\beta\f$):
/// \f$T = (2\lg p' + 2)\alpha + 2\left(\frac{p'-1}{p'} + 1\right)\frac{n}{\beta}
/// + \left(\frac{p'-1}{p'} + 1\right) n\gamma\f$.
/// MPICH's comment writes \f$(p-1)/p\f$ in this case; the halving runs among \f$p'\f$ ranks, so
/// \f$(p'-1)/p'\f$ is the exact count this model uses. \f$p = 1\f$ costs zero.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "rabenseifner allreduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time, RingAllReduce
[[nodiscard]] inline CostTerms terms(const RabenseifnerAllReduce& input) {
  return detail::rabenseifner_terms("rabenseifner allreduce", input, true);
}

/// @brief Rabenseifner's reduce (recursive-halving reduce-scatter + binomial gather to the
/// root): the same cost as the all-reduce,
/// \f$T = 2\lg p\,\alpha + 2\frac{p-1}{p}\frac{n}{\beta}\ (+\,\frac{p-1}{p}n\gamma)\f$.
///
/// The binomial gather of the \f$n/p\f$ blocks costs \f$\lg p\,\alpha + n\frac{p-1}{p}/\beta\f$,
/// exactly the recursive-doubling all-gather it replaces. Source: Thakur, Rabenseifner & Gropp,
/// IJHPCA 2005, sec. 4 (reduce, long messages); MPICH src/mpi/coll/reduce comment. Rank counts
/// that are not a power of two are folded first as in terms(const RabenseifnerAllReduce&)
/// (\f$\alpha + n/\beta + n\gamma\f$); no hand-back, since only the root needs the result.
/// @param input message (B), ranks, latency (s), bandwidth (B/s), optional reduction bandwidth
/// @pre ranks >= 1; message >= 0; latency >= 0; bandwidth > 0; reduction_bandwidth > 0 if set
/// @throws invalid_input "rabenseifner reduce: <parameter> must ..." on bad input
/// @return latency, bandwidth and reduction terms, s
/// @see comm::time
[[nodiscard]] inline CostTerms terms(const RabenseifnerReduce& input) {
  return detail::rabenseifner_terms("rabenseifner reduce", input, false);
}

/// @}

}  // namespace paradox::comm
