/// @file
/// @brief The layout search: every valid layout of a job, those that fit and meet a bubble
/// target, the best k by MFU, and the Pareto set of throughput against memory headroom.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/memory/sharding.hpp"
#include "paradox/parallel/layout.hpp"
#include "paradox/parallel/placement.hpp"
#include "paradox/parallel/step_time.hpp"
#include "paradox/pipeline/bubble.hpp"

namespace paradox::parallel {

/// @addtogroup parallel
/// @{

/// @brief What the search keeps and how it runs.
struct SearchOptions {
  double max_bubble_fraction = 0.10;     ///< keep layouts whose bubble is at most this, in [0, 1]
  int top = 10;                          ///< how many of the best to return, >= 1
  bool search_context_parallel = false;  ///< also try cp > 1 (long-context training)
  /// Worker threads, >= 1. The result does not depend on it: each thread takes whole (t, cp,
  /// pp, split) families and the families are merged in enumeration order.
  int threads = 1;
};

/// @brief What the search found.
struct SearchResult {
  std::int64_t layouts_evaluated = 0;  ///< valid layouts considered
  std::int64_t feasible = 0;           ///< of those, the ones that fit and meet the bubble target
  std::vector<Evaluation> best;        ///< the best `top` feasible layouts, highest MFU first
  /// Feasible layouts no other beats on both tokens/s and memory headroom, fastest first
  std::vector<Evaluation> pareto;
};

namespace detail {

[[nodiscard]] inline std::vector<int> divisors(std::int64_t n) {
  std::vector<int> low;
  std::vector<int> high;
  for (std::int64_t i = 1; i * i <= n; ++i) {
    if (n % i != 0) continue;
    low.push_back(static_cast<int>(i));
    if (i != n / i) high.push_back(static_cast<int>(n / i));
  }
  low.insert(low.end(), high.rbegin(), high.rend());
  return low;
}

/// The structural choices one search task enumerates the rest of.
struct Family {
  int tensor = 1;
  int context = 1;
  int pipeline = 1;
  memory::LayerSplit split = memory::LayerSplit::even;
};

/// A total order on layouts so that ties between equal evaluations break the same way on
/// every run and every thread count.
[[nodiscard]] inline auto key(const Layout& l) {
  return std::make_tuple(l.data_parallel, l.tensor_parallel, l.pipeline_parallel,
                         l.context_parallel, l.virtual_stages, l.micro_batch, l.microbatches,
                         l.zero_stage, static_cast<int>(l.recompute), l.sequence_parallel,
                         static_cast<int>(l.layer_split), static_cast<int>(l.schedule));
}

/// Higher MFU first; then more headroom; then the layout key.
[[nodiscard]] inline bool better(const Evaluation& a, const Evaluation& b) {
  if (a.mfu != b.mfu) return a.mfu > b.mfu;
  const double ha = value_in<byte_unit>(a.memory.headroom);
  const double hb = value_in<byte_unit>(b.memory.headroom);
  if (ha != hb) return ha > hb;
  return key(a.layout) < key(b.layout);
}

struct TaskResult {
  std::int64_t evaluated = 0;
  std::vector<Evaluation> feasible;
};

inline void run_family(const TrainingJob& job, const SearchOptions& options, const Family& f,
                       TaskResult& out) {
  const std::int64_t n = paradox::accelerators(job.cluster);
  const int s = sequence_length(job);
  const int layers = job.model.layers;
  const int d =
      static_cast<int>(n / (static_cast<std::int64_t>(f.tensor) * f.context * f.pipeline));
  if (job.global_batch % d != 0) return;
  const int per_replica = job.global_batch / d;
  // Layers available to interleave: L / pp chunks per stage (L + 2 with lighter ends).
  const int stage_layers =
      f.split == memory::LayerSplit::even ? layers / f.pipeline : (layers + 2) / f.pipeline;
  Layout base{.data_parallel = d,
              .tensor_parallel = f.tensor,
              .pipeline_parallel = f.pipeline,
              .context_parallel = f.context,
              .layer_split = f.split};
  const Placement placement = place(job.cluster, base);
  const int zero_stages = static_cast<std::int64_t>(d) * f.context > 1 ? 4 : 1;
  const bool sequence_parallel_ok =
      f.tensor >= 2 && s % (static_cast<std::int64_t>(f.tensor) * f.context) == 0;
  for (const int b : divisors(per_replica)) {
    const int m = per_replica / b;
    std::vector<int> chunks{1};
    if (f.pipeline >= 2 && m % f.pipeline == 0)
      for (const int v : divisors(stage_layers))
        if (v >= 2) chunks.push_back(v);
    for (const int v : chunks) {
      const double bubble =
          pipeline::bubble_fraction({.stages = f.pipeline, .microbatches = m, .virtual_stages = v});
      // ZeRO 0-3 (only 0 without data-parallel ranks to shard over) x recomputation (selective
      // only with an attention term) x sequence parallelism (off, and on where it applies: even
      // under full recomputation it shards the element-wise work of the layer norms and
      // dropouts, Korthikanti et al. 2022, table 4).
      const int recomputations = job.attention == compute::AttentionTerm::excluded ? 2 : 3;
      const int variants = zero_stages * recomputations * (sequence_parallel_ok ? 2 : 1);
      out.evaluated += variants;
      if (bubble > options.max_bubble_fraction) continue;
      Layout layout = base;
      layout.micro_batch = b;
      layout.microbatches = m;
      layout.virtual_stages = v;
      layout.schedule =
          v > 1 ? pipeline::Schedule::interleaved_1f1b : pipeline::Schedule::one_f_one_b;
      for (int zero = 0; zero < zero_stages; ++zero) {
        for (const Recomputation r :
             {Recomputation::none, Recomputation::selective, Recomputation::full}) {
          if (r == Recomputation::selective && job.attention == compute::AttentionTerm::excluded)
            continue;
          for (const bool sp : {false, true}) {
            if (sp && !sequence_parallel_ok) continue;
            layout.zero_stage = zero;
            layout.recompute = r;
            layout.sequence_parallel = sp;
            // Memory first: a layout that does not fit needs no step time.
            const memory::FitResult fit = detail::layout_memory(job, layout);
            if (fit.fits) out.feasible.push_back(detail::timed(job, layout, placement, fit));
          }
        }
      }
    }
  }
}

}  // namespace detail

/// @brief Every valid layout of a job: the best by MFU and the Pareto set, among those that
/// fit in memory and keep the pipeline bubble at or below a target.
///
/// Enumerates t over the divisors of N that divide the heads and kv heads; cp over the
/// divisors of N / t that divide s (only with `search_context_parallel`); pp over the divisors
/// of N / (t cp) whose layer split works (even, and lighter ends for pp >= 3: with two stages
/// it is the even split); d = N / (t cp pp) when it
/// divides B; b over the divisors of B / d and m = B / (d b); v = 1 (1F1B) or, when pp >= 2
/// and pp divides m, every v >= 2 dividing the layers per stage (interleaved 1F1B); ZeRO
/// stages 0-3 (0 alone when d cp = 1: nothing to shard over); recomputation none, selective,
/// full; sequence parallelism off, and on when t >= 2 and t cp divides s (with full
/// recomputation it saves no memory, the layer input \f$2sbh\f$ is kept whole either way, but
/// it shards the layer norms' and dropouts' element-wise work by t).
/// GPipe is not searched: its bubble equals 1F1B's and it holds more activations.
/// `layouts_evaluated` counts every layout so enumerated, including those the bubble target
/// rules out before their memory and time are computed.
/// Every layout it builds passes validate(job, layout). Throughput ranks the same as MFU at a
/// fixed model, cluster and batch, so one ranking serves both.
/// @param job the job (validated)
/// @param options the bubble target, k, whether to try context parallelism, threads
/// @throws invalid_input from validate(job), or for options out of range, e.g.
///   "layout search: top must be >= 1 (got 0)"
/// @return counts, the best k (highest MFU first; ties: more headroom, then layout order) and
///   the Pareto set (fastest first); identical for any thread count
[[nodiscard]] inline SearchResult search(const TrainingJob& job,
                                         const SearchOptions& options = {}) {
  constexpr std::string_view fn = "layout search";
  validate(job);
  require_fraction(fn, "max_bubble_fraction", options.max_bubble_fraction);
  require_at_least(fn, "top", options.top, 1);
  require_in_range(fn, "threads", options.threads, 1, 256);

  const std::int64_t n = paradox::accelerators(job.cluster);
  const int s = sequence_length(job);
  const int layers = job.model.layers;
  std::vector<detail::Family> families;
  for (const int t : detail::divisors(n)) {
    if (job.model.heads % t != 0 || job.model.kv_heads % t != 0) continue;
    const std::vector<int> contexts =
        options.search_context_parallel ? detail::divisors(n / t) : std::vector<int>{1};
    for (const int cp : contexts) {
      if (s % cp != 0) continue;
      for (const int pp : detail::divisors(n / (static_cast<std::int64_t>(t) * cp))) {
        if (layers % pp == 0) families.push_back({t, cp, pp, memory::LayerSplit::even});
        // With two stages, lighter ends is the even split ((L + 2)/2 - 1 = L/2): not repeated.
        if (pp >= 3 && (layers + 2) % pp == 0 && (layers + 2) / pp >= 2)
          families.push_back({t, cp, pp, memory::LayerSplit::lighter_ends});
      }
    }
  }

  std::vector<detail::TaskResult> results(families.size());
  const auto work = [&](std::size_t first, std::size_t stride) {
    for (std::size_t i = first; i < families.size(); i += stride)
      detail::run_family(job, options, families[i], results[i]);
  };
  const auto threads = static_cast<std::size_t>(options.threads);
  if (threads <= 1) {
    work(0, 1);
  } else {
    std::vector<std::jthread> pool;
    for (std::size_t k = 0; k < threads; ++k) pool.emplace_back(work, k, threads);
  }

  SearchResult out;
  std::vector<Evaluation> feasible;
  for (detail::TaskResult& r : results) {
    out.layouts_evaluated += r.evaluated;
    feasible.insert(feasible.end(), r.feasible.begin(), r.feasible.end());
  }
  out.feasible = static_cast<std::int64_t>(feasible.size());
  const std::size_t k =
      std::min<std::size_t>(static_cast<std::size_t>(options.top), feasible.size());
  std::partial_sort(feasible.begin(), feasible.begin() + static_cast<std::ptrdiff_t>(k),
                    feasible.end(), detail::better);
  out.best.assign(feasible.begin(), feasible.begin() + static_cast<std::ptrdiff_t>(k));

  // Pareto set: fastest first (ties: more headroom, then layout order); a layout joins when
  // its headroom beats every faster one's.
  std::sort(feasible.begin(), feasible.end(), [](const Evaluation& a, const Evaluation& b) {
    if (a.tokens_per_second != b.tokens_per_second)
      return a.tokens_per_second > b.tokens_per_second;
    return detail::better(a, b);
  });
  bool first = true;
  double best_headroom = 0.0;
  for (const Evaluation& e : feasible) {
    const double headroom = value_in<byte_unit>(e.memory.headroom);
    if (first || headroom > best_headroom) {
      out.pareto.push_back(e);
      best_headroom = headroom;
      first = false;
    }
  }
  return out;
}

/// @}

}  // namespace paradox::parallel
