#include "paradox/scaling/diminishing_returns.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>

#include "paradox/units.hpp"
#include "scaling/scaling_test_support.hpp"

using namespace paradox;

namespace {

// 1 s of compute for the global batch, 1 GB all-reduced by ring over 50 GB/s, 500 ns links.
scaling::ScalingInput book_job() {
  return {.compute_time = 1.0 * seconds,
          .gradient = 1.0 * gigabytes,
          .cluster = scaling_test::flat(
              scaling_test::ab(500.0 * nanoseconds, 50.0 * gigabytes_per_second))};
}

scaling::ScalingInput cluster_job(const Bandwidth& inter_node) {
  return {.compute_time = 640.0 * seconds,
          .gradient = 140.0 * gigabytes,
          .cluster = scaling_test::eight_gpu_nodes(
              scaling_test::ab(5.0 * microseconds, inter_node),
              scaling_test::ab(1.0 * microseconds, 450.0 * gigabytes_per_second))};
}

}  // namespace

TEST_CASE("diminishing returns start at the first N whose marginal speedup is below 0.5") {
  // S(N) = 1 / (1/N + 2(N-1) 500 ns + 2 (N-1)/N 20 ms):
  // S(11) - S(10) = 0.50407 >= 0.5, S(12) - S(11) = 0.47604 < 0.5, so N* = 11.
  CHECK(scaling_test::knee(book_job(), 1000) == 11);
  CHECK(scaling_test::knee(book_job(), 11) == 11);
  CHECK(scaling_test::knee(book_job(), 10) == std::nullopt);
  // Threshold 0: the peak of the curve, where one more worker makes the step slower.
  CHECK(scaling_test::knee(book_job(), 100000, 0.0) == 980);
  // Threshold above 1: even the second worker is not enough.
  CHECK(scaling_test::knee(book_job(), 5, 1.0) == 1);
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
  CHECK(scaling_test::knee(job, 200) == expected);
}

TEST_CASE("without communication returns never diminish") {
  auto job = book_job();
  job.gradient = 0.0 * bytes;
  CHECK(scaling_test::knee(job, 100000) == std::nullopt);
  job = cluster_job(10.0 * gigabits_per_second);
  job.gradient = 0.0 * bytes;
  CHECK(scaling_test::knee(job, 8000) == std::nullopt);
}

TEST_CASE("with several GPUs per node the fleet grows a whole node at a time") {
  const auto job = cluster_job(400.0 * gigabits_per_second);
  const auto point = scaling::diminishing_returns(job, 8000);
  REQUIRE(point.has_value());
  CHECK(point->workers_per_step == 8);
  CHECK(point->workers == 8 * point->nodes);
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
  CHECK(point->nodes == expected);
  // On a flat cluster (one GPU per node) nodes are workers and the step is one worker.
  const auto flat = scaling::diminishing_returns(book_job(), 1000);
  REQUIRE(flat.has_value());
  CHECK(flat->nodes == flat->workers);
  CHECK(flat->workers_per_step == 1);
}

TEST_CASE("10 GbE reaches diminishing returns at fewer nodes than 400G InfiniBand") {
  const auto ethernet = scaling_test::knee(cluster_job(10.0 * gigabits_per_second), 8000);
  const auto infiniband = scaling_test::knee(cluster_job(400.0 * gigabits_per_second), 8000);
  REQUIRE(ethernet.has_value());
  REQUIRE(infiniband.has_value());
  CHECK(*ethernet < *infiniband);
}

TEST_CASE("a NIC shared by a node's 8 GPUs brings diminishing returns earlier") {
  auto shared = cluster_job(100.0 * gigabits_per_second);
  shared.cluster.node.nics_per_node = 1;
  const auto one_nic = scaling_test::knee(shared, 8000);
  const auto nic_per_gpu = scaling_test::knee(cluster_job(100.0 * gigabits_per_second), 8000);
  REQUIRE(one_nic.has_value());
  REQUIRE(nic_per_gpu.has_value());
  CHECK(*one_nic < *nic_per_gpu);
}

TEST_CASE("invalid diminishing-returns inputs are rejected") {
  REQUIRE_THROWS_WITH(scaling_test::knee(book_job(), 0),
                      "diminishing returns: max_workers must be in [1, 10000000] (got 0)");
  REQUIRE_THROWS_WITH(scaling_test::knee(book_job(), 100, std::nan("")),
                      "diminishing returns: threshold must be finite (got nan)");
  auto job = book_job();
  job.compute_time = -1.0 * seconds;
  REQUIRE_THROWS_WITH(scaling_test::knee(job, 100),
                      "diminishing returns: compute_time must be > 0 and finite (got -1 s)");
  REQUIRE_THROWS_WITH(scaling_test::knee(cluster_job(400.0 * gigabits_per_second), 8193),
                      "diminishing returns: max_workers must be in [1, 8192] (got 8193)");
  REQUIRE_THROWS_WITH(scaling_test::knee(cluster_job(400.0 * gigabits_per_second), 4),
                      "diminishing returns: max_workers must be >= 8 (one node) (got 4)");
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
        .cluster = scaling_test::flat(
            scaling_test::ab(static_cast<double>(latency_ns) * nanoseconds,
                             static_cast<double>(bandwidth_mbps) * megabits_per_second)),
        .overlap_fraction = overlap_pct / 100.0,
        .mode = weak ? scaling::Mode::weak : scaling::Mode::strong};
    auto fast = slow;
    fast.cluster.node.nic.bandwidth = slow.cluster.node.nic.bandwidth * factor;
    fast.cluster.node.nic.latency = slow.cluster.node.nic.latency / factor;
    constexpr int max_workers = 2000;
    const auto at_slow = scaling_test::knee(slow, max_workers);
    const auto at_fast = scaling_test::knee(fast, max_workers);
    // nullopt means "beyond max_workers", the latest possible answer.
    RC_ASSERT(at_slow.value_or(max_workers + 1) <= at_fast.value_or(max_workers + 1));
  }));
}

TEST_CASE("a marginal speedup exactly at the threshold is not below it") {
  // Weak scaling with nothing to all-reduce: every step takes the one-worker time, so S(N) = N
  // exactly and every marginal speedup is exactly 1. "Below 1" never happens.
  auto job = book_job();
  job.mode = scaling::Mode::weak;
  job.gradient = 0.0 * bytes;
  CHECK(scaling_test::knee(job, 8, 1.0) == std::nullopt);
  CHECK(scaling_test::knee(job, 8, 1.0 + 1e-9) == 1);
}

// Another synchronisation model (scaling::CommunicationModel).
TEST_CASE("diminishing returns on a communication model: the all-reduce model agrees") {
  const scaling::ScalingInput job = book_job();
  const auto allreduce = [&](int n) { return scaling::communication_time(job, n); };
  const auto a = scaling::diminishing_returns(job, 64);
  const auto b = scaling::diminishing_returns(job, 64, 0.5, allreduce);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(b->workers == a->workers);
}

TEST_CASE("diminishing returns when every worker adds its turn on one shared channel") {
  // C(N) = N c, a star whose turns take c = 1 ms each (N > 1), T1 = 1 s: S(N) = 1/(1/N + N c).
  // The gains fall below 0.5 first after N = 15: S(14) = 1/(0.071429 + 0.014) = 11.7057,
  // S(15) = 1/(0.066667 + 0.015) = 12.2449 (+0.539), S(16) = 1/(0.0625 + 0.016) = 12.7389
  // (+0.494 < 0.5). So N* = 15.
  const scaling::ScalingInput job = book_job();
  const auto turns = [](int n) {
    return n > 1 ? static_cast<double>(n) * 1e-3 * seconds : Seconds{};
  };
  const auto knee = scaling::diminishing_returns(job, 64, 0.5, turns);
  REQUIRE(knee.has_value());
  CHECK(knee->workers == 15);
  CHECK(knee->workers_per_step == 1);
  const auto negative = [](int) { return -1.0 * seconds; };
  CHECK_THROWS_AS(scaling::diminishing_returns(job, 64, 0.5, negative), invalid_input);
}
