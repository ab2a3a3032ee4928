#include "paradox/compute/model_spec.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
constexpr TransformerSpec tiny_llama{.key = "tiny",
                                     .name = "tiny llama",
                                     .layers = 2,
                                     .hidden = 64,
                                     .heads = 8,
                                     .kv_heads = 2,
                                     .ffn_hidden = 172,
                                     .vocab = 1000,
                                     .seq_len = 128,
                                     .architecture = Architecture::llama,
                                     .published_parameters = 1.0e5,
                                     .provenance = {"unit test"}};
}  // namespace

TEST_CASE("architectures have lower-case spellings", "[compute][model_spec]") {
  STATIC_REQUIRE(compute::to_string(Architecture::gpt) == "gpt");
  STATIC_REQUIRE(compute::to_string(Architecture::llama) == "llama");
}

TEST_CASE("head dimension is hidden over heads", "[compute][model_spec]") {
  STATIC_REQUIRE(head_dim(tiny_llama) == 8);
  TransformerSpec none = tiny_llama;
  none.heads = 0;
  REQUIRE_THROWS_WITH(head_dim(none), "head dim: heads must be >= 1 (got 0)");
}

TEST_CASE("validate checks divisibility of heads and kv heads", "[compute][model_spec]") {
  REQUIRE_NOTHROW(validate(tiny_llama));
  TransformerSpec bad = tiny_llama;
  bad.hidden = 65;
  REQUIRE_THROWS_WITH(validate(bad),
                      "transformer spec: hidden must be divisible by heads = 8 (got 65)");
  bad = tiny_llama;
  bad.kv_heads = 3;
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
  bad = tiny_llama;
  bad.published_parameters = 0.0;
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
  bad = tiny_llama;
  bad.layers = 0;
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
}

TEST_CASE("edge model bytes are parameters times bytes per parameter", "[compute][model_spec]") {
  constexpr EdgeModelSpec m{.key = "m",
                            .name = "m",
                            .parameters = 3.4e6,
                            .bytes_per_parameter = 4.0,
                            .flops_per_inference = 600.0e6 * flop,
                            .provenance = {"unit test"}};
  REQUIRE_THAT(value_in<megabyte_unit>(model_bytes(m)), WithinRel(13.6, 1e-12));
  REQUIRE_NOTHROW(validate(m));
  EdgeModelSpec bad = m;
  bad.bytes_per_parameter = 0.0;
  REQUIRE_THROWS_WITH(validate(bad),
                      "edge model spec: bytes_per_parameter must be > 0 and finite (got 0)");
}
