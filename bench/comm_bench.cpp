// Google Benchmark for the comm models: every one is a closed form, so cost() must stay at the
// nanosecond scale (a scaling sweep calls it once per worker count, the tuner once per algorithm).
#include <benchmark/benchmark.h>

#include <string>

#include "paradox/comm/bus_bandwidth.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/comm/point_to_point.hpp"

namespace {

using namespace paradox;
using namespace paradox::comm;

CollectiveInput make_input(Collective op, Algorithm algorithm, int ranks) {
  return {.op = op,
          .algorithm = algorithm,
          .message = 1.0 * gigabytes,
          .ranks = ranks,
          .link = {.bandwidth = 50.0 * gigabytes_per_second, .latency = 500.0 * nanoseconds},
          .gpus_per_node = 8,
          .intra_node = {.bandwidth = 450.0 * gigabytes_per_second, .latency = 1.0 * microseconds},
          .reduction_bandwidth = 1.0 * terabytes_per_second};
}

void BM_Cost(benchmark::State& state, Collective op, Algorithm algorithm) {
  CollectiveInput in = make_input(op, algorithm, static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(cost(in));
  }
}

void BM_PointToPoint(benchmark::State& state) {
  PointToPoint in{.message = 1.0 * megabytes,
                  .link = {.bandwidth = 50.0 * gigabytes_per_second, .latency = 500.0 * nanoseconds}};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(time(in));
  }
}

void BM_BusBandwidth(benchmark::State& state) {
  Bytes size = 1.0 * gigabytes;
  Seconds t = 35.007 * milliseconds;
  for (auto _ : state) {
    benchmark::DoNotOptimize(size);
    benchmark::DoNotOptimize(bus_bandwidth({Collective::allreduce, 1024, size, t}));
  }
}

// Register cost() for every supported (collective, algorithm) pair at 8 and 1024 ranks.
const bool registered = [] {
  for (Collective op : all_collectives) {
    for (Algorithm algorithm : supported_algorithms(op)) {
      const std::string name =
          "BM_Cost/" + std::string(to_string(op)) + "/" + std::string(to_string(algorithm));
      benchmark::RegisterBenchmark(name.c_str(), BM_Cost, op, algorithm)->Arg(8)->Arg(1024);
    }
  }
  return true;
}();

}  // namespace

BENCHMARK(BM_PointToPoint);
BENCHMARK(BM_BusBandwidth);
