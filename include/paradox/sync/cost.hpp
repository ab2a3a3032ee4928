/// @file
/// @brief The cost of waiting at the barrier: idle accelerator-hours and dollars per month, and
/// the comparison of switching to asynchronous updates against another option (a different
/// layout, e.g. one that ZeRO makes possible) by time and dollars to target.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/sync/convergence.hpp"
#include "paradox/sync/distributions.hpp"
#include "paradox/sync/order_statistics.hpp"
#include "paradox/sync/sgd_modes.hpp"
#include "paradox/units.hpp"

namespace paradox::sync {

/// @addtogroup sync
/// @{

/// @brief Hours in an average month, 8760 h / 12 = 730 h (the convention of cloud price
/// sheets, which quote a month of an instance as 730 hours).
inline constexpr Seconds hours_per_month = 730.0 * hours;

/// @brief A synchronous fleet's barrier: how long a step takes and how long a worker works.
struct BarrierWait {
  Seconds expected_step{};      ///< E[max of the workers' step times], > 0
  Seconds mean_busy_time{};     ///< mean over workers of one step's compute, in (0, expected_step]
  int accelerators = 1;         ///< accelerators held at the barrier, >= 1
  DollarsPerHour price_per_accelerator_hour{};  ///< price of one accelerator-hour, >= 0
  Seconds period = hours_per_month;             ///< accounting period, > 0 (a month)
};

/// @brief What waiting at the barrier costs over the period.
struct WaitingCost {
  double idle_fraction = 0.0;       ///< (E[max] - E[busy]) / E[max], in [0, 1)
  Seconds idle_accelerator_time{};  ///< summed over accelerators: in hours, accelerator-hours
  Dollars dollars{};                ///< idle accelerator-hours x price
};

/// @brief Idle accelerator-hours at the barrier and their price.
///
/// Every step each worker computes for its own step time and then waits for the slowest, so a
/// share \f$(E[\max] - E[\bar X]) / E[\max]\f$ of the fleet's time is idle (MODELS.md sec. 6):
/// idle accelerator-hours = that share x accelerators x hours in the period, dollars = idle
/// accelerator-hours x price per accelerator-hour.
/// @param in the barrier, the fleet size, the price and the period
/// @pre expected_step > 0; 0 < mean_busy_time <= expected_step; accelerators >= 1; price >= 0;
///   period > 0
/// @throws invalid_input "waiting cost: mean_busy_time must be <= expected_step (got 2 s)"
/// @return the idle fraction, idle accelerator-time and its dollars
/// @see waiting_cost(const Fleet&, DollarsPerHour, Seconds)
[[nodiscard]] inline WaitingCost waiting_cost(const BarrierWait& in) {
  constexpr std::string_view fn = "waiting cost";
  require_positive(fn, "expected_step", in.expected_step);
  require_positive(fn, "mean_busy_time", in.mean_busy_time);
  // Quadrature rounding may put the mean a few ulps above the maximum: tolerate 1e-9.
  if (!(in.mean_busy_time <= in.expected_step * (1.0 + 1e-9)))
    throw invalid_input(fn, "mean_busy_time", "be <= expected_step",
                        paradox::detail::describe(in.mean_busy_time));
  require_at_least(fn, "accelerators", in.accelerators, 1);
  require_non_negative(fn, "price_per_accelerator_hour", in.price_per_accelerator_hour);
  require_positive(fn, "period", in.period);
  double idle = 1.0 - in.mean_busy_time / in.expected_step;
  if (idle < 0.0) idle = 0.0;
  const Seconds idle_time = idle * static_cast<double>(in.accelerators) * in.period;
  const Dollars cost = idle_time * in.price_per_accelerator_hour;
  if (!std::isfinite(value_in<dollar_unit>(cost)))
    throw invalid_input(fn, "price_per_accelerator_hour", "give a finite cost",
                        paradox::detail::describe(in.price_per_accelerator_hour));
  return {.idle_fraction = idle, .idle_accelerator_time = idle_time, .dollars = cost};
}

/// @brief Mean compute time per step of a fleet's workers, \f$E[\bar X]\f$.
///
/// Per-step stragglers: the mean of one worker's step, \f$m(1 + f(k - 1))\f$; per-worker
/// stragglers: \f$m((N - s) + s k)/N\f$ for the s slow workers.
/// @param fleet the fleet
/// @pre check(fleet) passes
/// @throws invalid_input "busy time: workers must be >= 1 (got 0)"
/// @return the mean busy time of a worker in one step
[[nodiscard]] inline Seconds mean_busy_time(const Fleet& fleet) {
  check("busy time", fleet);
  const StepTime& d = fleet.step_time;
  if (d.persistence == Persistence::per_step) return mean(d);
  const double n = static_cast<double>(fleet.workers);
  const double slow = static_cast<double>(slow_workers(d, fleet.workers));
  return d.mean * ((n - slow) + slow * d.slowdown_ratio) / n;
}

/// @brief Waiting cost of a synchronous fleet: waiting_cost() with the expected step of
/// expected_max and the busy time of mean_busy_time.
/// @param fleet the fleet (its workers are the accelerators)
/// @param price_per_accelerator_hour price of one accelerator-hour, >= 0
/// @param period accounting period, > 0 (default: a month, 730 h)
/// @pre check(fleet) passes; price >= 0; period > 0
/// @throws invalid_input "waiting cost: price_per_accelerator_hour must be >= 0 and finite
///   (got -1 USD/s)"
/// @return the idle fraction, idle accelerator-time and its dollars
[[nodiscard]] inline WaitingCost waiting_cost(const Fleet& fleet,
                                              DollarsPerHour price_per_accelerator_hour,
                                              Seconds period = hours_per_month) {
  check("waiting cost", fleet);
  return waiting_cost(BarrierWait{.expected_step = expected_max(fleet.step_time, fleet.workers),
                                  .mean_busy_time = mean_busy_time(fleet),
                                  .accelerators = fleet.workers,
                                  .price_per_accelerator_hour = price_per_accelerator_hour,
                                  .period = period});
}

/// @brief One way to train to a target: its throughput, the samples it needs, its fleet and
/// price. Plain quantities, so that any model (a sync fleet, async, a ZeRO layout from part 2)
/// can fill it.
struct TrainingOption {
  double samples_per_second = 0.0;  ///< sustained throughput, > 0
  double samples_to_target = 0.0;   ///< samples this option needs to reach the target, > 0
  int accelerators = 1;             ///< accelerators it holds, >= 1
  DollarsPerHour price_per_accelerator_hour{};  ///< price of one accelerator-hour, >= 0
};

/// @brief What an option costs.
struct OptionCost {
  Seconds time_to_target{};   ///< samples_to_target / samples_per_second
  Dollars dollars_to_target{};  ///< accelerators x price x time to target
  Dollars dollars_per_month{};  ///< accelerators x price x 730 h: the fleet's running cost
};

/// @brief Time and dollars to target of one option.
///
/// \f$T = S / R\f$, dollars to target \f$= A\,p\,T\f$, dollars per month \f$= A\,p \times 730\f$ h.
/// @param option throughput, samples to target, accelerators, price
/// @pre samples_per_second > 0; samples_to_target > 0; accelerators >= 1; price >= 0
/// @throws invalid_input "training option: samples_per_second must be > 0 and finite (got 0)"
/// @return time to target, dollars to target and per month
[[nodiscard]] inline OptionCost evaluate(const TrainingOption& option) {
  constexpr std::string_view fn = "training option";
  require_positive(fn, "samples_per_second", option.samples_per_second);
  require_positive(fn, "samples_to_target", option.samples_to_target);
  require_at_least(fn, "accelerators", option.accelerators, 1);
  require_non_negative(fn, "price_per_accelerator_hour", option.price_per_accelerator_hour);
  const Seconds time = option.samples_to_target / option.samples_per_second * seconds;
  const DollarsPerHour fleet_price =
      static_cast<double>(option.accelerators) * option.price_per_accelerator_hour;
  const OptionCost out{.time_to_target = time,
                       .dollars_to_target = time * fleet_price,
                       .dollars_per_month = hours_per_month * fleet_price};
  if (!std::isfinite(value_in<second_unit>(out.time_to_target)) ||
      !std::isfinite(value_in<dollar_unit>(out.dollars_to_target)))
    throw invalid_input(fn, "samples_to_target", "give a finite time and cost",
                        paradox::detail::describe(option.samples_to_target));
  return out;
}

/// @brief The synchronous option of a fleet: sync_samples_per_second, the samples a
/// synchronous run needs, the fleet's workers as accelerators.
/// @param fleet the fleet
/// @param sync_samples_to_target samples synchronous SGD needs to reach the target, > 0
/// @param price_per_accelerator_hour price of one accelerator-hour, >= 0
/// @pre check(fleet) passes; samples > 0
/// @throws invalid_input as sync_samples_per_second and evaluate()
/// @return the option
[[nodiscard]] inline TrainingOption sync_option(const Fleet& fleet, double sync_samples_to_target,
                                                DollarsPerHour price_per_accelerator_hour) {
  return {.samples_per_second = sync_samples_per_second(fleet),
          .samples_to_target = sync_samples_to_target,
          .accelerators = fleet.workers,
          .price_per_accelerator_hour = price_per_accelerator_hour};
}

/// @brief The asynchronous option of a fleet: no barrier (async_samples_per_second), but
/// \f$(1 + \tau)^a\f$ times the samples, with \f$\tau = N - 1\f$ (mean_async_staleness).
/// @param fleet the fleet
/// @param sync_samples_to_target samples synchronous SGD needs to reach the target, > 0
/// @param price_per_accelerator_hour price of one accelerator-hour, >= 0
/// @param penalty the staleness penalty exponent a (StalenessPenalty)
/// @pre check(fleet) passes; samples > 0; 0 <= a <= 4
/// @throws invalid_input as async_samples_per_second and staleness_penalty_ratio
/// @return the option
[[nodiscard]] inline TrainingOption async_option(const Fleet& fleet, double sync_samples_to_target,
                                                 DollarsPerHour price_per_accelerator_hour,
                                                 StalenessPenalty penalty = {}) {
  require_positive("async option", "sync_samples_to_target", sync_samples_to_target);
  return {.samples_per_second = async_samples_per_second(fleet),
          .samples_to_target = sync_samples_to_target *
                               staleness_penalty_ratio(mean_async_staleness(fleet), penalty),
          .accelerators = fleet.workers,
          .price_per_accelerator_hour = price_per_accelerator_hour};
}

/// @brief Which option reaches the target for the fewest dollars.
enum class Verdict {
  keep_current,           ///< neither switch is cheaper than the current option
  switch_to_async,        ///< asynchronous updates are the cheapest
  switch_to_alternative,  ///< the alternative (e.g. a ZeRO layout) is the cheapest
};

/// @brief The spelling of a verdict: "keep current", "switch to async", "switch to
/// alternative".
/// @param verdict the verdict
/// @return its text
[[nodiscard]] constexpr std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::keep_current: return "keep current";
    case Verdict::switch_to_async: return "switch to async";
    case Verdict::switch_to_alternative: return "switch to alternative";
  }
  return "keep current";
}

/// @brief The current option against switching to async and against an alternative.
struct SwitchComparison {
  OptionCost current;      ///< e.g. the synchronous fleet
  OptionCost async;        ///< asynchronous updates on the same fleet
  OptionCost alternative;  ///< the user's alternative (e.g. a ZeRO layout)
  Dollars async_savings{};        ///< current minus async dollars to target (negative: dearer)
  Dollars alternative_savings{};  ///< current minus alternative dollars to target
  Verdict verdict = Verdict::keep_current;  ///< the cheapest to target; ties keep the current
};

/// @brief Compares the current option with switching to async and with an alternative, by
/// dollars to target (time to target is in each OptionCost).
/// @param current the option in use (sync_option for a synchronous fleet)
/// @param async the asynchronous option (async_option)
/// @param alternative another option, e.g. a layout that ZeRO makes possible
/// @pre each option passes evaluate()
/// @throws invalid_input as evaluate()
/// @return the three costs, the savings of each switch and the verdict
[[nodiscard]] inline SwitchComparison compare(const TrainingOption& current,
                                              const TrainingOption& async,
                                              const TrainingOption& alternative) {
  SwitchComparison out{.current = evaluate(current),
                       .async = evaluate(async),
                       .alternative = evaluate(alternative)};
  out.async_savings = out.current.dollars_to_target - out.async.dollars_to_target;
  out.alternative_savings = out.current.dollars_to_target - out.alternative.dollars_to_target;
  const Dollars zero{};
  if (out.async_savings > zero && out.async_savings >= out.alternative_savings)
    out.verdict = Verdict::switch_to_async;
  else if (out.alternative_savings > zero)
    out.verdict = Verdict::switch_to_alternative;
  return out;
}

/// @}

}  // namespace paradox::sync
