/// @file
/// @brief Model descriptions: TransformerSpec (GPT- and Llama-style LLMs) and EdgeModelSpec
/// (small on-device networks).
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief Transformer family, which decides how parameters are counted.
enum class Architecture {
  gpt,   ///< GPT-2/3, Megatron: learned positions, LayerNorm with biases, 4h GeLU MLP, tied
         ///< embeddings
  llama  ///< Llama: RoPE, RMSNorm, no biases, SwiGLU MLP of width ffn_hidden, grouped-query
         ///< attention with kv_heads, untied embeddings
};

/// @brief Lower-case spelling of an architecture, as printed in tables and reports.
/// @param a the architecture
/// @return "gpt" for Architecture::gpt, "llama" otherwise
[[nodiscard]] constexpr std::string_view to_string(Architecture a) noexcept {
  return a == Architecture::gpt ? "gpt" : "llama";
}

/// @brief The shape of a decoder-only transformer, as published.
///
/// Notation of MODELS.md: L = layers, h = hidden, a = heads, V = vocab, s = seq_len.
struct TransformerSpec {
  std::string_view key{};   ///< lower-case catalog key, e.g. "llama3-70b"
  std::string_view name{};  ///< display name
  int layers = 0;           ///< L
  int hidden = 0;           ///< h (model dimension)
  int heads = 0;            ///< a (query heads)
  int kv_heads = 0;         ///< key/value heads (= heads without grouped-query attention)
  int ffn_hidden = 0;       ///< MLP inner width (4h for GPT)
  int vocab = 0;            ///< V
  int seq_len = 0;          ///< s, the training context length
  Architecture architecture = Architecture::gpt;  ///< how to count parameters
  double published_parameters = 0.0;              ///< the parameter count the authors state
  Provenance provenance{};                        ///< paper and table the shape comes from
};

/// @brief Head dimension \f$ h / a \f$ (Llama 3 70B: 8192 / 64 = 128).
/// @param m the transformer
/// @return the width of one attention head; integer division, exact for a spec that passes
///   validate(const TransformerSpec&), which requires heads to divide hidden
/// @throws invalid_input when heads < 1: "head dim: heads must be >= 1 (got 0)"
[[nodiscard]] constexpr int head_dim(const TransformerSpec& m) {
  require_at_least("head dim", "heads", m.heads, 1);
  return m.hidden / m.heads;
}

namespace detail {
/// The shape checks every model over a TransformerSpec needs: sizes >= 1, heads divide hidden,
/// kv_heads divide heads. Messages name `function`.
constexpr void validate_shape(std::string_view function, const TransformerSpec& m) {
  require_at_least(function, "layers", m.layers, 1);
  require_at_least(function, "hidden", m.hidden, 1);
  require_at_least(function, "heads", m.heads, 1);
  require_at_least(function, "kv_heads", m.kv_heads, 1);
  require_at_least(function, "ffn_hidden", m.ffn_hidden, 1);
  require_at_least(function, "vocab", m.vocab, 1);
  require_at_least(function, "seq_len", m.seq_len, 1);
  require_divisible(function, "hidden", m.hidden, "heads", m.heads);
  require_divisible(function, "heads", m.heads, "kv_heads", m.kv_heads);
}
}  // namespace detail

/// @brief Checks a spec: sizes >= 1, heads divide hidden, kv_heads divide heads, published
/// count > 0, provenance present.
/// @param m the spec to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "transformer spec: hidden must be divisible by heads = 25 (got 1601)"
constexpr void validate(const TransformerSpec& m) {
  constexpr std::string_view fn = "transformer spec";
  detail::validate_shape(fn, m);
  require_positive(fn, "published_parameters", m.published_parameters);
  validate(fn, m.provenance);
}

/// @brief A small on-device network (keyword spotting, MobileNet, a denoiser).
///
/// FLOPs count a multiply-accumulate as two FLOPs. Papers that report "multiply-adds" or
/// "MACs" (MobileNetV2: 300M) are doubled when entered here; the provenance says so.
struct EdgeModelSpec {
  std::string_view key{};            ///< lower-case catalog key, e.g. "mobilenetv2"
  std::string_view name{};           ///< display name
  double parameters = 0.0;           ///< number of weights
  double bytes_per_parameter = 4.0;  ///< storage / transfer precision (4 = fp32, 1 = int8)
  FlopCount flops_per_inference{};   ///< forward pass, one input, MAC = 2 FLOP
  Provenance provenance{};           ///< where the figures come from
};

/// @brief Size of the weights (= of one full gradient or update):
/// \f$ P \cdot b \f$ bytes.
/// @param m the edge model
/// @return parameters times bytes_per_parameter, in bytes (ResNet-50 in fp32: 25.6e6 x 4 B =
///   102.4 MB); this is the payload of one full-model synchronisation
/// @pre parameters and bytes_per_parameter are > 0 (checked by validate(const EdgeModelSpec&),
///   not here, so that the function can stay noexcept)
[[nodiscard]] constexpr Bytes model_bytes(const EdgeModelSpec& m) noexcept {
  return m.parameters * m.bytes_per_parameter * bytes;
}

/// @brief Checks an edge model: parameters, bytes per parameter and FLOPs > 0, provenance
/// present.
/// @param m the spec to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "edge model spec: parameters must be > 0 and finite (got 0)"
constexpr void validate(const EdgeModelSpec& m) {
  constexpr std::string_view fn = "edge model spec";
  require_positive(fn, "parameters", m.parameters);
  require_positive(fn, "bytes_per_parameter", m.bytes_per_parameter);
  require_positive(fn, "flops_per_inference", m.flops_per_inference);
  validate(fn, m.provenance);
}

/// @}

}  // namespace paradox::compute

namespace paradox {
// The model descriptions are vocabulary shared by many families (memory, parallel, catalog).
using compute::Architecture;
using compute::EdgeModelSpec;
using compute::TransformerSpec;
}  // namespace paradox
