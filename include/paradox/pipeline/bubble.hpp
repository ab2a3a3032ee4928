/// @file
/// @brief The pipeline bubble in closed form, under its two published names: the bubble
/// fraction (share of the step a stage sits idle) and the bubble overhead (idle time relative
/// to the ideal compute time), and the conversions between them.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/pipeline/in_flight.hpp"

namespace paradox::pipeline {

/// @addtogroup pipeline
/// @{

namespace detail {

inline constexpr void validate_bubble_shape(std::string_view function,
                                            const PipelineShape& shape) {
  require_at_least(function, "stages", shape.stages, 1);
  require_at_least(function, "microbatches", shape.microbatches, 1);
  require_at_least(function, "virtual_stages", shape.virtual_stages, 1);
}

}  // namespace detail

/// @brief Share of a step that each stage sits idle (fill and drain of the pipeline).
///
/// \f[ f = \frac{p - 1}{v\,m + p - 1} \f]
///
/// With uniform per-micro-batch times and free point-to-point transfers a step of GPipe or
/// 1F1B takes \f$(m + p - 1)(t_f + t_b)\f$ of which each stage computes \f$m (t_f + t_b)\f$
/// (Huang et al. 2019, "GPipe: Efficient Training of Giant Neural Networks using Pipeline
/// Parallelism", sec. 2.3: bubble \f$O(\frac{K-1}{M+K-1})\f$ for K partitions and M
/// micro-batches). The interleaved schedule divides the idle time by v (Narayanan et al. 2021,
/// "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", SC21,
/// sec. 2.2.2), which gives the v in the denominator. It is the bubble_fraction that
/// simulate() measures on a timeline. Example: p = 4, m = 8 gives 3/11; with v = 4, 3/35.
/// @param shape p stages, m micro-batches per step, v model chunks per device
/// @pre p >= 1, m >= 1, v >= 1 (the interleaving constraints are check_interleaving()'s)
/// @throws invalid_input "bubble fraction: stages must be >= 1 (got 0)" and likewise for
///   microbatches and virtual_stages
/// @return f in [0, 1): 0 for a single stage
/// @see bubble_overhead, fraction_from_overhead, simulate
[[nodiscard]] constexpr double bubble_fraction(const PipelineShape& shape) {
  detail::validate_bubble_shape("bubble fraction", shape);
  const double idle = static_cast<double>(shape.stages - 1);
  const double work = static_cast<double>(shape.virtual_stages) *
                      static_cast<double>(shape.microbatches);
  return idle / (work + idle);
}

/// @brief Idle time of a stage relative to its ideal (bubble-free) compute time.
///
/// \f[ x = \frac{t_{pb}}{t_{id}} = \frac{p - 1}{v\,m} \f]
///
/// Narayanan et al. 2021 (SC21), sec. 2.2.1: "bubble time fraction (pipeline bubble size)"
/// \f$= (p-1)/m\f$ for 1F1B, and sec. 2.2.2: \f$\frac{1}{v} \cdot \frac{p-1}{m}\f$ with v
/// chunks per device. A step takes \f$(1 + x)\f$ times its ideal compute. Despite the paper's
/// name it is not a share of the step: it exceeds 1 when m < p - 1 (the MLSys textbook's
/// p = 8, m = 4 example gives 175%). Example: p = 4, m = 8 gives 3/8; with v = 2, 3/16.
/// @param shape p stages, m micro-batches per step, v model chunks per device
/// @pre p >= 1, m >= 1, v >= 1
/// @throws invalid_input "bubble overhead: microbatches must be >= 1 (got 0)" and likewise
///   for stages and virtual_stages
/// @return x >= 0: 0 for a single stage
/// @see bubble_fraction, overhead_from_fraction
[[nodiscard]] constexpr double bubble_overhead(const PipelineShape& shape) {
  detail::validate_bubble_shape("bubble overhead", shape);
  return static_cast<double>(shape.stages - 1) /
         (static_cast<double>(shape.virtual_stages) * static_cast<double>(shape.microbatches));
}

/// @brief Converts a bubble overhead x into the bubble fraction f it implies.
///
/// \f$ f = \dfrac{x}{1 + x} \f$: the idle time \f$x\,t_{id}\f$ over the step
/// \f$(1 + x)\,t_{id}\f$. `fraction_from_overhead(bubble_overhead(s)) == bubble_fraction(s)`.
/// @param overhead_ratio x, finite and >= 0
/// @pre x >= 0 and finite
/// @throws invalid_input "bubble fraction from overhead: overhead_ratio must be >= 0 and
///   finite (got -1)"
/// @return f in [0, 1)
/// @see overhead_from_fraction
[[nodiscard]] constexpr double fraction_from_overhead(double overhead_ratio) {
  require_non_negative("bubble fraction from overhead", "overhead_ratio", overhead_ratio);
  return overhead_ratio / (1.0 + overhead_ratio);
}

/// @brief Converts a bubble fraction f into the bubble overhead x it implies.
///
/// \f$ x = \dfrac{f}{1 - f} \f$, the inverse of fraction_from_overhead(). A step model that
/// stretches the ideal compute by a bubble must multiply by \f$1 + x = 1/(1 - f)\f$, not by
/// \f$1 + f\f$.
/// @param bubble_fraction_value f, in [0, 1)
/// @pre 0 <= f < 1 (f = 1 would be a pipeline that never computes)
/// @throws invalid_input "bubble overhead from fraction: bubble_fraction must be in [0, 1)
///   (got 1)"
/// @return x >= 0
/// @see fraction_from_overhead
[[nodiscard]] constexpr double overhead_from_fraction(double bubble_fraction_value) {
  if (!(bubble_fraction_value >= 0.0 && bubble_fraction_value < 1.0))
    throw invalid_input("bubble overhead from fraction", "bubble_fraction", "be in [0, 1)",
                        paradox::detail::describe(bubble_fraction_value));
  return bubble_fraction_value / (1.0 - bubble_fraction_value);
}

/// @}

}  // namespace paradox::pipeline
