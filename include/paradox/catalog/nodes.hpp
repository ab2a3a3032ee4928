/// @file
/// @brief DGX-class node presets: DGX A100, DGX H100, DGX B200.
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/links.hpp"
#include "paradox/catalog/lookup.hpp"
#include "paradox/hardware/node.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief NVIDIA DGX A100 (80GB): 8 x A100, NVLink 3 through NVSwitch, 8 compute NICs of
/// 200 Gb/s (HDR).
inline constexpr Node dgx_a100{
    .key = "dgx-a100",
    .name = "NVIDIA DGX A100 (8 x A100 80GB)",
    .accelerator = a100_80gb,
    .accelerators_per_node = 8,
    .intra_node = nvlink3,
    .nic = ib_hdr,
    .nics_per_node = 8,
    .provenance = {"NVIDIA DGX A100 datasheet: 8 A100 80GB GPUs, 6 NVSwitches, 8 single-port "
                   "ConnectX-6 200 Gb/s compute NICs (storage NICs not counted)",
                   SourceKind::datasheet}};

/// @brief NVIDIA DGX H100: 8 x H100 SXM, NVLink 4 through NVSwitch, 8 compute NICs of
/// 400 Gb/s (NDR).
inline constexpr Node dgx_h100{
    .key = "dgx-h100",
    .name = "NVIDIA DGX H100 (8 x H100 SXM)",
    .accelerator = h100_sxm,
    .accelerators_per_node = 8,
    .intra_node = nvlink4,
    .nic = ib_ndr,
    .nics_per_node = 8,
    .provenance = {"NVIDIA DGX H100 datasheet: 8 H100 SXM GPUs, 4 NVSwitches (900 GB/s NVLink "
                   "per GPU), 8 ConnectX-7 400 Gb/s compute ports (storage NICs not counted)",
                   SourceKind::datasheet}};

/// @brief NVIDIA DGX B200: 8 x B200, NVLink 5, 8 compute NICs of 400 Gb/s.
inline constexpr Node dgx_b200{
    .key = "dgx-b200",
    .name = "NVIDIA DGX B200 (8 x B200)",
    .accelerator = b200,
    .accelerators_per_node = 8,
    .intra_node = nvlink5,
    .nic = ib_ndr,
    .nics_per_node = 8,
    .provenance = {"NVIDIA DGX B200 datasheet: 8 B200 GPUs, NVLink 5 (1.8 TB/s per GPU), "
                   "8 ConnectX-7 400 Gb/s compute ports (storage NICs not counted)",
                   SourceKind::datasheet}};

/// @brief A commodity 8 x H100 SXM server whose GPUs share one 10 GbE NIC: the slow side of
/// Cloud Titan's part-1 toggle.
///
/// The MLSys textbook's 10 GbE examples treat the NIC as the node's single link; here the node's
/// 8 GPUs share it, so each gets 1.25 Gb/s across nodes (see
/// effective_inter_node_bandwidth_per_accelerator).
inline constexpr Node h100_10gbe{
    .key = "h100-10gbe",
    .name = "8 x H100 SXM server, one shared 10 GbE NIC",
    .accelerator = h100_sxm,
    .accelerators_per_node = 8,
    .intra_node = nvlink4,
    .nic = eth_10g,
    .nics_per_node = 1,
    .provenance = {"Didactic configuration: an HGX H100 8-GPU board (NVLink 4) in a server with "
                   "one 10 GbE NIC for all eight GPUs, the commodity network of the lab's slow "
                   "toggle",
                   SourceKind::didactic_assumption}};

/// @brief Every node preset, for listing.
inline constexpr std::array<Node, 4> nodes{dgx_a100, dgx_h100, dgx_b200, h100_10gbe};

/// @brief The node preset with this key.
/// @param key "dgx-a100", "dgx-h100", "dgx-b200" or "h100-10gbe"
/// @return a reference to the preset in `nodes` (static storage)
/// @throws invalid_input listing the valid keys when the key is unknown:
///   "catalog: node must be one of dgx-a100, dgx-h100, dgx-b200, h100-10gbe (got "foo")"
[[nodiscard]] inline const Node& node(std::string_view key) {
  return find_by_key(nodes, key, "node");
}

/// @}

}  // namespace paradox::catalog
