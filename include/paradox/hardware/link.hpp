/// @file
/// @brief Link: one point-to-point connection, bandwidth stored per direction.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief A link of one endpoint (GPU, NIC, radio): per-direction bandwidth, latency, energy.
///
/// Vendors quote NVLink as the bidirectional total (H100: 900 GB/s) and network links per
/// direction (InfiniBand NDR: 400 Gb/s). This struct always stores the per-direction figure,
/// which is what the alpha-beta collective models use; bidirectional_bandwidth() gives the
/// other convention explicitly.
struct Link {
  std::string_view key{};         ///< lower-case catalog key, e.g. "ib-ndr" (may be empty)
  std::string_view name{};        ///< display name
  Bandwidth bandwidth{};          ///< per direction
  Seconds latency{};              ///< per-message latency (the alpha of alpha-beta models)
  JoulesPerBit energy_per_bit{};  ///< energy to move one bit across the link
  Provenance provenance{};        ///< where the figures come from
};

/// @brief Both directions together, the way NVLink is marketed: \f$ 2 B \f$.
/// @param link the link
/// @return twice the per-direction bandwidth (NVLink 4: 2 x 450 = 900 GB/s)
[[nodiscard]] constexpr Bandwidth bidirectional_bandwidth(const Link& link) noexcept {
  return 2.0 * link.bandwidth;
}

/// @brief Time to push `message` through the link one way: \f$ \alpha + M / B \f$.
/// @param link the link
/// @param message bytes to send, >= 0
/// @return \f$ \alpha + M / B \f$ in seconds (IB NDR, 1 MB: 2 us + 20 us = 22 us)
/// @throws invalid_input when the message is negative or the bandwidth is not positive, e.g.
///   "link transfer time: message must be >= 0 and finite (got -1 B)"
[[nodiscard]] constexpr Seconds transfer_time(const Link& link, Bytes message) {
  require_non_negative("link transfer time", "message", message);
  require_positive("link transfer time", "bandwidth", link.bandwidth);
  return link.latency + message / link.bandwidth;
}

/// @brief Checks a link: name and provenance present, bandwidth > 0, latency and energy >= 0.
/// @param link the link to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "link: bandwidth must be > 0 and finite (got 0 B/s)"
constexpr void validate(const Link& link) {
  constexpr std::string_view fn = "link";
  require_non_empty(fn, "name", link.name);
  require_positive(fn, "bandwidth", link.bandwidth);
  require_non_negative(fn, "latency", link.latency);
  require_non_negative(fn, "energy_per_bit", link.energy_per_bit);
  validate(fn, link.provenance);
}

/// @}

}  // namespace paradox
