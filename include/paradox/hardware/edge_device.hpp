/// @file
/// @brief EdgeDevice: a car computer, AR glasses, phone or hearable: compute, memory, power,
/// battery.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief A battery- or vehicle-powered device that trains or runs a small model.
struct EdgeDevice {
  std::string_view key{};     ///< lower-case catalog key, e.g. "drive-orin"
  std::string_view name{};    ///< display name
  FlopRate compute_peak{};    ///< peak rate at the precision training uses (see provenance)
  Bytes memory{};             ///< memory available to the model
  Watts active_power{};       ///< while computing
  Watts idle_power{};         ///< while idle (sleep, radio off)
  Joules battery_capacity{};  ///< 0 when powered by a vehicle or mains
  Provenance provenance{};    ///< where the figures come from
};

/// @brief Whether the device runs on its own battery, so that energy per round drains it.
/// @param d the device
/// @return true when battery_capacity > 0 (glasses, phone, hearable); false for devices powered
///   by a vehicle or mains, which the catalog marks with a zero capacity (drive-orin)
[[nodiscard]] constexpr bool battery_powered(const EdgeDevice& d) noexcept {
  return d.battery_capacity > Joules{};
}

/// @brief Checks a device: compute, memory and active power > 0; idle power and battery >= 0;
/// idle power not above active power.
/// @param d the device to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "edge device: idle_power must be <= active_power (got 100 W)"
constexpr void validate(const EdgeDevice& d) {
  constexpr std::string_view fn = "edge device";
  require_non_empty(fn, "name", d.name);
  require_positive(fn, "compute_peak", d.compute_peak);
  require_positive(fn, "memory", d.memory);
  require_positive(fn, "active_power", d.active_power);
  require_non_negative(fn, "idle_power", d.idle_power);
  require_non_negative(fn, "battery_capacity", d.battery_capacity);
  if (d.idle_power > d.active_power)
    throw invalid_input(fn, "idle_power", "be <= active_power", detail::describe(d.idle_power));
  validate(fn, d.provenance);
}

/// @}

}  // namespace paradox
