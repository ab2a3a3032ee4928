// Part 1 of the distributed-training lab, the communication wall: "If you move from 8 GPUs to
// 64 GPUs, will your training time decrease by exactly 8x? Why or why not?"
//
// Only the part's content lives here: its controls, the question, the instruments (the models'
// answer, the scaling table, the point of diminishing returns on both networks), the verdict
// wording, the Math Peek and the figure. The session (examples/common/paradox_lab) does the
// rest: common flags, scenario files, the prediction lock, files and errors. Every number comes
// from paradox::scaling on the track's own Cluster for each network.

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>

#include "paradox/figures/scaling_efficiency.hpp"
#include "paradox/io.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/strong_weak.hpp"
#include "paradox_lab/session.hpp"
#include "paradox_text/format.hpp"
#include "paradox_text/table.hpp"
#include "part1.hpp"

namespace {

using namespace paradox;
using namespace paradox::part1;
using lab::Comparison;
using lab::count_of;
using lab::NetworkChoice;
using text::percent;

// The question and the figure; the numbers come from part1::evaluate (plan.cpp).
Plan prepare(lab::Session& s, const Controls& c) {
  const Plan p = evaluate(s, c);
  const lab::LabTrack& t = s.track();
  const std::string& ideal = p.ideal_text;
  s.ask({.question = "If you move from " + count_of(p.base, t) + " to " + count_of(p.nodes, t) +
                     " on " + lab::network_name(t, p.choice) +
                     ", will your training time decrease by exactly " + ideal + "? Why or why not?",
         .choices = {{"exact", "yes, exactly " + ideal + " faster", {"exactly", "yes"}},
                     {"less", "no, less than " + ideal + " faster", {"no"}},
                     {"more", "no, more than " + ideal + " faster", {"superlinear"}}},
         .number_hint = "or type the speedup you expect, e.g. 5.5"});
  const catalog::TrackWorkload& w = t.track.workload;
  const figures::ScalingEfficiencyFigure fig =
      figures::build({.title = std::string(t.track.name) + ": throughput vs " + t.worker_plural +
                               " (" + to_string(p.chosen().gradient) +
                               (p.edge() ? " synchronised per step)" : " all-reduced per step)"),
                      .worker_label = lab::capitalised(t.worker_plural),
                      .networks = {{lab::network_label(t, networks[0]), p.input[0], "#d62728",
                                    p.communication(networks[0])},
                                   {lab::network_label(t, networks[1]), p.input[1], "#1f77b4",
                                    p.communication(networks[1])}},
                      .max_workers = p.max_nodes,
                      .threshold = threshold,
                      .samples_per_step = std::llround(std::clamp(w.global_batch, 0.0, 1e15)),
                      .sample_unit = w.batch_unit.empty() ? "samples" : std::string(w.batch_unit),
                      .highlight_workers = p.nodes});
  s.add_figure("scaling_efficiency", fig.figure);
  return p;
}

// Issue 12: the edge tracks in seconds and joules, and battery per day.
void one_sync(std::ostream& out, const lab::LabTrack& t, const Plan& p) {
  const EdgePattern& e = p.chosen_pattern();
  const DeviceSync& d = *p.device_sync;
  const std::string noun(t.track.worker_noun);
  out << "ONE SYNC (per " << noun << ", energy::evaluate(RadioSync) at N = " << p.nodes
      << ")\n  priced as: " << e.priced_as << "\n  shared:    " << e.sharing << "\n  time      "
      << to_string(p.to.communication_time) << " for the round; this " << noun << " sends "
      << to_string(d.upload) << " at " << format_bits(d.up_rate) << " and receives "
      << to_string(d.download) << " at " << format_bits(d.down_rate) << "\n"
      << "  energy    " << text::number(value_in<joule_unit>(d.sync.total), 4) << " J per sync ("
      << "promotion " << text::number(value_in<joule_unit>(d.sync.promotion), 3) << " J, upload "
      << text::number(value_in<joule_unit>(d.sync.upload), 3) << " J, download "
      << text::number(value_in<joule_unit>(d.sync.download), 3) << " J, tail "
      << text::number(value_in<joule_unit>(d.sync.tail), 3) << " J)\n"
      << "  power     " << to_string(d.average_power) << " on average at one sync per step ("
      << to_string(p.to.step_time) << "), against a power budget of "
      << to_string(t.track.power_budget) << " per " << noun << ": "
      << (d.average_power <= t.track.power_budget ? "within it" : "OVER it") << "\n";
  if (d.gossip_rounds)
    out << "  gossip    one round per step mixes with the 2 ring neighbours only; an average to "
           "1e-3 takes "
        << *d.gossip_rounds << " rounds on a ring of " << p.nodes
        << " (Metropolis weights), where the star is exact in one\n";
  if (d.day) {
    const energy::DailyDrain& day = *d.day;
    out << "  battery   " << text::number(value_in<joule_unit>(day.sync), 4) << " J/day of syncs ("
        << text::number(day.syncs, 4) << " syncs, one per step all day) + "
        << text::number(value_in<joule_unit>(day.idle), 4)
        << " J idle = " << percent(day.battery_fraction) << " of the "
        << text::number(value_in<joule_unit>(p.device.battery_capacity), 4) << " J battery per day"
        << (day.lasts_the_day ? "" : ": the charge does not last the day") << "\n";
    out << "            ";
    if (d.min_interval)
      out << "the sync interval that keeps a day's charge: " << to_string(*d.min_interval) << "\n";
    else
      out << "the idle floor alone (" << to_string(p.device.idle_power)
          << ") empties the battery in a day, whatever the sync interval\n";
  } else {
    out << "  battery   none: the " << p.device.name << " runs on the vehicle's power\n";
  }
  out << "\n";
}

void answer(std::ostream& out, const lab::LabTrack& t, const Plan& p) {
  const std::string net = lab::network_name(t, p.choice);
  const std::string payload = to_string(p.chosen().gradient);
  const double share = p.to.exposed_communication_time / p.to.step_time;
  // A sliver of exposed communication is still some: "0.04%", not "0.0%".
  const bool exposed = p.to.exposed_communication_time > 0.0 * seconds;
  const bool exact = p.relation == Comparison::exact;
  const std::string comm = p.edge() ? "sync" : "all-reduce";
  out << "THE ANSWER (from the models)\n  On " << net << ", " << count_of(p.base, t) << " -> "
      << count_of(p.nodes, t) << ":\n    step time   " << to_string(p.from.step_time) << " -> "
      << to_string(p.to.step_time) << "\n    speedup     " << p.speedup_text << " (ideal "
      << p.ideal_text << ": "
      << (exact ? percent(1.0) : text::percent_beside(p.speedup / p.ideal, 1.0))
      << " of it)\n    efficiency  " << percent(p.to.efficiency) << " against 1 "
      << t.track.worker_noun << " (S(N)/N), " << percent(p.speedup / p.ideal) << " against "
      << count_of(p.base, t) << " (the question's start)\n    "
      << (p.edge() ? "sync        " : "all-reduce  ") << to_string(p.to.communication_time)
      << " per step at N = " << p.nodes << ", "
      << (exposed ? text::percent_beside(share, 0.0) : percent(share))
      << " of the step is exposed communication\n  ";
  if (p.relation == Comparison::less && p.speedup >= 0.99 * p.ideal)
    out << "Not exactly, but close: on " << net << " the " << comm << " of " << payload
        << " is still small next to the compute at N = " << p.nodes
        << ". It does not shrink with more " << t.worker_plural
        << " while the compute does: watch the comm share grow in the table.";
  else if (p.relation == Comparison::less && p.speedup < 1.0)
    out << "Worse than no: " << count_of(p.nodes, t) << " are SLOWER than " << count_of(p.base, t)
        << ". The compute shrinks, but on " << net << " the " << comm << " of " << payload
        << " costs more than the compute it saves ("
        << (p.edge() ? "and it grows with N: the shared channel, cell or server divides among "
                       "more devices)."
                     : "and its latency term grows with N).");
  else if (p.relation == Comparison::less)
    out << "No: the compute shrinks " << p.ideal_text << " but every step still has to "
        << (p.edge() ? "synchronise " : "all-reduce ") << payload
        << ", and that does not shrink with more " << t.worker_plural
        << (p.edge() ? " (it grows: they share the channel, cell or server)." : ".");
  else if (exact && !(p.chosen().gradient > 0.0 * bytes))
    out << "Yes: with nothing to all-reduce there is no communication to pay.";
  else if (exact && !exposed)
    out << "Yes, here: the " << comm << " (" << to_string(p.to.communication_time)
        << " per step at N = " << p.nodes << ") hides entirely behind the compute (overlap "
        << percent(p.chosen().overlap_fraction) << "), so the step is pure compute and shrinks "
        << p.ideal_text << ". Lower the overlap and the wall comes back.";
  else if (exact)
    out << "Yes: the step time shrinks by exactly the ideal " << p.ideal_text << ".";
  else
    out << "More than ideal: the smaller all-reduce per " << t.track.worker_noun
        << " outweighs the extra latency.";
  out << "\n\n";
  if (p.edge()) one_sync(out, t, p);
}

void instruments(std::ostream& out, const lab::LabTrack& t, const Plan& p) {
  const std::string noun(t.track.worker_noun);
  out << "SCALING TABLE on " << lab::network_name(t, p.choice) << " (strong scaling, overlap "
      << percent(p.chosen().overlap_fraction);
  if (p.edge())
    out << ", priced as " << p.chosen_pattern().priced_as << ")\n";
  else
    out << ", algorithm " << comm::to_string(p.chosen().algorithm)
        << (p.per_node > 1 ? ", hierarchical across nodes" : "") << ")\n";
  text::Table rows({"N", "step time", "compute", "comm (exposed)", "comm share", "speedup",
                    "efficiency", "marginal"});
  rows.indent(2);
  const auto& knee = p.knee[Plan::at(p.choice)];
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    const scaling::ScalingPoint& r = p.rows[i];
    rows.add_row({std::to_string(r.workers), to_string(r.step_time), to_string(r.compute_time),
                  to_string(r.exposed_communication_time),
                  percent(r.exposed_communication_time / r.step_time), text::times(r.speedup),
                  percent(r.efficiency), text::fixed(p.marginal[i], 2)},
                 std::string(r.workers == p.nodes ? ">" : "") +
                     (knee && r.workers == knee->workers ? "*" : ""));
  }
  out << rows.render() << "  > your N (--nodes)   * diminishing returns on this network\n";
  if (p.per_node > 1)
    out << "  marginal = (S(N+" << p.per_node << ") - S(N)) / " << p.per_node << ", per " << noun
        << " of the next node (the fleet grows by whole nodes; below one node, S(N+1) - S(N))\n";

  out << "\nDIMINISHING RETURNS (";
  if (p.per_node > 1)
    out << "adding a node of " << count_of(p.per_node, t) << " gives less than " << threshold
        << "x speedup per " << noun << "; N in whole nodes)\n";
  else
    out << "adding a " << noun << " gives less than " << threshold << "x marginal speedup)\n";
  for (const NetworkChoice n : networks) {
    out << "  " << lab::to_string(n) << " (" << lab::network_name(t, n) << "): ";
    const auto& k = p.knee[Plan::at(n)];
    if (!k) {
      out << "not reached up to " << count_of(p.max_nodes, t) << "\n";
      continue;
    }
    const scaling::ScalingPoint point = p.point(n, k->workers);
    out << "N = " << count_of(k->workers, t);
    if (k->workers_per_step > 1) out << " = " << k->nodes << " node" << (k->nodes == 1 ? "" : "s");
    out << " (speedup " << text::times(point.speedup) << ", efficiency "
        << percent(point.efficiency) << ")\n";
  }
  out << "\n";
}

void present(lab::Session& s, const Plan& p) {
  const lab::LabTrack& t = s.track();
  std::ostream& out = s.out();
  out << " Your fleet: up to " << count_of(p.max_nodes, t);
  if (p.per_node > 1)
    out << " (" << p.per_node << " per node on " << p.chosen().cluster.node.intra_node.name << ")";
  if (p.edge())
    out << ". Every step synchronises " << to_string(p.chosen().gradient) << " of " << p.model_key
        << " updates; one ";
  else
    out << ". Every step all-reduces " << to_string(p.chosen().gradient) << " of " << p.model_key
        << " gradients; one ";
  out << t.track.worker_noun << " alone needs " << to_string(t.track.compute_time_one_worker)
      << " per step.\n Networks: slow = " << lab::describe_network(t, networks[0])
      << (p.per_node > 1 ? ",\n           fast = " : ", fast = ")
      << lab::describe_network(t, networks[1]) << ".\n";
  if (p.edge())
    for (const NetworkChoice n : networks)
      out << " Priced as (" << lab::to_string(n) << "): " << p.pattern[Plan::at(n)].priced_as
          << ".\n";
  out << "\n";

  const lab::Prediction prediction = s.lock();
  answer(out, t, p);
  instruments(out, t, p);
  const std::string verdict = lab::verdict(prediction, lab::key_of(p.relation), p.speedup);
  out << "VERDICT\n  You predicted: " << lab::predicted_text(prediction, p.ideal_text, "x")
      << "; the models say " << p.speedup_text << ", "
      << lab::relative_to(p.relation, "the ideal " + p.ideal_text) << ". Verdict: " << verdict
      << ".\n  Compare: on " << lab::network_name(t, lab::other(p.choice))
      << " the same move gives " << text::times(p.other_speedup) << ".\n\n";
  if (s.math()) math_peek(out, t, p);

  nlohmann::json knees = nlohmann::json::object();
  for (const NetworkChoice n : networks) {
    const auto& k = p.knee[Plan::at(n)];
    knees[lab::to_string(n)] = k ? nlohmann::json(k->workers) : nullptr;
    knees[std::string(lab::to_string(n)) + "_nodes"] = k ? nlohmann::json(k->nodes) : nullptr;
  }
  const scaling::ScalingInput& in = p.chosen();
  nlohmann::json choices = {{"nodes", p.nodes},
                            {"from_nodes", p.base},
                            {"network", lab::to_string(p.choice)},
                            {"network_name", lab::network_name(t, p.choice)},
                            {"max_nodes", p.max_nodes},
                            {"overlap", in.overlap_fraction},
                            {"model", p.model_key},
                            {"algorithm", comm::to_string(in.algorithm)}};
  nlohmann::json results = {
      {"speedup", p.speedup},
      {"ideal_speedup", p.ideal},
      {"efficiency_vs_ideal", p.speedup / p.ideal},
      {"efficiency_vs_one_worker", p.to.efficiency},
      {"step_time_s", value_in<second_unit>(p.to.step_time)},
      {"communication_time_s", value_in<second_unit>(p.to.communication_time)},
      {"workers_per_node", p.per_node},
      {"diminishing_returns", knees},
      {"answer", lab::key_of(p.relation)}};
  if (p.edge()) {
    const DeviceSync& d = *p.device_sync;
    choices["pattern"] = p.chosen_pattern().priced_as;
    results["sync_energy_j"] = value_in<joule_unit>(d.sync.total);
    results["sync_average_power_w"] = value_in<watt_unit>(d.average_power);
    if (d.day) results["battery_fraction_per_day"] = d.day->battery_fraction;
  }
  s.record(choices, results, verdict);
}

}  // namespace

int main(int argc, char** argv) {
  Controls c;
  lab::Session session(
      {.program = "part1_communication_wall",
       .file_prefix = "part1",
       .title = "PART 1 - THE COMMUNICATION WALL",
       .about = "Part 1 of the distributed-training lab: the communication wall.\nIf you move "
                "from 8 GPUs to 64 GPUs, will your training time decrease by exactly 8x?\nLock a "
                "prediction, then read the models' answer, the scaling table and the point of\n"
                "diminishing returns on both of the track's networks.",
       .figure_hint = "(add --out DIR to draw the figure: throughput vs {workers}, ideal line, "
                      "both networks)"});
  constexpr int limit = scaling::max_workers_limit;
  session.add_count("--nodes", c.nodes, "N, the workers you scale to; the question compares 8 -> N",
                    2, limit);
  session.add_text("--network", c.network,
                   "slow|fast, or the track's names: ethernet|infiniband (cloud), 5g|wifi (edge), "
                   "tether|wifi (mobile), ble1m|ble2m (tiny)",
                   "NETWORK");
  session.add_count("--max-nodes", c.max_nodes,
                    "Largest N in the table, figure and diminishing-returns search (default: the "
                    "track's fleet size)",
                    2, limit);
  session.add_fraction("--overlap", c.overlap, "Share of the all-reduce hidden behind compute");
  session.add_text("--model", c.model,
                   "Catalog model whose gradient is all-reduced (default: the track's); changes "
                   "the gradient size only, not the compute time",
                   "MODEL");
  session.add_text("--pattern", c.pattern,
                   "Who talks to whom on the tiny track: star (through the phone) | gossip (BLE "
                   "mesh); auto = star. Cars and glasses are always federated, the cloud an "
                   "all-reduce",
                   "PATTERN");
  session.add_text("--algo", c.algo,
                   "All-reduce algorithm: ring|tree|double-binary-tree|recursive-doubling|"
                   "rabenseifner (the textbook's halving-doubling, butterfly)|in-network|auto; "
                   "hierarchical across nodes when a node holds several workers",
                   "ALGO");
  return session.run(
      argc, argv, [&c](lab::Session& s) { return prepare(s, c); }, present);
}
