#include "paradox/pipeline/interleaving.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using namespace paradox::pipeline;

TEST_CASE("the interleaved schedule needs m divisible by p and at least two chunks") {
  // NVIDIA/Megatron-LM megatron/core/pipeline_parallel/schedules.py: "number of microbatches
  // is not divisible by pipeline-model-parallel-size when using interleaved schedule".
  CHECK_NOTHROW(check_schedule(Schedule::interleaved_1f1b,
                               {.stages = 4, .microbatches = 8, .virtual_stages = 2}));
  REQUIRE_THROWS_WITH(check_schedule(Schedule::interleaved_1f1b,
                                     {.stages = 4, .microbatches = 6, .virtual_stages = 2}),
                      "interleaved schedule: microbatches must be divisible by stages = 4 (got 6)");
  REQUIRE_THROWS_WITH(
      check_schedule(Schedule::interleaved_1f1b, {.stages = 4, .microbatches = 8}),
      "interleaved schedule: virtual_stages must be >= 2 (got 1)");
  // GPipe and 1F1B run any m and ignore v.
  CHECK_NOTHROW(check_schedule(Schedule::one_f_one_b, {.stages = 4, .microbatches = 6}));
  CHECK_NOTHROW(check_schedule(Schedule::gpipe,
                               {.stages = 4, .microbatches = 3, .virtual_stages = 5}));
  REQUIRE_THROWS_WITH(check_schedule(Schedule::gpipe, {.stages = 0, .microbatches = 3}),
                      "pipeline schedule: stages must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(check_schedule(Schedule::one_f_one_b, {.stages = 2, .microbatches = 0}),
                      "pipeline schedule: microbatches must be >= 1 (got 0)");
}

TEST_CASE("layers are cut into p v equal chunks") {
  // Narayanan et al. 2021 (SC21), sec. 2.2.2: 16 layers on 4 devices with 2 chunks, 2 layers
  // per chunk (device 1 has layers 1, 2, 9, 10).
  CHECK(layers_per_chunk(16, {.stages = 4, .virtual_stages = 2}) == 2);
  CHECK(layers_per_chunk(80, {.stages = 4}) == 20);  // non-interleaved: layers per stage
  REQUIRE_THROWS_WITH(layers_per_chunk(30, {.stages = 4, .virtual_stages = 2}),
                      "pipeline layout: layers must be divisible by stages x virtual_stages = 8 "
                      "(got 30)");
  REQUIRE_THROWS_WITH(layers_per_chunk(0, {.stages = 4}),
                      "pipeline layout: layers must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(layers_per_chunk(8, {.stages = 4, .virtual_stages = 0}),
                      "pipeline layout: virtual_stages must be >= 1 (got 0)");
}

TEST_CASE("interleaving multiplies the p2p sends by v + (v-1)/(p-1)") {
  // 1F1B: each of m micro-batches crosses p - 1 boundaries forward and backward.
  CHECK(p2p_sends_per_step(Schedule::one_f_one_b, {.stages = 4, .microbatches = 8}) == 48);
  CHECK(p2p_sends_per_step(Schedule::gpipe, {.stages = 4, .microbatches = 8}) == 48);
  // Interleaved, v = 2: p v - 1 = 7 boundaries, 112 sends = (2 + 1/3) x 48.
  CHECK(p2p_sends_per_step(Schedule::interleaved_1f1b,
                           {.stages = 4, .microbatches = 8, .virtual_stages = 2}) == 112);
  // Narayanan et al. 2021, sec. 2.2.2: "the amount of communication also increases by v";
  // for large p the ratio tends to v.
  const double ratio =
      static_cast<double>(p2p_sends_per_step(
          Schedule::interleaved_1f1b, {.stages = 64, .microbatches = 64, .virtual_stages = 4})) /
      static_cast<double>(p2p_sends_per_step(Schedule::one_f_one_b,
                                             {.stages = 64, .microbatches = 64}));
  CHECK_THAT(ratio, Catch::Matchers::WithinRel(4.0 + 3.0 / 63.0, 1e-12));
  // One device sends nothing, whatever the chunks.
  CHECK(p2p_sends_per_step(Schedule::interleaved_1f1b,
                           {.stages = 1, .microbatches = 8, .virtual_stages = 4}) == 0);
  REQUIRE_THROWS_WITH(p2p_sends_per_step(Schedule::gpipe, {.stages = 4, .microbatches = 0}),
                      "p2p sends: microbatches must be >= 1 (got 0)");
}
