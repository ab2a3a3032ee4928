#include "paradox/comm/double_binary_tree.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"
#include "paradox/comm/ring.hpp"
#include "paradox/comm/tree.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

using comm_test::alpha, comm_test::beta, comm_test::n;

TEST_CASE("double binary tree allreduce: 2 ceil(lg p) alpha latency and 2 n/beta bandwidth") {
  // NCCL 2.4 blog (2019) and Sanders, Speck & Traff (2009): logarithmic latency, full
  // bandwidth. Per rank 2n bytes each way over both trees (see the header's derivation);
  // NCCL src/graph/tuning.cc turns tree busBw into algBw with ratio 0.5, i.e. 2 n / busBw.
  const CostTerms t =
      terms(DoubleBinaryTreeAllReduce{.message = n,
                                      .ranks = 64, .link = ab(alpha, beta),
                                      .reduction_bandwidth = 100.0 * gigabytes_per_second});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(12.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(2.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.1, 1e-12));
}

TEST_CASE("double binary tree beats the ring on latency and matches it on bandwidth at scale") {
  const int p = 1024;
  const CostTerms dbt = terms(DoubleBinaryTreeAllReduce{n, p, ab(alpha, beta)});
  const CostTerms ring = terms(RingAllReduce{n, p, ab(alpha, beta)});
  CHECK(dbt.latency_term < ring.latency_term);
  CHECK_THAT(value_in<second_unit>(ring.bandwidth_term) / value_in<second_unit>(dbt.bandwidth_term),
             WithinRel(1023.0 / 1024.0, 1e-12));
  // And it beats the unpipelined textbook tree, whose every byte crosses 2 lg p links in turn.
  CHECK(time(DoubleBinaryTreeAllReduce{n, p, ab(alpha, beta)}) <
        time(TreeAllReduce{n, p, ab(alpha, beta)}));
}

TEST_CASE("two-tree broadcast and reduce cost ceil(lg p) alpha + n/beta") {
  // Sanders, Speck & Traff (2009): full-bandwidth broadcast and reduction.
  const CostTerms bc = terms(DoubleBinaryTreeBroadcast{n, 1000, ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(bc.latency_term), WithinRel(10.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(bc.bandwidth_term), WithinRel(1.0, 1e-12));
  const CostTerms rd =
      terms(DoubleBinaryTreeReduce{n, 1000, ab(alpha, beta), 10.0 * gigabytes_per_second});
  CHECK_THAT(value_in<millisecond_unit>(rd.total()), WithinRel(0.01 + 1.0 + 1.0, 1e-12));
  CHECK(time(DoubleBinaryTreeBroadcast{n, 1000, ab(alpha, beta)}) <
        time(TreeBroadcast{n, 1000, ab(alpha, beta)}));
}

TEST_CASE("double binary tree costs zero for one rank and stays finite for a million") {
  CHECK(value_in<second_unit>(time(DoubleBinaryTreeAllReduce{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(DoubleBinaryTreeBroadcast{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(DoubleBinaryTreeReduce{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK_THAT(value_in<millisecond_unit>(time(DoubleBinaryTreeAllReduce{n, 1000000, ab(alpha, beta)})),
             WithinRel(2.0 + 0.040, 1e-12));
}

TEST_CASE("double binary tree models reject invalid inputs") {
  REQUIRE_THROWS_WITH(time(DoubleBinaryTreeAllReduce{n, 0, ab(alpha, beta)}),
                      "double binary tree allreduce: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(time(DoubleBinaryTreeBroadcast{-1.0 * bytes, 2, ab(alpha, beta)}),
                      "double binary tree broadcast: message must be >= 0 and finite (got -1 B)");
  REQUIRE_THROWS_WITH(
      time(DoubleBinaryTreeReduce{n, 2, ab(alpha, beta), -1.0 * bytes_per_second}),
      "double binary tree reduce: reduction_bandwidth must be > 0 and finite (got -1 B/s)");
}

TEST_CASE("more bandwidth or less latency never makes a double binary tree slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 3>{time(DoubleBinaryTreeAllReduce{m, p, ab(a, b)}),
                                  time(DoubleBinaryTreeBroadcast{m, p, ab(a, b)}),
                                  time(DoubleBinaryTreeReduce{m, p, ab(a, b)})};
  }));
}
