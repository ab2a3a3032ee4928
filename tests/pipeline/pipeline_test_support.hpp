// Shared generators for the pipeline tests: a schedule and a shape it can run.
#pragma once

#include <rapidcheck.h>

#include "paradox/pipeline/in_flight.hpp"

namespace paradox::pipeline::test {

struct ScheduledShape {
  Schedule schedule;
  PipelineShape shape;
};

// p in [1, 8], m in [1, 24], and for the interleaved schedule v in [2, 4] with m a multiple of
// p (Megatron-LM's rule), so that every generated shape is valid for its schedule.
inline ScheduledShape any_scheduled_shape() {
  const auto schedule = *rc::gen::element(Schedule::gpipe, Schedule::one_f_one_b,
                                          Schedule::interleaved_1f1b);
  const int p = *rc::gen::inRange(1, 9);
  if (schedule == Schedule::interleaved_1f1b) {
    const int groups = *rc::gen::inRange(1, 7);
    const int v = *rc::gen::inRange(2, 5);
    return {schedule, {.stages = p, .microbatches = groups * p, .virtual_stages = v}};
  }
  return {schedule, {.stages = p, .microbatches = *rc::gen::inRange(1, 25)}};
}

}  // namespace paradox::pipeline::test
