// Memory models: one call each (tens of nanoseconds), and a whole layout's worst stage.
#include <benchmark/benchmark.h>

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/memory/memory.hpp"

namespace {

using namespace paradox;

void zero_model_states(benchmark::State& state) {
  memory::ZeroInput in{.parameters = 7.5e9, .data_parallel = 64, .zero_stage = 2};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(memory::model_states(in));
  }
}
BENCHMARK(zero_model_states);

void layer_activations(benchmark::State& state) {
  memory::LayerActivationInput in{.seq_len = 2048, .micro_batch = 1, .hidden = 12288,
                                  .heads = 96, .tensor_parallel = 8, .sequence_parallel = true};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(memory::layer_activations(in));
  }
}
BENCHMARK(layer_activations);

void stage_activations(benchmark::State& state) {
  memory::StageActivationInput in{
      .layer = {.seq_len = 2048, .micro_batch = 1, .hidden = 12288, .heads = 96,
                .tensor_parallel = 8},
      .layers = 96,
      .schedule = pipeline::Schedule::interleaved_1f1b,
      .pipeline = {.stages = 8, .microbatches = 64, .virtual_stages = 3}};
  for (auto _ : state) {
    benchmark::DoNotOptimize(in);
    benchmark::DoNotOptimize(memory::stage_activations(in));
  }
}
BENCHMARK(stage_activations);

void stage_parameters(benchmark::State& state) {
  const compute::ParameterBreakdown parts = compute::parameter_breakdown(catalog::gpt3_175b);
  const memory::ModelParallel layout{.tensor_parallel = 8, .pipeline_parallel = 8};
  for (auto _ : state) {
    benchmark::DoNotOptimize(layout);
    benchmark::DoNotOptimize(memory::stage_parameters(parts, layout, 7));
  }
}
BENCHMARK(stage_parameters);

void fit_one_stage(benchmark::State& state) {
  const memory::TrainingMemoryInput in{.model = catalog::gpt3_175b,
                                       .accelerator = catalog::h100_sxm,
                                       .layout = {.tensor_parallel = 8, .pipeline_parallel = 8},
                                       .data_parallel = 64,
                                       .zero_stage = 1,
                                       .microbatches = 16,
                                       .sequence_parallel = true,
                                       .recompute = memory::Recomputation::selective};
  for (auto _ : state) benchmark::DoNotOptimize(memory::evaluate(in, 0));
}
BENCHMARK(fit_one_stage);

void fit_worst_stage(benchmark::State& state) {
  const memory::TrainingMemoryInput in{.model = catalog::gpt3_175b,
                                       .accelerator = catalog::h100_sxm,
                                       .layout = {.tensor_parallel = 8, .pipeline_parallel = 8},
                                       .data_parallel = 64,
                                       .zero_stage = 1,
                                       .microbatches = 16};
  for (auto _ : state) benchmark::DoNotOptimize(memory::worst_stage(in));
}
BENCHMARK(fit_worst_stage);

}  // namespace
