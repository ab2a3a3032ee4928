// `paradox activations`: activation memory of a transformer layer for one micro-batch
// (Korthikanti et al. 2022, table 2), and of --layers such layers.

#include "paradox/memory/activations.hpp"

#include <memory>
#include <string>

#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::activations_command {
namespace {

// Shapes above these are no model anyone trains; they keep s b h within a double's integers.
constexpr int max_size = 10'000'000;

struct Flags {
  int seq = 1;
  int micro_batch = 1;
  int hidden = 1;
  int heads = 1;
  int tp = 1;
  bool sequence_parallel = false;
  std::string recompute = "none";
  int layers = 1;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_count(app, "--seq", flags->seq, "Sequence length s (tokens)", 1, max_size)->required();
  add_count(app, "--micro-batch", flags->micro_batch, "Micro-batch size b (sequences)", 1,
            max_size)
      ->required();
  add_count(app, "--hidden", flags->hidden, "Hidden size h", 1, max_size)->required();
  add_count(app, "--heads", flags->heads, "Attention heads a", 1, max_size)->required();
  add_count(app, "--tp", flags->tp, "Tensor-parallel degree t; must divide --heads (default: 1)",
            1, max_size);
  app.add_flag("--sequence-parallel", flags->sequence_parallel,
               "Shard the layer norms and dropouts along the sequence too (Korthikanti et al. "
               "2022, sec. 4.2.2) (default: off)");
  add_choice(app, "--recompute", flags->recompute,
             "Activation recomputation: none, selective (the attention core), full (only the "
             "layer input is kept) (default: none)",
             spellings(memory::all_recomputations));
  add_count(app, "--layers", flags->layers, "Transformer layers L held (default: 1)", 1,
            max_size);
  app.footer(
      "Korthikanti et al. 2022, table 2 (16-bit activations, 1-byte dropout masks): "
      "sbh(34 + 5as/h) without parallelism; sbh(10 + 24/t + 5as/(ht)) tensor parallel; "
      "sbh(34/t + 5as/(ht)) with sequence parallelism; selective recomputation drops the "
      "5as/(ht) term; full recomputation keeps 2sbh. JSON keys (bytes): bytes_per_layer (one "
      "layer, one micro-batch), bytes = bytes_per_layer x layers; also seq, micro_batch, "
      "hidden, heads, tp, sequence_parallel, recompute, layers. Example (a GPT-3 layer, 2.87 "
      "GB): paradox activations --seq 2048 --micro-batch 1 --hidden 12288 --heads 96");

  return [flags, prefix]() -> Report {
    if (flags->heads % flags->tp != 0) {
      reject(prefix, "--heads", "be divisible by --tp = " + std::to_string(flags->tp),
             std::to_string(flags->heads));
    }
    const Bytes per_layer = memory::layer_activations(
        {.seq_len = flags->seq,
         .micro_batch = flags->micro_batch,
         .hidden = flags->hidden,
         .heads = flags->heads,
         .tensor_parallel = flags->tp,
         .sequence_parallel = flags->sequence_parallel,
         .recompute = *memory::parse_recomputation(flags->recompute)});
    const Bytes total = per_layer * static_cast<double>(flags->layers);

    Report report;
    report.json["seq"] = flags->seq;
    report.json["micro_batch"] = flags->micro_batch;
    report.json["hidden"] = flags->hidden;
    report.json["heads"] = flags->heads;
    report.json["tp"] = flags->tp;
    report.json["sequence_parallel"] = flags->sequence_parallel;
    report.json["recompute"] = flags->recompute;
    report.json["layers"] = flags->layers;
    report.json["bytes_per_layer"] = value_in<byte_unit>(per_layer);
    report.json["bytes"] = value_in<byte_unit>(total);

    Table table;
    table.align_left(1);
    table.add_row({"layer", "s = " + std::to_string(flags->seq) + ", b = " +
                                std::to_string(flags->micro_batch) + ", h = " +
                                std::to_string(flags->hidden) + ", a = " +
                                std::to_string(flags->heads)});
    table.add_row({"parallelism", "t = " + std::to_string(flags->tp) +
                                      (flags->sequence_parallel ? ", sequence parallel" : "")});
    table.add_row({"recomputation", flags->recompute});
    table.add_row({"per layer", show(per_layer)});
    table.add_row({std::to_string(flags->layers) + (flags->layers == 1 ? " layer" : " layers"),
                   show(total)});
    report.text = table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "activations",
     .summary = "Activation memory per transformer layer (Korthikanti et al. 2022, table 2)",
     .order = 46,
     .define = define});

}  // namespace
}  // namespace paradox::cli::activations_command
