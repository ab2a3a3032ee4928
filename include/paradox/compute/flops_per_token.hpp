/// @file
/// @brief Training FLOPs per token: 6N for the weights (Kaplan et al. 2020) plus PaLM's
/// attention term 12 L H Q T, full or causal (Chowdhery et al. 2022, appendix B), and the FLOPs
/// that activation recomputation adds on top.
#pragma once

#include <cmath>
#include <string_view>

#include "paradox/compute/model_spec.hpp"
#include "paradox/compute/recomputation.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief The shape the attention term needs: PaLM's L, H, Q and T.
///
/// Q is the head dimension as published, not hidden / heads: PaLM 540B has 48 heads of 256 on
/// a model dimension of 18,432 (Chowdhery et al. 2022, table 1).
struct AttentionShape {
  int layers = 0;    ///< L, transformer layers
  int heads = 0;     ///< H, query heads
  int head_dim = 0;  ///< Q, dimension of one head
  int seq_len = 0;   ///< T, training sequence length
};

/// @brief Whether and how the attention score and value products are counted.
///
/// The two published conventions differ by a factor 2 and neither is the default: PaLM counts
/// every query-key pair (full), a causal mask needs only half of them.
enum class AttentionTerm {
  excluded,  ///< 6N only (Kaplan et al. 2020; PaLM's "without self-attention" figures)
  full,      ///< \f$12 L H Q T\f$, every query-key pair (Chowdhery et al. 2022, appendix B)
  causal     ///< \f$6 L H Q T\f$, half of them: a causal mask skips the upper triangle
};

/// @brief Lower-case spelling of an attention term: "excluded", "full" or "causal".
/// @param a the attention term
/// @return its spelling; "unknown" for a value outside the enumeration
[[nodiscard]] constexpr std::string_view to_string(AttentionTerm a) noexcept {
  switch (a) {
    case AttentionTerm::excluded:
      return "excluded";
    case AttentionTerm::full:
      return "full";
    case AttentionTerm::causal:
      return "causal";
  }
  return "unknown";
}

/// @brief The attention shape of a transformer: its layers, heads, head_dim(m) and seq_len.
/// @param m the transformer (Llama 3 70B: 80 layers, 64 heads of 128, 8,192 tokens)
/// @throws invalid_input when m.heads < 1 (from head_dim())
/// @return the shape PaLM's attention term reads
[[nodiscard]] constexpr AttentionShape attention_shape(const TransformerSpec& m) {
  return {.layers = m.layers, .heads = m.heads, .head_dim = head_dim(m), .seq_len = m.seq_len};
}

namespace detail {
/// Throws unless a model's result is finite: huge inputs must not turn into infinity. The
/// message names the input that made it overflow: "p: x must give a finite result (got 1e+308)".
template <class T>
constexpr void require_finite_result(std::string_view function, std::string_view parameter,
                                     double result, const T& input) {
  if (!std::isfinite(result))
    throw invalid_input(function, parameter, "give a finite result",
                        paradox::detail::describe(input));
}
}  // namespace detail

/// @brief Training FLOPs per token spent on the weights: \f$6N\f$.
///
/// Each weight takes part in one multiply-add (2 FLOPs) in the forward pass and two in the
/// backward pass (the gradients of the input and of the weight): 2 x 3 = 6 FLOPs per parameter
/// per token (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", sec. 2.1 and
/// table 1; Chowdhery et al. 2022, "PaLM", appendix B). Biases and norms are counted as if they
/// were weights, as both sources do.
/// @param parameters N, the model's parameters (> 0 and finite)
/// @pre parameters > 0
/// @throws invalid_input "flops per token: parameters must be > 0 and finite (got 0)"
/// @return \f$6N\f$ FLOPs (GPT-3 175B: 1.05 TFLOP per token)
/// @see training_flops_per_token
[[nodiscard]] constexpr FlopCount parameter_flops_per_token(double parameters) {
  require_positive("flops per token", "parameters", parameters);
  const double flops = 6.0 * parameters;
  detail::require_finite_result("flops per token", "parameters", flops, parameters);
  return flops * flop;
}

/// @brief Training FLOPs per token in the attention products \f$QK^\top\f$ and scores x V.
///
/// Per layer and head, one query attends to T keys: \f$2QT\f$ FLOPs for the scores and
/// \f$2QT\f$ for the weighted values in the forward pass, twice that in the backward pass, so
///   - full: \f$12 L H Q T\f$ (Chowdhery et al. 2022, appendix B);
///   - causal: \f$6 L H Q T\f$, half of it, as a causal mask needs only the pairs with key
///     position <= query position;
///   - excluded: 0.
///
/// With \f$HQ = h\f$ the full term is Megatron's \f$12 s h\f$ per token and layer (Narayanan et
/// al. 2021, appendix: \f$12 B s^2 h\f$ per layer and iteration of \f$B s\f$ tokens).
/// @param shape L, H, Q, T (each >= 1 unless `term` is excluded, which reads none of them)
/// @param term which convention to count
/// @pre every field of `shape` >= 1 when term is full or causal
/// @throws invalid_input naming the first field below 1, e.g.
///   "attention flops: heads must be >= 1 (got 0)"
/// @return the attention FLOPs of one token (PaLM 540B, full: 3.56e10)
/// @see parameter_flops_per_token
[[nodiscard]] constexpr FlopCount attention_flops_per_token(const AttentionShape& shape,
                                                            AttentionTerm term) {
  if (term == AttentionTerm::excluded) return 0.0 * flop;
  constexpr std::string_view fn = "attention flops";
  require_at_least(fn, "layers", shape.layers, 1);
  require_at_least(fn, "heads", shape.heads, 1);
  require_at_least(fn, "head_dim", shape.head_dim, 1);
  require_at_least(fn, "seq_len", shape.seq_len, 1);
  const double factor = term == AttentionTerm::full ? 12.0 : 6.0;
  // A product of four ints as doubles: at most (2^31)^4 x 12 = 2.5e38, always finite.
  return factor * static_cast<double>(shape.layers) * static_cast<double>(shape.heads) *
         static_cast<double>(shape.head_dim) * static_cast<double>(shape.seq_len) * flop;
}

/// @brief What training FLOPs per token are counted from: the parameters and, optionally, the
/// attention term.
struct TokenFlopsInput {
  double parameters = 0.0;                          ///< N
  AttentionTerm attention = AttentionTerm::excluded;  ///< whether and how attention counts
  AttentionShape shape{};  ///< L, H, Q, T; read only when attention is not excluded
};

/// @brief Model FLOPs of training on one token (forward and backward, no recomputation).
///
/// \f$ 6N + 12 L H Q T \f$ (full attention) or \f$ 6N + 6 L H Q T \f$ (causal), or \f$6N\f$
/// alone (Chowdhery et al. 2022, appendix B; Kaplan et al. 2020). This is the numerator of MFU.
///
/// Check: PaLM 540B (N = 540.35e9, L = 118, H = 48, Q = 256, T = 2048, full): 3.28 TFLOP per
/// token, as PaLM's table 22 prints.
/// @param in the parameters, the attention term and its shape
/// @pre as parameter_flops_per_token() and attention_flops_per_token()
/// @throws invalid_input as those two functions
/// @return the model FLOPs of one training token
/// @see recomputed_flops_per_token
[[nodiscard]] constexpr FlopCount training_flops_per_token(const TokenFlopsInput& in) {
  return parameter_flops_per_token(in.parameters) + attention_flops_per_token(in.shape, in.attention);
}

/// @brief FLOPs that recomputation adds to one training token (hardware minus model FLOPs).
///
/// - none: 0.
/// - full: one more forward pass, a third of each term: \f$2N + \tfrac13 A\f$ with \f$A\f$ the
///   attention term of `in` (full: \f$4 L H Q T\f$). Megatron's eq. 3 (96 instead of 72) is
///   the same extra pass without the LM head's share.
/// - selective: the attention term once more, \f$A\f$. Korthikanti et al. 2022 ("Reducing
///   Activation Recomputation in Large Transformer Models", appendix) count the hardware FLOPs
///   of selective recomputation as \f$72 B s L h^2 (1 + \frac{s}{3h} + \frac{V}{12 L h})\f$
///   against the model's \f$72 B s L h^2 (1 + \frac{s}{6h} + \frac{V}{12 L h})\f$: one more
///   \f$\frac{s}{6h}\f$, which is \f$12 L s h = A\f$ per token (2.7% of GPT-3 175B's FLOPs).
///   Counting only the recomputed forward matmuls of the attention core would give \f$A/3\f$;
///   paradox follows the paper.
/// @param in the model FLOPs' inputs (parameters, attention term and shape)
/// @param recomputation which forward work the backward pass repeats
/// @pre as training_flops_per_token(); selective needs an attention term (full or causal)
/// @throws invalid_input as training_flops_per_token(), and for selective without attention:
///   "recomputed flops: attention must be full or causal with selective recomputation
///   (got excluded)"
/// @return the extra FLOPs per token; training_flops_per_token(in) plus this is the numerator
///   of HFU
/// @see utilization
[[nodiscard]] constexpr FlopCount recomputed_flops_per_token(const TokenFlopsInput& in,
                                                              Recomputation recomputation) {
  const FlopCount weights = parameter_flops_per_token(in.parameters);
  const FlopCount attention = attention_flops_per_token(in.shape, in.attention);
  switch (recomputation) {
    case Recomputation::none:
      return 0.0 * flop;
    case Recomputation::full:
      return (weights + attention) / 3.0;
    case Recomputation::selective:
      if (in.attention == AttentionTerm::excluded)
        throw invalid_input("recomputed flops", "attention",
                            "be full or causal with selective recomputation", "excluded");
      return attention;
  }
  throw invalid_input("recomputed flops", "recomputation", "be none, selective or full",
                      "unknown");
}

/// @}

}  // namespace paradox::compute
