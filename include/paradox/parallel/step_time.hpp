/// @file
/// @brief The step time of a 3D-parallel layout, by part (compute, tensor- and
/// context-parallel collectives, pipeline sends, the bubble, exposed data-parallel traffic),
/// with throughput, MFU and HFU, and the memory of the most loaded device.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "paradox/comm/collectives.hpp"
#include "paradox/compute/flops_per_token.hpp"
#include "paradox/compute/parameters.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/memory/activations.hpp"
#include "paradox/memory/fit.hpp"
#include "paradox/memory/sharding.hpp"
#include "paradox/parallel/layout.hpp"
#include "paradox/parallel/placement.hpp"
#include "paradox/pipeline/bubble.hpp"
#include "paradox/units.hpp"

namespace paradox::parallel {

/// @addtogroup parallel
/// @{

/// @brief One step's time on the critical path, by part. The parts sum to the step time.
struct StepTime {
  /// m micro-batches of matmuls and memory-bound element-wise work on the busiest stage, and
  /// the optimizer step
  Seconds compute{};
  Seconds tensor_parallel{};   ///< m micro-batches of tensor-parallel collectives
  Seconds context_parallel{};  ///< m micro-batches of context-parallel all-gathers
  Seconds pipeline_p2p{};      ///< blocking sends between stages, 2 per chunk per micro-batch
  Seconds bubble{};            ///< pipeline fill and drain: pp - 1 idle slots
  Seconds data_parallel{};     ///< data-parallel (or ZeRO) traffic not hidden by the backward

  /// @brief The step time: the sum of the parts.
  /// @return seconds per optimizer step
  [[nodiscard]] constexpr Seconds total() const {
    return compute + tensor_parallel + context_parallel + pipeline_p2p + bubble + data_parallel;
  }
};

/// @brief A layout evaluated on a job: time, throughput, utilization and memory.
struct Evaluation {
  Layout layout{};                 ///< the layout evaluated
  Placement placement{};           ///< the level each dimension's traffic crosses
  StepTime step{};                 ///< the step time by part
  double tokens_per_second = 0.0;  ///< B s / step time
  double mfu = 0.0;                ///< model FLOPs utilization (PaLM's definition)
  double hfu = 0.0;                ///< hardware FLOPs utilization (with recomputation)
  double bubble_fraction = 0.0;    ///< (pp - 1) / (v m + pp - 1), share of the pipeline's time
  memory::FitResult memory{};      ///< the most loaded device's memory against its HBM
  bool fits = false;               ///< memory.fits
  int busiest_stage = 0;           ///< the stage whose slot paces the pipeline

  /// @brief The step time.
  /// @return step.total()
  [[nodiscard]] constexpr Seconds step_time() const { return step.total(); }
};

namespace detail {

/// Ring collective time, 0 for a group of one.
[[nodiscard]] inline Seconds ring(comm::Collective op, Bytes message, int ranks, const Link& link) {
  if (ranks < 2) return Seconds{};
  return comm::cost({.op = op,
                     .algorithm = comm::Algorithm::ring,
                     .message = message,
                     .ranks = ranks,
                     .link = link})
      .time();
}

/// The memory of a layout's most loaded device (memory::worst_stage with the job's accounting).
[[nodiscard]] inline memory::FitResult layout_memory(const TrainingJob& job, const Layout& layout) {
  return memory::worst_stage({.model = job.model,
                              .accelerator = job.cluster.node.accelerator,
                              .layout = {.tensor_parallel = layout.tensor_parallel,
                                         .pipeline_parallel = layout.pipeline_parallel,
                                         .layer_split = layout.layer_split},
                              .data_parallel = layout.data_parallel,
                              .context_parallel = layout.context_parallel,
                              .zero_stage = layout.zero_stage,
                              .accounting = job.accounting,
                              .bytes = job.bytes,
                              .seq_len = sequence_length(job),
                              .micro_batch = layout.micro_batch,
                              .microbatches = layout.microbatches,
                              .virtual_stages = layout.virtual_stages,
                              .schedule = layout.schedule,
                              .sequence_parallel = layout.sequence_parallel,
                              .recompute = layout.recompute,
                              .reserved = job.reserved});
}

/// Step time, rates and bubble of a layout whose memory `fit` is already known.
[[nodiscard]] inline Evaluation timed(const TrainingJob& job, const Layout& layout,
                                      const Placement& placement, const memory::FitResult& fit) {
  const TransformerSpec& model = job.model;
  const int s = sequence_length(job);
  const int t = layout.tensor_parallel;
  const int pp = layout.pipeline_parallel;
  const int cp = layout.context_parallel;
  const int m = layout.microbatches;
  const int v = layout.schedule == pipeline::Schedule::interleaved_1f1b ? layout.virtual_stages : 1;
  const double b = layout.micro_batch;
  const double h = model.hidden;
  const double eb = job.element_bytes;
  const int hd = model.hidden / model.heads;
  const memory::ModelParallel split{
      .tensor_parallel = t, .pipeline_parallel = pp, .layer_split = layout.layer_split};
  const compute::ParameterBreakdown parts = compute::parameter_breakdown(model);
  const FlopRate rate =
      peak(job.cluster.node.accelerator, job.precision) * achievable_fraction(job);

  // Collectives of one micro-batch through one layer, on the level each group spans.
  // Only the links of dimensions with traffic are priced (a Link is a large value).
  const Link no_traffic{};
  const Link tensor_link = t > 1 ? level_link(job.cluster, placement.tensor) : no_traffic;
  const Link context_link = cp > 1 ? level_link(job.cluster, placement.context) : no_traffic;
  const Bytes layer_activation = b * (s / cp) * h * eb * bytes;
  // Megatron-LM, sec. 3.1 of Shoeybi et al. 2019 and Korthikanti et al. 2022 sec. 4.2.2: two
  // all-reduces in the forward pass (attention and MLP outputs) and two in the backward pass;
  // with sequence parallelism each becomes a reduce-scatter plus an all-gather of the same
  // buffer, which a ring prices the same; full recomputation repeats the forward's two.
  const int tensor_collectives = layout.recompute == Recomputation::full ? 6 : 4;
  const Seconds tensor_per_layer =
      static_cast<double>(tensor_collectives) *
      detail::ring(comm::Collective::allreduce, layer_activation, t, tensor_link);
  // All-gather based context parallelism (Llama 3, sec. 3.3.2): K and V of the rank's kv
  // heads are all-gathered in the forward pass and their gradients reduce-scattered in the
  // backward pass (again in the recomputed forward).
  const Bytes kv_gathered =
      2.0 * b * s * (static_cast<double>(model.kv_heads) / t) * hd * eb * bytes;
  const int context_collectives = layout.recompute == Recomputation::full ? 3 : 2;
  const Seconds context_per_layer =
      static_cast<double>(context_collectives) *
      detail::ring(comm::Collective::allgather, kv_gathered, cp, context_link);

  // Memory-bound element-wise work of one layer and one micro-batch: the bytes of activations
  // a forward pass produces (Korthikanti et al. 2022, table 2, the row without recomputation
  // for this t and sequence parallelism; the attention core 5 a s s_k b / t only when the
  // scores go through HBM), moved activation_traffic_passes times at the HBM bandwidth. A
  // recomputed forward moves its share again, weighted as the FLOPs are (forward = 1/3):
  // full recomputation the whole layer, selective the attention core.
  const auto layer_bytes = [&](bool core) {
    return memory::layer_activations(
        {.seq_len = s / cp,
         .micro_batch = layout.micro_batch,
         .hidden = model.hidden,
         .heads = model.heads,
         .tensor_parallel = t,
         .sequence_parallel = layout.sequence_parallel,
         .recompute = core ? Recomputation::none : Recomputation::selective,
         .key_length = s});
  };
  const Bytes without_core = layer_bytes(false);
  const Bytes with_core = job.attention_scores_in_hbm ? layer_bytes(true) : without_core;
  Bytes traffic = with_core;
  if (layout.recompute == Recomputation::full) traffic = traffic + with_core / 3.0;
  if (layout.recompute == Recomputation::selective)
    traffic = traffic + (with_core - without_core) / 3.0;
  const Seconds elementwise_per_layer =
      job.activation_traffic_passes * traffic / job.cluster.node.accelerator.hbm_bandwidth;

  // Per-token FLOPs of a stage: 6 x its matmul weights (its layers, and the LM head's V h on
  // the last stage even when tied: the logits are a matmul either way; the embedding lookup
  // is not) plus its layers' attention term, and the recomputed share.
  const auto stage_slot = [&](int stage, Seconds& compute_out, Seconds& comm_out) {
    const int layers = memory::layers_on_stage(model.layers, split, stage);
    const double weights =
        layers * parts.per_layer + (stage == pp - 1 ? static_cast<double>(model.vocab) * h : 0.0);
    FlopCount per_token = 6.0 * weights * flop;
    FlopCount extra{};
    if (layers > 0) {
      const compute::AttentionShape shape{
          .layers = layers, .heads = model.heads, .head_dim = hd, .seq_len = s};
      const FlopCount attention = compute::attention_flops_per_token(shape, job.attention);
      per_token += attention;
      if (layout.recompute == Recomputation::full) extra = (6.0 * weights * flop + attention) / 3.0;
      if (layout.recompute == Recomputation::selective) extra = attention;
    }
    const double tokens = b * s / (static_cast<double>(cp) * t);
    compute_out =
        (per_token + extra) * tokens / rate + static_cast<double>(layers) * elementwise_per_layer;
    comm_out = static_cast<double>(layers) * (tensor_per_layer + context_per_layer);
  };

  // The busiest stage paces the pipeline. Only stages 0, 1 and pp - 1 can be the busiest:
  // the middle ones hold the same layers (memory::worst_stage gives the same argument).
  Seconds compute_time{};
  Seconds comm_time{};
  int busiest = 0;
  stage_slot(0, compute_time, comm_time);
  for (const int stage : {1, pp - 1}) {
    if (stage <= 0 || stage >= pp) continue;
    Seconds c{};
    Seconds k{};
    stage_slot(stage, c, k);
    if (c + k > compute_time + comm_time) {
      compute_time = c;
      comm_time = k;
      busiest = stage;
    }
  }
  const Seconds tensor_time =
      static_cast<double>(memory::layers_on_stage(model.layers, split, busiest)) * tensor_per_layer;
  const Seconds context_time = comm_time - tensor_time;

  // The pipeline. Megatron-LM's 1F1B and interleaved schedules exchange activations with
  // blocking send/receive pairs (p2p_communication.send_forward_recv_backward), so every one of
  // the v m + pp - 1 slots pays a forward and a backward send: with one chunk's work
  // w = (compute + collectives) / v and a send of c, the pipeline takes
  // (v m + pp - 1)(w + 2c) (Narayanan et al. 2021, sec. 2.2: the bubble is pp - 1 slots).
  // The scatter/gather optimization (ibid., sec. 4.1) sends b s h / t per link.
  StepTime step;
  const double ticks = static_cast<double>(v) * m;
  if (pp > 1) {
    const Seconds send = transfer_time(level_link(job.cluster, placement.pipeline),
                                       layer_activation / static_cast<double>(t));
    const Seconds slot = (compute_time + comm_time) / static_cast<double>(v) + 2.0 * send;
    step.compute = static_cast<double>(m) * compute_time;
    step.tensor_parallel = static_cast<double>(m) * tensor_time;
    step.context_parallel = static_cast<double>(m) * context_time;
    step.pipeline_p2p = ticks * 2.0 * send;
    step.bubble = static_cast<double>(pp - 1) * slot;
  } else {
    step.compute = static_cast<double>(m) * compute_time;
    step.tensor_parallel = static_cast<double>(m) * tensor_time;
    step.context_parallel = static_cast<double>(m) * context_time;
  }

  // Data parallelism over d cp ranks holding the same weights (Megatron-Core reduces gradients
  // over the data-and-context-parallel group), on the level the data groups span, priced as
  // ring collectives of the most loaded stage's gradient (ZeRO paper, sec. 7). Stages 0 and 1
  // (and 1F1B's plain all-reduce) accumulate gradients over the m micro-batches and reduce
  // once; ZeRO-2 partitions the gradients, so each micro-batch's are reduce-scattered as they
  // are produced (DeepSpeed stage 2), and ZeRO-3 also all-gathers the parameters in every
  // micro-batch's forward and backward pass (sec. 7.2.2: 1.5x the volume of data
  // parallelism with one micro-batch).
  const int dp_ranks = layout.data_parallel * cp;
  double held = 0.0;
  for (const int stage : {0, pp - 1})
    held = std::max(held, memory::stage_parameters(parts, split, stage));
  const Bytes gradient = held * eb * bytes;
  const Link data_link = dp_ranks > 1 ? level_link(job.cluster, placement.data) : no_traffic;
  const auto ring = [&](comm::Collective op) {
    return detail::ring(op, gradient, dp_ranks, data_link);
  };
  Seconds data{};
  switch (layout.zero_stage) {
    case 0:
    case 1:
      data = ring(comm::Collective::allreduce);
      break;
    case 2:
      data = static_cast<double>(m) * ring(comm::Collective::reducescatter) +
             ring(comm::Collective::allgather);
      break;
    default:
      data = static_cast<double>(m) *
             (ring(comm::Collective::reducescatter) + 2.0 * ring(comm::Collective::allgather));
      break;
  }
  step.data_parallel = (1.0 - job.data_parallel_overlap_fraction) * data;

  // The optimizer step, memory-bound after the pipeline drains: each parameter this device
  // updates has its optimizer states read and written (2K bytes), its gradient read and its
  // weight written (ZeRO paper's accounting; ZeRO >= 1 updates the device's 1/(d cp) share).
  const double updated = layout.zero_stage >= 1 ? held / dp_ranks : held;
  const Bytes optimizer_traffic =
      updated * (2.0 * job.bytes.optimizer + job.bytes.gradients + job.bytes.weights) * bytes;
  step.compute = step.compute + optimizer_traffic / job.cluster.node.accelerator.hbm_bandwidth;

  Evaluation out;
  out.layout = layout;
  out.placement = placement;
  out.step = step;
  out.busiest_stage = busiest;
  const Seconds total = step.total();
  const double tokens = static_cast<double>(job.global_batch) * s;
  out.tokens_per_second = tokens / value_in<second_unit>(total);
  const compute::TokenFlopsInput flops_in{
      .parameters = parts.total(),
      .attention = job.attention,
      .shape = {.layers = model.layers, .heads = model.heads, .head_dim = hd, .seq_len = s}};
  const FlopCount model_flops = compute::training_flops_per_token(flops_in);
  const FlopCount hardware_flops =
      model_flops + compute::recomputed_flops_per_token(flops_in, layout.recompute);
  const FlopRate cluster_peak = static_cast<double>(paradox::accelerators(job.cluster)) *
                                peak(job.cluster.node.accelerator, job.precision);
  out.mfu = model_flops * (tokens / total) / cluster_peak;
  out.hfu = hardware_flops * (tokens / total) / cluster_peak;
  out.bubble_fraction =
      pipeline::bubble_fraction({.stages = pp, .microbatches = m, .virtual_stages = v});
  out.memory = fit;
  out.fits = fit.fits;
  return out;
}

}  // namespace detail

/// @brief Evaluates a layout on a job with a placement already computed (the search computes
/// it once per t, cp, d and pp).
/// @param job the job
/// @param layout the layout
/// @param placement place(job.cluster, layout)
/// @pre validate(job, layout) passes (this overload does not check it, so that a search over
///   layouts built valid can skip the checks)
/// @return as evaluate(const TrainingJob&, const Layout&)
[[nodiscard]] inline Evaluation evaluate_placed(const TrainingJob& job, const Layout& layout,
                                                const Placement& placement) {
  return detail::timed(job, layout, placement, detail::layout_memory(job, layout));
}

/// @brief The step time, throughput, MFU, HFU, bubble and memory of a layout on a job.
///
/// MODELS.md sec. 5. Per micro-batch, the busiest stage computes its layers' matmuls at
/// \f$R_{peak} \cdot f\f$ (f: achievable_fraction(job)) and runs its tensor- and
/// context-parallel collectives on the link of the level their groups span (place(),
/// level_link()); the pipeline runs \f$v m + pp - 1\f$ slots of one chunk's work plus two
/// blocking sends; the data-parallel (or ZeRO) collectives follow, less the stated overlap.
/// Tokens/s \f$= B s / T\f$; MFU \f$= F_{model} \cdot B s / (T\,N\,R_{peak})\f$ with
/// \f$F_{model}\f$ compute::training_flops_per_token (6N plus the job's attention term), HFU
/// with the recomputed FLOPs; memory is memory::worst_stage() of the layout.
///
/// Memory-bound work runs at the accelerator's HBM bandwidth \f$B_{HBM}\f$ and is part of
/// `compute`: per layer and micro-batch \f$k\,A/B_{HBM}\f$, with A the layer's activations
/// (memory::layer_activations() without recomputation for the layout's t and sequence
/// parallelism; the \f$5as^2b/t\f$ scores only when TrainingJob::attention_scores_in_hbm),
/// k = TrainingJob::activation_traffic_passes, a third more for a recomputed forward; and once
/// per step the optimizer, \f$(2K + w + g)\,\Psi_u / B_{HBM}\f$ for the \f$\Psi_u\f$
/// parameters the device updates (its stage's, divided by d cp under ZeRO >= 1). The
/// calibration and the error on 22 published runs are on the fidelity page (docs/fidelity.md).
///
/// Not modelled: kernel launch and framework overheads, overlap of
/// tensor-parallel collectives with compute, load imbalance beyond the layer split, and
/// network contention between dimensions sharing a link.
/// @param job the job
/// @param layout the layout
/// @throws invalid_input from validate(job, layout) naming the broken rule
/// @return time by part, throughput, MFU, HFU, bubble fraction and the fit
[[nodiscard]] inline Evaluation evaluate(const TrainingJob& job, const Layout& layout) {
  validate(job, layout);
  return evaluate_placed(job, layout, place(job.cluster, layout));
}

/// @}

}  // namespace paradox::parallel
