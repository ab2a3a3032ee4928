// Compute models: FLOPs per token, Megatron's per-iteration count, MFU / HFU and the training
// time estimate. Each call is a handful of multiplications behind its input checks.
#include <benchmark/benchmark.h>

#include "paradox/catalog/models.hpp"
#include "paradox/compute/compute.hpp"
#include "paradox/units.hpp"

namespace {

using namespace paradox;

const compute::TokenFlopsInput palm{
    .parameters = 540.35e9,
    .attention = compute::AttentionTerm::full,
    .shape = {.layers = 118, .heads = 48, .head_dim = 256, .seq_len = 2048}};

void training_flops_per_token(benchmark::State& state) {
  compute::TokenFlopsInput in = palm;
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(compute::training_flops_per_token(in));
  }
}
BENCHMARK(training_flops_per_token);

void iteration_flops(benchmark::State& state) {
  compute::IterationShape shape = compute::iteration_shape(catalog::gpt3_175b, 1536);
  for (auto _ : state) {
    benchmark::DoNotOptimize(shape);
    benchmark::DoNotOptimize(compute::iteration_flops(shape, compute::Recomputation::full));
  }
}
BENCHMARK(iteration_flops);

void utilization(benchmark::State& state) {
  compute::UtilizationInput in{
      .tokens_per_second = 238.3e3,
      .model_flops_per_token = compute::training_flops_per_token(palm),
      .recomputed_flops_per_token =
          compute::recomputed_flops_per_token(palm, compute::Recomputation::full),
      .chips = 6144,
      .peak_per_chip = 275.0 * teraflop_per_second};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(compute::utilization(in));
  }
}
BENCHMARK(utilization);

void training_cost(benchmark::State& state) {
  compute::TrainingRun run{.setup = {.parameters = 175e9,
                                     .accelerators = 1024,
                                     .achieved_per_accelerator = 140.0 * teraflop_per_second,
                                     .recomputation = compute::Recomputation::full},
                           .tokens = 300e9,
                           .price_per_accelerator_hour = 1.8 * dollars_per_hour};
  for (auto _ : state) {
    benchmark::DoNotOptimize(run);
    benchmark::DoNotOptimize(compute::training_cost(run));
  }
}
BENCHMARK(training_cost);

}  // namespace
