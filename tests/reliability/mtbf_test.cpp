#include "paradox/reliability/mtbf.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <vector>

#include "reliability/reliability_test_support.hpp"

using namespace paradox;
using namespace paradox::reliability;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using reliability_test::hours_of;
using reliability_test::s;

TEST_CASE("node MTBF adds the components' failure rates") {
  // 1/MTBF = sum count/MTTF (MODELS.md sec. 7): 8 GPUs at 50,000 h, 2 NICs at 100,000 h and
  // 2 PSUs at 200,000 h: 8/5e4 + 2/1e5 + 2/2e5 = 1.9e-4 per hour, 5,263.16 h.
  const std::array<Component, 3> node{{{"gpu", 8, 50000.0 * hours},
                                       {"nic", 2, 100000.0 * hours},
                                       {"psu", 2, 200000.0 * hours}}};
  CHECK_THAT(hours_of(node_mtbf(node)), WithinRel(1.0 / 1.9e-4, 1e-14));
  // One component: its MTTF divided by its count.
  const std::array<Component, 1> one{{{"gpu", 1, 50000.0 * hours}}};
  CHECK_THAT(hours_of(node_mtbf(one)), WithinRel(50000.0, 1e-15));
  const std::array<Component, 1> eight{{{"gpu", 8, 50000.0 * hours}}};
  CHECK_THAT(hours_of(node_mtbf(eight)), WithinRel(6250.0, 1e-15));
}

TEST_CASE("fleet MTBF is the node MTBF over the nodes") {
  CHECK_THAT(hours_of(fleet_mtbf(6250.0 * hours, 1250)), WithinRel(5.0, 1e-15));
  CHECK(fleet_mtbf(6250.0 * hours, 1) == 6250.0 * hours);
}

TEST_CASE("probability of a failure in a window: 1 - exp(-T/MTBF), accurate when tiny") {
  CHECK_THAT(failure_probability(1.0 * hours, 1.0 * hours), WithinRel(1.0 - std::exp(-1.0), 1e-15));
  CHECK(failure_probability(0.0 * seconds, 1.0 * hours) == 0.0);
  // T/MTBF = 1e-12: 1 - exp(-x) in doubles would lose about four digits; expm1 keeps them.
  CHECK_THAT(failure_probability(1.0 * seconds, 1e12 * seconds), WithinRel(1e-12 - 5e-25, 1e-15));
  // Large windows saturate at 1, never above.
  CHECK(failure_probability(1e6 * hours, 1.0 * seconds) == 1.0);
  // Llama 3's fleet (MTBF 3.09 h) over one day: 1 - exp(-24/3.093) = 0.99957.
  CHECK_THAT(failure_probability(24.0 * hours, (54.0 * 24.0 / 419.0) * hours),
             WithinAbs(0.99957, 5e-6));
}

TEST_CASE("expected failures in a window: T/MTBF") {
  CHECK_THAT(expected_failures(54.0 * days, (54.0 * 24.0 / 419.0) * hours), WithinRel(419.0, 1e-14));
  CHECK(expected_failures(0.0 * seconds, 1.0 * hours) == 0.0);
}

TEST_CASE("observed MTBF of a failure record, per fleet and per unit") {
  // Llama 3 405B (Dubey et al. 2024, table 5): 419 interruptions in 54 days on 16,384 GPUs.
  // 54 x 24 / 419 = 3.0931 h per job; 54 x 24 x 16,384 / 419 = 50,677.0 GPU-hours per GPU.
  const ObservedMtbf m = observed_mtbf({.window = 54.0 * days, .failures = 419, .units = 16384});
  CHECK_THAT(hours_of(m.fleet_mtbf), WithinRel(1296.0 / 419.0, 1e-14));
  CHECK_THAT(hours_of(m.unit_mtbf), WithinRel(21233664.0 / 419.0, 1e-14));
  CHECK_THAT(hours_of(m.unit_mtbf), WithinAbs(50677.0, 0.01));
  // Round trip: the per-unit MTBF over the units gives back the fleet's.
  CHECK_THAT(s(fleet_mtbf(m.unit_mtbf, 16384)), WithinRel(s(m.fleet_mtbf), 1e-14));
}

TEST_CASE("evaluate gives the node and fleet MTBF and the window's failure odds") {
  const std::array<Component, 1> gpus{{{"gpu", 8, 50000.0 * hours}}};
  const FleetReliability r = evaluate({.node_components = gpus, .nodes = 1250, .window = 5.0 * hours});
  CHECK_THAT(hours_of(r.node_mtbf), WithinRel(6250.0, 1e-15));
  CHECK_THAT(hours_of(r.fleet_mtbf), WithinRel(5.0, 1e-14));
  CHECK_THAT(r.expected_failures, WithinRel(1.0, 1e-14));
  CHECK_THAT(r.failure_probability, WithinRel(1.0 - std::exp(-1.0), 1e-14));
  const FleetReliability no_window = evaluate({.node_components = gpus});
  CHECK(no_window.failure_probability == 0.0);
  CHECK(no_window.expected_failures == 0.0);
}

TEST_CASE("more components never raise the MTBF; more nodes never raise the fleet's") {
  REQUIRE(rc::check([] {
    const std::vector<Component> node = *reliability_test::nodes();
    const Component extra = *reliability_test::components();
    std::vector<Component> bigger = node;
    bigger.push_back(extra);
    RC_ASSERT(node_mtbf(bigger) <= node_mtbf(node));
    std::vector<Component> more_of_one = node;
    more_of_one.front().count += 1;
    RC_ASSERT(node_mtbf(more_of_one) <= node_mtbf(node));
    const int nodes = *rc::gen::inRange(1, 100000);
    RC_ASSERT(fleet_mtbf(node_mtbf(node), nodes + 1) <= fleet_mtbf(node_mtbf(node), nodes));
  }));
}

TEST_CASE("the failure probability grows with the window, stays in [0, 1] and below T/MTBF") {
  REQUIRE(rc::check([] {
    const Seconds mtbf = *reliability_test::times(0.0, 9.0);
    const Seconds t = *reliability_test::times(-3.0, 10.0);
    const double p = failure_probability(t, mtbf);
    RC_ASSERT(p >= 0.0);
    RC_ASSERT(p <= 1.0);
    RC_ASSERT(p <= expected_failures(t, mtbf) * (1.0 + 1e-15));
    RC_ASSERT(failure_probability(2.0 * t, mtbf) >= p);
  }));
}

TEST_CASE("invalid MTBF inputs are rejected with their messages") {
  REQUIRE_THROWS_WITH(node_mtbf(std::span<const Component>{}),
                      "node mtbf: components must be non-empty (got 0)");
  const std::array<Component, 1> zero_count{{{"gpu", 0, 50000.0 * hours}}};
  REQUIRE_THROWS_WITH(node_mtbf(zero_count), "node mtbf: gpu.count must be >= 1 (got 0)");
  const std::array<Component, 1> zero_mttf{{{"nic", 2, 0.0 * hours}}};
  REQUIRE_THROWS_WITH(node_mtbf(zero_mttf),
                      "node mtbf: nic.mttf must be > 0 and finite (got 0 s)");
  const std::array<Component, 1> unnamed{{{"", 1, -1.0 * seconds}}};
  REQUIRE_THROWS_WITH(node_mtbf(unnamed),
                      "node mtbf: component.mttf must be > 0 and finite (got -1 s)");
  const std::array<Component, 2> overflow{{{"a", 1, 1e-320 * seconds}, {"b", 1, 1e-320 * seconds}}};
  REQUIRE_THROWS_WITH(node_mtbf(overflow), "node mtbf: failure rate must be finite (got inf 1/s)");
  REQUIRE_THROWS_WITH(fleet_mtbf(1.0 * hours, 0), "fleet mtbf: nodes must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(fleet_mtbf(0.0 * hours, 1),
                      "fleet mtbf: node mtbf must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(failure_probability(-1.0 * seconds, 1.0 * hours),
                      "failure probability: window must be >= 0 and finite (got -1 s)");
  REQUIRE_THROWS_WITH(failure_probability(1.0 * seconds, 0.0 * hours),
                      "failure probability: mtbf must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(expected_failures(1e300 * seconds, 1e-300 * seconds),
                      "expected failures: window / mtbf must be finite (got inf)");
  REQUIRE_THROWS_WITH(expected_failures(1.0 * seconds, -2.0 * seconds),
                      "expected failures: mtbf must be > 0 and finite (got -2 s)");
  REQUIRE_THROWS_WITH(observed_mtbf({.window = 54.0 * days, .failures = 0}),
                      "observed mtbf: failures must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(observed_mtbf({.window = 0.0 * days, .failures = 1}),
                      "observed mtbf: window must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(observed_mtbf({.window = 1.0 * days, .failures = 1, .units = 0}),
                      "observed mtbf: units must be >= 1 (got 0)");
}
