#include "paradox/sync/cost.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "sync/sync_test_support.hpp"

using namespace paradox;
using namespace sync_test;
using Catch::Matchers::WithinRel;

TEST_CASE("idle accelerator-hours at the barrier and their dollars") {
  // A step of 2 s in which workers compute 1.5 s on average: a quarter idle. 1000 GPUs for a
  // month of 730 h: 182,500 idle GPU-hours, $365,000 at $2/GPU-hour.
  const auto w = sync::waiting_cost({.expected_step = 2.0 * seconds,
                                     .mean_busy_time = 1.5 * seconds,
                                     .accelerators = 1000,
                                     .price_per_accelerator_hour = 2.0 * dollars_per_hour});
  CHECK(w.idle_fraction == 0.25);
  CHECK_THAT(value_in<hour_unit>(w.idle_accelerator_time), WithinRel(182'500.0, 1e-12));
  CHECK_THAT(value_in<dollar_unit>(w.dollars), WithinRel(365'000.0, 1e-12));
  CHECK_THAT(value_in<hour_unit>(sync::hours_per_month), WithinRel(8760.0 / 12.0, 1e-15));
}

TEST_CASE("waiting cost of a fleet: 1 - E[busy] / E[max]") {
  // Exponential workers: idle share 1 - 1 / H_N.
  const sync::Fleet f{.step_time = exponential(1.0), .workers = 16};
  const auto w = sync::waiting_cost(f, 2.0 * dollars_per_hour);
  CHECK_THAT(w.idle_fraction, WithinRel(1.0 - 1.0 / sync::harmonic_number(16), 1e-13));
  // 5 % of 100 GPUs persistently 2x slow: every step 2 s, mean busy 1.05 s, 47.5 % idle.
  const sync::Fleet slow{
      .step_time = with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker),
      .workers = 100};
  CHECK_THAT(in_seconds(sync::mean_busy_time(slow)), WithinRel(1.05, 1e-15));
  CHECK_THAT(sync::waiting_cost(slow, 1.0 * dollars_per_hour).idle_fraction, WithinRel(0.475, 1e-14));
  // No stragglers, no waiting.
  CHECK(sync::waiting_cost(sync::Fleet{.step_time = deterministic(1.0), .workers = 64},
                           3.0 * dollars_per_hour)
            .idle_fraction == 0.0);
}

TEST_CASE("switching to async against an alternative, by dollars to target") {
  const sync::Fleet f{.step_time = with_stragglers(deterministic(1.0), 0.05, 2.0, Persistence::per_worker),
                      .workers = 100,
                      .batch_per_worker = 8};
  const auto price = 2.0 * dollars_per_hour;
  const double samples = 1e8;
  const auto current = sync::sync_option(f, samples, price);
  CHECK_THAT(current.samples_per_second, WithinRel(400.0, 1e-15));
  // Async: 780 samples/s but sqrt(1 + 99) = 10 times the samples.
  const auto async = sync::async_option(f, samples, price);
  CHECK_THAT(async.samples_per_second, WithinRel(780.0, 1e-15));
  CHECK_THAT(async.samples_to_target, WithinRel(1e9, 1e-15));
  // An alternative that is 30 % faster on 80 GPUs.
  const sync::TrainingOption alternative{.samples_per_second = 520.0,
                                         .samples_to_target = samples,
                                         .accelerators = 80,
                                         .price_per_accelerator_hour = price};
  const auto c = sync::compare(current, async, alternative);
  CHECK_THAT(in_seconds(c.current.time_to_target), WithinRel(250'000.0, 1e-15));
  CHECK_THAT(value_in<dollar_unit>(c.current.dollars_to_target), WithinRel(100.0 * 2.0 * 250'000.0 / 3600.0, 1e-12));
  CHECK_THAT(value_in<dollar_unit>(c.current.dollars_per_month), WithinRel(100.0 * 2.0 * 730.0, 1e-12));
  CHECK(value_in<dollar_unit>(c.async_savings) < 0.0);
  CHECK(value_in<dollar_unit>(c.alternative_savings) > 0.0);
  CHECK(c.verdict == sync::Verdict::switch_to_alternative);
  CHECK(sync::to_string(c.verdict) == "switch to alternative");
  // Without a staleness penalty async wins.
  const auto free_async = sync::async_option(f, samples, price, {.exponent = 0.0});
  CHECK(sync::compare(current, free_async, alternative).verdict == sync::Verdict::switch_to_async);
  CHECK(sync::compare(current, async, current).verdict == sync::Verdict::keep_current);
}

TEST_CASE("invalid cost inputs are rejected") {
  REQUIRE_THROWS_WITH(sync::waiting_cost({.expected_step = 1.0 * seconds, .mean_busy_time = 2.0 * seconds}),
                      "waiting cost: mean_busy_time must be <= expected_step (got 2 s)");
  REQUIRE_THROWS_WITH(sync::waiting_cost({.expected_step = 0.0 * seconds, .mean_busy_time = 1.0 * seconds}),
                      "waiting cost: expected_step must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(sync::waiting_cost({.expected_step = 1.0 * seconds,
                                          .mean_busy_time = 1.0 * seconds,
                                          .accelerators = 0}),
                      "waiting cost: accelerators must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::waiting_cost({.expected_step = 1.0 * seconds,
                                          .mean_busy_time = 1.0 * seconds,
                                          .period = 0.0 * seconds}),
                      "waiting cost: period must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_AS(sync::waiting_cost(sync::Fleet{.step_time = exponential(1.0), .workers = 4},
                                       -1.0 * dollars_per_hour),
                    invalid_input);
  REQUIRE_THROWS_WITH(sync::evaluate({.samples_per_second = 0.0, .samples_to_target = 1.0}),
                      "training option: samples_per_second must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(sync::evaluate({.samples_per_second = 1.0, .samples_to_target = 1.0, .accelerators = 0}),
                      "training option: accelerators must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(sync::async_option(sync::Fleet{.step_time = exponential(1.0)}, 0.0, 1.0 * dollars_per_hour),
                      "async option: sync_samples_to_target must be > 0 and finite (got 0)");
}
