#include "paradox/memory/activations.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "memory/memory_test_support.hpp"

using namespace paradox;
using namespace paradox::memory;
using Catch::Matchers::WithinRel;
using memory_test::raw;

namespace {
// GPT-3 175B (Brown et al. 2020, table 2.1): s = 2048, h = 12288, a = 96, L = 96; b = 1.
constexpr LayerActivationInput gpt3_layer{
    .seq_len = 2048, .micro_batch = 1, .hidden = 12288, .heads = 96};
constexpr double sbh = 2048.0 * 12288.0;

LayerActivationInput with(int t, bool sp, Recomputation r) {
  LayerActivationInput in = gpt3_layer;
  in.tensor_parallel = t;
  in.sequence_parallel = sp;
  in.recompute = r;
  return in;
}
}  // namespace

TEST_CASE("Korthikanti et al. 2022, table 2, on a GPT-3 layer") {
  // 5 a s / h = 5 x 96 x 2048 / 12288 = 80.
  // Row 1, no parallelism: sbh (34 + 5as/h) = 114 sbh = 2.869 GB.
  CHECK(raw(layer_activations(gpt3_layer)) == 114.0 * sbh);
  CHECK_THAT(memory_test::gb(layer_activations(gpt3_layer)), WithinRel(2.868903936, 1e-12));
  // Row 2, tensor parallel t = 8: sbh (10 + 24/8 + 80/8) = 23 sbh.
  CHECK(raw(layer_activations(with(8, false, Recomputation::none))) == 23.0 * sbh);
  // Row 3, tensor + sequence parallel: sbh (34/8 + 80/8) = 14.25 sbh.
  CHECK(raw(layer_activations(with(8, true, Recomputation::none))) == 14.25 * sbh);
  // Row 4, tensor parallel + selective recomputation: sbh (10 + 24/8) = 13 sbh.
  CHECK(raw(layer_activations(with(8, false, Recomputation::selective))) == 13.0 * sbh);
  // Row 5, tensor + sequence parallel + selective: 34 sbh / 8 = 4.25 sbh = 107.0 MB.
  CHECK(raw(layer_activations(with(8, true, Recomputation::selective))) == 4.25 * sbh);
  // Row 6, full recomputation: 2 sbh = 50.3 MB, whatever t.
  CHECK(raw(layer_activations(with(8, true, Recomputation::full))) == 2.0 * sbh);
  CHECK(raw(layer_activations(with(1, false, Recomputation::full))) == 2.0 * sbh);
}

TEST_CASE("the table's rows coincide without tensor parallelism") {
  CHECK(layer_activations(with(1, true, Recomputation::none)) ==
        layer_activations(with(1, false, Recomputation::none)));
  CHECK(raw(layer_activations(with(1, false, Recomputation::selective))) == 34.0 * sbh);
}

TEST_CASE("1F1B's first stage holds all L layers' worth of activations") {
  // Korthikanti et al. 2022, sec. 4.2.3: p micro-batches of L/p layers on the first stage,
  // whatever p: (sbhL/t)(34 + 5as/h) with sequence parallelism.
  for (int p : {1, 2, 4, 8, 16}) {
    const StageActivations a = stage_activations(
        {.layer = with(8, true, Recomputation::none),
         .layers = 96,
         .pipeline = {.stages = p, .microbatches = 64},
         .embedding = false});
    CHECK(a.held_microbatches == p);
    CHECK(a.layers_on_stage == 96 / p);
    CHECK_THAT(raw(a.total()), WithinRel(96.0 * 14.25 * sbh, 1e-15));
  }
}

TEST_CASE("the interleaved schedule multiplies the first stage by 1 + (p-1)/(p v)") {
  // Korthikanti et al. 2022, sec. 4.2.3 (their m = interleaved stages = v here).
  const StageActivations a = stage_activations(
      {.layer = with(8, true, Recomputation::selective),
       .layers = 96,
       .schedule = pipeline::Schedule::interleaved_1f1b,
       .pipeline = {.stages = 8, .microbatches = 64, .virtual_stages = 3},
       .embedding = false});
  CHECK_THAT(raw(a.total()), WithinRel(96.0 * 4.25 * sbh * (1.0 + 7.0 / 24.0), 1e-15));
}

TEST_CASE("GPipe holds every micro-batch; later 1F1B stages hold fewer") {
  const LayerActivationInput layer = with(8, false, Recomputation::full);
  const auto stage = [&](pipeline::Schedule s, int i) {
    return stage_activations({.layer = layer, .layers = 96, .schedule = s,
                              .pipeline = {.stages = 4, .microbatches = 32}, .stage = i,
                              .embedding = false});
  };
  CHECK(stage(pipeline::Schedule::gpipe, 3).held_microbatches == 32.0);
  CHECK(raw(stage(pipeline::Schedule::gpipe, 0).total()) == 24.0 * 32.0 * 2.0 * sbh);
  CHECK(raw(stage(pipeline::Schedule::one_f_one_b, 3).total()) == 24.0 * 1.0 * 2.0 * sbh);
}

TEST_CASE("the first stage adds the embedding's dropout mask, sbh per held micro-batch") {
  // Korthikanti et al. 2022, sec. 4.3: sbhp on the first stage (/t with sequence parallelism).
  const StageActivationInput in{.layer = with(8, false, Recomputation::none),
                                .layers = 96,
                                .pipeline = {.stages = 8, .microbatches = 64}};
  CHECK(raw(stage_activations(in).embedding) == sbh * 8.0);
  StageActivationInput sp = in;
  sp.layer.sequence_parallel = true;
  CHECK(raw(stage_activations(sp).embedding) == sbh);
  StageActivationInput later = in;
  later.stage = 1;
  CHECK(raw(stage_activations(later).embedding) == 0.0);
}

TEST_CASE("recomputation spellings") {
  for (Recomputation r : all_recomputations) CHECK(parse_recomputation(to_string(r)) == r);
  CHECK_FALSE(parse_recomputation("Full").has_value());
}

TEST_CASE("invalid activation inputs are rejected naming the parameter") {
  REQUIRE_THROWS_WITH(layer_activations(with(5, false, Recomputation::none)),
                      "activations per layer: heads must be divisible by tensor_parallel = 5 "
                      "(got 96)");
  LayerActivationInput in = gpt3_layer;
  in.seq_len = 0;
  REQUIRE_THROWS_WITH(layer_activations(in), "activations per layer: seq_len must be >= 1 (got 0)");
  in = gpt3_layer;
  in.micro_batch = 0;
  REQUIRE_THROWS_WITH(layer_activations(in),
                      "activations per layer: micro_batch must be >= 1 (got 0)");
  in = gpt3_layer;
  in.tensor_parallel = 0;
  REQUIRE_THROWS_WITH(layer_activations(in),
                      "activations per layer: tensor_parallel must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(
      stage_activations({.layer = gpt3_layer, .layers = 30, .pipeline = {.stages = 8}}),
      "stage activations: layers must be divisible by stages = 8 (got 30)");
  REQUIRE_THROWS_WITH(
      stage_activations({.layer = gpt3_layer, .layers = 30,
                         .schedule = pipeline::Schedule::interleaved_1f1b,
                         .pipeline = {.stages = 2, .microbatches = 4, .virtual_stages = 4}}),
      "stage activations: layers must be divisible by stages x virtual_stages = 8 (got 30)");
  REQUIRE_THROWS_WITH(
      stage_activations({.layer = gpt3_layer, .layers = 96, .pipeline = {.stages = 4},
                         .stage = 4}),
      "held micro-batches: stage must be in [0, 3] (got 4)");
  REQUIRE_THROWS_WITH(stage_activations({.layer = gpt3_layer, .layers = 0}),
                      "stage activations: layers must be >= 1 (got 0)");
}

TEST_CASE("property: recomputation and parallelism never raise a layer's activations") {
  REQUIRE(rc::check([] {
    LayerActivationInput in{.seq_len = *rc::gen::inRange(1, 32'769),
                            .micro_batch = *rc::gen::inRange(1, 65),
                            .hidden = 128 * *rc::gen::inRange(1, 161),
                            .heads = 64,
                            .tensor_parallel = *memory_test::powers_of_two(5)};
    const Bytes none = layer_activations(in);
    in.recompute = Recomputation::selective;
    const Bytes selective = layer_activations(in);
    in.recompute = Recomputation::full;
    const Bytes full = layer_activations(in);
    RC_ASSERT(selective <= none);
    RC_ASSERT(full <= selective * (1.0 + 1e-12));
    in.recompute = Recomputation::none;
    in.sequence_parallel = true;
    RC_ASSERT(layer_activations(in) <= none);
    in.sequence_parallel = false;
    in.tensor_parallel *= 2;
    RC_ASSERT(layer_activations(in) <= none);
  }));
}
