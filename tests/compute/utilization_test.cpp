#include "paradox/compute/utilization.hpp"

#include <catch2/catch.hpp>
#include <rapidcheck.h>

#include "paradox/catalog/accelerators.hpp"

using namespace paradox;
using namespace paradox::compute;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// PaLM 540B (Chowdhery et al. 2022, appendix B): N = 540.35e9, L = 118, H = 48, Q = 256,
// T = 2048; 238.3k tokens/s on 6144 TPU v4 chips of 275 TFLOP/s (bf16 peak).
constexpr TokenFlopsInput palm{
    .parameters = 540.35e9,
    .attention = AttentionTerm::full,
    .shape = {.layers = 118, .heads = 48, .head_dim = 256, .seq_len = 2048}};

UtilizationInput palm_run(const TokenFlopsInput& model, FlopCount recomputed) {
  return {.tokens_per_second = 238.3e3,
          .model_flops_per_token = training_flops_per_token(model),
          .recomputed_flops_per_token = recomputed,
          .chips = 6144,
          .peak_per_chip = peak(catalog::tpu_v4, Precision::bf16)};
}

// To the digits a percentage is printed with one decimal: within half of 0.1%.
Catch::Matchers::Floating::WithinAbsMatcher percent(double value) {
  return WithinAbs(value / 100.0, 0.0005);
}

}  // namespace

TEST_CASE("PaLM 540B: 46.2% MFU with attention, 45.7% without (appendix B, table 3)") {
  CHECK_THAT(utilization(palm_run(palm, 0.0 * flop)).mfu, percent(46.2));
  TokenFlopsInput weights_only = palm;
  weights_only.attention = AttentionTerm::excluded;
  CHECK_THAT(utilization(palm_run(weights_only, 0.0 * flop)).mfu, percent(45.7));
}

TEST_CASE("PaLM 540B: 57.8% HFU with its rematerialization (appendix B, table 22)") {
  // PaLM rematerialized 75% of the weights' forward pass (0.75 x 2N) and all of the attention
  // forward (4 L H Q T): 4.10 TFLOP per token with rematerialization (table 22).
  const double n = palm.parameters;
  const double attention_forward = 4.0 * 118 * 48 * 256 * 2048;
  const FlopCount remat = (0.75 * 2.0 * n + attention_forward) * flop;
  const Utilization u = utilization(palm_run(palm, remat));
  CHECK_THAT(value_in<teraflop_unit>(training_flops_per_token(palm) + remat), WithinAbs(4.10, 0.005));
  CHECK_THAT(u.hfu, percent(57.8));
  CHECK_THAT(u.mfu, percent(46.2));
  // Full recomputation would have cost more: a whole forward pass.
  CHECK(utilization(palm_run(palm, recomputed_flops_per_token(palm, Recomputation::full))).hfu >
        u.hfu);
}

TEST_CASE("utilization reports the rates it compares") {
  const Utilization u = utilization({.tokens_per_second = 1000.0,
                                     .model_flops_per_token = 6e9 * flop,
                                     .recomputed_flops_per_token = 2e9 * flop,
                                     .chips = 4,
                                     .peak_per_chip = 10.0 * teraflop_per_second});
  CHECK_THAT(value_in<teraflop_per_second_unit>(u.model_flop_rate), WithinRel(6.0, 1e-12));
  CHECK_THAT(value_in<teraflop_per_second_unit>(u.hardware_flop_rate), WithinRel(8.0, 1e-12));
  CHECK_THAT(value_in<teraflop_per_second_unit>(u.peak_flop_rate), WithinRel(40.0, 1e-12));
  CHECK_THAT(u.mfu, WithinRel(0.15, 1e-12));
  CHECK_THAT(u.hfu, WithinRel(0.20, 1e-12));
}

TEST_CASE("Megatron-LM's per-GPU throughput is a fraction of peak (abstract: 52%)") {
  // Narayanan et al. 2021, abstract: 502 petaFLOP/s on 3072 GPUs, 52% of the A100's peak.
  const FlopRate per_gpu = 502.0 * petaflop_per_second / 3072.0;
  CHECK_THAT(fraction_of_peak(per_gpu, peak(catalog::a100_80gb, Precision::bf16)), percent(52.4));
  REQUIRE_THROWS_WITH(fraction_of_peak(per_gpu, 0.0 * flop_per_second),
                      "fraction of peak: peak must be > 0 and finite (got 0 FLOP/s)");
  REQUIRE_THROWS_WITH(fraction_of_peak(-1.0 * flop_per_second, per_gpu),
                      "fraction of peak: achieved must be > 0 and finite (got -1 FLOP/s)");
}

TEST_CASE("utilization rejects invalid inputs") {
  UtilizationInput in = palm_run(palm, 0.0 * flop);
  in.chips = 0;
  REQUIRE_THROWS_WITH(utilization(in), "utilization: chips must be >= 1 (got 0)");
  in = palm_run(palm, 0.0 * flop);
  in.tokens_per_second = 0.0;
  REQUIRE_THROWS_WITH(utilization(in),
                      "utilization: tokens_per_second must be > 0 and finite (got 0)");
  in = palm_run(palm, -1.0 * flop);
  REQUIRE_THROWS_WITH(utilization(in),
                      "utilization: recomputed_flops_per_token must be >= 0 and finite "
                      "(got -1 FLOP)");
  in = palm_run(palm, 0.0 * flop);
  in.model_flops_per_token = 0.0 * flop;
  REQUIRE_THROWS_WITH(utilization(in),
                      "utilization: model_flops_per_token must be > 0 and finite (got 0 FLOP)");
  in = palm_run(palm, 0.0 * flop);
  in.peak_per_chip = 0.0 * flop_per_second;
  REQUIRE_THROWS_WITH(utilization(in),
                      "utilization: peak_per_chip must be > 0 and finite (got 0 FLOP/s)");
  in = palm_run(palm, 0.0 * flop);
  in.tokens_per_second = 1e300;
  REQUIRE_THROWS_WITH(utilization(in),
                      "utilization: tokens_per_second must give a finite result (got 1e+300)");
}

TEST_CASE("properties: MFU <= HFU, both scale with throughput") {
  REQUIRE(rc::check([] {
    const double rate = static_cast<double>(*rc::gen::inRange(1, 10'000'000));
    const double model = static_cast<double>(*rc::gen::inRange(1, 1'000'000)) * 1e6;
    const double extra = static_cast<double>(*rc::gen::inRange(0, 1'000'000)) * 1e6;
    const int chips = *rc::gen::inRange(1, 100'000);
    const UtilizationInput in{.tokens_per_second = rate,
                              .model_flops_per_token = model * flop,
                              .recomputed_flops_per_token = extra * flop,
                              .chips = chips,
                              .peak_per_chip = 275.0 * teraflop_per_second};
    const Utilization u = utilization(in);
    RC_ASSERT(u.mfu <= u.hfu);
    RC_ASSERT(u.mfu > 0.0);
    UtilizationInput doubled = in;
    doubled.tokens_per_second = 2.0 * rate;
    RC_ASSERT(std::abs(utilization(doubled).mfu / u.mfu - 2.0) < 1e-12);
  }));
}
