#include "paradox/comm/all_to_all.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

using comm_test::alpha, comm_test::beta, comm_test::n;

TEST_CASE("pairwise all-to-all costs (p-1) alpha + n (p-1)/p / beta") {
  // Thakur, Rabenseifner & Gropp (2005), Alltoall: pairwise exchange, n = per-rank buffer.
  const CostTerms t =
      terms(PairwiseAllToAll{.message = n, .ranks = 8, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(7.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(0.875, 1e-12));
}

TEST_CASE("pairwise all-to-all on a non-power-of-two rank count reduces nothing") {
  // p = 6: 5 alpha + (5/6) n / beta; an all-to-all moves data but adds nothing up.
  const CostTerms t = terms(PairwiseAllToAll{.message = n, .ranks = 6, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(5.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(5.0 / 6.0, 1e-12));
  CHECK(value_in<second_unit>(t.reduction_term) == 0.0);
  // Two ranks: one exchange of half the buffer.
  CHECK_THAT(value_in<millisecond_unit>(time(PairwiseAllToAll{n, 2, ab(alpha, beta)})),
             WithinRel(0.001 + 0.5, 1e-12));
}

TEST_CASE("ring send/recv costs one point-to-point message") {
  const CostTerms t =
      terms(RingSendRecv{.message = n, .ranks = 64, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<millisecond_unit>(t.total()), WithinRel(1.001, 1e-12));
}

TEST_CASE("all-to-all and send/recv cost zero for one rank and stay finite for a million") {
  CHECK(value_in<second_unit>(time(PairwiseAllToAll{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(RingSendRecv{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK_THAT(value_in<second_unit>(time(PairwiseAllToAll{n, 1000000, ab(alpha, beta)})),
             WithinRel(999999e-6 + 0.999999e-3, 1e-12));
  CHECK_THAT(value_in<nanosecond_unit>(time(PairwiseAllToAll{1.0 * bytes, 2, ab(alpha, beta)})),
             WithinRel(1000.05, 1e-12));
}

TEST_CASE("all-to-all and send/recv reject invalid inputs") {
  REQUIRE_THROWS_WITH(time(PairwiseAllToAll{n, 0, ab(alpha, beta)}),
                      "pairwise all-to-all: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(time(RingSendRecv{n, 2, ab(alpha, 0.0 * bytes_per_second)}),
                      "sendrecv: bandwidth must be > 0 and finite (got 0 B/s)");
}

TEST_CASE("more bandwidth or less latency never makes all-to-all or send/recv slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 2>{time(PairwiseAllToAll{m, p, ab(a, b)}),
                                  time(RingSendRecv{m, p, ab(a, b)})};
  }));
}
