/// @file
/// @brief Model states per device (weights, gradients, optimizer states) under ZeRO stages
/// 0-3, in the ZeRO paper's accounting and in DeepSpeed's stage-2 variant.
#pragma once

#include <optional>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/memory/optimizer.hpp"
#include "paradox/units.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

/// @brief Which published accounting of ZeRO stage 2 to use (stages 0, 1 and 3 agree).
enum class ZeroAccounting {
  paper,     ///< Rajbhandari et al. 2020: \f$2\Psi + (2 + K)\Psi/N_d\f$
  deepspeed  ///< DeepSpeed's estimator: fp32 gradient partitions too, \f$2\Psi + 18\Psi/N_d\f$
};

/// @brief CLI spelling: "paper" or "deepspeed".
/// @param a the accounting
/// @return its spelling, as parse_zero_accounting reads it
[[nodiscard]] constexpr std::string_view to_string(ZeroAccounting a) noexcept {
  return a == ZeroAccounting::paper ? "paper" : "deepspeed";
}

/// @brief Parses "paper" or "deepspeed".
/// @param text the spelling
/// @return the accounting, or std::nullopt for anything else
[[nodiscard]] constexpr std::optional<ZeroAccounting> parse_zero_accounting(
    std::string_view text) noexcept {
  if (text == "paper") return ZeroAccounting::paper;
  if (text == "deepspeed") return ZeroAccounting::deepspeed;
  return std::nullopt;
}

/// @brief Extra bytes per parameter of DeepSpeed's stage-2 gradient partition: the fp32 copy
/// of the reduced gradients the optimizer reads (DeepSpeed's "4_grads_32bit").
inline constexpr double deepspeed_fp32_gradient_bytes = 4.0;

/// @brief One data-parallel rank's model states.
struct ZeroInput {
  double parameters = 0.0;  ///< \f$\Psi\f$: parameters held by one model-parallel rank
  int data_parallel = 1;    ///< \f$N_d\f$: data-parallel degree the states are sharded over
  int zero_stage = 0;       ///< 0 (plain data parallel), 1 (\f$P_{os}\f$), 2 (\f$P_{os+g}\f$), 3
  BytesPerParameter bytes = adam_mixed_precision;     ///< 2 + 2 + K accounting
  ZeroAccounting accounting = ZeroAccounting::paper;  ///< stage 2: paper or DeepSpeed
};

/// @brief A device's model states, by part.
struct ModelStates {
  Bytes weights{};    ///< the 16-bit weights (a shard under stage 3)
  Bytes gradients{};  ///< the gradients (a shard under stages 2 and 3)
  Bytes optimizer{};  ///< the optimizer states (a shard under stages 1-3)

  /// @brief weights + gradients + optimizer.
  /// @return the model states of one device
  [[nodiscard]] constexpr Bytes total() const { return weights + gradients + optimizer; }
};

/// @brief Model states per device under ZeRO stage 0-3.
///
/// With \f$\Psi\f$ parameters, \f$N_d\f$ data-parallel ranks, 2-byte weights and gradients and
/// \f$K\f$ bytes of optimizer state per parameter (BytesPerParameter; the stage formulas use
/// its three parts, so SGD and 8-bit Adam follow by changing them):
/// - stage 0: \f$(2 + 2 + K)\,\Psi\f$
/// - stage 1 (\f$P_{os}\f$): \f$2\Psi + 2\Psi + K\Psi/N_d\f$
/// - stage 2 (\f$P_{os+g}\f$): \f$2\Psi + (2 + K)\Psi/N_d\f$
/// - stage 3 (\f$P_{os+g+p}\f$): \f$(2 + 2 + K)\Psi/N_d\f$
///
/// Source: Rajbhandari et al. 2020, "ZeRO: Memory Optimizations Toward Training Trillion
/// Parameter Models" (SC20), sec. 5 and fig. 1 (7.5B parameters, \f$N_d = 64\f$, K = 12:
/// 120 / 31.4 / 16.6 / 1.9 GB).
///
/// ZeroAccounting::deepspeed changes stage 2 only: DeepSpeed's estimator
/// `estimate_zero2_model_states_mem_needs` (microsoft/DeepSpeed,
/// deepspeed/runtime/zero/stage_1_and_2.py, commit 022f2236) counts
/// \f$2\Psi + 18\Psi/N_d\f$ on the GPU, "18 = 2_grads_16bit + 4_grads_32bit +
/// 4_params_32bit + 8_optimizer_states_32bit"; here \f$2\Psi + (2 + 4 + K)\Psi/N_d\f$, so
/// that the fp32 gradient partition (deepspeed_fp32_gradient_bytes) is counted with the
/// gradients. Because of it, DeepSpeed's stage 2 needs more than stage 1 for \f$N_d < 3\f$.
/// @param in \f$\Psi\f$, \f$N_d\f$, the stage, the bytes per parameter and the accounting
/// @pre parameters >= 0 and finite; data_parallel >= 1; 0 <= zero_stage <= 3; bytes per part
///   finite, weights > 0, the others >= 0
/// @throws invalid_input naming the parameter, e.g.
///   "zero model states: zero_stage must be in [0, 3] (got 4)"
/// @return weights, gradients and optimizer states held by one device, in bytes
/// @see stage_parameters for \f$\Psi\f$ of a tensor- and pipeline-parallel rank
[[nodiscard]] constexpr ModelStates model_states(const ZeroInput& in) {
  constexpr std::string_view fn = "zero model states";
  require_non_negative(fn, "parameters", in.parameters);
  require_at_least(fn, "data_parallel", in.data_parallel, 1);
  require_in_range(fn, "zero_stage", in.zero_stage, 0, 3);
  validate(fn, in.bytes);
  const double psi = in.parameters;
  const double nd = in.data_parallel;
  const double weights = in.bytes.weights * psi;
  const double gradients = in.bytes.gradients * psi;
  const double optimizer = in.bytes.optimizer * psi;
  switch (in.zero_stage) {
    case 0:
      return {weights * bytes, gradients * bytes, optimizer * bytes};
    case 1:
      return {weights * bytes, gradients * bytes, optimizer / nd * bytes};
    case 2: {
      const double extra =
          in.accounting == ZeroAccounting::deepspeed ? deepspeed_fp32_gradient_bytes * psi : 0.0;
      return {weights * bytes, (gradients + extra) / nd * bytes, optimizer / nd * bytes};
    }
    default:
      return {weights / nd * bytes, gradients / nd * bytes, optimizer / nd * bytes};
  }
}

/// @}

}  // namespace paradox::memory
