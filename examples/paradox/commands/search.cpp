// `paradox search`: every valid 3D-parallel layout of a catalog model on a cluster of catalog
// nodes; the best by MFU among those that fit in memory and keep the pipeline bubble at or below
// a target, and the Pareto set of throughput against memory headroom.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "commands/parallel_job.hpp"
#include "paradox/parallel/parallel.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::search_command {
namespace {

namespace pj = parallel_job;

// More rows than anyone reads; the JSON of the best k stays small.
constexpr int max_top = 1000;
// The library's bound on worker threads.
constexpr int max_threads = 256;

struct Flags {
  pj::Flags job;
  double max_bubble = 0.10;
  int top = 10;
  int threads = 1;
  bool context_parallel = false;
};

// The table of evaluated layouts, one row each, best first.
std::string render(const std::vector<parallel::Evaluation>& rows) {
  Table table({"#", "tp", "pp", "cp", "dp", "b", "m", "v", "split", "ZeRO", "recompute", "SP",
               "step time", "tokens/s", "MFU", "bubble", "memory", "headroom", "levels t/p/d"});
  for (const std::size_t column : {8U, 10U, 11U, 18U}) table.align_left(column);
  int rank = 0;
  for (const parallel::Evaluation& e : rows) {
    const parallel::Layout& l = e.layout;
    table.add_row({std::to_string(++rank), std::to_string(l.tensor_parallel),
                   std::to_string(l.pipeline_parallel), std::to_string(l.context_parallel),
                   std::to_string(l.data_parallel), std::to_string(l.micro_batch),
                   std::to_string(l.microbatches), std::to_string(l.virtual_stages),
                   std::string(memory::to_string(l.layer_split)), std::to_string(l.zero_stage),
                   std::string(to_string(l.recompute)), l.sequence_parallel ? "yes" : "no",
                   show(e.step_time()), count(e.tokens_per_second), text::percent(e.mfu),
                   number(e.bubble_fraction, 3), show(e.memory.total),
                   pj::signed_bytes(e.memory.headroom),
                   pj::level(e.placement.tensor) + "/" + pj::level(e.placement.pipeline) + "/" +
                       pj::level(e.placement.data)});
  }
  return table.render();
}

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  pj::add_flags(app, flags->job);
  add_fraction(app, "--max-bubble", flags->max_bubble,
               "Keep layouts whose pipeline bubble fraction (pp-1)/(v m + pp - 1) is at most "
               "this, in [0, 1] (default: 0.10)");
  add_count(app, "--top", flags->top, "How many of the best layouts to print, by MFU (default: 10)",
            1, max_top);
  add_count(app, "--threads", flags->threads,
            "Worker threads; the result is the same for any number (default: 1)", 1, max_threads);
  app.add_flag("--context-parallel", flags->context_parallel,
               "Also search context parallelism cp > 1 (long-context training; default: cp = 1)");
  app.footer(
      "Searches tp over divisors of the GPUs that divide the heads and kv heads, pp over "
      "divisors whose layer split works (even or lighter-ends), dp = gpus / (tp x cp x pp) "
      "when it divides the batch, every micro-batch and v (1F1B or interleaved), ZeRO 0-3, "
      "recompute none|selective|full, sequence parallelism off/on. JSON keys: "
      "layouts_evaluated (valid layouts considered), feasible (of those, the ones that fit "
      "and meet --max-bubble), best (the best --top by MFU; ties: more headroom), pareto "
      "(feasible layouts no other beats on both tokens/s and memory headroom, fastest first); "
      "each element has the keys of `paradox layout` (dp, tp, pp, cp, micro_batch, "
      "microbatches, virtual, schedule, zero, recompute, sequence_parallel, layer_split, "
      "step_time_s and its parts, tokens_per_s, mfu, hfu, bubble_fraction, "
      "memory_per_gpu_bytes and its parts, fits, tensor_level, context_level, pipeline_level, "
      "data_level). Also max_bubble_fraction, top, context_parallel and the job (model, "
      "accelerator, fabric, gpus, gpus_per_node, nodes, global_batch, seq, "
      "achievable_fraction). Example: paradox search --model llama3-8b --accelerator h100-sxm "
      "--gpus 16 --global-batch 32 --achievable-fraction 0.5 --top 3");

  return [flags, prefix]() -> Report {
    const Flags& f = *flags;
    const parallel::TrainingJob job = pj::job(prefix, f.job);
    const parallel::SearchResult found =
        parallel::search(job, {.max_bubble_fraction = f.max_bubble,
                               .top = f.top,
                               .search_context_parallel = f.context_parallel,
                               .threads = f.threads});

    Report report;
    pj::describe(report.json, f.job, job);
    report.json["max_bubble_fraction"] = f.max_bubble;
    report.json["top"] = f.top;
    report.json["context_parallel"] = f.context_parallel;
    report.json["layouts_evaluated"] = found.layouts_evaluated;
    report.json["feasible"] = found.feasible;
    report.json["best"] = nlohmann::json::array();
    for (const parallel::Evaluation& e : found.best)
      report.json["best"].push_back(pj::evaluation(e));
    report.json["pareto"] = nlohmann::json::array();
    for (const parallel::Evaluation& e : found.pareto)
      report.json["pareto"].push_back(pj::evaluation(e));

    std::string text = f.job.model + " on " + pj::cluster_text(f.job, job) + ", global batch " +
                       std::to_string(f.job.global_batch) + " x " +
                       std::to_string(parallel::sequence_length(job)) +
                       " tokens: " + std::to_string(found.layouts_evaluated) +
                       " layouts evaluated, " + std::to_string(found.feasible) +
                       " fit with bubble <= " + number(f.max_bubble, 4) + "\n";
    if (found.best.empty()) {
      text += "no layout fits in memory with that bubble target\n";
    } else {
      text += "best by MFU:\n" + render(found.best);
      text += "Pareto set (tokens/s against headroom):\n" + render(found.pareto);
    }
    report.text = text;
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "search",
     .summary = "Search every 3D-parallel layout of a catalog model: the best by MFU that fit "
                "and meet a bubble target",
     .order = 61,
     .define = define});

}  // namespace
}  // namespace paradox::cli::search_command
