// Part 2's Math Peek (--math): the formulas behind the tries, their sources, and the reference
// layout's numbers plugged in.

#include <ostream>
#include <string>

#include "paradox/compute/parameters.hpp"
#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "part2.hpp"

namespace paradox::part2 {

void math_peek(std::ostream& out, const Plan& p, const Outcome& o) {
  const parallel::TrainingJob& job = p.puzzle.job;
  const Accelerator& a = job.cluster.node.accelerator;
  out << "MATH PEEK (--math)\n"
      << "  N = d t pp devices (d data-parallel replicas, t tensor, pp pipeline stages); global "
         "batch B = d b m\n  (b sequences per micro-batch, m micro-batches); s tokens per "
         "sequence; v virtual stages.\n\n"
      << "  MFU = achieved model FLOP/s / peak = F_model B s / (T N R_peak)\n"
      << "    F_model = 6 P + 12 L h s per token (PaLM, Chowdhery et al. 2022, appendix B; "
         "Megatron-LM\n    eq. 3 counts the same attention term); HFU adds the recomputed FLOPs.\n"
      << "  Bubble (share of the pipeline's time) = (pp - 1) / (v m + pp - 1)\n"
      << "    (Narayanan et al. 2021, SC21, sec. 2.2: pp - 1 idle slots of v m + pp - 1; the "
         "MLSys\n    textbook's (pp-1)/m is the overhead over the ideal time instead).\n"
      << "  Memory per device (the most loaded stage; ZeRO paper, Rajbhandari et al. 2020, sec. "
         "3.1;\n  Korthikanti et al. 2022, table 2):\n"
      << "    weights 2 P_stage/t + gradients 2 P_stage/t + Adam 12 P_stage/t, each divided by d "
         "from\n    ZeRO stage 3, 2 and 1 on; activations s b h (34 + 5 a s / h) per layer for "
         "the micro-batches\n    in flight (pp on stage 0 under 1F1B), less with sequence "
         "parallelism and recomputation.\n"
      << "  Step time by part (MODELS.md sec. 5): T = m (compute + TP collectives) + PP sends "
         "+ bubble\n    + exposed DP; compute = 6 P_stage b s / (t R_peak f) per micro-batch; "
         "bubble = (pp - 1)\n    slots of one micro-batch's work and its two sends; TP: 4 ring "
         "all-reduces of b s h per layer\n    on the level the tensor group spans; DP: one ring "
         "all-reduce of the stage's gradients.\n\n";
  if (o.reference_evaluation) {
    const parallel::Evaluation& e = *o.reference_evaluation;
    const parallel::Layout& l = o.reference;
    out << "  With your numbers (" << o.reference_origin << ": " << describe(l) << "):\n"
        << "    P = " << text::count(compute::parameters(job.model), 4) << ", L = "
        << job.model.layers << ", h = " << job.model.hidden << ", s = "
        << parallel::sequence_length(job) << ", B = " << job.global_batch << ", N = "
        << p.puzzle.devices << ", R_peak = " << to_string(peak(a, job.precision)) << ", f = "
        << text::percent(parallel::achievable_fraction(job), 0) << "\n"
        << "    bubble = (" << l.pipeline_parallel << " - 1) / ("
        << (l.schedule == pipeline::Schedule::interleaved_1f1b ? l.virtual_stages : 1) << " x "
        << l.microbatches << " + " << l.pipeline_parallel << " - 1) = "
        << text::percent(e.bubble_fraction) << "; step " << to_string(e.step_time())
        << "; MFU " << text::percent(e.mfu) << "; memory " << to_string(e.memory.total)
        << " of " << to_string(e.memory.capacity) << "\n";
  }
  out << "    device source: " << a.provenance.source << " (" << to_string(a.provenance.kind)
      << ")\n    cluster source: " << p.puzzle.cluster->provenance.source << " ("
      << to_string(p.puzzle.cluster->provenance.kind) << ")\n    batch source: "
      << p.puzzle.preset->provenance.source << " ("
      << to_string(p.puzzle.preset->provenance.kind) << ")\n\n";
}

}  // namespace paradox::part2
