#include "paradox/catalog/models.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
// Narayanan et al. 2021 (Megatron-LM, SC21), eq. 2: P = 12 L h^2 (1 + 13/(12h) + (V+s)/(12Lh)).
double megatron_parameters(const TransformerSpec& m) {
  const double L = m.layers, h = m.hidden, V = m.vocab, s = m.seq_len;
  return 12.0 * L * h * h * (1.0 + 13.0 / (12.0 * h) + (V + s) / (12.0 * L * h));
}
// Llama: q and o (h x h), k and v (h x kv_heads*head_dim), SwiGLU (3 h f), two RMSNorms per
// layer, final norm, untied embedding and LM head. No biases.
double llama_parameters(const TransformerSpec& m) {
  const double h = m.hidden, f = m.ffn_hidden, V = m.vocab;
  const double kv = static_cast<double>(m.kv_heads) * (m.hidden / m.heads);
  const double per_layer = 2.0 * h * h + 2.0 * h * kv + 3.0 * h * f + 2.0 * h;
  return m.layers * per_layer + h + 2.0 * V * h;
}
}  // namespace

TEST_CASE("Llama 3 shapes are those of Dubey et al. 2024, table 3", "[catalog][models]") {
  const TransformerSpec& m70 = catalog::transformer_model("llama3-70b");
  REQUIRE(m70.layers == 80);
  REQUIRE(m70.hidden == 8192);
  REQUIRE(m70.ffn_hidden == 28672);
  REQUIRE(m70.heads == 64);
  REQUIRE(m70.kv_heads == 8);
  REQUIRE(m70.vocab == 128256);
  // Published count: 70.6e9 (MODELS.md section 2).
  REQUIRE_THAT(m70.published_parameters, WithinRel(70.6e9, 1e-12));
  REQUIRE(catalog::llama3_405b.layers == 126);
  REQUIRE(catalog::llama3_405b.hidden == 16384);
  REQUIRE(catalog::llama3_8b.ffn_hidden == 14336);
}

TEST_CASE("Llama 3 shapes count to their published sizes", "[catalog][models]") {
  // 8.03e9, 70.6e9, 405e9 (the 405B shape counts to ~405.8e9).
  REQUIRE_THAT(llama_parameters(catalog::llama3_8b), WithinRel(8.03e9, 2e-3));
  REQUIRE_THAT(llama_parameters(catalog::llama3_70b), WithinRel(70.6e9, 2e-3));
  REQUIRE_THAT(llama_parameters(catalog::llama3_405b), WithinRel(405.0e9, 3e-3));
}

TEST_CASE("GPT-3 175B has 96 layers of width 12288", "[catalog][models]") {
  // Brown et al. 2020, table 2.1.
  const TransformerSpec& gpt3 = catalog::transformer_model("gpt3-175b");
  REQUIRE(gpt3.layers == 96);
  REQUIRE(gpt3.hidden == 12288);
  REQUIRE(gpt3.heads == 96);
  REQUIRE(gpt3.vocab == 50257);
  REQUIRE(gpt3.seq_len == 2048);
  REQUIRE_THAT(megatron_parameters(gpt3), WithinRel(175.0e9, 1e-2));
}

TEST_CASE("Megatron table 1 rows count to their published sizes", "[catalog][models]") {
  // Narayanan et al. 2021, table 1 lists 1.7B ... 1008.0B; eq. 2 reproduces each within 3%.
  for (const TransformerSpec& m : catalog::transformer_models) {
    if (m.key.substr(0, 9) != "megatron-") continue;
    INFO(m.key);
    REQUIRE_THAT(megatron_parameters(m), WithinRel(m.published_parameters, 3e-2));
  }
  REQUIRE_THAT(megatron_parameters(catalog::megatron_1t), WithinRel(1008.0e9, 1e-3));
  REQUIRE_THAT(megatron_parameters(catalog::megatron_145_6b), WithinRel(145.6e9, 1e-3));
}

TEST_CASE("GPT-2 1.5B is the 1542M model of Radford et al. 2019", "[catalog][models]") {
  REQUIRE(catalog::gpt2_1_5b.layers == 48);
  REQUIRE(catalog::gpt2_1_5b.hidden == 1600);
  REQUIRE_THAT(catalog::gpt2_1_5b.published_parameters, WithinRel(1.542e9, 1e-12));
  REQUIRE_THAT(megatron_parameters(catalog::gpt2_1_5b), WithinRel(1.542e9, 2e-2));
}

TEST_CASE("edge models count a multiply-add as two FLOPs", "[catalog][models]") {
  // Sandler et al. 2018: MobileNetV2 3.4M parameters, 300M multiply-adds.
  REQUIRE_THAT(catalog::mobilenetv2.parameters, WithinRel(3.4e6, 1e-12));
  REQUIRE_THAT(value_in<flop_unit>(catalog::mobilenetv2.flops_per_inference),
               WithinRel(600.0e6, 1e-12));
  // RNNoise (Valin 2018): 87,503 weights, ~88k.
  REQUIRE_THAT(catalog::rnnoise.parameters, WithinRel(87503.0, 1e-12));
  // The hearable noise profile is a few kB: 2,134 fp32 weights.
  REQUIRE_THAT(value_in<byte_unit>(model_bytes(catalog::noise_profile)), WithinRel(8536.0, 1e-12));
}

TEST_CASE("every model preset is valid, sourced and uniquely keyed", "[catalog][models]") {
  std::set<std::string_view> keys;
  for (const TransformerSpec& m : catalog::transformer_models) {
    INFO(m.key);
    REQUIRE_NOTHROW(validate(m));
    REQUIRE(keys.insert(m.key).second);
    REQUIRE(catalog::transformer_model(m.key).name == m.name);
  }
  for (const EdgeModelSpec& m : catalog::edge_models) {
    INFO(m.key);
    REQUIRE_NOTHROW(validate(m));
    REQUIRE(keys.insert(m.key).second);
    REQUIRE(catalog::edge_model(m.key).name == m.name);
  }
}

TEST_CASE("unknown model keys list the valid keys", "[catalog][models]") {
  REQUIRE_THROWS_WITH(catalog::transformer_model("llama4"),
                      Catch::Matchers::StartsWith("catalog: transformer model must be one of "
                                                  "gpt2-1.5b, gpt3-175b, llama3-8b"));
  REQUIRE_THROWS_WITH(catalog::edge_model("yolo"),
                      "catalog: edge model must be one of kws-dscnn, mobilenetv2, resnet50, "
                      "rnnoise, noise-profile (got \"yolo\")");
}
