// The energy family: one radio transfer and one sync (closed forms), the data-centre energy of
// a ring all-reduce, a day of battery, shared airtime, and a federated round whose straggler
// term is an order statistic (exponential closed form; log-normal by quadrature).
#include <benchmark/benchmark.h>

#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/energy/energy.hpp"
#include "paradox/units.hpp"

namespace {

using namespace paradox;

void radio_transfer(benchmark::State& state) {
  const energy::RadioTransfer in{.radio = catalog::lte, .size = 1.0 * megabytes};
  for (auto _ : state) benchmark::DoNotOptimize(energy::evaluate(in));
}
BENCHMARK(radio_transfer);

void radio_sync(benchmark::State& state) {
  const energy::RadioSync in{.radio = catalog::lte, .upload = 1.0 * megabytes,
                             .download = 1.0 * megabytes};
  for (auto _ : state) benchmark::DoNotOptimize(energy::evaluate(in));
}
BENCHMARK(radio_sync);

void allreduce_energy(benchmark::State& state) {
  const energy::CollectiveEnergyInput in{
      .collective = {.message = 1.0 * gigabytes,
                     .ranks = 1024,
                     .link = {.bandwidth = 50.0 * gigabytes_per_second,
                              .latency = 2.0 * microseconds,
                              .energy_per_bit = 10.0 * picojoules_per_bit}},
      .accelerator_power = 700.0 * watts};
  for (auto _ : state) benchmark::DoNotOptimize(energy::evaluate(in));
}
BENCHMARK(allreduce_energy);

void battery_day(benchmark::State& state) {
  const energy::DailyUse in{.device = catalog::ar_glasses,
                            .energy_per_sync = 2.2 * joules,
                            .sync_interval = 1.0 * hours,
                            .energy_per_inference = 3.0 * millijoules,
                            .inference_rate = 1.0 * hertz,
                            .day = 8.0 * hours};
  for (auto _ : state) {
    benchmark::DoNotOptimize(energy::evaluate(in));
    benchmark::DoNotOptimize(energy::min_sync_interval(in));
  }
}
BENCHMARK(battery_day);

void shared_airtime(benchmark::State& state) {
  const energy::SharedChannel ble = energy::shared_channel(catalog::ble_1m);
  for (auto _ : state) benchmark::DoNotOptimize(energy::star_airtime(8536.0 * bytes, 100, ble));
}
BENCHMARK(shared_airtime);

void federated_round(benchmark::State& state, sync::Shape shape) {
  const energy::FederatedRound in{
      .clients = 10000,
      .sampled = static_cast<int>(state.range(0)),
      .model = 102.4 * megabytes,
      .compression = {.quantization_bits = 8},
      .radio = catalog::nr_lowband,
      .local_compute = sync::StepTime{.shape = shape, .mean = 60.0 * seconds, .sigma = 0.5},
      .compute_power = 60.0 * watts,
      .deadline = 120.0 * seconds,
      .cell_uplink = 100.0 * megabits_per_second,
      .rounds = 100};
  for (auto _ : state) benchmark::DoNotOptimize(energy::evaluate(in));
}
BENCHMARK_CAPTURE(federated_round, exponential, sync::Shape::exponential)
    ->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(federated_round, lognormal_quadrature, sync::Shape::lognormal)
    ->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace
