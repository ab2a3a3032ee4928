// `paradox layout`: one 3D-parallel layout (tensor x pipeline x data) of a catalog model on a
// cluster of catalog nodes: step time by part, tokens/s, MFU, HFU, the pipeline bubble, memory
// per GPU by part, and the level of the cluster each dimension's traffic crosses.

#include <cstdint>
#include <memory>
#include <string>

#include "commands/parallel_job.hpp"
#include "paradox/parallel/parallel.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::layout_command {
namespace {

namespace pj = parallel_job;

struct Flags {
  pj::Flags job;
  int tp = 1;
  int pp = 1;
  int micro_batch = 1;
  int virtual_stages = 1;
  int zero = 0;
  std::string recompute = "none";
  std::string layer_split = "even";
  bool sequence_parallel = false;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  pj::add_flags(app, flags->job);
  add_count(app, "--tp", flags->tp,
            "Tensor-parallel degree t (Megatron-LM); must divide the heads and kv heads", 1,
            pj::max_count)
      ->required();
  add_count(app, "--pp", flags->pp,
            "Pipeline-parallel degree pp (stages); dp = gpus / (tp x pp) must be whole", 1,
            pj::max_count)
      ->required();
  add_count(app, "--micro-batch", flags->micro_batch,
            "Micro-batch b in sequences; microbatches m = global-batch / (dp x b) must be whole "
            "(default: 1)",
            1, pj::max_count);
  add_count(app, "--virtual", flags->virtual_stages,
            "Model chunks v per device; > 1 selects the interleaved 1F1B schedule, which needs "
            "--pp >= 2 and microbatches divisible by --pp (default: 1, 1F1B)",
            1, pj::max_count);
  add_count(app, "--zero", flags->zero,
            "ZeRO stage over the data-parallel ranks: 0 none, 1 optimizer states, 2 + "
            "gradients, 3 + parameters (default: 0)",
            0, 3);
  add_choice(app, "--recompute", flags->recompute,
             "Activation recomputation: none, selective (Korthikanti et al. 2022) or full "
             "(default: none)",
             spellings(compute::all_recomputations));
  add_choice(app, "--layer-split", flags->layer_split,
             "How layers meet stages: even (pp x v divides the layers) or lighter-ends (first "
             "and last stage one layer fewer, Llama 3; pp x v divides layers + 2) (default: "
             "even)",
             {"even", "lighter-ends"});
  app.add_flag("--sequence-parallel", flags->sequence_parallel,
               "Sequence parallelism (Korthikanti et al. 2022); needs --tp >= 2 (default: off)");
  app.footer(
      "JSON keys: dp = gpus / (tp x pp); microbatches = global-batch / (dp x micro-batch); "
      "step_time_s = compute_s + tensor_parallel_s + context_parallel_s + pipeline_p2p_s + "
      "bubble_s + data_parallel_s (compute_s also holds the memory-bound element-wise work and "
      "the optimizer step at HBM bandwidth); tokens_per_s = global-batch x seq / step_time_s; "
      "mfu and hfu "
      "(PaLM's definition; hfu counts recomputation); bubble_fraction = (pp-1)/(v m + pp - 1); "
      "memory_per_gpu_bytes = weights_bytes + gradients_bytes + optimizer_bytes + "
      "activations_bytes + reserved_bytes of the most loaded GPU, against capacity_bytes "
      "(headroom_bytes, fits); tensor_level, context_level, pipeline_level, data_level: the "
      "level each dimension's traffic crosses (node, rack, pod or cluster); also tp, pp, cp, "
      "micro_batch, virtual, schedule, zero, recompute, sequence_parallel, layer_split, "
      "memory_stage, busiest_stage and the job (model, accelerator, fabric, gpus, "
      "gpus_per_node, nodes, global_batch, seq, achievable_fraction). Example (Llama 3 70B on "
      "8 DGX H100): paradox layout --model llama3-70b --accelerator h100-sxm --gpus 64 --tp 8 "
      "--pp 4 --global-batch 64 --virtual 4 --achievable-fraction 0.5");

  return [flags, prefix]() -> Report {
    const Flags& f = *flags;
    const parallel::TrainingJob job = pj::job(prefix, f.job);
    const std::int64_t model_parallel = static_cast<std::int64_t>(f.tp) * f.pp;
    if (f.job.gpus % model_parallel != 0)
      reject(prefix, "--gpus",
             "be divisible by --tp x --pp = " + std::to_string(model_parallel) +
                 " (dp = gpus / (tp x pp))",
             std::to_string(f.job.gpus));
    const int dp = static_cast<int>(f.job.gpus / model_parallel);
    const std::int64_t replica_batch = static_cast<std::int64_t>(dp) * f.micro_batch;
    if (f.job.global_batch % replica_batch != 0)
      reject(prefix, "--global-batch",
             "be divisible by dp x --micro-batch = " + std::to_string(dp) + " x " +
                 std::to_string(f.micro_batch) +
                 " (microbatches = global-batch / (dp x "
                 "micro-batch))",
             std::to_string(f.job.global_batch));
    const int m = static_cast<int>(f.job.global_batch / replica_batch);
    if (f.virtual_stages > 1 && f.pp < 2)
      reject(prefix, "--virtual", "be 1 when --pp = 1 (interleaving needs >= 2 stages)",
             std::to_string(f.virtual_stages));
    if (f.virtual_stages > 1 && m % f.pp != 0)
      reject(prefix, "--virtual",
             "be 1 unless microbatches = " + std::to_string(m) +
                 " is divisible by --pp = " + std::to_string(f.pp) + " (interleaved schedule)",
             std::to_string(f.virtual_stages));
    if (f.sequence_parallel && f.tp < 2)
      throw usage_error(prefix + ": --sequence-parallel needs --tp >= 2 (got --tp " +
                        std::to_string(f.tp) + ")");

    const parallel::Layout layout{
        .data_parallel = dp,
        .tensor_parallel = f.tp,
        .pipeline_parallel = f.pp,
        .virtual_stages = f.virtual_stages,
        .micro_batch = f.micro_batch,
        .microbatches = m,
        .zero_stage = f.zero,
        .recompute = *compute::parse_recomputation(f.recompute),
        .sequence_parallel = f.sequence_parallel,
        .schedule = f.virtual_stages > 1 ? pipeline::Schedule::interleaved_1f1b
                                         : pipeline::Schedule::one_f_one_b,
        .layer_split =
            f.layer_split == "even" ? memory::LayerSplit::even : memory::LayerSplit::lighter_ends};
    const parallel::Evaluation e = parallel::evaluate(job, layout);

    Report report;
    pj::describe(report.json, f.job, job);
    report.json.update(pj::evaluation(e));

    const auto& step = e.step;
    const auto share = [&](Seconds part) {
      return text::percent(value_in<second_unit>(part) / value_in<second_unit>(e.step_time()));
    };
    Table table({"quantity", "value", "note"});
    table.align_left(2);
    table.add_row({"step time", show(e.step_time()), "sum of the parts below"});
    table.add_row({"  compute", show(step.compute), share(step.compute)});
    table.add_row({"  tensor parallel", show(step.tensor_parallel),
                   share(step.tensor_parallel) + ", " + pj::level(e.placement.tensor)});
    table.add_row({"  context parallel", show(step.context_parallel),
                   share(step.context_parallel) + ", " + pj::level(e.placement.context)});
    table.add_row({"  pipeline p2p", show(step.pipeline_p2p),
                   share(step.pipeline_p2p) + ", " + pj::level(e.placement.pipeline)});
    table.add_row({"  bubble", show(step.bubble), share(step.bubble)});
    table.add_row({"  data parallel", show(step.data_parallel),
                   share(step.data_parallel) + ", " + pj::level(e.placement.data)});
    table.add_row({"tokens/s", count(e.tokens_per_second), "global batch x seq / step time"});
    table.add_row({"MFU", text::percent(e.mfu), "model FLOPs / cluster peak"});
    table.add_row({"HFU", text::percent(e.hfu), "with recomputed FLOPs"});
    table.add_row({"bubble fraction", number(e.bubble_fraction, 4), "(pp-1)/(v m + pp - 1)"});
    table.add_row({"memory per GPU", show(e.memory.total),
                   "stage " + std::to_string(e.memory.stage) + ", the most loaded"});
    table.add_row({"  weights", show(e.memory.weights), ""});
    table.add_row({"  gradients", show(e.memory.gradients), ""});
    table.add_row({"  optimizer states", show(e.memory.optimizer), ""});
    table.add_row({"  activations", show(e.memory.activations), ""});
    table.add_row({"capacity", show(e.memory.capacity), ""});
    table.add_row(
        {"headroom", pj::signed_bytes(e.memory.headroom), e.fits ? "fits" : "does not fit"});
    report.text = f.job.model + " on " + pj::cluster_text(f.job, job) + ": " + pj::degrees(layout) +
                  ", micro-batch " + std::to_string(f.micro_batch) + " x " + std::to_string(m) +
                  " microbatches, v = " + std::to_string(f.virtual_stages) + ", ZeRO " +
                  std::to_string(f.zero) + ", recompute " + f.recompute +
                  (f.sequence_parallel ? ", sequence parallel" : "") + "\n" + table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "layout",
     .summary = "One 3D-parallel layout of a catalog model: step time by part, tokens/s, MFU, "
                "memory per GPU",
     .order = 60,
     .define = define});

}  // namespace
}  // namespace paradox::cli::layout_command
