/// @file
/// @brief Energy of one synchronisation over a radio: upload S_u, download S_d, one promotion
/// and one tail.
#pragma once

#include <optional>
#include <string_view>

#include "paradox/energy/radio_energy.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief One synchronisation from idle: upload an update, download the model, in one burst.
struct RadioSync {
  RadioLink radio{};                             ///< the device's radio
  Bytes upload{};                                ///< \f$S_u\f$, >= 0
  Bytes download{};                              ///< \f$S_d\f$, >= 0
  std::optional<Bandwidth> uplink_throughput{};  ///< \f$t_u\f$; none: the radio's uplink
  std::optional<Bandwidth> downlink_throughput{};  ///< \f$t_d\f$; none: the radio's downlink
};

/// @brief Time and energy of one synchronisation, by phase.
struct RadioSyncEnergy {
  Seconds time{};      ///< \f$T_{pro}\f$ + (latency + \f$S_u/t_u\f$) + (latency + \f$S_d/t_d\f$)
  Joules promotion{};  ///< one promotion
  Joules upload{};     ///< \f$P(t_u, 0)\, S_u / t_u\f$
  Joules download{};   ///< \f$P(0, t_d)\, S_d / t_d\f$
  Joules tail{};       ///< one tail
  Joules total{};      ///< the sum
};

/// @brief Energy of one synchronisation of S bytes:
/// \f$ E = P_{pro} T_{pro} + P(t_u,0)\,S_u/t_u + P(0,t_d)\,S_d/t_d + P_{tail} T_{tail} \f$.
///
/// MODELS.md sec. 9: energy per sync = bytes x 8 x joules per bit + a fixed per-transfer
/// overhead (promotion and tail, Huang et al. 2012, MobiSys, sec. 3-4). Upload and download
/// run back to back in one connected period, so the radio pays one promotion and one tail;
/// a sync that moves no bytes costs nothing.
/// @param in the radio, the bytes each way, optionally the throughputs
/// @return the phases; LTE, 1 MB up and 1 MB down at 6 / 13 Mb/s: 0.31 + 5.22 + 1.21 + 12.27 =
///   19.02 J, of which 65 % is the tail
/// @pre upload, download >= 0 and finite; the throughputs used > 0
/// @throws invalid_input "radio sync: upload must be >= 0 and finite (got -1 B)", and as
///   evaluate(const RadioTransfer&) with "radio sync" for a throughput
/// @see evaluate(const RadioTransfer&)
[[nodiscard]] inline RadioSyncEnergy evaluate(const RadioSync& in) {
  constexpr std::string_view fn = "radio sync";
  detail::check_radio(fn, in.radio);
  require_non_negative(fn, "upload", in.upload);
  require_non_negative(fn, "download", in.download);
  const Bandwidth tu = in.uplink_throughput.value_or(in.radio.uplink);
  const Bandwidth td = in.downlink_throughput.value_or(in.radio.downlink);
  RadioSyncEnergy e;
  if (in.upload > Bytes{}) {
    require_positive(fn, "uplink_throughput", tu);
    e.upload = detail::one_way_power(in.radio, Direction::up, tu) * (in.upload / tu);
    e.time += in.radio.latency + in.upload / tu;
  }
  if (in.download > Bytes{}) {
    require_positive(fn, "downlink_throughput", td);
    e.download = detail::one_way_power(in.radio, Direction::down, td) * (in.download / td);
    e.time += in.radio.latency + in.download / td;
  }
  if (!(e.time > Seconds{})) return e;
  e.time += in.radio.promotion_time;
  e.promotion = promotion_energy(in.radio);
  e.tail = tail_energy(in.radio);
  e.total = e.promotion + e.upload + e.download + e.tail;
  return e;
}

/// @}

}  // namespace paradox::energy
