/// @file
/// @brief Accelerator presets: H100 SXM, H200, A100 80GB, B200, V100, TPU v4.
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/hardware/accelerator.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// Rental prices move monthly; these are round figures of on-demand cloud list prices (TPU v4's
/// $3.22 is Google Cloud's on-demand list price per chip-hour), kept
/// separate from the hardware figures so nobody mistakes them for a datasheet value.
inline constexpr Provenance price_assumption{
    "round on-demand cloud price per accelerator-hour, order of magnitude of 2024-2025 list "
    "prices; edit for your provider",
    SourceKind::didactic_assumption};

namespace detail {
/// How the achievable fractions were fitted: once, on the published runs named, with
/// parallel::evaluate() as it stands (matmuls at the fraction of peak, memory-bound element-wise
/// work and the optimizer step at HBM bandwidth, TrainingJob::activation_traffic_passes = 6.5),
/// then fixed (MODELS.md sec. 5: "fitted once on a stated subset of published runs and then
/// fixed, never a per-run constant"). tests/parallel/fidelity_test.cpp pins the fit and the
/// errors on the runs outside it; docs/fidelity.md tabulates them.
inline constexpr std::string_view h100_fit =
    "fitted once: the fraction for which parallel::evaluate() reproduces 430 TFLOP/s per GPU "
    "(BF16 MFU 43.5%) for Llama 3 405B on 8,192 H100s (Dubey et al. 2024, table 4, row 1: TP 8, "
    "CP 1, PP 16, DP 64, 16M-token batch at sequence 8,192), taking the best fitting "
    "interleaving, ZeRO stage, recomputation and sequence parallelism at those degrees; it then "
    "predicts 401 TFLOP/s for the 16,384-GPU row (published: 400) and 436 for the 128K-context "
    "row (published: 380)";
inline constexpr std::string_view a100_fit =
    "fitted once, jointly with TrainingJob::activation_traffic_passes (6.5), by least squares "
    "of the log error over every other A100 run of the validation set: Narayanan et al. 2021 "
    "(SC21), table 1, rows 1, 3, 5, 7, 9, and Korthikanti et al. 2022, table 5, the four "
    "full-recomputation runs and sec. 6.3's 530B on 2,240 GPUs; each at its published degrees "
    "and batch, best interleaving where unpublished. Fit rms log error 5.1%; the nine A100 runs "
    "held out "
    "are predicted within 11% (mean 4.8%)";
}  // namespace detail

/// @brief NVIDIA H100 SXM5 80GB.
///
/// Dense peaks are half of the datasheet's "with sparsity" tensor-core figures: BF16/FP16
/// 1,979 -> 989 TFLOP/s, FP8/INT8 3,958 -> 1,979, TF32 989 -> 494.5; FP64 is the tensor-core
/// figure (67; vector FP64 is 34), FP32 67 TFLOP/s.
///
/// HBM capacity, one convention for every accelerator: the capacity the cited datasheet prints,
/// in the unit it prints (NVIDIA's "GB" = 10^9 B, Google's "GiB" = 2^30 B). The driver reports
/// a little more (nvidia-smi: 81,559 MiB = 85.5e9 B for this GPU) and frameworks a little less
/// after their own reservations; the memory models carry that headroom explicitly.
inline constexpr Accelerator h100_sxm{
    .key = "h100-sxm",
    .name = "NVIDIA H100 SXM5 80GB",
    .dense_peak = {.fp64 = 67.0 * teraflop_per_second,
                   .fp32 = 67.0 * teraflop_per_second,
                   .tf32 = 494.5 * teraflop_per_second,
                   .bf16 = 989.0 * teraflop_per_second,
                   .fp16 = 989.0 * teraflop_per_second,
                   .fp8 = 1979.0 * teraflop_per_second,
                   .int8 = 1979.0 * teraflop_per_second},
    .hbm_capacity = 80.0 * gigabytes,
    .hbm_bandwidth = 3.35 * terabytes_per_second,
    .tdp = 700.0 * watts,
    .price_per_hour = 3.0 * dollars_per_hour,
    .provenance = {"NVIDIA H100 Tensor Core GPU datasheet (SXM5 column; dense = sparse / 2; "
                   "FP64 = FP64 Tensor Core): 80 GB HBM3, 3.35 TB/s, up to 700 W",
                   SourceKind::datasheet,
                   {{{"achievable_fraction", detail::h100_fit, SourceKind::paper}}}},
    .price_provenance = price_assumption,
    .achievable_fraction = 0.789};

/// @brief NVIDIA H200 SXM 141GB: H100 compute with 141 GB HBM3e at 4.8 TB/s.
inline constexpr Accelerator h200{
    .key = "h200",
    .name = "NVIDIA H200 SXM 141GB",
    .dense_peak = h100_sxm.dense_peak,
    .hbm_capacity = 141.0 * gigabytes,
    .hbm_bandwidth = 4.8 * terabytes_per_second,
    .tdp = 700.0 * watts,
    .price_per_hour = 3.8 * dollars_per_hour,
    .provenance = {"NVIDIA H200 Tensor Core GPU datasheet (SXM): 141 GB HBM3e, 4.8 TB/s, up "
                   "to 700 W; tensor-core peaks identical to H100 SXM (dense = sparse / 2)",
                   SourceKind::datasheet,
                   {{{"achievable_fraction",
                      "didactic assumption: the H100 SXM's fitted fraction (same GH100 compute; "
                      "the larger, faster HBM is not credited)",
                      SourceKind::didactic_assumption}}}},
    .price_provenance = price_assumption,
    .achievable_fraction = h100_sxm.achievable_fraction};

/// @brief NVIDIA A100 SXM4 80GB: BF16 312 TFLOP/s dense.
inline constexpr Accelerator a100_80gb{
    .key = "a100-80gb",
    .name = "NVIDIA A100 SXM4 80GB",
    .dense_peak = {.fp64 = 19.5 * teraflop_per_second,
                   .fp32 = 19.5 * teraflop_per_second,
                   .tf32 = 156.0 * teraflop_per_second,
                   .bf16 = 312.0 * teraflop_per_second,
                   .fp16 = 312.0 * teraflop_per_second,
                   .fp8 = FlopRate{},
                   .int8 = 624.0 * teraflop_per_second},
    .hbm_capacity = 80.0 * gigabytes,
    .hbm_bandwidth = 2039.0 * gigabytes_per_second,
    .tdp = 400.0 * watts,
    .price_per_hour = 1.8 * dollars_per_hour,
    .provenance = {"NVIDIA A100 Tensor Core GPU datasheet (80GB SXM column, dense figures; "
                   "FP64 = FP64 Tensor Core; no FP8): 80 GB HBM2e, 2,039 GB/s, 400 W (the driver "
                   "reports 81,920 MiB)",
                   SourceKind::datasheet,
                   {{{"achievable_fraction", detail::a100_fit, SourceKind::paper}}}},
    .price_provenance = price_assumption,
    .achievable_fraction = 0.685};

/// @brief NVIDIA B200 (HGX B200 configuration).
inline constexpr Accelerator b200{
    .key = "b200",
    .name = "NVIDIA B200 (HGX)",
    .dense_peak = {.fp64 = 37.0 * teraflop_per_second,
                   .fp32 = 75.0 * teraflop_per_second,
                   .tf32 = 1125.0 * teraflop_per_second,
                   .bf16 = 2250.0 * teraflop_per_second,
                   .fp16 = 2250.0 * teraflop_per_second,
                   .fp8 = 4500.0 * teraflop_per_second,
                   .int8 = 4500.0 * teraflop_per_second},
    .hbm_capacity = 180.0 * gigabytes,
    .hbm_bandwidth = 8.0 * terabytes_per_second,
    .tdp = 1000.0 * watts,
    .price_per_hour = 5.0 * dollars_per_hour,
    .provenance = {"NVIDIA DGX B200 / HGX B200 datasheets divided by 8 GPUs: 1,440 GB and "
                   "64 TB/s HBM3e, 72 PFLOP/s FP8 training with sparsity (dense = sparse / 2); "
                   "up to 1,000 W per GPU; HGX B200 per-GPU table: FP64 37, FP32 75 TFLOP/s "
                   "(the HGX page prints 7.7 TB/s HBM bandwidth; the DGX datasheet's 64 TB/s / 8 = "
                   "8.0 TB/s is stored)",
                   SourceKind::datasheet},
    .price_provenance = price_assumption};

/// @brief NVIDIA V100 SXM2 32GB: 125 TFLOP/s FP16 tensor core; no BF16, TF32 or FP8.
inline constexpr Accelerator v100{
    .key = "v100",
    .name = "NVIDIA V100 SXM2 32GB",
    .dense_peak = {.fp64 = 7.8 * teraflop_per_second,
                   .fp32 = 15.7 * teraflop_per_second,
                   .tf32 = FlopRate{},
                   .bf16 = FlopRate{},
                   .fp16 = 125.0 * teraflop_per_second,
                   .fp8 = FlopRate{},
                   .int8 = FlopRate{}},
    .hbm_capacity = 32.0 * gigabytes,
    .hbm_bandwidth = 900.0 * gigabytes_per_second,
    .tdp = 300.0 * watts,
    .price_per_hour = 0.9 * dollars_per_hour,
    .provenance = {"NVIDIA Tesla V100 datasheet (SXM2 column); INT8 tensor cores not listed, "
                   "so stored as unsupported",
                   SourceKind::datasheet},
    .price_provenance = price_assumption};

/// @brief Google TPU v4 chip: 275 TFLOP/s BF16 (and INT8), 32 GiB HBM2 at 1,200 GB/s.
inline constexpr Accelerator tpu_v4{
    .key = "tpu-v4",
    .name = "Google TPU v4",
    .dense_peak = {.fp64 = FlopRate{},
                   .fp32 = FlopRate{},
                   .tf32 = FlopRate{},
                   .bf16 = 275.0 * teraflop_per_second,
                   .fp16 = FlopRate{},
                   .fp8 = FlopRate{},
                   .int8 = 275.0 * teraflop_per_second},
    .hbm_capacity = 32.0 * gibibytes,
    .hbm_bandwidth = 1200.0 * gigabytes_per_second,
    .tdp = 192.0 * watts,
    .price_per_hour = 3.22 * dollars_per_hour,
    .provenance = {"Jouppi et al. 2023, 'TPU v4: An Optically Reconfigurable Supercomputer' "
                   "(ISCA), chip table: 275 TFLOP/s bf16/int8, 32 GiB HBM2, 1,200 GB/s. No "
                   "TDP is published. Only bf16/int8 matrix peaks are listed",
                   SourceKind::paper,
                   {{{"tdp",
                      "Jouppi et al. 2023: no TDP is published; 192 W is the maximum "
                      "measured chip power the paper reports, stored in its place",
                      SourceKind::measured}}}},
    .price_provenance = price_assumption};

/// @brief Every accelerator preset, for listing.
inline constexpr std::array<Accelerator, 6> accelerators{h100_sxm, h200, a100_80gb,
                                                         b200,     v100, tpu_v4};

/// @brief The accelerator preset with this key.
/// @param key "h100-sxm", "h200", "a100-80gb", "b200", "v100" or "tpu-v4"
/// @return a reference to the preset in `accelerators` (static storage)
/// @throws invalid_input listing the valid keys when the key is unknown:
///   "catalog: accelerator must be one of h100-sxm, h200, a100-80gb, b200, v100, tpu-v4
///   (got "foo")"
[[nodiscard]] inline const Accelerator& accelerator(std::string_view key) {
  return find_by_key(accelerators, key, "accelerator");
}

/// @}

}  // namespace paradox::catalog
