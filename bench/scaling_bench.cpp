// Scaling curves: contiguous sweeps of 1..1024 and 1..100000 workers (one all-reduce evaluation
// per worker count), and the scan for the point of diminishing returns.
#include <benchmark/benchmark.h>

#include "paradox/scaling/scaling.hpp"
#include "paradox/units.hpp"

namespace {

using namespace paradox;

const Link ndr{.bandwidth = 400.0 * gigabits_per_second, .latency = 5.0 * microseconds};
const Link nvlink{.bandwidth = 450.0 * gigabytes_per_second, .latency = 1.0 * microseconds};

// 10^5 one-GPU nodes, one 400 Gb/s NIC each.
scaling::ScalingInput flat_job() {
  return {.compute_time = 640.0 * seconds,
          .gradient = 140.0 * gigabytes,
          .cluster = {.node = {.nic = ndr}, .nodes = 100'001},
          .overlap_fraction = 0.5};
}

// 12,501 nodes of 8 GPUs on NVLink sharing 4 NICs.
scaling::ScalingInput node_job() {
  auto job = flat_job();
  job.cluster = {.node = {.accelerators_per_node = 8, .intra_node = nvlink, .nic = ndr,
                          .nics_per_node = 4},
                 .nodes = 12'501};
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
  for (auto _ : state) benchmark::DoNotOptimize(scaling::diminishing_returns(job, 100000));
}
BENCHMARK(diminishing_returns)->Unit(benchmark::kMicrosecond);

void diminishing_returns_none_found(benchmark::State& state) {
  // No gradient: the scan runs to the end of 10^5 workers.
  auto job = flat_job();
  job.gradient = 0.0 * bytes;
  for (auto _ : state) benchmark::DoNotOptimize(scaling::diminishing_returns(job, 100000));
}
BENCHMARK(diminishing_returns_none_found)->Unit(benchmark::kMicrosecond);

void evaluate_one_point(benchmark::State& state) {
  const auto job = node_job();
  for (auto _ : state) benchmark::DoNotOptimize(scaling::evaluate(job, 64));
}
BENCHMARK(evaluate_one_point);

}  // namespace
