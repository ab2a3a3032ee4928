#include "paradox/memory/optimizer.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

using namespace paradox;
using namespace paradox::memory;

TEST_CASE("mixed-precision Adam is 2 + 2 + 12 = 16 bytes per parameter") {
  // Rajbhandari et al. 2020 (ZeRO), sec. 3.1: 2Ψ + 2Ψ + KΨ with K = 12, "16Ψ bytes".
  CHECK(adam_mixed_precision.weights == 2.0);
  CHECK(adam_mixed_precision.gradients == 2.0);
  CHECK(adam_mixed_precision.optimizer == 12.0);
  CHECK(adam_mixed_precision.total() == 16.0);
  STATIC_REQUIRE(adam_mixed_precision.total() == 16.0);
}

TEST_CASE("SGD with momentum and 8-bit Adam keep less optimizer state") {
  // fp32 master + fp32 momentum = 8; fp32 master + 8-bit momentum and variance = 6
  // (Dettmers et al. 2022, sec. 2: the two states in 1 byte each instead of 4).
  CHECK(sgd_momentum.optimizer == 8.0);
  CHECK(sgd_momentum.total() == 12.0);
  CHECK(adam_8bit.optimizer == 6.0);
  CHECK(adam_8bit.total() == 10.0);
  // 8-bit Adam's states (excluding the master copy) are a quarter of 32-bit Adam's: 2 vs 8.
  CHECK((adam_8bit.optimizer - 4.0) / (adam_mixed_precision.optimizer - 4.0) == 0.25);
}

TEST_CASE("every optimizer accounting has a unique name and a source") {
  std::set<std::string_view> names;
  for (const BytesPerParameter& b : optimizers) {
    INFO(b.name);
    CHECK_FALSE(b.name.empty());
    CHECK_FALSE(b.source.empty());
    CHECK(names.insert(b.name).second);
    CHECK_NOTHROW(validate("test", b));
  }
}

TEST_CASE("invalid accountings are rejected naming the part") {
  REQUIRE_THROWS_WITH(validate("zero model states", {.weights = 0.0}),
                      "zero model states: bytes.weights must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(validate("zero model states", {.gradients = -1.0}),
                      "zero model states: bytes.gradients must be >= 0 and finite (got -1)");
  REQUIRE_THROWS_WITH(validate("zero model states", {.optimizer = INFINITY}),
                      "zero model states: bytes.optimizer must be >= 0 and finite (got inf)");
}
