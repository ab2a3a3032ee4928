/// @file
/// @brief Model presets: GPT-3 175B, Megatron-LM configurations, Llama 3 8B/70B/405B,
/// GPT-2 1.5B and small (117M), a tiny keyword transformer, and small edge models (keyword
/// spotting, MobileNetV2, ResNet-50, RNNoise).
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/compute/model_spec.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief GPT-3 175B (Brown et al. 2020, "Language Models are Few-Shot Learners", table 2.1).
inline constexpr TransformerSpec gpt3_175b{
    .key = "gpt3-175b",
    .name = "GPT-3 175B",
    .layers = 96,
    .hidden = 12288,
    .heads = 96,
    .kv_heads = 96,
    .ffn_hidden = 4 * 12288,
    .vocab = 50257,
    .seq_len = 2048,
    .architecture = Architecture::gpt,
    .published_parameters = 175.0e9,
    .provenance = {"Brown et al. 2020, 'Language Models are Few-Shot Learners', table 2.1 "
                   "(n_layers 96, d_model 12288, n_heads 96, d_head 128, context 2048); "
                   "vocabulary 50257 of the GPT-2 BPE",
                   SourceKind::paper}};

/// @brief GPT-2 1.5B (Radford et al. 2019, "Language Models are Unsupervised Multitask
/// Learners", table 2: 1542M parameters, 48 layers, d_model 1600).
inline constexpr TransformerSpec gpt2_1_5b{
    .key = "gpt2-1.5b",
    .name = "GPT-2 1.5B",
    .layers = 48,
    .hidden = 1600,
    .heads = 25,
    .kv_heads = 25,
    .ffn_hidden = 4 * 1600,
    .vocab = 50257,
    .seq_len = 1024,
    .architecture = Architecture::gpt,
    .published_parameters = 1542.0e6,
    .provenance = {"Radford et al. 2019, 'Language Models are Unsupervised Multitask "
                   "Learners', table 2 (1542M parameters, 48 layers, d_model 1600) and section "
                   "2.3 (vocabulary 50257, context 1024); 25 heads of 64 from the released "
                   "configuration",
                   SourceKind::paper}};

/// @brief Llama 3 8B (Dubey et al. 2024, "The Llama 3 Herd of Models", table 3).
inline constexpr TransformerSpec llama3_8b{
    .key = "llama3-8b",
    .name = "Llama 3 8B",
    .layers = 32,
    .hidden = 4096,
    .heads = 32,
    .kv_heads = 8,
    .ffn_hidden = 14336,
    .vocab = 128256,
    .seq_len = 8192,
    .architecture = Architecture::llama,
    .published_parameters = 8.03e9,
    .provenance = {"Dubey et al. 2024, 'The Llama 3 Herd of Models', table 3 (32 layers, model "
                   "dim 4096, FFN 14336, 32 heads, 8 KV heads, vocabulary 128000 + 256 special "
                   "= 128256); 8.03e9 parameters from the model card; pre-training context 8192",
                   SourceKind::paper,
                   {{{"vocab", "Meta's released Llama 3 tokenizer: 128,000 BPE tokens + 256 "
                               "reserved special tokens (table 3 prints 128,000)",
                      SourceKind::datasheet},
                     {"parameters", "Meta Llama 3 model card (8.03B parameters)",
                      SourceKind::datasheet}}}}};

/// @brief Llama 3 70B (Dubey et al. 2024, table 3).
inline constexpr TransformerSpec llama3_70b{
    .key = "llama3-70b",
    .name = "Llama 3 70B",
    .layers = 80,
    .hidden = 8192,
    .heads = 64,
    .kv_heads = 8,
    .ffn_hidden = 28672,
    .vocab = 128256,
    .seq_len = 8192,
    .architecture = Architecture::llama,
    .published_parameters = 70.6e9,
    .provenance = {"Dubey et al. 2024, 'The Llama 3 Herd of Models', table 3 (80 layers, model "
                   "dim 8192, FFN 28672, 64 heads, 8 KV heads, vocabulary 128256); 70.6e9 "
                   "parameters from the model card; pre-training context 8192",
                   SourceKind::paper,
                   {{{"vocab", "Meta's released Llama 3 tokenizer: 128,000 BPE tokens + 256 "
                               "reserved special tokens (table 3 prints 128,000)",
                      SourceKind::datasheet},
                     {"parameters", "Meta Llama 3 model card (70.6B parameters)",
                      SourceKind::datasheet}}}}};

/// @brief Llama 3 405B (Dubey et al. 2024, table 3).
inline constexpr TransformerSpec llama3_405b{
    .key = "llama3-405b",
    .name = "Llama 3 405B",
    .layers = 126,
    .hidden = 16384,
    .heads = 128,
    .kv_heads = 8,
    .ffn_hidden = 53248,
    .vocab = 128256,
    .seq_len = 8192,
    .architecture = Architecture::llama,
    .published_parameters = 405.0e9,
    .provenance = {"Dubey et al. 2024, 'The Llama 3 Herd of Models', table 3 (126 layers, model "
                   "dim 16384, FFN 53248, 128 heads, 8 KV heads, vocabulary 128256); 405e9 as "
                   "published (the shape counts to about 405.8e9); pre-training context 8192",
                   SourceKind::paper,
                   {{{"vocab", "Meta's released Llama 3 tokenizer: 128,000 BPE tokens + 256 "
                               "reserved special tokens (table 3 prints 128,000)",
                      SourceKind::datasheet}}}}};

namespace detail {
/// One row of Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU
/// Clusters Using Megatron-LM" (SC21), table 1: GPT models with V = 51200, s = 2048, 4h MLP.
constexpr TransformerSpec megatron_row(std::string_view key, std::string_view name, int layers,
                                       int hidden, int heads, double published) {
  return TransformerSpec{
      .key = key,
      .name = name,
      .layers = layers,
      .hidden = hidden,
      .heads = heads,
      .kv_heads = heads,
      .ffn_hidden = 4 * hidden,
      .vocab = 51200,
      .seq_len = 2048,
      .architecture = Architecture::gpt,
      .published_parameters = published,
      .provenance = {
          "Narayanan et al. 2021, 'Efficient Large-Scale Language Model Training on "
          "GPU Clusters Using Megatron-LM' (SC21), table 1 (heads, hidden, layers, "
          "billions of parameters); vocabulary 51200 and sequence 2048 as stated in the text",
          SourceKind::paper}};
}
}  // namespace detail

/// Megatron-LM table 1 row (Narayanan et al. 2021): 1.7B parameters.
inline constexpr TransformerSpec megatron_1_7b =
    detail::megatron_row("megatron-1.7b", "Megatron GPT 1.7B", 24, 2304, 24, 1.7e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 3.6B parameters.
inline constexpr TransformerSpec megatron_3_6b =
    detail::megatron_row("megatron-3.6b", "Megatron GPT 3.6B", 30, 3072, 32, 3.6e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 7.5B parameters.
inline constexpr TransformerSpec megatron_7_5b =
    detail::megatron_row("megatron-7.5b", "Megatron GPT 7.5B", 36, 4096, 32, 7.5e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 18.4B parameters.
inline constexpr TransformerSpec megatron_18_4b =
    detail::megatron_row("megatron-18.4b", "Megatron GPT 18.4B", 40, 6144, 48, 18.4e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 39.1B parameters.
inline constexpr TransformerSpec megatron_39_1b =
    detail::megatron_row("megatron-39.1b", "Megatron GPT 39.1B", 48, 8192, 64, 39.1e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 76.1B parameters.
inline constexpr TransformerSpec megatron_76_1b =
    detail::megatron_row("megatron-76.1b", "Megatron GPT 76.1B", 60, 10240, 80, 76.1e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 145.6B parameters.
inline constexpr TransformerSpec megatron_145_6b =
    detail::megatron_row("megatron-145.6b", "Megatron GPT 145.6B", 80, 12288, 96, 145.6e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 310.1B parameters.
inline constexpr TransformerSpec megatron_310_1b =
    detail::megatron_row("megatron-310.1b", "Megatron GPT 310.1B", 96, 16384, 128, 310.1e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 529.6B parameters.
inline constexpr TransformerSpec megatron_529_6b =
    detail::megatron_row("megatron-529.6b", "Megatron GPT 529.6B", 105, 20480, 128, 529.6e9);
/// Megatron-LM table 1 row (Narayanan et al. 2021): 1T parameters.
inline constexpr TransformerSpec megatron_1t =
    detail::megatron_row("megatron-1t", "Megatron GPT 1T", 128, 25600, 160, 1008.0e9);

/// @brief GPT-2 small, 117M as published (Radford et al. 2019, table 2: 12 layers, d_model
/// 768); the shape counts to 124.4M with the tied embedding and learned positions.
inline constexpr TransformerSpec gpt2_small{
    .key = "gpt2-small",
    .name = "GPT-2 small (117M)",
    .layers = 12,
    .hidden = 768,
    .heads = 12,
    .kv_heads = 12,
    .ffn_hidden = 4 * 768,
    .vocab = 50257,
    .seq_len = 1024,
    .architecture = Architecture::gpt,
    .published_parameters = 117.0e6,
    .provenance = {"Radford et al. 2019, 'Language Models are Unsupervised Multitask "
                   "Learners', table 2 (117M parameters, 12 layers, d_model 768) and section "
                   "2.3 (vocabulary 50257, context 1024); 12 heads of 64 from the released "
                   "configuration (openai/gpt-2 hparams: n_head 12). The shape counts to "
                   "124.4M (the paper's 117M is the often-noted undercount)",
                   SourceKind::paper}};

/// @brief A keyword-spotting transformer on the recipe of KWT (Berg et al. 2021), shrunk so
/// that its Adam training state overflows one hearable's 512 KiB but fits two.
///
/// KWT-1 itself (Berg et al. 2021, Interspeech, table 1: dim 64, depth 12, 1 head, MLP 256,
/// 607k parameters; 98 MFCC frames of 40 coefficients as tokens plus a class token) needs 9.7
/// MB of Adam state, twenty hearables' worth. The tiny variant keeps the recipe (pre-norm ViT
/// encoder, MLP = 4 x dim, learned positions, 99 tokens) at dim 32, depth 4 and 2 heads: a
/// didactic assumption, not a published model. As a TransformerSpec of the GPT family the
/// 40 -> dim patch projection is the "token embedding" (vocab = 40 MFCC coefficients), and the
/// 12-class head (tied in the GPT count) is left out: 33 x 12 weights.
inline constexpr TransformerSpec kwt_tiny{
    .key = "kwt-tiny",
    .name = "Keyword transformer, KWT recipe at dim 32 x 4 layers",
    .layers = 4,
    .hidden = 32,
    .heads = 2,
    .kv_heads = 2,
    .ffn_hidden = 4 * 32,
    .vocab = 40,
    .seq_len = 99,
    .architecture = Architecture::gpt,
    .published_parameters = 4.0 * (12.0 * 32 * 32 + 13.0 * 32) + 40.0 * 32 + 99.0 * 32,
    .provenance = {"didactic assumption: the KWT recipe of Berg et al. 2021, 'Keyword "
                   "Transformer: A Self-Attention Model for Keyword Spotting' (Interspeech), "
                   "KWT-1 (dim 64, depth 12, 1 head, MLP 256; input 98 x 40 MFCC, patch 1 x "
                   "40, plus a class token: 99 tokens), shrunk to dim 32, depth 4, 2 heads so "
                   "that it needs splitting across two 512 KiB hearables; the parameter count "
                   "is the shape's (GPT counting, vocab = the 40 MFCC coefficients)",
                   SourceKind::didactic_assumption,
                   {{{"seq_len", "Berg et al. 2021, sec. 3: 98 MFCC frames + 1 class token "
                                 "(the authors' code, ARM-software/keyword-transformer, "
                                 "input_res 98 x 40, patch_res 1 x 40)",
                      SourceKind::paper},
                     {"vocab", "Berg et al. 2021: 40 MFCC coefficients per frame, projected "
                               "to dim by one linear layer",
                      SourceKind::paper}}}}};

/// @brief Every transformer preset, for listing.
inline constexpr std::array<TransformerSpec, 17> transformer_models{
    gpt2_1_5b,      gpt3_175b,       llama3_8b,       llama3_70b,      llama3_405b,
    megatron_1_7b,  megatron_3_6b,   megatron_7_5b,   megatron_18_4b,  megatron_39_1b,
    megatron_76_1b, megatron_145_6b, megatron_310_1b, megatron_529_6b, megatron_1t,
    gpt2_small,     kwt_tiny};

/// @brief Keyword-spotting DS-CNN (small) of Zhang et al. 2017, "Hello Edge: Keyword Spotting
/// on Microcontrollers": 22,604 int8 weights and biases (the paper's 38.6 KB also counts a
/// 16 KB activation buffer), 5.4 M operations per inference.
inline constexpr EdgeModelSpec kws_dscnn{
    .key = "kws-dscnn",
    .name = "Keyword-spotting DS-CNN (small)",
    .parameters = 22604.0,
    .bytes_per_parameter = 1.0,
    .flops_per_inference = 5.4e6 * flop,
    .provenance = {
        "Zhang et al. 2017, 'Hello Edge: Keyword Spotting on Microcontrollers' "
        "(arXiv:1711.07128), summary table row DS-CNN S: 38.6 KB memory and 5.4 M operations "
        "(a multiply and an add counted separately, the FLOP convention here). The 38.6 KB are "
        "int8 weights plus activation buffers: the authors' code (ARM-software/ML-KWS-for-MCU, "
        "Deployment/Source/NN/DS_CNN/ds_cnn.h) holds 22,604 int8 weights and biases (conv 64 x "
        "10 x 4 + 64; 4 x (depthwise 64 x 3 x 3 + 64, pointwise 64 x 64 + 64); fc 64 x 12 + 12) "
        "and a 16,000-byte activation scratch buffer: 22,604 + 16,000 = 38,604 B",
        SourceKind::paper}};

/// @brief MobileNetV2 (1.0, 224x224): 3.4 M parameters, 300 M multiply-adds = 600 MFLOP.
inline constexpr EdgeModelSpec mobilenetv2{
    .key = "mobilenetv2",
    .name = "MobileNetV2 1.0 (224x224)",
    .parameters = 3.4e6,
    .bytes_per_parameter = 4.0,
    .flops_per_inference = 2.0 * 300.0e6 * flop,
    .provenance = {"Sandler et al. 2018, 'MobileNetV2: Inverted Residuals and Linear "
                   "Bottlenecks', ImageNet table: 3.4M parameters, 300M multiply-adds; one "
                   "multiply-add counted as 2 FLOP -> 600 MFLOP per 224x224 image",
                   SourceKind::paper,
                   {{{"bytes_per_parameter", "didactic choice: fp32 weights (4 bytes), what a device would "
                                             "train and synchronise",
                      SourceKind::didactic_assumption}}}}};

/// @brief ResNet-50: 25.6 M parameters, 3.8 G multiply-adds = 7.6 GFLOP per 224x224 image.
inline constexpr EdgeModelSpec resnet50{
    .key = "resnet50",
    .name = "ResNet-50 (224x224)",
    .parameters = 25.6e6,
    .bytes_per_parameter = 4.0,
    .flops_per_inference = 2.0 * 3.8e9 * flop,
    .provenance = {"He et al. 2016, 'Deep Residual Learning for Image Recognition', table 1: "
                   "3.8e9 FLOPs, which the paper counts as multiply-adds -> 7.6 GFLOP here; "
                   "25.6M parameters as in the reference implementations",
                   SourceKind::paper,
                   {{{"bytes_per_parameter", "didactic choice: fp32 weights (4 bytes), what a device would "
                                             "train and synchronise",
                      SourceKind::didactic_assumption},
                     {"parameters", "the reference implementations (torchvision and Keras "
                                    "ResNet50: 25.6M parameters); the paper prints no count",
                      SourceKind::datasheet}}}}};

/// @brief RNNoise (Valin 2018): 87,503 weights, stored as 8-bit; one forward pass per 10 ms
/// frame costs one multiply-add per weight.
inline constexpr EdgeModelSpec rnnoise{
    .key = "rnnoise",
    .name = "RNNoise noise suppression",
    .parameters = 87503.0,
    .bytes_per_parameter = 1.0,
    .flops_per_inference = 2.0 * 87503.0 * flop,
    .provenance = {"Valin 2018, 'A Hybrid DSP/Deep Learning Approach to Real-Time Full-Band "
                   "Speech Enhancement' (MMSP), fig. 3 layer sizes: dense 24, GRU 24, GRU 48, "
                   "GRU 96, dense 22 + VAD 1 on 42 features -> 87,503 weights (derived, ~88k); "
                   "8-bit weights as in the reference code; 2 FLOP per weight per 10 ms frame",
                   SourceKind::paper}};

/// @brief The personalised part of an RNNoise-class denoiser on a hearable: the output layer
/// (96 GRU units -> 22 band gains), 2,134 fp32 weights = 8.5 kB, trained on device.
inline constexpr EdgeModelSpec noise_profile{
    .key = "noise-profile",
    .name = "Hearable noise profile (RNNoise output layer)",
    .parameters = 96.0 * 22.0 + 22.0,
    .bytes_per_parameter = 4.0,
    .flops_per_inference = 2.0 * (96.0 * 22.0 + 22.0) * flop,
    .provenance = {"didactic choice: personalise only RNNoise's output dense layer (Valin 2018, "
                   "fig. 3: 96 GRU units -> 22 band gains, 96*22 + 22 = 2,134 weights), kept "
                   "in fp32 for on-device training (Cortex-M4F/M33 FPU)",
                   SourceKind::didactic_assumption}};

/// @brief Every edge-model preset, for listing.
inline constexpr std::array<EdgeModelSpec, 5> edge_models{kws_dscnn, mobilenetv2, resnet50, rnnoise,
                                                          noise_profile};

/// @brief The transformer preset with this key.
/// @param key e.g. "gpt3-175b", "llama3-70b", "megatron-1t" (every key of `transformer_models`)
/// @return a reference to the preset in `transformer_models` (static storage)
/// @throws invalid_input listing the valid keys when the key is unknown:
///   "catalog: transformer model must be one of gpt2-1.5b, ..., megatron-1t (got "foo")"
/// @see is_transformer_model, to test a key without throwing
[[nodiscard]] inline const TransformerSpec& transformer_model(std::string_view key) {
  return find_by_key(transformer_models, key, "transformer model");
}

/// @brief The edge-model preset with this key.
/// @param key "kws-dscnn", "mobilenetv2", "resnet50", "rnnoise" or "noise-profile"
/// @return a reference to the preset in `edge_models` (static storage)
/// @throws invalid_input listing the valid keys when the key is unknown:
///   "catalog: edge model must be one of kws-dscnn, ..., noise-profile (got "foo")"
/// @see is_edge_model, to test a key without throwing
[[nodiscard]] inline const EdgeModelSpec& edge_model(std::string_view key) {
  return find_by_key(edge_models, key, "edge model");
}

/// @}

}  // namespace paradox::catalog
