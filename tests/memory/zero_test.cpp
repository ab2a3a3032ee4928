#include "paradox/memory/zero.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "memory/memory_test_support.hpp"

using namespace paradox;
using namespace paradox::memory;
using Catch::Matchers::WithinRel;
using memory_test::gb;
using memory_test::printed;

namespace {
ModelStates fig1(int stage, ZeroAccounting accounting = ZeroAccounting::paper) {
  return model_states({.parameters = 7.5e9, .data_parallel = 64, .zero_stage = stage,
                       .accounting = accounting});
}
}  // namespace

TEST_CASE("ZeRO paper figure 1: 7.5B parameters on 64 GPUs") {
  // Rajbhandari et al. 2020, fig. 1 (Ψ = 7.5B, Nd = 64, K = 12): 120 GB, 31.4 GB, 16.6 GB,
  // 1.9 GB per device for the baseline, P_os, P_os+g and P_os+g+p.
  CHECK_THAT(gb(fig1(0).total()), printed(120.0, 0));
  CHECK_THAT(gb(fig1(1).total()), printed(31.4, 1));
  CHECK_THAT(gb(fig1(2).total()), printed(16.6, 1));
  CHECK_THAT(gb(fig1(3).total()), printed(1.9, 1));
  // By hand: 16 Ψ; 4 Ψ + 12 Ψ/64; 2 Ψ + 14 Ψ/64; 16 Ψ/64.
  CHECK_THAT(gb(fig1(0).total()), WithinRel(120.0, 1e-15));
  CHECK_THAT(gb(fig1(1).total()), WithinRel(31.40625, 1e-15));
  CHECK_THAT(gb(fig1(2).total()), WithinRel(16.640625, 1e-15));
  CHECK_THAT(gb(fig1(3).total()), WithinRel(1.875, 1e-15));
}

TEST_CASE("each stage shards one more part") {
  const ModelStates s1 = fig1(1);
  CHECK_THAT(gb(s1.weights), WithinRel(15.0, 1e-15));
  CHECK_THAT(gb(s1.gradients), WithinRel(15.0, 1e-15));
  CHECK_THAT(gb(s1.optimizer), WithinRel(90.0 / 64.0, 1e-15));
  const ModelStates s2 = fig1(2);
  CHECK_THAT(gb(s2.weights), WithinRel(15.0, 1e-15));
  CHECK_THAT(gb(s2.gradients), WithinRel(15.0 / 64.0, 1e-15));
  const ModelStates s3 = fig1(3);
  CHECK_THAT(gb(s3.weights), WithinRel(15.0 / 64.0, 1e-15));
}

TEST_CASE("DeepSpeed's stage-2 accounting: 2 Ψ + 18 Ψ / Nd") {
  // microsoft/DeepSpeed deepspeed/runtime/zero/stage_1_and_2.py (commit 022f2236),
  // estimate_zero2_model_states_mem_needs without offload:
  // gpu_mem = 2 * total_params + int(18 * total_params / total_gpus).
  const ModelStates ds = fig1(2, ZeroAccounting::deepspeed);
  CHECK_THAT(memory_test::raw(ds.total()), WithinRel(2.0 * 7.5e9 + 18.0 * 7.5e9 / 64.0, 1e-15));
  CHECK_THAT(gb(ds.total()), WithinRel(17.109375, 1e-15));
  CHECK_THAT(gb(ds.gradients), WithinRel(6.0 * 7.5 / 64.0, 1e-15));
  // Stages 0, 1 and 3 are the same in both accountings.
  for (int stage : {0, 1, 3})
    CHECK(fig1(stage, ZeroAccounting::deepspeed).total() == fig1(stage).total());
  // The fp32 gradient partition makes DeepSpeed's stage 2 heavier than stage 1 below Nd = 3:
  // Nd = 2: 2 + 9 = 11 > 4 + 6 = 10 bytes per parameter; Nd = 3: 8 = 8.
  const auto per_param = [](int nd, int stage) {
    return memory_test::raw(model_states({.parameters = 1.0, .data_parallel = nd,
                                          .zero_stage = stage,
                                          .accounting = ZeroAccounting::deepspeed})
                                .total());
  };
  CHECK(per_param(2, 2) > per_param(2, 1));
  CHECK_THAT(per_param(3, 2), WithinRel(per_param(3, 1), 1e-15));
}

TEST_CASE("edge cases: one data-parallel rank and no parameters") {
  // Nd = 1: sharding over one rank changes nothing (paper accounting).
  for (int stage = 0; stage <= 3; ++stage)
    CHECK(model_states({.parameters = 1e9, .data_parallel = 1, .zero_stage = stage}).total() ==
          16e9 * bytes);
  CHECK(model_states({.parameters = 0.0, .data_parallel = 8, .zero_stage = 3}).total() ==
        0.0 * bytes);
  // 1e15 parameters stay finite.
  CHECK(std::isfinite(gb(model_states({.parameters = 1e15}).total())));
}

TEST_CASE("optimizers change K, and with it every stage") {
  // SGD with momentum: (2 + 2 + 8) Ψ at stage 0, 12 Ψ / Nd at stage 3.
  CHECK(model_states({.parameters = 1e9, .bytes = sgd_momentum}).total() == 12e9 * bytes);
  CHECK_THAT(gb(model_states({.parameters = 1e9, .data_parallel = 4, .zero_stage = 1,
                              .bytes = adam_8bit})
                    .total()),
             WithinRel(4.0 + 6.0 / 4.0, 1e-15));
}

TEST_CASE("accounting spellings") {
  CHECK(parse_zero_accounting("paper") == ZeroAccounting::paper);
  CHECK(parse_zero_accounting("deepspeed") == ZeroAccounting::deepspeed);
  CHECK(to_string(ZeroAccounting::deepspeed) == "deepspeed");
  CHECK_FALSE(parse_zero_accounting("DeepSpeed").has_value());
}

TEST_CASE("invalid ZeRO inputs are rejected naming the parameter") {
  REQUIRE_THROWS_WITH(model_states({.parameters = 1e9, .zero_stage = 4}),
                      "zero model states: zero_stage must be in [0, 3] (got 4)");
  REQUIRE_THROWS_WITH(model_states({.parameters = 1e9, .zero_stage = -1}),
                      "zero model states: zero_stage must be in [0, 3] (got -1)");
  REQUIRE_THROWS_WITH(model_states({.parameters = 1e9, .data_parallel = 0}),
                      "zero model states: data_parallel must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(model_states({.parameters = -1.0}),
                      "zero model states: parameters must be >= 0 and finite (got -1)");
  REQUIRE_THROWS_WITH(model_states({.parameters = NAN}),
                      "zero model states: parameters must be >= 0 and finite (got nan)");
  REQUIRE_THROWS_WITH(model_states({.parameters = 1e9, .bytes = {.weights = 0.0}}),
                      "zero model states: bytes.weights must be > 0 and finite (got 0)");
}

TEST_CASE("property: ZeRO stage k+1 never needs more memory than stage k (paper)") {
  REQUIRE(rc::check([] {
    const double psi = *memory_test::parameter_counts();
    const int nd = *rc::gen::inRange(1, 100'000);
    const BytesPerParameter b = *rc::gen::elementOf(optimizers);
    for (int stage = 0; stage < 3; ++stage) {
      const Bytes now =
          model_states({.parameters = psi, .data_parallel = nd, .zero_stage = stage, .bytes = b})
              .total();
      const Bytes next = model_states(
          {.parameters = psi, .data_parallel = nd, .zero_stage = stage + 1, .bytes = b})
                             .total();
      RC_ASSERT(next <= now);
    }
  }));
}

TEST_CASE("property: DeepSpeed's accounting is monotone in the stage from Nd = 3") {
  REQUIRE(rc::check([] {
    const double psi = *memory_test::parameter_counts();
    const int nd = *rc::gen::inRange(3, 100'000);
    Bytes previous = model_states({.parameters = psi, .data_parallel = nd}).total();
    for (int stage = 1; stage <= 3; ++stage) {
      const Bytes now = model_states({.parameters = psi, .data_parallel = nd, .zero_stage = stage,
                                      .accounting = ZeroAccounting::deepspeed})
                            .total();
      RC_ASSERT(now <= previous * (1.0 + 1e-12));
      previous = now;
    }
  }));
}

TEST_CASE("property: more data-parallel ranks never raise a ZeRO stage's memory") {
  REQUIRE(rc::check([] {
    const double psi = *memory_test::parameter_counts();
    const int nd = *rc::gen::inRange(1, 100'000);
    const int stage = *rc::gen::inRange(0, 4);
    RC_ASSERT(model_states({.parameters = psi, .data_parallel = nd + 1, .zero_stage = stage})
                  .total() <=
              model_states({.parameters = psi, .data_parallel = nd, .zero_stage = stage}).total());
  }));
}
