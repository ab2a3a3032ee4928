// Reliability models: one call each (nanoseconds); a node of three component kinds.
#include <benchmark/benchmark.h>

#include <array>

#include "paradox/memory/checkpoint.hpp"
#include "paradox/reliability/reliability.hpp"

namespace {

using namespace paradox;

void node_and_fleet_mtbf(benchmark::State& state) {
  const std::array<reliability::Component, 3> node{{{"gpu", 8, 50000.0 * hours},
                                                    {"nic", 2, 100000.0 * hours},
                                                    {"psu", 2, 200000.0 * hours}}};
  reliability::FleetInput in{.node_components = node, .nodes = 1250, .window = 1.0 * days};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(reliability::evaluate(in));
  }
}
BENCHMARK(node_and_fleet_mtbf);

void young_interval(benchmark::State& state) {
  Seconds delta = 60.0 * seconds;
  Seconds m = 50000.0 * hours;
  for (auto _ : state) {
    benchmark::DoNotOptimize(delta);
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(reliability::young_interval(delta, m));
  }
}
BENCHMARK(young_interval);

void daly_interval(benchmark::State& state) {
  Seconds delta = 60.0 * seconds;
  Seconds m = 50000.0 * hours;
  for (auto _ : state) {
    benchmark::DoNotOptimize(delta);
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(reliability::daly_interval(delta, m));
  }
}
BENCHMARK(daly_interval);

void checkpoint_plan(benchmark::State& state) {
  reliability::CheckpointInput in{.checkpoint_cost = 60.0 * seconds,
                                  .mtbf = 3.09 * hours,
                                  .restart = 10.0 * minutes};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(reliability::evaluate(in));
  }
}
BENCHMARK(checkpoint_plan);

void async_checkpoint_cost(benchmark::State& state) {
  const memory::CheckpointSize size = memory::checkpoint_size(405e9);
  Bandwidth storage = 2.0 * terabytes_per_second;
  for (auto _ : state) {
    benchmark::DoNotOptimize(storage);
    benchmark::DoNotOptimize(reliability::checkpoint_cost(
        size, storage, reliability::CheckpointMode::asynchronous, 10.0 * terabytes_per_second));
  }
}
BENCHMARK(async_checkpoint_cost);

}  // namespace
