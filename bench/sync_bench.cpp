// The sync family: the expected synchronous step by quadrature of 1 - F(x)^N (log-normal step
// times, N = 1,000 and 100,000 workers), the exponential closed form for comparison, the seeded
// Monte Carlo (10^5 simulated steps of 100 workers) and the SSP simulation.
#include <benchmark/benchmark.h>

#include "paradox/sync/sync.hpp"
#include "paradox/units.hpp"

namespace {

using namespace paradox;

const sync::StepTime lognormal{.shape = sync::Shape::lognormal, .mean = 1.0 * seconds, .sigma = 0.5};
const sync::StepTime exponential{.shape = sync::Shape::exponential, .mean = 1.0 * seconds};

void expected_max_lognormal_quadrature(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sync::expected_max(lognormal, n));
}
BENCHMARK(expected_max_lognormal_quadrature)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void expected_max_persistent_stragglers_quadrature(benchmark::State& state) {
  sync::StepTime d = lognormal;
  d.slow_fraction = 0.05;
  d.slowdown_ratio = 2.0;
  d.persistence = sync::Persistence::per_worker;
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sync::expected_max(d, n));
}
BENCHMARK(expected_max_persistent_stragglers_quadrature)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void expected_max_exponential_closed_form(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sync::expected_max(exponential, n));
}
BENCHMARK(expected_max_exponential_closed_form)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void monte_carlo_max(benchmark::State& state) {
  const int samples = static_cast<int>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(sync::simulate_max(lognormal, 100, {.samples = samples, .seed = 1}));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 100);
}
BENCHMARK(monte_carlo_max)->Arg(100000)->Unit(benchmark::kMillisecond);

void ssp_simulation(benchmark::State& state) {
  const sync::Fleet fleet{.step_time = lognormal, .workers = 100};
  for (auto _ : state)
    benchmark::DoNotOptimize(sync::simulate_ssp(fleet, static_cast<int>(state.range(0)), {.steps = 10'000}));
}
BENCHMARK(ssp_simulation)->Arg(0)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace
