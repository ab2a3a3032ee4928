// `paradox params`: the parameter count of a GPT-style (Megatron-LM eq. 2) or Llama-style
// transformer, by part.

#include <limits>
#include <memory>
#include <string>

#include "paradox/compute/parameters.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"

namespace paradox::cli::params_command {
namespace {

constexpr int max_size = std::numeric_limits<int>::max();

struct Flags {
  int layers = 0;
  int hidden = 0;
  int vocab = 0;
  int seq = 0;
  std::string arch = "gpt";
  int heads = 1;
  int kv_heads = 1;
  int ffn_hidden = 1;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_count(app, "--layers", flags->layers, "Transformer layers L", 1, max_size)->required();
  add_count(app, "--hidden", flags->hidden, "Model (hidden) dimension h", 1, max_size)->required();
  add_count(app, "--vocab", flags->vocab, "Vocabulary size V (tokens)", 1, max_size)->required();
  add_count(app, "--seq", flags->seq,
            "Sequence length s (tokens); gpt counts its s x h learned positions, llama (rotary "
            "positions) has none",
            1, max_size)
      ->required();
  add_choice(app, "--arch", flags->arch,
             "gpt: Megatron-LM eq. 2, P = 12 L h^2 (1 + 13/(12h) + (V+s)/(12 L h)) (4h MLP, "
             "biases, LayerNorms, tied embeddings, learned positions); llama: grouped-query "
             "attention, SwiGLU MLP of --ffn-hidden, RMSNorm, no biases, untied embeddings "
             "(default: gpt)",
             {"gpt", "llama"});
  CLI::Option* heads = add_count(
      app, "--heads", flags->heads,
      "Query heads a (llama only, required there; must divide --hidden)", 1, max_size);
  CLI::Option* kv_heads = add_count(
      app, "--kv-heads", flags->kv_heads,
      "Key/value heads (llama only; must divide --heads; default: --heads, i.e. no grouped-query "
      "attention)",
      1, max_size);
  CLI::Option* ffn = add_count(app, "--ffn-hidden", flags->ffn_hidden,
                               "MLP inner width f (llama only, required there)", 1, max_size);
  app.footer(
      "JSON keys: parameters (the total), arch, embedding_parameters (V h), "
      "position_embedding_parameters (s h for gpt, 0 for llama), per_layer_parameters, layers, "
      "final_norm_parameters (0 for gpt: eq. 2 omits it; h for llama), lm_head_parameters (0 for "
      "gpt: tied to the embedding; V h for llama). Examples: paradox params --layers 96 "
      "--hidden 12288 --vocab 51200 --seq 2048 (GPT-3 as Megatron-LM counts it, 174.6e9); "
      "paradox params --arch llama --layers 32 --hidden 4096 --heads 32 --kv-heads 8 "
      "--ffn-hidden 14336 --vocab 128256 --seq 8192 (Llama 3 8B, 8.03e9).");

  return [flags, prefix, heads, kv_heads, ffn]() -> Report {
    const bool llama = flags->arch == "llama";
    if (!llama) {
      // Eq. 2 reads none of these: a flag that cannot take effect is an error.
      for (const CLI::Option* option : {heads, kv_heads, ffn}) {
        if (option->count() > 0) {
          throw usage_error(prefix + ": " + option->get_name() +
                            " needs --arch llama (--arch gpt counts Megatron-LM's eq. 2, which "
                            "does not depend on it)");
        }
      }
    } else {
      if (heads->count() == 0) throw usage_error(prefix + ": --heads is required with --arch llama");
      if (ffn->count() == 0) {
        throw usage_error(prefix + ": --ffn-hidden is required with --arch llama");
      }
      if (flags->hidden % flags->heads != 0) {
        reject(prefix, "--hidden", "be divisible by --heads = " + std::to_string(flags->heads),
               std::to_string(flags->hidden));
      }
      if (kv_heads->count() == 0) flags->kv_heads = flags->heads;
      if (flags->heads % flags->kv_heads != 0) {
        reject(prefix, "--heads", "be divisible by --kv-heads = " + std::to_string(flags->kv_heads),
               std::to_string(flags->heads));
      }
    }

    const TransformerSpec spec{
        .layers = flags->layers,
        .hidden = flags->hidden,
        .heads = flags->heads,
        .kv_heads = llama ? flags->kv_heads : flags->heads,
        .ffn_hidden = llama ? flags->ffn_hidden : 1,
        .vocab = flags->vocab,
        .seq_len = flags->seq,
        .architecture = llama ? Architecture::llama : Architecture::gpt};
    const compute::ParameterBreakdown parts = compute::parameter_breakdown(spec);
    const double per_layers = static_cast<double>(parts.layers) * parts.per_layer;

    Report report;
    report.json["parameters"] = parts.total();
    report.json["arch"] = flags->arch;
    report.json["embedding_parameters"] = parts.embedding;
    report.json["position_embedding_parameters"] = parts.position_embedding;
    report.json["per_layer_parameters"] = parts.per_layer;
    report.json["layers"] = parts.layers;
    report.json["final_norm_parameters"] = parts.final_norm;
    report.json["lm_head_parameters"] = parts.lm_head;

    Table table({"part", "parameters", "share"});
    table.align_left(0);
    const double total = parts.total();
    const auto row = [&](const std::string& name, double value) {
      table.add_row({name, count(value, 4), text::percent(value / total)});
    };
    row("token embedding (V h)", parts.embedding);
    if (!llama) row("position embedding (s h)", parts.position_embedding);
    row(std::to_string(parts.layers) + " layers x " + count(parts.per_layer, 4), per_layers);
    if (llama) {
      row("final norm (h)", parts.final_norm);
      row("LM head (V h, untied)", parts.lm_head);
    }
    table.add_row({"total", count(total, 4), "100.0%"});
    report.text = (llama ? std::string("llama-style transformer (grouped-query attention, SwiGLU)")
                         : std::string("gpt-style transformer (Megatron-LM eq. 2)")) +
                  ": " + number(total, 6) + " parameters\n" + table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "params",
     .summary = "Parameter count of a GPT-style (Megatron-LM eq. 2) or Llama-style transformer",
     .order = 30,
     .define = define});

}  // namespace
}  // namespace paradox::cli::params_command
