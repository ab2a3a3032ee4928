// Part 3 of the distributed-training lab, the synchronisation audit: "In a fleet with 5%
// straggler nodes (slow GPUs), will async SGD achieve a higher samples-per-second than sync
// SGD?" Then the answer by samples per second and by time to target (the staleness penalty),
// the cost of waiting at the barrier, and each track's own question: the cloud's "$1M per month"
// challenge (ZeRO against async) and its checkpoints; the edge's stale gradients and the
// learning rate at which they diverge; the glasses that drop offline; the hearables' wait for
// all against local progress. The reflection records the strategy the student defends.
//
// Only the part's content lives here: its controls, the question, the instruments, the verdict
// wording. The session (examples/common/paradox_lab) does the rest; plan.cpp computes.

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/io.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/session.hpp"
#include "paradox_text/format.hpp"
#include "paradox_text/table.hpp"
#include "part3.hpp"

namespace {

using namespace paradox;
using namespace paradox::part3;
using text::percent;

std::string money(Dollars d) { return to_string(d); }

std::string per_month(Dollars d) { return to_string(d) + "/month"; }

const ModeResult& mode(const Plan& p, const std::string& key) {
  return *std::find_if(p.modes.begin(), p.modes.end(),
                       [&](const ModeResult& m) { return m.key == key; });
}

bool priced(const Plan& p) { return p.settings.price > DollarsPerHour{}; }

Plan prepare(lab::Session& s, const Controls& c) {
  Plan p = evaluate(s, c);
  add_fleet_studies(s, p);
  const std::string& noun = std::string(s.track().track.worker_noun);
  s.ask({.question = "In a fleet with " + percent(p.settings.slow_fraction.value, 0) +
                     " straggler " + (s.track().track.id == catalog::TrackId::cloud
                                          ? std::string("nodes (slow GPUs)")
                                          : "workers (slow " + lab::plural_of(noun) + ")") +
                     ", will async SGD achieve a higher samples-per-second than sync SGD?",
         .choices = {{"yes", "yes, async is faster in samples/s", {"higher", "more", "faster"}},
                     {"no", "no, async is slower", {"lower", "less", "slower"}},
                     {"same", "the same", {"equal", "unchanged"}}}});
  add_figures(s, p);
  return p;
}

void print_fleet(std::ostream& out, const lab::Session& s, const Plan& p) {
  const Settings& st = p.settings;
  const catalog::Track& t = s.track().track;
  out << " The fleet: " << lab::count_of(p.workers, s.track()) << ", each step "
      << text::count(p.batch_per_worker, 3) << " " << p.sample_unit << " per "
      << t.worker_noun << " (" << text::count(static_cast<double>(p.batch_per_worker) * p.workers, 3)
      << " per step).\n A healthy " << t.worker_noun << "'s step: " << to_string(p.step_mean)
      << " (" << p.step_source;
  if (p.zero) {
    out << ": " << to_string(p.zero->without.step_time()) << " for "
        << text::count(static_cast<double>(p.zero->job.global_batch) *
                           parallel::sequence_length(p.zero->job), 3)
        << " tokens, MFU " << percent(p.zero->without.mfu) << ")";
  } else {
    out << ": " << to_string(p.compute_share) << " + " << to_string(p.upload) << ")";
  }
  out << (st.sigma > 0.0 ? ", log-normal with sigma " + text::number(st.sigma)
                         : ", the same every step")
      << ".\n Stragglers: a share f = " << percent(st.slow_fraction.value, 1) << " ("
      << st.slow_fraction.source << ")\n   slowed by k = " << text::times(st.slowdown.value)
      << " (" << st.slowdown.source << "),\n   "
      << (st.persistence == sync::Persistence::per_worker ? "per worker" : "per step") << " ("
      << st.persistence_source << ").\n\n";
}

void print_answer(std::ostream& out, const lab::Session& s, const Plan& p,
                  const lab::Prediction& prediction) {
  const Settings& st = p.settings;
  const ModeResult& sy = mode(p, "sync");
  const ModeResult& as = mode(p, "async");
  out << "THE ANSWER (from the models)\n";
  text::Table t({"mode", p.sample_unit + "/s", "vs sync", "idle", "staleness", "samples x",
                 "time to target", priced(p) ? "$ to target" : ""});
  t.indent(2);
  for (const ModeResult& m : p.modes) {
    t.add_row({m.name, text::count(m.samples_per_second, 3),
               text::times_beside(m.samples_per_second / sy.samples_per_second, 1.0),
               m.idle_fraction < 0.0 ? "-" : percent(m.idle_fraction),
               text::number(m.mean_staleness, 4), text::times(m.penalty_ratio),
               to_string(m.time_to_target), priced(p) ? money(m.dollars_to_target) : ""},
              m.key == st.mode ? ">" : "");
  }
  out << t.render() << "  > your --mode. Samples x = (1 + staleness)^a, a = "
      << text::number(st.staleness_exponent.value) << " (" << st.staleness_exponent.source
      << ");\n  target: " << text::count(p.samples_to_target, 3) << " " << p.sample_unit << " = "
      << text::count(static_cast<double>(st.steps_to_target), 4) << " synchronous steps ("
      << st.target_source << ").\n";
  const double ratio = as.samples_per_second / sy.samples_per_second;
  out << "  Samples per second: "
      << (p.answer == "yes"   ? "yes, async is " + text::times(ratio) + " sync"
          : p.answer == "no" ? "no, async is slower"
                             : "the same: without stragglers nobody waits")
      << ". The barrier waits for the slowest of " << p.workers << " every step: E[max] = "
      << to_string(p.expected_step) << " against a mean of "
      << to_string(sync::mean(p.fleet.step_time)) << ".\n";
  // The exponent at which async and sync reach the target together: (1 + (N-1))^a = ratio.
  if (p.answer == "yes" && p.workers > 1) {
    const double breakeven = std::log(ratio) / std::log(static_cast<double>(p.workers));
    out << "  Time to target: it depends on the staleness penalty. Async updates are "
        << text::number(as.mean_staleness, 4) << " updates stale (N - 1),\n  so they need "
        << text::times(as.penalty_ratio) << " the samples at a = "
        << text::number(st.staleness_exponent.value) << ": async reaches the target "
        << (as.time_to_target < sy.time_to_target ? "first" : "later") << " ("
        << to_string(as.time_to_target) << " vs " << to_string(sy.time_to_target)
        << ").\n  Async wins on time only if a < " << text::number(breakeven, 3)
        << " (ln of the speedup / ln N): raw throughput is not progress.\n";
  }
  out << "  You predicted: " << (prediction.answer ? *prediction.answer : "(nothing)")
      << ". Verdict: " << lab::verdict(prediction, p.answer, 0.0) << ".\n\n";
  (void)s;
}

void print_barrier(std::ostream& out, const lab::Session& s, const Plan& p) {
  const CostStudy& c = *p.cost;
  out << "THE BARRIER (the cost of waiting)\n"
      << "  P(at least one of " << p.workers << " is slow in a step) = 1 - (1 - f)^N = "
      << percent(p.p_any_slow, 2) << " (Dean & Barroso's fan-out tail)\n"
      << "  Idle share at the barrier: " << percent(c.waiting.idle_fraction) << " = "
      << text::count(value_in<hour_unit>(c.waiting.idle_accelerator_time), 3) << " "
      << s.track().track.worker_noun << "-hours per month (730 h x " << p.workers << ")";
  if (priced(p))
    out << "\n  at " << to_string(p.settings.price) << " (" << p.settings.price_source
        << "):\n  " << per_month(c.waiting.dollars) << " of a " << per_month(c.fleet_per_month)
        << " fleet";
  else
    out << ";\n  " << p.settings.price_source;
  out << ".\n\n";
}

void print_challenge(std::ostream& out, const Plan& p) {
  const CostStudy& c = *p.cost;
  const ZeroStudy& z = *p.zero;
  const sync::SwitchComparison& cmp = c.comparison;
  out << "THE $1M CHALLENGE\n"
      << "  \"Wait-for-all synchronisation wastes $1M per month.\" The models: "
      << per_month(c.waiting.dollars) << " ("
      << percent(c.waiting.idle_fraction) << " of " << per_month(c.fleet_per_month) << ").\n  "
      << (c.waiting.dollars >= c.claim ? "The claim holds for this fleet"
                                       : "The claim is too high for this fleet")
      << ": waiting costs " << text::number(c.waiting.dollars / c.claim, 3)
      << "x $1M.";
  if (c.claim_fleet)
    out << " It is $1M at " << *c.claim_fleet << " GPUs (this price)";
  if (c.claim_price > DollarsPerHour{})
    out << (c.claim_fleet ? "\n  or at " : " It is $1M at ") << to_string(c.claim_price)
        << " per GPU-hour (" << p.workers << " GPUs)";
  out << ".\n\n";

  out << "ZERO OR ASYNC? (part 2's layout search on " << z.devices
      << " GPUs, the same stragglers and price)\n";
  text::Table t({"option", "layout", "tokens/s", "time to target", "$ to target", "saves",
                 "saves/month"});
  t.indent(2);
  t.align_left(1);
  const auto describe = [](const parallel::Layout& l) {
    return "tp=" + std::to_string(l.tensor_parallel) + " pp=" + std::to_string(l.pipeline_parallel) +
           " dp=" + std::to_string(l.data_parallel) + " zero=" + std::to_string(l.zero_stage) +
           " " + std::string(compute::to_string(l.recompute));
  };
  const auto row = [&](const std::string& name, const std::string& layout, double tps,
                       const sync::OptionCost& o) {
    const Dollars saved = cmp.current.dollars_to_target - o.dollars_to_target;
    t.add_row({name, layout, text::count(tps, 3), to_string(o.time_to_target),
               money(o.dollars_to_target), money(saved),
               c.months_current > 0.0 ? money(saved / c.months_current) : "-"});
  };
  row("current: sync", describe(z.without.layout), c.current.samples_per_second, cmp.current);
  row("ZeRO layout", describe(z.with.layout), c.zero.samples_per_second, cmp.alternative);
  row("async updates", describe(z.without.layout), c.async.samples_per_second *
                                                       (c.current.samples_to_target /
                                                        c.async.samples_to_target),
      cmp.async);
  row("backup workers", describe(z.without.layout) + " +" + std::to_string(p.settings.backup),
      c.backup.samples_per_second, c.backup_cost);
  out << t.render()
      << "  tokens/s of async: useful tokens, its raw rate over the staleness penalty "
      << text::times(c.async.samples_to_target / c.current.samples_to_target)
      << ".\n  Saves/month: the saving to target spread over the current run's "
      << text::number(c.months_current, 3) << " months.\n";
  if (z.fewer_devices)
    out << "  Or fewer GPUs: the ZeRO search keeps the current throughput on " << *z.fewer_devices
        << " GPUs (" << describe(z.fewer_layout->layout) << "), " << p.workers - *z.fewer_devices
        << " GPUs = " << per_month(*c.fewer_gpus_per_month) << " released.\n";
  else
    out << "  Fewer GPUs: no smaller cluster (whole racks, down to half) keeps the current "
           "throughput\n  (the batch of "
        << z.job.global_batch << " sequences must split evenly over the replicas).\n";
  out << "  VERDICT: " << std::string(sync::to_string(cmp.verdict)) << " ("
      << (cmp.verdict == sync::Verdict::switch_to_alternative ? "ZeRO" : "") << "). ZeRO saves "
      << money(cmp.alternative_savings) << " to target, async "
      << money(cmp.async_savings) << ":\n  "
      << (cmp.alternative_savings > cmp.async_savings
              ? "ZeRO saves more than async. It frees memory for a layout with higher MFU and "
                "keeps the\n  gradients consistent; async removes the barrier but pays " +
                    text::times(c.async.samples_to_target / c.current.samples_to_target) +
                    " the tokens for its staleness."
              : "async saves more than ZeRO at this staleness penalty.")
      << "\n  Neither removes the stragglers: backup workers do, for "
      << text::percent(static_cast<double>(p.settings.backup) / p.workers) << " more GPUs.\n\n";
}

void print_checkpoint(std::ostream& out, const Plan& p) {
  const CheckpointStudy& k = *p.checkpoint;
  const reliability::CheckpointPlan& c = k.plan;
  out << "CHECKPOINTING (Llama 3's failure record scaled to this fleet)\n"
      << "  Checkpoint: " << to_string(k.size) << " (bf16 weights + fp32 Adam, 14 bytes per "
         "parameter); storage "
      << to_string(k.storage) << "\n    (" << k.storage_source << ")\n"
      << "  Write time delta = " << to_string(k.write_time) << " (" << k.write_source
      << "); restart R = " << to_string(k.restart) << " (" << k.restart_source << ")\n"
      << "  MTBF: 54 days x 16,384 GPUs / 419 interruptions = "
      << text::count(value_in<hour_unit>(k.unit_mtbf), 3) << " GPU-hours; / " << p.workers
      << " GPUs = M = " << to_string(k.fleet_mtbf) << "\n";
  text::Table t({"interval", "tau", "overhead", "goodput",
                 priced(p) ? "lost per month" : ""});
  t.indent(2);
  t.add_row({"Young sqrt(2 delta M)", to_string(c.young_interval), percent(c.young_overhead_fraction, 2),
             percent(c.young_goodput_fraction, 2),
             priced(p) ? per_month(c.young_overhead_fraction * p.cost->fleet_per_month) : ""});
  t.add_row({"Daly", to_string(c.daly_interval), percent(c.daly_overhead_fraction, 2),
             percent(c.daly_goodput_fraction, 2),
             priced(p) ? per_month(c.daly_overhead_fraction * p.cost->fleet_per_month) : ""});
  out << t.render() << "  overhead = delta / tau + (tau / 2 + R) / M; checkpointing "
      << (c.daly_overhead_fraction < p.cost->waiting.idle_fraction ? "costs far less than the "
                                                                      "barrier's waiting"
                                                                    : "costs more than the "
                                                                      "barrier's waiting")
      << ".\n\n";
}

void print_stability(std::ostream& out, const lab::Session& s, const Plan& p) {
  const Settings& st = p.settings;
  const bool edge = s.track().track.id == catalog::TrackId::edge;
  out << (edge ? "HOW STALE, AND WHEN TRAINING DIVERGES\n" : "STALE GRADIENTS AND THE LEARNING RATE\n");
  if (edge)
    out << "  Async: each update is N - 1 = " << p.workers - 1
        << " updates stale on average (Dutta et al. 2018). One car's round trip\n  (compute "
        << to_string(p.compute_share) << " + upload " << to_string(p.upload) << ") spans "
        << text::count(p.round_trip_updates, 3)
        << " updates from the others: the gradient it sends\n  was computed on a model that "
           "many updates old.\n";
  out << "  Stability of gradient descent with tau-stale gradients on a quadratic of curvature "
         "L\n  (Levin & May 1976): eta < (2 / L) sin(pi / (2 (2 tau + 1))). L = "
      << text::number(st.smoothness.value) << " (" << st.smoothness.source << ").\n";
  text::Table t({"mode", "staleness tau", "largest stable eta"});
  t.indent(2);
  t.add_row({"sync", "0", text::number(p.critical_lr_sync, 3)});
  t.add_row({"SSP s = " + std::to_string(st.staleness_bound),
             text::number(std::ceil(mode(p, "ssp").mean_staleness), 4),
             text::number(p.critical_lr_ssp, 3)});
  t.add_row({"async", std::to_string(p.workers - 1), text::number(p.critical_lr_async, 3)});
  out << t.render() << "  At eta = " << text::number(st.learning_rate.value) << " ("
      << st.learning_rate.source << ") training diverges once the gradients are "
      << p.divergence_tau << (p.divergence_tau == 1 ? " step" : " steps") << " stale";
  out << (p.divergence_tau <= p.workers - 1
              ? ":\n  async on this fleet diverges unless the learning rate falls to " +
                    text::number(p.critical_lr_async, 3) + ".\n\n"
              : ": async on this fleet stays stable.\n\n");
}

void print_bounds(std::ostream& out, const lab::Session& s, const Plan& p) {
  const bool mobile = s.track().track.id == catalog::TrackId::mobile;
  out << (mobile ? "SYNC FREQUENCY VS GLASSES THAT DROP OFFLINE\n"
                 : "WAIT FOR ALL VS LOCAL PROGRESS\n")
      << "  SSP lets a " << s.track().track.worker_noun
      << " run s rounds ahead of the slowest (Ho et al. 2013); s = 0 is wait-for-all.\n";
  text::Table t({"bound", p.sample_unit + "/s", "idle", "staleness", "time to target"});
  t.indent(2);
  for (const ModeResult& m : p.ssp_bounds)
    t.add_row({m.name, text::count(m.samples_per_second, 3), percent(m.idle_fraction),
               text::number(m.mean_staleness, 3), to_string(m.time_to_target)},
              m.name == "s = " + std::to_string(p.settings.staleness_bound) ? ">" : "");
  const ModeResult& b = mode(p, "backup");
  const ModeResult& k = mode(p, "ksync");
  out << t.render() << "  > --staleness-bound. Dropping the late ones instead: " << k.name << " "
      << to_string(k.time_to_target) << ", " << b.name << " " << to_string(b.time_to_target)
      << "\n  (no stale gradients; K-sync uses only K updates a step).\n\n";
}

void print_reflection(std::ostream& out, const Plan& p) {
  const Settings& st = p.settings;
  out << "REFLECTION (the ledger): gradient consistency or raw throughput?\n"
      << "  The models' pick on this track: " << strategy_name(p.recommended) << " ("
      << (priced(p) ? "fewest dollars" : "least time") << " to target).\n";
  if (st.strategy) {
    out << "  Your strategy: " << strategy_name(*st.strategy)
        << (*st.strategy == p.recommended ? " (the models agree)" : " (the models pick otherwise)")
        << "\n  Your justification: " << st.justification.value_or("(none given)") << "\n\n";
  } else {
    out << "  Defend yours: --strategy sync|async|ssp|backup|ksync"
        << (p.zero ? "|zero" : "") << " --justification \"...\" (recorded with --ledger).\n\n";
  }
}

nlohmann::json option_json(const sync::OptionCost& o) {
  return {{"time_to_target_s", value_in<second_unit>(o.time_to_target)},
          {"dollars_to_target", value_in<dollar_unit>(o.dollars_to_target)}};
}

void present(lab::Session& s, const Plan& p) {
  std::ostream& out = s.out();
  const Settings& st = p.settings;
  print_fleet(out, s, p);
  const lab::Prediction prediction = s.lock();
  print_answer(out, s, p, prediction);
  print_barrier(out, s, p);
  const catalog::TrackId id = s.track().track.id;
  if (id == catalog::TrackId::cloud) {
    print_challenge(out, p);
    print_checkpoint(out, p);
  }
  if (id == catalog::TrackId::mobile || id == catalog::TrackId::tiny) print_bounds(out, s, p);
  if (p.gossip) print_gossip(out, p);
  if (p.radios && id != catalog::TrackId::edge) print_radios(out, s, p);
  if (p.battery) print_battery(out, s, p);
  print_stability(out, s, p);
  if (p.radios && id == catalog::TrackId::edge) print_radios(out, s, p);
  print_reflection(out, p);
  if (s.math()) math_peek(out, p);

  nlohmann::json modes = nlohmann::json::object();
  for (const ModeResult& m : p.modes)
    modes[m.key] = {{"samples_per_s", m.samples_per_second},
                    {"idle_fraction", m.idle_fraction < 0.0 ? nlohmann::json(nullptr)
                                                            : nlohmann::json(m.idle_fraction)},
                    {"mean_staleness", m.mean_staleness},
                    {"time_to_target_s", value_in<second_unit>(m.time_to_target)},
                    {"dollars_to_target", value_in<dollar_unit>(m.dollars_to_target)}};
  nlohmann::json results = {
      {"answer", p.answer},
      {"modes", modes},
      {"expected_step_s", value_in<second_unit>(p.expected_step)},
      {"idle_fraction", p.cost->waiting.idle_fraction},
      {"waiting_dollars_per_month", value_in<dollar_unit>(p.cost->waiting.dollars)},
      {"divergence_staleness", p.divergence_tau},
      {"critical_learning_rate_async", p.critical_lr_async},
      {"recommended", p.recommended}};
  if (p.zero) {
    const sync::SwitchComparison& c = p.cost->comparison;
    results["claim_holds"] = p.cost->waiting.dollars >= p.cost->claim;
    results["verdict"] = std::string(sync::to_string(c.verdict));
    results["current"] = option_json(c.current);
    results["zero"] = option_json(c.alternative);
    results["async"] = option_json(c.async);
    results["zero_savings_dollars"] = value_in<dollar_unit>(c.alternative_savings);
    results["async_savings_dollars"] = value_in<dollar_unit>(c.async_savings);
  }
  if (p.gossip) {
    const MeshResult& m = p.gossip->meshes.back();
    results["gossip"] = {{"epsilon", p.gossip->epsilon},
                         {"rho", m.spectrum.rho},
                         {"rounds", m.rounds ? nlohmann::json(*m.rounds) : nlohmann::json(nullptr)},
                         {"airtime_s", value_in<second_unit>(m.airtime)},
                         {"energy_per_device_j", value_in<joule_unit>(m.energy)},
                         {"star_airtime_s", value_in<second_unit>(p.gossip->star_airtime)},
                         {"star_energy_per_device_j", value_in<joule_unit>(p.gossip->star_energy)}};
  }
  if (p.radios) {
    nlohmann::json radios = nlohmann::json::object();
    for (const RadioRow& r : p.radios->rows)
      radios[std::string(r.radio->key)] = value_in<joule_unit>(r.energy.total);
    results["energy_per_sync_j"] = radios;
  }
  if (p.battery) {
    const SyncOption& o = p.battery->options.front();
    results["battery"] = {
        {"energy_per_sync_j", value_in<joule_unit>(o.energy)},
        {"min_sync_interval_s", o.min_interval ? nlohmann::json(value_in<second_unit>(*o.min_interval))
                                               : nlohmann::json(nullptr)}};
  }
  if (p.checkpoint) {
    results["checkpoint"] = {
        {"size_bytes", value_in<byte_unit>(p.checkpoint->size)},
        {"write_time_s", value_in<second_unit>(p.checkpoint->write_time)},
        {"fleet_mtbf_s", value_in<second_unit>(p.checkpoint->fleet_mtbf)},
        {"young_interval_s", value_in<second_unit>(p.checkpoint->plan.young_interval)},
        {"daly_interval_s", value_in<second_unit>(p.checkpoint->plan.daly_interval)},
        {"daly_overhead_fraction", p.checkpoint->plan.daly_overhead_fraction}};
  }
  nlohmann::json choices = {
      {"mode", st.mode},
      {"slow_fraction", st.slow_fraction.value},
      {"slowdown", st.slowdown.value},
      {"persistence", std::string(sync::to_string(st.persistence))},
      {"backup", st.backup},
      {"wait_for", st.wait_for},
      {"staleness_bound", st.staleness_bound},
      {"staleness_exponent", st.staleness_exponent.value},
      {"steps_to_target", st.steps_to_target},
      {"price_dollars_per_hour", value_in<dollar_per_hour_unit>(st.price)},
      {"learning_rate", st.learning_rate.value},
      {"smoothness", st.smoothness.value},
      {"strategy", st.strategy ? nlohmann::json(*st.strategy) : nlohmann::json(nullptr)},
      {"justification",
       st.justification ? nlohmann::json(*st.justification) : nlohmann::json(nullptr)}};
  s.record(choices, results, lab::verdict(prediction, p.answer, 0.0));
}

}  // namespace

int main(int argc, char** argv) {
  Controls c;
  lab::Session session(
      {.program = "part3_sync_audit",
       .file_prefix = "part3",
       .title = "PART 3 - THE SYNCHRONISATION AUDIT",
       .about = "Part 3 of the distributed-training lab: the synchronisation audit.\nIn a fleet "
                "with straggler nodes, will async SGD achieve a higher samples-per-second than "
                "sync\nSGD? Then: time to target, the cost of waiting at the barrier, ZeRO "
                "against async (cloud),\ncheckpointing, stale gradients and the learning rate, "
                "and the strategy you defend. Devices: gossip vs a\nfull sync "
                "(tiny), energy per sync by radio, sync frequency vs battery (mobile, tiny).",
       .figure_hint = "(add --out DIR to draw the figures: samples/s and time to target vs "
                      "straggler share, dollars of waiting vs the ZeRO and async options, "
                      "checkpoint overhead vs interval; devices: energy per sync by radio, consensus error vs "
                      "gossip rounds, battery drain vs sync interval)"});
  session.add_text("--mode", c.mode, "Your mode, marked in the tables: sync|async|ssp", "MODE");
  session.add_text("--slow-fraction", c.slow_fraction,
                   "f, the share of stragglers in [0, 1] (default: the track's; cloud 0.05)",
                   "FRACTION");
  session.add_text("--slowdown", c.slowdown,
                   "k, a straggler's step over a healthy one, in [1, 1e6] (default: the track's)",
                   "K");
  session.add_text("--persistence", c.persistence,
                   "per-step (transient) or per-worker (round(f N) always slow) stragglers "
                   "(default: the track's)",
                   "WHEN");
  session.add_text("--sigma", c.sigma,
                   "Log-normal jitter of a healthy step, sigma of ln(time) in [0, 3] (default 0: "
                   "the same every step)",
                   "SIGMA");
  session.add_count("--backup", c.backup,
                    "b, backup workers: wait for the first N of N + b (default 2 f N)", 0,
                    1'000'000);
  session.add_count("--wait-for", c.wait_for,
                    "K-sync: wait for the fastest K of N (default N - 2 f N)", 1, 1'000'000);
  session.add_count("--staleness-bound", c.staleness_bound,
                    "SSP: s, how many steps a worker may run ahead of the slowest", 0, 10'000);
  session.add_text("--staleness-exponent", c.staleness_exponent,
                   "a: stale updates need (1 + staleness)^a the samples, in [0, 4] (default 0.5, "
                   "the square-root rule)",
                   "A");
  session.add_count("--steps-to-target", c.steps_to_target,
                    "Synchronous steps to the target (default: the track's; cloud 894070 = 15T "
                    "tokens)",
                    1, 2'000'000'000);
  session.add_text("--price", c.price,
                   "Price of one accelerator-hour: a plain number in dollars or $2.5/h (default: "
                   "the catalog's; devices: none)",
                   "PRICE");
  session.add_text("--storage-bandwidth", c.storage_bandwidth,
                   "Cloud checkpoints: the fleet's write bandwidth to storage, e.g. 125GB/s "
                   "(default: its share of Llama 3's 2 TB/s)",
                   "RATE");
  session.add_text("--write-time", c.write_time,
                   "Cloud checkpoints: the time training stops per checkpoint, e.g. 30s "
                   "(default: size / storage bandwidth)",
                   "TIME");
  session.add_text("--restart", c.restart,
                   "Cloud checkpoints: time from a failure to training again (default 10min)",
                   "TIME");
  session.add_text("--learning-rate", c.learning_rate,
                   "eta, for the stability bound of stale gradients (default: the track's)", "ETA");
  session.add_text("--smoothness", c.smoothness,
                   "L, the loss's largest curvature (default 1 / the track's learning rate)", "L");
  session.add_text("--strategy", c.strategy,
                   "The strategy you defend in the ledger: sync|async|ssp|backup|ksync|zero "
                   "(zero: cloud only)",
                   "STRATEGY");
  session.add_text("--justification", c.justification,
                   "Why: gradient consistency or raw throughput? (needs --strategy)", "TEXT");
  return session.run(
      argc, argv, [&c](lab::Session& s) { return prepare(s, c); }, present);
}
