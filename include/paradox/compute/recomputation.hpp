/// @file
/// @brief Activation recomputation (none, selective, full): which forward work a training step
/// repeats in its backward pass, and so which FLOPs the hardware executes beyond the model's.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief How much of the forward pass a training step recomputes during the backward pass.
///
/// Recomputation trades FLOPs for activation memory. It never changes the model FLOPs (the
/// numerator of MFU); it adds hardware FLOPs (the numerator of HFU).
enum class Recomputation {
  none,       ///< every activation is stored: hardware FLOPs = model FLOPs
  selective,  ///< only the attention core (QK^T, softmax, attention over V) is recomputed
              ///< (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large
              ///< Transformer Models", sec. 4.2): a small extra
  full        ///< each layer's forward pass is run again from its stored input (Chen et al.
              ///< 2016; Megatron-LM): one more forward pass of the layers
};

/// @brief Every Recomputation, in declaration order (for CLI choices and tables).
inline constexpr std::array<Recomputation, 3> all_recomputations{
    Recomputation::none, Recomputation::selective, Recomputation::full};

/// @brief CLI spelling of a recomputation: "none", "selective" or "full".
/// @param r the recomputation
/// @return its lower-case spelling; "unknown" for a value outside the enumeration
/// @see parse_recomputation
[[nodiscard]] constexpr std::string_view to_string(Recomputation r) noexcept {
  switch (r) {
    case Recomputation::none:
      return "none";
    case Recomputation::selective:
      return "selective";
    case Recomputation::full:
      return "full";
  }
  return "unknown";
}

/// @brief Parses the spelling produced by to_string(Recomputation).
/// @param text "none", "selective" or "full" (exact, case-sensitive)
/// @return the recomputation, or std::nullopt for any other text
/// @see to_string(Recomputation)
[[nodiscard]] constexpr std::optional<Recomputation> parse_recomputation(
    std::string_view text) noexcept {
  for (Recomputation r : all_recomputations)
    if (to_string(r) == text) return r;
  return std::nullopt;
}

/// @}

}  // namespace paradox::compute
