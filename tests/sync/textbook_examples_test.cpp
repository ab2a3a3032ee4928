// Worked examples of the MLSys textbook (harvard-edge/cs249r_book), vol. 2, chapter
// "Distributed Training Systems", section "Synchronization Models" and "Barrier Semantics and
// Failure Modes", reproduced by the sync family. Differences are recorded in docs/sync.md.
#include <catch2/catch.hpp>
#include <cmath>

#include "paradox/sync/sync.hpp"
#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("textbook: 1 % straggler probability per GPU per step on 1000 GPUs") {
  // "At 1000 GPUs with 1% probability of straggler per GPU per step, approximately 10 GPUs
  // straggle every iteration": N p = 10 slow GPUs expected, so some GPU is slow in
  // 1 - 0.99^1000 = 99.996 % of steps and the barrier waits for a straggler almost every step.
  CHECK_THAT(1000 * 0.01, WithinRel(10.0, 1e-15));
  CHECK_THAT(sync::probability_any_slow(0.01, 1000), WithinAbs(0.99996, 1e-5));
  // With slow GPUs taking twice as long, a step is 2t with that probability.
  CHECK_THAT(in_seconds(sync::expected_max(with_stragglers(deterministic(1.0), 0.01, 2.0), 1000)),
             WithinRel(1.0 + sync::probability_any_slow(0.01, 1000), 1e-14));
}

TEST_CASE("textbook: learning rate scaled by 1 / sqrt(staleness) for async SGD") {
  // "Compensation techniques include learning rate scaling with eta' = eta / sqrt(tau)": the
  // square-root penalty (exponent 1/2). paradox uses 1 + tau so that tau = 0 is free; for
  // tau = 15 (16 async workers) the two differ by sqrt(16/15).
  CHECK_THAT(sync::staleness_penalty_ratio(15.0, {.exponent = 0.5}), WithinRel(4.0, 1e-15));
  CHECK_THAT(sync::staleness_penalty_ratio(15.0, {.exponent = 0.5}) / std::sqrt(15.0),
             WithinRel(std::sqrt(16.0 / 15.0), 1e-15));
}
