#include "paradox/reliability/checkpoint_cost.hpp"

#include <catch2/catch.hpp>

#include "paradox/memory/checkpoint.hpp"
#include "reliability/reliability_test_support.hpp"

using namespace paradox;
using namespace paradox::reliability;
using Catch::Matchers::WithinRel;
using reliability_test::s;

TEST_CASE("a synchronous checkpoint blocks for size / storage bandwidth") {
  // GPT-3 175B: 14 bytes per parameter (memory::checkpoint_size) = 2.45 TB; at 100 GB/s
  // aggregate storage bandwidth it takes 24.5 s, all of it blocking.
  const CheckpointCost c =
      checkpoint_cost(memory::checkpoint_size(175e9), 100.0 * gigabytes_per_second);
  CHECK_THAT(s(c.write_time), WithinRel(24.5, 1e-14));
  CHECK(c.blocking_time == c.write_time);
  CHECK(c.snapshot_time == 0.0 * seconds);
  CHECK(c.durability_lag == 0.0 * seconds);
  CHECK(c.min_interval == 0.0 * seconds);
  CHECK(checkpoint_cost({.size = 0.0 * bytes, .storage = 1.0 * gigabytes_per_second}).write_time ==
        0.0 * seconds);
}

TEST_CASE("an asynchronous checkpoint blocks only for the snapshot to host memory") {
  // CheckFreq's two phases (Mohan et al. 2021): 2.45 TB copied to host at 1 TB/s aggregate
  // (2.45 s, blocking), persisted at 100 GB/s in the background (24.5 s).
  const CheckpointCost c =
      checkpoint_cost(memory::checkpoint_size(175e9), 100.0 * gigabytes_per_second,
                      CheckpointMode::asynchronous, 1.0 * terabytes_per_second);
  CHECK_THAT(s(c.write_time), WithinRel(24.5, 1e-14));
  CHECK_THAT(s(c.snapshot_time), WithinRel(2.45, 1e-14));
  CHECK(c.blocking_time == c.snapshot_time);
  CHECK(c.durability_lag == c.write_time);
  CHECK_THAT(s(c.min_interval), WithinRel(26.95, 1e-14));
  CHECK(to_string(CheckpointMode::asynchronous) == "asynchronous");
  CHECK(to_string(CheckpointMode::synchronous) == "synchronous");
}

TEST_CASE("checkpoint_input feeds the blocking time and the durability lag to the intervals") {
  const CheckpointCost sync = checkpoint_cost({.size = 2.45 * terabytes,
                                               .storage = 100.0 * gigabytes_per_second});
  const CheckpointCost async = checkpoint_cost({.size = 2.45 * terabytes,
                                                .storage = 100.0 * gigabytes_per_second,
                                                .mode = CheckpointMode::asynchronous,
                                                .snapshot = 1.0 * terabytes_per_second});
  const CheckpointInput a = checkpoint_input(async, 5.0 * hours, 10.0 * minutes);
  CHECK_THAT(s(a.checkpoint_cost), WithinRel(2.45, 1e-14));
  CHECK_THAT(s(a.restart), WithinRel(600.0 + 24.5, 1e-14));
  CHECK(a.mtbf == 5.0 * hours);
  const CheckpointInput b = checkpoint_input(sync, 5.0 * hours, 10.0 * minutes);
  CHECK(b.restart == 10.0 * minutes);
  // Here the asynchronous checkpoint pays off: a shorter optimum and less overhead.
  const CheckpointPlan pa = evaluate(a);
  const CheckpointPlan pb = evaluate(b);
  CHECK(pa.young_interval < pb.young_interval);
  CHECK(pa.young_overhead_fraction < pb.young_overhead_fraction);
}

TEST_CASE("invalid checkpoint cost inputs are rejected with their messages") {
  REQUIRE_THROWS_WITH(checkpoint_cost({.size = -1.0 * bytes, .storage = 1.0 * bytes_per_second}),
                      "checkpoint cost: size must be >= 0 and finite (got -1 B)");
  REQUIRE_THROWS_WITH(checkpoint_cost({.size = 1.0 * bytes, .storage = 0.0 * bytes_per_second}),
                      "checkpoint cost: storage must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(checkpoint_cost({.size = 1.0 * bytes,
                                       .storage = 1.0 * bytes_per_second,
                                       .mode = CheckpointMode::asynchronous}),
                      "checkpoint cost: snapshot must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(checkpoint_cost({.size = 1e300 * bytes, .storage = 1e-300 * bytes_per_second}),
                      "checkpoint cost: size / storage must be finite (got inf s)");
  REQUIRE_THROWS_WITH(
      checkpoint_cost(memory::checkpoint_size(-1.0), 1.0 * gigabytes_per_second),
      "checkpoint size: parameters must be >= 0 and finite (got -1)");
}
