#include "paradox/compute/training_time.hpp"

#include <catch2/catch.hpp>
#include <rapidcheck.h>

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/models.hpp"

using namespace paradox;
using namespace paradox::compute;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// Narayanan et al. 2021, sec. 5.1: GPT-3 175B, 1024 A100s at 140 TFLOP/s each, with
// activation recomputation.
constexpr TrainingSetup gpt3{.parameters = 175e9,
                             .accelerators = 1024,
                             .achieved_per_accelerator = 140.0 * teraflop_per_second,
                             .recomputation = Recomputation::full};

double in_days(Seconds t) { return value_in<day_unit>(t); }

}  // namespace

TEST_CASE("Megatron eq. 4: GPT-3 in about 34 days, the 1T model in about 84") {
  // Sec. 5.1: "T = 300 billion tokens, n = 1024 A100 GPUs ... X = 140 teraFLOP/s per GPU ...
  // the end-to-end training time is 34 days"; 8 x 300e9 x 175e9 / (1024 x 140e12) = 2.93e6 s.
  CHECK_THAT(value_in<second_unit>(training_time(gpt3, 300e9)), WithinRel(2'929'687.5, 1e-12));
  CHECK_THAT(in_days(training_time(gpt3, 300e9)), WithinAbs(34.0, 0.5));
  // The 1T model (table 1: 1008B parameters): 450e9 tokens on 3072 GPUs at 163 TFLOP/s,
  // "84 days".
  const TrainingSetup trillion{.parameters = catalog::megatron_1t.published_parameters,
                               .accelerators = 3072,
                               .achieved_per_accelerator = 163.0 * teraflop_per_second,
                               .recomputation = Recomputation::full};
  CHECK_THAT(in_days(training_time(trillion, 450e9)), WithinAbs(84.0, 0.5));
}

TEST_CASE("eq. 4 charges 8 FLOPs per parameter and token with recomputation, 6 without") {
  STATIC_REQUIRE(flops_per_parameter_token(Recomputation::full) == 8.0);
  STATIC_REQUIRE(flops_per_parameter_token(Recomputation::none) == 6.0);
  STATIC_REQUIRE(flops_per_parameter_token(Recomputation::selective) == 6.0);
  TrainingSetup none = gpt3;
  none.recomputation = Recomputation::none;
  CHECK_THAT(training_time(none, 300e9) / training_time(gpt3, 300e9), WithinRel(0.75, 1e-12));
  CHECK_THAT(value_in<flop_unit>(training_flops(gpt3, 300e9)), WithinRel(4.2e23, 1e-12));
  CHECK_THAT(value_in<flop_unit>(training_flops(none, 300e9)), WithinRel(3.15e23, 1e-12));
}

TEST_CASE("tokens trained in a given time invert eq. 4") {
  CHECK_THAT(tokens_trained(gpt3, training_time(gpt3, 300e9)), WithinRel(300e9, 1e-12));
  // One day of the GPT-3 fleet: 1024 x 140e12 x 86400 / (8 x 175e9) = 8.85e9 tokens.
  CHECK_THAT(tokens_trained(gpt3, 1.0 * paradox::days), WithinRel(8.847360e9, 1e-12));
}

TEST_CASE("a run's accelerator-hours and cost at a price per accelerator-hour") {
  // 1024 GPUs x 2,929,687.5 s = 833,333.3 GPU-hours; at the catalog's A100 price ($1.80).
  const TrainingCost c = training_cost({.setup = gpt3,
                                        .tokens = 300e9,
                                        .price_per_accelerator_hour =
                                            catalog::a100_80gb.price_per_hour});
  CHECK_THAT(c.accelerator_hours, WithinRel(833'333.333333, 1e-9));
  CHECK_THAT(value_in<dollar_unit>(c.cost), WithinRel(1.5e6, 1e-9));
  CHECK_THAT(value_in<flop_unit>(c.flops), WithinRel(4.2e23, 1e-12));
  CHECK(c.time == training_time(gpt3, 300e9));
  // Free accelerators cost nothing, and that is allowed.
  CHECK(value_in<dollar_unit>(training_cost({.setup = gpt3, .tokens = 1e9}).cost) == 0.0);
}

TEST_CASE("training time rejects invalid inputs") {
  TrainingSetup bad = gpt3;
  bad.parameters = 0.0;
  REQUIRE_THROWS_WITH(training_time(bad, 300e9),
                      "training time: parameters must be > 0 and finite (got 0)");
  bad = gpt3;
  bad.accelerators = 0;
  REQUIRE_THROWS_WITH(training_time(bad, 300e9),
                      "training time: accelerators must be >= 1 (got 0)");
  bad = gpt3;
  bad.achieved_per_accelerator = 0.0 * flop_per_second;
  REQUIRE_THROWS_WITH(training_time(bad, 300e9),
                      "training time: achieved_per_accelerator must be > 0 and finite "
                      "(got 0 FLOP/s)");
  REQUIRE_THROWS_WITH(training_time(gpt3, -1.0),
                      "training time: tokens must be > 0 and finite (got -1)");
  REQUIRE_THROWS_WITH(training_time(gpt3, 1e300),
                      "training time: tokens must give a finite result (got 1e+300)");
  REQUIRE_THROWS_WITH(training_flops(gpt3, 0.0),
                      "training flops: tokens must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(training_flops(gpt3, 1e300),
                      "training flops: tokens must give a finite result (got 1e+300)");
  REQUIRE_THROWS_WITH(tokens_trained(gpt3, 0.0 * seconds),
                      "tokens trained: time must be > 0 and finite (got 0 s)");
  REQUIRE_THROWS_WITH(training_cost({.setup = gpt3, .tokens = 0.0}),
                      "training cost: tokens must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(
      training_cost({.setup = gpt3, .tokens = 1e9, .price_per_accelerator_hour = -1.0 * dollars_per_hour}),
      Catch::Matchers::StartsWith(
          "training cost: price_per_accelerator_hour must be >= 0 and finite (got -"));
}

TEST_CASE("properties: more accelerators never slow a run; recomputation never speeds it") {
  REQUIRE(rc::check([] {
    const TrainingSetup s{.parameters = static_cast<double>(*rc::gen::inRange(1, 1'000'000)) * 1e6,
                          .accelerators = *rc::gen::inRange(1, 100'000),
                          .achieved_per_accelerator =
                              static_cast<double>(*rc::gen::inRange(1, 2000)) * teraflop_per_second,
                          .recomputation = Recomputation::none};
    const double tokens = static_cast<double>(*rc::gen::inRange(1, 1'000'000)) * 1e7;
    TrainingSetup more = s;
    more.accelerators = s.accelerators + *rc::gen::inRange(1, 1000);
    RC_ASSERT(training_time(more, tokens) <= training_time(s, tokens));
    TrainingSetup full = s;
    full.recomputation = Recomputation::full;
    RC_ASSERT(training_time(full, tokens) >= training_time(s, tokens));
  }));
}
