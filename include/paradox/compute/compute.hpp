/// @file
/// @brief The compute family: model shapes, parameter counts, FLOPs per token and utilisation.
#pragma once

#include "paradox/compute/flops_per_token.hpp"
#include "paradox/compute/iteration_flops.hpp"
#include "paradox/compute/model_spec.hpp"
#include "paradox/compute/parameters.hpp"
#include "paradox/compute/recomputation.hpp"
#include "paradox/compute/training_time.hpp"
#include "paradox/compute/utilization.hpp"

namespace paradox::compute {

/// @defgroup compute Compute
/// @brief Model shapes, parameter counts, FLOPs per token and utilisation (MFU / HFU).
///
/// What a model costs to train, from its shape to dollars:
/// - model_spec.hpp: TransformerSpec (GPT- and Llama-style LLMs, shared with the catalog and
///   every later family) and EdgeModelSpec (small on-device networks).
/// - parameters.hpp: parameter counts, Megatron's eq. 2 for GPT and the Llama count, by part.
/// - flops_per_token.hpp: training FLOPs per token, \f$6N\f$ (Kaplan et al. 2020) plus PaLM's
///   attention term \f$12 L H Q T\f$, full or causal (AttentionTerm: named, never implied), and
///   the FLOPs recomputation adds (recomputation.hpp: none, selective, full).
/// - iteration_flops.hpp: Megatron-LM's per-iteration count (Narayanan et al. 2021, eq. 3),
///   \f$96 B s L h^2 (1 + \frac{s}{6h} + \frac{V}{16 L h})\f$ with full recomputation.
/// - utilization.hpp: MFU and HFU (Chowdhery et al. 2022, appendix B).
/// - training_time.hpp: end-to-end time \f$8 T P / (n X)\f$ (Megatron eq. 4), tokens in a
///   given time, accelerator-hours and cost.
///
/// Example: PaLM 540B's MFU and HFU (238.3k tokens/s on 6144 TPU v4 chips):
/// @code
/// using namespace paradox;
/// const compute::TokenFlopsInput palm{
///     .parameters = 540.35e9,
///     .attention = compute::AttentionTerm::full,
///     .shape = {.layers = 118, .heads = 48, .head_dim = 256, .seq_len = 2048}};
/// const compute::Utilization u = compute::utilization(
///     {.tokens_per_second = 238.3e3,
///      .model_flops_per_token = compute::training_flops_per_token(palm),
///      .recomputed_flops_per_token = compute::recomputed_flops_per_token(
///          palm, compute::Recomputation::full),
///      .chips = 6144,
///      .peak_per_chip = peak(catalog::tpu_v4, Precision::bf16)});
/// // u.mfu = 0.462; u.hfu with full recomputation = 0.616 (PaLM's own rematerialization,
/// // 75% of the weights' forward pass, gives its published 57.8%)
/// @endcode
/// @{
/// @}

}  // namespace paradox::compute
