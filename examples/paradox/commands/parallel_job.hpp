/// @file
/// @brief What `paradox layout` and `paradox search` share: the flags that describe the training
/// job (catalog model, accelerator and fabric, GPU count, batch, sequence), the job they build,
/// and one layout's evaluation as JSON keys and table rows.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "paradox/catalog/catalog.hpp"
#include "paradox/parallel/parallel.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::parallel_job {

/// Counts above this are no cluster or batch anyone trains with; it keeps every product of
/// counts the models form inside 64 bits.
inline constexpr int max_count = 100'000'000;
/// Longest sequence accepted, in tokens (2^24, beyond any published training context).
inline constexpr int max_seq = 16'777'216;

/// The job's flags as read from the command line.
struct Flags {
  std::string model;
  std::string accelerator;
  std::string fabric = "ib-ndr";
  int gpus = 0;
  int gpus_per_node = 8;
  int seq = 0;
  int global_batch = 0;
  double achievable_fraction = 0.0;
  CLI::Option* seq_option = nullptr;
  CLI::Option* fraction_option = nullptr;
};

/// The catalog keys of `entries`, as add_choice takes them.
template <class Range>
[[nodiscard]] std::vector<std::string> keys(const Range& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.emplace_back(e.key);
  return out;
}

/// The catalog nodes' accelerators ("a100-80gb, h100-sxm, b200"), without repeats.
[[nodiscard]] inline std::string node_accelerators() {
  std::vector<std::string> seen;
  for (const Node& n : catalog::nodes) {
    const std::string key{n.accelerator.key};
    bool repeated = false;
    for (const std::string& s : seen) repeated = repeated || s == key;
    if (!repeated) seen.push_back(key);
  }
  return join(seen, ", ");
}

/// Adds --model, --accelerator, --gpus, --global-batch (required) and --gpus-per-node,
/// --fabric, --seq, --achievable-fraction.
inline void add_flags(CLI::App& app, Flags& f) {
  add_choice(app, "--model", f.model,
             "Transformer to train, a catalog key (paradox catalog --kind models)",
             keys(catalog::transformer_models))
      ->required();
  add_choice(app, "--accelerator", f.accelerator,
             "Accelerator, a catalog key with a catalog node (" + node_accelerators() +
                 "): the node's intra-node link is that node's NVLink generation",
             keys(catalog::accelerators))
      ->required();
  add_count(app, "--gpus", f.gpus,
            "Accelerators N in the cluster; a multiple of --gpus-per-node (nodes = N / "
            "gpus-per-node)",
            1, max_count)
      ->required();
  add_count(app, "--global-batch", f.global_batch,
            "Global batch B, in sequences per optimizer step (B = dp x micro-batch x "
            "microbatches)",
            1, max_count)
      ->required();
  add_count(app, "--gpus-per-node", f.gpus_per_node,
            "Accelerators per node, each with its own NIC as on a DGX (default: 8)", 1, 1024);
  add_choice(app, "--fabric", f.fabric,
             "Link of the inter-node NICs, a catalog wired-link key, one NIC per GPU (default: "
             "ib-ndr, InfiniBand NDR 400 Gb/s)",
             keys(catalog::links));
  f.seq_option =
      add_count(app, "--seq", f.seq,
                "Sequence length s in tokens (default: the model's training context)", 1, max_seq);
  f.fraction_option = add_fraction(
      app, "--achievable-fraction", f.achievable_fraction,
      "Share of the dense BF16 peak the matmuls reach, in (0, 1] (default: the accelerator's "
      "catalog figure; required when the catalog has none)");
}

/// The job the flags describe: the catalog node of the accelerator (its NVLink), with
/// --gpus-per-node GPUs and as many NICs of --fabric, nodes = gpus / gpus-per-node.
/// @throws usage_error naming the flag when the flags do not make a job
[[nodiscard]] inline parallel::TrainingJob job(const std::string& prefix, const Flags& f) {
  const Node* found = nullptr;
  for (const Node& n : catalog::nodes) {
    if (n.accelerator.key == f.accelerator) {
      found = &n;
      break;
    }
  }
  if (found == nullptr)
    reject(prefix, "--accelerator", "be one with a catalog node (" + node_accelerators() + ")",
           f.accelerator);
  if (f.gpus % f.gpus_per_node != 0)
    reject(prefix, "--gpus",
           "be a multiple of --gpus-per-node = " + std::to_string(f.gpus_per_node),
           std::to_string(f.gpus));
  Node node = *found;
  node.accelerators_per_node = f.gpus_per_node;
  node.nics_per_node = f.gpus_per_node;
  node.nic = catalog::wired_link(f.fabric);

  parallel::TrainingJob out;
  out.model = catalog::transformer_model(f.model);
  out.cluster = Cluster{.node = node, .nodes = f.gpus / f.gpus_per_node};
  out.global_batch = f.global_batch;
  if (f.seq_option->count() > 0) out.seq_len = f.seq;
  if (f.fraction_option->count() > 0) {
    if (!(f.achievable_fraction > 0.0))
      reject(prefix, "--achievable-fraction", "be in (0, 1]", number(f.achievable_fraction));
    out.achievable_fraction = f.achievable_fraction;
  } else if (!(node.accelerator.achievable_fraction > 0.0)) {
    throw usage_error(prefix + ": --achievable-fraction is required for --accelerator " +
                      f.accelerator +
                      " (the catalog has no achievable fraction of peak for it yet)");
  }
  parallel::validate(out);
  return out;
}

/// The job's description, the same keys for both commands.
inline void describe(nlohmann::json& j, const Flags& f, const parallel::TrainingJob& job) {
  j["model"] = f.model;
  j["accelerator"] = f.accelerator;
  j["fabric"] = f.fabric;
  j["gpus"] = f.gpus;
  j["gpus_per_node"] = f.gpus_per_node;
  j["nodes"] = job.cluster.nodes;
  j["global_batch"] = job.global_batch;
  j["seq"] = parallel::sequence_length(job);
  j["achievable_fraction"] = parallel::achievable_fraction(job);
}

/// "64 x h100-sxm (8 nodes of 8, ib-ndr)": the cluster, for the text report.
[[nodiscard]] inline std::string cluster_text(const Flags& f, const parallel::TrainingJob& job) {
  const int nodes = job.cluster.nodes;
  return std::to_string(f.gpus) + " x " + f.accelerator + " (" + std::to_string(nodes) +
         (nodes == 1 ? " node" : " nodes") + " of " + std::to_string(f.gpus_per_node) + ", " +
         f.fabric + ")";
}

/// "node", "rack", "pod" or "cluster".
[[nodiscard]] inline std::string level(Level l) { return std::string(to_string(l)); }

/// One evaluated layout: its choices, step time by part, throughput, utilization, memory by
/// part and the level each dimension crosses.
[[nodiscard]] inline nlohmann::json evaluation(const parallel::Evaluation& e) {
  const parallel::Layout& l = e.layout;
  nlohmann::json j;
  j["dp"] = l.data_parallel;
  j["tp"] = l.tensor_parallel;
  j["pp"] = l.pipeline_parallel;
  j["cp"] = l.context_parallel;
  j["micro_batch"] = l.micro_batch;
  j["microbatches"] = l.microbatches;
  j["virtual"] = l.virtual_stages;
  j["schedule"] = std::string(pipeline::to_string(l.schedule));
  j["zero"] = l.zero_stage;
  j["recompute"] = std::string(to_string(l.recompute));
  j["sequence_parallel"] = l.sequence_parallel;
  j["layer_split"] = std::string(memory::to_string(l.layer_split));
  j["step_time_s"] = value_in<second_unit>(e.step_time());
  j["compute_s"] = value_in<second_unit>(e.step.compute);
  j["tensor_parallel_s"] = value_in<second_unit>(e.step.tensor_parallel);
  j["context_parallel_s"] = value_in<second_unit>(e.step.context_parallel);
  j["pipeline_p2p_s"] = value_in<second_unit>(e.step.pipeline_p2p);
  j["bubble_s"] = value_in<second_unit>(e.step.bubble);
  j["data_parallel_s"] = value_in<second_unit>(e.step.data_parallel);
  j["tokens_per_s"] = e.tokens_per_second;
  j["mfu"] = e.mfu;
  j["hfu"] = e.hfu;
  j["bubble_fraction"] = e.bubble_fraction;
  j["memory_per_gpu_bytes"] = value_in<byte_unit>(e.memory.total);
  j["weights_bytes"] = value_in<byte_unit>(e.memory.weights);
  j["gradients_bytes"] = value_in<byte_unit>(e.memory.gradients);
  j["optimizer_bytes"] = value_in<byte_unit>(e.memory.optimizer);
  j["activations_bytes"] = value_in<byte_unit>(e.memory.activations);
  j["reserved_bytes"] = value_in<byte_unit>(e.memory.reserved);
  j["capacity_bytes"] = value_in<byte_unit>(e.memory.capacity);
  j["headroom_bytes"] = value_in<byte_unit>(e.memory.headroom);
  j["fits"] = e.fits;
  j["memory_stage"] = e.memory.stage;
  j["busiest_stage"] = e.busiest_stage;
  j["tensor_level"] = level(e.placement.tensor);
  j["context_level"] = level(e.placement.context);
  j["pipeline_level"] = level(e.placement.pipeline);
  j["data_level"] = level(e.placement.data);
  return j;
}

/// "tp 8 x pp 4 x dp 2": the layout's degrees, cp only when > 1.
[[nodiscard]] inline std::string degrees(const parallel::Layout& l) {
  std::string s =
      "tp " + std::to_string(l.tensor_parallel) + " x pp " + std::to_string(l.pipeline_parallel);
  if (l.context_parallel > 1) s += " x cp " + std::to_string(l.context_parallel);
  return s + " x dp " + std::to_string(l.data_parallel);
}

/// "12.3 GB" or "-4.1 GB" (show() of a negative size).
[[nodiscard]] inline std::string signed_bytes(Bytes b) {
  return b < Bytes{} ? "-" + show(-b) : show(b);
}

}  // namespace paradox::cli::parallel_job
