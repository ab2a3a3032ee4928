/// @file
/// @brief Parameter counts of GPT-style (Megatron eq. 2) and Llama-style transformers, by part,
/// so that the memory models can place the embedding and LM head on the first and last
/// pipeline stages.
#pragma once

#include <string_view>

#include "paradox/compute/model_spec.hpp"
#include "paradox/error.hpp"

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief A transformer's parameters by part. Counts are doubles: 10^12 parameters and more
/// are ordinary, and the formulas are products of sizes.
struct ParameterBreakdown {
  double embedding = 0.0;           ///< token embedding, \f$V h\f$ (first stage)
  double position_embedding = 0.0;  ///< learned positions, \f$s h\f$ (GPT; first stage)
  double per_layer = 0.0;           ///< one transformer layer
  int layers = 0;                   ///< L
  double final_norm = 0.0;          ///< the last norm before the LM head (last stage)
  double lm_head = 0.0;  ///< output projection, \f$V h\f$ when untied (Llama), 0 when tied (GPT)

  /// @brief Every parameter: embeddings, L layers, final norm and LM head.
  /// @return the total parameter count
  [[nodiscard]] constexpr double total() const {
    return embedding + position_embedding + static_cast<double>(layers) * per_layer +
           final_norm + lm_head;
  }
};

/// @brief The parameters of a transformer by part.
///
/// **GPT** (Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU
/// Clusters Using Megatron-LM", SC21, eq. 2):
/// \f$P = 12 L h^2 \left(1 + \frac{13}{12h} + \frac{V + s}{12 L h}\right)
///      = L(12h^2 + 13h) + V h + s h\f$:
/// per layer the QKV projection \f$3h^2 + 3h\f$, the attention output \f$h^2 + h\f$, the
/// 4h MLP \f$8h^2 + 5h\f$ and two LayerNorms \f$4h\f$; a token embedding tied with the LM
/// head, learned positions. As in the paper, the final LayerNorm (\f$2h\f$) is not counted.
///
/// **Llama** (Dubey et al. 2024, "The Llama 3 Herd of Models", table 3 shapes; the released
/// architecture: grouped-query attention, SwiGLU MLP, RMSNorm, rotary positions, no biases,
/// untied embeddings): per layer \f$2h^2 + 2 h\,k d + 3 h f + 2h\f$ with \f$k\f$ KV heads of
/// dimension \f$d = h/a\f$ and MLP width \f$f\f$; final RMSNorm \f$h\f$; embedding and LM head
/// \f$V h\f$ each. Llama 3 8B / 70B / 405B count to 8.03e9 / 70.55e9 / 405.85e9 against the
/// published 8.03B / 70.6B / 405B.
/// @param m the transformer's shape
/// @pre m passes validate(const TransformerSpec&) (sizes >= 1, heads divide hidden, kv_heads
///   divide heads); `published_parameters` and provenance are not used
/// @throws invalid_input naming the first offending field, e.g.
///   "parameter count: hidden must be divisible by heads = 25 (got 1601)"
/// @return the breakdown; total() is the model's parameter count
/// @see parameters
[[nodiscard]] constexpr ParameterBreakdown parameter_breakdown(const TransformerSpec& m) {
  detail::validate_shape("parameter count", m);
  const double h = m.hidden;
  const double v = m.vocab;
  if (m.architecture == Architecture::gpt) {
    return {.embedding = v * h,
            .position_embedding = static_cast<double>(m.seq_len) * h,
            .per_layer = 12.0 * h * h + 13.0 * h,
            .layers = m.layers,
            .final_norm = 0.0,
            .lm_head = 0.0};
  }
  const double kv = static_cast<double>(m.kv_heads) * static_cast<double>(head_dim(m));
  const double f = m.ffn_hidden;
  return {.embedding = v * h,
          .position_embedding = 0.0,
          .per_layer = 2.0 * h * h + 2.0 * h * kv + 3.0 * h * f + 2.0 * h,
          .layers = m.layers,
          .final_norm = h,
          .lm_head = v * h};
}

/// @brief The parameter count of a transformer: parameter_breakdown(m).total().
/// @param m the transformer's shape
/// @pre as parameter_breakdown()
/// @throws invalid_input as parameter_breakdown()
/// @return the number of parameters (GPT-3 175B's shape: 174.6e9)
[[nodiscard]] constexpr double parameters(const TransformerSpec& m) {
  return parameter_breakdown(m).total();
}

/// @}

}  // namespace paradox::compute
