#include "paradox/parallel/step_time.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "paradox/catalog/links.hpp"
#include "paradox/pipeline/timeline.hpp"
#include "parallel/parallel_test_support.hpp"

using namespace paradox;
using namespace paradox::parallel;
using namespace parallel_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
double s_of(Seconds t) { return value_in<second_unit>(t); }

TrainingJob llama70b_pod() {
  return {.model = catalog::llama3_70b,
          .cluster = {.node = catalog::dgx_h100, .nodes = 64},
          .global_batch = 1024};
}
Layout pod_layout() {
  return {.data_parallel = 16,
          .tensor_parallel = 8,
          .pipeline_parallel = 4,
          .micro_batch = 1,
          .microbatches = 64,
          .zero_stage = 1,
          .recompute = Recomputation::full};
}
}  // namespace

TEST_CASE("the parts add up and the derived rates follow from the step time") {
  const TrainingJob job = llama70b_pod();
  const Evaluation e = evaluate(job, pod_layout());
  const StepTime& p = e.step;
  CHECK_THAT(s_of(e.step_time()),
             WithinRel(s_of(p.compute + p.tensor_parallel + p.context_parallel + p.pipeline_p2p +
                            p.bubble + p.data_parallel),
                       1e-12));
  CHECK(s_of(p.context_parallel) == 0.0);  // cp = 1
  // tokens/s = B s / T
  CHECK_THAT(e.tokens_per_second, WithinRel(1024.0 * 8192.0 / s_of(e.step_time()), 1e-12));
  // MFU = (6N + 12 L H Q T) tokens/s / (N_gpu x 989 TFLOP/s); HFU adds the recomputed third.
  const double n = compute::parameters(catalog::llama3_70b);
  const double per_token = 6.0 * n + 12.0 * 80 * 64 * 128 * 8192.0;
  CHECK_THAT(e.mfu, WithinRel(per_token * e.tokens_per_second / (512 * 989e12), 1e-9));
  CHECK_THAT(e.hfu, WithinRel(e.mfu * 4.0 / 3.0, 1e-9));
  // Bubble (p - 1)/(v m + p - 1) = 3/67; the pipeline's idle time is 3 of its 67 slots.
  CHECK_THAT(e.bubble_fraction, WithinRel(3.0 / 67.0, 1e-12));
  const Seconds pipeline = p.compute + p.tensor_parallel + p.pipeline_p2p + p.bubble;
  // (compute also holds the optimizer step, which runs after the pipeline drains: 0.01% here)
  CHECK_THAT(s_of(p.bubble) / s_of(pipeline), WithinRel(3.0 / 67.0, 1e-3));
  // Tensor parallelism within the DGX node, pipeline and data across nodes.
  CHECK(e.placement.tensor == Level::node);
  CHECK(e.placement.pipeline == Level::rack);
  CHECK(e.fits);
}

TEST_CASE(
    "compute time is the stage's FLOPs at the achievable fraction of peak, plus its "
    "memory-bound work at HBM bandwidth") {
  // One GPU, one layer's worth checked by hand: GPT-3 shapes from the catalog are large, so
  // use Megatron's 1.7B on one A100 with f = 0.5, no recomputation, b = 1, m = 4.
  TrainingJob job{.model = catalog::megatron_1_7b,
                  .cluster = {.node = catalog::dgx_a100, .nodes = 1},
                  .global_batch = 4,
                  .achievable_fraction = 0.5};
  job.cluster.node.accelerators_per_node = 1;
  const Evaluation e = evaluate(job, {.microbatches = 4});
  // Per token: 6 (24 layers x 12h^2+13h... = per_layer) + 6 V h for the logits, plus
  // 12 L h s of attention (full).
  const compute::ParameterBreakdown parts = compute::parameter_breakdown(catalog::megatron_1_7b);
  const double h = 2304, s = 2048, v = 51200, l = 24;
  const double per_token = 6.0 * (l * parts.per_layer + v * h) + 12.0 * l * h * s;
  // Plus the memory-bound work at 2,039 GB/s: 6.5 passes over each layer's activations
  // (Korthikanti et al. 2022, table 2, t = 1 and scores on chip: 34 s b h bytes) per
  // micro-batch, and the optimizer step: 2 x 12 + 2 + 2 bytes per parameter.
  const double hbm = 2039e9;
  const double elementwise = 6.5 * 34.0 * s * h * l / hbm;
  const double optimizer = parts.total() * 28.0 / hbm;
  CHECK_THAT(s_of(e.step.compute),
             WithinRel(4 * (s * per_token / (0.5 * 312e12) + elementwise) + optimizer, 1e-12));
  // With the attention scores in HBM (unfused softmax and dropout) each layer adds 5 a s^2 b.
  job.attention_scores_in_hbm = true;
  const double scores = 6.5 * 5.0 * 24 * s * s * l / hbm;
  CHECK_THAT(
      s_of(evaluate(job, {.microbatches = 4}).step.compute),
      WithinRel(4 * (s * per_token / (0.5 * 312e12) + elementwise + scores) + optimizer, 1e-12));
  CHECK(s_of(e.step.tensor_parallel) == 0.0);
  CHECK(s_of(e.step.bubble) == 0.0);
  CHECK(s_of(e.step.pipeline_p2p) == 0.0);
  CHECK(s_of(e.step.data_parallel) == 0.0);
}

TEST_CASE(
    "tensor-parallel traffic: 4 ring all-reduces of b s h per layer, 6 with full "
    "recomputation") {
  TrainingJob job{.model = catalog::megatron_1_7b,
                  .cluster = {.node = catalog::dgx_a100, .nodes = 1},
                  .global_batch = 1};
  Layout layout{.data_parallel = 1, .tensor_parallel = 8, .microbatches = 1};
  const Evaluation none = evaluate(job, layout);
  // Ring all-reduce of M = 2048 x 2304 x 2 B over 8 ranks on NVLink 3 (300 GB/s per
  // direction): 2 (p - 1) alpha + 2 (p - 1)/p M / B per collective, 4 per layer, 24 layers.
  const Link nv = catalog::dgx_a100.intra_node;
  const double m = 2048.0 * 2304 * 2;
  const double one =
      14 * s_of(nv.latency) + 14.0 / 8 * m / value_in<bytes_per_second_unit>(nv.bandwidth);
  CHECK_THAT(s_of(none.step.tensor_parallel), WithinRel(24 * 4 * one, 1e-9));
  layout.recompute = Recomputation::full;
  CHECK_THAT(s_of(evaluate(job, layout).step.tensor_parallel), WithinRel(24 * 6 * one, 1e-9));
}

TEST_CASE("the pipeline closed form bounds the event simulation and equals it without sends") {
  // One replica, no tensor parallelism: the step is the pipeline alone. With free sends the
  // closed form (v m + p - 1) w equals pipeline::simulate; with blocking sends it is an upper
  // bound of the simulation, whose sends overlap other stages' work.
  for (const pipeline::Schedule schedule :
       {pipeline::Schedule::one_f_one_b, pipeline::Schedule::interleaved_1f1b}) {
    TrainingJob job{.model = catalog::megatron_1_7b,
                    .cluster = {.node = catalog::dgx_a100, .nodes = 1},
                    .global_batch = 16};
    job.cluster.node.accelerators_per_node = 4;
    // HBM so fast that the optimizer step (outside the pipeline) and element-wise work vanish.
    job.cluster.node.accelerator.hbm_bandwidth = 1e18 * terabytes_per_second;
    const int v = schedule == pipeline::Schedule::interleaved_1f1b ? 2 : 1;
    const Layout l{
        .pipeline_parallel = 4, .virtual_stages = v, .microbatches = 16, .schedule = schedule};
    const Evaluation e = evaluate(job, l);
    const Seconds work = e.step.compute / 16.0;  // busiest stage, one micro-batch
    const Seconds send = e.step.pipeline_p2p / (2.0 * v * 16);
    const pipeline::Timeline free_sends =
        pipeline::simulate({.schedule = schedule,
                            .shape = {.stages = 4, .microbatches = 16, .virtual_stages = v},
                            .forward_time = work / 3.0,
                            .backward_time = work * (2.0 / 3.0)});
    CHECK_THAT(s_of(e.step.compute + e.step.bubble - (3.0 * 2.0 * send)),
               WithinRel(s_of(free_sends.total_time), 1e-9));
    const pipeline::Timeline with_sends =
        pipeline::simulate({.schedule = schedule,
                            .shape = {.stages = 4, .microbatches = 16, .virtual_stages = v},
                            .forward_time = work / 3.0,
                            .backward_time = work * (2.0 / 3.0),
                            .p2p_time = send});
    CHECK(s_of(with_sends.total_time) <= s_of(e.step_time()) * (1 + 1e-12));
  }
}

// The published runs (Megatron-LM 2021 table 1, Korthikanti et al. 2022 table 5, Llama 3
// table 4) and the calibration fitted on them are checked in fidelity_test.cpp.

TEST_CASE("property: a faster link or a higher achievable fraction never lowers throughput") {
  REQUIRE(rc::check("monotone in link speed and compute efficiency", [] {
    const double f = *rc::gen::inRange(10, 100) / 100.0;
    const double faster = 1.0 + *rc::gen::inRange(0, 400) / 100.0;
    const int t = *rc::gen::element(1, 2, 4, 8);
    const int pp = *rc::gen::element(1, 2, 4, 5);
    const int d = 128 / (t * pp) > 0 ? 128 / (t * pp) : 1;
    RC_PRE(t * pp * d == 128);
    const int m = *rc::gen::element(1, 2, 4, 8);
    TrainingJob job{.model = catalog::llama3_70b,
                    .cluster = {.node = catalog::dgx_h100, .nodes = 16},
                    .global_batch = d * m,
                    .achievable_fraction = f};
    const Layout l{.data_parallel = d,
                   .tensor_parallel = t,
                   .pipeline_parallel = pp,
                   .microbatches = m,
                   .zero_stage = *rc::gen::inRange(0, 4)};
    const double base = evaluate(job, l).tokens_per_second;
    TrainingJob quicker = job;
    quicker.cluster.node.nic.bandwidth = quicker.cluster.node.nic.bandwidth * faster;
    quicker.cluster.node.intra_node.bandwidth = quicker.cluster.node.intra_node.bandwidth * faster;
    RC_ASSERT(evaluate(quicker, l).tokens_per_second >= base * (1 - 1e-12));
    TrainingJob stronger = job;
    stronger.achievable_fraction = std::min(1.0, f * faster);
    RC_ASSERT(evaluate(stronger, l).tokens_per_second >= base * (1 - 1e-12));
  }));
}

TEST_CASE("property: a layout that fits with ZeRO stage k fits with k + 1") {
  REQUIRE(rc::check("ZeRO only removes memory", [] {
    const int t = *rc::gen::element(1, 2, 4, 8);
    const int pp = *rc::gen::element(1, 2, 4);
    const int d = 64 / (t * pp);
    const int b = *rc::gen::element(1, 2);
    const int m = *rc::gen::element(1, 4, 8);
    const TrainingJob job{.model = catalog::llama3_8b,
                          .cluster = {.node = catalog::dgx_h100, .nodes = 8},
                          .global_batch = d * b * m};
    const Recomputation r =
        *rc::gen::element(Recomputation::none, Recomputation::selective, Recomputation::full);
    for (int k = 0; k < 3; ++k) {
      const Layout l{.data_parallel = d,
                     .tensor_parallel = t,
                     .pipeline_parallel = pp,
                     .micro_batch = b,
                     .microbatches = m,
                     .zero_stage = k,
                     .recompute = r};
      Layout next = l;
      next.zero_stage = k + 1;
      const Evaluation e = evaluate(job, l);
      const Evaluation e1 = evaluate(job, next);
      RC_ASSERT(e1.memory.total <= e.memory.total);
      if (e.fits) RC_ASSERT(e1.fits);
    }
  }));
}

TEST_CASE("data-parallel traffic: overlap hides it, ZeRO-3 pays per micro-batch") {
  TrainingJob job = llama70b_pod();
  Layout l = pod_layout();
  const double exposed = s_of(evaluate(job, l).step.data_parallel);
  CHECK(exposed > 0.0);
  job.data_parallel_overlap_fraction = 0.75;
  CHECK_THAT(s_of(evaluate(job, l).step.data_parallel), WithinRel(0.25 * exposed, 1e-12));
  job.data_parallel_overlap_fraction = 0.0;
  l.zero_stage = 3;
  // m = 64 reduce-scatters and 128 all-gathers against one all-reduce (= RS + AG).
  CHECK_THAT(s_of(evaluate(job, l).step.data_parallel),
             WithinRel(exposed * (64 + 128) / 2.0, 0.01));
}
