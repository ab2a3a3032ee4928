// Published 3D-parallel runs and small fixtures shared by the parallel tests.
#pragma once

#include <array>
#include <cmath>

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/nodes.hpp"
#include "paradox/parallel/layout.hpp"
#include "paradox/parallel/step_time.hpp"
#include "paradox/pipeline/in_flight.hpp"

namespace parallel_test {

using namespace paradox;
using compute::Recomputation;

/// One row of Narayanan et al. 2021 (SC21), "Efficient Large-Scale Language Model Training on
/// GPU Clusters Using Megatron-LM", table 1: model, t, p, GPUs, batch, achieved TFLOP/s per GPU
/// (hardware FLOPs of eq. 3, which counts the recomputed forward pass).
struct MegatronRow {
  const TransformerSpec* model;
  int tensor, pipeline, gpus, batch;
  double teraflops;
};

inline const std::array<MegatronRow, 10> megatron_table1{{
    {&catalog::megatron_1_7b, 1, 1, 32, 512, 137.0},
    {&catalog::megatron_3_6b, 2, 1, 64, 512, 138.0},
    {&catalog::megatron_7_5b, 4, 1, 128, 512, 142.0},
    {&catalog::megatron_18_4b, 8, 1, 256, 1024, 135.0},
    {&catalog::megatron_39_1b, 8, 2, 512, 1536, 138.0},
    {&catalog::megatron_76_1b, 8, 4, 1024, 1792, 140.0},
    {&catalog::megatron_145_6b, 8, 8, 1536, 2304, 148.0},
    {&catalog::megatron_310_1b, 8, 16, 1920, 2160, 155.0},
    {&catalog::megatron_529_6b, 8, 35, 2520, 2520, 163.0},
    {&catalog::megatron_1t, 8, 64, 3072, 3072, 163.0},
}};

/// The job of a table-1 row: DGX A100 nodes (8 A100 80GB on NVLink 3, 8 HDR NICs), the
/// published batch, the model's sequence of 2048.
inline parallel::TrainingJob megatron_job(const MegatronRow& r) {
  return {.model = *r.model,
          .cluster = {.node = catalog::dgx_a100, .nodes = r.gpus / 8},
          .global_batch = r.batch};
}

/// The row's layout: t, p and d = n / (t p) as published; full recomputation, which the
/// paper's FLOP count (eq. 3: 96 B s l h^2, one recomputed forward pass) presumes; micro-batch 1.
inline parallel::Layout megatron_layout(const MegatronRow& r) {
  const int d = r.gpus / (r.tensor * r.pipeline);
  return {.data_parallel = d,
          .tensor_parallel = r.tensor,
          .pipeline_parallel = r.pipeline,
          .micro_batch = 1,
          .microbatches = r.batch / d,
          .recompute = Recomputation::full};
}

/// The best of a layout's interleavings (v = 1 or any v >= 2 the rules allow), by HFU: the
/// paper ran the interleaved schedule without printing v.
inline parallel::Evaluation best_interleaving(const parallel::TrainingJob& job,
                                              parallel::Layout layout) {
  parallel::Evaluation best = parallel::evaluate(job, layout);
  const int per_stage = job.model.layers / layout.pipeline_parallel;
  if (layout.pipeline_parallel < 2 || layout.microbatches % layout.pipeline_parallel != 0)
    return best;
  for (int v = 2; v <= per_stage; ++v) {
    if (per_stage % v != 0) continue;
    parallel::Layout l = layout;
    l.virtual_stages = v;
    l.schedule = pipeline::Schedule::interleaved_1f1b;
    const parallel::Evaluation e = parallel::evaluate(job, l);
    if (e.hfu > best.hfu) best = e;
  }
  return best;
}

/// Dubey et al. 2024, "The Llama 3 Herd of Models", table 4: 405B on H100s with TP 8, PP 16,
/// a 16M-token batch (2,048 sequences of 8,192), CP 1 or 16 (sequence 131,072 with CP 16).
struct LlamaRow {
  int gpus, context, seq;
  double teraflops;
};
inline constexpr std::array<LlamaRow, 3> llama3_table4{
    {{8192, 1, 8192, 430.0}, {16384, 1, 8192, 400.0}, {16384, 16, 131072, 380.0}}};

inline parallel::TrainingJob llama_job(const LlamaRow& r) {
  return {.model = catalog::llama3_405b,
          .cluster = {.node = catalog::dgx_h100, .nodes = r.gpus / 8},
          .global_batch = static_cast<int>(16LL * 1024 * 1024 / r.seq),
          .seq_len = r.seq};
}

/// DP = GPUs / (TP x CP x PP); 126 layers on 16 stages with one layer fewer on the first and
/// last (sec. 3.3.2); micro-batch 1.
inline parallel::Layout llama_layout(const LlamaRow& r) {
  const int d = r.gpus / (8 * r.context * 16);
  return {.data_parallel = d,
          .tensor_parallel = 8,
          .pipeline_parallel = 16,
          .context_parallel = r.context,
          .micro_batch = 1,
          .microbatches = static_cast<int>(16LL * 1024 * 1024 / r.seq) / d,
          .layer_split = memory::LayerSplit::lighter_ends};
}

/// The highest-MFU fitting choice of interleaving, ZeRO stage, recomputation and sequence
/// parallelism at a layout's degrees (what the search would pick there).
inline parallel::Evaluation best_knobs(const parallel::TrainingJob& job,
                                       const parallel::Layout& base) {
  parallel::Evaluation best{};
  bool found = false;
  for (int v : {1, 2, 4, 8})
    for (int zero = 0; zero <= 3; ++zero)
      for (Recomputation rec : {Recomputation::none, Recomputation::selective, Recomputation::full})
        for (bool sp : {false, true}) {
          parallel::Layout l = base;
          l.zero_stage = zero;
          l.recompute = rec;
          l.sequence_parallel = sp;
          if (v > 1) {
            if (l.microbatches % l.pipeline_parallel != 0) continue;
            l.virtual_stages = v;
            l.schedule = pipeline::Schedule::interleaved_1f1b;
          }
          const parallel::Evaluation e = parallel::evaluate(job, l);
          if (e.fits && (!found || e.mfu > best.mfu)) {
            best = e;
            found = true;
          }
        }
  return best;
}

/// best_knobs() at a Llama 3 row's published degrees.
inline parallel::Evaluation llama_best(const LlamaRow& r) {
  return best_knobs(llama_job(r), llama_layout(r));
}

}  // namespace parallel_test
