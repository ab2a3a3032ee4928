/// @file
/// @brief Pipeline schedules and how many micro-batches' activations a stage holds at its
/// peak: the number the activation memory of a pipeline stage is multiplied by.
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>

#include "paradox/error.hpp"

namespace paradox::pipeline {

/// @addtogroup pipeline
/// @{

/// @brief The pipeline schedules the models cover.
enum class Schedule {
  gpipe,           ///< all forwards, then all backwards (Huang et al. 2019, GPipe)
  one_f_one_b,     ///< 1F1B, PipeDream-Flush (Narayanan et al. 2021, SC21, sec. 2.2.1)
  interleaved_1f1b ///< 1F1B over v model chunks per device (Narayanan et al. 2021, sec. 2.2.2)
};

/// @brief CLI spelling of a schedule: "gpipe", "1f1b" or "interleaved".
/// @param s the schedule
/// @return its spelling, as parse_schedule reads it
[[nodiscard]] constexpr std::string_view to_string(Schedule s) noexcept {
  switch (s) {
    case Schedule::gpipe:
      return "gpipe";
    case Schedule::one_f_one_b:
      return "1f1b";
    case Schedule::interleaved_1f1b:
      return "interleaved";
  }
  return "unknown";
}

/// @brief Parses "gpipe", "1f1b" or "interleaved".
/// @param text the spelling
/// @return the schedule, or std::nullopt for anything else
[[nodiscard]] constexpr std::optional<Schedule> parse_schedule(std::string_view text) noexcept {
  for (Schedule s : {Schedule::gpipe, Schedule::one_f_one_b, Schedule::interleaved_1f1b})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

/// @brief A pipeline: p stages, m micro-batches per step, v model chunks per device.
struct PipelineShape {
  int stages = 1;          ///< p, pipeline-parallel degree
  int microbatches = 1;    ///< m, micro-batches per optimizer step
  int virtual_stages = 1;  ///< v, model chunks per device (interleaved schedule; 1 otherwise)
};

/// @brief Micro-batches whose activations stage `stage` holds at its peak, in units of one
/// micro-batch through all of the stage's layers.
///
/// - GPipe: every stage runs all m forwards before the first backward, so it holds \f$m\f$.
/// - 1F1B: stage \f$i\f$ (0-based) runs \f$p - i - 1\f$ warm-up forwards, then alternates one
///   forward and one backward, so it holds \f$\min(p - i, m)\f$; the first stage holds
///   \f$p\f$ when \f$m \ge p\f$, independent of m (Narayanan et al. 2021, sec. 2.2.1).
/// - Interleaved 1F1B: each device holds v chunks of \f$L/(p v)\f$ layers and runs
///   \f$w_i = 2(p - i - 1) + (v - 1) p\f$ warm-up chunk-forwards (capped at \f$m v\f$), the
///   schedule of Megatron-LM's `forward_backward_pipelining_with_interleaving`
///   (NVIDIA/Megatron-LM, megatron/core/pipeline_parallel/schedules.py); it holds
///   \f$\min(w_i + 1, m v)\f$ chunk-micro-batches of \f$1/v\f$ of the stage each:
///   \f$\min(w_i + 1, m v) / v\f$. For the first stage that is
///   \f$p\,(1 + \frac{p - 1}{p v})\f$, the factor of Korthikanti et al. 2022 ("Reducing
///   Activation Recomputation in Large Transformer Models", sec. 4.2.3), whose m there counts
///   interleaved stages.
/// @param schedule the schedule
/// @param shape p, m and v
/// @param stage the stage (device) index, in [0, p)
/// @pre p >= 1, m >= 1, v >= 1 (ignored unless interleaved, which needs v >= 2); 0 <= stage < p
/// @throws invalid_input naming the parameter, e.g.
///   "held micro-batches: stage must be in [0, 3] (got 4)"
/// @return the held micro-batch equivalents (an integer except for the interleaved schedule)
[[nodiscard]] constexpr double held_microbatches(Schedule schedule, const PipelineShape& shape,
                                                 int stage) {
  constexpr std::string_view fn = "held micro-batches";
  require_at_least(fn, "stages", shape.stages, 1);
  require_at_least(fn, "microbatches", shape.microbatches, 1);
  require_at_least(fn, "virtual_stages", shape.virtual_stages, 1);
  require_in_range(fn, "stage", stage, 0, shape.stages - 1);
  const long long p = shape.stages;
  const long long m = shape.microbatches;
  const long long v = shape.virtual_stages;
  switch (schedule) {
    case Schedule::gpipe:
      return static_cast<double>(m);
    case Schedule::one_f_one_b:
      return static_cast<double>(std::min(p - stage, m));
    case Schedule::interleaved_1f1b: {
      // Megatron-LM runs this schedule only with v >= 2 chunks; with v = 1 its warm-up
      // 2(p - i - 1) is not 1F1B's, so v = 1 is refused rather than silently mispriced.
      require_at_least(fn, "virtual_stages", shape.virtual_stages, 2);
      const long long warmup = 2 * (p - stage - 1) + (v - 1) * p;
      return static_cast<double>(std::min(warmup + 1, m * v)) / static_cast<double>(v);
    }
  }
  return static_cast<double>(m);
}

/// @}

}  // namespace paradox::pipeline
