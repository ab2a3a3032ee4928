// Catalog lookups are linear scans over small constexpr arrays; this keeps an eye on them
// staying negligible next to the models that use their results.
#include <benchmark/benchmark.h>

#include "paradox/catalog/catalog.hpp"

namespace {

void BM_AcceleratorLookup(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(&paradox::catalog::accelerator("tpu-v4"));
}
BENCHMARK(BM_AcceleratorLookup);

void BM_LinkLookupRadio(benchmark::State& state) {
  // The worst case: a radio key is found after every wired link has been compared.
  for (auto _ : state) benchmark::DoNotOptimize(&paradox::catalog::link("ble-2m"));
}
BENCHMARK(BM_LinkLookupRadio);

void BM_TrackLookup(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(&paradox::catalog::track("tiny"));
}
BENCHMARK(BM_TrackLookup);

void BM_RadioEnergyPerBit(benchmark::State& state) {
  const paradox::RadioLink& lte = paradox::catalog::lte;
  for (auto _ : state) benchmark::DoNotOptimize(paradox::uplink_energy_per_bit(lte));
}
BENCHMARK(BM_RadioEnergyPerBit);

}  // namespace
