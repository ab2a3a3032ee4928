#include "paradox/memory/sharding.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "memory/memory_test_support.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/compute/parameters.hpp"

using namespace paradox;
using namespace paradox::memory;
using Catch::Matchers::WithinRel;

namespace {
const compute::ParameterBreakdown llama70 = compute::parameter_breakdown(catalog::llama3_70b);
const compute::ParameterBreakdown gpt3 = compute::parameter_breakdown(catalog::gpt3_175b);

double replica_total(const compute::ParameterBreakdown& parts, ModelParallel layout) {
  double sum = 0.0;
  for (int stage = 0; stage < layout.pipeline_parallel; ++stage)
    sum += stage_parameters(parts, layout, stage) * layout.tensor_parallel;
  return sum;
}
}  // namespace

TEST_CASE("without model parallelism a rank holds the whole model") {
  CHECK(stage_parameters(gpt3, {}, 0) == gpt3.total());
  CHECK(stage_parameters(llama70, {}, 0) == llama70.total());
}

TEST_CASE("the embedding sits on the first stage, the LM head on the last") {
  // Llama 3 70B: 80 layers, V = 128,256, h = 8192, untied (embedding = LM head = V h).
  const ModelParallel layout{.tensor_parallel = 8, .pipeline_parallel = 4};
  const double layers = 20.0 * llama70.per_layer;
  CHECK_THAT(stage_parameters(llama70, layout, 0),
             WithinRel((layers + llama70.embedding) / 8.0, 1e-15));
  CHECK_THAT(stage_parameters(llama70, layout, 1), WithinRel(layers / 8.0, 1e-15));
  CHECK_THAT(stage_parameters(llama70, layout, 3),
             WithinRel((layers + llama70.final_norm + llama70.lm_head) / 8.0, 1e-15));
  // The LM head and the final norm outweigh the embedding by the norm: the last stage is
  // the most loaded.
  CHECK(most_loaded_stage(llama70, layout) == 3);
  // GPT-3's LM head is tied (0) but its first stage also has learned positions: stage 0.
  CHECK(most_loaded_stage(gpt3, {.tensor_parallel = 8, .pipeline_parallel = 8}) == 0);
  // One stage is the first and the last.
  CHECK(most_loaded_stage(gpt3, {}) == 0);
}

TEST_CASE("invalid layouts are rejected naming the parameter") {
  REQUIRE_THROWS_WITH(stage_parameters(gpt3, {.pipeline_parallel = 5}, 0),
                      "stage parameters: layers must be divisible by pipeline_parallel = 5 "
                      "(got 96)");
  REQUIRE_THROWS_WITH(stage_parameters(gpt3, {.pipeline_parallel = 4}, 4),
                      "stage parameters: stage must be in [0, 3] (got 4)");
  REQUIRE_THROWS_WITH(stage_parameters(gpt3, {.tensor_parallel = 0}, 0),
                      "stage parameters: tensor_parallel must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(stage_parameters(gpt3, {.pipeline_parallel = 0}, 0),
                      "stage parameters: pipeline_parallel must be >= 1 (got 0)");
  compute::ParameterBreakdown bad = gpt3;
  bad.per_layer = -1.0;
  REQUIRE_THROWS_WITH(stage_parameters(bad, {}, 0),
                      "stage parameters: per_layer must be >= 0 and finite (got -1)");
}

TEST_CASE("property: more tensor parallelism never raises per-device weights") {
  REQUIRE(rc::check([] {
    const auto& model = *rc::gen::elementOf(catalog::transformer_models);
    const auto parts = compute::parameter_breakdown(model);
    const int t = *memory_test::powers_of_two(6);
    const int stage = 0;
    RC_ASSERT(stage_parameters(parts, {.tensor_parallel = 2 * t}, stage) <=
              stage_parameters(parts, {.tensor_parallel = t}, stage));
  }));
}

TEST_CASE("property: pipeline stages split a replica without changing its total") {
  REQUIRE(rc::check([] {
    const auto& model = *rc::gen::elementOf(catalog::transformer_models);
    const auto parts = compute::parameter_breakdown(model);
    const int t = *memory_test::powers_of_two(3);
    // Every divisor of the layer count is a valid pipeline degree.
    const int pp = *rc::gen::suchThat(rc::gen::inRange(1, parts.layers + 1),
                                      [&](int p) { return parts.layers % p == 0; });
    const double total = replica_total(parts, {.tensor_parallel = t, .pipeline_parallel = pp});
    RC_ASSERT(std::abs(total - parts.total()) <= 1e-12 * parts.total());
    // and no stage holds more than the whole replica's share of one device without pipelining
    for (int stage = 0; stage < pp; ++stage)
      RC_ASSERT(stage_parameters(parts, {.tensor_parallel = t, .pipeline_parallel = pp}, stage) <=
                stage_parameters(parts, {.tensor_parallel = t}, 0));
  }));
}

TEST_CASE("lighter ends: Llama 3 405B's 126 layers on 16 stages") {
  // Dubey et al. 2024, sec. 3.3.2: one Transformer layer fewer on the first and last stages.
  const ModelParallel split{.tensor_parallel = 8, .pipeline_parallel = 16,
                            .layer_split = LayerSplit::lighter_ends};
  CHECK(layers_on_stage(126, split, 0) == 7);
  CHECK(layers_on_stage(126, split, 1) == 8);
  CHECK(layers_on_stage(126, split, 14) == 8);
  CHECK(layers_on_stage(126, split, 15) == 7);
  int total = 0;
  for (int stage = 0; stage < 16; ++stage) total += layers_on_stage(126, split, stage);
  CHECK(total == 126);
  // The stages still sum to the replica's parameters.
  const compute::ParameterBreakdown parts = compute::parameter_breakdown(catalog::llama3_405b);
  double sum = 0.0;
  for (int stage = 0; stage < 16; ++stage) sum += stage_parameters(parts, split, stage);
  CHECK_THAT(sum * 8, WithinRel(parts.total(), 1e-12));
  CHECK(to_string(LayerSplit::lighter_ends) == "lighter-ends");
  CHECK(to_string(LayerSplit::even) == "even");
  CHECK_THROWS_WITH(layers_on_stage(126, {.pipeline_parallel = 16}, 0),
                    "stage layers: layers must be divisible by pipeline_parallel = 16 (got 126)");
  CHECK_THROWS_WITH(
      layers_on_stage(126, {.pipeline_parallel = 5, .layer_split = LayerSplit::lighter_ends}, 0),
      "stage layers: layers + 2 must be divisible by pipeline_parallel = 5 (got 128)");
  CHECK_THROWS_WITH(
      layers_on_stage(126, {.pipeline_parallel = 1, .layer_split = LayerSplit::lighter_ends}, 0),
      "stage layers: pipeline_parallel must be >= 2 (got 1)");
}
