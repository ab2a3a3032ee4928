#include "paradox/comm/hierarchical.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <optional>

#include "comm/comm_test_support.hpp"
#include "paradox/comm/ring.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

namespace {
// DGX H100-like: NVLink 4 at 450 GB/s per direction; one IB NDR NIC per GPU at 50 GB/s.
const Link nvlink = ab(1.0 * microseconds, 450.0 * gigabytes_per_second);
const Link ndr = ab(5.0 * microseconds, 50.0 * gigabytes_per_second);
const Bytes n = 1.0 * gigabytes;
}  // namespace

TEST_CASE("hierarchical allreduce is intra reduce-scatter + inter ring of n/g + intra all-gather") {
  const int g = 8, k = 4;
  const CostTerms t = terms(HierarchicalAllReduce{
      .message = n, .ranks = g * k, .gpus_per_node = g, .intra_node = nvlink, .nic = ndr});
  // Intra: 2 (g-1) alpha_i + 2 (g-1)/g n / beta_i; inter: 2 (k-1) alpha + 2 (k-1)/k (n/g) / beta.
  const double latency_us = 2.0 * 7 * 1.0 + 2.0 * 3 * 5.0;
  const double bandwidth_ms =
      2.0 * 7.0 / 8.0 * 1e9 / 450e9 * 1e3 + 2.0 * 3.0 / 4.0 * 1.25e8 / 50e9 * 1e3;
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(latency_us, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(bandwidth_ms, 1e-12));
  // Far cheaper than a flat ring over the inter-node link.
  CHECK(t.total() < time(RingAllReduce{n, g * k, ab(ndr.latency, ndr.bandwidth)}));
}

TEST_CASE("one NIC shared by a node's GPUs carries the whole buffer across nodes") {
  // Shared NICs (Sergeev & Del Balso 2018, "Horovod", hierarchical all-reduce; ring phases of
  // Thakur et al. 2005): each GPU's inter-node bandwidth is K beta_NIC / g. With
  // one 10 GbE NIC (1.25 GB/s) for 8 GPUs over k = 4 nodes the inter-node bandwidth term is
  // 2 (k-1)/k (n/g) / (beta/g) = 2 x 3/4 x 1 GB / 1.25 GB/s = 1.2 s, as if the node's one NIC
  // sent the whole gigabyte (the MLSys textbook's treatment of a 10 GbE node).
  const Link ten_gbe = ab(20.0 * microseconds, 1.25 * gigabytes_per_second);
  const HierarchicalAllReduce shared{.message = n,
                                     .ranks = 32,
                                     .gpus_per_node = 8,
                                     .intra_node = nvlink,
                                     .nic = ten_gbe,
                                     .nics_per_node = 1};
  CHECK_THAT(value_in<gigabytes_per_second_unit>(inter_node_bandwidth_per_gpu(shared)),
             WithinRel(1.25 / 8.0, 1e-12));
  const double intra_s = 2.0 * 7.0 / 8.0 * 1e9 / 450e9;
  CHECK_THAT(value_in<second_unit>(terms(shared).bandwidth_term),
             WithinRel(intra_s + 2.0 * 3.0 / 4.0 * 1e9 / 1.25e9, 1e-12));
  // One NIC per GPU (the default, DGX class) is 8x faster across nodes.
  HierarchicalAllReduce dgx = shared;
  dgx.nics_per_node = std::nullopt;
  CHECK_THAT(value_in<second_unit>(terms(dgx).bandwidth_term),
             WithinRel(intra_s + 2.0 * 3.0 / 4.0 * 1.25e8 / 1.25e9, 1e-12));
  dgx.nics_per_node = 8;
  CHECK(time(dgx) == time(HierarchicalAllReduce{n, 32, 8, nvlink, ten_gbe}));
  // Two NICs halve the shared inter-node bandwidth term.
  HierarchicalAllReduce two = shared;
  two.nics_per_node = 2;
  CHECK_THAT(value_in<second_unit>(terms(two).bandwidth_term),
             WithinRel(intra_s + 2.0 * 3.0 / 4.0 * 1e9 / 2.5e9, 1e-12));
  HierarchicalAllReduce none = shared;
  none.nics_per_node = 0;
  REQUIRE_THROWS_WITH(time(none), "hierarchical allreduce: nics_per_node must be >= 1 (got 0)");
}

TEST_CASE("more NICs per node never make hierarchical allreduce slower") {
  REQUIRE(rc::check("monotone in nics_per_node", [] {
    const auto s = *comm_test::scenarios(2000);
    const int g = *rc::gen::inRange(1, 17);
    const int nics = *rc::gen::inRange(1, 17);
    HierarchicalAllReduce in{s.message, s.ranks * g, g, ab(s.latency, s.bandwidth * 8.0),
                             ab(s.latency, s.bandwidth), nics};
    const Seconds base = time(in);
    in.nics_per_node = nics + 1;
    RC_ASSERT(time(in) <= base);
  }));
}

TEST_CASE("hierarchical reduction term adds both levels' gamma") {
  const Bandwidth r = 1.0 * terabytes_per_second;
  const CostTerms t = terms(HierarchicalAllReduce{n, 16, 8, nvlink, ndr, std::nullopt, r});
  const double expected_ms = (7.0 / 8.0 * 1e9 + 1.0 / 2.0 * 1.25e8) / 1e12 * 1e3;
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(expected_ms, 1e-12));
}

TEST_CASE("hierarchical with one GPU per node is the flat ring on the inter-node link") {
  const Seconds h = time(HierarchicalAllReduce{n, 64, 1, Link{}, ndr});
  const Seconds ring = time(RingAllReduce{n, 64, ab(ndr.latency, ndr.bandwidth)});
  CHECK_THAT(value_in<second_unit>(h), WithinRel(value_in<second_unit>(ring), 1e-12));
}

TEST_CASE("hierarchical within one node is the flat ring on the intra-node link") {
  const Seconds h = time(HierarchicalAllReduce{n, 8, 8, nvlink, ndr});
  const Seconds ring = time(RingAllReduce{n, 8, ab(nvlink.latency, nvlink.bandwidth)});
  CHECK_THAT(value_in<second_unit>(h), WithinRel(value_in<second_unit>(ring), 1e-12));
}

TEST_CASE("hierarchical costs zero for one rank and stays finite for a million") {
  CHECK(value_in<second_unit>(time(HierarchicalAllReduce{n, 1, 1, nvlink, ndr})) == 0.0);
  const Seconds t = time(HierarchicalAllReduce{n, 1000000, 8, nvlink, ndr});
  CHECK(std::isfinite(value_in<second_unit>(t)));
  CHECK(t > 0.0 * seconds);
}

TEST_CASE("hierarchical rejects layouts that do not divide and missing intra links") {
  REQUIRE_THROWS_WITH(
      time(HierarchicalAllReduce{n, 12, 8, nvlink, ndr}),
      "hierarchical allreduce: ranks must be divisible by gpus_per_node = 8 (got 12)");
  REQUIRE_THROWS_WITH(time(HierarchicalAllReduce{n, 8, 0, nvlink, ndr}),
                      "hierarchical allreduce: gpus_per_node must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(
      time(HierarchicalAllReduce{n, 16, 8, Link{}, ndr}),
      "hierarchical allreduce: intra_node.bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(time(HierarchicalAllReduce{n, 16, 8, nvlink, Link{}}),
                      "hierarchical allreduce: bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(time(HierarchicalAllReduce{n, 0, 1, nvlink, ndr}),
                      "hierarchical allreduce: ranks must be >= 1 (got 0)");
}

TEST_CASE("hierarchical with g = 1 equals the ring for every input") {
  REQUIRE(rc::check("g = 1 reduces to the flat ring", [] {
    const auto s = *comm_test::scenarios();
    const Seconds h =
        time(HierarchicalAllReduce{s.message, s.ranks, 1, Link{}, ab(s.latency, s.bandwidth)});
    const Seconds ring = time(RingAllReduce{s.message, s.ranks, ab(s.latency, s.bandwidth)});
    RC_ASSERT(std::abs(comm_test::in_seconds(h) - comm_test::in_seconds(ring)) <=
              1e-12 * comm_test::in_seconds(ring));
  }));
}

TEST_CASE("faster links never make hierarchical allreduce slower") {
  REQUIRE(rc::check("monotone in both links", [] {
    const auto s = *comm_test::scenarios(2000);
    const int g = *rc::gen::inRange(1, 17);
    const int ranks = s.ranks * g;
    const double k = *rc::gen::inRange(1, 100);
    const Link inter = ab(s.latency, s.bandwidth);
    const Link intra = ab(s.latency / 4.0, s.bandwidth * 8.0);
    const Seconds base = time(HierarchicalAllReduce{s.message, ranks, g, intra, inter});
    RC_ASSERT(time(HierarchicalAllReduce{
                  s.message, ranks, g, intra, ab(inter.latency, inter.bandwidth * k)}) <= base);
    RC_ASSERT(time(HierarchicalAllReduce{
                  s.message, ranks, g, intra, ab(inter.latency / k, inter.bandwidth)}) <= base);
    RC_ASSERT(time(HierarchicalAllReduce{
                  s.message, ranks, g, ab(intra.latency, intra.bandwidth * k), inter}) <= base);
    RC_ASSERT(time(HierarchicalAllReduce{
                  s.message, ranks, g, ab(intra.latency / k, intra.bandwidth), inter}) <= base);
  }));
}
