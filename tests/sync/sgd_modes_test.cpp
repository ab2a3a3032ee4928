#include "paradox/sync/sgd_modes.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
sync::Fleet fleet(StepTime d, int workers, int batch = 1) {
  return {.step_time = d, .workers = workers, .batch_per_worker = batch};
}
}  // namespace

TEST_CASE("sync throughput is N b / E[max], async the sum of the workers' rates") {
  // 16 exponential workers of mean 1 s: sync N / H_16, async N / 1 s.
  CHECK_THAT(sync::sync_samples_per_second(fleet(exponential(1.0), 16, 32)),
             WithinRel(16.0 * 32.0 / sync::harmonic_number(16), 1e-13));
  CHECK_THAT(sync::async_samples_per_second(fleet(exponential(1.0), 16, 32)), WithinRel(512.0, 1e-15));
  // A fleet with 5 % of its GPUs persistently 2x slow (issue 9's prediction): sync runs at the
  // stragglers' pace, async loses only their missing half.
  const auto fleet5 = fleet(with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker), 100);
  CHECK_THAT(sync::sync_samples_per_second(fleet5), WithinRel(50.0, 1e-15));
  CHECK_THAT(sync::async_samples_per_second(fleet5), WithinRel(95.0 + 2.5, 1e-15));
  // Transient stragglers: async at the mean, 1 / 1.05 per worker.
  CHECK_THAT(sync::async_samples_per_second(fleet(with_stragglers(deterministic(1.0), 0.05, 2.0), 100)),
             WithinRel(100.0 / 1.05, 1e-15));
  // Equal deterministic workers: no difference.
  CHECK(sync::sync_samples_per_second(fleet(deterministic(0.5), 8)) == 16.0);
  CHECK(sync::async_samples_per_second(fleet(deterministic(0.5), 8)) == 16.0);
}

TEST_CASE("SSP with bound 0 is the synchronous step, on the same draws and in expectation") {
  const auto f = fleet(lognormal(1.0, 0.5), 16, 4);
  const auto ssp0 = sync::simulate_ssp(f, 0, {.steps = 20'000, .seed = 9});
  const auto sync_mc = sync::simulate_max(f.step_time, 16, {.samples = 20'000, .seed = 9});
  // Same seed, same draws: the SSP(0) clock is the sum of the per-step maxima.
  CHECK_THAT(ssp0.samples_per_second, WithinRel(16.0 * 4.0 / in_seconds(sync_mc.mean), 1e-10));
  CHECK(ssp0.mean_staleness == 0.0);
  // ... and the synchronous closed form within 3 sigma of that Monte Carlo.
  CHECK(within_three_sigma(sync_mc, sync::expected_max(f.step_time, 16)));
  // Idle share of a barrier: 1 - E[X] / E[max].
  CHECK_THAT(ssp0.idle_fraction,
             WithinAbs(1.0 - 1.0 / in_seconds(sync::expected_max(f.step_time, 16)), 0.01));
}

TEST_CASE("SSP lies between sync and async and gains with the bound") {
  const auto f = fleet(exponential(1.0), 16);
  double previous = 0.0;
  for (int s : {0, 1, 2, 5, 20}) {
    const auto r = sync::simulate_ssp(f, s, {.steps = 5'000, .seed = 1});
    CAPTURE(s);
    CHECK(r.samples_per_second >= previous);
    CHECK(r.samples_per_second <= sync::async_samples_per_second(f) * 1.001);
    CHECK(r.mean_staleness <= s * 15.0);
    CHECK(r.staleness_bound == s);
    previous = r.samples_per_second;
  }
  CHECK(previous > 0.9 * sync::async_samples_per_second(f));
  // A persistent straggler caps SSP at its pace: the others run only s clocks ahead.
  const auto slow = fleet(with_stragglers(deterministic(1.0), 0.1, 2.0, Persistence::per_worker), 10);
  CHECK_THAT(sync::simulate_ssp(slow, 3, {.steps = 10'000}).samples_per_second, WithinRel(5.0, 1e-3));
}

TEST_CASE("SSP throughput never falls as the bound grows (same draws)") {
  REQUIRE(rc::check("simulate_ssp(s + 1) >= simulate_ssp(s)", [] {
    const StepTime d = *step_times();
    const int n = *rc::gen::inRange(1, 24);
    const int s = *rc::gen::inRange(0, 6);
    const auto f = fleet(d, n);
    const sync::SimulationOptions o{.steps = 300, .seed = *rc::gen::inRange<std::uint64_t>(0, 1000)};
    RC_ASSERT(sync::simulate_ssp(f, s + 1, o).samples_per_second >=
              sync::simulate_ssp(f, s, o).samples_per_second * (1.0 - 1e-12));
  }));
}

TEST_CASE("async staleness is about N - 1 updates") {
  // Dutta et al. 2018: staleness = updates by others between read and write; equal
  // deterministic workers see exactly N - 1.
  const auto equal = sync::simulate_async_staleness(fleet(deterministic(1.0), 8), {.steps = 1000});
  CHECK(equal.mean == 7.0);
  CHECK(equal.median == 7);
  CHECK(equal.max == 7);
  CHECK(equal.probability.size() == 8);
  CHECK(equal.probability[7] == 1.0);
  const auto random = sync::simulate_async_staleness(fleet(exponential(1.0), 16), {.steps = 200'000});
  CHECK_THAT(random.mean, WithinAbs(15.0, 0.2));
  CHECK(random.p99 > 2 * random.median);
  CHECK_THAT(std::accumulate(random.probability.begin(), random.probability.end(), 0.0),
             WithinAbs(1.0, 1e-9));
  CHECK(sync::mean_async_staleness(fleet(exponential(1.0), 16)) == 15.0);
  // Persistent stragglers: the mean stays N - 1, the tail grows.
  const auto slow = sync::simulate_async_staleness(
      fleet(with_stragglers(deterministic(1.0), 0.1, 4.0, Persistence::per_worker), 20), {.steps = 50'000});
  CHECK_THAT(slow.mean, WithinAbs(19.0, 0.1));
  CHECK(slow.max > 40);
}

TEST_CASE("invalid SGD-mode inputs are rejected") {
  REQUIRE_THROWS_WITH(sync::sync_samples_per_second(fleet(exponential(1.0), 0)),
                      "sync throughput: workers must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::async_samples_per_second(fleet(exponential(1.0), 4, 0)),
                      "async throughput: batch_per_worker must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::simulate_ssp(fleet(exponential(1.0), 4), -1),
                      "ssp: staleness_bound must be in [0, 10000] (got -1)");
  REQUIRE_THROWS_WITH(sync::simulate_ssp(fleet(exponential(1.0), 4), 1, {.steps = 0}),
                      "ssp: steps must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::simulate_ssp(fleet(exponential(1.0), 100'000), 1, {.steps = 100'000}),
                      "ssp: steps must be <= 1e9 / workers (got 100000)");
  REQUIRE_THROWS_WITH(sync::simulate_async_staleness(fleet(exponential(1.0), 4), {.steps = 0}),
                      "async staleness: steps must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::mean_async_staleness(fleet(exponential(-1.0), 4)),
                      "async staleness: mean must be > 0 and finite (got -1 s)");
}
