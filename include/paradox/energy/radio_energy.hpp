/// @file
/// @brief Energy of one radio transfer: Huang et al.'s power model at a throughput, with the
/// promotion before the transfer and the tail after it; energy per bit at a throughput.
#pragma once

#include <optional>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief Which way the bytes go: up (device to network) or down.
enum class Direction {
  up,    ///< uplink: the device sends (\f$\alpha_u\f$, the radio's `uplink` throughput)
  down,  ///< downlink: the device receives (\f$\alpha_d\f$, the radio's `downlink`)
};

/// @brief The spelling of a direction: "up" or "down".
/// @param direction the direction
/// @return its name as the calculator spells it
[[nodiscard]] constexpr std::string_view to_string(Direction direction) {
  return direction == Direction::up ? "up" : "down";
}

namespace detail {

/// Checks the radio's power-model fields (the throughputs are checked where they are used).
inline void check_radio(std::string_view function, const RadioLink& r) {
  require_non_negative(function, "radio.latency", r.latency);
  require_non_negative(function, "radio.alpha_uplink", r.alpha_uplink);
  require_non_negative(function, "radio.alpha_downlink", r.alpha_downlink);
  require_non_negative(function, "radio.beta", r.beta);
  require_non_negative(function, "radio.tail_time", r.tail_time);
  require_non_negative(function, "radio.tail_power", r.tail_power);
  require_non_negative(function, "radio.promotion_time", r.promotion_time);
  require_non_negative(function, "radio.promotion_power", r.promotion_power);
}

/// The radio's full throughput in a direction.
[[nodiscard]] constexpr Bandwidth full_throughput(const RadioLink& r, Direction d) {
  return d == Direction::up ? r.uplink : r.downlink;
}

/// Power while moving bytes one way at throughput t: P(t, 0) or P(0, t).
[[nodiscard]] constexpr Watts one_way_power(const RadioLink& r, Direction d, Bandwidth t) {
  return d == Direction::up ? transfer_power(r, t, Bandwidth{}) : transfer_power(r, Bandwidth{}, t);
}

}  // namespace detail

/// @brief Energy per bit of a one-way transfer at throughput t:
/// \f$ e(t) = P(t)/t = \alpha + \beta / t \f$.
///
/// Huang et al. 2012, "A Close Examination of Performance and Power Characteristics of 4G LTE
/// Networks" (MobiSys), sec. 4: \f$P = \alpha_u t_u + \alpha_d t_d + \beta\f$ while
/// transferring. The base power \f$\beta\f$ is spread over the bits, so a slow link (a shared
/// cell, a weak signal) pays more per bit. Tail and promotion are excluded: this is the
/// `joules_per_bit` of CLI.md. At the radio's full throughput it equals
/// uplink_energy_per_bit() / downlink_energy_per_bit().
/// @param radio the radio (its alphas and beta)
/// @param direction up (\f$\alpha_u\f$) or down (\f$\alpha_d\f$)
/// @param throughput t, B/s, > 0
/// @return J/bit (read with nanojoule_per_bit_unit); LTE up at 6 Mb/s: 653 nJ/bit
/// @pre the radio's power fields are >= 0; throughput > 0 and finite
/// @throws invalid_input "radio energy per bit: throughput must be > 0 and finite (got 0 B/s)"
/// @see evaluate(const RadioTransfer&)
[[nodiscard]] inline JoulesPerBit energy_per_bit(const RadioLink& radio, Direction direction,
                                                 Bandwidth throughput) {
  constexpr std::string_view fn = "radio energy per bit";
  detail::check_radio(fn, radio);
  require_positive(fn, "throughput", throughput);
  return detail::one_way_power(radio, direction, throughput) / throughput;
}

/// @brief One transfer of `size` bytes over a radio, one way.
struct RadioTransfer {
  RadioLink radio{};                       ///< the radio (catalog::radio_link("lte"), ...)
  Bytes size{};                            ///< S, bytes moved, >= 0
  Direction direction = Direction::up;     ///< up or down
  std::optional<Bandwidth> throughput{};   ///< t; none: the radio's uplink or downlink
};

/// @brief The time and energy of one transfer, by phase.
struct RadioTransferEnergy {
  Bandwidth throughput{};         ///< t used
  Seconds airtime{};              ///< S / t
  Seconds time{};                 ///< promotion + latency + S / t (0 when S = 0)
  Watts power{};                  ///< P(t) while transferring
  JoulesPerBit energy_per_bit{};  ///< P(t) / t, tail and promotion excluded
  Joules promotion{};             ///< \f$P_{pro} T_{pro}\f$
  Joules transfer{};              ///< P(t) S / t
  Joules tail{};                  ///< \f$P_{tail} T_{tail}\f$
  Joules total{};                 ///< promotion + transfer + tail
};

/// @brief Time and energy of one transfer from idle:
/// \f$ E = P_{pro} T_{pro} + P(t)\, S/t + P_{tail} T_{tail} \f$,
/// \f$ T = T_{pro} + \alpha + S/t \f$.
///
/// Huang et al. 2012 (MobiSys), sec. 3-4: a radio in RRC_IDLE is promoted to RRC_CONNECTED
/// before the first packet (promotion delay and power), transfers at
/// \f$P = \alpha_u t_u + \alpha_d t_d + \beta\f$, and stays in the high-power tail for the
/// inactivity timer after the last packet. Energy during the one-way latency is not counted
/// separately (it overlaps the promotion and the tail). A transfer of zero bytes wakes nothing
/// and costs nothing.
/// @param in the radio, the size, the direction and optionally the throughput
/// @return the phases; LTE, 1 MB up at 6 Mb/s: 0.31 J promotion + 5.22 J transfer + 12.27 J
///   tail = 17.81 J
/// @pre size >= 0 and finite; throughput (or the radio's, when none) > 0; the radio's power
///   fields >= 0
/// @throws invalid_input "radio transfer: size must be >= 0 and finite (got -1 B)",
///   "radio transfer: throughput must be > 0 and finite (got 0 B/s)"
/// @see energy_per_bit, transfer_power, tail_energy, promotion_energy
[[nodiscard]] inline RadioTransferEnergy evaluate(const RadioTransfer& in) {
  constexpr std::string_view fn = "radio transfer";
  detail::check_radio(fn, in.radio);
  require_non_negative(fn, "size", in.size);
  const Bandwidth t = in.throughput.value_or(detail::full_throughput(in.radio, in.direction));
  require_positive(fn, "throughput", t);
  RadioTransferEnergy e;
  e.throughput = t;
  e.power = detail::one_way_power(in.radio, in.direction, t);
  e.energy_per_bit = e.power / t;
  if (!(in.size > Bytes{})) return e;
  e.airtime = in.size / t;
  e.time = in.radio.promotion_time + in.radio.latency + e.airtime;
  e.promotion = promotion_energy(in.radio);
  e.transfer = e.power * e.airtime;
  e.tail = tail_energy(in.radio);
  e.total = e.promotion + e.transfer + e.tail;
  return e;
}

/// @}

}  // namespace paradox::energy
