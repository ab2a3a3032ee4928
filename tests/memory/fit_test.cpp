#include "paradox/memory/fit.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "memory/memory_test_support.hpp"
#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/models.hpp"

using namespace paradox;
using namespace paradox::memory;
using Catch::Matchers::WithinRel;
using memory_test::gb;

TEST_CASE("fit reports every part and the headroom against the HBM") {
  // ZeRO fig. 1, stage 2 (16.640625 GB) plus 40 GB of activations and 2 GB reserved on an
  // H100 SXM (80 GB, NVIDIA H100 datasheet): 58.640625 GB, headroom 21.359375 GB.
  const ModelStates states =
      model_states({.parameters = 7.5e9, .data_parallel = 64, .zero_stage = 2});
  const FitResult r = fit({.states = states,
                           .activations = 40.0 * gigabytes,
                           .reserved = 2.0 * gigabytes},
                          catalog::h100_sxm);
  CHECK(r.fits);
  CHECK_THAT(gb(r.total), WithinRel(58.640625, 1e-15));
  CHECK_THAT(gb(r.headroom), WithinRel(21.359375, 1e-14));
  CHECK(r.capacity == 80.0 * gigabytes);
  CHECK(r.weights == states.weights);
  CHECK(r.gradients == states.gradients);
  CHECK(r.optimizer == states.optimizer);
  CHECK(r.reserved == 2.0 * gigabytes);
}

TEST_CASE("not fitting is a result with a negative headroom, not an exception") {
  // ZeRO fig. 1 baseline: 120 GB of model states on an 80 GB H100.
  const FitResult r =
      fit({.states = model_states({.parameters = 7.5e9})}, catalog::h100_sxm);
  CHECK_FALSE(r.fits);
  CHECK_THAT(gb(r.headroom), WithinRel(-40.0, 1e-15));
  // Exactly full fits.
  CHECK(fit({.activations = 80.0 * gigabytes}, catalog::h100_sxm).fits);
}

TEST_CASE("GPT-3 175B: TP 8, PP 8 with 1F1B, full recomputation, on A100 80GB") {
  // Narayanan et al. 2021 (SC21), table 1 row for 174.6B: t = 8, pp = 8, 1,024 A100s.
  // Stage 0: (12 layers x (12h^2 + 13h) + V h + s h) / 8 parameters, 16 bytes each, and
  // 96/8 x 8 held x 2 sbh of activations + sbh x 8 of embedding dropout mask.
  TrainingMemoryInput in{.model = catalog::gpt3_175b,
                         .accelerator = catalog::a100_80gb,
                         .layout = {.tensor_parallel = 8, .pipeline_parallel = 8},
                         .data_parallel = 16,
                         .micro_batch = 1,
                         .microbatches = 96,
                         .recompute = Recomputation::full};
  const double h = 12288.0, V = catalog::gpt3_175b.vocab, s = 2048.0;
  const double psi0 = (12.0 * (12.0 * h * h + 13.0 * h) + V * h + s * h) / 8.0;
  const double sbh = s * h;
  const FitResult r0 = evaluate(in, 0);
  CHECK_THAT(memory_test::raw(r0.weights + r0.gradients + r0.optimizer),
             WithinRel(16.0 * psi0, 1e-12));
  CHECK_THAT(memory_test::raw(r0.activations), WithinRel(12.0 * 8.0 * 2.0 * sbh + 8.0 * sbh, 1e-12));
  CHECK(r0.fits);  // 44.7 GB of model states and 5.0 GB of activations
  const FitResult worst = worst_stage(in);
  CHECK(worst.stage == 0);
  CHECK(worst.total == r0.total);
  // Without tensor parallelism stage 0 holds 22.4e9 parameters, 358 GB of states: infeasible.
  in.layout.tensor_parallel = 1;
  CHECK_FALSE(worst_stage(in).fits);
  // ZeRO-3 over 128 ranks brings the states under 3 GB and it fits again.
  in.data_parallel = 128;
  in.zero_stage = 3;
  CHECK(worst_stage(in).fits);
}

TEST_CASE("invalid fit inputs are rejected naming the part") {
  REQUIRE_THROWS_WITH(fit({.activations = -1.0 * bytes}, catalog::h100_sxm),
                      "memory fit: activations must be >= 0 and finite (got -1 B)");
  Accelerator none = catalog::h100_sxm;
  none.hbm_capacity = 0.0 * bytes;
  REQUIRE_THROWS_WITH(fit({}, none), "memory fit: hbm_capacity must be > 0 and finite (got 0 B)");
  TrainingMemoryInput in{.model = catalog::gpt3_175b, .accelerator = catalog::h100_sxm};
  in.layout.pipeline_parallel = 0;
  REQUIRE_THROWS_WITH(worst_stage(in), "memory fit: pipeline_parallel must be >= 1 (got 0)");
}

TEST_CASE("property: at a fixed GPU count, pipeline parallelism lowers the cluster's weights") {
  // N = d t pp GPUs; each replica's t pp devices hold the model once, so the cluster holds
  // it d = N/(t pp) times: more stages, fewer replicas, fewer bytes of weights in total
  // (the lab's part-2 prediction), while each replica's total stays the model's.
  REQUIRE(rc::check([] {
    // Catalog models with an even layer count (Megatron's 529.6B has 105 layers) and heads
    // that 8-way tensor parallelism divides (GPT-2 has 25).
    const TransformerSpec model = *rc::gen::suchThat(rc::gen::elementOf(catalog::transformer_models),
                                                     [](const TransformerSpec& m) {
                                                       return m.layers % 2 == 0 && m.heads % 8 == 0;
                                                     });
    const int n = 1024;
    const int t = *memory_test::powers_of_two(3);
    const auto cluster_weights = [&](int pp) {
      TrainingMemoryInput in{.model = model,
                             .accelerator = catalog::h100_sxm,
                             .layout = {.tensor_parallel = t, .pipeline_parallel = pp},
                             .data_parallel = n / (t * pp)};
      Bytes replica{};
      for (int stage = 0; stage < pp; ++stage)
        replica += evaluate(in, stage).weights * static_cast<double>(t);
      RC_ASSERT(std::abs(value_in<byte_unit>(replica) -
                         2.0 * compute::parameters(model)) <= 1e-9 * compute::parameters(model));
      return replica * static_cast<double>(in.data_parallel);
    };
    const int pp = *rc::gen::suchThat(rc::gen::elementOf(std::vector<int>{2, 4, 8}),
                                      [&](int p) { return model.layers % p == 0; });
    RC_ASSERT(cluster_weights(pp) < cluster_weights(1));
  }));
}

TEST_CASE("property: worst_stage, which checks 3 stages, finds the largest of all stages") {
  REQUIRE(rc::check("worst_stage = max over every stage", [] {
    const int pp = *rc::gen::element(1, 2, 3, 4, 5, 8, 10, 16);
    const pipeline::Schedule schedule = *rc::gen::element(
        pipeline::Schedule::gpipe, pipeline::Schedule::one_f_one_b,
        pipeline::Schedule::interleaved_1f1b);
    const int v = schedule == pipeline::Schedule::interleaved_1f1b ? 2 : 1;
    RC_PRE(80 % (pp * v) == 0 && (v == 1 || pp >= 2));
    const TrainingMemoryInput in{.model = catalog::llama3_70b,
                                 .accelerator = catalog::h100_sxm,
                                 .layout = {.tensor_parallel = 8, .pipeline_parallel = pp},
                                 .zero_stage = *rc::gen::inRange(0, 4),
                                 .micro_batch = 1,
                                 .microbatches = pp * *rc::gen::inRange(1, 5),
                                 .virtual_stages = v,
                                 .schedule = schedule,
                                 .recompute = *rc::gen::element(Recomputation::none,
                                                                Recomputation::full)};
    const FitResult worst = worst_stage(in);
    for (int stage = 0; stage < pp; ++stage) {
      const FitResult other = evaluate(in, stage);
      RC_ASSERT(other.total <= worst.total);
      if (other.total == worst.total) RC_ASSERT(worst.stage <= stage);
    }
  }));
}

TEST_CASE("context parallelism splits activations by cp and shards ZeRO over d x cp") {
  // Megatron-Core's context parallelism: each of cp ranks holds s / cp of every sequence;
  // the cp ranks of a replica hold the same weights, so the optimizer shards over d cp.
  TrainingMemoryInput in{.model = catalog::llama3_70b,
                         .accelerator = catalog::h100_sxm,
                         .layout = {.tensor_parallel = 8, .pipeline_parallel = 1},
                         .data_parallel = 2,
                         .zero_stage = 1};
  const FitResult one = evaluate(in, 0);
  in.context_parallel = 2;
  const FitResult two = evaluate(in, 0);
  CHECK_THAT(value_in<byte_unit>(two.activations), WithinRel(value_in<byte_unit>(one.activations) / 2, 1e-12));
  CHECK_THAT(value_in<byte_unit>(two.optimizer), WithinRel(value_in<byte_unit>(one.optimizer) / 2, 1e-12));
  CHECK(two.weights == one.weights);
  in.context_parallel = 3;
  CHECK_THROWS_WITH(evaluate(in, 0), "memory fit: seq_len must be divisible by context_parallel = 3 (got 8192)");
}
