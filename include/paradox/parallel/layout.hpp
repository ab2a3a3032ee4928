/// @file
/// @brief A 3D-parallel training layout (data x tensor x pipeline, with context parallelism,
/// interleaving, micro-batching, ZeRO, recomputation and sequence parallelism), the job it
/// runs, and the rules that make a layout valid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "paradox/compute/flops_per_token.hpp"
#include "paradox/compute/model_spec.hpp"
#include "paradox/compute/recomputation.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/accelerator.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/memory/optimizer.hpp"
#include "paradox/memory/sharding.hpp"
#include "paradox/memory/zero.hpp"
#include "paradox/pipeline/in_flight.hpp"
#include "paradox/pipeline/interleaving.hpp"
#include "paradox/units.hpp"

namespace paradox::parallel {

using compute::Recomputation;

/// @addtogroup parallel
/// @{

/// @brief How one training step is cut across the cluster's accelerators.
///
/// Notation of MODELS.md sec. 5: d x t x pp (x cp) = N accelerators; each step processes the
/// global batch B = d b m sequences as m micro-batches of b sequences per data-parallel
/// replica.
struct Layout {
  int data_parallel = 1;      ///< d, model replicas
  int tensor_parallel = 1;    ///< t, Megatron-LM tensor (intra-layer) parallelism
  int pipeline_parallel = 1;  ///< pp, pipeline stages
  int context_parallel = 1;   ///< cp, sequence shards of attention (Llama 3, sec. 3.3.2)
  int virtual_stages = 1;     ///< v, model chunks per device (interleaved schedule only)
  int micro_batch = 1;        ///< b, sequences per micro-batch
  int microbatches = 1;       ///< m, micro-batches per step per replica
  int zero_stage = 0;         ///< 0-3, ZeRO sharding over the data-parallel ranks
  Recomputation recompute = Recomputation::none;  ///< activation recomputation
  bool sequence_parallel = false;  ///< Korthikanti et al. 2022 sequence parallelism (t > 1)
  /// GPipe, 1F1B, or interleaved 1F1B (which needs v >= 2); the search uses 1F1B for v = 1,
  /// because GPipe has the same bubble and holds more activations
  pipeline::Schedule schedule = pipeline::Schedule::one_f_one_b;
  memory::LayerSplit layer_split = memory::LayerSplit::even;  ///< how layers meet stages
};

/// @brief Accelerators a layout occupies: \f$d \cdot t \cdot pp \cdot cp\f$.
/// @param layout the layout
/// @return the product as a 64-bit count (degrees are checked to be >= 1 by validate())
[[nodiscard]] constexpr std::int64_t accelerators(const Layout& layout) noexcept {
  return static_cast<std::int64_t>(layout.data_parallel) * layout.tensor_parallel *
         layout.pipeline_parallel * layout.context_parallel;
}

/// @brief What is trained, on what, with which fixed choices: everything but the layout.
struct TrainingJob {
  TransformerSpec model{};  ///< the transformer (catalog::transformer_models or your own)
  Cluster cluster{};        ///< nodes, racks and pods, with a link per level
  int global_batch = 0;     ///< B, sequences per optimizer step
  int seq_len = 0;          ///< s; 0 = the model's training context
  Precision precision = Precision::bf16;  ///< the precision of the matmuls (sets the peak)
  /// Share of the dense peak that the stage's matmuls reach. None = the accelerator's
  /// catalog figure, Accelerator::achievable_fraction, with its provenance.
  std::optional<double> achievable_fraction{};
  /// How attention FLOPs enter MFU's numerator (PaLM's full \f$12LHQT\f$ by default, as
  /// Megatron-LM's eq. 3; causal halves it)
  compute::AttentionTerm attention = compute::AttentionTerm::full;
  memory::BytesPerParameter bytes = memory::adam_mixed_precision;     ///< model-state accounting
  memory::ZeroAccounting accounting = memory::ZeroAccounting::paper;  ///< ZeRO-2 convention
  Bytes reserved{};            ///< per device, set aside for context, buffers and fragmentation
  double element_bytes = 2.0;  ///< bytes per activation or gradient element sent (bf16)
  /// Share of data-parallel (and ZeRO) communication hidden behind the backward pass, in
  /// [0, 1]. 0 (default) exposes all of it; PyTorch DDP and Megatron-LM's
  /// `--overlap-grad-reduce` overlap bucketed all-reduces with the backward pass.
  double data_parallel_overlap_fraction = 0.0;
  /// How many times, in a forward and backward pass, memory-bound element-wise work (layer
  /// norms, GeLU/SwiGLU, dropout, residual adds, bias adds, softmax) moves each byte of a
  /// layer's activations through HBM, in [0, 1000]; 0 ignores that work. Those kernels run at HBM
  /// bandwidth, not at the tensor cores' peak, and their bytes grow as \f$sbh\f$ while the
  /// matmuls' FLOPs grow as \f$sbh^2\f$: the reason small models reach a smaller share of peak.
  /// The default is fitted once with the A100's achievable fraction (catalog::a100_80gb's
  /// provenance) and shared by every accelerator: it describes the kernels, not the chip.
  double activation_traffic_passes = 6.5;
  /// Whether the \f$s \times s\f$ attention scores of every head go through HBM (softmax and
  /// dropout as separate kernels, Megatron-LM 2021-2022: the \f$5as^2b\f$ of Korthikanti et al.
  /// 2022, table 2) or stay on chip in a fused kernel (FlashAttention, Dao et al. 2022), the
  /// default.
  bool attention_scores_in_hbm = false;
};

/// @brief The sequence length a job trains at: seq_len, or the model's when 0.
/// @param job the job
/// @return s, in tokens
[[nodiscard]] constexpr int sequence_length(const TrainingJob& job) noexcept {
  return job.seq_len > 0 ? job.seq_len : job.model.seq_len;
}

/// @brief The achievable fraction of peak a job computes at: its own, or its accelerator's.
/// @param job the job
/// @throws invalid_input when it is not in (0, 1], e.g. "training job: achievable_fraction
///   must be in (0, 1] (got 1.5)", or when neither the job nor the catalog gives one:
///   "training job: achievable_fraction must be given: the catalog has no figure for NVIDIA
///   B200 (HGX) (got none)"
/// @return f, in (0, 1]
[[nodiscard]] constexpr double achievable_fraction(const TrainingJob& job) {
  if (!job.achievable_fraction && job.cluster.node.accelerator.achievable_fraction == 0.0)
    throw invalid_input(
        "training job", "achievable_fraction",
        "be given: the catalog has no figure for " + std::string(job.cluster.node.accelerator.name),
        "none");
  const double f = job.achievable_fraction ? *job.achievable_fraction
                                           : job.cluster.node.accelerator.achievable_fraction;
  require_positive_fraction("training job", "achievable_fraction", f);
  return f;
}

/// @brief Checks what a job says on its own: the model's shape, the cluster, the batch, the
/// sequence, the fractions, the element size, the activation traffic (>= 0).
/// @param job the job
/// @throws invalid_input naming the first offending field, e.g.
///   "training job: global_batch must be >= 1 (got 0)"; model and cluster errors come from
///   their own checks ("layout: heads must be ...", "cluster: ...")
inline void validate(const TrainingJob& job) {
  constexpr std::string_view fn = "training job";
  compute::detail::validate_shape(fn, job.model);
  validate(job.cluster);
  require_at_least(fn, "global_batch", job.global_batch, 1);
  require_at_least(fn, "seq_len", job.seq_len, 0);
  (void)peak(job.cluster.node.accelerator, job.precision);
  (void)achievable_fraction(job);
  require_fraction(fn, "data_parallel_overlap_fraction", job.data_parallel_overlap_fraction);
  require_non_negative(fn, "activation_traffic_passes", job.activation_traffic_passes);
  // A bound far above any kernel count (the fitted value is 6.5) that keeps the bytes moved,
  // and so the step time, finite.
  if (job.activation_traffic_passes > 1000.0)
    detail::fail(fn, "activation_traffic_passes", "be <= 1000", job.activation_traffic_passes);
  require_positive(fn, "element_bytes", job.element_bytes);
  require_non_negative(fn, "reserved", job.reserved);
}

/// @brief Checks that a layout can run a job, as Megatron-LM's argument checks would.
///
/// MODELS.md sec. 5 and Megatron-LM (megatron/training/arguments.py,
/// megatron/core/pipeline_parallel/schedules.py):
/// - every degree, b and m >= 1; \f$d \cdot t \cdot pp \cdot cp = N\f$, the cluster's
///   accelerators;
/// - heads and kv heads divisible by t (each rank holds whole heads);
/// - layers divisible by pp v (even split), or L + 2 by pp v with pp >= 2 and at least one
///   layer left on the first and last stages (lighter ends);
/// - \f$B = d\,b\,m\f$;
/// - v >= 2 only with the interleaved schedule, which needs pp >= 2 and m divisible by pp
///   (pipeline::check_schedule); other schedules v = 1;
/// - s divisible by cp (and by t cp with sequence parallelism, which splits each shard
///   again); sequence parallelism only with t >= 2;
/// - ZeRO stage in [0, 3].
/// @param job the job (validate(const TrainingJob&) is applied first)
/// @param layout the layout
/// @throws invalid_input naming the rule, e.g. "layout: data_parallel x tensor_parallel x
///   pipeline_parallel x context_parallel must be = accelerators = 1024 (got 512)"
inline void validate(const TrainingJob& job, const Layout& layout) {
  validate(job);
  constexpr std::string_view fn = "layout";
  require_at_least(fn, "data_parallel", layout.data_parallel, 1);
  require_at_least(fn, "tensor_parallel", layout.tensor_parallel, 1);
  require_at_least(fn, "pipeline_parallel", layout.pipeline_parallel, 1);
  require_at_least(fn, "context_parallel", layout.context_parallel, 1);
  require_at_least(fn, "virtual_stages", layout.virtual_stages, 1);
  require_at_least(fn, "micro_batch", layout.micro_batch, 1);
  require_at_least(fn, "microbatches", layout.microbatches, 1);
  require_in_range(fn, "zero_stage", layout.zero_stage, 0, 3);
  const std::int64_t n = paradox::accelerators(job.cluster);
  if (accelerators(layout) != n)
    throw invalid_input(
        fn, "data_parallel x tensor_parallel x pipeline_parallel x context_parallel",
        "be = accelerators = " + std::to_string(n), std::to_string(accelerators(layout)));
  require_divisible(fn, "heads", job.model.heads, "tensor_parallel", layout.tensor_parallel);
  require_divisible(fn, "kv_heads", job.model.kv_heads, "tensor_parallel", layout.tensor_parallel);
  const std::int64_t chunks =
      static_cast<std::int64_t>(layout.pipeline_parallel) * layout.virtual_stages;
  if (layout.layer_split == memory::LayerSplit::even) {
    require_divisible<std::int64_t>(fn, "layers", job.model.layers,
                                    "pipeline_parallel x virtual_stages", chunks);
  } else {
    require_at_least(fn, "pipeline_parallel", layout.pipeline_parallel, 2);
    require_divisible<std::int64_t>(fn, "layers + 2", job.model.layers + 2LL,
                                    "pipeline_parallel x virtual_stages", chunks);
    // The first and last stages must keep at least one layer.
    require_at_least(fn, "(layers + 2) / pipeline_parallel",
                     (job.model.layers + 2) / layout.pipeline_parallel, 2);
  }
  const std::int64_t batch =
      static_cast<std::int64_t>(layout.data_parallel) * layout.micro_batch * layout.microbatches;
  if (batch != job.global_batch)
    throw invalid_input(fn, "data_parallel x micro_batch x microbatches",
                        "be = global_batch = " + std::to_string(job.global_batch),
                        std::to_string(batch));
  if (layout.schedule == pipeline::Schedule::interleaved_1f1b) {
    require_at_least(fn, "pipeline_parallel", layout.pipeline_parallel, 2);
    pipeline::check_schedule(layout.schedule, {.stages = layout.pipeline_parallel,
                                               .microbatches = layout.microbatches,
                                               .virtual_stages = layout.virtual_stages});
  } else {
    require_in_range(fn, "virtual_stages", layout.virtual_stages, 1, 1);
  }
  const int s = sequence_length(job);
  require_divisible(fn, "seq_len", s, "context_parallel", layout.context_parallel);
  if (layout.sequence_parallel) {
    require_at_least(fn, "tensor_parallel", layout.tensor_parallel, 2);
    require_divisible<std::int64_t>(
        fn, "seq_len", s, "tensor_parallel x context_parallel",
        static_cast<std::int64_t>(layout.tensor_parallel) * layout.context_parallel);
  }
  if (layout.recompute == Recomputation::selective &&
      job.attention == compute::AttentionTerm::excluded)
    throw invalid_input(fn, "recompute", "be none or full when attention FLOPs are excluded",
                        "selective");
}

/// @}

}  // namespace paradox::parallel
