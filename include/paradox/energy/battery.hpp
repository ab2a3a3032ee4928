/// @file
/// @brief Battery drain per day: a sync schedule against local inference and the idle floor,
/// their ratio, and the sync interval that keeps a day's charge.
#pragma once

#include <optional>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief One model inference (or training step) on an edge device.
struct Inference {
  EdgeDevice device{};         ///< compute_peak and active_power
  FlopCount flops{};           ///< F, FLOPs of one inference (EdgeModelSpec::flops_per_inference)
  double achieved_fraction = 1.0;  ///< f, share of the peak achieved, in (0, 1]
};

/// @brief Energy of one inference: \f$ E = P_{active} \cdot F / (R f) \f$.
///
/// The device draws its active power for the time the FLOPs take at the achieved rate (the
/// same \f$T = F/(R f)\f$ as catalog::compute_time). MobileNetV2 (600 MFLOP) on the AR glasses
/// (1 TFLOP/s, 1 W) at 20 %: 3 ms, 3 mJ.
/// @param in the device, the FLOPs and the achieved fraction
/// @return J
/// @pre flops >= 0; device.compute_peak > 0; device.active_power >= 0; 0 < f <= 1
/// @throws invalid_input "inference energy: achieved_fraction must be in (0, 1] (got 0)"
[[nodiscard]] inline Joules inference_energy(const Inference& in) {
  constexpr std::string_view fn = "inference energy";
  require_non_negative(fn, "flops", in.flops);
  require_positive(fn, "device.compute_peak", in.device.compute_peak);
  require_non_negative(fn, "device.active_power", in.device.active_power);
  require_positive_fraction(fn, "achieved_fraction", in.achieved_fraction);
  return in.device.active_power * (in.flops / (in.device.compute_peak * in.achieved_fraction));
}

/// @brief A day of use: syncs every `sync_interval`, inferences at `inference_rate`, the
/// device idle underneath.
struct DailyUse {
  EdgeDevice device{};            ///< battery_capacity (> 0) and idle_power
  Joules energy_per_sync{};       ///< \f$E_s\f$, evaluate(const RadioSync&).total, >= 0
  Seconds sync_interval{};        ///< \f$\Delta\f$, time between syncs, > 0
  Joules energy_per_inference{};  ///< \f$E_i\f$, inference_energy(), >= 0
  Hertz inference_rate{};         ///< \f$r\f$, inferences per second of use, >= 0
  Seconds day = 24.0 * hours;     ///< D, the hours of use a charge must cover, > 0
};

/// @brief Where a day's charge goes.
struct DailyDrain {
  double syncs = 0.0;       ///< D / \f$\Delta\f$ (an average: a fractional sync is a share)
  Joules sync{};            ///< \f$E_s D / \Delta\f$
  Joules inference{};       ///< \f$E_i r D\f$
  Joules idle{};            ///< \f$P_{idle} D\f$
  Joules total{};           ///< sync + inference + idle
  double battery_fraction = 0.0;  ///< total / capacity (above 1: the charge does not last)
  bool lasts_the_day = true;      ///< total <= capacity
  std::optional<double> sync_to_inference_ratio;  ///< sync / inference; none when no inference
};

namespace detail {
inline void check_day(std::string_view fn, const DailyUse& in) {
  require_positive(fn, "device.battery_capacity", in.device.battery_capacity);
  require_non_negative(fn, "device.idle_power", in.device.idle_power);
  require_non_negative(fn, "energy_per_sync", in.energy_per_sync);
  require_non_negative(fn, "energy_per_inference", in.energy_per_inference);
  require_non_negative(fn, "inference_rate", in.inference_rate);
  require_positive(fn, "day", in.day);
}
}  // namespace detail

/// @brief Drain of one day:
/// \f$ E_{day} = E_s \frac{D}{\Delta} + E_i\, r D + P_{idle} D \f$, against the capacity.
///
/// MODELS.md sec. 9 (battery: drain per day of a sync schedule, compared with local
/// inference). The idle power is drawn all day and the sync and inference energies are added
/// on top (an upper bound by the idle power of the active seconds, which are few).
/// @param in the day
/// @return the parts and their ratio
/// @pre battery_capacity > 0; sync_interval > 0; the energies, rate and idle power >= 0; day > 0
/// @throws invalid_input "battery day: sync_interval must be > 0 and finite (got 0 s)",
///   "battery day: device.battery_capacity must be > 0 and finite (got 0 J)"
/// @see min_sync_interval
[[nodiscard]] inline DailyDrain evaluate(const DailyUse& in) {
  constexpr std::string_view fn = "battery day";
  detail::check_day(fn, in);
  require_positive(fn, "sync_interval", in.sync_interval);
  DailyDrain d;
  d.syncs = in.day / in.sync_interval;
  d.sync = d.syncs * in.energy_per_sync;
  d.inference = in.energy_per_inference * (in.inference_rate * in.day);
  d.idle = in.device.idle_power * in.day;
  d.total = d.sync + d.inference + d.idle;
  d.battery_fraction = d.total / in.device.battery_capacity;
  d.lasts_the_day = d.total <= in.device.battery_capacity;
  if (d.inference > Joules{}) d.sync_to_inference_ratio = d.sync / d.inference;
  return d;
}

/// @brief The shortest sync interval whose day still fits in one charge:
/// \f$ \Delta_{min} = \frac{E_s D}{C - E_i r D - P_{idle} D} \f$.
///
/// Solves evaluate(in).total = C for \f$\Delta\f$ (the drain falls as the interval grows).
/// `in.sync_interval` is ignored.
/// @param in the day (its sync_interval unused)
/// @return \f$\Delta_{min}\f$; 0 s when a sync costs nothing; none when inference and idle
///   alone empty the battery, so that no interval keeps the charge
/// @pre as evaluate(const DailyUse&), without the interval
/// @throws invalid_input "sync interval for a day: day must be > 0 and finite (got 0 s)"
[[nodiscard]] inline std::optional<Seconds> min_sync_interval(const DailyUse& in) {
  constexpr std::string_view fn = "sync interval for a day";
  detail::check_day(fn, in);
  const Joules left = in.device.battery_capacity -
                      in.energy_per_inference * (in.inference_rate * in.day) -
                      in.device.idle_power * in.day;
  if (!(left > Joules{})) return std::nullopt;
  return (in.energy_per_sync / left) * in.day;
}

/// @}

}  // namespace paradox::energy
