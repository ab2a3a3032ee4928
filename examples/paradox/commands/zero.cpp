// `paradox zero`: model states per device (weights, gradients, optimizer states) under ZeRO
// stage 0-3, in the ZeRO paper's accounting or DeepSpeed's stage-2 variant.

#include "paradox/memory/zero.hpp"

#include <memory>
#include <string>

#include "paradox/memory/communication.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::zero_command {
namespace {

// Above 10^18 parameters or bytes per parameter no result is meaningful.
constexpr double max_real = 1e18;

struct Flags {
  double parameters = 0.0;
  int dp = 1;
  int stage = 0;
  double weight_bytes = 2.0;
  double grad_bytes = 2.0;
  double optimizer_bytes = 12.0;
  std::string variant = "paper";
};

// A plain real number, > 0 (positive) or >= 0.
CLI::Option* add_real(CLI::App& app, const std::string& flag, double& target,
                      const std::string& description, bool positive) {
  text::Field field{command_prefix(app), flag};
  auto convert = [&target, field, positive](const std::string& value) {
    const double x = text::parse_number(value, field, 0.0, max_real);
    if (positive && !(x > 0.0)) reject(field, "be > 0", value);
    target = x;
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("NUMBER");
}

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  add_real(app, "--params", flags->parameters,
           "Parameters Psi held by one model-parallel rank (a plain number, e.g. 7.5e9)", true)
      ->required();
  add_count(app, "--dp", flags->dp, "Data-parallel degree Nd the states are sharded over", 1,
            100'000'000)
      ->required();
  add_count(app, "--stage", flags->stage,
            "ZeRO stage: 0 none, 1 optimizer states, 2 + gradients, 3 + parameters", 0, 3)
      ->required();
  add_real(app, "--weight-bytes", flags->weight_bytes,
           "Bytes per parameter of the weights (default: 2, fp16/bf16)", true);
  add_real(app, "--grad-bytes", flags->grad_bytes,
           "Bytes per parameter of the gradients (default: 2, fp16/bf16)", false);
  add_real(app, "--optimizer-bytes", flags->optimizer_bytes,
           "Bytes per parameter of the optimizer states K (default: 12, mixed-precision Adam: "
           "fp32 master, momentum, variance; SGD with momentum 8, 8-bit Adam 6)",
           false);
  add_choice(app, "--variant", flags->variant,
             "Stage-2 accounting: paper, 2 Psi + (2 + K) Psi/Nd (Rajbhandari et al. 2020), or "
             "deepspeed, 2 Psi + (2 + 4 + K) Psi/Nd with fp32 gradient partitions (DeepSpeed's "
             "estimate_zero2_model_states_mem_needs: 2 Psi + 18 Psi/Nd) (default: paper)",
             {"paper", "deepspeed"});
  app.footer(
      "JSON keys: bytes_per_device = weights_bytes + gradients_bytes + optimizer_bytes (one "
      "device's model states, bytes); parameters, dp, stage, variant, "
      "communication_bytes_per_step (ZeRO paper sec. 7: 2 Psi elements per step, 3 Psi for "
      "stage 3, at --weight-bytes per element). Example (ZeRO paper fig. 1: 7.5B parameters, "
      "64 GPUs, 120 / 31.4 / 16.6 / 1.9 GB for stages 0-3): paradox zero --params 7.5e9 --dp 64 "
      "--stage 2");

  return [flags]() -> Report {
    const memory::ZeroAccounting accounting = *memory::parse_zero_accounting(flags->variant);
    const memory::ModelStates states = memory::model_states(
        {.parameters = flags->parameters,
         .data_parallel = flags->dp,
         .zero_stage = flags->stage,
         .bytes = {.name = "custom",
                   .weights = flags->weight_bytes,
                   .gradients = flags->grad_bytes,
                   .optimizer = flags->optimizer_bytes},
         .accounting = accounting});
    const memory::CommunicationVolume volume = memory::communication_volume(
        {.parameters = flags->parameters,
         .zero_stage = flags->stage,
         .element_bytes = flags->weight_bytes});

    Report report;
    report.json["parameters"] = flags->parameters;
    report.json["dp"] = flags->dp;
    report.json["stage"] = flags->stage;
    report.json["variant"] = flags->variant;
    report.json["bytes_per_device"] = value_in<byte_unit>(states.total());
    report.json["weights_bytes"] = value_in<byte_unit>(states.weights);
    report.json["gradients_bytes"] = value_in<byte_unit>(states.gradients);
    report.json["optimizer_bytes"] = value_in<byte_unit>(states.optimizer);
    report.json["communication_bytes_per_step"] = value_in<byte_unit>(volume.total());

    Table table;
    table.align_left(1);
    table.add_row({"model states", "ZeRO stage " + std::to_string(flags->stage) + " (" +
                                       flags->variant + "), " + number(flags->parameters) +
                                       " parameters over " + std::to_string(flags->dp) +
                                       " data-parallel ranks"});
    table.add_row({"weights", show(states.weights)});
    table.add_row({"gradients", show(states.gradients)});
    table.add_row({"optimizer states", show(states.optimizer)});
    table.add_row({"per device", show(states.total())});
    table.add_row({"communication per step", show(volume.total())});
    report.text = table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "zero",
     .summary = "Model states per device under ZeRO stages 0-3 (weights, gradients, optimizer "
                "states)",
     .order = 45,
     .define = define});

}  // namespace
}  // namespace paradox::cli::zero_command
