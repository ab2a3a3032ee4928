/// @file
/// @brief Shared radio cells and access points: the capacity a round's clients share when they
/// reach the aggregation server through one base station sector or one access point
/// (energy::FederatedRound::cell_uplink / cell_downlink), with where each figure comes from.
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief One cell sector or access point: the capacity per direction that every client
/// attached to it shares (one collision domain, one scheduler).
///
/// A round of K clients that all upload through the cell gets at most uplink / K each
/// (energy::FederatedRound); spreading the clients over several cells divides K per cell.
struct Cell {
  std::string_view key{};        ///< lower-case catalog key, e.g. "5g-lowband-cell"
  std::string_view name{};       ///< display name
  std::string_view radio_key{};  ///< the catalog radio (radio_links.hpp) its clients use
  Bandwidth uplink{};            ///< capacity shared by the clients' uploads
  Bandwidth downlink{};          ///< capacity shared by the clients' downloads
  Provenance provenance{};       ///< where the capacities come from
};

/// @brief One 5G low-band cell sector shared by the round's cars (Edge Guardian): 100 Mb/s up,
/// 300 Mb/s down.
///
/// Didactic round figures for one 20 MHz low-band carrier, kept from part 1's first pricing:
/// no measured per-sector capacity (all the users of a sector together) was found to cite.
/// Narayanan et al. 2021 report per-device throughputs, which catalog::nr_lowband carries
/// (30 Mb/s up, 100 Mb/s down, also didactic), not a sector's total.
inline constexpr Cell nr_lowband_cell{
    .key = "5g-lowband-cell",
    .name = "5G low-band cell sector (one 20 MHz carrier)",
    .radio_key = "5g-lowband",
    .uplink = 100.0 * megabits_per_second,
    .downlink = 300.0 * megabits_per_second,
    .provenance = {"didactic assumption: round figures for the capacity one 20 MHz low-band 5G "
                   "sector gives all its users together (100 Mb/s up, 300 Mb/s down); no "
                   "measured per-sector capacity was found to cite",
                   SourceKind::didactic_assumption}};

/// @brief The depot's Wi-Fi 6 access point shared by the cars parked there: its capacity is
/// one link's rate (catalog::wifi6, 200 Mb/s up, 400 Mb/s down), since one channel carries one
/// transmission at a time (802.11's CSMA/CA: one collision domain).
inline constexpr Cell wifi6_access_point{
    .key = "wifi6-ap",
    .name = "Wi-Fi 6 access point (one channel)",
    .radio_key = "wifi6",
    .uplink = wifi6.uplink,
    .downlink = wifi6.downlink,
    .provenance = {"the wifi6 radio's single-link rates (a didactic assumption there): one "
                   "802.11 channel is one collision domain, so all the clients of the access "
                   "point share one link's rate",
                   SourceKind::didactic_assumption}};

/// @brief Every cell and access point, for listing.
inline constexpr std::array<Cell, 2> cells{nr_lowband_cell, wifi6_access_point};

/// @brief The cell or access point with this key.
/// @param key "5g-lowband-cell" or "wifi6-ap"
/// @return a reference to the entry in `cells` (static storage)
/// @throws invalid_input listing the valid keys: "catalog: cell must be one of
///   5g-lowband-cell, wifi6-ap (got "foo")"
[[nodiscard]] inline const Cell& cell(std::string_view key) {
  return find_by_key(cells, key, "cell");
}

/// @}

}  // namespace paradox::catalog
