/// @file
/// @brief Model FLOPs utilization (MFU) and hardware FLOPs utilization (HFU) of a training run
/// (Chowdhery et al. 2022, "PaLM", sec. 4.1 and appendix B).
#pragma once

#include <string_view>

#include "paradox/compute/flops_per_token.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief A measured training throughput and the machine it ran on.
struct UtilizationInput {
  double tokens_per_second = 0.0;  ///< observed throughput of the whole job, tokens/s
  /// model FLOPs per token: training_flops_per_token() (6N, plus the attention term if counted)
  FlopCount model_flops_per_token{};
  /// FLOPs recomputation adds per token: recomputed_flops_per_token(), or a figure of your own
  /// (PaLM 540B recomputed 75% of its weight forward pass and all of its attention forward)
  FlopCount recomputed_flops_per_token{};
  int chips = 0;             ///< accelerators the job ran on
  FlopRate peak_per_chip{};  ///< dense peak of one accelerator at the training precision
};

/// @brief MFU and HFU of a run, and the FLOP rates they compare.
struct Utilization {
  FlopRate model_flop_rate;     ///< tokens/s x model FLOPs per token
  FlopRate hardware_flop_rate;  ///< tokens/s x (model + recomputed) FLOPs per token
  FlopRate peak_flop_rate;      ///< chips x peak per chip
  double mfu;                   ///< model_flop_rate / peak_flop_rate
  double hfu;                   ///< hardware_flop_rate / peak_flop_rate; >= mfu
};

/// @brief Model and hardware FLOPs utilization of a training run.
///
/// \f[ \mathrm{MFU} = \frac{R \cdot F_\mathrm{model}}{n \cdot P}, \qquad
///     \mathrm{HFU} = \frac{R \cdot (F_\mathrm{model} + F_\mathrm{recomputed})}{n \cdot P} \f]
/// with R tokens/s, F FLOPs per token, n chips and P the peak of one chip (Chowdhery et al.
/// 2022, "PaLM: Scaling Language Modeling with Pathways", sec. 4.1 and appendix B: MFU is the
/// observed throughput relative to the throughput of a system at peak FLOP/s computing only
/// the forward and backward passes; HFU also counts rematerialization, so it depends on the
/// implementation while MFU does not).
///
/// Check (PaLM, appendix B and table 22): 540B at 238.3k tokens/s on 6144 TPU v4 chips of
/// 275 TFLOP/s: 45.7% MFU counting 6N only, 46.2% with the full attention term
/// (3.28 TFLOP/token), 57.8% HFU with rematerialization (4.10 TFLOP/token).
///
/// MFU above 1 is returned as computed: it means the inputs claim more FLOP/s than the peak.
/// @param in throughput, FLOPs per token, chips and peak
/// @pre tokens_per_second, model_flops_per_token and peak_per_chip > 0 and finite;
///   recomputed_flops_per_token >= 0 and finite; chips >= 1
/// @throws invalid_input naming the first offending field, e.g.
///   "utilization: chips must be >= 1 (got 0)"
/// @return the rates and the two utilizations
/// @see training_flops_per_token, recomputed_flops_per_token, fraction_of_peak
[[nodiscard]] constexpr Utilization utilization(const UtilizationInput& in) {
  constexpr std::string_view fn = "utilization";
  require_positive(fn, "tokens_per_second", in.tokens_per_second);
  require_positive(fn, "model_flops_per_token", in.model_flops_per_token);
  require_non_negative(fn, "recomputed_flops_per_token", in.recomputed_flops_per_token);
  require_at_least(fn, "chips", in.chips, 1);
  require_positive(fn, "peak_per_chip", in.peak_per_chip);
  const double rate = in.tokens_per_second;
  const FlopRate model = rate * in.model_flops_per_token / seconds;
  const FlopRate hardware =
      rate * (in.model_flops_per_token + in.recomputed_flops_per_token) / seconds;
  const FlopRate peak = static_cast<double>(in.chips) * in.peak_per_chip;
  detail::require_finite_result(fn, "tokens_per_second", value_in<flop_per_second_unit>(hardware),
                                in.tokens_per_second);
  detail::require_finite_result(fn, "peak_per_chip", value_in<flop_per_second_unit>(peak),
                                in.peak_per_chip);
  return {.model_flop_rate = model,
          .hardware_flop_rate = hardware,
          .peak_flop_rate = peak,
          .mfu = value_in<flop_per_second_unit>(model) / value_in<flop_per_second_unit>(peak),
          .hfu = value_in<flop_per_second_unit>(hardware) / value_in<flop_per_second_unit>(peak)};
}

/// @brief Achieved FLOP/s of one accelerator as a fraction of its peak, \f$X / P\f$.
///
/// Megatron-LM reports achieved FLOP/s per GPU computed with its eq. 3 (which counts
/// recomputation): that fraction is an HFU, e.g. 163 TFLOP/s of 312 = 52% for the 1T model on
/// 3072 A100s (Narayanan et al. 2021, abstract and table 1).
/// @param achieved X, FLOP/s one accelerator achieves (> 0 and finite)
/// @param peak P, its dense peak (> 0 and finite)
/// @throws invalid_input "fraction of peak: peak must be > 0 and finite (got 0 FLOP/s)"
/// @return X / P
/// @see utilization
[[nodiscard]] constexpr double fraction_of_peak(FlopRate achieved, FlopRate peak) {
  require_positive("fraction of peak", "achieved", achieved);
  require_positive("fraction of peak", "peak", peak);
  return value_in<flop_per_second_unit>(achieved) / value_in<flop_per_second_unit>(peak);
}

/// @}

}  // namespace paradox::compute
