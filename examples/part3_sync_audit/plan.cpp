// Part 3's instruments: the track's fleet with its stragglers (paradox::sync), sync / async /
// SSP / backup workers / K-sync throughput and time to target, the stability bound of stale
// gradients, and for the cloud: part 2's layout search with and without ZeRO, the cost of
// waiting against the ZeRO and async options (sync::compare), and checkpointing
// (paradox::reliability with the Llama 3 failure record).

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "paradox/catalog/failure_records.hpp"
#include "paradox/compute/parameters.hpp"
#include "paradox/io.hpp"
#include "paradox/memory/checkpoint.hpp"
#include "paradox/reliability/mtbf.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_text/errors.hpp"
#include "paradox_text/flags.hpp"
#include "paradox_text/format.hpp"
#include "part3.hpp"

namespace paradox::part3 {

namespace {

// The track's defaults, each with its source. Every "didactic" number is a named assumption the
// student can change with the flag in brackets.
struct TrackDefaults {
  catalog::TrackId track;
  double slow_fraction;
  const char* slow_source;
  double slowdown;
  const char* slowdown_source;
  sync::Persistence persistence;
  const char* persistence_source;
  std::int64_t steps_to_target;
  const char* target_source;
  double learning_rate;
  const char* learning_rate_source;
};

// Llama 3: "over 15T tokens" of pre-training (Dubey et al. 2024, sec. 3.1) in steps of 16M
// tokens (table 4); ceil(15e12 / 16,777,216) = 894,070 steps.
constexpr std::int64_t cloud_steps = 894'070;

const std::array<TrackDefaults, 4> track_defaults{{
    {catalog::TrackId::cloud, 0.05, "the lab's 5% straggler nodes (slow GPUs)", 2.0,
     "didactic assumption: a throttled or degraded GPU at half speed",
     sync::Persistence::per_worker, "slow GPUs stay slow (a degraded part), the lab's story",
     cloud_steps,
     "15T tokens (Llama 3 pre-training, Dubey et al. 2024, sec. 3.1) in 16M-token steps",
     1.5e-4, "Llama 3 70B peak learning rate (Dubey et al. 2024, table 3)"},
    {catalog::TrackId::edge, 0.10,
     "didactic assumption: a tenth of the cars at a cell edge in a round", 4.0,
     "didactic assumption: a cell-edge uplink at a quarter of the median rate",
     sync::Persistence::per_step, "coverage changes from round to round", 1'000,
     "didactic assumption: 1,000 synchronous rounds", 0.01,
     "didactic assumption: plain SGD at 0.01"},
    {catalog::TrackId::mobile, 0.20,
     "didactic assumption: a fifth of the glasses offline or in battery saver in a round", 10.0,
     "didactic assumption: an offline pair answers ten rounds' time late",
     sync::Persistence::per_step, "glasses drop out and come back", 1'000,
     "didactic assumption: 1,000 synchronous rounds", 0.01,
     "didactic assumption: plain SGD at 0.01"},
    {catalog::TrackId::tiny, 0.10,
     "didactic assumption: a tenth of the hearables out of BLE range in a round", 5.0,
     "didactic assumption: an out-of-range hearable syncs five rounds' time late",
     sync::Persistence::per_step, "wearers walk in and out of range", 1'000,
     "didactic assumption: 1,000 synchronous rounds", 0.01,
     "didactic assumption: plain SGD at 0.01"},
}};

// The SSP simulation's steps per worker: its staleness count costs about N (1 + s) per step, so
// about 400,000 of those (a fraction of a second), at least 30 and at most 2,000 steps.
int ssp_steps(int workers, int bound) {
  return std::clamp(400'000 / (workers * (1 + bound)), 30, 2'000);
}

constexpr std::uint64_t ssp_seed = 1;

std::string given(const text::Field& f) { return "set by " + f.name; }

Sourced number_or(const std::optional<std::string>& text, const text::Field& f, double lo,
                  double hi, double fallback, const std::string& source) {
  if (!text) return {fallback, source};
  return {text::parse_number(*text, f, lo, hi), given(f)};
}

template <class Q>
Q quantity(const std::string& text, const text::Field& f) {
  return text::parse_quantity<Q>(text, f, sign_rule::positive);
}

Settings settle(const lab::Session& s, const Controls& c, const TrackDefaults& d,
                const catalog::Track& t, int workers) {
  Settings out;
  out.mode = text::parse_choice(c.mode, s.field("--mode"), mode_keys);
  out.slow_fraction = c.slow_fraction
                          ? Sourced{text::parse_fraction(*c.slow_fraction, s.field("--slow-fraction")),
                                    given(s.field("--slow-fraction"))}
                          : Sourced{d.slow_fraction, d.slow_source};
  out.slowdown = number_or(c.slowdown, s.field("--slowdown"), 1.0, 1e6, d.slowdown,
                           d.slowdown_source);
  out.persistence = d.persistence;
  out.persistence_source = d.persistence_source;
  if (c.persistence) {
    const std::string p =
        text::parse_choice(*c.persistence, s.field("--persistence"), {"per-step", "per-worker"});
    out.persistence = p == "per-step" ? sync::Persistence::per_step : sync::Persistence::per_worker;
    out.persistence_source = given(s.field("--persistence"));
  }
  out.sigma = c.sigma ? text::parse_number(*c.sigma, s.field("--sigma"), 0.0, 3.0) : 0.0;
  // Backup workers: twice the expected stragglers, so that N healthy ones are usually there
  // (Chen et al. 2016 ran a few percent of backups; with per-worker stragglers the backups
  // themselves are f slow, so one f N is not enough).
  const int twice = std::max(1, static_cast<int>(std::lround(2.0 * out.slow_fraction.value * workers)));
  out.backup = c.backup.value_or(twice);
  out.backup_source = c.backup ? given(s.field("--backup")) : "2 f N, twice the expected stragglers";
  if (c.wait_for && *c.wait_for > workers)
    text::reject(s.field("--wait-for"),
                 "be at most the fleet's " + std::to_string(workers) + " workers",
                 std::to_string(*c.wait_for));
  out.wait_for = c.wait_for.value_or(std::max(1, workers - twice));
  out.wait_for_source =
      c.wait_for ? given(s.field("--wait-for")) : "N - 2 f N: drop twice the expected stragglers";
  out.staleness_bound = c.staleness_bound;
  out.staleness_exponent =
      number_or(c.staleness_exponent, s.field("--staleness-exponent"), 0.0, 4.0, 0.5,
                "square-root rule, a = 1/2 (learning rate / sqrt(1 + staleness))");
  out.steps_to_target = c.steps_to_target.value_or(d.steps_to_target);
  out.target_source = c.steps_to_target ? given(s.field("--steps-to-target")) : d.target_source;
  // The price of one accelerator-hour: the catalog's for rented accelerators; owned devices have
  // none (the idle time is then counted in device-hours).
  const DollarsPerHour catalog_price = t.fast.node.accelerator.price_per_hour;
  out.price = catalog_price;
  out.price_source = catalog_price > DollarsPerHour{}
                         ? "catalog " + std::string(t.fast.node.accelerator.name) + ": " +
                               std::string(t.fast.node.accelerator.price_provenance.source)
                         : "owned devices: no hourly price (add --price to put one on them)";
  if (c.price) {
    const text::Field f = s.field("--price");
    const bool plain = !c.price->empty() && c.price->find_first_of("$/U") == std::string::npos;
    out.price = plain ? text::parse_number(*c.price, f, 0.0, 1e6) * dollars_per_hour
                      : text::parse_quantity<DollarsPerHour>(*c.price, f, sign_rule::non_negative);
    if (!plain && value_in<dollar_per_hour_unit>(out.price) > 1e6)
      text::reject(f, "be at most $1M/h", *c.price);
    out.price_source = given(f);
  }
  out.learning_rate = number_or(c.learning_rate, s.field("--learning-rate"), 1e-12, 1e3,
                                d.learning_rate, d.learning_rate_source);
  // L = 0.1 / eta of the track's default: synchronous SGD stable with a 20x margin (full-batch
  // training drifts to the "edge of stability", sharpness 2 / eta, Cohen et al. 2021).
  out.smoothness = number_or(c.smoothness, s.field("--smoothness"), 1e-12, 1e15,
                             0.1 / d.learning_rate,
                             "didactic assumption: eta L = 0.1 at the default learning rate, a "
                             "20x margin below plain GD's eta L < 2");
  if (c.strategy) out.strategy = text::parse_choice(*c.strategy, s.field("--strategy"), strategy_keys);
  if (c.justification) {
    if (c.justification->find_first_not_of(" \t") == std::string::npos)
      text::reject(s.field("--justification"), "be a non-empty sentence", *c.justification);
    if (c.justification->size() > 2000)
      text::reject(s.field("--justification"), "be at most 2000 characters",
                   std::to_string(c.justification->size()) + " characters");
    out.justification = *c.justification;
  }
  if (out.justification && !out.strategy)
    throw text::usage_error(s.program() + ": --justification needs --strategy");
  return out;
}

parallel::TrainingJob puzzle_job(const catalog::LayoutPuzzle& z, Cluster cluster) {
  return {.model = catalog::transformer_model(z.model_key),
          .cluster = cluster,
          .global_batch = z.global_batch,
          .seq_len = z.seq_len,
          .precision = z.precision,
          .element_bytes = z.element_bytes};
}

std::optional<parallel::Evaluation> best_of(const parallel::SearchResult& r, bool zero) {
  for (const parallel::Evaluation& e : r.best)
    if (zero || e.layout.zero_stage == 0) return e;
  return std::nullopt;
}

double sync_rate(sync::StepTime dist, Seconds step, int workers, int batch) {
  dist.mean = step;
  return sync::sync_samples_per_second({.step_time = dist, .workers = workers,
                                        .batch_per_worker = batch});
}

ZeroStudy zero_study(const catalog::Track& t, const sync::StepTime& dist) {
  ZeroStudy z;
  z.puzzle = &catalog::layout_puzzles[static_cast<std::size_t>(t.id)];
  const catalog::ClusterPreset& preset = catalog::cluster_preset(z.puzzle->cluster_key);
  z.job = puzzle_job(*z.puzzle, preset.cluster);
  z.devices = paradox::accelerators(z.job.cluster);
  const parallel::SearchResult r =
      parallel::search(z.job, {.max_bubble_fraction = 0.10, .top = 1'000'000});
  const auto without = best_of(r, false);
  const auto with = best_of(r, true);
  if (!without || !with)
    throw text::usage_error("part3_sync_audit: the layout search finds no layout without ZeRO "
                            "for the cloud's puzzle");
  z.without = *without;
  z.with = *with;
  z.zero_helps = z.with.layout.zero_stage > 0 && z.with.tokens_per_second > z.without.tokens_per_second;
  // Fewer GPUs: whole racks of the preset, down to half the cluster; the smallest whose best
  // layout (with stragglers, per the same straggler model) keeps the current throughput.
  const int tokens = z.job.global_batch * parallel::sequence_length(z.job);
  const int per_node = z.job.cluster.node.accelerators_per_node;
  const double current =
      sync_rate(dist, z.without.step_time(), static_cast<int>(z.devices), tokens / static_cast<int>(z.devices));
  const int rack = std::max(1, preset.cluster.rack.members);
  for (int nodes = z.job.cluster.nodes / 2; nodes < z.job.cluster.nodes; nodes += rack) {
    Cluster smaller = preset.cluster;
    smaller.nodes = nodes;
    const parallel::TrainingJob job = puzzle_job(*z.puzzle, smaller);
    const parallel::SearchResult rs = parallel::search(job, {.max_bubble_fraction = 0.10, .top = 1});
    if (rs.best.empty()) continue;
    const int n = nodes * per_node;
    // The straggler model on n GPUs; its batch per GPU need not be whole here, so the rate is
    // the tokens per step over the expected step.
    const double rate = static_cast<double>(tokens) /
                        value_in<second_unit>(sync::expected_max(
                            [&] { sync::StepTime d = dist; d.mean = rs.best.front().step_time(); return d; }(), n));
    if (rate >= current) {
      z.fewer_devices = n;
      z.fewer_layout = rs.best.front();
      break;
    }
  }
  return z;
}

CheckpointStudy checkpoint_study(const lab::Session& s, const Controls& c, const catalog::Track& t,
                                 int workers) {
  CheckpointStudy k;
  const double params = compute::parameters(catalog::transformer_model(t.model_key));
  k.size = memory::checkpoint_size(params).total();
  // Tectonic sustained 2 TB/s for Llama 3's 16,384 GPUs (Dubey et al. 2024, sec. 3.3.1); this
  // fleet's share of it, 1,024 / 16,384, is 125 GB/s (a named assumption).
  const catalog::FailureRecord& rec = catalog::llama3_405b_pretraining;
  k.storage = 2.0e12 * static_cast<double>(workers) / rec.accelerators * bytes_per_second;
  k.storage_source = "didactic assumption: this fleet's share (" + std::to_string(workers) + " / " +
                     std::to_string(rec.accelerators) +
                     ") of the 2 TB/s that Llama 3's storage sustained (Dubey et al. 2024, sec. "
                     "3.3.1)";
  if (c.storage_bandwidth) {
    k.storage = quantity<Bandwidth>(*c.storage_bandwidth, s.field("--storage-bandwidth"));
    k.storage_source = given(s.field("--storage-bandwidth"));
  }
  const reliability::CheckpointCost cost = reliability::checkpoint_cost({.size = k.size, .storage = k.storage});
  k.write_time = cost.blocking_time;
  k.write_source = "checkpoint size / storage bandwidth";
  if (c.write_time) {
    k.write_time = quantity<Seconds>(*c.write_time, s.field("--write-time"));
    k.write_source = given(s.field("--write-time"));
  }
  const reliability::ObservedMtbf m = reliability::observed_mtbf(
      {.window = rec.window, .failures = rec.unexpected_interruptions, .units = rec.accelerators});
  k.unit_mtbf = m.unit_mtbf;
  k.fleet_mtbf = reliability::fleet_mtbf(m.unit_mtbf, workers);
  k.restart = 10.0 * minutes;
  k.restart_source = "didactic assumption: 10 min to detect, reschedule and reload";
  if (c.restart) {
    k.restart = text::parse_quantity<Seconds>(*c.restart, s.field("--restart"), sign_rule::non_negative);
    k.restart_source = given(s.field("--restart"));
  }
  if (value_in<second_unit>(k.write_time) > 1e9 || value_in<second_unit>(k.restart) > 1e9)
    text::reject(c.write_time ? s.field("--write-time") : c.restart ? s.field("--restart")
                                                                    : s.field("--storage-bandwidth"),
                 "give a checkpoint write and restart of at most 1e9 s",
                 to_string(std::max(k.write_time, k.restart)));
  k.input = {.checkpoint_cost = k.write_time, .mtbf = k.fleet_mtbf, .restart = k.restart};
  k.plan = reliability::evaluate(k.input);
  return k;
}

// Every mode on one fleet, with its time and dollars to target.
std::vector<ModeResult> run_modes(const sync::Fleet& fleet, const Settings& st, double samples) {
  const sync::StalenessPenalty penalty{.exponent = st.staleness_exponent.value};
  const int n = fleet.workers;
  const double b = fleet.batch_per_worker;
  std::vector<ModeResult> out;
  const auto finish = [&](ModeResult r) {
    r.penalty_ratio = sync::staleness_penalty_ratio(r.mean_staleness, penalty);
    r.time_to_target = sync::time_to_target(samples, r.mean_staleness, r.samples_per_second, penalty);
    r.dollars_to_target = r.time_to_target * (static_cast<double>(r.accelerators) * st.price);
    out.push_back(r);
  };
  finish({.key = "sync",
          .name = "sync (wait for all)",
          .samples_per_second = sync::sync_samples_per_second(fleet),
          .idle_fraction = sync::waiting_cost(fleet, st.price).idle_fraction,
          .accelerators = n});
  finish({.key = "async",
          .name = "async (no barrier)",
          .samples_per_second = sync::async_samples_per_second(fleet),
          .mean_staleness = sync::mean_async_staleness(fleet),
          .accelerators = n});
  const sync::SspResult ssp =
      sync::simulate_ssp(fleet, st.staleness_bound, {.steps = ssp_steps(n, st.staleness_bound), .seed = ssp_seed});
  finish({.key = "ssp",
          .name = "SSP, bound s = " + std::to_string(st.staleness_bound),
          .samples_per_second = ssp.samples_per_second,
          .idle_fraction = ssp.idle_fraction,
          .mean_staleness = ssp.mean_staleness,
          .accelerators = n});
  const Seconds backup_step = sync::expected_step_with_backup(fleet.step_time, n, st.backup);
  finish({.key = "backup",
          .name = "backup workers, b = " + std::to_string(st.backup),
          .samples_per_second = n * b / value_in<second_unit>(backup_step),
          .idle_fraction = -1.0,
          .accelerators = n + st.backup});
  const Seconds k_step = sync::expected_step_k_sync(fleet.step_time, st.wait_for, n);
  finish({.key = "ksync",
          .name = "K-sync, K = " + std::to_string(st.wait_for),
          .samples_per_second = st.wait_for * b / value_in<second_unit>(k_step),
          .idle_fraction = -1.0,
          .accelerators = n});
  return out;
}

const ModeResult& mode(const std::vector<ModeResult>& modes, const std::string& key) {
  return *std::find_if(modes.begin(), modes.end(), [&](const ModeResult& m) { return m.key == key; });
}

// The waiting cost of the same straggler model on a fleet of `workers`.
Dollars waiting_on(const sync::Fleet& fleet, int workers, DollarsPerHour price) {
  sync::Fleet f = fleet;
  f.workers = workers;
  return sync::waiting_cost(f, price).dollars;
}

CostStudy cost_study(const Plan& p, const Settings& st) {
  CostStudy c;
  const sync::Fleet& fleet = p.fleet;
  const sync::StalenessPenalty penalty{.exponent = st.staleness_exponent.value};
  c.fleet_per_month = static_cast<double>(p.workers) * st.price * sync::hours_per_month;
  c.waiting = sync::waiting_cost(fleet, st.price);
  c.claim = 1.0e6 * dollars;
  // The fleet size at which the same stragglers waste the claim: bisection on N (the waiting
  // cost grows with N: more workers, a likelier straggler, more accelerators idle).
  constexpr int max_fleet = 1'000'000;
  if (st.price > DollarsPerHour{} && waiting_on(fleet, max_fleet, st.price) >= c.claim) {
    int lo = 1;
    int hi = max_fleet;
    if (waiting_on(fleet, lo, st.price) >= c.claim) hi = lo;
    while (hi - lo > 1) {
      const int mid = lo + (hi - lo) / 2;
      (waiting_on(fleet, mid, st.price) >= c.claim ? hi : lo) = mid;
    }
    c.claim_fleet = hi;
  }
  const double idle_hours = value_in<hour_unit>(c.waiting.idle_accelerator_time);
  if (idle_hours > 0.0 && st.price > DollarsPerHour{}) c.claim_price = value_in<dollar_unit>(c.claim) / idle_hours * dollars_per_hour;

  c.current = sync::sync_option(fleet, p.samples_to_target, st.price);
  c.async = sync::async_option(fleet, p.samples_to_target, st.price, penalty);
  const ModeResult& backup = mode(p.modes, "backup");
  c.backup = {.samples_per_second = backup.samples_per_second,
              .samples_to_target = p.samples_to_target,
              .accelerators = backup.accelerators,
              .price_per_accelerator_hour = st.price};
  c.backup_cost = sync::evaluate(c.backup);
  if (p.zero) {
    // The ZeRO layout on the same GPUs, with the same stragglers and the same barrier.
    c.zero = {.samples_per_second = sync_rate(fleet.step_time, p.zero->with.step_time(), p.workers,
                                              fleet.batch_per_worker),
              .samples_to_target = p.samples_to_target,
              .accelerators = p.workers,
              .price_per_accelerator_hour = st.price};
    if (p.zero->fewer_devices)
      c.fewer_gpus_per_month = static_cast<double>(p.workers - *p.zero->fewer_devices) * st.price *
                               sync::hours_per_month;
  } else {
    c.zero = c.backup;  // off the cloud, the alternative to async is backup workers
  }
  c.comparison = sync::compare(c.current, c.async, c.zero);
  c.months_current = value_in<second_unit>(c.comparison.current.time_to_target) /
                     value_in<second_unit>(sync::hours_per_month);
  return c;
}

}  // namespace

std::string strategy_name(const std::string& key) {
  if (key == "sync") return "synchronous SGD (wait for all)";
  if (key == "async") return "asynchronous SGD (no barrier)";
  if (key == "ssp") return "stale-synchronous parallel";
  if (key == "backup") return "synchronous with backup workers";
  if (key == "ksync") return "K-sync (wait for the fastest K)";
  return "ZeRO layout (synchronous)";
}

Plan evaluate(const lab::Session& s, const Controls& c) {
  Plan p;
  const catalog::Track& t = s.track().track;
  const TrackDefaults& d = track_defaults[static_cast<std::size_t>(t.id)];
  p.workers = catalog::fleet_size(t);
  if (p.workers > 1'000'000)
    throw text::usage_error(s.program() + ": the fleet must have at most 1,000,000 workers (got " +
                            std::to_string(p.workers) + ")");
  p.settings = settle(s, c, d, t, p.workers);
  const Settings& st = p.settings;
  if (st.strategy == "zero" && t.id != catalog::TrackId::cloud)
    text::reject(s.field("--strategy"),
                 "be one of sync|async|ssp|backup|ksync on this track (ZeRO is the cloud's "
                 "layout option)",
                 "zero");

  sync::StepTime dist{.shape = st.sigma > 0.0 ? sync::Shape::lognormal : sync::Shape::deterministic,
                      .mean = 1.0 * seconds,
                      .sigma = st.sigma,
                      .slow_fraction = st.slow_fraction.value,
                      .slowdown_ratio = st.slowdown.value,
                      .persistence = st.persistence};
  if (t.id == catalog::TrackId::cloud) {
    const catalog::LayoutPuzzle& z = catalog::layout_puzzles[0];
    const std::int64_t devices = paradox::accelerators(catalog::cluster_preset(z.cluster_key).cluster);
    if (p.workers != devices)
      throw text::usage_error(
          "scenario: track.fleet_size and track.workers_per_node must keep the cloud's " +
          std::to_string(devices) +
          " GPUs: part 3 prices part 2's layouts on that cluster (got " +
          std::to_string(p.workers) + ")");
    p.zero = zero_study(t, dist);
    const parallel::TrainingJob& job = p.zero->job;
    p.sample_unit = "tokens";
    p.batch_per_worker = job.global_batch * parallel::sequence_length(job) / p.workers;
    p.step_mean = p.zero->without.step_time();
    p.compute_share = p.step_mean;
    p.step_source = "part 2's best layout without ZeRO";
  } else {
    p.sample_unit = std::string(t.workload.batch_unit);
    p.batch_per_worker =
        std::max(1, static_cast<int>(std::lround(t.workload.global_batch / p.workers)));
    p.compute_share = t.compute_time_one_worker / static_cast<double>(p.workers);
    p.upload = transfer_time(t.slow.node.nic, t.sync_payload);
    p.step_mean = p.compute_share + p.upload;
    p.step_source = "its share of the round's compute + the update's upload over " +
                    std::string(t.slow.node.nic.name);
  }
  dist.mean = p.step_mean;
  p.fleet = {.step_time = dist, .workers = p.workers, .batch_per_worker = p.batch_per_worker};
  p.expected_step = sync::expected_max(dist, p.workers);
  p.p_any_slow = sync::probability_any_slow(st.slow_fraction.value, p.workers);
  p.samples_to_target = static_cast<double>(st.steps_to_target) * p.workers * p.batch_per_worker;
  p.modes = run_modes(p.fleet, st, p.samples_to_target);

  const double sync_rate_now = mode(p.modes, "sync").samples_per_second;
  const double async_rate_now = mode(p.modes, "async").samples_per_second;
  const lab::Comparison cmp = lab::compare(async_rate_now, sync_rate_now);
  p.answer = cmp == lab::Comparison::more ? "yes" : cmp == lab::Comparison::less ? "no" : "same";

  const double L = st.smoothness.value;
  p.critical_lr_sync = sync::critical_learning_rate(L, 0);
  p.critical_lr_async = sync::critical_learning_rate(L, p.workers - 1);
  p.critical_lr_ssp = sync::critical_learning_rate(
      L, static_cast<long long>(std::ceil(mode(p.modes, "ssp").mean_staleness)));
  if (st.learning_rate.value * L < 1e-15)
    text::reject(s.field(c.learning_rate ? "--learning-rate" : "--smoothness"),
                 "give learning rate x smoothness >= 1e-15", text::number(st.learning_rate.value * L));
  p.divergence_tau = sync::divergence_staleness(st.learning_rate.value, L);
  p.round_trip_updates = async_rate_now / p.batch_per_worker * value_in<second_unit>(sync::mean(dist));

  if (t.id == catalog::TrackId::cloud) p.checkpoint = checkpoint_study(s, c, t, p.workers);
  if (t.id == catalog::TrackId::mobile || t.id == catalog::TrackId::tiny) {
    const sync::StalenessPenalty penalty{.exponent = st.staleness_exponent.value};
    for (const int bound : {0, 1, 2, 4, 8, 16}) {
      const sync::SspResult r =
          sync::simulate_ssp(p.fleet, bound, {.steps = ssp_steps(p.workers, bound), .seed = ssp_seed});
      ModeResult m{.key = "ssp",
                   .name = "s = " + std::to_string(bound),
                   .samples_per_second = r.samples_per_second,
                   .idle_fraction = r.idle_fraction,
                   .mean_staleness = r.mean_staleness,
                   .accelerators = p.workers};
      m.penalty_ratio = sync::staleness_penalty_ratio(m.mean_staleness, penalty);
      m.time_to_target =
          sync::time_to_target(p.samples_to_target, m.mean_staleness, m.samples_per_second, penalty);
      p.ssp_bounds.push_back(m);
    }
  }
  p.cost = cost_study(p, st);

  // The models' pick: the fewest dollars to target when there is a price, else the least time.
  std::vector<std::pair<std::string, double>> score;
  for (const ModeResult& m : p.modes)
    score.emplace_back(m.key, st.price > DollarsPerHour{} ? value_in<dollar_unit>(m.dollars_to_target)
                                                          : value_in<second_unit>(m.time_to_target));
  if (p.zero)
    score.emplace_back("zero", st.price > DollarsPerHour{}
                                   ? value_in<dollar_unit>(p.cost->comparison.alternative.dollars_to_target)
                                   : value_in<second_unit>(p.cost->comparison.alternative.time_to_target));
  p.recommended = std::min_element(score.begin(), score.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->first;

  if (s.writes_figures()) {
    const double top = std::min(1.0, std::max(0.2, 2.0 * st.slow_fraction.value));
    const sync::StalenessPenalty penalty{.exponent = st.staleness_exponent.value};
    for (int i = 0; i <= 20; ++i) {
      SweepPoint pt;
      pt.slow_fraction = top * i / 20.0;
      sync::Fleet f = p.fleet;
      f.step_time.slow_fraction = pt.slow_fraction;
      pt.sync = sync::sync_samples_per_second(f);
      pt.async = sync::async_samples_per_second(f);
      const sync::SspResult r =
          sync::simulate_ssp(f, st.staleness_bound, {.steps = ssp_steps(p.workers, st.staleness_bound), .seed = ssp_seed});
      pt.ssp = r.samples_per_second;
      pt.backup = p.workers * p.batch_per_worker /
                  value_in<second_unit>(sync::expected_step_with_backup(f.step_time, p.workers, st.backup));
      const auto days = [&](double staleness, double rate) {
        return value_in<day_unit>(sync::time_to_target(p.samples_to_target, staleness, rate, penalty));
      };
      pt.sync_days = days(0.0, pt.sync);
      pt.async_days = days(p.workers - 1.0, pt.async);
      pt.ssp_days = days(r.mean_staleness, pt.ssp);
      pt.backup_days = days(0.0, pt.backup);
      p.sweep.push_back(pt);
    }
  }
  return p;
}

}  // namespace paradox::part3
