/// @file
/// @brief Data-parallel communication volume per step with and without ZeRO (ZeRO paper,
/// sec. 7).
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

/// @brief One data-parallel rank's share of a step's gradient and parameter traffic.
struct CommunicationInput {
  double parameters = 0.0;   ///< \f$\Psi\f$: parameters held by one model-parallel rank
  int zero_stage = 0;        ///< 0-3
  double element_bytes = 2.0;  ///< bytes per gradient / parameter element sent (2: fp16, bf16)
};

/// @brief Bytes one rank sends (and receives) per step, by collective.
struct CommunicationVolume {
  Bytes gradient_reduce_scatter{};  ///< the gradients' reduce-scatter: \f$\Psi\f$ elements
  Bytes parameter_all_gather{};     ///< the parameters' all-gathers: \f$\Psi\f$, or \f$2\Psi\f$ with stage 3

  /// @brief reduce-scatter + all-gathers.
  /// @return the step's volume per rank
  [[nodiscard]] constexpr Bytes total() const {
    return gradient_reduce_scatter + parameter_all_gather;
  }
};

/// @brief Communication volume per data-parallel rank per step.
///
/// Rajbhandari et al. 2020, "ZeRO" (SC20), sec. 7: a data-parallel all-reduce is a
/// reduce-scatter and an all-gather, each moving \f$\Psi\f$ elements per rank: \f$2\Psi\f$.
/// Stages 1 and 2 keep that volume (reduce-scatter of the gradients, all-gather of the updated
/// parameters; sec. 7.2.1). Stage 3 all-gathers the parameters once in the forward and once in
/// the backward pass and reduce-scatters the gradients: \f$3\Psi\f$, 1.5 times data parallelism
/// (sec. 7.2.2). In bytes, times element_bytes. As in the paper, the ring's factor
/// \f$(N_d - 1)/N_d\f$ is taken as 1 (comm/ prices the collectives exactly).
/// @param in \f$\Psi\f$, the stage and the bytes per element
/// @pre parameters >= 0 and finite; 0 <= zero_stage <= 3; element_bytes > 0 and finite
/// @throws invalid_input naming the parameter, e.g.
///   "communication volume: zero_stage must be in [0, 3] (got -1)"
/// @return the reduce-scatter and all-gather volumes per rank
[[nodiscard]] constexpr CommunicationVolume communication_volume(const CommunicationInput& in) {
  constexpr std::string_view fn = "communication volume";
  require_non_negative(fn, "parameters", in.parameters);
  require_in_range(fn, "zero_stage", in.zero_stage, 0, 3);
  require_positive(fn, "element_bytes", in.element_bytes);
  const Bytes psi = in.parameters * in.element_bytes * bytes;
  return {.gradient_reduce_scatter = psi,
          .parameter_all_gather = in.zero_stage == 3 ? 2.0 * psi : psi};
}

/// @}

}  // namespace paradox::memory
