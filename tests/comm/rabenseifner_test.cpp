#include "paradox/comm/rabenseifner.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"
#include "paradox/comm/ring.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

using comm_test::alpha, comm_test::beta, comm_test::n, comm_test::fast_reduce;

TEST_CASE("rabenseifner allreduce costs 2 lg p alpha + 2 n (p-1)/p / beta + n (p-1)/p gamma") {
  // Thakur, Rabenseifner & Gropp (2005), sec. 4; MPICH src/mpi/coll/allreduce.c:
  // "Cost = 2.lgp.alpha + 2.n.((p-1)/p).beta + n.((p-1)/p).gamma".
  const CostTerms t = terms(RabenseifnerAllReduce{n, 8, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(6.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(1.75, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.0875, 1e-12));
}

TEST_CASE("rabenseifner matches the ring's bandwidth term with logarithmic latency") {
  const CostTerms rab = terms(RabenseifnerAllReduce{n, 1024, ab(alpha, beta)});
  const CostTerms ring = terms(RingAllReduce{n, 1024, ab(alpha, beta)});
  CHECK_THAT(value_in<second_unit>(rab.bandwidth_term),
             WithinRel(value_in<second_unit>(ring.bandwidth_term), 1e-12));
  CHECK_THAT(value_in<microsecond_unit>(rab.latency_term), WithinRel(20.0, 1e-12));
  CHECK(rab.latency_term < ring.latency_term);
}

TEST_CASE("rabenseifner for a non-power-of-two adds a fold and a hand-back step") {
  // Thakur et al. (2005) sec. 4 / MPICH allreduce.c: p = 6 -> p' = 4, r = 2.
  // (2 lg p' + 2) alpha + 2 ((p'-1)/p' + 1) n/beta + ((p'-1)/p' + 1) n gamma.
  const CostTerms t = terms(RabenseifnerAllReduce{n, 6, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(6.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(2.0 * 1.75, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.175, 1e-12));
  // MPICH's comment, (2 floor(lgp) + 2) alpha + (2 (p-1)/p + 2) n beta, uses p for p'; the two
  // agree on the latency term and differ in the bandwidth term by 2 n (1/p' - 1/p) / beta.
  const double mpich_bandwidth_ms = (2.0 * 5.0 / 6.0 + 2.0) * 1.0;
  CHECK_THAT(mpich_bandwidth_ms - value_in<millisecond_unit>(t.bandwidth_term),
             WithinRel(2.0 * (1.0 / 4.0 - 1.0 / 6.0), 1e-12));
}

TEST_CASE("rabenseifner reduce costs the same as the allreduce for powers of two") {
  // Thakur et al. (2005) sec. 4: reduce-scatter + binomial gather.
  CHECK_THAT(
      value_in<second_unit>(time(RabenseifnerReduce{n, 32, ab(alpha, beta), fast_reduce})),
      WithinRel(value_in<second_unit>(time(RabenseifnerAllReduce{n, 32, ab(alpha, beta), fast_reduce})),
                1e-12));
  // Not a power of two: the fold, but no hand-back, since only the root needs the result.
  const Seconds saved =
      time(RabenseifnerAllReduce{n, 6, ab(alpha, beta)}) - time(RabenseifnerReduce{n, 6, ab(alpha, beta)});
  CHECK_THAT(value_in<millisecond_unit>(saved), WithinRel(1.001, 1e-12));
}

TEST_CASE("rabenseifner reduce for a non-power-of-two pays the fold but no hand-back") {
  // p = 6 -> p' = 4 (Thakur et al. 2005 sec. 4): (2 lg p' + 1) alpha + (2 (p'-1)/p' + 1) n/beta
  // + ((p'-1)/p' + 1) n gamma = 5 us + 2.5 ms + 0.175 ms.
  const CostTerms t = terms(RabenseifnerReduce{n, 6, ab(alpha, beta), fast_reduce});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(5.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(2.5, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(0.175, 1e-12));
}

TEST_CASE("rabenseifner costs zero for one rank and stays finite for a million") {
  CHECK(value_in<second_unit>(time(RabenseifnerAllReduce{n, 1, ab(alpha, beta), fast_reduce})) == 0.0);
  CHECK(value_in<second_unit>(time(RabenseifnerReduce{n, 1, ab(alpha, beta), fast_reduce})) == 0.0);
  const CostTerms t = terms(RabenseifnerAllReduce{n, 1000000, ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(40.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term),
             WithinRel(2.0 * ((524287.0 / 524288.0) + 1.0), 1e-12));
}

TEST_CASE("rabenseifner models reject invalid inputs") {
  REQUIRE_THROWS_WITH(time(RabenseifnerAllReduce{n, 0, ab(alpha, beta)}),
                      "rabenseifner allreduce: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(time(RabenseifnerReduce{n, 4, ab(alpha, -1.0 * bytes_per_second)}),
                      "rabenseifner reduce: bandwidth must be > 0 and finite (got -1 B/s)");
}

TEST_CASE("more bandwidth or less latency never makes rabenseifner slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 2>{time(RabenseifnerAllReduce{m, p, ab(a, b), b}),
                                  time(RabenseifnerReduce{m, p, ab(a, b)})};
  }));
}
