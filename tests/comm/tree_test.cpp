#include "paradox/comm/tree.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

using comm_test::alpha, comm_test::beta, comm_test::n;

TEST_CASE("binomial broadcast costs lg p (alpha + n/beta) for a power of two") {
  // Thakur, Rabenseifner & Gropp (2005), broadcast: binomial tree, lg p (alpha + n beta).
  const CostTerms t =
      terms(TreeBroadcast{.message = n, .ranks = 16, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(4.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(4.0, 1e-12));
}

TEST_CASE("binomial trees need ceil(lg p) rounds when p is not a power of two") {
  CHECK_THAT(value_in<millisecond_unit>(time(TreeBroadcast{n, 17, ab(0.0 * seconds, beta)})),
             WithinRel(5.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(time(TreeBroadcast{n, 3, ab(0.0 * seconds, beta)})),
             WithinRel(2.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(time(TreeReduce{n, 1000, ab(0.0 * seconds, beta)})),
             WithinRel(10.0, 1e-12));
}

TEST_CASE("binomial reduce adds n gamma per round") {
  // Thakur et al. (2005), reduce (short messages): lg p (alpha + n beta + n gamma).
  const CostTerms t = terms(TreeReduce{.message = n,
                                       .ranks = 8, .link = ab(alpha, beta),
                                       .reduction_bandwidth = 100.0 * gigabytes_per_second});
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.3, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.total()), WithinRel(3.0 + 0.003 + 0.3, 1e-12));
}

TEST_CASE("textbook tree allreduce is reduce plus broadcast: 2 ceil(lg p) (alpha + n/beta)") {
  const CostTerms t =
      terms(TreeAllReduce{.message = n, .ranks = 8, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<millisecond_unit>(t.total()), WithinRel(6.0 * (0.001 + 1.0), 1e-12));
  const Seconds both =
      time(TreeReduce{n, 12, ab(alpha, beta)}) + time(TreeBroadcast{n, 12, ab(alpha, beta)});
  CHECK_THAT(value_in<second_unit>(time(TreeAllReduce{n, 12, ab(alpha, beta)})),
             WithinRel(value_in<second_unit>(both), 1e-12));
}

TEST_CASE("tree allreduce reduces once: ceil(lg p) n gamma, in its reduce phase only") {
  // Reduce then broadcast (Thakur et al. 2005): lg p (alpha + n beta + n gamma) +
  // lg p (alpha + n beta); p = 8, n = 10 MB, 1/gamma = 100 GB/s: 3 x 0.1 ms = 0.3 ms.
  const CostTerms t = terms(TreeAllReduce{.message = n,
                                          .ranks = 8,
                                          .link = ab(alpha, beta),
                                          .reduction_bandwidth = 100.0 * gigabytes_per_second});
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.3, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(6.0, 1e-12));
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(6.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.total()), WithinRel(6.0 + 0.006 + 0.3, 1e-12));
  // p = 12: ceil(lg 12) = 4 rounds of reduction, 0.4 ms.
  CHECK_THAT(value_in<millisecond_unit>(
                 terms(TreeAllReduce{n, 12, ab(alpha, beta), 100.0 * gigabytes_per_second})
                     .reduction_term),
             WithinRel(0.4, 1e-12));
  // Without a reduction bandwidth the reduction is free.
  CHECK(value_in<second_unit>(terms(TreeAllReduce{n, 8, ab(alpha, beta)}).reduction_term) == 0.0);
  REQUIRE_THROWS_WITH(
      time(TreeAllReduce{n, 8, ab(alpha, beta), 0.0 * gigabytes_per_second}),
      Catch::Matchers::StartsWith("tree allreduce: reduction_bandwidth must be > 0"));
}

TEST_CASE("tree models cost zero for one rank and stay finite for a million") {
  CHECK(value_in<second_unit>(time(TreeAllReduce{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(TreeBroadcast{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(TreeReduce{n, 1, ab(alpha, beta)})) == 0.0);
  // ceil(lg 1e6) = 20 rounds each way.
  CHECK_THAT(value_in<millisecond_unit>(time(TreeAllReduce{n, 1000000, ab(alpha, beta)})),
             WithinRel(40.0 * 1.001, 1e-12));
  CHECK_THAT(value_in<microsecond_unit>(time(TreeBroadcast{1.0 * bytes, 2, ab(alpha, beta)})),
             WithinRel(1.0001, 1e-12));
}

TEST_CASE("tree models reject invalid inputs") {
  REQUIRE_THROWS_WITH(time(TreeBroadcast{n, 0, ab(alpha, beta)}),
                      "tree broadcast: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(time(TreeReduce{n, 4, ab(alpha, 0.0 * bytes_per_second)}),
                      "tree reduce: bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(time(TreeAllReduce{n, 4, ab(-1.0 * seconds, beta)}),
                      "tree allreduce: latency must be >= 0 and finite (got -1 s)");
}

TEST_CASE("more bandwidth or less latency never makes a tree collective slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 3>{time(TreeAllReduce{m, p, ab(a, b)}), time(TreeBroadcast{m, p, ab(a, b)}),
                                  time(TreeReduce{m, p, ab(a, b)})};
  }));
}
