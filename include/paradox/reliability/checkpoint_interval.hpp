/// @file
/// @brief The optimum checkpoint interval (Young 1974, Daly 2006) and the expected overhead and
/// goodput of checkpointing at an interval.
#pragma once

#include <algorithm>
#include <cmath>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::reliability {

/// @addtogroup reliability
/// @{

namespace detail {
/// Throws unless the interval came out finite (a cost and an MTBF near the largest doubles).
inline Seconds finite_interval(std::string_view fn, double interval_s) {
  if (!std::isfinite(interval_s))
    throw invalid_input(fn, "checkpoint_cost x mtbf", "be small enough for a finite interval",
                        paradox::detail::describe(interval_s) + " s");
  return interval_s * seconds;
}
}  // namespace detail

/// @brief Young's optimum checkpoint interval: \f$ \tau = \sqrt{2\,\delta\,M} \f$.
///
/// Young, J. W. (1974), "A first order approximation to the optimum checkpoint interval",
/// Communications of the ACM 17(9), 530-531: with checkpoints of cost \f$\delta\f$ every
/// \f$\tau\f$ and exponential failures of mean M, the time lost is \f$\delta/\tau\f$ of the
/// work plus half an interval per failure; its minimum is at \f$\sqrt{2\delta M}\f$ (to first
/// order in \f$\delta/M\f$). LLNL/scr's scripts/python/scr_ckpt_interval.py computes the same.
/// MODELS.md's test value: \f$\delta\f$ = 60 s, M = 50,000 h give 146,969 s.
/// @param checkpoint_cost \f$\delta\f$, the time training stops to write one checkpoint
/// @param mtbf M, the mean time between failures of the job (the fleet's MTBF)
/// @pre checkpoint_cost > 0 and finite; mtbf > 0 and finite
/// @throws invalid_input "young interval: checkpoint_cost must be > 0 and finite (got 0 s)"
/// @return \f$\tau\f$, the compute time between checkpoints
/// @see daly_interval
[[nodiscard]] inline Seconds young_interval(Seconds checkpoint_cost, Seconds mtbf) {
  constexpr std::string_view fn = "young interval";
  require_positive(fn, "checkpoint_cost", checkpoint_cost);
  require_positive(fn, "mtbf", mtbf);
  // sqrt(2 delta) sqrt(M) rather than sqrt(2 delta M): no overflow of the product.
  return detail::finite_interval(fn, std::sqrt(2.0 * value_in<second_unit>(checkpoint_cost)) *
                                         std::sqrt(value_in<second_unit>(mtbf)));
}

/// @brief Daly's higher-order optimum checkpoint interval:
/// \f$ \tau = \sqrt{2\delta M}\left[1 + \frac{1}{3}\sqrt{\frac{\delta}{2M}}
/// + \frac{1}{9}\frac{\delta}{2M}\right] - \delta \f$ for \f$\delta < 2M\f$, else
/// \f$\tau = M\f$.
///
/// Daly, J. T. (2006), "A higher order estimate of the optimum checkpoint interval for restart
/// dumps", Future Generation Computer Systems 22(3), 303-312, eq. (37): the perturbation
/// solution of the full cost function (failures may also strike during a checkpoint or a
/// restart); as in LLNL/scr's scr_ckpt_interval.py. With \f$x = \delta/(2M)\f$ it is
/// \f$2M\sqrt{x}\,(1 - \sqrt{x}/3)^2 > 0\f$, below Young's \f$2M\sqrt{x}\f$ for every
/// \f$\delta < 2M\f$. Daly's figs. 3-5 (R = 10 min, \f$\delta\f$ = 5 min): M = 24 h, 6 h,
/// 15 min give 117, 57 and 9.1 min. The interval does not depend on the restart time.
/// @param checkpoint_cost \f$\delta\f$, the time training stops to write one checkpoint
/// @param mtbf M, the mean time between failures of the job
/// @pre checkpoint_cost > 0 and finite; mtbf > 0 and finite
/// @throws invalid_input "daly interval: mtbf must be > 0 and finite (got 0 s)"
/// @return \f$\tau\f$, the compute time between checkpoints
/// @see young_interval
[[nodiscard]] inline Seconds daly_interval(Seconds checkpoint_cost, Seconds mtbf) {
  constexpr std::string_view fn = "daly interval";
  require_positive(fn, "checkpoint_cost", checkpoint_cost);
  require_positive(fn, "mtbf", mtbf);
  const double delta = value_in<second_unit>(checkpoint_cost);
  const double m = value_in<second_unit>(mtbf);
  if (!(delta < 2.0 * m)) return mtbf;
  const double x = delta / (2.0 * m);
  const double young = std::sqrt(2.0 * delta) * std::sqrt(m);
  return detail::finite_interval(
      fn, young * (1.0 + std::sqrt(x) / 3.0 + x / 9.0) - delta);
}

/// @brief Checkpointing a job: what a checkpoint costs, how often the job fails, what a
/// restart costs.
struct CheckpointInput {
  Seconds checkpoint_cost{};  ///< \f$\delta\f$: time training stops per checkpoint
  Seconds mtbf{};             ///< M: the job's mean time between failures
  Seconds restart{};          ///< R: time from a failure to training again (detect, reload)
};

/// @brief The expected overhead of checkpointing every \f$\tau\f$:
/// \f$ \frac{\delta}{\tau} + \frac{\tau/2 + R}{M} \f$.
///
/// The first-order model behind Young (1974): per unit of time, \f$\delta/\tau\f$ goes to
/// writing checkpoints and, at 1/M failures per unit of time, each failure costs half an
/// interval of lost work plus the restart R (MODELS.md sec. 7). Its minimum over \f$\tau\f$
/// is at Young's interval, where it equals \f$\sqrt{2\delta/M} + R/M\f$. Valid while the
/// overhead is small (\f$\delta, \tau, R \ll M\f$); it does not count failures during a
/// checkpoint or a restart, which Daly's full model does. It can exceed 1 (no progress).
/// @param in the checkpoint cost, the MTBF and the restart time
/// @param interval \f$\tau\f$, the compute time between checkpoints
/// @pre checkpoint_cost > 0, mtbf > 0, interval > 0, restart >= 0, all finite
/// @throws invalid_input "checkpoint overhead: interval must be > 0 and finite (got 0 s)"
/// @return the fraction of time lost (>= 0; above 1 the job makes no progress)
[[nodiscard]] inline double overhead_fraction(const CheckpointInput& in, Seconds interval) {
  constexpr std::string_view fn = "checkpoint overhead";
  require_positive(fn, "checkpoint_cost", in.checkpoint_cost);
  require_positive(fn, "mtbf", in.mtbf);
  require_non_negative(fn, "restart", in.restart);
  require_positive(fn, "interval", interval);
  const double delta = value_in<second_unit>(in.checkpoint_cost);
  const double m = value_in<second_unit>(in.mtbf);
  const double tau = value_in<second_unit>(interval);
  const double r = value_in<second_unit>(in.restart);
  const double overhead = delta / tau + (tau / 2.0 + r) / m;
  if (!std::isfinite(overhead)) throw invalid_input(fn, "overhead", "be finite", "inf");
  return overhead;
}

/// @brief Goodput: the fraction of time spent on useful work,
/// \f$ \max(0,\ 1 - \mathrm{overhead}) \f$.
/// @param overhead an overhead_fraction()
/// @pre overhead >= 0 and finite
/// @throws invalid_input "goodput: overhead must be >= 0 and finite (got -1)"
/// @return the goodput in [0, 1]; 0 when the overhead reaches 1
[[nodiscard]] inline double goodput_fraction(double overhead) {
  require_non_negative("goodput", "overhead", overhead);
  return std::max(0.0, 1.0 - overhead);
}

/// @brief Young's and Daly's intervals and the overhead and goodput at each.
struct CheckpointPlan {
  Seconds young_interval{};              ///< young_interval()
  Seconds daly_interval{};               ///< daly_interval()
  double young_overhead_fraction = 0.0;  ///< overhead_fraction() at Young's interval (minimum)
  double daly_overhead_fraction = 0.0;   ///< overhead_fraction() at Daly's interval
  double young_goodput_fraction = 0.0;   ///< goodput_fraction() at Young's interval
  double daly_goodput_fraction = 0.0;    ///< goodput_fraction() at Daly's interval
};

/// @brief young_interval(), daly_interval() and the overhead_fraction() and goodput_fraction()
/// at both.
/// @param in the checkpoint cost, the MTBF and the restart time
/// @pre as for the functions it calls
/// @throws invalid_input as they do
/// @return both intervals with their overhead and goodput
[[nodiscard]] inline CheckpointPlan evaluate(const CheckpointInput& in) {
  CheckpointPlan plan{.young_interval = young_interval(in.checkpoint_cost, in.mtbf),
                      .daly_interval = daly_interval(in.checkpoint_cost, in.mtbf)};
  plan.young_overhead_fraction = overhead_fraction(in, plan.young_interval);
  plan.daly_overhead_fraction = overhead_fraction(in, plan.daly_interval);
  plan.young_goodput_fraction = goodput_fraction(plan.young_overhead_fraction);
  plan.daly_goodput_fraction = goodput_fraction(plan.daly_overhead_fraction);
  return plan;
}

/// @}

}  // namespace paradox::reliability
