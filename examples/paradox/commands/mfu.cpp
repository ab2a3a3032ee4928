// `paradox mfu`: model FLOPs utilization of a training run from its throughput (PaLM's
// definition), and its hardware FLOPs utilization when a recomputation is given.

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "paradox/compute/flops_per_token.hpp"
#include "paradox/compute/recomputation.hpp"
#include "paradox/compute/utilization.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::mfu_command {
namespace {

constexpr int max_size = std::numeric_limits<int>::max();

struct Flags {
  double tokens_per_second = 0.0;
  int chips = 1;
  FlopRate peak{};
  double params = 0.0;
  int layers = 1;
  int heads = 1;
  int head_dim = 1;
  int seq = 1;
  bool causal = false;
  std::string recompute = "none";
};

// A plain positive number ("238.3e3", "540.35e9"): one message for every way to miss.
CLI::Option* add_positive_number(CLI::App& app, const std::string& flag, double& target,
                                 const std::string& description) {
  const text::Field field{command_prefix(app), flag};
  auto convert = [&target, field](const std::string& value) {
    constexpr double huge = std::numeric_limits<double>::max();
    double parsed = 0.0;
    try {
      parsed = text::parse_number(value, field, -huge, huge);
    } catch (const usage_error&) {
      reject(field.who, field.name, "be a number > 0", value);
    }
    if (!(parsed > 0.0)) reject(field.who, field.name, "be a number > 0", value);
    target = parsed;
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("NUMBER");
}

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_positive_number(app, "--tokens-per-second", flags->tokens_per_second,
                      "Observed training throughput of the whole job, in tokens per second")
      ->required();
  add_count(app, "--chips", flags->chips, "Accelerators the job ran on", 1, max_size)->required();
  add_quantity(app, "--peak", flags->peak,
               "Dense peak of one accelerator at the training precision (H100 SXM bf16: "
               "989TFLOP/s, A100: 312TFLOP/s, TPU v4: 275TFLOP/s)")
      ->required();
  add_positive_number(app, "--params", flags->params,
                      "Model parameters N (a plain number: 540.35e9); weights cost 6N FLOPs per "
                      "token")
      ->required();
  const std::vector<CLI::Option*> attention{
      add_count(app, "--layers", flags->layers,
                "Layers L of PaLM's attention term 12 L H Q T (with --heads, --head-dim, --seq; "
                "default: the term is not counted)",
                1, max_size),
      add_count(app, "--heads", flags->heads, "Attention heads H of the attention term", 1,
                max_size),
      add_count(app, "--head-dim", flags->head_dim,
                "Head dimension Q of the attention term (as published: PaLM 540B 256)", 1,
                max_size),
      add_count(app, "--seq", flags->seq, "Sequence length T (tokens) of the attention term", 1,
                max_size)};
  CLI::Option* causal = app.add_flag(
      "--causal", flags->causal,
      "Count the causal attention term 6 L H Q T (half of PaLM's 12 L H Q T, which counts every "
      "query-key pair); needs the attention flags (default: full)");
  CLI::Option* recompute = add_choice(
      app, "--recompute", flags->recompute,
      "Activation recomputation, for HFU: none; selective (Korthikanti et al. 2022: the "
      "attention term counted once more, a small extra; needs the attention flags); full (one "
      "more forward pass: 2N + 4 L H Q T per token). Given, the report adds hfu (default: not "
      "reported)",
      spellings(compute::all_recomputations));
  app.footer(
      "JSON keys: mfu = tokens/s x flops_per_token / (chips x peak) (Chowdhery et al. 2022, "
      "PaLM, appendix B); flops_per_token = 6N (+ 12 L H Q T, or 6 L H Q T with --causal); "
      "attention (excluded, full or causal); model_flop_per_s; peak_flop_per_s (chips x peak); "
      "with --recompute also recompute, recomputed_flops_per_token, hardware_flop_per_s and "
      "hfu (>= mfu). Example (PaLM 540B, 46.2% MFU): paradox mfu --tokens-per-second 238.3e3 "
      "--chips 6144 --peak 275TFLOP/s --params 540.35e9 --layers 118 --heads 48 --head-dim 256 "
      "--seq 2048");

  return [flags, prefix, attention, causal, recompute]() -> Report {
    int given = 0;
    for (const CLI::Option* option : attention) given += option->count() > 0 ? 1 : 0;
    if (given > 0 && given < static_cast<int>(attention.size())) {
      for (const CLI::Option* option : attention) {
        if (option->count() == 0) {
          throw usage_error(prefix + ": " + option->get_name() +
                            " is required with the other attention flags (--layers, --heads, "
                            "--head-dim and --seq go together)");
        }
      }
    }
    const bool with_attention = given > 0;
    if (causal->count() > 0 && !with_attention) {
      throw usage_error(prefix +
                        ": --causal needs the attention term (--layers, --heads, --head-dim, "
                        "--seq)");
    }
    const compute::Recomputation recomputation = *compute::parse_recomputation(flags->recompute);
    if (recomputation == compute::Recomputation::selective && !with_attention) {
      throw usage_error(prefix +
                        ": --recompute selective needs the attention term (--layers, --heads, "
                        "--head-dim, --seq): selective recomputation repeats attention work");
    }

    const compute::TokenFlopsInput model{
        .parameters = flags->params,
        .attention = !with_attention ? compute::AttentionTerm::excluded
                     : flags->causal ? compute::AttentionTerm::causal
                                     : compute::AttentionTerm::full,
        .shape = {.layers = flags->layers,
                  .heads = flags->heads,
                  .head_dim = flags->head_dim,
                  .seq_len = flags->seq}};
    const FlopCount per_token = compute::training_flops_per_token(model);
    const FlopCount attention_part =
        compute::attention_flops_per_token(model.shape, model.attention);
    const FlopCount recomputed = compute::recomputed_flops_per_token(model, recomputation);
    const compute::Utilization u =
        compute::utilization({.tokens_per_second = flags->tokens_per_second,
                              .model_flops_per_token = per_token,
                              .recomputed_flops_per_token = recomputed,
                              .chips = flags->chips,
                              .peak_per_chip = flags->peak});

    Report report;
    report.json["mfu"] = u.mfu;
    report.json["flops_per_token"] = value_in<flop_unit>(per_token);
    report.json["attention"] = compute::to_string(model.attention);
    report.json["model_flop_per_s"] = value_in<flop_per_second_unit>(u.model_flop_rate);
    report.json["peak_flop_per_s"] = value_in<flop_per_second_unit>(u.peak_flop_rate);

    Table table;
    table.align_left(1);
    table.add_row({"model FLOPs per token",
                   show(per_token) + "  (6N = " + show(compute::parameter_flops_per_token(
                                                      flags->params)) +
                       (with_attention ? ", attention " + std::string(compute::to_string(
                                                              model.attention)) +
                                             " = " + show(attention_part)
                                       : std::string(", attention not counted")) +
                       ")"});
    table.add_row({"throughput", count(flags->tokens_per_second, 4) + " tokens/s"});
    table.add_row({"model FLOP/s", show(u.model_flop_rate)});
    table.add_row({"peak", std::to_string(flags->chips) + " x " + show(flags->peak) + " = " +
                               show(u.peak_flop_rate)});
    table.add_row({"MFU", text::percent(u.mfu)});
    if (recompute->count() > 0) {
      report.json["recompute"] = flags->recompute;
      report.json["recomputed_flops_per_token"] = value_in<flop_unit>(recomputed);
      report.json["hardware_flop_per_s"] = value_in<flop_per_second_unit>(u.hardware_flop_rate);
      report.json["hfu"] = u.hfu;
      table.add_row({"recomputed per token", show(recomputed) + "  (" + flags->recompute + ")"});
      table.add_row({"HFU", text::percent(u.hfu)});
    }
    report.text = table.render();
    if (u.mfu > 1.0) {
      report.text += "note: MFU above 100%: the throughput claims more FLOP/s than the peak\n";
    }
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "mfu",
     .summary = "Model (and hardware) FLOPs utilization of a training run from its throughput",
     .order = 31,
     .define = define});

}  // namespace
}  // namespace paradox::cli::mfu_command
