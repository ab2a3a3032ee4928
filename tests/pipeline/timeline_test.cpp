#include "paradox/pipeline/timeline.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <rapidcheck.h>
#include <vector>

#include "paradox/pipeline/bubble.hpp"
#include "paradox/pipeline/in_flight.hpp"
#include "paradox/pipeline/interleaving.hpp"
#include "pipeline/pipeline_test_support.hpp"

using namespace paradox;
using namespace paradox::pipeline;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

double ms(Seconds t) { return value_in<millisecond_unit>(t); }

TimelineInput megatron_example(Schedule schedule, int virtual_stages = 1) {
  // Narayanan et al. 2021 (SC21), figs. 3 and 4: 4 devices, 8 micro-batches, backward twice as
  // long as forward.
  return {.schedule = schedule,
          .shape = {.stages = 4, .microbatches = 8, .virtual_stages = virtual_stages},
          .forward_time = 1.0 * milliseconds,
          .backward_time = 2.0 * milliseconds};
}

}  // namespace

TEST_CASE("1F1B on 4 stages and 8 micro-batches: 33 ms, 3/11 idle, first stage holds 4") {
  const Timeline t = simulate(megatron_example(Schedule::one_f_one_b));
  // (m + p - 1)(t_f + t_b) = 11 x 3 ms.
  CHECK_THAT(ms(t.total_time), WithinRel(33.0, 1e-12));
  CHECK_THAT(t.bubble_fraction, WithinRel(3.0 / 11.0, 1e-12));
  REQUIRE(t.busy_time.size() == 4);
  for (Seconds busy : t.busy_time) CHECK_THAT(ms(busy), WithinRel(24.0, 1e-12));
  CHECK(t.peak_in_flight == std::vector<double>{4, 3, 2, 1});
  CHECK(t.slots.size() == 64);
  CHECK(t.p2p_sends == 48);
  // The first op: stage 0's forward of micro-batch 0, from 0 to 1 ms.
  CHECK(t.slots.front().stage == 0);
  CHECK(t.slots.front().op == Op::forward);
  CHECK(t.slots.front().microbatch == 0);
  CHECK(ms(t.slots.front().end) == 1.0);
  // The last op: stage 0's backward of micro-batch 7.
  CHECK(t.slots.back().stage == 0);
  CHECK(t.slots.back().op == Op::backward);
  CHECK(t.slots.back().microbatch == 7);
}

TEST_CASE("GPipe takes as long as 1F1B but holds every micro-batch") {
  const Timeline t = simulate(megatron_example(Schedule::gpipe));
  CHECK_THAT(ms(t.total_time), WithinRel(33.0, 1e-12));
  CHECK_THAT(t.bubble_fraction, WithinRel(3.0 / 11.0, 1e-12));
  CHECK(t.peak_in_flight == std::vector<double>{8, 8, 8, 8});
}

TEST_CASE("interleaving with 2 chunks shortens the step to m (t_f + t_b) + (p-1)(t_f + t_b)/v") {
  // Narayanan et al. 2021, sec. 2.2.2: the bubble time shrinks to (p-1)(t_f + t_b)/v.
  const Timeline t = simulate(megatron_example(Schedule::interleaved_1f1b, 2));
  CHECK_THAT(ms(t.total_time), WithinRel(24.0 + 4.5, 1e-12));
  CHECK_THAT(t.bubble_fraction, WithinRel(3.0 / 19.0, 1e-12));
  CHECK(t.slots.size() == 128);
  CHECK(t.p2p_sends == 112);
  CHECK_THAT(t.peak_in_flight[0], WithinRel(5.5, 1e-15));  // 4 (1 + 3/8), Korthikanti et al.
}

TEST_CASE("device orders follow PipeDream-Flush and Megatron-LM") {
  // 1F1B, stage 0 of 4: three warm-up forwards, then one forward and one backward.
  const auto one = device_order(Schedule::one_f_one_b, {.stages = 4, .microbatches = 6}, 0);
  REQUIRE(one.size() == 12);
  const std::vector<std::pair<Op, int>> expected{
      {Op::forward, 0}, {Op::forward, 1},  {Op::forward, 2},  {Op::forward, 3},
      {Op::backward, 0}, {Op::forward, 4}, {Op::backward, 1}, {Op::forward, 5},
      {Op::backward, 2}, {Op::backward, 3}, {Op::backward, 4}, {Op::backward, 5}};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CHECK(one[k].op == expected[k].first);
    CHECK(one[k].microbatch == expected[k].second);
  }
  // Interleaved, p = 2, m = 4, v = 2, stage 1: warm-up 2(p - i - 1) + (v - 1) p = 2 forwards
  // (micro-batches 0 and 1 of chunk 0), then 1F1B; chunks advance every p micro-batches and
  // backwards run the last chunk first.
  const auto inter = device_order(Schedule::interleaved_1f1b,
                                  {.stages = 2, .microbatches = 4, .virtual_stages = 2}, 1);
  REQUIRE(inter.size() == 16);
  CHECK((inter[0].microbatch == 0 && inter[0].chunk == 0 && inter[0].op == Op::forward));
  CHECK((inter[1].microbatch == 1 && inter[1].chunk == 0 && inter[1].op == Op::forward));
  CHECK((inter[2].microbatch == 0 && inter[2].chunk == 1 && inter[2].op == Op::forward));
  CHECK((inter[3].microbatch == 0 && inter[3].chunk == 1 && inter[3].op == Op::backward));
  CHECK((inter[4].microbatch == 1 && inter[4].chunk == 1 && inter[4].op == Op::forward));
  CHECK((inter[5].microbatch == 1 && inter[5].chunk == 1 && inter[5].op == Op::backward));
  CHECK((inter[6].microbatch == 2 && inter[6].chunk == 0 && inter[6].op == Op::forward));
  CHECK((inter[7].microbatch == 0 && inter[7].chunk == 0 && inter[7].op == Op::backward));
  REQUIRE_THROWS_WITH(device_order(Schedule::gpipe, {.stages = 4, .microbatches = 2}, 4),
                      "device order: stage must be in [0, 3] (got 4)");
}

TEST_CASE("p2p time delays GPipe by 2 (p - 1) sends") {
  // Forward chain: (p-1)(t_f + c) + m t_f; backward chain back: m t_b + (p-1)(t_b + c).
  TimelineInput in = megatron_example(Schedule::gpipe);
  in.p2p_time = 0.5 * milliseconds;
  CHECK_THAT(ms(simulate(in).total_time), WithinRel(33.0 + 3.0, 1e-12));
}

TEST_CASE("a single stage never idles") {
  for (Schedule s : {Schedule::gpipe, Schedule::one_f_one_b}) {
    const Timeline t = simulate({.schedule = s,
                                 .shape = {.stages = 1, .microbatches = 5},
                                 .forward_time = 1.0 * milliseconds,
                                 .backward_time = 3.0 * milliseconds,
                                 .p2p_time = 1.0 * seconds});
    CHECK_THAT(ms(t.total_time), WithinRel(20.0, 1e-12));
    CHECK(t.bubble_fraction == 0.0);
    CHECK(t.p2p_sends == 0);
  }
}

TEST_CASE("simulated timelines match the closed forms for every schedule and shape") {
  REQUIRE(rc::check([] {
    const auto [schedule, shape] = test::any_scheduled_shape();
    const double forward_ms = *rc::gen::inRange(1, 100);
    const double backward_ms = forward_ms * *rc::gen::inRange(1, 4);
    const Timeline t = simulate({.schedule = schedule,
                                 .shape = shape,
                                 .forward_time = forward_ms * milliseconds,
                                 .backward_time = backward_ms * milliseconds});
    const int v = schedule == Schedule::interleaved_1f1b ? shape.virtual_stages : 1;
    PipelineShape closed = shape;
    closed.virtual_stages = v;
    // Measured bubble == (p-1)/(v m + p - 1); step == (1 + overhead) m (t_f + t_b).
    RC_ASSERT(std::abs(t.bubble_fraction - bubble_fraction(closed)) <= 1e-12);
    const double ideal = shape.microbatches * (forward_ms + backward_ms);
    RC_ASSERT(std::abs(ms(t.total_time) - ideal * (1.0 + bubble_overhead(closed))) <=
              1e-9 * ideal);
    // Peak in-flight micro-batches == held_microbatches, stage by stage.
    for (int i = 0; i < shape.stages; ++i)
      RC_ASSERT(std::abs(t.peak_in_flight[i] - held_microbatches(schedule, closed, i)) <= 1e-12);
    RC_ASSERT(t.p2p_sends == p2p_sends_per_step(schedule, shape));
    RC_ASSERT(t.slots.size() == static_cast<std::size_t>(2 * shape.stages * shape.microbatches * v));
  }));
}

TEST_CASE("ops never overlap on a device and respect their inputs") {
  REQUIRE(rc::check([] {
    const auto [schedule, shape] = test::any_scheduled_shape();
    const Timeline t = simulate({.schedule = schedule,
                                 .shape = shape,
                                 .forward_time = 1.0 * milliseconds,
                                 .backward_time = static_cast<double>(*rc::gen::inRange(1, 5)) * milliseconds,
                                 .p2p_time = *rc::gen::inRange(0, 3) * 0.25 * milliseconds});
    std::vector<double> last_end(shape.stages, 0.0);
    for (const TimelineSlot& s : t.slots) {  // sorted by start
      RC_ASSERT(ms(s.start) >= last_end[s.stage] - 1e-9);
      RC_ASSERT(ms(s.end) > ms(s.start));
      last_end[s.stage] = ms(s.end);
    }
  }));
}

TEST_CASE("timelines reject bad inputs naming the parameter") {
  TimelineInput in = megatron_example(Schedule::one_f_one_b);
  in.forward_time = 0.0 * seconds;
  REQUIRE_THROWS_WITH(simulate(in), "pipeline timeline: forward_time must be > 0 and finite (got 0 s)");
  in = megatron_example(Schedule::one_f_one_b);
  in.backward_time = -1.0 * seconds;
  REQUIRE_THROWS_WITH(simulate(in),
                      "pipeline timeline: backward_time must be > 0 and finite (got -1 s)");
  in = megatron_example(Schedule::one_f_one_b);
  in.p2p_time = -1.0 * seconds;
  REQUIRE_THROWS_WITH(simulate(in), "pipeline timeline: p2p_time must be >= 0 and finite (got -1 s)");
  in = megatron_example(Schedule::interleaved_1f1b, 2);
  in.shape.microbatches = 6;
  REQUIRE_THROWS_WITH(simulate(in),
                      "interleaved schedule: microbatches must be divisible by stages = 4 (got 6)");
  in = megatron_example(Schedule::one_f_one_b);
  in.shape = {.stages = 2048, .microbatches = 2048};
  REQUIRE_THROWS_WITH(simulate(in),
                      "pipeline timeline: 2 x stages x microbatches x virtual_stages must be <= "
                      "4194304 (got 8388608)");
}
