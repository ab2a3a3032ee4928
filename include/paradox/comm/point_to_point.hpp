/// @file
/// @brief Hockney's alpha-beta(-gamma) model of one message between two ranks, and the
/// crossover size where latency and bandwidth cost the same.
#pragma once

#include <optional>

#include "paradox/comm/cost_terms.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief Input of the point-to-point model: one message of `message` bytes over one link.
struct PointToPoint {
  Bytes message{};        ///< \f$n\f$, B
  Link link{};  ///< one rank's link: \f$\alpha\f$ = latency, \f$\beta\f$ = bandwidth per direction
  /// Rate of a local reduction applied to the received bytes (\f$\gamma = 1/\f$ this); none
  /// means a plain transfer.
  std::optional<Bandwidth> reduction_bandwidth{};
};

/// @brief Hockney's point-to-point time split into its terms:
/// \f$T(n) = \alpha + n/\beta\ (+\, n\gamma)\f$.
///
/// Source: R. W. Hockney, "The communication challenge for MPP: Intel Paragon and Meiko CS-2",
/// Parallel Computing 20(3), 1994; the same model (with \f$\gamma\f$ for a reduction of the
/// received data) underlies every cost in Thakur, Rabenseifner & Gropp, IJHPCA 19(1), 2005,
/// sec. 2. A zero-byte message still pays \f$\alpha\f$.
/// @param input message (B), latency (s), bandwidth (B/s), optional reduction bandwidth (B/s)
/// @pre message >= 0, latency >= 0, bandwidth > 0, reduction_bandwidth > 0 if given; all finite
/// @throws invalid_input "point to point: <parameter> must ..." when a precondition fails
/// @return the latency, bandwidth and reduction terms, s
/// @see comm::time, crossover_size
[[nodiscard]] inline CostTerms terms(const PointToPoint& input) {
  constexpr std::string_view function = "point to point";
  detail::validate_alpha_beta(function, input.message, 2, input.link.latency, input.link.bandwidth);
  detail::validate_reduction(function, input.reduction_bandwidth);
  return detail::finite(function,
                        {input.link.latency, input.message / input.link.bandwidth,
                         detail::reduction_time(input.message, input.reduction_bandwidth)});
}

/// @brief The crossover (half-performance) size \f$n^* = \alpha\beta\f$: the message size at
/// which the latency term equals the bandwidth term.
///
/// Below \f$n^*\f$ a transfer is latency-bound, above it bandwidth-bound; at \f$n^*\f$ the
/// achieved bandwidth is \f$\beta/2\f$ (Hockney's \f$n_{1/2}\f$, Parallel Computing 20(3),
/// 1994). Example: 500 ns and 50 GB/s give 25 kB.
/// @param link latency (s) and per-direction bandwidth (B/s)
/// @pre latency >= 0 and finite, bandwidth > 0 and finite
/// @throws invalid_input "crossover size: <parameter> must ..." when a precondition fails
/// @return \f$n^*\f$, B
[[nodiscard]] inline Bytes crossover_size(const Link& link) {
  constexpr std::string_view function = "crossover size";
  require_non_negative(function, "latency", link.latency);
  require_positive(function, "bandwidth", link.bandwidth);
  const Bytes size = link.latency * link.bandwidth;
  require_finite(function, "crossover size", size);
  return size;
}

/// @}

}  // namespace paradox::comm
