#include "paradox/comm/bus_bandwidth.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

TEST_CASE("nccl-tests bus bandwidth factors per collective") {
  // NVIDIA nccl-tests doc/PERFORMANCE.md: 2(n-1)/n all-reduce; (n-1)/n reduce-scatter,
  // all-gather, all-to-all; 1 broadcast, reduce, send/recv.
  CHECK(bus_bandwidth_factor(Collective::allreduce, 8) == 1.75);
  CHECK(bus_bandwidth_factor(Collective::allreduce, 64) == 1.96875);
  CHECK(bus_bandwidth_factor(Collective::reducescatter, 8) == 0.875);
  CHECK(bus_bandwidth_factor(Collective::allgather, 8) == 0.875);
  CHECK(bus_bandwidth_factor(Collective::alltoall, 4) == 0.75);
  CHECK(bus_bandwidth_factor(Collective::broadcast, 8) == 1.0);
  CHECK(bus_bandwidth_factor(Collective::reduce, 8) == 1.0);
  CHECK(bus_bandwidth_factor(Collective::sendrecv, 8) == 1.0);
  CHECK(bus_bandwidth_factor(Collective::allreduce, 1) == 0.0);
}

TEST_CASE("algbw is size over time and busbw scales it by the factor") {
  const Bandwidth algbw = algorithm_bandwidth(1.0 * gigabytes, 10.0 * milliseconds);
  CHECK_THAT(value_in<gigabytes_per_second_unit>(algbw), WithinRel(100.0, 1e-12));
  const Bandwidth busbw =
      bus_bandwidth({Collective::allreduce, 8, 1.0 * gigabytes, 10.0 * milliseconds});
  CHECK_THAT(value_in<gigabytes_per_second_unit>(busbw), WithinRel(175.0, 1e-12));
}

TEST_CASE("the ring allreduce's bus bandwidth approaches the link bandwidth for large buffers") {
  // 35.007 ms for 1 GB over 8 ranks at 50 GB/s: busbw = 1.75 * 1e9 / 35.007e-3 ~ 49.99 GB/s.
  const CollectiveInput in{.op = Collective::allreduce,
                           .message = 1.0 * gigabytes,
                           .ranks = 8,
                           .link = {.bandwidth = 50.0 * gigabytes_per_second, .latency = 500.0 * nanoseconds}};
  const Bandwidth busbw = bus_bandwidth({in.op, in.ranks, in.message, time(in)});
  CHECK_THAT(value_in<gigabytes_per_second_unit>(busbw), WithinRel(50.0 * 35.0 / 35.007, 1e-12));
}

TEST_CASE("bus bandwidth rejects invalid inputs") {
  REQUIRE_THROWS_WITH(bus_bandwidth_factor(Collective::allreduce, 0),
                      "bus bandwidth factor: ranks must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(algorithm_bandwidth(1.0 * bytes, 0.0 * seconds),
                      "algorithm bandwidth: time must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(algorithm_bandwidth(-1.0 * bytes, 1.0 * seconds),
                      "algorithm bandwidth: size must be >= 0 and finite (got -1 B)");
  REQUIRE_THROWS_WITH(bus_bandwidth({Collective::allgather, -2, 1.0 * bytes, 1.0 * seconds}),
                      "bus bandwidth factor: ranks must be >= 1 (got -2)");
}

TEST_CASE("bus bandwidth factors lie in [0, 2) and grow with ranks") {
  REQUIRE(rc::check("0 <= factor(p) <= factor(p+1) < 2", [] {
    const int p = *rc::gen::inRange(1, 10000000);
    const Collective op = *rc::gen::elementOf(all_collectives);
    const double f = bus_bandwidth_factor(op, p);
    RC_ASSERT(f >= 0.0);
    RC_ASSERT(f < 2.0);
    RC_ASSERT(f <= bus_bandwidth_factor(op, p + 1));
  }));
}
