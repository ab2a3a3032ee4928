#include "paradox/comm/point_to_point.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

TEST_CASE("Hockney point to point is alpha + n/beta") {
  // Hockney (1994): T(n) = alpha + n / beta. 1 MB at 50 GB/s = 20 us, plus 500 ns.
  const Seconds t = time(PointToPoint{.message = 1.0 * megabytes, .link = ab(500.0 * nanoseconds, 50.0 * gigabytes_per_second)});
  CHECK_THAT(value_in<microsecond_unit>(t), WithinRel(20.5, 1e-12));
}

TEST_CASE("the gamma term adds n over the reduction bandwidth") {
  const CostTerms t = terms(PointToPoint{.message = 1.0 * gigabytes, .link = ab(0.0 * seconds, 100.0 * gigabytes_per_second),
                                         .reduction_bandwidth = 1.0 * terabytes_per_second});
  CHECK_THAT(value_in<millisecond_unit>(t.bandwidth_term), WithinRel(10.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.reduction_term), WithinRel(1.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t.total()), WithinRel(11.0, 1e-12));
}

TEST_CASE("a zero-byte message still pays the latency") {
  const Seconds t = time(PointToPoint{.message = 0.0 * bytes, .link = ab(2.0 * microseconds, 1.0 * gigabytes_per_second)});
  CHECK_THAT(value_in<microsecond_unit>(t), WithinRel(2.0, 1e-12));
}

TEST_CASE("the crossover size is alpha times beta and splits the time in equal halves") {
  const Link link = ab(500.0 * nanoseconds, 50.0 * gigabytes_per_second);
  const Bytes n_star = crossover_size(link);
  CHECK_THAT(value_in<kilobyte_unit>(n_star), WithinRel(25.0, 1e-12));
  const CostTerms t =
      terms(PointToPoint{.message = n_star, .link = link});
  CHECK_THAT(value_in<second_unit>(t.bandwidth_term),
             WithinRel(value_in<second_unit>(t.latency_term), 1e-12));
}

TEST_CASE("point to point rejects invalid inputs with the parameter named") {
  const PointToPoint ok{.message = 1.0 * bytes,
                        .link = ab(1.0 * microseconds, 1.0 * gigabytes_per_second)};
  PointToPoint bad = ok;
  bad.link.bandwidth = 0.0 * bytes_per_second;
  REQUIRE_THROWS_WITH(time(bad), "point to point: bandwidth must be > 0 and finite (got 0 B/s)");
  bad = ok;
  bad.link.latency = -1.0 * seconds;
  REQUIRE_THROWS_WITH(time(bad), "point to point: latency must be >= 0 and finite (got -1 s)");
  bad = ok;
  bad.message = -1.0 * bytes;
  REQUIRE_THROWS_WITH(time(bad), "point to point: message must be >= 0 and finite (got -1 B)");
  bad = ok;
  bad.reduction_bandwidth = 0.0 * bytes_per_second;
  REQUIRE_THROWS_WITH(time(bad),
                      "point to point: reduction_bandwidth must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(
      crossover_size(ab(1.0 * seconds, -1.0 * bytes_per_second)),
      "crossover size: bandwidth must be > 0 and finite (got -1 B/s)");
}

TEST_CASE("point to point time grows with size and shrinks with bandwidth") {
  REQUIRE(rc::check("monotone in n and beta", [] {
    const double n = *rc::gen::inRange(0, 1000000000);
    const double extra = *rc::gen::inRange(1, 1000000);
    const double beta = *rc::gen::inRange(1, 1000000) * 1e3;
    const PointToPoint base{.message = n * bytes,
                            .link = ab(1e-6 * seconds, beta * bytes_per_second)};
    PointToPoint bigger = base;
    bigger.message = (n + extra) * bytes;
    PointToPoint faster = base;
    faster.link.bandwidth = 2.0 * beta * bytes_per_second;
    RC_ASSERT(time(bigger) > time(base));
    RC_ASSERT(time(faster) <= time(base));
  }));
}
