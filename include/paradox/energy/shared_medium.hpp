/// @file
/// @brief A shared radio channel (a BLE central's connection events, a Wi-Fi access point's
/// channel): the airtime a round needs when n devices contend for it.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief One channel that only one device can use at a time.
struct SharedChannel {
  Bandwidth capacity{};              ///< usable throughput of one transmission, > 0
  Seconds access_overhead{};         ///< per device and turn: connection interval, contention, >= 0
  double efficiency_fraction = 1.0;  ///< share of the capacity left after MAC overhead, (0, 1]
};

/// @brief A radio's channel as shared: capacity = its uplink (already a usable, application
/// throughput in the catalog), one latency per device and turn (for BLE, the connection
/// interval), efficiency 1.
/// @param radio the radio
/// @return the SharedChannel
[[nodiscard]] constexpr SharedChannel shared_channel(const RadioLink& radio) {
  return {.capacity = radio.uplink, .access_overhead = radio.latency, .efficiency_fraction = 1.0};
}

/// @brief n devices that each send B bytes over one shared channel.
struct SharedTransfer {
  Bytes bytes_per_client{};  ///< B, >= 0
  int clients = 1;           ///< n, the devices that transmit, >= 0
  SharedChannel channel{};   ///< the channel they share
};

/// @brief Airtime of n transmissions on one channel:
/// \f$ T = n \left( \tau + \frac{B}{\eta C} \right) \f$.
///
/// On one collision domain only one transmission succeeds at a time, so the airtimes add up
/// instead of running in parallel as on point-to-point links: 802.11's DCF lets one station
/// win the channel per contention (Bianchi 2000, "Performance Analysis of the IEEE 802.11
/// Distributed Coordination Function", IEEE JSAC 18(3), sec. II-III; \f$\eta\f$ is the share of
/// the PHY rate its saturation throughput leaves), and a BLE central serves its peripherals
/// in successive connection events (Bluetooth Core Specification v5.x, vol. 6, part B, sec.
/// 4.5). \f$\tau\f$ is the per-turn overhead (a connection interval, a contention). Spatial
/// reuse (several channels, distant cells) is not modelled: give each channel its own share.
/// @param in the bytes per device, the devices and the channel
/// @return T, s; 100 hearables x 8,536 B on one BLE 1M central (0.8 Mb/s, 7.5 ms): 9.29 s,
///   against 0.09 s on 100 parallel links
/// @pre bytes_per_client >= 0; clients >= 0; capacity > 0; access_overhead >= 0;
///   efficiency_fraction in (0, 1]
/// @throws invalid_input "shared airtime: clients must be >= 0 (got -1)",
///   "shared airtime: channel.capacity must be > 0 and finite (got 0 B/s)"
/// @see star_airtime, gossip_airtime
[[nodiscard]] inline Seconds airtime(const SharedTransfer& in) {
  constexpr std::string_view fn = "shared airtime";
  require_non_negative(fn, "bytes_per_client", in.bytes_per_client);
  require_at_least(fn, "clients", in.clients, 0);
  require_positive(fn, "channel.capacity", in.channel.capacity);
  require_non_negative(fn, "channel.access_overhead", in.channel.access_overhead);
  require_positive_fraction(fn, "channel.efficiency_fraction", in.channel.efficiency_fraction);
  const double n = static_cast<double>(in.clients);
  return n * (in.channel.access_overhead +
              in.bytes_per_client / (in.channel.efficiency_fraction * in.channel.capacity));
}

/// @brief Airtime of one round through a central on a shared channel (hearables to a phone,
/// stations to an access point): n uploads of S, then n unicast downloads of S or one
/// broadcast: \f$ T = T(n, S) + T(n \text{ or } 1, S) \f$.
/// @param model S, bytes each device uploads and receives, >= 0
/// @param clients n, devices around the central, >= 1
/// @param channel the shared channel
/// @param broadcast_download true when the central broadcasts the average once
/// @return T, s (see airtime())
/// @throws invalid_input "star airtime: clients must be >= 1 (got 0)", and as airtime()
[[nodiscard]] inline Seconds star_airtime(Bytes model, int clients, const SharedChannel& channel,
                                          bool broadcast_download = false) {
  require_at_least("star airtime", "clients", clients, 1);
  const Seconds up = airtime({.bytes_per_client = model, .clients = clients, .channel = channel});
  const Seconds down = airtime(
      {.bytes_per_client = model, .clients = broadcast_download ? 1 : clients, .channel = channel});
  return up + down;
}

/// @brief Airtime of one gossip round on a shared channel: every node transmits its model S
/// once and its neighbours overhear it (a radio is a broadcast medium), so
/// \f$ T = T(N, S) \f$ whatever the degree; with unicast to each neighbour, 2|E| transmissions.
/// @param model S, >= 0
/// @param nodes N, >= 1
/// @param channel the shared channel (one collision domain)
/// @param unicast_transmissions 0 for broadcast; otherwise the transmissions per round
///   (2|E| for a send to each neighbour), >= 0
/// @return T, s
/// @throws invalid_input "gossip airtime: nodes must be >= 1 (got 0)", and as airtime()
[[nodiscard]] inline Seconds gossip_airtime(Bytes model, int nodes, const SharedChannel& channel,
                                            int unicast_transmissions = 0) {
  require_at_least("gossip airtime", "nodes", nodes, 1);
  require_at_least("gossip airtime", "unicast_transmissions", unicast_transmissions, 0);
  const int sends = unicast_transmissions > 0 ? unicast_transmissions : nodes;
  return airtime({.bytes_per_client = model, .clients = sends, .channel = channel});
}

/// @brief Airtime of one gossip round on a shared channel with spatial reuse: `slots`
/// sequential broadcast slots, in each of which every node scheduled there sends its model at
/// once (far-apart nodes do not collide).
///
/// \f$T = \text{slots}\,(t_\mathrm{access} + S/(\eta C))\f$. The slots come from a
/// collision-free schedule on the graph of who hears whom, a distance-2 colouring
/// (decentralized::broadcast_schedule(), after Ramanathan & Lloyd 1993): between
/// \f$\Delta + 1\f$ and \f$\Delta^2 + 1\f$ for largest degree \f$\Delta\f$. slots = N is
/// gossip_airtime() without reuse (one collision domain, every node hears every other).
/// @param model S, the bytes each node broadcasts
/// @param slots the schedule's length, >= 1
/// @param channel the shared channel
/// @return the round's airtime
/// @throws invalid_input "spatial reuse airtime: slots must be >= 1 (got 0)"
[[nodiscard]] inline Seconds spatial_reuse_airtime(Bytes model, int slots,
                                                   const SharedChannel& channel) {
  require_at_least("spatial reuse airtime", "slots", slots, 1);
  return airtime({.bytes_per_client = model, .clients = slots, .channel = channel});
}

/// @}

}  // namespace paradox::energy
