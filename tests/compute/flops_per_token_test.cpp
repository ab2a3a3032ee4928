#include "paradox/compute/flops_per_token.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <rapidcheck.h>

#include "paradox/catalog/models.hpp"

using namespace paradox;
using namespace paradox::compute;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

double tflop(FlopCount f) { return value_in<teraflop_unit>(f); }

// PaLM 540B (Chowdhery et al. 2022, table 1 and appendix B): 540.35e9 parameters, 118 layers,
// 48 heads of 256, sequence length 2048.
constexpr AttentionShape palm_shape{.layers = 118, .heads = 48, .head_dim = 256, .seq_len = 2048};

}  // namespace

TEST_CASE("6N: six FLOPs per parameter and token") {
  // Kaplan et al. 2020, table 1: C_forward ~ 2N, training ~ 6N per token.
  CHECK(value_in<flop_unit>(parameter_flops_per_token(1.0)) == 6.0);
  CHECK_THAT(tflop(parameter_flops_per_token(175e9)), WithinRel(1.05, 1e-12));
}

TEST_CASE("PaLM's attention term is 12 L H Q T, the causal variant half of it") {
  // 12 x 118 x 48 x 256 x 2048 = 35,634,806,784 (PaLM, appendix B).
  CHECK(value_in<flop_unit>(attention_flops_per_token(palm_shape, AttentionTerm::full)) ==
        35'634'806'784.0);
  CHECK(value_in<flop_unit>(attention_flops_per_token(palm_shape, AttentionTerm::causal)) ==
        17'817'403'392.0);
  CHECK(value_in<flop_unit>(attention_flops_per_token(palm_shape, AttentionTerm::excluded)) == 0.0);
  // Excluded reads no field, so an empty shape is fine.
  CHECK(value_in<flop_unit>(attention_flops_per_token({}, AttentionTerm::excluded)) == 0.0);
}

TEST_CASE("PaLM 540B: 3.28 TFLOP per token with attention (table 22)") {
  // PaLM, table 22 (FLOPs per token, non-attention + attention): 540B 3.28 TFLOP.
  const TokenFlopsInput palm{
      .parameters = 540.35e9, .attention = AttentionTerm::full, .shape = palm_shape};
  CHECK_THAT(tflop(training_flops_per_token(palm)), WithinAbs(3.28, 0.005));
  // Without attention the term is 6N alone.
  TokenFlopsInput weights_only = palm;
  weights_only.attention = AttentionTerm::excluded;
  CHECK(training_flops_per_token(weights_only) == parameter_flops_per_token(540.35e9));
}

TEST_CASE("recomputation adds a forward pass (full) or the attention term (selective)") {
  const TokenFlopsInput palm{
      .parameters = 540.35e9, .attention = AttentionTerm::full, .shape = palm_shape};
  const double model = value_in<flop_unit>(training_flops_per_token(palm));
  CHECK(value_in<flop_unit>(recomputed_flops_per_token(palm, Recomputation::none)) == 0.0);
  // Full: 2N + 4 L H Q T, a third of the model FLOPs.
  CHECK_THAT(value_in<flop_unit>(recomputed_flops_per_token(palm, Recomputation::full)),
             WithinRel(2.0 * 540.35e9 + 4.0 * 118 * 48 * 256 * 2048, 1e-12));
  CHECK_THAT(value_in<flop_unit>(recomputed_flops_per_token(palm, Recomputation::full)),
             WithinRel(model / 3.0, 1e-12));
  // Selective (Korthikanti et al. 2022): the attention term once more.
  CHECK(recomputed_flops_per_token(palm, Recomputation::selective) ==
        attention_flops_per_token(palm_shape, AttentionTerm::full));
  TokenFlopsInput causal = palm;
  causal.attention = AttentionTerm::causal;
  CHECK(recomputed_flops_per_token(causal, Recomputation::selective) ==
        attention_flops_per_token(palm_shape, AttentionTerm::causal));
}

TEST_CASE("the attention shape of a catalog transformer") {
  // Llama 3 70B (Dubey et al. 2024, table 3): 80 layers, 64 heads of 8192 / 64 = 128.
  const AttentionShape s = attention_shape(catalog::llama3_70b);
  CHECK(s.layers == 80);
  CHECK(s.heads == 64);
  CHECK(s.head_dim == 128);
  CHECK(s.seq_len == catalog::llama3_70b.seq_len);
}

TEST_CASE("attention terms have spellings") {
  STATIC_REQUIRE(to_string(AttentionTerm::excluded) == "excluded");
  STATIC_REQUIRE(to_string(AttentionTerm::full) == "full");
  STATIC_REQUIRE(to_string(AttentionTerm::causal) == "causal");
  CHECK(to_string(static_cast<AttentionTerm>(9)) == "unknown");
}

TEST_CASE("FLOPs per token reject invalid inputs") {
  REQUIRE_THROWS_WITH(parameter_flops_per_token(0.0),
                      "flops per token: parameters must be > 0 and finite (got 0)");
  REQUIRE_THROWS_WITH(parameter_flops_per_token(std::numeric_limits<double>::quiet_NaN()),
                      "flops per token: parameters must be > 0 and finite (got nan)");
  REQUIRE_THROWS_WITH(parameter_flops_per_token(1e308),
                      "flops per token: parameters must give a finite result (got 1e+308)");
  AttentionShape bad = palm_shape;
  bad.heads = 0;
  REQUIRE_THROWS_WITH(attention_flops_per_token(bad, AttentionTerm::full),
                      "attention flops: heads must be >= 1 (got 0)");
  bad = palm_shape;
  bad.seq_len = -1;
  REQUIRE_THROWS_WITH(attention_flops_per_token(bad, AttentionTerm::causal),
                      "attention flops: seq_len must be >= 1 (got -1)");
  bad = palm_shape;
  bad.layers = 0;
  REQUIRE_THROWS_WITH(attention_flops_per_token(bad, AttentionTerm::full),
                      "attention flops: layers must be >= 1 (got 0)");
  bad = palm_shape;
  bad.head_dim = 0;
  REQUIRE_THROWS_WITH(attention_flops_per_token(bad, AttentionTerm::full),
                      "attention flops: head_dim must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(
      recomputed_flops_per_token({.parameters = 1e9}, Recomputation::selective),
      "recomputed flops: attention must be full or causal with selective recomputation "
      "(got excluded)");
  REQUIRE_THROWS_WITH(
      recomputed_flops_per_token({.parameters = 1e9}, static_cast<Recomputation>(7)),
      "recomputed flops: recomputation must be none, selective or full (got unknown)");
}

TEST_CASE("properties: causal <= full attention, recomputation never lowers the FLOPs") {
  REQUIRE(rc::check([] {
    const AttentionShape s{.layers = *rc::gen::inRange(1, 200),
                           .heads = *rc::gen::inRange(1, 256),
                           .head_dim = *rc::gen::inRange(1, 512),
                           .seq_len = *rc::gen::inRange(1, 1 << 20)};
    const double n = static_cast<double>(*rc::gen::inRange(1, 1'000'000)) * 1e6;
    const FlopCount full = attention_flops_per_token(s, AttentionTerm::full);
    const FlopCount causal = attention_flops_per_token(s, AttentionTerm::causal);
    RC_ASSERT(causal <= full);
    RC_ASSERT(causal > 0.0 * flop);
    const TokenFlopsInput in{.parameters = n, .attention = AttentionTerm::causal, .shape = s};
    const FlopCount none = recomputed_flops_per_token(in, Recomputation::none);
    const FlopCount selective = recomputed_flops_per_token(in, Recomputation::selective);
    const FlopCount all = recomputed_flops_per_token(in, Recomputation::full);
    RC_ASSERT(none <= selective);
    RC_ASSERT(none <= all);
    RC_ASSERT(training_flops_per_token(in) >= parameter_flops_per_token(n));
  }));
}
