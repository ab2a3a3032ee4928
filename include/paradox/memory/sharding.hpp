/// @file
/// @brief Parameters held by one model-parallel rank: a transformer's parameters split over
/// pipeline stages (embedding on the first, LM head and final norm on the last) and sharded by
/// the tensor-parallel degree.
#pragma once

#include <string_view>

#include "paradox/compute/parameters.hpp"
#include "paradox/error.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

/// @brief How a model's layers are dealt to pipeline stages.
enum class LayerSplit {
  even,         ///< every stage holds L / pp layers (Megatron-LM's default; pp must divide L)
  lighter_ends  ///< the first and last stages hold one layer fewer, to make room for the
                ///< embedding and the LM head: (L + 2) / pp layers elsewhere (Dubey et al. 2024,
                ///< "The Llama 3 Herd of Models", sec. 3.3.2: 126 layers on 16 stages)
};

/// @brief Lower-case spelling: "even" or "lighter-ends".
/// @param split the split
/// @return its spelling
[[nodiscard]] constexpr std::string_view to_string(LayerSplit split) noexcept {
  return split == LayerSplit::even ? "even" : "lighter-ends";
}

/// @brief A model-parallel layout: t-way tensor parallelism inside each of pp pipeline stages.
struct ModelParallel {
  int tensor_parallel = 1;                  ///< t
  int pipeline_parallel = 1;                ///< pp, pipeline stages
  LayerSplit layer_split = LayerSplit::even;  ///< how the layers are dealt to the stages
};

/// @brief Transformer layers held by pipeline stage `stage`.
///
/// Even: $L / pp$. Lighter ends: $(L + 2)/pp - [i = 0] - [i = pp - 1]$ (Llama 3, sec.
/// 3.3.2: "we reduce one Transformer layer each from the first and the last stages"; 405B:
/// 126 layers, 16 stages, 7 layers on the first and last, 8 on the others).
/// @param layers L, >= 1
/// @param layout pp and the split (t is not used)
/// @param stage the stage, in [0, pp)
/// @pre even: pp divides L; lighter ends: pp >= 2 and pp divides L + 2
/// @throws invalid_input e.g. "stage layers: layers + 2 must be divisible by
///   pipeline_parallel = 16 (got 128)" wording as require_divisible
/// @return the stage's layers (>= 1 for even splits; >= 0 for lighter ends with L + 2 = 2 pp)
[[nodiscard]] constexpr int layers_on_stage(int layers, const ModelParallel& layout, int stage) {
  constexpr std::string_view fn = "stage layers";
  require_at_least(fn, "layers", layers, 1);
  require_at_least(fn, "pipeline_parallel", layout.pipeline_parallel, 1);
  require_in_range(fn, "stage", stage, 0, layout.pipeline_parallel - 1);
  const int pp = layout.pipeline_parallel;
  if (layout.layer_split == LayerSplit::even) {
    require_divisible(fn, "layers", layers, "pipeline_parallel", pp);
    return layers / pp;
  }
  require_at_least(fn, "pipeline_parallel", pp, 2);
  require_divisible(fn, "layers + 2", layers + 2, "pipeline_parallel", pp);
  return (layers + 2) / pp - (stage == 0 ? 1 : 0) - (stage == pp - 1 ? 1 : 0);
}

/// @brief Parameters held by one tensor-parallel rank of pipeline stage `stage`
/// (\f$\Psi\f$ of model_states()).
///
/// \f$\Psi_i = \frac{1}{t}\left(\frac{L}{pp} P_\mathrm{layer} + [i = 0]\,(E + E_\mathrm{pos})
///   + [i = pp - 1]\,(N_\mathrm{final} + H)\right)\f$:
/// each stage holds \f$L/pp\f$ layers (layers_on_stage() for other splits), the first stage also the token and position embeddings
/// \f$E\f$, the last the final norm and the LM head \f$H\f$ (zero when tied to the
/// embedding), and every tensor-parallel rank \f$1/t\f$ of it, as Megatron-LM shards the
/// layers and the vocabulary (Shoeybi et al. 2019, "Megatron-LM", sec. 3; Narayanan et al.
/// 2021, SC21, sec. 2; the most-loaded shard of Megatron-LM's
/// megatron/training/theoretical_memory_usage.py). The layer norms, which Megatron-LM
/// replicates on the t ranks (\f$4h\f$ per GPT layer), are divided too: below 0.1% of a
/// layer for \f$h \ge 1024\f$. A tied embedding is not copied to the last stage (Megatron-LM
/// keeps such a copy when pp > 1: \f$V h / t\f$ more there), so that the stages sum to the
/// replica.
/// @param parts the transformer's parameters by part (compute::parameter_breakdown)
/// @param layout t and pp
/// @param stage the pipeline stage, in [0, pp)
/// @pre t >= 1, pp >= 1, the split deals the layers (layers_on_stage()), 0 <= stage < pp;
///   every part >= 0
/// @throws invalid_input naming the parameter, e.g.
///   "stage parameters: layers must be divisible by pipeline_parallel = 5 (got 96)"
/// @return the parameters one device of that stage holds
[[nodiscard]] constexpr double stage_parameters(const compute::ParameterBreakdown& parts,
                                                const ModelParallel& layout, int stage) {
  constexpr std::string_view fn = "stage parameters";
  require_at_least(fn, "tensor_parallel", layout.tensor_parallel, 1);
  require_at_least(fn, "pipeline_parallel", layout.pipeline_parallel, 1);
  require_at_least(fn, "layers", parts.layers, 1);
  if (layout.layer_split == LayerSplit::even)
    require_divisible(fn, "layers", parts.layers, "pipeline_parallel", layout.pipeline_parallel);
  require_in_range(fn, "stage", stage, 0, layout.pipeline_parallel - 1);
  require_non_negative(fn, "embedding", parts.embedding);
  require_non_negative(fn, "position_embedding", parts.position_embedding);
  require_non_negative(fn, "per_layer", parts.per_layer);
  require_non_negative(fn, "final_norm", parts.final_norm);
  require_non_negative(fn, "lm_head", parts.lm_head);
  double held = static_cast<double>(layers_on_stage(parts.layers, layout, stage)) * parts.per_layer;
  if (stage == 0) held += parts.embedding + parts.position_embedding;
  if (stage == layout.pipeline_parallel - 1) held += parts.final_norm + parts.lm_head;
  return held / static_cast<double>(layout.tensor_parallel);
}

/// @brief The stage whose devices hold the most parameters (the first on a tie).
/// @param parts the transformer's parameters by part
/// @param layout t and pp
/// @pre as stage_parameters()
/// @throws invalid_input as stage_parameters()
/// @return the index of the most loaded stage: 0 or pp - 1 (the embedding or the LM head),
///   any stage when they hold the same
[[nodiscard]] constexpr int most_loaded_stage(const compute::ParameterBreakdown& parts,
                                              const ModelParallel& layout) {
  const int last = layout.pipeline_parallel - 1;
  return stage_parameters(parts, layout, last) > stage_parameters(parts, layout, 0) ? last : 0;
}

/// @}

}  // namespace paradox::memory
