/// @file
/// @brief Does a training layout fit in an accelerator's memory? Weights, gradients, optimizer
/// states, activations and reserved bytes per device, against the HBM, with the headroom.
#pragma once

#include <limits>
#include <string_view>

#include "paradox/compute/model_spec.hpp"
#include "paradox/compute/parameters.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/accelerator.hpp"
#include "paradox/memory/activations.hpp"
#include "paradox/memory/optimizer.hpp"
#include "paradox/memory/sharding.hpp"
#include "paradox/memory/zero.hpp"
#include "paradox/pipeline/in_flight.hpp"
#include "paradox/units.hpp"

namespace paradox::memory {

/// @addtogroup memory
/// @{

/// @brief What one device holds, by part.
struct DeviceMemory {
  ModelStates states{};  ///< weights, gradients, optimizer states
  Bytes activations{};   ///< activations at the stage's peak
  /// Bytes set aside by the user: CUDA context, communication buffers, allocator
  /// fragmentation. Not modelled (0 unless given): no source publishes one figure; e.g.
  /// Megatron-LM's theoretical_memory_usage.py adds 5% to the activations for temporaries.
  Bytes reserved{};
};

/// @brief A fit check's result: the parts, the capacity, the headroom and the verdict.
struct FitResult {
  Bytes weights{};      ///< the device's weights
  Bytes gradients{};    ///< its gradients
  Bytes optimizer{};    ///< its optimizer states
  Bytes activations{};  ///< its activations
  Bytes reserved{};     ///< the reserved bytes
  Bytes total{};        ///< the sum of the parts
  Bytes capacity{};     ///< the accelerator's HBM
  Bytes headroom{};     ///< capacity - total; negative when it does not fit
  bool fits = false;    ///< total <= capacity
  int stage = 0;        ///< the pipeline stage checked (0 without pipelining)
};

/// @brief Checks one device's memory against an accelerator's HBM:
/// fits when \f$W + G + O + A + R \le \mathrm{HBM}\f$.
///
/// MODELS.md sec. 3; the capacity is Accelerator::hbm_capacity as the datasheet prints it
/// (H100 SXM: 80 GB = 80e9 bytes). Not fitting is a result (fits = false, negative headroom),
/// never an exception.
/// @param parts the device's model states, activations and reserved bytes
/// @param accelerator the device (a catalog entry or any Accelerator)
/// @param stage the pipeline stage the parts belong to, reported back (default 0)
/// @pre every part >= 0 and finite; hbm_capacity > 0 and finite
/// @throws invalid_input naming the part, e.g.
///   "memory fit: activations must be >= 0 and finite (got -1 B)"
/// @return the parts, their total, the capacity, the headroom and the verdict
[[nodiscard]] constexpr FitResult fit(const DeviceMemory& parts, const Accelerator& accelerator,
                                      int stage = 0) {
  constexpr std::string_view fn = "memory fit";
  require_non_negative(fn, "weights", parts.states.weights);
  require_non_negative(fn, "gradients", parts.states.gradients);
  require_non_negative(fn, "optimizer", parts.states.optimizer);
  require_non_negative(fn, "activations", parts.activations);
  require_non_negative(fn, "reserved", parts.reserved);
  require_positive(fn, "hbm_capacity", accelerator.hbm_capacity);
  const Bytes total = parts.states.total() + parts.activations + parts.reserved;
  require_finite(fn, "total", total);
  return {.weights = parts.states.weights,
          .gradients = parts.states.gradients,
          .optimizer = parts.states.optimizer,
          .activations = parts.activations,
          .reserved = parts.reserved,
          .total = total,
          .capacity = accelerator.hbm_capacity,
          .headroom = accelerator.hbm_capacity - total,
          .fits = total <= accelerator.hbm_capacity,
          .stage = stage};
}

/// @brief A training layout of a transformer on one accelerator type: everything the memory
/// of a device depends on.
struct TrainingMemoryInput {
  TransformerSpec model{};    ///< the transformer (catalog::transformer_models or your own)
  Accelerator accelerator{};  ///< the device
  ModelParallel layout{};     ///< t and pp
  int data_parallel = 1;      ///< \f$N_d\f$
  /// Context-parallel degree: each device holds s / cp of every sequence's activations, and
  /// the cp ranks of a replica hold the same weights, so ZeRO shards over \f$N_d \cdot cp\f$
  /// (Megatron-Core's data-and-context-parallel group)
  int context_parallel = 1;
  int zero_stage = 0;         ///< 0-3
  ZeroAccounting accounting = ZeroAccounting::paper;  ///< ZeRO-2 accounting
  BytesPerParameter bytes = adam_mixed_precision;     ///< optimizer accounting
  int seq_len = 0;                                    ///< s; 0 = the model's seq_len
  int micro_batch = 1;                                ///< b
  int microbatches = 1;                               ///< m, micro-batches per step
  int virtual_stages = 1;                             ///< v (interleaved schedule)
  pipeline::Schedule schedule = pipeline::Schedule::one_f_one_b;  ///< the schedule
  bool sequence_parallel = false;                     ///< Korthikanti's sequence parallelism
  Recomputation recompute = Recomputation::none;      ///< activation recomputation
  Bytes reserved{};                                   ///< see DeviceMemory::reserved
};

/// @brief The memory of one device of pipeline stage `stage`, checked against its HBM.
///
/// Composes the family: \f$\Psi\f$ = stage_parameters() (embedding on the first stage, LM head
/// on the last, divided by t), model_states() under the ZeRO stage over \f$N_d\f$ ranks,
/// stage_activations() under the schedule, and fit().
/// @param in the layout
/// @param stage the pipeline stage, in [0, pp)
/// @param parts compute::parameter_breakdown(in.model), computed once by callers that check
///   several stages
/// @pre the preconditions of the models composed; with pipelining, pp is the schedule's
///   stage count
/// @throws invalid_input from the first model that rejects its input
/// @return the parts of that device, the headroom and whether it fits
[[nodiscard]] constexpr FitResult evaluate(const TrainingMemoryInput& in, int stage,
                                           const compute::ParameterBreakdown& parts) {
  const double psi = stage_parameters(parts, in.layout, stage);
  require_at_least("memory fit", "context_parallel", in.context_parallel, 1);
  require_at_least("memory fit", "data_parallel", in.data_parallel, 1);
  const int seq_len = in.seq_len > 0 ? in.seq_len : in.model.seq_len;
  require_divisible("memory fit", "seq_len", seq_len, "context_parallel", in.context_parallel);
  const long long shards = static_cast<long long>(in.data_parallel) * in.context_parallel;
  require_at_most<long long>("memory fit", "data_parallel x context_parallel", shards,
                             std::numeric_limits<int>::max());
  const ModelStates states = model_states({.parameters = psi,
                                           .data_parallel = static_cast<int>(shards),
                                           .zero_stage = in.zero_stage,
                                           .bytes = in.bytes,
                                           .accounting = in.accounting});
  const StageActivations activations = stage_activations(
      {.layer = {.seq_len = seq_len / in.context_parallel,
                 .micro_batch = in.micro_batch,
                 .hidden = in.model.hidden,
                 .heads = in.model.heads,
                 .tensor_parallel = in.layout.tensor_parallel,
                 .sequence_parallel = in.sequence_parallel,
                 .recompute = in.recompute,
                 .key_length = seq_len},
       .layers = in.model.layers,
       .schedule = in.schedule,
       .pipeline = {.stages = in.layout.pipeline_parallel,
                    .microbatches = in.microbatches,
                    .virtual_stages = in.virtual_stages},
       .stage = stage,
       .layers_on_stage = in.layout.layer_split == LayerSplit::even
                              ? 0
                              : layers_on_stage(in.model.layers, in.layout, stage)});
  return fit({.states = states, .activations = activations.total(), .reserved = in.reserved},
             in.accelerator, stage);
}

/// @brief As evaluate(in, stage, parts) with the model's parameter breakdown computed here.
/// @param in the layout
/// @param stage the pipeline stage, in [0, pp)
/// @throws invalid_input as evaluate(in, stage, parts)
/// @return the parts of that device, the headroom and whether it fits
[[nodiscard]] constexpr FitResult evaluate(const TrainingMemoryInput& in, int stage) {
  return evaluate(in, stage, compute::parameter_breakdown(in.model));
}

/// @brief The stage whose devices need the most memory, checked against the HBM: the layout
/// fits when this stage fits.
/// @param in the layout
/// @pre as evaluate()
/// @throws invalid_input as evaluate()
/// @return evaluate() of the stage with the largest total (the first on a tie)
///
/// Only stages 0, 1 and pp - 1 can be the largest, so only they are evaluated (O(1) in pp):
/// the middle stages 1 .. pp - 2 hold the same layers and parameters (the embedding is on
/// stage 0, the LM head on pp - 1, a lighter-ends split thins only those two), and the
/// micro-batches a stage holds never grow with its index (GPipe: m on every stage; 1F1B:
/// min(p - i, m); interleaved: min(2(p - i - 1) + (v - 1)p + 1, m v) / v), so among the middle
/// stages stage 1 is the largest, and the first of any tie.
[[nodiscard]] constexpr FitResult worst_stage(const TrainingMemoryInput& in) {
  const int pp = in.layout.pipeline_parallel;
  require_at_least("memory fit", "pipeline_parallel", pp, 1);
  const compute::ParameterBreakdown parts = compute::parameter_breakdown(in.model);
  FitResult worst = evaluate(in, 0, parts);
  const auto consider = [&](int stage) {
    const FitResult candidate = evaluate(in, stage, parts);
    if (candidate.total > worst.total) worst = candidate;
  };
  if (pp >= 2) consider(1);
  if (pp >= 3) consider(pp - 1);
  return worst;
}

/// @}

}  // namespace paradox::memory
