// Decentralized family: the spectral gap of large sparse graphs (Lanczos with Spectra on the
// Metropolis mixing matrix), the dense solver at the switch, the graph generators and one
// gossip round. Targets (issue 12): a 10,000-node graph's gap under 1 s and a 100,000-node
// graph's under 10 s on one core. Graphs are built outside the timed loop.
#include <benchmark/benchmark.h>

#include <cmath>

#include "paradox/decentralized/decentralized.hpp"

namespace {

using namespace paradox::decentralized;

// Spectral gap of a random 4-regular graph of N nodes (Metropolis weights), Lanczos.
void gap_random_regular(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const MixingMatrix w = mixing_matrix(random_regular(n, 4, 42), Weights::metropolis);
  for (auto _ : state) {
    const Spectrum s = spectrum(w, {.method = SpectrumMethod::lanczos});
    benchmark::DoNotOptimize(s.spectral_gap);
  }
  state.counters["gap"] = spectrum(w, {.method = SpectrumMethod::lanczos}).spectral_gap;
}
BENCHMARK(gap_random_regular)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Spectral gap of a random geometric graph at twice the connectivity radius (mean degree
// about 4 ln N), Lanczos. Geometric graphs have small gaps (~ r^2): the hard case; the
// 100,000-node case is in spectral_gap_bench.cpp (docs/decentralized.md).
void gap_random_geometric(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Graph g = random_geometric(n, 2.0 * connectivity_radius(n), 42);
  const MixingMatrix w = mixing_matrix(g, Weights::metropolis);
  for (auto _ : state) {
    const Spectrum s = spectrum(w, {.method = SpectrumMethod::lanczos});
    benchmark::DoNotOptimize(s.spectral_gap);
  }
  const Spectrum s = spectrum(w, {.method = SpectrumMethod::lanczos});
  state.counters["gap"] = s.spectral_gap;
  state.counters["converged"] = s.converged ? 1.0 : 0.0;
}
BENCHMARK(gap_random_geometric)->Arg(10'000)->Unit(benchmark::kMillisecond);

// The dense solver at the automatic switch (default_dense_limit = 1,000 nodes).
void gap_dense_at_switch(benchmark::State& state) {
  const MixingMatrix w =
      mixing_matrix(random_regular(default_dense_limit, 4, 42), Weights::metropolis);
  for (auto _ : state) {
    const Spectrum s = spectrum(w, {.method = SpectrumMethod::dense});
    benchmark::DoNotOptimize(s.spectral_gap);
  }
}
BENCHMARK(gap_dense_at_switch)->Unit(benchmark::kMillisecond);

// Lanczos at the same size, for the comparison that placed the switch.
void gap_lanczos_at_switch(benchmark::State& state) {
  const MixingMatrix w =
      mixing_matrix(random_regular(default_dense_limit, 4, 42), Weights::metropolis);
  for (auto _ : state) {
    const Spectrum s = spectrum(w, {.method = SpectrumMethod::lanczos});
    benchmark::DoNotOptimize(s.spectral_gap);
  }
}
BENCHMARK(gap_lanczos_at_switch)->Unit(benchmark::kMillisecond);

void generate_random_regular(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(random_regular(n, 4, 42).edges.size());
}
BENCHMARK(generate_random_regular)->Arg(100'000)->Unit(benchmark::kMillisecond);

void generate_random_geometric(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const double r = 2.0 * connectivity_radius(n);
  for (auto _ : state) benchmark::DoNotOptimize(random_geometric(n, r, 42).edges.size());
}
BENCHMARK(generate_random_geometric)->Arg(100'000)->Unit(benchmark::kMillisecond);

// 100 rounds of x <- W x on a 10,000-node random 4-regular graph.
void simulate_gossip(benchmark::State& state) {
  const MixingMatrix w = mixing_matrix(random_regular(10'000, 4, 42), Weights::metropolis);
  for (auto _ : state) benchmark::DoNotOptimize(simulate(w, 100, 7).observed_rate);
}
BENCHMARK(simulate_gossip)->Unit(benchmark::kMillisecond);

}  // namespace
