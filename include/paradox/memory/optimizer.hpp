/// @file
/// @brief Bytes per parameter that training keeps per optimizer, as data: weights, gradients
/// and optimizer states (SGD with momentum, mixed-precision Adam, 8-bit Adam).
#pragma once

#include <array>
#include <string_view>

#include "paradox/error.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

/// @brief What training keeps per parameter, in bytes: the 16-bit weights, the gradients and
/// the optimizer states (\f$K\f$ in the ZeRO paper, fp32 master weights included).
///
/// The three parts are sharded differently by the ZeRO stages (model_states()), and a
/// checkpoint stores weights and optimizer states but not gradients (checkpoint_size()).
struct BytesPerParameter {
  std::string_view name{};  ///< lower-case key, e.g. "adam"
  double weights = 2.0;     ///< bytes per parameter of the weights used in forward/backward
  double gradients = 2.0;   ///< bytes per parameter of the gradients
  double optimizer = 12.0;  ///< \f$K\f$: bytes per parameter of the optimizer states
  std::string_view source{};  ///< where the accounting comes from

  /// @brief \f$2 + 2 + K\f$: all three parts.
  /// @return bytes per parameter held without any sharding (16 for mixed-precision Adam)
  [[nodiscard]] constexpr double total() const { return weights + gradients + optimizer; }
};

/// @brief Mixed-precision Adam: fp16/bf16 weights and gradients (2 + 2 bytes) and
/// \f$K = 12\f$ bytes of fp32 state: master weights, momentum and variance (4 + 4 + 4).
///
/// Source: Rajbhandari et al. 2020, "ZeRO: Memory Optimizations Toward Training Trillion
/// Parameter Models" (SC20), sec. 3.1: "2Ψ + 2Ψ + KΨ = 16Ψ bytes" with K = 12.
inline constexpr BytesPerParameter adam_mixed_precision{
    .name = "adam",
    .weights = 2.0,
    .gradients = 2.0,
    .optimizer = 12.0,
    .source = "Rajbhandari et al. 2020, ZeRO, sec. 3.1: 2 + 2 + K, K = 12 (fp32 master, "
              "momentum, variance)"};

/// @brief Mixed-precision SGD with momentum: 16-bit weights and gradients and
/// \f$K = 8\f$ bytes of fp32 state: master weights and momentum (4 + 4).
///
/// Source: the accounting of Rajbhandari et al. 2020 (ZeRO, sec. 3.1), with Adam's variance
/// removed: SGD with momentum keeps one fp32 buffer per parameter (Sutskever et al. 2013,
/// "On the importance of initialization and momentum in deep learning", eq. 1), beside the fp32
/// master copy of mixed-precision training (Micikevicius et al. 2018, "Mixed Precision
/// Training", sec. 3.1).
inline constexpr BytesPerParameter sgd_momentum{
    .name = "sgd",
    .weights = 2.0,
    .gradients = 2.0,
    .optimizer = 8.0,
    .source = "ZeRO sec. 3.1 accounting with one fp32 momentum buffer (Sutskever et al. 2013) "
              "and the fp32 master copy (Micikevicius et al. 2018)"};

/// @brief 8-bit Adam: 16-bit weights and gradients, fp32 master weights (4 bytes) and
/// momentum and variance quantised to 8 bits (1 + 1 bytes): \f$K = 6\f$.
///
/// Source: Dettmers et al. 2022, "8-bit Optimizers via Block-wise Quantization" (ICLR 2022),
/// sec. 2: the two Adam states stored in 8 bits instead of 32 (75% less optimizer-state
/// memory). Block-wise quantisation adds one fp32 scale per block of 2048 values per state,
/// \f$2 \cdot 4/2048 \approx 0.004\f$ bytes per parameter, left out here.
inline constexpr BytesPerParameter adam_8bit{
    .name = "adam-8bit",
    .weights = 2.0,
    .gradients = 2.0,
    .optimizer = 6.0,
    .source = "Dettmers et al. 2022, 8-bit Optimizers via Block-wise Quantization, sec. 2: "
              "8-bit momentum and variance (1 + 1) beside fp32 master weights (4)"};

/// @brief Every optimizer accounting above, for tables and the calculator.
inline constexpr std::array<BytesPerParameter, 3> optimizers{sgd_momentum, adam_mixed_precision,
                                                             adam_8bit};

/// @brief Checks an accounting: every part finite and >= 0, weights > 0.
/// @param function the calling model, for the message
/// @param b the accounting
/// @throws invalid_input naming the part, e.g.
///   "zero model states: bytes.optimizer must be >= 0 and finite (got -1)"
constexpr void validate(std::string_view function, const BytesPerParameter& b) {
  require_positive(function, "bytes.weights", b.weights);
  require_non_negative(function, "bytes.gradients", b.gradients);
  require_non_negative(function, "bytes.optimizer", b.optimizer);
}

/// @}

}  // namespace paradox::memory
