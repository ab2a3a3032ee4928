#include "paradox/memory/checkpoint.hpp"

#include <catch2/catch.hpp>

#include "memory/memory_test_support.hpp"

using namespace paradox;
using namespace paradox::memory;
using Catch::Matchers::WithinRel;
using memory_test::gb;

TEST_CASE("a checkpoint holds weights and optimizer states: 14 bytes per parameter with Adam") {
  // bf16 weights (2) + fp32 master, momentum, variance (12): ZeRO paper sec. 3.1's accounting
  // without the gradients. GPT-3 175B: 175e9 x 14 B = 2.45 TB.
  const CheckpointSize c = checkpoint_size(175e9);
  CHECK_THAT(gb(c.total()), WithinRel(2450.0, 1e-15));
  CHECK_THAT(gb(c.weights), WithinRel(350.0, 1e-15));
  CHECK_THAT(gb(c.optimizer), WithinRel(2100.0, 1e-15));
  // Llama 3 70B (70.6e9): 988.4 GB.
  CHECK_THAT(gb(checkpoint_size(70.6e9).total()), WithinRel(988.4, 1e-12));
  // SGD with momentum: 2 + 8 = 10 bytes per parameter; 8-bit Adam 2 + 6 = 8.
  CHECK(checkpoint_size(1e9, sgd_momentum).total() == 10e9 * bytes);
  CHECK(checkpoint_size(1e9, adam_8bit).total() == 8e9 * bytes);
  CHECK(checkpoint_size(0.0).total() == 0.0 * bytes);
}

TEST_CASE("invalid checkpoint inputs are rejected") {
  REQUIRE_THROWS_WITH(checkpoint_size(-1.0),
                      "checkpoint size: parameters must be >= 0 and finite (got -1)");
  REQUIRE_THROWS_WITH(checkpoint_size(1.0, {.optimizer = -2.0}),
                      "checkpoint size: bytes.optimizer must be >= 0 and finite (got -2)");
}
