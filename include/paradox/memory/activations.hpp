/// @file
/// @brief Activation memory of a transformer layer (Korthikanti et al. 2022, table 2) and of a
/// pipeline stage holding several micro-batches.
#pragma once

#include <string_view>

#include "paradox/compute/recomputation.hpp"
#include "paradox/error.hpp"
#include "paradox/pipeline/in_flight.hpp"
#include "paradox/units.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

// What the backward pass recomputes is the compute family's Recomputation: the same choice
// costs FLOPs there (HFU) and saves memory here.
using compute::all_recomputations;
using compute::parse_recomputation;
using compute::Recomputation;

/// @brief One transformer layer's activations for one micro-batch.
struct LayerActivationInput {
  int seq_len = 0;     ///< s, tokens per sequence
  int micro_batch = 1; ///< b, sequences per micro-batch
  int hidden = 0;      ///< h
  int heads = 0;       ///< a, attention heads
  int tensor_parallel = 1;          ///< t
  bool sequence_parallel = false;   ///< shard the layer norms and dropouts along the sequence
  Recomputation recompute = Recomputation::none;  ///< what the backward pass recomputes
  /// Keys each query attends to; 0 = seq_len. With context parallelism a rank holds s / cp
  /// queries (seq_len) against all s keys, so its attention scores are (s / cp) x s.
  int key_length = 0;
};

/// @brief Activation memory of one transformer layer for one micro-batch, 16-bit
/// activations and 1-byte dropout masks.
///
/// Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models"
/// (MLSys 2023, arXiv:2205.05198), table 2 (rows: eq. 1 and secs. 4.2.1, 4.2.2, 5):
/// | configuration | bytes per layer |
/// |---|---|
/// | no parallelism (t = 1) | \f$sbh\left(34 + \frac{5as}{h}\right)\f$ |
/// | tensor parallel | \f$sbh\left(10 + \frac{24}{t} + \frac{5as}{ht}\right)\f$ |
/// | tensor + sequence parallel | \f$sbh\left(\frac{34}{t} + \frac{5as}{ht}\right)\f$ |
/// | tensor parallel + selective recomputation | \f$sbh\left(10 + \frac{24}{t}\right)\f$ |
/// | tensor + sequence parallel + selective recomputation | \f$sbh\,\frac{34}{t}\f$ |
/// | full recomputation | \f$2sbh\f$ |
///
/// The 10 sbh that tensor parallelism leaves whole are the two layer norms' inputs (4 sbh), the
/// two dropout masks after attention and MLP (2 sbh) and the inputs of the QKV and first MLP
/// projections (4 sbh); sequence parallelism shards them too. \f$5as^2b\f$ is the attention
/// core (softmax output 2, its dropout mask 1, \f$QK^T\f$ 2 bytes per element; \f$s\,s_k\f$
/// elements per head when a rank's s queries see \f$s_k\f$ keys, key_length), which selective
/// recomputation drops. Full recomputation keeps the layer input, \f$2sbh\f$ (the paper's row;
/// sharding it by t is possible but not what the table counts). With t = 1 the first three rows
/// coincide.
///
/// A GPT-3 175B layer (s = 2048, h = 12288, a = 96, b = 1; \f$5as/h = 80\f$):
/// \f$114\,sbh = 2.869\f$ GB without parallelism; with t = 8: 23 sbh = 578.8 MB,
/// 14.25 sbh = 358.6 MB with sequence parallelism, 4.25 sbh = 107.0 MB adding selective
/// recomputation; 2 sbh = 50.3 MB with full recomputation.
/// @param in s, b, h, a, t, sequence parallelism and the recomputation
/// @pre s, b, h, a, t >= 1; t divides a (Megatron-LM splits heads among the t ranks)
/// @throws invalid_input naming the parameter, e.g.
///   "activations per layer: heads must be divisible by tensor_parallel = 5 (got 96)"
/// @return bytes of activations one device stores for one layer and one micro-batch
/// @see stage_activations
[[nodiscard]] constexpr Bytes layer_activations(const LayerActivationInput& in) {
  constexpr std::string_view fn = "activations per layer";
  require_at_least(fn, "seq_len", in.seq_len, 1);
  require_at_least(fn, "micro_batch", in.micro_batch, 1);
  require_at_least(fn, "hidden", in.hidden, 1);
  require_at_least(fn, "heads", in.heads, 1);
  require_at_least(fn, "tensor_parallel", in.tensor_parallel, 1);
  require_divisible(fn, "heads", in.heads, "tensor_parallel", in.tensor_parallel);
  const double s = in.seq_len;
  const double b = in.micro_batch;
  const double h = in.hidden;
  const double a = in.heads;
  const double t = in.tensor_parallel;
  const double sbh = s * b * h;
  require_at_least(fn, "key_length", in.key_length, 0);
  const double keys = in.key_length > 0 ? in.key_length : s;
  const double attention_core = 5.0 * a * keys / (h * t);  // 5 a s s_k b / t, over sbh
  double factor = 0.0;
  switch (in.recompute) {
    case Recomputation::full:
      factor = 2.0;
      break;
    case Recomputation::selective:
      factor = in.sequence_parallel ? 34.0 / t : 10.0 + 24.0 / t;
      break;
    case Recomputation::none:
      factor = (in.sequence_parallel ? 34.0 / t : 10.0 + 24.0 / t) + attention_core;
      break;
  }
  return sbh * factor * bytes;
}

/// @brief A pipeline stage's activations at its peak.
struct StageActivationInput {
  LayerActivationInput layer{};  ///< one layer, one micro-batch
  int layers = 1;                ///< L, the model's transformer layers (all stages)
  pipeline::Schedule schedule = pipeline::Schedule::one_f_one_b;  ///< the pipeline schedule
  pipeline::PipelineShape pipeline{};  ///< p stages, m micro-batches, v chunks per device
  int stage = 0;                       ///< the stage, in [0, p)
  bool embedding = true;  ///< add the first stage's embedding dropout mask (sec. 4.3)
  /// The stage's layers when the split is not even (memory::layers_on_stage()); 0 = \f$L/p\f$,
  /// which needs p (p v when interleaved) to divide L.
  int layers_on_stage = 0;
};

/// @brief A stage's activations, by part.
struct StageActivations {
  Bytes per_layer{};              ///< layer_activations() of one micro-batch
  int layers_on_stage = 0;        ///< \f$L/p\f$
  double held_microbatches = 0.0; ///< pipeline::held_microbatches for the stage
  Bytes layers{};                 ///< per_layer x layers_on_stage x held_microbatches
  Bytes embedding{};              ///< first stage only: the embedding's dropout mask

  /// @brief layers + embedding.
  /// @return the stage's activation memory at its peak
  [[nodiscard]] constexpr Bytes total() const { return layers + embedding; }
};

/// @brief Activation memory of one device of a pipeline stage at its peak:
/// \f$A_\mathrm{layer} \cdot \frac{L}{p} \cdot n_i\f$, plus on the first stage the embedding
/// dropout mask \f$sbh\,n_0\f$ (\f$sbh\,n_0/t\f$ with sequence parallelism).
///
/// \f$n_i\f$ is pipeline::held_microbatches (GPipe: m; 1F1B: \f$\min(p - i, m)\f$;
/// interleaved: \f$p(1 + \frac{p-1}{pv})\f$ on the first stage). Korthikanti et al. 2022,
/// sec. 4.2.3: under 1F1B the first stage holds p micro-batches of \f$L/p\f$ layers, so its
/// activations are those of all L layers for one micro-batch, independent of p; the
/// interleaved schedule multiplies this by \f$1 + \frac{p-1}{pm}\f$, where the paper's m is the
/// number of interleaved stages (v here; MODELS.md writes \f$(1 + (pp-1)/(pp\,m))\f$ in the
/// paper's letters). Sec. 4.3 adds the embedding's dropout mask (sbhp on the first stage,
/// /t with sequence parallelism); the output layer's activations on the last stage
/// (\f$4sbh(1 + V/h)/t\f$, sec. 4.3) are not modelled.
/// @param in the layer, L, the schedule, the pipeline shape and the stage
/// @pre as layer_activations(); as pipeline::held_microbatches(); L >= 1 and p v divides L
/// @throws invalid_input naming the parameter, e.g.
///   "stage activations: layers must be divisible by stages x virtual_stages = 8 (got 30)"
/// @return the parts and their total
[[nodiscard]] constexpr StageActivations stage_activations(const StageActivationInput& in) {
  constexpr std::string_view fn = "stage activations";
  require_at_least(fn, "layers", in.layers, 1);
  const Bytes per_layer = layer_activations(in.layer);
  const double held = pipeline::held_microbatches(in.schedule, in.pipeline, in.stage);
  const int chunks = in.schedule == pipeline::Schedule::interleaved_1f1b
                         ? in.pipeline.stages * in.pipeline.virtual_stages
                         : in.pipeline.stages;
  require_at_least(fn, "layers_on_stage", in.layers_on_stage, 0);
  if (in.layers_on_stage == 0)
    require_divisible(fn, "layers", in.layers,
                      in.schedule == pipeline::Schedule::interleaved_1f1b
                          ? "stages x virtual_stages"
                          : "stages",
                      chunks);
  const int on_stage =
      in.layers_on_stage > 0 ? in.layers_on_stage : in.layers / in.pipeline.stages;
  StageActivations out{.per_layer = per_layer,
                       .layers_on_stage = on_stage,
                       .held_microbatches = held,
                       .layers = per_layer * static_cast<double>(on_stage) * held};
  if (in.embedding && in.stage == 0) {
    const double sbh = static_cast<double>(in.layer.seq_len) * in.layer.micro_batch *
                       static_cast<double>(in.layer.hidden);
    const double t = in.layer.sequence_parallel ? in.layer.tensor_parallel : 1;
    out.embedding = sbh / t * held * bytes;
  }
  return out;
}

/// @}

}  // namespace paradox::memory
