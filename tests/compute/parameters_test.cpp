#include "paradox/compute/parameters.hpp"

#include <catch2/catch.hpp>

#include "paradox/catalog/models.hpp"

using namespace paradox;
using namespace paradox::compute;
using Catch::Matchers::WithinRel;

TEST_CASE("GPT parameter counts follow Megatron eq. 2 and table 1") {
  // Narayanan et al. 2021 (SC21), table 1: 1.7B, 3.6B, ..., 1008B parameters (billions, as
  // printed); eq. 2 with V = 51,200 and s = 2048 (sec. 5.1) reproduces them to the printed digit.
  const struct {
    const char* key;
    double billions;
  } rows[] = {{"megatron-1.7b", 1.7},     {"megatron-3.6b", 3.6},     {"megatron-7.5b", 7.5},
              {"megatron-18.4b", 18.4},   {"megatron-39.1b", 39.1},   {"megatron-76.1b", 76.1},
              {"megatron-145.6b", 145.6}, {"megatron-310.1b", 310.1}, {"megatron-529.6b", 529.6},
              {"megatron-1t", 1008.0}};
  for (const auto& row : rows) {
    INFO(row.key);
    const double billions = parameters(catalog::transformer_model(row.key)) / 1e9;
    CHECK(std::abs(billions - row.billions) <= 0.05 + 1e-9);
  }
}

TEST_CASE("Megatron eq. 2 by hand: 12 L h^2 (1 + 13/(12h) + (V+s)/(12 L h))") {
  const TransformerSpec m{.layers = 2, .hidden = 8, .heads = 2, .kv_heads = 2,
                          .ffn_hidden = 32, .vocab = 100, .seq_len = 16};
  const double L = 2, h = 8, V = 100, s = 16;
  CHECK_THAT(parameters(m),
             WithinRel(12 * L * h * h * (1 + 13 / (12 * h) + (V + s) / (12 * L * h)), 1e-15));
  const ParameterBreakdown b = parameter_breakdown(m);
  CHECK(b.embedding == V * h);
  CHECK(b.position_embedding == s * h);
  CHECK(b.lm_head == 0.0);  // tied with the embedding
}

TEST_CASE("Llama 3 counts match the published sizes") {
  // Meta Llama 3 model card: 8.03B and 70.6B; Dubey et al. 2024: 405B.
  CHECK_THAT(parameters(catalog::llama3_8b), WithinRel(8.03e9, 1e-3));
  CHECK_THAT(parameters(catalog::llama3_70b), WithinRel(70.6e9, 1e-3));
  CHECK_THAT(parameters(catalog::llama3_405b), WithinRel(405.0e9, 3e-3));
  // 8B by hand: 32 x (2 x 4096^2 + 2 x 4096 x 1024 + 3 x 4096 x 14336 + 2 x 4096) + 4096
  //   + 2 x 128,256 x 4096 = 8,030,261,248.
  CHECK(parameters(catalog::llama3_8b) == 8'030'261'248.0);
  const ParameterBreakdown b = parameter_breakdown(catalog::llama3_8b);
  CHECK(b.lm_head == b.embedding);  // untied
  CHECK(b.final_norm == 4096.0);
}

TEST_CASE("parameter counts reject shapes that do not divide") {
  TransformerSpec m = catalog::llama3_8b;
  m.kv_heads = 5;
  REQUIRE_THROWS_WITH(parameters(m),
                      "parameter count: heads must be divisible by kv_heads = 5 (got 32)");
  m = catalog::llama3_8b;
  m.layers = 0;
  REQUIRE_THROWS_WITH(parameters(m), "parameter count: layers must be >= 1 (got 0)");
}
