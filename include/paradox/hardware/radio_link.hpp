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

  /// @brief A radio is usable wherever a Link is: its uplink, as as_link() gives it.
  /// @return as_link(*this)
  /// @throws invalid_input when the uplink throughput is not positive
  // NOLINTNEXTLINE(google-explicit-constructor): implicit on purpose, a radio *is* a link
  constexpr operator Link() const;
};

/// @brief Power while transferring at the given throughputs:
/// \f$ P = \alpha_u t_u + \alpha_d t_d + \beta \f$ (Huang et al. 2012).
/// @param radio the radio
/// @param uplink_throughput \f$ t_u \f$ in B/s, >= 0 (zero when only downloading)
/// @param downlink_throughput \f$ t_d \f$ in B/s, >= 0 (zero when only uploading)
/// @return the radio's power draw in watts while both transfers run
/// @pre the radio's alphas and beta are >= 0 (checked by validate(const RadioLink&))
/// @throws invalid_input when a throughput is negative or not finite, e.g.
///   "radio transfer power: uplink_throughput must be >= 0 and finite (got -1 B/s)"
[[nodiscard]] constexpr Watts transfer_power(const RadioLink& radio, Bandwidth uplink_throughput,
                                             Bandwidth downlink_throughput) {
  require_non_negative("radio transfer power", "uplink_throughput", uplink_throughput);
  require_non_negative("radio transfer power", "downlink_throughput", downlink_throughput);
  return radio.alpha_uplink * uplink_throughput + radio.alpha_downlink * downlink_throughput +
         radio.beta;
}

/// @brief Energy per uplink bit at full uplink throughput:
/// \f$ P(t_u, 0) / t_u = \alpha_u + \beta / t_u \f$.
///
/// The base power \f$ \beta \f$ is spread over the bits sent, so slow radios pay more per bit.
/// @param radio the radio; its `uplink` is the throughput \f$ t_u \f$
/// @return J/bit (read with picojoule_per_bit_unit); LTE preset: about 653 nJ/bit, Wi-Fi 6:
///   6.5 nJ/bit. Tail and promotion energy are not included.
/// @throws invalid_input when the uplink throughput is not positive, e.g.
///   "radio uplink energy per bit: uplink must be > 0 and finite (got 0 B/s)"
/// @see transfer_power, tail_energy, promotion_energy
[[nodiscard]] constexpr JoulesPerBit uplink_energy_per_bit(const RadioLink& radio) {
  require_positive("radio uplink energy per bit", "uplink", radio.uplink);
  return transfer_power(radio, radio.uplink, Bandwidth{}) / radio.uplink;
}

/// @brief Energy per downlink bit at full downlink throughput:
/// \f$ P(0, t_d) / t_d = \alpha_d + \beta / t_d \f$.
/// @param radio the radio; its `downlink` is the throughput \f$ t_d \f$
/// @return J/bit (read with picojoule_per_bit_unit); LTE preset: about 151 nJ/bit. Tail and
///   promotion energy are not included.
/// @throws invalid_input when the downlink throughput is not positive, e.g.
///   "radio downlink energy per bit: downlink must be > 0 and finite (got 0 B/s)"
/// @see transfer_power
[[nodiscard]] constexpr JoulesPerBit downlink_energy_per_bit(const RadioLink& radio) {
  require_positive("radio downlink energy per bit", "downlink", radio.downlink);
  return transfer_power(radio, Bandwidth{}, radio.downlink) / radio.downlink;
}

/// @brief Energy of one tail: \f$ P_{tail} T_{tail} \f$ (LTE: 1.06 W x 11.576 s = 12.3 J).
///
/// Paid once after every burst of transfers, however small, which is why many small syncs
/// cost more than one large one (Huang et al. 2012).
/// @param radio the radio
/// @return the tail energy in joules; zero for radios without a tail (Wi-Fi, BLE presets)
/// @pre tail_power and tail_time are >= 0 (checked by validate(const RadioLink&), not here)
/// @see promotion_energy
[[nodiscard]] constexpr Joules tail_energy(const RadioLink& radio) noexcept {
  return radio.tail_power * radio.tail_time;
}

/// @brief Energy of one promotion from idle to connected: \f$ P_{pro} T_{pro} \f$.
/// @param radio the radio
/// @return the promotion energy in joules (LTE preset: about 0.31 J); zero for radios without
///   a promotion (Wi-Fi, BLE presets)
/// @pre promotion_power and promotion_time are >= 0 (checked by validate(const RadioLink&),
///   not here)
/// @see tail_energy
[[nodiscard]] constexpr Joules promotion_energy(const RadioLink& radio) noexcept {
  return radio.promotion_power * radio.promotion_time;
}

/// @brief The uplink as a Link, for collective and scaling models: bandwidth = uplink
/// throughput (devices upload their gradients), energy per bit = uplink_energy_per_bit().
/// Tail and promotion are per-transfer overheads and are not folded in.
/// @param radio the radio
/// @return a Link with the radio's key, name, latency and provenance, bandwidth = uplink and
///   energy_per_bit = uplink_energy_per_bit(radio)
/// @throws invalid_input when the uplink throughput is not positive, e.g.
///   "radio uplink energy per bit: uplink must be > 0 and finite (got 0 B/s)"
[[nodiscard]] constexpr Link as_link(const RadioLink& radio) {
  return Link{.key = radio.key,
              .name = radio.name,
              .bandwidth = radio.uplink,
              .latency = radio.latency,
              .energy_per_bit = uplink_energy_per_bit(radio),
              .provenance = radio.provenance};
}

constexpr RadioLink::operator Link() const { return as_link(*this); }

/// @brief Checks a radio: name and provenance present, throughputs > 0, everything else >= 0.
/// @param r the radio to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "radio link: tail_power must be >= 0 and finite (got -1 W)"
constexpr void validate(const RadioLink& r) {
  constexpr std::string_view fn = "radio link";
  require_non_empty(fn, "name", r.name);
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
