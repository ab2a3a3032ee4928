#include "paradox/comm/in_network.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"
#include "paradox/comm/ring.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

TEST_CASE("in-network allreduce sends and receives n once: alpha + n/beta") {
  // SHARP (Graham et al. 2016) / NVLS: the switch reduces; full-duplex links overlap the
  // upload of n and the download of n.
  const CostTerms t = terms(InNetworkAllReduce{.message = 1.0 * gigabytes,
                                               .ranks = 8, .link = ab(2.0 * microseconds, 450.0 * gigabytes_per_second)});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(2.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(1e3 / 450.0, 1e-12));
  CHECK(value_in<second_unit>(t.reduction_term) == 0.0);
}

TEST_CASE("in-network allreduce halves the ring's asymptotic bandwidth term") {
  const Bytes n = 1.0 * gigabytes;
  const Bandwidth b = 50.0 * gigabytes_per_second;
  const CostTerms in = terms(InNetworkAllReduce{n, 1 << 20, ab(0.0 * seconds, b)});
  const CostTerms ring = terms(RingAllReduce{n, 1 << 20, ab(0.0 * seconds, b)});
  CHECK_THAT(value_in<second_unit>(ring.bandwidth_term) / value_in<second_unit>(in.bandwidth_term),
             WithinRel(2.0, 1e-5));
}

TEST_CASE("in-network allreduce costs zero for one rank and does not grow with ranks") {
  const Bytes n = 1.0 * megabytes;
  const Seconds a = 1.0 * microseconds;
  const Bandwidth b = 50.0 * gigabytes_per_second;
  CHECK(value_in<second_unit>(time(InNetworkAllReduce{n, 1, ab(a, b)})) == 0.0);
  CHECK(time(InNetworkAllReduce{n, 2, ab(a, b)}) == time(InNetworkAllReduce{n, 1000000, ab(a, b)}));
}

TEST_CASE("in-network allreduce rejects invalid inputs") {
  REQUIRE_THROWS_WITH(
      time(InNetworkAllReduce{1.0 * bytes, 0, ab(0.0 * seconds, 1.0 * bytes_per_second)}),
      "in-network allreduce: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(
      time(InNetworkAllReduce{1.0 * bytes, 2, ab(0.0 * seconds, 0.0 * bytes_per_second)}),
      "in-network allreduce: bandwidth must be > 0 and finite (got 0 B/s)");
}

TEST_CASE("more bandwidth or less latency never makes in-network reduction slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 1>{time(InNetworkAllReduce{m, p, ab(a, b)})};
  }));
}
