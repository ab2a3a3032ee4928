// Scaling curves: contiguous sweeps of 1..1024 and 1..100000 workers (one all-reduce evaluation
// per worker count), and the scan for the point of diminishing returns.
#include <benchmark/benchmark.h>

#include "paradox/scaling/scaling.hpp"
#include "paradox/units.hpp"

namespace {

using namespace paradox;

scaling::ScalingInput flat_job() {
  return {.compute_time = 640.0 * seconds,
          .gradient = 140.0 * gigabytes,
          .link = {.latency = 5.0 * microseconds, .bandwidth = 400.0 * gigabits_per_second},
          .overlap_fraction = 0.5};
}

scaling::ScalingInput node_job() {
  auto job = flat_job();
  job.gpus_per_node = 8;
  job.intra_node = {.latency = 1.0 * microseconds, .bandwidth = 450.0 * gigabytes_per_second};
  return job;
}

void sweep_flat(benchmark::State& state) {
  const auto job = flat_job();
  const int max_workers = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(scaling::sweep(job, max_workers));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(sweep_flat)->Arg(1024)->Arg(100000)->Unit(benchmark::kMicrosecond);

void sweep_hierarchical(benchmark::State& state) {
  const auto job = node_job();
  const int max_workers = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(scaling::sweep(job, max_workers));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(sweep_hierarchical)->Arg(1024)->Arg(100000)->Unit(benchmark::kMicrosecond);

void diminishing_returns(benchmark::State& state) {
  const auto job = flat_job();
  for (auto _ : state) benchmark::DoNotOptimize(scaling::diminishing_returns_workers(job, 100000));
}
BENCHMARK(diminishing_returns)->Unit(benchmark::kMicrosecond);

void diminishing_returns_none_found(benchmark::State& state) {
  // No gradient: the scan runs to the end of 10^5 workers.
  auto job = flat_job();
  job.gradient = 0.0 * bytes;
  for (auto _ : state) benchmark::DoNotOptimize(scaling::diminishing_returns_workers(job, 100000));
}
BENCHMARK(diminishing_returns_none_found)->Unit(benchmark::kMicrosecond);

void evaluate_one_point(benchmark::State& state) {
  const auto job = node_job();
  for (auto _ : state) benchmark::DoNotOptimize(scaling::evaluate(job, 64));
}
BENCHMARK(evaluate_one_point);

}  // namespace
