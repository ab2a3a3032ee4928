// `paradox bubble`: the pipeline bubble of p stages and m micro-batches (v model chunks per
// device for the interleaved schedule), as a share of the step and as overhead over the ideal
// compute, with what the schedule holds and sends.

#include "paradox/pipeline/pipeline.hpp"

#include <memory>
#include <string>

#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"

namespace paradox::cli::bubble_command {
namespace {

// Counts above this are no pipeline anyone runs; the bound keeps p2p sends within 64 bits.
constexpr int max_count = 1'000'000;

struct Flags {
  int stages = 1;
  int microbatches = 1;
  int virtual_stages = 1;
  int layers = 0;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_count(app, "--stages", flags->stages, "Pipeline stages p (devices in one pipeline)", 1,
            max_count)
      ->required();
  add_count(app, "--microbatches", flags->microbatches, "Micro-batches m per optimizer step", 1,
            max_count)
      ->required();
  add_count(app, "--virtual", flags->virtual_stages,
            "Model chunks v per device; > 1 selects the interleaved 1F1B schedule, which needs "
            "--microbatches divisible by --stages (default: 1)",
            1, max_count);
  CLI::Option* layers = add_count(
      app, "--layers", flags->layers,
      "Model layers L; checks that stages x virtual divides them and reports layers_per_chunk "
      "(default: not checked)",
      1, max_count);
  app.footer(
      "JSON keys: bubble_fraction = (p-1)/(v m + p - 1), the share of the step a stage sits "
      "idle (GPipe, Huang et al. 2019); bubble_overhead = (p-1)/(v m), idle time over ideal "
      "compute (Megatron-LM, Narayanan et al. 2021); they relate by f = x/(1+x). Also: "
      "schedule (1f1b, or interleaved when v > 1), stages, microbatches, virtual_stages, "
      "pipeline_efficiency = 1 - bubble_fraction, first_stage_microbatches_in_flight "
      "(activations the first stage holds, in micro-batches), p2p_sends_per_step (activations "
      "and gradients sent between devices), and layers_per_chunk with --layers.");

  return [flags, prefix, layers]() -> Report {
    const pipeline::PipelineShape shape{.stages = flags->stages,
                                        .microbatches = flags->microbatches,
                                        .virtual_stages = flags->virtual_stages};
    const bool interleaved = shape.virtual_stages > 1;
    if (interleaved && shape.microbatches % shape.stages != 0) {
      reject(prefix, "--microbatches",
             "be divisible by --stages = " + std::to_string(shape.stages) +
                 " with --virtual > 1 (interleaved schedule)",
             std::to_string(shape.microbatches));
    }
    const long long chunks = static_cast<long long>(shape.stages) * shape.virtual_stages;
    if (layers->count() > 0 && flags->layers % chunks != 0) {
      reject(prefix, "--layers",
             "be divisible by --stages x --virtual = " + std::to_string(chunks),
             std::to_string(flags->layers));
    }
    const pipeline::Schedule schedule =
        interleaved ? pipeline::Schedule::interleaved_1f1b : pipeline::Schedule::one_f_one_b;
    pipeline::check_schedule(schedule, shape);

    const double fraction = pipeline::bubble_fraction(shape);
    const double overhead = pipeline::bubble_overhead(shape);
    const double held = pipeline::held_microbatches(schedule, shape, 0);
    const long long sends = pipeline::p2p_sends_per_step(schedule, shape);

    Report report;
    report.json["bubble_fraction"] = fraction;
    report.json["bubble_overhead"] = overhead;
    report.json["schedule"] = std::string(pipeline::to_string(schedule));
    report.json["stages"] = shape.stages;
    report.json["microbatches"] = shape.microbatches;
    report.json["virtual_stages"] = shape.virtual_stages;
    report.json["pipeline_efficiency"] = 1.0 - fraction;
    report.json["first_stage_microbatches_in_flight"] = held;
    report.json["p2p_sends_per_step"] = sends;

    Table table({"quantity", "value", "definition"});
    table.add_row({"bubble fraction", number(fraction, 4), "(p-1)/(v m + p - 1) of the step idle"});
    table.add_row({"bubble overhead", number(overhead, 4), "(p-1)/(v m) over ideal compute"});
    table.add_row({"pipeline efficiency", number(1.0 - fraction, 4), "1 - bubble fraction"});
    table.add_row({"first stage holds", number(held, 4), "micro-batches of activations"});
    table.add_row({"p2p sends per step", std::to_string(sends), "activations + gradients"});
    if (layers->count() > 0) {
      const int per_chunk = pipeline::layers_per_chunk(flags->layers, shape);
      report.json["layers_per_chunk"] = per_chunk;
      table.add_row({"layers per chunk", std::to_string(per_chunk), "L / (p v)"});
    }
    report.text = std::string(pipeline::to_string(schedule)) + " schedule, p = " +
                  std::to_string(shape.stages) + " stages, m = " +
                  std::to_string(shape.microbatches) + " micro-batches, v = " +
                  std::to_string(shape.virtual_stages) + "\n" + table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "bubble",
     .summary = "Pipeline bubble: fraction of the step idle and overhead over ideal compute",
     .order = 40,
     .define = define});

}  // namespace
}  // namespace paradox::cli::bubble_command
