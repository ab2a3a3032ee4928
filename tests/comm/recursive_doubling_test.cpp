#include "paradox/comm/recursive_doubling.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

using comm_test::alpha, comm_test::beta, comm_test::n, comm_test::fast_reduce;

TEST_CASE("recursive doubling allreduce costs lg p (alpha + n/beta + n gamma) for p = 2^k") {
  // MPICH src/mpi/coll/allreduce.c: "Cost = lgp.alpha + n.lgp.beta + n.lgp.gamma".
  const CostTerms t = terms(RecursiveDoublingAllReduce{n, 16, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(4.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(4.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.4, 1e-12));
}

TEST_CASE("recursive doubling allreduce folds a non-power-of-two to p' with two extra steps") {
  // MPICH allreduce.c: the first 2r ranks pair up (one send + reduce), p' = 8 ranks run
  // recursive doubling, and the result is sent back: (3 + 2) transfers, (3 + 1) reductions.
  const CostTerms t = terms(RecursiveDoublingAllReduce{n, 12, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(5.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(5.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.4, 1e-12));
}

TEST_CASE("recursive doubling all-gather costs lg p alpha + n (p-1)/p / beta") {
  // MPICH allgather comment: "Cost = lgp.alpha + n.((p-1)/p).beta"; Bruck's algorithm for
  // other p: ceil(lg p) alpha + n (p-1)/p beta (Thakur et al. 2005, Allgather).
  const CostTerms pow2 = terms(RecursiveDoublingAllGather{n, 8, ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(pow2.latency_term), WithinRel(3.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(pow2.bandwidth_term), WithinRel(7.0 / 8.0, 1e-12));
  const CostTerms bruck = terms(RecursiveDoublingAllGather{n, 10, ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(bruck.latency_term), WithinRel(4.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(bruck.bandwidth_term), WithinRel(0.9, 1e-12));
}

TEST_CASE("recursive halving reduce-scatter costs lg p alpha + (p-1)/p (n/beta + n gamma)") {
  // Thakur et al. (2005), Reduce-Scatter, recursive halving for commutative operations.
  const CostTerms t = terms(RecursiveHalvingReduceScatter{n, 4, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(2.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(0.75, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.075, 1e-12));
}

TEST_CASE("recursive halving folds a non-power-of-two and hands back one block") {
  // p = 6, p' = 4: fold (alpha + n/beta + n gamma), halving among 4, hand back n/6.
  const CostTerms t = terms(RecursiveHalvingReduceScatter{n, 6, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(4.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term),
             WithinRel(1.0 + 0.75 + 1.0 / 6.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.1 + 0.075, 1e-12));
}

TEST_CASE("recursive doubling models cost zero for one rank and stay finite for a million") {
  CHECK(value_in<second_unit>(time(RecursiveDoublingAllReduce{n, 1, ab(alpha, beta), fast_reduce})) ==
        0.0);
  CHECK(value_in<second_unit>(time(RecursiveDoublingAllGather{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(
            time(RecursiveHalvingReduceScatter{n, 1, ab(alpha, beta), fast_reduce})) == 0.0);
  // 1e6 = 2^19 + 475712: 19 doubling steps + 2 fold steps.
  CHECK_THAT(value_in<millisecond_unit>(time(RecursiveDoublingAllReduce{n, 1000000, ab(alpha, beta)})),
             WithinRel(21.0 * 1.001, 1e-12));
}

TEST_CASE("recursive doubling models reject invalid inputs") {
  REQUIRE_THROWS_WITH(time(RecursiveDoublingAllReduce{n, 0, ab(alpha, beta)}),
                      "recursive doubling allreduce: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(
      time(RecursiveDoublingAllGather{n, 2, ab(alpha, 0.0 * bytes_per_second)}),
      "recursive doubling all-gather: bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(
      time(RecursiveHalvingReduceScatter{n, 2, ab(-2.0 * seconds, beta)}),
      "recursive halving reduce-scatter: latency must be >= 0 and finite (got -2 s)");
}

TEST_CASE("more bandwidth or less latency never makes recursive doubling slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 3>{time(RecursiveDoublingAllReduce{m, p, ab(a, b), b}),
                                  time(RecursiveDoublingAllGather{m, p, ab(a, b)}),
                                  time(RecursiveHalvingReduceScatter{m, p, ab(a, b)})};
  }));
}
