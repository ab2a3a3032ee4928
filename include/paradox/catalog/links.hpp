/// @file
/// @brief Wired link presets: NVLink 3/4/5, PCIe 4/5 x16, InfiniBand HDR/NDR/XDR, Ethernet
/// 10/100/400G, RoCE, automotive 10GBASE-T1. Bandwidth is per direction.
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

namespace detail {
/// No datasheet states a wired link's end-to-end latency or energy per bit: the stored figures
/// are round numbers for teaching, named per link in its source text.
inline constexpr FigureSource wired_latency{
    "latency",
    "didactic assumption: a round end-to-end figure including the host stack (one switch hop "
    "is 0.1-0.3 us; RDMA host to host 1-2 us; kernel TCP tens of us)",
    SourceKind::didactic_assumption};
inline constexpr FigureSource wired_energy{
    "energy_per_bit",
    "didactic assumption: an order-of-magnitude figure for the link's SerDes, NIC and switch "
    "port per bit; no vendor publishes it",
    SourceKind::didactic_assumption};
}  // namespace detail

/// @brief NVLink 3 (A100): 12 links x 25 GB/s per direction = 300 GB/s (600 GB/s
/// bidirectional).
inline constexpr Link nvlink3{
    .key = "nvlink3",
    .name = "NVLink 3 (A100, 12 links)",
    .bandwidth = 300.0 * gigabytes_per_second,
    .latency = 1.0 * microseconds,
    .energy_per_bit = 5.0 * picojoules_per_bit,
    .provenance = {"NVIDIA A100 datasheet: 600 GB/s NVLink total (both directions) -> 300 GB/s "
                   "per direction. Latency 1 us and 5 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief NVLink 4 (H100): 18 links, 450 GB/s per direction (900 GB/s bidirectional).
inline constexpr Link nvlink4{
    .key = "nvlink4",
    .name = "NVLink 4 (H100, 18 links)",
    .bandwidth = 450.0 * gigabytes_per_second,
    .latency = 1.0 * microseconds,
    .energy_per_bit = 5.0 * picojoules_per_bit,
    .provenance = {"NVIDIA H100 datasheet: NVLink 900 GB/s total (both directions) -> 450 GB/s "
                   "per direction. Latency 1 us and 5 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief NVLink 5 (B200): 18 links, 900 GB/s per direction (1.8 TB/s bidirectional).
inline constexpr Link nvlink5{
    .key = "nvlink5",
    .name = "NVLink 5 (B200, 18 links)",
    .bandwidth = 900.0 * gigabytes_per_second,
    .latency = 1.0 * microseconds,
    .energy_per_bit = 5.0 * picojoules_per_bit,
    .provenance = {"NVIDIA DGX B200 datasheet: 1.8 TB/s NVLink per GPU (both directions) -> "
                   "900 GB/s per direction. Latency 1 us and 5 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief PCIe 4.0 x16: 16 GT/s x 16 lanes x 128/130 / 8 = 31.5 GB/s per direction.
inline constexpr Link pcie4_x16{
    .key = "pcie4-x16",
    .name = "PCIe 4.0 x16",
    .bandwidth = 16.0 * 16.0 * (128.0 / 130.0) / 8.0 * gigabytes_per_second,
    .latency = 1.0 * microseconds,
    .energy_per_bit = 10.0 * picojoules_per_bit,
    .provenance = {"PCI Express Base Specification 4.0: 16 GT/s per lane, 128b/130b encoding; "
                   "bandwidth derived as 16 x 16 x 128/130 / 8 GB/s. Latency and energy are "
                   "didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief PCIe 5.0 x16: 32 GT/s x 16 lanes x 128/130 / 8 = 63 GB/s per direction.
inline constexpr Link pcie5_x16{
    .key = "pcie5-x16",
    .name = "PCIe 5.0 x16",
    .bandwidth = 32.0 * 16.0 * (128.0 / 130.0) / 8.0 * gigabytes_per_second,
    .latency = 1.0 * microseconds,
    .energy_per_bit = 10.0 * picojoules_per_bit,
    .provenance = {"PCI Express Base Specification 5.0: 32 GT/s per lane, 128b/130b encoding; "
                   "bandwidth derived as 32 x 16 x 128/130 / 8 GB/s. Latency and energy are "
                   "didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief InfiniBand HDR: 200 Gb/s = 25 GB/s per direction.
inline constexpr Link ib_hdr{
    .key = "ib-hdr",
    .name = "InfiniBand HDR 200 Gb/s",
    .bandwidth = 200.0 * gigabits_per_second,
    .latency = 2.0 * microseconds,
    .energy_per_bit = 50.0 * picojoules_per_bit,
    .provenance = {"NVIDIA ConnectX-6 / Quantum HDR datasheets: 200 Gb/s per port and "
                   "direction. End-to-end latency 2 us and 50 pJ/bit (NIC + switch hop) are "
                   "didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief InfiniBand NDR: 400 Gb/s = 50 GB/s per direction.
inline constexpr Link ib_ndr{
    .key = "ib-ndr",
    .name = "InfiniBand NDR 400 Gb/s",
    .bandwidth = 400.0 * gigabits_per_second,
    .latency = 2.0 * microseconds,
    .energy_per_bit = 40.0 * picojoules_per_bit,
    .provenance = {"NVIDIA ConnectX-7 / Quantum-2 NDR datasheets: 400 Gb/s per port and "
                   "direction (= 50 GB/s). End-to-end latency 2 us and 40 pJ/bit (NIC + switch "
                   "hop) are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief InfiniBand XDR: 800 Gb/s = 100 GB/s per direction.
///
/// No node preset uses it: DGX B200 ships ConnectX-7 at 400 Gb/s; XDR comes with ConnectX-8 in
/// later systems.
inline constexpr Link ib_xdr{
    .key = "ib-xdr",
    .name = "InfiniBand XDR 800 Gb/s",
    .bandwidth = 800.0 * gigabits_per_second,
    .latency = 2.0 * microseconds,
    .energy_per_bit = 30.0 * picojoules_per_bit,
    .provenance = {"NVIDIA ConnectX-8 SuperNIC user manual ('InfiniBand and Ethernet networking "
                   "at up to 800 gigabits per second') and Quantum-X800 switch documentation "
                   "(800 Gb/s ports): 800 Gb/s per port and "
                   "direction. End-to-end latency 2 us and 30 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief 10 Gigabit Ethernet (TCP): 1.25 GB/s per direction.
inline constexpr Link eth_10g{
    .key = "eth-10g",
    .name = "10 Gigabit Ethernet (TCP)",
    .bandwidth = 10.0 * gigabits_per_second,
    .latency = 20.0 * microseconds,
    .energy_per_bit = 300.0 * picojoules_per_bit,
    .provenance = {"IEEE 802.3 10GBASE line rate 10 Gb/s per direction. TCP latency 20 us and "
                   "300 pJ/bit (a few watts per 10GBASE-T port) are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief 100 Gigabit Ethernet (TCP): 12.5 GB/s per direction.
inline constexpr Link eth_100g{
    .key = "eth-100g",
    .name = "100 Gigabit Ethernet (TCP)",
    .bandwidth = 100.0 * gigabits_per_second,
    .latency = 10.0 * microseconds,
    .energy_per_bit = 100.0 * picojoules_per_bit,
    .provenance = {"IEEE 802.3 100GBASE line rate 100 Gb/s per direction. TCP latency 10 us "
                   "and 100 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief 400 Gigabit Ethernet (TCP): 50 GB/s per direction.
inline constexpr Link eth_400g{
    .key = "eth-400g",
    .name = "400 Gigabit Ethernet (TCP)",
    .bandwidth = 400.0 * gigabits_per_second,
    .latency = 10.0 * microseconds,
    .energy_per_bit = 50.0 * picojoules_per_bit,
    .provenance = {"IEEE 802.3bs 400GBASE line rate 400 Gb/s per direction. TCP latency 10 us "
                   "and 50 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief RoCE v2 over 400 GbE (RDMA, kernel bypass): 50 GB/s per direction.
inline constexpr Link roce_400g{
    .key = "roce",
    .name = "RoCE v2 over 400 GbE",
    .bandwidth = 400.0 * gigabits_per_second,
    .latency = 3.0 * microseconds,
    .energy_per_bit = 50.0 * picojoules_per_bit,
    .provenance = {"NVIDIA ConnectX-7 datasheet: 400 GbE with RoCE v2. Latency 3 us (RDMA, "
                   "slightly above InfiniBand) and 50 pJ/bit are didactic assumptions",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief Multi-gigabit automotive Ethernet, 10GBASE-T1: 1.25 GB/s per direction between the
/// SoCs of a car computer.
inline constexpr Link automotive_10g{
    .key = "auto-eth-10g",
    .name = "Automotive Ethernet 10GBASE-T1",
    .bandwidth = 10.0 * gigabits_per_second,
    .latency = 10.0 * microseconds,
    .energy_per_bit = 300.0 * picojoules_per_bit,
    .provenance = {"IEEE 802.3ch-2020 (multi-gig automotive Ethernet PHY: 2.5, 5 and 10 Gb/s "
                   "over one twisted pair), 10 Gb/s line rate per direction. Latency 10 us "
                   "and 300 pJ/bit are didactic assumptions (as for 10GBASE-T)",
                   SourceKind::datasheet,
                   {{detail::wired_latency, detail::wired_energy}}}};

/// @brief Every wired link preset, for listing (radios are in radio_links.hpp).
inline constexpr std::array<Link, 13> links{nvlink3,   nvlink4,  nvlink5,  pcie4_x16,
                                            pcie5_x16, ib_hdr,   ib_ndr,   ib_xdr,
                                            eth_10g,   eth_100g, eth_400g, roce_400g,
                                            automotive_10g};

/// @brief The wired link preset with this key (see also catalog::link in catalog.hpp, which
/// also finds radio uplinks).
/// @param key a wired link key: "nvlink3", "nvlink4", "nvlink5", "pcie4-x16", "pcie5-x16",
///   "ib-hdr", "ib-ndr", "ib-xdr", "eth-10g", "eth-100g", "eth-400g", "roce" or
///   "auto-eth-10g"
/// @return a reference to the preset in `links` (static storage)
/// @throws invalid_input listing the valid wired keys when the key is unknown (a radio key such
///   as "lte" is unknown here): "catalog: link must be one of nvlink3, ..., roce (got "lte")"
[[nodiscard]] inline const Link& wired_link(std::string_view key) {
  return find_by_key(links, key, "link");
}

/// @}

}  // namespace paradox::catalog
