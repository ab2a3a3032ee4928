// Part 2's instruments: the track's layout puzzle as a parallel::TrainingJob, each try built
// and evaluated, the layout search, the weights across the cluster per pipeline degree (the
// prediction's answer) and the micro-batch reflection. Everything here is paradox::parallel.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "paradox/compute/parameters.hpp"
#include "paradox/error.hpp"
#include "paradox_text/errors.hpp"
#include "paradox_text/format.hpp"
#include "part2.hpp"

namespace paradox::part2 {

namespace {

struct DeviceWords {
  catalog::TrackId track;
  const char* noun;
  const char* plural;
};
constexpr std::array<DeviceWords, 4> device_words{{{catalog::TrackId::cloud, "GPU", "GPUs"},
                                                   {catalog::TrackId::edge, "SoC", "SoCs"},
                                                   {catalog::TrackId::mobile, "device", "devices"},
                                                   {catalog::TrackId::tiny, "earbud", "earbuds"}}};

bool same_link(const Link& a, const Link& b) {
  return a.bandwidth == b.bandwidth && a.latency == b.latency && a.name == b.name;
}

bool same_fleet(const Cluster& a, const Cluster& b) {
  return a.nodes == b.nodes && a.node.accelerators_per_node == b.node.accelerators_per_node &&
         a.node.nics_per_node == b.node.nics_per_node && same_link(a.node.nic, b.node.nic) &&
         same_link(a.node.intra_node, b.node.intra_node);
}

std::vector<int> divisors(std::int64_t n) {
  std::vector<int> out;
  for (std::int64_t i = 1; i <= n; ++i)
    if (n % i == 0) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace

Puzzle puzzle_of(const lab::LabTrack& track, std::optional<int> global_batch,
                 const text::Field& batch_field) {
  const catalog::Track& built_in = catalog::track(track.track.id);
  // The puzzle runs on the track's own cluster preset; part 1's network tables do not apply.
  if (!same_fleet(track.track.slow, built_in.slow) || !same_fleet(track.track.fast, built_in.fast))
    throw text::usage_error(
        "scenario: [network.*], track.fleet_size and track.workers_per_node are part 1's "
        "networks and fleet; part 2 splits the model over the track's cluster preset (see "
        "`paradox catalog`), so remove them from this scenario");
  Puzzle p;
  p.preset = &catalog::layout_puzzles[static_cast<std::size_t>(track.track.id)];
  p.cluster = &catalog::cluster_preset(p.preset->cluster_key);
  p.job = {.model = catalog::transformer_model(p.preset->model_key),
           .cluster = p.cluster->cluster,
           .global_batch = global_batch.value_or(p.preset->global_batch),
           .seq_len = p.preset->seq_len,
           .precision = p.preset->precision,
           .element_bytes = p.preset->element_bytes};
  p.devices = paradox::accelerators(p.job.cluster);
  for (const DeviceWords& w : device_words)
    if (w.track == track.track.id) {
      p.device_noun = w.noun;
      p.device_plural = w.plural;
    }
  (void)batch_field;  // the flag's reader enforces >= 1
  parallel::validate(p.job);
  return p;
}

std::string describe(const parallel::Layout& l) {
  std::string s = "tp=" + std::to_string(l.tensor_parallel) +
                  " pp=" + std::to_string(l.pipeline_parallel) +
                  " dp=" + std::to_string(l.data_parallel) + " mb=" + std::to_string(l.micro_batch) +
                  " m=" + std::to_string(l.microbatches);
  if (l.virtual_stages > 1) s += " v=" + std::to_string(l.virtual_stages);
  if (l.pipeline_parallel > 1) s += " " + std::string(pipeline::to_string(l.schedule));
  s += " zero=" + std::to_string(l.zero_stage);
  if (l.recompute != parallel::Recomputation::none)
    s += " recompute=" + std::string(compute::to_string(l.recompute));
  if (l.sequence_parallel) s += " sp";
  return s;
}

TryResult run_try(const Puzzle& p, const TrySpec& spec) {
  TryResult r;
  r.spec = spec;
  const text::Field f{spec.field.who, spec.field.name + " " + spec.text};
  const std::int64_t model_parallel = static_cast<std::int64_t>(spec.tensor) * spec.pipeline;
  if (p.devices % model_parallel != 0)
    text::reject(f,
                 "have tp x pp dividing the " + std::to_string(p.devices) + " " +
                     p.device_plural + " (dp = " + p.device_plural + " / (tp x pp))",
                 "tp x pp = " + std::to_string(model_parallel));
  const int d = static_cast<int>(p.devices / model_parallel);
  if (spec.data && *spec.data != d)
    text::reject(f, "have dp = " + std::to_string(p.devices) + " / (tp x pp) = " + std::to_string(d),
                 "dp=" + std::to_string(*spec.data));
  int m = 0;
  if (spec.microbatches) {
    m = *spec.microbatches;
  } else {
    const std::int64_t per_micro = static_cast<std::int64_t>(d) * spec.micro_batch;
    if (p.job.global_batch % per_micro != 0)
      text::reject(f,
                   "have dp x mb dividing the global batch of " +
                       std::to_string(p.job.global_batch) +
                       " sequences (m = batch / (dp x mb)), or give m",
                   "dp x mb = " + std::to_string(per_micro));
    m = static_cast<int>(p.job.global_batch / per_micro);
  }
  r.layout = {.data_parallel = d,
              .tensor_parallel = spec.tensor,
              .pipeline_parallel = spec.pipeline,
              .context_parallel = 1,
              .virtual_stages = spec.virtual_stages,
              .micro_batch = spec.micro_batch,
              .microbatches = m,
              .zero_stage = spec.zero,
              .recompute = spec.recompute,
              .sequence_parallel = spec.sequence_parallel,
              .schedule = spec.schedule.value_or(spec.virtual_stages > 1
                                                     ? pipeline::Schedule::interleaved_1f1b
                                                     : pipeline::Schedule::one_f_one_b)};
  try {
    r.evaluation = parallel::evaluate(p.job, r.layout);
  } catch (const invalid_input& e) {
    r.reason = e.what();
  }
  return r;
}

Plan evaluate(const lab::Session& s, const Controls& c) {
  Plan p;
  p.puzzle = puzzle_of(s.track(), c.global_batch, s.field("--global-batch"));
  for (const TrySpec& t : c.tries) p.tries.push_back(run_try(p.puzzle, t));
  // More than shown: the table drops layouts that differ only in ZeRO with one replica.
  p.search = parallel::search(p.puzzle.job,
                              {.max_bubble_fraction = bubble_target, .top = 8 * search_top});

  // The prediction's answer: at the tensor degree of the search's best (1 if none), each
  // pipeline degree that divides the devices and the layers: fewer replicas, fewer copies.
  const int tp = p.search.best.empty() ? 1 : p.search.best.front().layout.tensor_parallel;
  const compute::ParameterBreakdown parts = compute::parameter_breakdown(p.puzzle.job.model);
  for (const int pp : divisors(p.puzzle.devices / tp)) {
    if (p.puzzle.job.model.layers % pp != 0) continue;
    const int d = static_cast<int>(p.puzzle.devices / (static_cast<std::int64_t>(tp) * pp));
    parallel::TrainingJob job = p.puzzle.job;
    job.global_batch = d;  // the weights do not depend on the batch
    const parallel::Layout l{.data_parallel = d, .tensor_parallel = tp, .pipeline_parallel = pp};
    try {
      const parallel::Evaluation e = parallel::evaluate(job, l);
      p.weights.push_back({.pipeline = pp,
                           .tensor = tp,
                           .data = d,
                           .per_device = e.memory.weights,
                           .cluster = static_cast<double>(d) * parts.total() *
                                      job.bytes.weights * bytes});
    } catch (const invalid_input&) {
      // a pipeline degree the model cannot take at this tp: not a row
    }
  }
  return p;
}

Outcome outcome(const Plan& p, const std::vector<TryResult>& tries) {
  Outcome o;
  // The best try: highest MFU among those that solve the puzzle; else among those that fit;
  // else among the valid ones.
  for (const auto& accept :
       {+[](const TryResult& r) { return r.solves(); },
        +[](const TryResult& r) { return r.valid() && r.evaluation->fits; },
        +[](const TryResult& r) { return r.valid(); }}) {
    for (std::size_t i = 0; i < tries.size(); ++i) {
      if (!accept(tries[i])) continue;
      if (!o.best || tries[i].evaluation->mfu > tries[*o.best].evaluation->mfu) o.best = i;
    }
    if (o.best) break;
  }
  if (o.best) {
    o.reference = tries[*o.best].layout;
    o.reference_origin = "your try " + std::to_string(*o.best + 1);
    o.reference_evaluation = tries[*o.best].evaluation;
  } else if (!p.search.best.empty()) {
    o.reference = p.search.best.front().layout;
    o.reference_origin = "the search's best layout";
    o.reference_evaluation = p.search.best.front();
  } else {
    o.reference = {.data_parallel = static_cast<int>(p.puzzle.devices),
                   .microbatches = std::max(1, p.puzzle.job.global_batch /
                                                   static_cast<int>(p.puzzle.devices))};
    o.reference_origin = "plain data parallelism";
    try {
      o.reference_evaluation = parallel::evaluate(p.puzzle.job, o.reference);
    } catch (const invalid_input&) {
    }
  }

  // The reflection: the reference layout at every micro-batch count the batch allows (the
  // global batch fixed: m x mb = B / d).
  const parallel::Layout& ref = o.reference;
  const int per_replica = p.puzzle.job.global_batch / ref.data_parallel;
  if (static_cast<std::int64_t>(per_replica) * ref.data_parallel == p.puzzle.job.global_batch) {
    for (const int m : divisors(per_replica)) {
      MicrobatchRow row{.microbatches = m, .micro_batch = per_replica / m, .evaluation = {},
                        .reason = {}};
      parallel::Layout l = ref;
      l.microbatches = m;
      l.micro_batch = per_replica / m;
      try {
        row.evaluation = parallel::evaluate(p.puzzle.job, l);
      } catch (const invalid_input& e) {
        row.reason = e.what();
      }
      o.reflection.push_back(row);
    }
  }
  return o;
}

}  // namespace paradox::part2
