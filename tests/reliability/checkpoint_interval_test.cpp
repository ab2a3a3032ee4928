#include "paradox/reliability/checkpoint_interval.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "reliability/reliability_test_support.hpp"

using namespace paradox;
using namespace paradox::reliability;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using reliability_test::minutes_of;
using reliability_test::printed;
using reliability_test::s;

TEST_CASE("Young's interval sqrt(2 delta M): MODELS.md's test value") {
  // MODELS.md sec. 7: delta = 60 s, M = 50,000 h give tau = 146,969 s.
  CHECK_THAT(s(young_interval(60.0 * seconds, 50000.0 * hours)), WithinAbs(146969.0, 0.5));
  CHECK_THAT(s(young_interval(60.0 * seconds, 50000.0 * hours)), WithinAbs(146969.38, 0.01));
  // Young 1974, CACM 17(9): T_c = sqrt(2 T_s T_f). A check by hand: 50 s and 1 h give
  // sqrt(2 x 50 x 3600) = 600 s.
  CHECK_THAT(s(young_interval(50.0 * seconds, 1.0 * hours)), WithinRel(600.0, 1e-15));
}

TEST_CASE("Daly's interval: the examples of his paper's figures 3 to 5") {
  // Daly 2006, FGCS 22(3), figs. 3-5 (R = 10 min, delta = 5 min): "The new model predicts
  // tau_opt = 117 min" for M = 24 h, "57 min" for M = 6 h and "9.1 min" for M = 15 min.
  CHECK_THAT(minutes_of(daly_interval(5.0 * minutes, 24.0 * hours)), printed(117.0, 0));
  CHECK_THAT(minutes_of(daly_interval(5.0 * minutes, 6.0 * hours)), printed(57.0, 0));
  CHECK_THAT(minutes_of(daly_interval(5.0 * minutes, 15.0 * minutes)), printed(9.1, 1));
  // Young's estimate for the same: 120, 60 and 12.2 min (Daly's is lower in each).
  CHECK_THAT(minutes_of(young_interval(5.0 * minutes, 24.0 * hours)), WithinRel(120.0, 1e-14));
  CHECK_THAT(minutes_of(young_interval(5.0 * minutes, 6.0 * hours)), WithinRel(60.0, 1e-14));
  CHECK_THAT(minutes_of(young_interval(5.0 * minutes, 15.0 * minutes)), printed(12.25, 2));
}

TEST_CASE("Daly's interval as LLNL/scr's scr_ckpt_interval.py computes it") {
  // scripts/common/scr_ckpt_interval.py (Daly, eq. 37): M2 = 2M; f = delta/M2;
  // t = sqrt(delta M2)(1 + sqrt(f)/3 + f/9) - delta if delta < M2 else M.
  const double delta = 60.0;
  const double m = 50000.0 * 3600.0;
  const double f = delta / (2.0 * m);
  const double scr = std::sqrt(delta * 2.0 * m) * (1.0 + std::sqrt(f) / 3.0 + f / 9.0) - delta;
  CHECK_THAT(s(daly_interval(delta * seconds, m * seconds)), WithinRel(scr, 1e-14));
  CHECK_THAT(s(daly_interval(delta * seconds, m * seconds)), WithinAbs(146929.39, 0.01));
}

TEST_CASE("Daly's interval is M once the checkpoint costs 2M or more") {
  CHECK(daly_interval(2.0 * hours, 1.0 * hours) == 1.0 * hours);
  CHECK(daly_interval(10.0 * hours, 1.0 * hours) == 1.0 * hours);
  // Just below 2M the formula holds: 2M sqrt(x)(1 - sqrt(x)/3)^2 -> (8/9) M as x -> 1.
  CHECK_THAT(s(daly_interval(7199.999 * seconds, 3600.0 * seconds)), WithinRel(3200.0, 1e-5));
}

TEST_CASE("the overhead delta/tau + (tau/2 + R)/M and the goodput") {
  const CheckpointInput in{.checkpoint_cost = 60.0 * seconds, .mtbf = 10.0 * hours,
                           .restart = 10.0 * minutes};
  // At tau = 1 h: 60/3600 + (1800 + 600)/36000 = 0.016667 + 0.066667 = 0.083333.
  CHECK_THAT(overhead_fraction(in, 1.0 * hours), WithinRel(1.0 / 60.0 + 1.0 / 15.0, 1e-14));
  CHECK_THAT(goodput_fraction(overhead_fraction(in, 1.0 * hours)),
             WithinRel(1.0 - 1.0 / 60.0 - 1.0 / 15.0, 1e-14));
  // At Young's interval the overhead is sqrt(2 delta/M) + R/M.
  const CheckpointPlan plan = evaluate(in);
  CHECK_THAT(plan.young_overhead_fraction,
             WithinRel(std::sqrt(2.0 * 60.0 / 36000.0) + 600.0 / 36000.0, 1e-14));
  CHECK_THAT(plan.young_goodput_fraction, WithinRel(1.0 - plan.young_overhead_fraction, 1e-15));
  CHECK(plan.daly_overhead_fraction >= plan.young_overhead_fraction);
  // Goodput never goes below 0, even when the overhead passes 1.
  CHECK(goodput_fraction(1.5) == 0.0);
  CHECK(goodput_fraction(0.0) == 1.0);
}

TEST_CASE("Llama 3's record with a one-minute checkpoint: about 10% overhead") {
  // Fleet MTBF 54 d / 419 = 11,135 s; delta = 60 s: Young 1,155.9 s (19.3 min), overhead
  // sqrt(2 x 60 / 11,135) = 10.4% -- the paper reports "higher than 90% effective training".
  const CheckpointPlan plan = evaluate({.checkpoint_cost = 60.0 * seconds,
                                        .mtbf = (54.0 * 86400.0 / 419.0) * seconds});
  CHECK_THAT(s(plan.young_interval), WithinAbs(1155.9, 0.05));
  CHECK_THAT(minutes_of(plan.young_interval), printed(19.3, 1));
  CHECK_THAT(plan.young_overhead_fraction, WithinAbs(0.1038, 5e-5));
  CHECK_THAT(s(plan.daly_interval), WithinAbs(1116.3, 0.05));
}

TEST_CASE("property: Daly's interval is below Young's while delta < 2M, and M beyond") {
  REQUIRE(rc::check([] {
    const Seconds m = *reliability_test::times(1.0, 9.0);
    const Seconds delta = *reliability_test::times(-3.0, 10.0);
    const Seconds daly = daly_interval(delta, m);
    const Seconds young = young_interval(delta, m);
    RC_ASSERT(daly > 0.0 * seconds);
    if (s(delta) < 2.0 * s(m)) {
      RC_ASSERT(daly < young);
    } else {
      RC_ASSERT(daly == m);
      RC_ASSERT(young >= 2.0 * m * (1.0 - 1e-15));
    }
  }));
}

TEST_CASE("property: the overhead is smallest at Young's interval, and Daly's is close") {
  REQUIRE(rc::check([] {
    const Seconds m = *reliability_test::times(3.0, 8.0);
    const Seconds delta = m * std::pow(10.0, -*rc::gen::inRange(2, 7));
    const Seconds restart = *reliability_test::times(0.0, 3.0);
    const CheckpointInput in{.checkpoint_cost = delta, .mtbf = m, .restart = restart};
    const Seconds young = young_interval(delta, m);
    const double best = overhead_fraction(in, young);
    const double k = std::pow(10.0, *rc::gen::inRange(-300, 301) / 100.0);
    RC_ASSERT(overhead_fraction(in, young * k) >= best * (1.0 - 1e-12));
    // delta <= M/100: Daly's interval costs at most a few per cent more than the optimum.
    RC_ASSERT(overhead_fraction(in, daly_interval(delta, m)) <= best * 1.05);
  }));
}

TEST_CASE("invalid interval inputs are rejected with their messages") {
  REQUIRE_THROWS_WITH(young_interval(0.0 * seconds, 1.0 * hours),
                      "young interval: checkpoint_cost must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(young_interval(1.0 * seconds, -1.0 * hours),
                      "young interval: mtbf must be > 0 and finite (got -3600 s)");
  REQUIRE_THROWS_WITH(young_interval(1e308 * seconds, 1e308 * seconds),
                      "young interval: checkpoint_cost x mtbf must be small enough for a finite "
                      "interval (got inf s)");
  REQUIRE_THROWS_WITH(daly_interval(1.0 * seconds, 0.0 * hours),
                      "daly interval: mtbf must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(daly_interval(-1.0 * seconds, 1.0 * hours),
                      "daly interval: checkpoint_cost must be > 0 and finite (got -1 s)");
  const CheckpointInput in{.checkpoint_cost = 60.0 * seconds, .mtbf = 1.0 * hours};
  REQUIRE_THROWS_WITH(overhead_fraction(in, 0.0 * seconds),
                      "checkpoint overhead: interval must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(overhead_fraction({.checkpoint_cost = 60.0 * seconds, .mtbf = 1.0 * hours,
                                         .restart = -1.0 * seconds},
                                        1.0 * hours),
                      "checkpoint overhead: restart must be >= 0 and finite (got -1 s)");
  REQUIRE_THROWS_WITH(overhead_fraction({.checkpoint_cost = 1e300 * seconds, .mtbf = 1.0 * seconds},
                                        1e-300 * seconds),
                      "checkpoint overhead: overhead must be finite (got inf)");
  REQUIRE_THROWS_WITH(goodput_fraction(-0.5), "goodput: overhead must be >= 0 and finite (got -0.5)");
  REQUIRE_THROWS_WITH(evaluate({.checkpoint_cost = 60.0 * seconds}),
                      "young interval: mtbf must be > 0 and finite (got 0 s)");
}
