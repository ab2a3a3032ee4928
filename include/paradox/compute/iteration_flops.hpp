/// @file
/// @brief FLOPs of one training iteration of a GPT-style model, with and without activation
/// recomputation (Megatron-LM 2021, eq. 3 and its appendix derivation).
#pragma once

#include <string_view>

#include "paradox/compute/flops_per_token.hpp"
#include "paradox/compute/model_spec.hpp"
#include "paradox/compute/recomputation.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief What Megatron's per-iteration count reads: B, s, L, h, V.
struct IterationShape {
  int batch_size = 0;  ///< B, sequences per iteration (the global batch)
  int seq_len = 0;     ///< s
  int layers = 0;      ///< L
  int hidden = 0;      ///< h
  int vocab = 0;       ///< V
};

/// @brief The iteration shape of a transformer trained on `batch_size` sequences of its
/// seq_len.
/// @param m the transformer (its layers, hidden, vocab and seq_len are read)
/// @param batch_size B, sequences per iteration
/// @return the shape; iteration_flops() checks it
[[nodiscard]] constexpr IterationShape iteration_shape(const TransformerSpec& m, int batch_size) {
  return {.batch_size = batch_size,
          .seq_len = m.seq_len,
          .layers = m.layers,
          .hidden = m.hidden,
          .vocab = m.vocab};
}

/// @brief FLOPs the hardware executes in one training iteration of a GPT-style model.
///
/// Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU Clusters Using
/// Megatron-LM" (SC21), eq. 3 and the appendix that derives it. Per layer the forward pass
/// costs \f$24 B s h^2 + 4 B s^2 h\f$ (QKV, attention output and the 4h MLP; the scores and the
/// weighted values), the backward pass twice that, and the LM head \f$2 B s h V\f$ forward
/// (\f$6 B s h V\f$ forward and backward). Hence
///   - none (eq. 3's "without recomputation"):
///     \f$ F = 72 B s L h^2 \left(1 + \frac{s}{6h} + \frac{V}{12 L h}\right) \f$;
///   - full (eq. 3, with one more forward pass of every layer, the LM head not recomputed):
///     \f$ F = 96 B s L h^2 \left(1 + \frac{s}{6h} + \frac{V}{16 L h}\right) \f$;
///   - selective (Korthikanti et al. 2022, appendix): the attention term counted twice,
///     \f$ F = 72 B s L h^2 \left(1 + \frac{s}{3h} + \frac{V}{12 L h}\right) \f$.
///
/// The model FLOPs (MFU's numerator) are always the "none" count; biases, norms and position
/// embeddings are neglected, as in the paper, so per token this is a little below
/// training_flops_per_token() with the full attention term.
/// @param shape B, s, L, h, V
/// @param recomputation none, selective or full
/// @pre every field of `shape` >= 1
/// @throws invalid_input naming the first field below 1, e.g.
///   "iteration flops: batch_size must be >= 1 (got 0)"; or for a result beyond the range of
///   double
/// @return the FLOPs of one iteration (GPT-3 175B, B = 1536, full: 4.9e18)
/// @see training_flops_per_token, recomputed_flops_per_token
[[nodiscard]] constexpr FlopCount iteration_flops(const IterationShape& shape,
                                                  Recomputation recomputation) {
  constexpr std::string_view fn = "iteration flops";
  require_at_least(fn, "batch_size", shape.batch_size, 1);
  require_at_least(fn, "seq_len", shape.seq_len, 1);
  require_at_least(fn, "layers", shape.layers, 1);
  require_at_least(fn, "hidden", shape.hidden, 1);
  require_at_least(fn, "vocab", shape.vocab, 1);
  const double b = shape.batch_size;
  const double s = shape.seq_len;
  const double l = shape.layers;
  const double h = shape.hidden;
  const double v = shape.vocab;
  const double base = b * s * l * h * h;
  double flops = 0.0;
  switch (recomputation) {
    case Recomputation::none:
      flops = 72.0 * base * (1.0 + s / (6.0 * h) + v / (12.0 * l * h));
      break;
    case Recomputation::selective:
      flops = 72.0 * base * (1.0 + s / (3.0 * h) + v / (12.0 * l * h));
      break;
    case Recomputation::full:
      flops = 96.0 * base * (1.0 + s / (6.0 * h) + v / (16.0 * l * h));
      break;
  }
  if (!(flops > 0.0))  // a value outside the enumeration
    throw invalid_input(fn, "recomputation", "be none, selective or full", "unknown");
  // (2^31)^5 x 96 x 3 is about 1e49: finite, but checked all the same.
  detail::require_finite_result(fn, "shape", flops, base);
  return flops * flop;
}

/// @}

}  // namespace paradox::compute
