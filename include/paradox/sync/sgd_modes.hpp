/// @file
/// @brief Throughput of synchronous, asynchronous and stale-synchronous SGD on a fleet of
/// workers with random step times, and the staleness of asynchronous updates.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/sync/distributions.hpp"
#include "paradox/sync/monte_carlo.hpp"
#include "paradox/sync/order_statistics.hpp"
#include "paradox/units.hpp"

namespace paradox::sync {

/// @addtogroup sync
/// @{

/// @brief A data-parallel fleet: N workers, each step processing its own micro-batch.
struct Fleet {
  StepTime step_time;        ///< one worker's step-time distribution
  int workers = 1;           ///< N, >= 1
  int batch_per_worker = 1;  ///< samples one worker processes per step, >= 1
};

/// @brief Checks a fleet.
/// @param function the calling model, for the message
/// @param fleet the fleet
/// @pre check(fleet.step_time) passes; workers >= 1; batch_per_worker >= 1
/// @throws invalid_input "sync throughput: workers must be >= 1 (got 0)"
inline void check(std::string_view function, const Fleet& fleet) {
  check(function, fleet.step_time);
  require_at_least(function, "workers", fleet.workers, 1);
  require_at_least(function, "batch_per_worker", fleet.batch_per_worker, 1);
}

/// @brief Synchronous SGD (a barrier every step): \f$N b / E[\max_i X_i]\f$ samples per second.
///
/// Every step waits for the slowest worker (bulk synchronous parallel, Valiant 1990); the
/// expected step is expected_max. By the renewal-reward theorem the long-run rate is the
/// samples of a step over its expected duration.
/// @param fleet the fleet
/// @pre check(fleet) passes
/// @throws invalid_input "sync throughput: workers must be >= 1 (got 0)"
/// @return samples per second
/// @see async_samples_per_second, simulate_ssp
[[nodiscard]] inline double sync_samples_per_second(const Fleet& fleet) {
  check("sync throughput", fleet);
  const double step = value_in<second_unit>(expected_max(fleet.step_time, fleet.workers));
  return static_cast<double>(fleet.workers) * static_cast<double>(fleet.batch_per_worker) / step;
}

/// @brief Asynchronous SGD (no barrier): the sum of the workers' rates,
/// \f$\sum_i b / E[X_i]\f$ samples per second.
///
/// Each worker sends its update and starts the next step at once (Dean et al. 2012, Downpour
/// SGD; Dutta et al. 2018, sec. 3). Per-step stragglers: \f$N b / E[X]\f$ with
/// \f$E[X] = m(1 + f(k-1))\f$; per-worker stragglers: \f$b\,((N - s)/m + s/(k m))\f$ for s slow
/// workers. Communication with the parameter server is not modelled.
/// @param fleet the fleet
/// @pre check(fleet) passes
/// @throws invalid_input "async throughput: workers must be >= 1 (got 0)"
/// @return samples per second
/// @see sync_samples_per_second
[[nodiscard]] inline double async_samples_per_second(const Fleet& fleet) {
  check("async throughput", fleet);
  const double b = static_cast<double>(fleet.batch_per_worker);
  const double n = static_cast<double>(fleet.workers);
  const StepTime& d = fleet.step_time;
  if (d.persistence == Persistence::per_step)
    return n * b / value_in<second_unit>(mean(d));
  const double m = value_in<second_unit>(d.mean);
  const double slow = static_cast<double>(slow_workers(d, fleet.workers));
  return b * ((n - slow) / m + slow / (d.slowdown_ratio * m));
}

/// @brief Mean staleness of asynchronous updates, in updates.
///
/// The staleness of an update is the number of other workers' updates applied between the
/// read of the parameters it was computed on and its own application (Dutta et al. 2018,
/// sec. 2). Worker i, of mean step \f$\mu_i\f$ and rate \f$r_i = 1/\mu_i\f$, sees
/// \f$\mu_i \sum_{j \ne i} r_j\f$ updates during a step; weighted by the rates this averages to
/// exactly N - 1, whatever the step-time distribution: slow workers' updates are staler, but
/// rarer. The distribution around the mean comes from simulate_async_staleness.
/// @param fleet the fleet
/// @pre check(fleet) passes
/// @throws invalid_input "async staleness: workers must be >= 1 (got 0)"
/// @return N - 1
/// @see simulate_async_staleness
[[nodiscard]] inline double mean_async_staleness(const Fleet& fleet) {
  check("async staleness", fleet);
  return static_cast<double>(fleet.workers - 1);
}

/// @brief How long, and from which seed, a fleet is simulated.
struct SimulationOptions {
  int steps = 10'000;       ///< steps per worker (SSP) or updates (async), >= 1
  std::uint64_t seed = 1;   ///< seed of the std::mt19937_64 engine
};

/// @brief Result of a stale-synchronous simulation.
struct SspResult {
  double samples_per_second = 0.0;  ///< N b steps over the time the last worker finishes
  double idle_fraction = 0.0;       ///< share of accelerator time spent blocked, in [0, 1)
  double mean_staleness = 0.0;      ///< mean of the updates from earlier clocks not yet seen
  int staleness_bound = 0;          ///< s
};

/// @brief Stale synchronous parallel (SSP) with bound s, simulated with seeded step times.
///
/// Ho et al. 2013, "More Effective Distributed ML via a Stale Synchronous Parallel Parameter
/// Server", NIPS, sec. 2: a worker at clock c may start only when the slowest worker has
/// finished clock c - s - 1, i.e. it runs at most s clocks ahead. With \f$T_i(c)\f$ worker i's
/// finish of clock c and \f$M(c) = \max_j T_j(c)\f$:
/// \f$T_i(c) = \max(T_i(c - 1), M(c - 1 - s)) + X_i(c)\f$. With s = 0 this is the barrier of
/// synchronous SGD: the same draws give exactly the synchronous simulation, and in expectation
/// sync_samples_per_second. As s grows the rate rises towards async_samples_per_second for
/// transient stragglers; a persistent straggler still caps it at its own pace, since the others
/// can run only s clocks ahead of it. The staleness counted is the number of other workers'
/// updates from clocks before c that are not finished when a worker starts clock c (at most
/// s (N - 1)); the parameter server's communication is not modelled.
/// @param fleet the fleet
/// @param staleness_bound s, in [0, 10000]
/// @param options steps per worker (>= 1) and seed; same options, same result
/// @pre check(fleet) passes; 0 <= s <= 10000; steps x N <= 10^9
/// @throws invalid_input "ssp: staleness_bound must be in [0, 10000] (got -1)"
/// @return throughput, idle fraction and mean staleness
/// @see sync_samples_per_second, async_samples_per_second
[[nodiscard]] inline SspResult simulate_ssp(const Fleet& fleet, int staleness_bound,
                                            SimulationOptions options = {}) {
  constexpr std::string_view fn = "ssp";
  check(fn, fleet);
  require_in_range(fn, "staleness_bound", staleness_bound, 0, 10'000);
  require_at_least(fn, "steps", options.steps, 1);
  if (static_cast<double>(options.steps) * static_cast<double>(fleet.workers) > 1e9)
    throw invalid_input(fn, "steps", "be <= 1e9 / workers", paradox::detail::describe(options.steps));
  const int n = fleet.workers;
  const int s = staleness_bound;
  const int slow = slow_workers(fleet.step_time, n);
  detail::Sampler sampler(fleet.step_time, options.seed);
  const auto un = static_cast<std::size_t>(n);
  std::vector<double> finish(un, 0.0);
  // M(c) for every clock c (M(0) = 0), and the sorted finishes of the last s clocks, for the
  // count of unseen updates.
  std::vector<double> slowest(static_cast<std::size_t>(options.steps) + 1, 0.0);
  std::vector<std::vector<double>> recent(static_cast<std::size_t>(s), std::vector<double>(un));
  double busy = 0.0;
  double unseen = 0.0;
  std::vector<double> start(un);
  for (int c = 1; c <= options.steps; ++c) {
    const double gate = c - 1 - s >= 0 ? slowest[static_cast<std::size_t>(c - 1 - s)] : 0.0;
    for (int i = 0; i < n; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      start[ui] = std::max(finish[ui], gate);
      const double x = sampler.draw(i, slow);
      busy += x;
      finish[ui] = start[ui] + x;
    }
    // Updates of clocks c - s .. c - 1 unfinished at each worker's start (earlier clocks are
    // finished by the gate; a worker's own are finished before it starts).
    for (int back = 1; back <= std::min(s, c - 1); ++back) {
      const std::vector<double>& done = recent[static_cast<std::size_t>((c - back) % s)];
      for (int i = 0; i < n; ++i) {
        const auto later = std::upper_bound(done.begin(), done.end(), start[static_cast<std::size_t>(i)]);
        unseen += static_cast<double>(done.end() - later);
      }
    }
    slowest[static_cast<std::size_t>(c)] = *std::max_element(finish.begin(), finish.end());
    if (s > 0) {
      std::vector<double>& slot = recent[static_cast<std::size_t>(c % s)];
      slot = finish;
      std::sort(slot.begin(), slot.end());
    }
  }
  const double total = slowest[static_cast<std::size_t>(options.steps)];
  const double worker_steps = static_cast<double>(options.steps) * static_cast<double>(n);
  return {.samples_per_second = worker_steps * static_cast<double>(fleet.batch_per_worker) / total,
          .idle_fraction = std::clamp(1.0 - busy / (static_cast<double>(n) * total), 0.0, 1.0),
          .mean_staleness = unseen / worker_steps,
          .staleness_bound = s};
}

/// @brief The simulated distribution of asynchronous staleness.
struct StalenessDistribution {
  std::vector<double> probability;  ///< probability[t] = P(staleness = t updates)
  double mean = 0.0;                ///< mean staleness, in updates (about N - 1)
  int median = 0;                   ///< smallest t with P(staleness <= t) >= 0.5
  int p99 = 0;                      ///< smallest t with P(staleness <= t) >= 0.99
  int max = 0;                      ///< largest staleness seen
};

/// @brief Staleness of asynchronous updates, simulated with seeded step times.
///
/// Every worker reads the parameters, computes for one step time and applies its update;
/// the staleness of that update is the number of other updates applied in between (Dutta et
/// al. 2018, sec. 2). The first 10 N updates warm the fleet up and are not counted. Its mean is
/// N - 1 (mean_async_staleness); its spread grows with the step-time variance, and persistent
/// stragglers add a tail of very stale updates.
/// @param fleet the fleet
/// @param options updates counted (steps, >= 1) and seed; same options, same result
/// @pre check(fleet) passes; steps >= 1; steps + 10 N <= 10^9
/// @throws invalid_input "async staleness: steps must be >= 1 (got 0)"
/// @return the distribution, its mean, median, 99th percentile and maximum
/// @see mean_async_staleness
[[nodiscard]] inline StalenessDistribution simulate_async_staleness(const Fleet& fleet,
                                                                    SimulationOptions options = {}) {
  constexpr std::string_view fn = "async staleness";
  check(fn, fleet);
  require_at_least(fn, "steps", options.steps, 1);
  const int n = fleet.workers;
  const double warmup = 10.0 * static_cast<double>(n);
  if (static_cast<double>(options.steps) + warmup > 1e9)
    throw invalid_input(fn, "steps", "be <= 1e9 - 10 workers", paradox::detail::describe(options.steps));
  const int slow = slow_workers(fleet.step_time, n);
  detail::Sampler sampler(fleet.step_time, options.seed);
  // Min-heap of (finish time, version read, worker): updates that finish at the same instant
  // apply in the order their workers read, so equal deterministic workers see exactly N - 1.
  struct Event {
    double time;
    long long read;
    int worker;
  };
  const auto later = [](const Event& a, const Event& b) {
    return a.time != b.time ? a.time > b.time : a.read > b.read;
  };
  std::vector<Event> heap;
  for (int i = 0; i < n; ++i) heap.push_back({sampler.draw(i, slow), 0, i});
  std::make_heap(heap.begin(), heap.end(), later);
  long long version = 0;
  std::vector<long long> counts;
  const long long total = static_cast<long long>(options.steps) + static_cast<long long>(warmup);
  double sum = 0.0;
  while (version < total) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const Event done = heap.back();
    const long long staleness = version - done.read;
    if (version >= static_cast<long long>(warmup)) {
      if (static_cast<std::size_t>(staleness) >= counts.size())
        counts.resize(static_cast<std::size_t>(staleness) + 1, 0);
      ++counts[static_cast<std::size_t>(staleness)];
      sum += static_cast<double>(staleness);
    }
    ++version;
    heap.back() = {done.time + sampler.draw(done.worker, slow), version, done.worker};
    std::push_heap(heap.begin(), heap.end(), later);
  }
  StalenessDistribution out;
  const double counted = static_cast<double>(options.steps);
  out.probability.reserve(counts.size());
  double cumulative = 0.0;
  bool median_set = false;
  bool p99_set = false;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    const double p = static_cast<double>(counts[t]) / counted;
    out.probability.push_back(p);
    cumulative += p;
    if (!median_set && cumulative >= 0.5) out.median = static_cast<int>(t), median_set = true;
    if (!p99_set && cumulative >= 0.99 - 1e-12) out.p99 = static_cast<int>(t), p99_set = true;
    if (counts[t] > 0) out.max = static_cast<int>(t);
  }
  out.mean = sum / counted;
  return out;
}

/// @}

}  // namespace paradox::sync
