// Part 2 of the distributed-training lab, the parallelism puzzle: "Does pipeline parallelism
// increase or decrease the total memory footprint of your model weights across the cluster?"
// Then the 10-iteration rule: in at most ten tries, find a layout (tensor, pipeline and data
// degrees, micro-batches, ZeRO, recomputation) that fits the track's model in memory with a
// pipeline bubble below 10%; compare it with the layout search's best; reflect on the
// micro-batch count.
//
// Only the part's content lives here: its controls, the question, the tries, the search, the
// reflection, the verdict wording. The session (examples/common/paradox_lab) does the rest.
// Every number comes from paradox::parallel on the track's catalog cluster
// (catalog/clusters.hpp: layout_puzzles).

#include <algorithm>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/compute/parameters.hpp"
#include "paradox/io.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/session.hpp"
#include "paradox_text/errors.hpp"
#include "paradox_text/format.hpp"
#include "paradox_text/table.hpp"
#include "part2.hpp"

namespace {

using namespace paradox;
using namespace paradox::part2;
using text::percent;

constexpr int gauge_width = 40;  // characters for 0-40% of the step

bool prompts_for_tries(const Plan& p) { return p.tries.empty() && lab::stdin_is_terminal(); }

Plan prepare(lab::Session& s, const Controls& c) {
  Plan p = evaluate(s, c);
  s.ask({.question = "Does pipeline parallelism increase or decrease the total memory footprint "
                     "of your model weights across the cluster?",
         .choices = {{"increase", "increase: every stage keeps its own copy", {"more", "up"}},
                     {"decrease", "decrease", {"less", "down", "fewer"}},
                     {"same", "stays the same: the weights are only moved around",
                      {"unchanged", "equal"}}}});
  if (!prompts_for_tries(p)) add_figures(s, p, p.tries, outcome(p, p.tries));
  return p;
}

std::string gauge(double fraction) {
  const int filled = std::clamp(static_cast<int>(std::lround(100.0 * fraction)), 0, gauge_width);
  const int target = static_cast<int>(std::lround(100.0 * bubble_target));
  std::string bar = "[";
  for (int i = 0; i < gauge_width; ++i) {
    if (i == target) bar += '|';
    bar += i < filled ? '#' : '.';
  }
  bar += fraction * 100.0 > gauge_width ? ">" : "]";
  return bar;
}

std::string rate(double tokens_per_second) {
  return text::count(tokens_per_second, 3) + " tokens/s";
}

void print_try(std::ostream& out, const Plan& p, std::size_t index, const TryResult& r) {
  out << "TRY " << index + 1 << " of " << max_tries << ": " << r.spec.text << "\n";
  out << "  layout      " << describe(r.layout) << "\n";
  if (!r.valid()) {
    out << "  breaks a rule: " << r.reason << "\n  (it counts as a try)\n\n";
    return;
  }
  const parallel::Evaluation& e = *r.evaluation;
  const memory::FitResult& m = e.memory;
  const std::string noun = p.puzzle.device_noun;
  out << "  memory      " << to_string(m.total) << " per " << noun << " of "
      << to_string(m.capacity) << ": "
      << (m.fits ? "fits, headroom " + to_string(m.headroom)
                 : "does NOT fit, " + to_string(-1.0 * m.headroom) + " over")
      << "\n              weights " << to_string(m.weights) << ", gradients "
      << to_string(m.gradients) << ", optimizer " << to_string(m.optimizer)
      << ", activations " << to_string(m.activations) << " (stage " << m.stage << ")\n";
  out << "  bubble      " << gauge(e.bubble_fraction) << " " << percent(e.bubble_fraction)
      << (e.bubble_fraction <= bubble_target + 1e-12 ? " (at or below " : " (ABOVE ")
      << percent(bubble_target, 0) << ")\n";
  out << "  throughput  MFU " << percent(e.mfu) << ", HFU " << percent(e.hfu) << ", "
      << rate(e.tokens_per_second) << ", step " << to_string(e.step_time()) << "\n";
  const parallel::StepTime& st = e.step;
  out << "  step parts  compute " << to_string(st.compute) << " | TP " << to_string(st.tensor_parallel)
      << " (" << to_string(e.placement.tensor) << ") | PP sends " << to_string(st.pipeline_p2p)
      << " (" << to_string(e.placement.pipeline) << ") | bubble " << to_string(st.bubble)
      << " | DP " << to_string(st.data_parallel) << " (" << to_string(e.placement.data) << ")\n";
  out << "  verdict     "
      << (r.solves() ? "SOLVED: it fits and the bubble is at or below 10%"
          : !m.fits  ? "does not fit: more tp or pp, ZeRO, or recomputation"
                     : "fits, but the bubble is above 10%: more micro-batches (m) or v")
      << "\n\n";
}

void print_search(std::ostream& out, const Plan& p, const std::vector<TryResult>& tries,
                  const Outcome& o) {
  const parallel::SearchResult& r = p.search;
  // Layouts that differ only where it changes nothing (ZeRO with one replica) show once.
  std::vector<const parallel::Evaluation*> shown;
  for (const parallel::Evaluation& e : r.best) {
    if (static_cast<int>(shown.size()) == search_top) break;
    const auto key = [](const parallel::Evaluation& x) {
      parallel::Layout l = x.layout;
      if (l.data_parallel == 1) l.zero_stage = 0;
      return parallel::detail::key(l);
    };
    if (std::none_of(shown.begin(), shown.end(),
                     [&](const parallel::Evaluation* s) { return key(*s) == key(e); }))
      shown.push_back(&e);
  }
  out << "THE SEARCH (paradox::parallel::search: every valid layout, kept when it fits and its "
         "bubble is <= 10%)\n  "
      << r.layouts_evaluated << " layouts considered, " << r.feasible << " feasible. Best "
      << shown.size() << " by MFU:\n";
  text::Table t({"#", "tp", "pp", "dp", "mb", "m", "v", "zero", "recompute", "sp", "layers",
                 "memory", "bubble", "MFU", "tokens/s"});
  t.indent(2);
  t.align_left(8);
  t.align_left(10);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const parallel::Evaluation& e = *shown[i];
    const parallel::Layout& l = e.layout;
    t.add_row({std::to_string(i + 1), std::to_string(l.tensor_parallel),
               std::to_string(l.pipeline_parallel), std::to_string(l.data_parallel),
               std::to_string(l.micro_batch), std::to_string(l.microbatches),
               std::to_string(l.virtual_stages), std::to_string(l.zero_stage),
               std::string(compute::to_string(l.recompute)), l.sequence_parallel ? "on" : "off",
               l.layer_split == memory::LayerSplit::even ? "even" : "lighter ends",
               to_string(e.memory.total), percent(e.bubble_fraction), percent(e.mfu),
               text::count(e.tokens_per_second, 3)});
  }
  out << t.render();
  if (r.best.empty()) {
    out << "  No layout fits with a bubble at or below 10%.\n\n";
    return;
  }
  const double best = r.best.front().mfu;
  if (o.best && tries[*o.best].valid()) {
    const parallel::Evaluation& e = *tries[*o.best].evaluation;
    out << "  Your best: try " << *o.best + 1 << " (" << describe(tries[*o.best].layout)
        << "), MFU " << percent(e.mfu) << " = " << percent(e.mfu / best, 0)
        << " of the search's best " << percent(best)
        << (tries[*o.best].solves() ? "" : " (and it does not solve the puzzle)") << ".\n\n";
  } else {
    out << "  No valid try to compare: the search's best reaches MFU " << percent(best)
        << ".\n\n";
  }
}

void print_reflection(std::ostream& out, const Outcome& o) {
  out << "REFLECTION\n";
  if (!o.reference_evaluation) {
    out << "  No valid layout to reflect on.\n\n";
    return;
  }
  out << "  Your MFU is only " << percent(o.reference_evaluation->mfu)
      << ": change the micro-batch count to reclaim the idle cycles.\n  " << o.reference_origin
      << " (" << describe(o.reference) << ") at every micro-batch count the batch allows\n"
      << "  (dp x mb x m = global batch, so more micro-batches are smaller ones):\n";
  text::Table t({"m", "mb", "bubble", "MFU", "tokens/s", "memory", "fits"});
  t.indent(2);
  for (const MicrobatchRow& r : o.reflection) {
    if (!r.evaluation) {
      t.add_row({std::to_string(r.microbatches), std::to_string(r.micro_batch), "-", "-", "-",
                 "-", "invalid"},
                r.microbatches == o.reference.microbatches ? ">" : "");
      continue;
    }
    const parallel::Evaluation& e = *r.evaluation;
    t.add_row({std::to_string(r.microbatches), std::to_string(r.micro_batch),
               percent(e.bubble_fraction), percent(e.mfu), text::count(e.tokens_per_second, 3),
               to_string(e.memory.total), e.fits ? "yes" : "no"},
              r.microbatches == o.reference.microbatches ? ">" : "");
  }
  out << t.render() << "  > the layout reflected on. The bubble is (pp-1)/(v m + pp-1): it "
      << "falls as m grows,\n  while every micro-batch still pays its pipeline sends and, "
         "smaller, uses the device no better.\n\n";
}

void present(lab::Session& s, const Plan& p) {
  std::ostream& out = s.out();
  const Puzzle& z = p.puzzle;
  const parallel::TrainingJob& job = z.job;
  const Cluster& c = job.cluster;
  out << " The puzzle: train " << job.model.name << " ("
      << text::count(compute::parameters(job.model), 3) << " parameters, sequences of "
      << parallel::sequence_length(job) << " tokens, " << job.global_batch
      << " sequences per step) on " << z.cluster->name << ":\n " << z.devices << " "
      << z.device_plural << " of " << to_string(c.node.accelerator.hbm_capacity) << ", "
      << to_string(peak(c.node.accelerator, job.precision)) << " " << to_string(job.precision)
      << " at " << percent(parallel::achievable_fraction(job), 0) << " achievable; inside a node "
      << c.node.intra_node.name;
  if (c.nodes > 1)
    out << ", between nodes " << c.node.nic.name << " (" << nodes_per_rack(c)
        << " nodes per rack, " << racks_per_pod(c) << " racks per pod)";
  out << ".\n " << z.preset->note << ".\n\n";

  const lab::Prediction prediction = s.lock();
  out << "THE ANSWER (from the models)\n  Weights across the cluster at tp = "
      << (p.weights.empty() ? 1 : p.weights.front().tensor) << ", N = " << z.devices << " "
      << z.device_plural << " (ZeRO 0):\n";
  text::Table w({"pp", "dp (copies)", "weights per " + z.device_noun, "weights x N",
                 "all copies"});
  w.indent(2);
  for (const WeightsRow& r : p.weights)
    w.add_row({std::to_string(r.pipeline), std::to_string(r.data), to_string(r.per_device),
               to_string(static_cast<double>(z.devices) * r.per_device), to_string(r.cluster)});
  out << w.render()
      << "  Decrease. At a fixed N, pp stages leave d = N / (t pp) replicas: the cluster holds "
         "d copies\n  of the weights, so doubling pp halves them. The weights per "
      << z.device_noun << " shrink with pp as well (the\n  first and last stages keep the "
         "embeddings, hence 'weights x N' a little above 'all copies').\n  Pipelining does "
         "not copy weights, it moves them: grow N to keep d, and the total stays\n  the same.\n"
         "  You predicted: "
      << (prediction.answer ? *prediction.answer : "(nothing)") << ". Verdict: "
      << lab::verdict(prediction, "decrease", 0.0) << ".\n\n";

  out << "THE PUZZLE (the 10-iteration rule)\n  In at most " << max_tries
      << " tries, find a layout that fits in memory with a bubble at or below "
      << percent(bubble_target, 0) << ".\n  A try is " << try_syntax() << ".\n\n";

  std::vector<TryResult> tries = p.tries;
  const bool interactive = prompts_for_tries(p);
  if (interactive) {
    out << "  Type a try and press Enter; an empty line or 'done' ends.\n";
    while (static_cast<int>(tries.size()) < max_tries) {
      out << "  try " << tries.size() + 1 << "/" << max_tries << "> " << std::flush;
      std::string line;
      if (!std::getline(std::cin, line)) break;
      if (line.find_first_not_of(" \t") == std::string::npos || line == "done") break;
      try {
        tries.push_back(run_try(z, parse_try(line, {s.program(), "try"})));
      } catch (const text::usage_error& e) {
        out << "  " << e.what() << "\n  (not counted; try again)\n";
        continue;
      }
      out << "\n";
      print_try(out, p, tries.size() - 1, tries.back());
      if (tries.back().solves()) out << "  Solved in " << tries.size() << " tries.\n\n";
    }
    out << "\n";
  } else if (tries.empty()) {
    out << "  (no tries given: add --try " << "tp=8,pp=4,mb=1 or a scenario's [controls] "
        << "try list; stdin is not a terminal, so no prompt)\n\n";
  } else {
    for (std::size_t i = 0; i < tries.size(); ++i) print_try(out, p, i, tries[i]);
  }
  const auto solved = std::find_if(tries.begin(), tries.end(),
                                   [](const TryResult& r) { return r.solves(); });
  if (!tries.empty())
    out << "  "
        << (solved == tries.end()
                ? "Not solved in " + std::to_string(tries.size()) + " tr" +
                      (tries.size() == 1 ? "y" : "ies") + "."
                : "Solved at try " + std::to_string(solved - tries.begin() + 1) + ".")
        << "\n\n";

  const Outcome o = outcome(p, tries);
  print_search(out, p, tries, o);
  print_reflection(out, o);
  if (s.math()) math_peek(out, p, o);
  if (interactive) add_figures(s, p, tries, o);

  nlohmann::json tried = nlohmann::json::array();
  for (const TryResult& r : tries) {
    nlohmann::json j = {{"try", r.spec.text}, {"layout", describe(r.layout)}, {"valid", r.valid()}};
    if (r.valid()) {
      j["fits"] = r.evaluation->fits;
      j["bubble_fraction"] = r.evaluation->bubble_fraction;
      j["mfu"] = r.evaluation->mfu;
      j["solves"] = r.solves();
    } else {
      j["reason"] = r.reason;
    }
    tried.push_back(j);
  }
  const double best_search = p.search.best.empty() ? 0.0 : p.search.best.front().mfu;
  nlohmann::json best_try = nullptr;
  if (o.best) best_try = static_cast<int>(*o.best + 1);
  const std::string verdict = lab::verdict(prediction, "decrease", 0.0);
  s.record({{"tries", tried}, {"global_batch", job.global_batch}},
           {{"answer", "decrease"},
            {"solved", solved != tries.end()},
            {"best_try", best_try},
            {"best_try_mfu",
             o.best && tries[*o.best].valid() ? nlohmann::json(tries[*o.best].evaluation->mfu)
                                              : nlohmann::json(nullptr)},
            {"search_best_mfu", best_search},
            {"search_best_layout",
             p.search.best.empty() ? nlohmann::json(nullptr)
                                   : nlohmann::json(describe(p.search.best.front().layout))},
            {"feasible_layouts", p.search.feasible}},
           verdict);
}

}  // namespace

int main(int argc, char** argv) {
  Controls c;
  lab::Session session(
      {.program = "part2_parallelism_puzzle",
       .file_prefix = "part2",
       .title = "PART 2 - THE PARALLELISM PUZZLE",
       .about = "Part 2 of the distributed-training lab: the parallelism puzzle.\nDoes pipeline "
                "parallelism increase or decrease the total memory footprint of your model\n"
                "weights across the cluster? Then, in at most ten tries, find a layout that fits "
                "in\nmemory with a pipeline bubble below 10%, and compare it with the layout "
                "search's best.",
       .figure_hint = "(add --out DIR to draw the figures: memory heat map, bubble gauge, pipeline "
                      "schedules, 3D parallelism map, MFU vs micro-batch count)"});
  session.add_list(
      "--try",
      [&c](const std::string& value, const text::Field& f) {
        if (static_cast<int>(c.tries.size()) >= max_tries)
          text::reject(f, "be given at most " + std::to_string(max_tries) +
                              " times (the 10-iteration rule)",
                       std::to_string(max_tries + 1) + " tries");
        c.tries.push_back(parse_try(value, f));
      },
      "One try of the puzzle, repeatable up to " + std::to_string(max_tries) + " times: " +
          try_syntax() +
          ". Without any, a terminal prompts for them; otherwise none are run",
      "LAYOUT");
  session.add_count("--global-batch", c.global_batch,
                    "Sequences per optimizer step (default: the track's puzzle)", 1, 100'000'000);
  return session.run(
      argc, argv, [&c](lab::Session& s) { return prepare(s, c); }, present);
}
