#include "paradox/scaling/diminishing_returns.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>

#include "paradox/units.hpp"

using namespace paradox;

namespace {

// 1 s of compute for the global batch, 1 GB all-reduced by ring over 50 GB/s, 500 ns links.
scaling::ScalingInput book_job() {
  return {.compute_time = 1.0 * seconds,
          .gradient = 1.0 * gigabytes,
          .link = {.latency = 500.0 * nanoseconds, .bandwidth = 50.0 * gigabytes_per_second}};
}

scaling::ScalingInput cluster_job(const Bandwidth& inter_node) {
  return {.compute_time = 640.0 * seconds,
          .gradient = 140.0 * gigabytes,
          .link = {.latency = 5.0 * microseconds, .bandwidth = inter_node},
          .gpus_per_node = 8,
          .intra_node = {.latency = 1.0 * microseconds, .bandwidth = 450.0 * gigabytes_per_second}};
}

}  // namespace

TEST_CASE("diminishing returns start at the first N whose marginal speedup is below 0.5") {
  // S(N) = 1 / (1/N + 2(N-1) 500 ns + 2 (N-1)/N 20 ms):
  // S(11) - S(10) = 0.50407 >= 0.5, S(12) - S(11) = 0.47604 < 0.5, so N* = 11.
  CHECK(scaling::diminishing_returns_workers(book_job(), 1000) == 11);
  CHECK(scaling::diminishing_returns_workers(book_job(), 11) == 11);
  CHECK(scaling::diminishing_returns_workers(book_job(), 10) == std::nullopt);
  // Threshold 0: the peak of the curve, where one more worker makes the step slower.
  CHECK(scaling::diminishing_returns_workers(book_job(), 100000, 0.0) == 980);
  // Threshold above 1: even the second worker is not enough.
  CHECK(scaling::diminishing_returns_workers(book_job(), 5, 1.0) == 1);
}

TEST_CASE("diminishing returns agree with the marginal speedups of the sweep") {
  auto job = book_job();
  job.overlap_fraction = 0.4;
  const auto points = scaling::sweep(job, 200);
  std::optional<int> expected;
  for (const auto& p : points) {
    if (p.marginal_speedup < 0.5) {
      expected = p.workers;
      break;
    }
  }
  REQUIRE(expected.has_value());
  CHECK(scaling::diminishing_returns_workers(job, 200) == expected);
}

TEST_CASE("without communication returns never diminish") {
  auto job = book_job();
  job.gradient = 0.0 * bytes;
  CHECK(scaling::diminishing_returns_workers(job, 100000) == std::nullopt);
  CHECK(scaling::diminishing_returns_nodes(job, 1000) == std::nullopt);
}

TEST_CASE("the node-granular point steps a whole node at a time") {
  const auto job = cluster_job(400.0 * gigabits_per_second);
  const auto nodes = scaling::diminishing_returns_nodes(job, 1000);
  REQUIRE(nodes.has_value());
  // Brute force from evaluate: first k with (S(8(k+1)) - S(8k)) / 8 < 0.5.
  std::optional<int> expected;
  for (int k = 1; k <= 1000; ++k) {
    const double gain =
        (scaling::evaluate(job, 8 * (k + 1)).speedup - scaling::evaluate(job, 8 * k).speedup) / 8.0;
    if (gain < 0.5) {
      expected = k;
      break;
    }
  }
  CHECK(nodes == expected);
  // On a flat cluster (one GPU per node) nodes are workers.
  CHECK(scaling::diminishing_returns_nodes(book_job(), 1000) ==
        scaling::diminishing_returns_workers(book_job(), 1000));
}

TEST_CASE("10 GbE reaches diminishing returns at fewer nodes than 400G InfiniBand") {
  const auto ethernet =
      scaling::diminishing_returns_nodes(cluster_job(10.0 * gigabits_per_second), 10000);
  const auto infiniband =
      scaling::diminishing_returns_nodes(cluster_job(400.0 * gigabits_per_second), 10000);
  REQUIRE(ethernet.has_value());
  REQUIRE(infiniband.has_value());
  CHECK(*ethernet < *infiniband);
}

TEST_CASE("invalid diminishing-returns inputs are rejected") {
  REQUIRE_THROWS_WITH(scaling::diminishing_returns_workers(book_job(), 0),
                      "diminishing returns: max_workers must be in [1, 10000000] (got 0)");
  REQUIRE_THROWS_WITH(scaling::diminishing_returns_workers(book_job(), 100, std::nan("")),
                      "diminishing returns: threshold must be finite (got nan)");
  auto job = book_job();
  job.compute_time = -1.0 * seconds;
  REQUIRE_THROWS_WITH(scaling::diminishing_returns_workers(job, 100),
                      "diminishing returns: compute_time must be > 0 and finite (got -1 s)");
  REQUIRE_THROWS_WITH(
      scaling::diminishing_returns_nodes(cluster_job(400.0 * gigabits_per_second), 1'250'001),
      "diminishing returns (nodes): max_nodes must be in [1, 1250000] (got 1250001)");
  REQUIRE_THROWS_WITH(scaling::diminishing_returns_nodes(book_job(), 0),
                      "diminishing returns (nodes): max_nodes must be in [1, 10000000] (got 0)");
}

TEST_CASE("property: a faster link never brings diminishing returns earlier") {
  REQUIRE(rc::check([] {
    const int compute_ms = *rc::gen::inRange(1, 100'000);
    const int gradient_mb = *rc::gen::inRange(0, 10'000);
    const int bandwidth_mbps = *rc::gen::inRange(1, 1'000'000);
    const int latency_ns = *rc::gen::inRange(0, 100'000);
    const int overlap_pct = *rc::gen::inRange(0, 101);
    const bool weak = *rc::gen::arbitrary<bool>();
    const double factor = static_cast<double>(*rc::gen::inRange(1, 1000));
    const scaling::ScalingInput slow{
        .compute_time = static_cast<double>(compute_ms) * milliseconds,
        .gradient = static_cast<double>(gradient_mb) * megabytes,
        .link = {.latency = static_cast<double>(latency_ns) * nanoseconds,
                 .bandwidth = static_cast<double>(bandwidth_mbps) * megabits_per_second},
        .overlap_fraction = overlap_pct / 100.0,
        .mode = weak ? scaling::Mode::weak : scaling::Mode::strong};
    auto fast = slow;
    fast.link.bandwidth = slow.link.bandwidth * factor;
    fast.link.latency = slow.link.latency / factor;
    constexpr int max_workers = 2000;
    const auto at_slow = scaling::diminishing_returns_workers(slow, max_workers);
    const auto at_fast = scaling::diminishing_returns_workers(fast, max_workers);
    // nullopt means "beyond max_workers", the latest possible answer.
    RC_ASSERT(at_slow.value_or(max_workers + 1) <= at_fast.value_or(max_workers + 1));
  }));
}
