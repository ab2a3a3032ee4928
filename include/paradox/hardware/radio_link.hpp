/// @file
/// @brief RadioLink: a wireless link with the Huang et al. (2012) power model, tail and
/// promotion.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief A device's radio: throughput up and down, latency and a power model.
///
/// Power while transferring, Huang et al. 2012, "A Close Examination of Performance and Power
/// Characteristics of 4G LTE Networks" (MobiSys), section 4:
/// \f$ P = \alpha_u t_u + \alpha_d t_d + \beta \f$, with \f$ t_u, t_d \f$ the uplink and
/// downlink throughputs. \f$ \alpha \f$ has units W per (bit/s) = J/bit and is stored as
/// JoulesPerBit (the paper quotes mW/Mbps = nJ/bit); \f$ \beta \f$ is in watts. After the last
/// packet the radio stays in a high-power "tail" for `tail_time` at `tail_power`; before the
/// first one it pays a "promotion" from idle for `promotion_time` at `promotion_power`.
struct RadioLink {
  std::string_view key{};         ///< lower-case catalog key, e.g. "lte"
  std::string_view name{};        ///< display name
  Bandwidth uplink{};             ///< usable uplink throughput
  Bandwidth downlink{};           ///< usable downlink throughput
  Seconds latency{};              ///< one-way per-message latency
  JoulesPerBit alpha_uplink{};    ///< \f$ \alpha_u \f$
  JoulesPerBit alpha_downlink{};  ///< \f$ \alpha_d \f$
  Watts beta{};                   ///< \f$ \beta \f$, the base power while active
  Seconds tail_time{};            ///< time in the high-power tail after a transfer
  Watts tail_power{};             ///< power during the tail
  Seconds promotion_time{};       ///< idle -> connected promotion delay
  Watts promotion_power{};        ///< power during promotion
  Provenance provenance{};        ///< where the figures come from
};

/// @brief Power while transferring at the given throughputs:
/// \f$ P = \alpha_u t_u + \alpha_d t_d + \beta \f$ (Huang et al. 2012).
/// @param radio the radio
/// @param uplink_throughput \f$ t_u \f$, >= 0
/// @param downlink_throughput \f$ t_d \f$, >= 0
/// @throws invalid_input when a throughput is negative or not finite
[[nodiscard]] constexpr Watts transfer_power(const RadioLink& radio, Bandwidth uplink_throughput,
                                             Bandwidth downlink_throughput) {
  require_non_negative("radio transfer power", "uplink_throughput", uplink_throughput);
  require_non_negative("radio transfer power", "downlink_throughput", downlink_throughput);
  return radio.alpha_uplink * uplink_throughput + radio.alpha_downlink * downlink_throughput +
         radio.beta;
}

/// @brief Energy per uplink bit at full uplink throughput:
/// \f$ P(t_u, 0) / t_u = \alpha_u + \beta / t_u \f$.
/// @throws invalid_input when the uplink throughput is not positive
[[nodiscard]] constexpr JoulesPerBit uplink_energy_per_bit(const RadioLink& radio) {
  require_positive("radio uplink energy per bit", "uplink", radio.uplink);
  return transfer_power(radio, radio.uplink, Bandwidth{}) / radio.uplink;
}

/// @brief Energy per downlink bit at full downlink throughput:
/// \f$ \alpha_d + \beta / t_d \f$.
/// @throws invalid_input when the downlink throughput is not positive
[[nodiscard]] constexpr JoulesPerBit downlink_energy_per_bit(const RadioLink& radio) {
  require_positive("radio downlink energy per bit", "downlink", radio.downlink);
  return transfer_power(radio, Bandwidth{}, radio.downlink) / radio.downlink;
}

/// @brief Energy of one tail: \f$ P_{tail} T_{tail} \f$ (LTE: 1.06 W x 11.576 s = 12.3 J).
[[nodiscard]] constexpr Joules tail_energy(const RadioLink& radio) noexcept {
  return radio.tail_power * radio.tail_time;
}

/// @brief Energy of one promotion: \f$ P_{pro} T_{pro} \f$.
[[nodiscard]] constexpr Joules promotion_energy(const RadioLink& radio) noexcept {
  return radio.promotion_power * radio.promotion_time;
}

/// @brief The uplink as a Link, for collective and scaling models: bandwidth = uplink
/// throughput (devices upload their gradients), energy per bit = uplink_energy_per_bit().
/// Tail and promotion are per-transfer overheads and are not folded in.
/// @throws invalid_input when the uplink throughput is not positive
[[nodiscard]] constexpr Link as_link(const RadioLink& radio) {
  return Link{.key = radio.key,
              .name = radio.name,
              .bandwidth = radio.uplink,
              .latency = radio.latency,
              .energy_per_bit = uplink_energy_per_bit(radio),
              .provenance = radio.provenance};
}

/// @brief Checks a radio: throughputs > 0, everything else >= 0, provenance present.
/// @throws invalid_input naming the offending field
constexpr void validate(const RadioLink& r) {
  constexpr std::string_view fn = "radio link";
  if (r.name.empty()) throw invalid_input(fn, "name", "be non-empty", "\"\"");
  require_positive(fn, "uplink", r.uplink);
  require_positive(fn, "downlink", r.downlink);
  require_non_negative(fn, "latency", r.latency);
  require_non_negative(fn, "alpha_uplink", r.alpha_uplink);
  require_non_negative(fn, "alpha_downlink", r.alpha_downlink);
  require_non_negative(fn, "beta", r.beta);
  require_non_negative(fn, "tail_time", r.tail_time);
  require_non_negative(fn, "tail_power", r.tail_power);
  require_non_negative(fn, "promotion_time", r.promotion_time);
  require_non_negative(fn, "promotion_power", r.promotion_power);
  validate(fn, r.provenance);
}

/// @}

}  // namespace paradox
