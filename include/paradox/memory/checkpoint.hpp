/// @file
/// @brief Size of a training checkpoint: the weights and the optimizer states.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/memory/optimizer.hpp"
#include "paradox/units.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

/// @brief A checkpoint, by part.
struct CheckpointSize {
  Bytes weights{};    ///< the 16-bit weights
  Bytes optimizer{};  ///< the optimizer states (fp32 master weights included)

  /// @brief weights + optimizer.
  /// @return the checkpoint's size
  [[nodiscard]] constexpr Bytes total() const { return weights + optimizer; }
};

/// @brief Size of a checkpoint that can resume training: \f$(w + K)\,P\f$.
///
/// A checkpoint stores what the next step needs: the weights and the optimizer states; the
/// gradients are recomputed. With bf16 weights (w = 2) and fp32 Adam master weights, momentum
/// and variance (K = 4 + 4 + 4 = 12, the accounting of Rajbhandari et al. 2020, ZeRO,
/// sec. 3.1) that is 14 bytes per parameter: GPT-3 175B, 2.45 TB. Megatron-LM and DeepSpeed
/// save both the 16-bit model and the fp32 optimizer state this way; a checkpoint of the fp32
/// master weights alone (w = 0, K = 4) is the 4-byte form used for release, not for resuming.
/// The total over all ranks is the same whatever the sharding; each data-parallel rank writes
/// \f$1/N_d\f$ of it under ZeRO.
/// @param parameters P, the parameters checkpointed (the whole model, or one rank's
///   \f$\Psi\f$)
/// @param per_parameter the bytes per parameter (weights and optimizer are used)
/// @pre parameters >= 0 and finite; per_parameter's parts finite, weights > 0, others >= 0
/// @throws invalid_input "checkpoint size: parameters must be >= 0 and finite (got -1)"
/// @return the weights and optimizer states, in bytes
[[nodiscard]] constexpr CheckpointSize checkpoint_size(
    double parameters, const BytesPerParameter& per_parameter = adam_mixed_precision) {
  constexpr std::string_view fn = "checkpoint size";
  require_non_negative(fn, "parameters", parameters);
  validate(fn, per_parameter);
  return {.weights = parameters * per_parameter.weights * bytes,
          .optimizer = parameters * per_parameter.optimizer * bytes};
}

/// @}

}  // namespace paradox::memory
