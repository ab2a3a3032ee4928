/// @file
/// @brief Accelerator: dense peak FLOP/s per precision, HBM, TDP, price, provenance.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief Numeric precision of the arithmetic an accelerator performs.
enum class Precision { fp64, fp32, tf32, bf16, fp16, fp8, int8 };

/// @brief Every Precision, in declaration order (for printing tables).
inline constexpr std::array<Precision, 7> all_precisions{
    Precision::fp64, Precision::fp32, Precision::tf32, Precision::bf16,
    Precision::fp16, Precision::fp8,  Precision::int8};

/// @brief Lower-case spelling of a precision, as used by the CLI and in error messages.
/// @param p the precision
/// @return "fp64", "fp32", "tf32", "bf16", "fp16", "fp8" or "int8"; "unknown" for a value
///   outside the enumeration (e.g. a cast integer)
/// @see parse_precision
[[nodiscard]] constexpr std::string_view to_string(Precision p) noexcept {
  switch (p) {
    case Precision::fp64:
      return "fp64";
    case Precision::fp32:
      return "fp32";
    case Precision::tf32:
      return "tf32";
    case Precision::bf16:
      return "bf16";
    case Precision::fp16:
      return "fp16";
    case Precision::fp8:
      return "fp8";
    case Precision::int8:
      return "int8";
  }
  return "unknown";
}

/// @brief Parses the spelling produced by to_string(Precision), the inverse of that function.
/// @param text the spelling; the match is exact and case-sensitive ("bf16", not "BF16")
/// @return the precision, or std::nullopt when `text` spells none (callers such as the CLI turn
///   that into their own error listing the valid spellings)
/// @see to_string(Precision), all_precisions
[[nodiscard]] constexpr std::optional<Precision> parse_precision(std::string_view text) noexcept {
  for (Precision p : all_precisions)
    if (to_string(p) == text) return p;
  return std::nullopt;
}

/// @brief Dense (no structured sparsity) peak rate per precision. Zero means unsupported.
///
/// Vendors quote tensor-core figures "with sparsity" (2:4 structured sparsity doubles them);
/// these fields hold the dense figure, i.e. half of a sparse one. INT8 is in operations per
/// second, stored as FlopRate.
struct DensePeak {
  FlopRate fp64{};  ///< FP64 (tensor core where available)
  FlopRate fp32{};  ///< FP32 (non-tensor)
  FlopRate tf32{};  ///< TF32 tensor core
  FlopRate bf16{};  ///< BF16 tensor core
  FlopRate fp16{};  ///< FP16 tensor core
  FlopRate fp8{};   ///< FP8 tensor core
  FlopRate int8{};  ///< INT8 tensor core (operations per second)
};

/// @brief A data-centre accelerator (GPU, TPU chip).
struct Accelerator {
  std::string_view key{};           ///< lower-case catalog key, e.g. "h100-sxm"
  std::string_view name{};          ///< display name
  DensePeak dense_peak{};           ///< dense peak per precision; zero = unsupported
  Bytes hbm_capacity{};             ///< usable device memory
  Bandwidth hbm_bandwidth{};        ///< peak memory bandwidth
  Watts tdp{};                      ///< thermal design power (board / module)
  DollarsPerHour price_per_hour{};  ///< rental price of one accelerator
  Provenance provenance{};          ///< compute, memory and power figures
  Provenance price_provenance{};    ///< prices are market figures: usually a didactic assumption
  /// Share of the dense peak that a training step's matmuls reach on this accelerator, the
  /// compute efficiency of parallel::evaluate() (MODELS.md sec. 5: a sourced catalog figure per
  /// generation, never a per-run constant); 0 = not known. Its source is the provenance's
  /// "achievable_fraction" figure.
  double achievable_fraction = 0.0;
};

namespace detail {
/// The stored dense peak of `acc` at `p`, zero when unsupported.
[[nodiscard]] constexpr FlopRate stored_peak(const Accelerator& acc, Precision p) noexcept {
  switch (p) {
    case Precision::fp64:
      return acc.dense_peak.fp64;
    case Precision::fp32:
      return acc.dense_peak.fp32;
    case Precision::tf32:
      return acc.dense_peak.tf32;
    case Precision::bf16:
      return acc.dense_peak.bf16;
    case Precision::fp16:
      return acc.dense_peak.fp16;
    case Precision::fp8:
      return acc.dense_peak.fp8;
    case Precision::int8:
      return acc.dense_peak.int8;
  }
  return FlopRate{};
}
}  // namespace detail

/// @brief Whether `acc` can run precision `p` at all: its stored dense peak at `p` is > 0.
/// @param acc the accelerator
/// @param p the precision
/// @return true when the dense peak at `p` is positive; false when it is zero (unsupported,
///   e.g. fp8 on an A100) or not a positive number
/// @see peak, which throws instead of returning false
[[nodiscard]] constexpr bool supports(const Accelerator& acc, Precision p) noexcept {
  return detail::stored_peak(acc, p) > FlopRate{};
}

/// @brief Dense peak rate of `acc` at precision `p`.
/// @param acc the accelerator
/// @param p the precision
/// @return the dense peak FLOP/s (operations per second for int8)
/// @throws invalid_input when the accelerator does not support `p` (its peak is zero):
///   "accelerator peak: precision must be supported by NVIDIA V100 SXM2 32GB (got fp8)"
[[nodiscard]] constexpr FlopRate peak(const Accelerator& acc, Precision p) {
  const FlopRate rate = detail::stored_peak(acc, p);
  if (!(rate > FlopRate{}))
    throw invalid_input("accelerator peak", "precision", "be supported by " + std::string(acc.name),
                        std::string(to_string(p)));
  return rate;
}

/// @brief Checks an accelerator: name and provenance present, every peak finite and >= 0,
/// at least one precision supported, memory, bandwidth and TDP > 0, price >= 0.
/// @param acc the accelerator to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "accelerator: tdp must be > 0 and finite (got 0 W)" or
///   "accelerator: dense_peak must support at least one precision (got none)"
inline void validate(const Accelerator& acc) {
  constexpr std::string_view fn = "accelerator";
  require_non_empty(fn, "name", acc.name);
  bool any = false;
  for (Precision p : all_precisions) {
    require_finite(fn, to_string(p), detail::stored_peak(acc, p));
    any = any || supports(acc, p);
  }
  require_non_negative(fn, "dense_peak.fp64", acc.dense_peak.fp64);
  require_non_negative(fn, "dense_peak.fp32", acc.dense_peak.fp32);
  require_non_negative(fn, "dense_peak.tf32", acc.dense_peak.tf32);
  require_non_negative(fn, "dense_peak.bf16", acc.dense_peak.bf16);
  require_non_negative(fn, "dense_peak.fp16", acc.dense_peak.fp16);
  require_non_negative(fn, "dense_peak.fp8", acc.dense_peak.fp8);
  require_non_negative(fn, "dense_peak.int8", acc.dense_peak.int8);
  if (!any) throw invalid_input(fn, "dense_peak", "support at least one precision", "none");
  require_positive(fn, "hbm_capacity", acc.hbm_capacity);
  require_fraction(fn, "achievable_fraction", acc.achievable_fraction);
  require_positive(fn, "hbm_bandwidth", acc.hbm_bandwidth);
  require_positive(fn, "tdp", acc.tdp);
  require_non_negative(fn, "price_per_hour", acc.price_per_hour);
  validate(fn, acc.provenance);
}

/// @}

}  // namespace paradox
