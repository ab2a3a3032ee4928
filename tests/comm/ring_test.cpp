#include "paradox/comm/ring.hpp"

#include <rapidcheck.h>

#include <array>
#include <catch2/catch.hpp>
#include <limits>

#include "comm/comm_test_support.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
const Seconds alpha = 500.0 * nanoseconds;
const Bandwidth beta = 50.0 * gigabytes_per_second;
}  // namespace

TEST_CASE("ring allreduce of 1 GB over 8 ranks at 50 GB/s and 500 ns takes 35.007 ms") {
  // The MLSys textbook simulator's own test value: 2*7*500 ns + 2*(7/8)*1e9 B / 50e9 B/s.
  const CostTerms t = terms(
      RingAllReduce{.message = 1.0 * gigabytes, .ranks = 8, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<millisecond_unit>(t.total()), WithinRel(35.007, 1e-12));
  CHECK_THAT(value_in<microsecond_unit>(t.latency_term), WithinRel(7.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(35.0, 1e-12));
  CHECK(value_in<second_unit>(t.reduction_term) == 0.0);
}

TEST_CASE("ring allreduce follows 2(p-1) alpha + 2 n (p-1)/p / beta + n (p-1)/p gamma") {
  // Patarasuk & Yuan (2009); Thakur, Rabenseifner & Gropp (2005): reduce-scatter + all-gather.
  const int p = 5;
  const double n = 3e6, a = 2e-6, b = 1e9, g = 4e9;
  const CostTerms t = terms(RingAllReduce{.message = n * bytes,
                                          .ranks = p, .link = ab(a * seconds, b * bytes_per_second),
                                          .reduction_bandwidth = g * bytes_per_second});
  CHECK_THAT(value_in<second_unit>(t.latency_term), WithinRel(2.0 * (p - 1) * a, 1e-12));
  CHECK_THAT(value_in<second_unit>(t.bandwidth_term), WithinRel(2.0 * n * (p - 1) / p / b, 1e-12));
  CHECK_THAT(value_in<second_unit>(t.reduction_term), WithinRel(n * (p - 1) / p / g, 1e-12));
}

TEST_CASE("ring allreduce equals ring reduce-scatter plus ring all-gather") {
  const Bytes n = 123456.0 * bytes;
  const Bandwidth g = 10.0 * gigabytes_per_second;
  const Seconds whole = time(RingAllReduce{n, 12, ab(alpha, beta), g});
  const Seconds parts =
      time(RingReduceScatter{n, 12, ab(alpha, beta), g}) + time(RingAllGather{n, 12, ab(alpha, beta)});
  CHECK_THAT(value_in<second_unit>(whole), WithinRel(value_in<second_unit>(parts), 1e-12));
}

TEST_CASE("ring reduce-scatter and all-gather follow (p-1) alpha + n (p-1)/p / beta") {
  // Thakur, Rabenseifner & Gropp (2005), ring all-gather; MPICH allgather comment
  // "Cost = (p-1).alpha + n.((p-1)/p).beta".
  const Seconds ag = time(
      RingAllGather{.message = 8.0 * megabytes, .ranks = 8, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(ag),
             WithinRel(7 * 0.5 + 7.0 / 8.0 * 8e6 / 50e9 * 1e6, 1e-12));
  const CostTerms rs =
      terms(RingReduceScatter{.message = 8.0 * megabytes,
                              .ranks = 8, .link = ab(alpha, beta),
                              .reduction_bandwidth = 100.0 * gigabytes_per_second});
  CHECK_THAT(value_in<microsecond_unit>(rs.reduction_term),
             WithinRel(7.0 / 8.0 * 8e6 / 100e9 * 1e6, 1e-12));
}

TEST_CASE("pipelined ring broadcast and reduce cost (p-1) alpha + n / beta") {
  const CostTerms bc = terms(
      RingBroadcast{.message = 1.0 * gigabytes, .ranks = 16, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<microsecond_unit>(bc.latency_term), WithinRel(7.5, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(bc.bandwidth_term), WithinRel(20.0, 1e-12));
  const CostTerms rd = terms(RingReduce{.message = 1.0 * gigabytes,
                                        .ranks = 16, .link = ab(alpha, beta),
                                        .reduction_bandwidth = 1.0 * terabytes_per_second});
  CHECK_THAT(value_in<millisecond_unit>(rd.total()), WithinRel(0.0075 + 20.0 + 1.0, 1e-12));
}

TEST_CASE("one rank costs nothing in every ring model") {
  const Bytes n = 1.0 * gigabytes;
  CHECK(value_in<second_unit>(time(RingAllReduce{n, 1, ab(alpha, beta), beta})) == 0.0);
  CHECK(value_in<second_unit>(time(RingReduceScatter{n, 1, ab(alpha, beta), beta})) == 0.0);
  CHECK(value_in<second_unit>(time(RingAllGather{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(RingBroadcast{n, 1, ab(alpha, beta)})) == 0.0);
  CHECK(value_in<second_unit>(time(RingReduce{n, 1, ab(alpha, beta), beta})) == 0.0);
}

TEST_CASE("one byte over two ranks is latency-bound") {
  const CostTerms t =
      terms(RingAllReduce{.message = 1.0 * bytes, .ranks = 2, .link = ab(alpha, beta)});
  CHECK_THAT(value_in<nanosecond_unit>(t.latency_term), WithinRel(1000.0, 1e-12));
  CHECK_THAT(value_in<nanosecond_unit>(t.bandwidth_term), WithinRel(0.02, 1e-12));
}

TEST_CASE("a million ranks give a finite ring time dominated by latency") {
  const Seconds t = time(RingAllReduce{
      .message = 1.0 * gigabytes, .ranks = 1000000, .link = ab(alpha, beta)});
  // 2 * 999999 * 500 ns + 2 * (999999/1e6) * 20 ms.
  CHECK_THAT(value_in<second_unit>(t), WithinRel(0.999999 + 0.04 * 0.999999, 1e-12));
}

TEST_CASE("ring models reject invalid inputs naming the model and the parameter") {
  REQUIRE_THROWS_WITH(
      time(RingAllReduce{.message = 1.0 * bytes, .ranks = 0, .link = ab(alpha, beta)}),
      "ring allreduce: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(
      time(RingAllReduce{.message = -5.0 * bytes, .ranks = 2, .link = ab(alpha, beta)}),
      "ring allreduce: message must be >= 0 and finite (got -5 B)");
  REQUIRE_THROWS_WITH(
      time(RingAllReduce{
          .message = 1.0 * bytes, .ranks = 2, .link = ab(-500.0 * nanoseconds, beta)}),
      "ring allreduce: latency must be >= 0 and finite (got -5e-07 s)");
  REQUIRE_THROWS_WITH(time(RingAllGather{.message = 1.0 * bytes,
                                         .ranks = 2, .link = ab(alpha, 0.0 * bytes_per_second)}),
                      "ring all-gather: bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(
      time(RingReduceScatter{
          .message = 1.0 * bytes, .ranks = -3, .link = ab(alpha, beta)}),
      "ring reduce-scatter: ranks must be >= 1 (got -3)");
  REQUIRE_THROWS_WITH(time(RingReduce{.message = 1.0 * bytes,
                                      .ranks = 2, .link = ab(alpha, beta),
                                      .reduction_bandwidth = 0.0 * bytes_per_second}),
                      "ring reduce: reduction_bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(
      time(RingBroadcast{.message = std::numeric_limits<double>::quiet_NaN() * bytes,
                         .ranks = 2, .link = ab(alpha, beta)}),
      Catch::Matchers::StartsWith("ring broadcast: message must be >= 0 and finite"));
  REQUIRE_THROWS_WITH(time(RingAllReduce{.message = 1e300 * bytes,
                                         .ranks = 4, .link = ab(alpha, 1e-300 * bytes_per_second)}),
                      Catch::Matchers::StartsWith("ring allreduce: message must be small enough for a finite bandwidth term"));
}

TEST_CASE("ring bandwidth term tends to 2 n / beta as ranks grow") {
  REQUIRE(rc::check("2(p-1)/p: below 2, increasing in p, within 2/p of 2", [] {
    const auto s = *comm_test::scenarios();
    const auto term = [&](int p) {
      return terms(RingAllReduce{s.message, p, ab(s.latency, s.bandwidth)}).bandwidth_term;
    };
    const double unit = comm_test::in_seconds(s.message / s.bandwidth);
    RC_PRE(unit > 0.0);
    const double ratio = comm_test::in_seconds(term(s.ranks)) / unit;
    const double next = comm_test::in_seconds(term(s.ranks + 1)) / unit;
    RC_ASSERT(ratio < 2.0);
    RC_ASSERT(next >= ratio);
    RC_ASSERT(2.0 - ratio <= 2.0 / s.ranks + 1e-12);
  }));
}

TEST_CASE("more bandwidth or less latency never makes a ring collective slower") {
  REQUIRE(comm_test::never_slower_with_better_links([](Bytes m, int p, Seconds a, Bandwidth b) {
    return std::array<Seconds, 5>{time(RingAllReduce{m, p, ab(a, b)}),
                                  time(RingReduceScatter{m, p, ab(a, b)}),
                                  time(RingAllGather{m, p, ab(a, b)}), time(RingBroadcast{m, p, ab(a, b)}),
                                  time(RingReduce{m, p, ab(a, b)})};
  }));
}
