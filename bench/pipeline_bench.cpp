// Pipeline models: the closed forms (bubble fraction and overhead, held micro-batches, p2p
// sends) and a timeline simulation of p = 16 stages and m = 64 micro-batches per schedule.
#include <benchmark/benchmark.h>

#include "paradox/pipeline/pipeline.hpp"
#include "paradox/units.hpp"

namespace {

using namespace paradox;
using namespace paradox::pipeline;

void bubble_fraction_closed_form(benchmark::State& state) {
  PipelineShape shape{.stages = 16, .microbatches = 64, .virtual_stages = 2};
  for (auto _ : state) {
    benchmark::DoNotOptimize(shape);
    benchmark::DoNotOptimize(bubble_fraction(shape));
  }
}
BENCHMARK(bubble_fraction_closed_form);

void bubble_overhead_closed_form(benchmark::State& state) {
  PipelineShape shape{.stages = 16, .microbatches = 64, .virtual_stages = 2};
  for (auto _ : state) {
    benchmark::DoNotOptimize(shape);
    benchmark::DoNotOptimize(bubble_overhead(shape));
  }
}
BENCHMARK(bubble_overhead_closed_form);

void held_microbatches_interleaved(benchmark::State& state) {
  PipelineShape shape{.stages = 16, .microbatches = 64, .virtual_stages = 2};
  for (auto _ : state) {
    benchmark::DoNotOptimize(shape);
    benchmark::DoNotOptimize(held_microbatches(Schedule::interleaved_1f1b, shape, 3));
  }
}
BENCHMARK(held_microbatches_interleaved);

void p2p_sends_interleaved(benchmark::State& state) {
  PipelineShape shape{.stages = 16, .microbatches = 64, .virtual_stages = 2};
  for (auto _ : state) {
    benchmark::DoNotOptimize(shape);
    benchmark::DoNotOptimize(p2p_sends_per_step(Schedule::interleaved_1f1b, shape));
  }
}
BENCHMARK(p2p_sends_interleaved);

// Arg: 0 GPipe, 1 1F1B, 2 interleaved (v = 2); p = 16, m = 64.
void simulate_p16_m64(benchmark::State& state) {
  const auto schedule = static_cast<Schedule>(state.range(0));
  const TimelineInput input{.schedule = schedule,
                            .shape = {.stages = 16, .microbatches = 64, .virtual_stages = 2},
                            .forward_time = 1.0 * milliseconds,
                            .backward_time = 2.0 * milliseconds,
                            .p2p_time = 20.0 * microseconds};
  for (auto _ : state) benchmark::DoNotOptimize(simulate(input));
  const int v = schedule == Schedule::interleaved_1f1b ? 2 : 1;
  state.SetItemsProcessed(state.iterations() * 2 * 16 * 64 * v);
}
BENCHMARK(simulate_p16_m64)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

}  // namespace
