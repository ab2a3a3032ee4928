#include "paradox/scaling/strong_weak.hpp"

#include <rapidcheck.h>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

#include "paradox/comm/collectives.hpp"
#include "paradox/units.hpp"
#include "scaling/scaling_test_support.hpp"

using namespace paradox;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// The book-style link: 50 GB/s, 500 ns. A ring all-reduce of 1 GB over 8 ranks costs
// 2(p-1) alpha + 2 (p-1)/p n/beta = 7 us + 35 ms = 35.007 ms (Patarasuk & Yuan 2009).
constexpr double ring_1gb_8_ranks_s = 0.035007;

scaling::ScalingInput book_job(double compute_s = 1.0) {
  return {.compute_time = compute_s * seconds,
          .gradient = 1.0 * gigabytes,
          .cluster = scaling_test::flat(
              scaling_test::ab(500.0 * nanoseconds, 50.0 * gigabytes_per_second))};
}

double s(const Seconds& t) { return value_in<second_unit>(t); }

}  // namespace

TEST_CASE("the step of N workers is compute / N plus the ring all-reduce (strong scaling)") {
  // T(8) = 1 s / 8 + 35.007 ms = 0.160007 s; S = T(1)/T(8) = 1/0.160007; eta = S/8.
  const auto p = scaling::evaluate(book_job(), 8);
  CHECK(p.workers == 8);
  CHECK_THAT(s(p.compute_time), WithinRel(0.125, 1e-12));
  CHECK_THAT(s(p.communication_time), WithinRel(ring_1gb_8_ranks_s, 1e-9));
  CHECK_THAT(s(p.exposed_communication_time), WithinRel(ring_1gb_8_ranks_s, 1e-9));
  CHECK_THAT(s(p.step_time), WithinRel(0.160007, 1e-9));
  CHECK_THAT(p.speedup, WithinRel(6.2497265744623665, 1e-9));
  CHECK_THAT(p.efficiency, WithinRel(0.7812158218077958, 1e-9));
  // C(8)/t_c(8) = 0.035007 / 0.125
  CHECK_THAT(p.communication_to_computation_ratio, WithinRel(0.280056, 1e-9));
  // S(9) = 1 / (1/9 + 16 * 500 ns + (16/9) 20 ms) = 6.81781; marginal = S(9) - S(8)
  CHECK_THAT(p.marginal_speedup, WithinRel(0.568083363177398, 1e-9));
}

TEST_CASE("overlap hides a share of the all-reduce behind compute") {
  auto job = book_job();
  job.overlap_fraction = 0.5;
  // T = 0.125 + 0.035007 - 0.5 * 0.035007 = 0.1425035 s
  const auto p = scaling::evaluate(job, 8);
  CHECK_THAT(s(p.communication_time), WithinRel(ring_1gb_8_ranks_s, 1e-9));
  CHECK_THAT(s(p.exposed_communication_time), WithinRel(0.5 * ring_1gb_8_ranks_s, 1e-9));
  CHECK_THAT(s(p.step_time), WithinRel(0.1425035, 1e-9));
  CHECK_THAT(p.speedup, WithinRel(7.017371503156062, 1e-9));
}

TEST_CASE("hidden communication never exceeds the compute it hides behind") {
  // compute per worker 0.1 s / 8 = 12.5 ms < 35.007 ms of all-reduce: with full overlap the
  // step is the all-reduce itself, T = max(t_c + (1-f) C, C) = C.
  auto job = book_job(0.1);
  job.overlap_fraction = 1.0;
  const auto p = scaling::evaluate(job, 8);
  CHECK_THAT(s(p.exposed_communication_time), WithinRel(ring_1gb_8_ranks_s - 0.0125, 1e-9));
  CHECK_THAT(s(p.step_time), WithinRel(ring_1gb_8_ranks_s, 1e-9));
  CHECK_THAT(p.speedup, WithinRel(0.1 / ring_1gb_8_ranks_s, 1e-9));
}

TEST_CASE("weak scaling keeps each worker's compute and multiplies throughput by N") {
  // T(8) = 0.1 + 0.035007 s; S = 8 T(1)/T(8) = 0.8/0.135007 = 5.92562; eta = 0.740702.
  auto job = book_job(0.1);
  job.mode = scaling::Mode::weak;
  const auto p = scaling::evaluate(job, 8);
  CHECK_THAT(s(p.compute_time), WithinRel(0.1, 1e-12));
  CHECK_THAT(s(p.step_time), WithinRel(0.135007, 1e-9));
  CHECK_THAT(p.speedup, WithinRel(5.925618671624434, 1e-9));
  CHECK_THAT(p.efficiency, WithinRel(0.7407023339530543, 1e-9));
}

TEST_CASE("one worker has speedup 1, efficiency 1 and no communication") {
  for (const auto mode : {scaling::Mode::strong, scaling::Mode::weak}) {
    auto job = book_job();
    job.mode = mode;
    const auto p = scaling::evaluate(job, 1);
    CHECK(p.speedup == 1.0);
    CHECK(p.efficiency == 1.0);
    CHECK(s(p.communication_time) == 0.0);
    CHECK(s(p.step_time) == 1.0);
    CHECK(p.communication_to_computation_ratio == 0.0);
  }
}

TEST_CASE("a zero-byte gradient scales ideally: no collective, no latency") {
  auto job = book_job();
  job.gradient = 0.0 * bytes;
  for (const int n : {2, 7, 64, 1000}) {
    const auto strong = scaling::evaluate(job, n);
    CHECK_THAT(strong.speedup, WithinRel(static_cast<double>(n), 1e-12));
    CHECK_THAT(strong.efficiency, WithinRel(1.0, 1e-12));
    CHECK_THAT(strong.marginal_speedup, WithinRel(1.0, 1e-9));
  }
  job.mode = scaling::Mode::weak;
  CHECK_THAT(scaling::evaluate(job, 1000).speedup, WithinRel(1000.0, 1e-12));
}

TEST_CASE("full overlap of a small all-reduce gives ideal scaling") {
  // 1 MB over 8 ranks: ~35 us + 7 us of all-reduce, hidden behind 125 ms of compute.
  auto job = book_job();
  job.gradient = 1.0 * megabytes;
  job.overlap_fraction = 1.0;
  const auto p = scaling::evaluate(job, 8);
  CHECK(s(p.communication_time) > 0.0);
  CHECK(s(p.exposed_communication_time) == 0.0);
  CHECK_THAT(p.speedup, WithinRel(8.0, 1e-12));
  CHECK_THAT(p.efficiency, WithinRel(1.0, 1e-12));
}

TEST_CASE("the all-reduce uses the chosen algorithm on a flat cluster") {
  auto job = book_job();
  job.algorithm = comm::Algorithm::tree;
  const Seconds expected = comm::time(comm::CollectiveInput{.op = comm::Collective::allreduce,
                                                            .algorithm = comm::Algorithm::tree,
                                                            .message = 1.0 * gigabytes,
                                                            .ranks = 8,
                                                            .link = job.cluster.node.nic});
  CHECK_THAT(s(scaling::communication_time(job, 8)), WithinRel(s(expected), 1e-12));
  // Retyped: reduce + broadcast, 2 lg 8 (alpha + n/beta) = 6 (500 ns + 20 ms) = 0.120003 s
  // (Thakur, Rabenseifner & Gropp 2005).
  CHECK_THAT(s(scaling::communication_time(job, 8)), WithinRel(0.120003, 1e-12));
}

TEST_CASE("inside one node only the intra-node link is used") {
  auto job = book_job();
  job.cluster = scaling_test::eight_gpu_nodes(
      scaling_test::ab(5.0 * microseconds, 10.0 * gigabits_per_second),
      scaling_test::ab(500.0 * nanoseconds, 50.0 * gigabytes_per_second));
  CHECK_THAT(s(scaling::communication_time(job, 8)), WithinRel(ring_1gb_8_ranks_s, 1e-9));
  // A hierarchical request inside one node is its intra-node ring.
  job.algorithm = comm::Algorithm::hierarchical;
  CHECK_THAT(s(scaling::communication_time(job, 8)), WithinRel(ring_1gb_8_ranks_s, 1e-9));
}

TEST_CASE("across nodes the all-reduce is hierarchical over whole nodes") {
  auto job = book_job();
  job.cluster = scaling_test::eight_gpu_nodes(
      scaling_test::ab(5.0 * microseconds, 400.0 * gigabits_per_second),
      scaling_test::ab(1.0 * microseconds, 450.0 * gigabytes_per_second));
  const auto hierarchical = [&](int ranks) {
    return s(comm::time(comm::CollectiveInput{.op = comm::Collective::allreduce,
                                              .algorithm = comm::Algorithm::hierarchical,
                                              .message = job.gradient,
                                              .ranks = ranks,
                                              .link = job.cluster.node.nic,
                                              .gpus_per_node = 8,
                                              .intra_node = job.cluster.node.intra_node}));
  };
  CHECK_THAT(s(scaling::communication_time(job, 16)), WithinRel(hierarchical(16), 1e-12));
  CHECK_THAT(s(scaling::communication_time(job, 64)), WithinRel(hierarchical(64), 1e-12));
  // Retyped, g = 8 GPUs per node, k nodes: 2(g-1) 1 us + 2 (g-1)/g 1 GB / 450 GB/s + 2(k-1) 5 us
  // + 2 (k-1)/k (1 GB / 8) / 50 GB/s. k = 2: 24 us + 3.888... ms + 2.5 ms; k = 8: 84 us +
  // 3.888... ms + 4.375 ms.
  CHECK_THAT(s(scaling::communication_time(job, 16)),
             WithinRel(24e-6 + 2.0 * 7.0 / 8.0 / 450.0 + 2.5e-3, 1e-12));
  CHECK_THAT(s(scaling::communication_time(job, 64)),
             WithinRel(84e-6 + 2.0 * 7.0 / 8.0 / 450.0 + 4.375e-3, 1e-12));
  // A partly filled node is priced as a full one: 9..16 workers cost what 16 do.
  CHECK_THAT(s(scaling::communication_time(job, 9)), WithinRel(hierarchical(16), 1e-12));
  CHECK_THAT(s(scaling::communication_time(job, 12)), WithinRel(hierarchical(16), 1e-12));
  CHECK_THAT(s(scaling::communication_time(job, 57)), WithinRel(hierarchical(64), 1e-12));
  // The algorithm field only picks the single-level all-reduce.
  job.algorithm = comm::Algorithm::tree;
  CHECK_THAT(s(scaling::communication_time(job, 64)), WithinRel(hierarchical(64), 1e-12));
}

TEST_CASE("the sweep lists N = 1..max and agrees with evaluate at every point") {
  auto job = book_job();
  job.overlap_fraction = 0.3;
  const auto points = scaling::sweep(job, 50);
  REQUIRE(points.size() == 50);
  for (int n = 1; n <= 50; ++n) {
    const auto& p = points[static_cast<std::size_t>(n - 1)];
    const auto q = scaling::evaluate(job, n);
    CHECK(p.workers == n);
    CHECK(p.speedup == q.speedup);
    CHECK(p.marginal_speedup == q.marginal_speedup);
    CHECK(s(p.step_time) == s(q.step_time));
  }
  for (std::size_t i = 0; i + 1 < points.size(); ++i)
    CHECK(points[i].marginal_speedup == points[i + 1].speedup - points[i].speedup);
}

TEST_CASE("the grid sweep evaluates the chosen worker counts in order") {
  const std::array<int, 4> grid{1000, 1, 100000, 10};
  const auto points = scaling::sweep(book_job(), grid);
  REQUIRE(points.size() == grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    CHECK(points[i].workers == grid[i]);
    CHECK(points[i].speedup == scaling::evaluate(book_job(), grid[i]).speedup);
  }
  CHECK(scaling::sweep(book_job(), std::span<const int>{}).empty());
}

TEST_CASE("huge worker counts stay finite") {
  const auto p = scaling::evaluate(book_job(), scaling::max_workers_limit);
  CHECK(std::isfinite(p.speedup));
  CHECK(p.speedup > 0.0);
  CHECK(p.efficiency <= 1.0);
  const auto points = scaling::sweep(book_job(), 100000);
  CHECK(points.back().workers == 100000);
  CHECK(std::isfinite(points.back().marginal_speedup));
}

TEST_CASE("modes have CLI spellings") {
  CHECK(scaling::to_string(scaling::Mode::strong) == "strong");
  CHECK(scaling::to_string(scaling::Mode::weak) == "weak");
  CHECK(scaling::parse_mode("weak") == scaling::Mode::weak);
  CHECK(scaling::parse_mode("strong") == scaling::Mode::strong);
  CHECK(scaling::parse_mode("Strong") == std::nullopt);
  STATIC_REQUIRE(scaling::parse_mode(scaling::to_string(scaling::Mode::weak)) ==
                 scaling::Mode::weak);
}

TEST_CASE("invalid scaling inputs are rejected with the parameter and the value") {
  auto job = book_job();
  job.compute_time = 0.0 * seconds;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: compute_time must be > 0 and finite (got 0 s)");
  job = book_job();
  job.gradient = -1.0 * bytes;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: gradient must be >= 0 and finite (got -1 B)");
  job = book_job();
  job.overlap_fraction = 1.5;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: overlap_fraction must be in [0, 1] (got 1.5)");
  job.overlap_fraction = std::nan("");
  REQUIRE_THROWS_AS(scaling::evaluate(job, 8), invalid_input);
  job = book_job();
  job.cluster.node.nic.bandwidth = 0.0 * bytes_per_second;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: cluster.node.nic.bandwidth must be > 0 and finite (got 0 B/s)");
  job = book_job();
  job.cluster.node.nic.latency = -1.0 * seconds;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: cluster.node.nic.latency must be >= 0 and finite (got -1 s)");
  job = book_job();
  job.cluster.node.accelerators_per_node = 0;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: cluster.node.accelerators_per_node must be >= 1 (got 0)");
  job.cluster.nodes = 8;
  job.cluster.node.accelerators_per_node = 8;  // the intra-node link is now required
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: cluster.node.intra_node.bandwidth "
                      "must be > 0 and finite (got 0 B/s)");
  job = book_job();
  job.cluster.node.nics_per_node = 0;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: cluster.node.nics_per_node must be >= 1 (got 0)");
  job = book_job();
  job.cluster.oversubscription_ratio = 0.5;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "cluster inter-node bandwidth: oversubscription_ratio must be >= 1 and "
                      "finite (got 0.5)");
  job = book_job();
  job.cluster.nodes = 10'000'001;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: cluster must hold at most 10000000 accelerators (got 10000001)");
  job = book_job();
  job.cluster.nodes = 64;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 65), "scaling: workers must be in [1, 64] (got 65)");
  job = book_job();
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 0),
                      "scaling: workers must be in [1, 10000000] (got 0)");
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 10'000'001),
                      "scaling: workers must be in [1, 10000000] (got 10000001)");
  REQUIRE_THROWS_WITH(scaling::communication_time(job, -3),
                      "scaling communication: workers must be in [1, 10000000] (got -3)");
  REQUIRE_THROWS_WITH(scaling::sweep(job, 0),
                      "scaling sweep: max_workers must be in [1, 1000000] (got 0)");
  REQUIRE_THROWS_WITH(scaling::sweep(job, 1'000'001),
                      "scaling sweep: max_workers must be in [1, 1000000] (got 1000001)");
  const std::array<int, 2> grid{4, 0};
  REQUIRE_THROWS_WITH(scaling::sweep(job, grid),
                      "scaling sweep: workers must be in [1, 10000000] (got 0)");
}

namespace {

// A random flat-cluster job: compute 1 ms..1000 s, gradient 0..100 GB, 1 Mb/s..1 Tb/s links,
// latency 0..100 us, any overlap, either mode.
rc::Gen<scaling::ScalingInput> gen_job() {
  return rc::gen::apply(
      [](int compute_ms, int gradient_mb, int bandwidth_mbps, int latency_ns, int overlap_pct,
         bool weak) {
        return scaling::ScalingInput{
            .compute_time = static_cast<double>(compute_ms) * milliseconds,
            .gradient = static_cast<double>(gradient_mb) * megabytes,
            .cluster = scaling_test::flat(
                scaling_test::ab(static_cast<double>(latency_ns) * nanoseconds,
                                 static_cast<double>(bandwidth_mbps) * megabits_per_second)),
            .overlap_fraction = overlap_pct / 100.0,
            .mode = weak ? scaling::Mode::weak : scaling::Mode::strong};
      },
      rc::gen::inRange(1, 1'000'000), rc::gen::inRange(0, 100'000), rc::gen::inRange(1, 1'000'000),
      rc::gen::inRange(0, 100'000), rc::gen::inRange(0, 101), rc::gen::arbitrary<bool>());
}

}  // namespace

TEST_CASE("property: efficiency lies in (0, 1] in both modes") {
  REQUIRE(rc::check([] {
    const auto job = *gen_job();
    const int n = *rc::gen::inRange(1, 100'000);
    const auto p = scaling::evaluate(job, n);
    RC_ASSERT(p.efficiency > 0.0);
    RC_ASSERT(p.efficiency <= 1.0 + 1e-12);
    RC_ASSERT(s(p.exposed_communication_time) >= 0.0);
    RC_ASSERT(s(p.exposed_communication_time) <= s(p.communication_time));
  }));
}

TEST_CASE("property: more bandwidth or less latency never lowers the speedup") {
  REQUIRE(rc::check([] {
    const auto job = *gen_job();
    const int n = *rc::gen::inRange(1, 100'000);
    const double factor = static_cast<double>(*rc::gen::inRange(1, 1000));
    auto faster = job;
    faster.cluster.node.nic.bandwidth = job.cluster.node.nic.bandwidth * factor;
    RC_ASSERT(scaling::evaluate(faster, n).speedup >= scaling::evaluate(job, n).speedup);
    auto closer = job;
    closer.cluster.node.nic.latency = job.cluster.node.nic.latency / factor;
    RC_ASSERT(scaling::evaluate(closer, n).speedup >= scaling::evaluate(job, n).speedup);
  }));
}

TEST_CASE("property: more overlap never lowers the speedup") {
  REQUIRE(rc::check([] {
    const auto job = *gen_job();
    const int n = *rc::gen::inRange(1, 100'000);
    const int percent = static_cast<int>(std::lround(job.overlap_fraction * 100.0));
    auto more = job;
    more.overlap_fraction = *rc::gen::inRange(percent, 101) / 100.0;
    RC_ASSERT(scaling::evaluate(more, n).speedup >= scaling::evaluate(job, n).speedup);
  }));
}

TEST_CASE("gradient accumulation amortises one all-reduce over K micro-steps") {
  // MLSys textbook, vol. 2, distributed-training chapter, "Gradient accumulation speedup"
  // callout: 8 GPUs, K = 4 micro-steps of 1,800 ms, 0.35 ms all-reduce per optimizer step:
  // overhead = 0.35 / (4 x 1800) = 0.00486% ("about 0.005%"). A 10 MB ring all-reduce over
  // 8 ranks at 50 GB/s and zero latency takes 2 (7/8) 10 MB / 50 GB/s = 0.35 ms.
  scaling::ScalingInput job{
      .compute_time = 1800.0 * milliseconds,
      .gradient = 10.0 * megabytes,
      .cluster = scaling_test::flat(scaling_test::ab(0.0 * seconds, 50.0 * gigabytes_per_second)),
      .mode = scaling::Mode::weak};
  job.accumulation_steps = 4;
  const auto p = scaling::evaluate(job, 8);
  CHECK_THAT(s(p.communication_time), WithinRel(0.35e-3, 1e-12));
  CHECK_THAT(s(p.compute_time), WithinRel(4 * 1.8, 1e-12));
  CHECK_THAT(s(p.exposed_communication_time) / s(p.compute_time),
             WithinRel(0.35e-3 / (4 * 1.8), 1e-12));
  CHECK_THAT(s(p.step_time), WithinRel(7.2 + 0.35e-3, 1e-12));
  // The bytes all-reduced do not change with K; the efficiency rises.
  auto once = job;
  once.accumulation_steps = 1;
  CHECK(scaling::communication_time(once, 8) == scaling::communication_time(job, 8));
  CHECK(scaling::evaluate(once, 8).efficiency < p.efficiency);
  // Only the last micro-step can hide the all-reduce: with full overlap and a slow link the
  // exposed part is C - t_c, not C - K t_c.
  job.overlap_fraction = 1.0;
  job.cluster.node.nic.bandwidth = 1.0 * megabytes_per_second;  // C = 17.5 s
  const auto slow = scaling::evaluate(job, 8);
  CHECK_THAT(s(slow.exposed_communication_time), WithinRel(17.5 - 1.8, 1e-12));
  job.accumulation_steps = 0;
  REQUIRE_THROWS_WITH(scaling::evaluate(job, 8),
                      "scaling: accumulation_steps must be in [1, 1000000] (got 0)");
}

// Another synchronisation model (scaling::CommunicationModel): the same step rule on C(N).
TEST_CASE("a communication model equal to the all-reduce gives evaluate()'s points") {
  const scaling::ScalingInput job = book_job();
  const auto allreduce = [&](int n) { return scaling::communication_time(job, n); };
  for (const int n : {1, 2, 7, 8, 64}) {
    const auto a = scaling::evaluate(job, n);
    const auto b = scaling::evaluate(job, n, allreduce);
    CHECK(s(b.step_time) == s(a.step_time));
    CHECK(b.speedup == a.speedup);
    CHECK(b.marginal_speedup == a.marginal_speedup);
  }
  const std::array<int, 3> grid{1, 8, 64};
  const auto points = scaling::sweep(job, std::span<const int>(grid), allreduce);
  REQUIRE(points.size() == 3);
  CHECK(points[2].speedup == scaling::evaluate(job, 64).speedup);
}

TEST_CASE("a constant synchronisation time gives T(N) = T1/N + C, C hidden up to the compute") {
  // A star on one shared channel that always takes C = 0.1 s (N > 1): T(4) = 1/4 + 0.1 = 0.35 s,
  // S(4) = 1/0.35 = 2.857142..., S(5) = 1/0.3 = 3.333...; with overlap 1, C is hidden behind
  // min(C, T1/N): T(4) = max(0.25, 0.1) = 0.25 s.
  scaling::ScalingInput job = book_job();
  const auto constant = [](int n) { return n > 1 ? 0.1 * seconds : Seconds{}; };
  const auto p = scaling::evaluate(job, 4, constant);
  CHECK_THAT(s(p.step_time), WithinRel(0.35, 1e-12));
  CHECK_THAT(p.speedup, WithinRel(1.0 / 0.35, 1e-12));
  CHECK_THAT(p.marginal_speedup, WithinRel(1.0 / 0.3 - 1.0 / 0.35, 1e-12));
  CHECK_THAT(p.communication_to_computation_ratio, WithinRel(0.4, 1e-12));
  CHECK(scaling::evaluate(job, 1, constant).speedup == 1.0);
  job.overlap_fraction = 1.0;
  CHECK_THAT(s(scaling::evaluate(job, 4, constant).step_time), WithinRel(0.25, 1e-12));
}

TEST_CASE("a communication model that returns a negative or non-finite time is refused") {
  const scaling::ScalingInput job = book_job();
  const auto negative = [](int) { return -1.0 * seconds; };
  const auto nan = [](int) { return std::nan("") * seconds; };
  CHECK_THROWS_WITH(scaling::evaluate(job, 4, negative),
                    Catch::Contains("scaling: communication(N) must be"));
  CHECK_THROWS_AS(scaling::evaluate(job, 4, nan), invalid_input);
  const std::array<int, 1> grid{4};
  CHECK_THROWS_AS(scaling::sweep(job, std::span<const int>(grid), negative), invalid_input);
  // The job is still checked first: N outside the cluster.
  CHECK_THROWS_WITH(scaling::evaluate(job, 0, negative), Catch::Contains("workers"));
}
