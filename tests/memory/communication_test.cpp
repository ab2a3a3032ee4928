#include "paradox/memory/communication.hpp"

#include <catch2/catch.hpp>

#include "memory/memory_test_support.hpp"

using namespace paradox;
using namespace paradox::memory;
using memory_test::raw;

TEST_CASE("data parallelism moves 2 Ψ per step, ZeRO 1-2 the same, ZeRO 3 1.5 times more") {
  // Rajbhandari et al. 2020, sec. 7.1: all-reduce = reduce-scatter + all-gather, 2Ψ;
  // sec. 7.2.1: P_os and P_os+g, 2Ψ; sec. 7.2.2: P_os+g+p, 3Ψ (1.5x).
  const double psi = 7.5e9;
  for (int stage : {0, 1, 2}) {
    const CommunicationVolume v = communication_volume({.parameters = psi, .zero_stage = stage});
    CHECK(raw(v.total()) == 2.0 * psi * 2.0);  // fp16 elements: 2 bytes
    CHECK(v.gradient_reduce_scatter == v.parameter_all_gather);
  }
  const CommunicationVolume z3 = communication_volume({.parameters = psi, .zero_stage = 3});
  CHECK(raw(z3.total()) == 3.0 * psi * 2.0);
  CHECK(raw(z3.parameter_all_gather) == 2.0 * psi * 2.0);
  CHECK(z3.total() / communication_volume({.parameters = psi}).total() == 1.5);
  // In elements (element_bytes = 1) the paper's 2Ψ and 3Ψ.
  CHECK(raw(communication_volume({.parameters = psi, .element_bytes = 1.0}).total()) == 2 * psi);
  CHECK(raw(communication_volume({.parameters = 0.0, .zero_stage = 3}).total()) == 0.0);
}

TEST_CASE("invalid communication inputs are rejected naming the parameter") {
  REQUIRE_THROWS_WITH(communication_volume({.parameters = 1e9, .zero_stage = -1}),
                      "communication volume: zero_stage must be in [0, 3] (got -1)");
  REQUIRE_THROWS_WITH(communication_volume({.parameters = -5.0}),
                      "communication volume: parameters must be >= 0 and finite (got -5)");
  REQUIRE_THROWS_WITH(communication_volume({.parameters = 1.0, .element_bytes = 0.0}),
                      "communication volume: element_bytes must be > 0 and finite (got 0)");
}
