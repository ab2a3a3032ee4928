#include "paradox/pipeline/in_flight.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using namespace paradox::pipeline;
using Catch::Matchers::WithinRel;

TEST_CASE("GPipe holds every micro-batch on every stage") {
  // Huang et al. 2019 (GPipe): all m forwards run before the first backward.
  for (int stage = 0; stage < 4; ++stage)
    CHECK(held_microbatches(Schedule::gpipe, {.stages = 4, .microbatches = 8}, stage) == 8.0);
}

TEST_CASE("1F1B's first stage holds p micro-batches, the last one") {
  // Narayanan et al. 2021 (SC21), sec. 2.2.1: stage i warms up with p - i - 1 forwards.
  const PipelineShape shape{.stages = 4, .microbatches = 8};
  CHECK(held_microbatches(Schedule::one_f_one_b, shape, 0) == 4.0);
  CHECK(held_microbatches(Schedule::one_f_one_b, shape, 1) == 3.0);
  CHECK(held_microbatches(Schedule::one_f_one_b, shape, 3) == 1.0);
  // Fewer micro-batches than stages: all of them.
  CHECK(held_microbatches(Schedule::one_f_one_b, {.stages = 8, .microbatches = 2}, 0) == 2.0);
}

TEST_CASE("interleaved 1F1B's first stage holds p (1 + (p-1)/(p v)) micro-batches") {
  // Korthikanti et al. 2022, sec. 4.2.3; Megatron-LM's interleaved warm-up 2(p-i-1) + (v-1)p:
  // p = 4, v = 2, stage 0: (6 + 4 + 1) chunk-micro-batches of half a stage = 5.5 = 4 (1 + 3/8).
  const PipelineShape shape{.stages = 4, .microbatches = 8, .virtual_stages = 2};
  CHECK_THAT(held_microbatches(Schedule::interleaved_1f1b, shape, 0), WithinRel(5.5, 1e-15));
  CHECK_THAT(held_microbatches(Schedule::interleaved_1f1b, shape, 3), WithinRel(2.5, 1e-15));
  // Megatron-LM's interleaved schedule needs at least two chunks per device.
  REQUIRE_THROWS_WITH(
      held_microbatches(Schedule::interleaved_1f1b, {.stages = 4, .microbatches = 8}, 0),
      "held micro-batches: virtual_stages must be >= 2 (got 1)");
  // The warm-up is capped at the m v chunk-micro-batches of the step.
  CHECK(held_microbatches(Schedule::interleaved_1f1b,
                          {.stages = 8, .microbatches = 1, .virtual_stages = 2}, 0) == 1.0);
}

TEST_CASE("held micro-batches reject bad shapes naming the parameter") {
  REQUIRE_THROWS_WITH(held_microbatches(Schedule::gpipe, {.stages = 4, .microbatches = 8}, 4),
                      "held micro-batches: stage must be in [0, 3] (got 4)");
  REQUIRE_THROWS_WITH(held_microbatches(Schedule::gpipe, {.stages = 0}, 0),
                      "held micro-batches: stages must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(held_microbatches(Schedule::gpipe, {.stages = 2, .microbatches = 0}, 0),
                      "held micro-batches: microbatches must be >= 1 (got 0)");
}

TEST_CASE("schedules have CLI spellings") {
  for (Schedule s : {Schedule::gpipe, Schedule::one_f_one_b, Schedule::interleaved_1f1b})
    CHECK(parse_schedule(to_string(s)) == s);
  CHECK_FALSE(parse_schedule("GPipe").has_value());
}
