/// @file
/// @brief End-to-end training time, tokens trained in a given time, and the cost of a run
/// (Megatron-LM 2021, eq. 4).
#pragma once

#include <string_view>

#include "paradox/compute/flops_per_token.hpp"
#include "paradox/compute/recomputation.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::compute {

/// @addtogroup compute
/// @{

/// @brief A model trained on a fleet at a sustained rate.
struct TrainingSetup {
  double parameters = 0.0;  ///< P, the model's parameters
  int accelerators = 0;     ///< n, accelerators training it
  /// X, FLOP/s each accelerator sustains, counted as Megatron counts them (eq. 3: with the
  /// recomputation FLOPs when there is recomputation)
  FlopRate achieved_per_accelerator{};
  /// full: 8 FLOPs per parameter and token; none or selective: 6 (see training_flops())
  Recomputation recomputation = Recomputation::none;
};

/// @brief FLOPs per parameter and token that Megatron's eq. 4 charges: 8 with full
/// recomputation (forward, backward, forward again), 6 otherwise.
///
/// Eq. 4 neglects the attention term (\f$s/(6h)\f$) and the LM head; selective recomputation
/// repeats only attention work, so it is charged like none.
/// @param r the recomputation
/// @return 8 for full, 6 for none and selective
[[nodiscard]] constexpr double flops_per_parameter_token(Recomputation r) noexcept {
  return r == Recomputation::full ? 8.0 : 6.0;
}

namespace detail {
constexpr void validate(const TrainingSetup& setup, std::string_view fn) {
  require_positive(fn, "parameters", setup.parameters);
  require_at_least(fn, "accelerators", setup.accelerators, 1);
  require_positive(fn, "achieved_per_accelerator", setup.achieved_per_accelerator);
}
}  // namespace detail

/// @brief The FLOPs a run of `tokens` tokens executes: \f$c\,T P\f$ with c =
/// flops_per_parameter_token() (8 or 6).
/// @param setup P and the recomputation (the fleet is checked but not used)
/// @param tokens T, tokens trained (> 0 and finite)
/// @pre parameters and tokens > 0; accelerators >= 1; achieved_per_accelerator > 0
/// @throws invalid_input naming the first offending field, e.g.
///   "training flops: tokens must be > 0 and finite (got 0)"
/// @return the run's FLOPs (GPT-3, full recomputation: 8 x 300e9 x 175e9 = 4.2e23)
[[nodiscard]] constexpr FlopCount training_flops(const TrainingSetup& setup, double tokens) {
  constexpr std::string_view fn = "training flops";
  detail::validate(setup, fn);
  require_positive(fn, "tokens", tokens);
  const double flops = flops_per_parameter_token(setup.recomputation) * tokens * setup.parameters;
  detail::require_finite_result(fn, "tokens", flops, tokens);
  return flops * flop;
}

/// @brief End-to-end training time (Megatron-LM, Narayanan et al. 2021, SC21, eq. 4).
///
/// \f[ t \approx \frac{8\,T P}{n X} \text{ (full recomputation)}, \qquad
///     t \approx \frac{6\,T P}{n X} \text{ (none, selective)} \f]
/// Check (sec. 5.1 text): GPT-3, P = 175e9, T = 300e9 tokens, n = 1024 A100s at X = 140
/// TFLOP/s, full recomputation: 2.93e6 s, "about 34 days"; the 1T model, 450e9 tokens on 3072
/// GPUs at 163 TFLOP/s: "about 84 days".
/// @param setup P, n, X and the recomputation
/// @param tokens T, tokens to train on (> 0 and finite)
/// @pre as training_flops()
/// @throws invalid_input as training_flops(), with "training time" as the function
/// @return the training time
/// @see tokens_trained, training_cost
[[nodiscard]] constexpr Seconds training_time(const TrainingSetup& setup, double tokens) {
  constexpr std::string_view fn = "training time";
  detail::validate(setup, fn);
  require_positive(fn, "tokens", tokens);
  const double flops = flops_per_parameter_token(setup.recomputation) * tokens * setup.parameters;
  const double rate =
      static_cast<double>(setup.accelerators) * value_in<flop_per_second_unit>(setup.achieved_per_accelerator);
  detail::require_finite_result(fn, "tokens", flops / rate, tokens);
  return flops / rate * seconds;
}

/// @brief Tokens a fleet trains in a given time: eq. 4 solved for T,
/// \f$ T = \frac{n X t}{c P} \f$ with c = 8 (full) or 6.
/// @param setup P, n, X and the recomputation
/// @param time t, wall-clock training time (> 0 and finite)
/// @pre parameters > 0, accelerators >= 1, achieved_per_accelerator > 0, time > 0
/// @throws invalid_input naming the offending field, e.g.
///   "tokens trained: time must be > 0 and finite (got 0 s)"
/// @return the tokens trained (GPT-3's fleet in 34 days: 300e9)
/// @see training_time
[[nodiscard]] constexpr double tokens_trained(const TrainingSetup& setup, Seconds time) {
  constexpr std::string_view fn = "tokens trained";
  detail::validate(setup, fn);
  require_positive(fn, "time", time);
  const double flops = static_cast<double>(setup.accelerators) *
                       value_in<flop_per_second_unit>(setup.achieved_per_accelerator) *
                       value_in<second_unit>(time);
  const double tokens = flops / (flops_per_parameter_token(setup.recomputation) * setup.parameters);
  detail::require_finite_result(fn, "time", tokens, time);
  return tokens;
}

/// @brief A training run: the setup, its tokens and the rental price of one accelerator.
struct TrainingRun {
  TrainingSetup setup{};  ///< P, n, X, recomputation
  double tokens = 0.0;    ///< T
  /// price of one accelerator-hour (a catalog accelerator's price_per_hour); >= 0
  DollarsPerHour price_per_accelerator_hour{};
};

/// @brief Time, accelerator-hours and cost of a training run.
struct TrainingCost {
  FlopCount flops;           ///< training_flops()
  Seconds time;              ///< training_time()
  double accelerator_hours;  ///< n x time in hours
  Dollars cost;              ///< accelerator_hours x price per accelerator-hour
};

/// @brief What a run takes and costs: \f$t\f$ from eq. 4, \f$n t\f$ accelerator-hours, and
/// \f$n t \cdot p\f$ dollars at p per accelerator-hour.
///
/// Check: GPT-3 on 1024 A100s (34 days, eq. 4) is 8.33e5 accelerator-hours, $1.50M at $1.80
/// per A100-hour.
/// @param run the setup, the tokens and the price per accelerator-hour
/// @pre as training_time(); price_per_accelerator_hour >= 0 and finite
/// @throws invalid_input as training_time(), with "training cost" as the function, or
///   "training cost: price_per_accelerator_hour must be >= 0 and finite (got -1 USD/s)"
/// @return the run's FLOPs, time, accelerator-hours and cost
/// @see training_time
[[nodiscard]] constexpr TrainingCost training_cost(const TrainingRun& run) {
  constexpr std::string_view fn = "training cost";
  detail::validate(run.setup, fn);
  require_positive(fn, "tokens", run.tokens);
  require_non_negative(fn, "price_per_accelerator_hour", run.price_per_accelerator_hour);
  const Seconds time = training_time(run.setup, run.tokens);
  const double hours =
      static_cast<double>(run.setup.accelerators) * value_in<hour_unit>(time);
  // USD per hour x accelerator-seconds: the quantities carry the hour-to-second conversion.
  const Dollars cost =
      run.price_per_accelerator_hour * (static_cast<double>(run.setup.accelerators) * time);
  return {.flops = training_flops(run.setup, run.tokens),
          .time = time,
          .accelerator_hours = hours,
          .cost = cost};
}

/// @}

}  // namespace paradox::compute
