/// @file
/// @brief Node: accelerators sharing an intra-node fabric and a set of NICs (e.g. a DGX).
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/accelerator.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief A server: identical accelerators, an intra-node link per accelerator (NVLink through
/// NVSwitch) and NICs to the inter-node fabric.
struct Node {
  std::string_view key{};         ///< lower-case catalog key, e.g. "dgx-h100"
  std::string_view name{};        ///< display name
  Accelerator accelerator{};      ///< the accelerator model
  int accelerators_per_node = 1;  ///< e.g. 8 for a DGX
  Link intra_node{};              ///< one accelerator's link into the intra-node fabric
  Link nic{};                     ///< one NIC's link to the inter-node fabric
  int nics_per_node = 1;          ///< compute NICs (storage NICs not counted)
  Provenance provenance{};        ///< the node's configuration
};

/// @brief Total accelerator memory of the node: \f$ n_{acc} \cdot C_{HBM} \f$.
[[nodiscard]] constexpr Bytes total_hbm(const Node& node) noexcept {
  return static_cast<double>(node.accelerators_per_node) * node.accelerator.hbm_capacity;
}

/// @brief Dense peak of the whole node at precision `p`.
/// @throws invalid_input when the accelerator does not support `p`
[[nodiscard]] constexpr FlopRate node_peak(const Node& node, Precision p) {
  return static_cast<double>(node.accelerators_per_node) * peak(node.accelerator, p);
}

/// @brief Inter-node bandwidth available to one accelerator, per direction:
/// \f$ n_{NIC} B_{NIC} / n_{acc} \f$ (DGX H100: 8 x 50 GB/s / 8 = 50 GB/s).
/// @throws invalid_input when accelerators_per_node < 1
[[nodiscard]] constexpr Bandwidth nic_bandwidth_per_accelerator(const Node& node) {
  require_at_least("nic bandwidth per accelerator", "accelerators_per_node",
                   node.accelerators_per_node, 1);
  return static_cast<double>(node.nics_per_node) * node.nic.bandwidth /
         static_cast<double>(node.accelerators_per_node);
}

/// @brief Checks a node: counts >= 1, accelerator and both links valid.
/// @throws invalid_input naming the offending field
inline void validate(const Node& node) {
  constexpr std::string_view fn = "node";
  if (node.name.empty()) throw invalid_input(fn, "name", "be non-empty", "\"\"");
  require_at_least(fn, "accelerators_per_node", node.accelerators_per_node, 1);
  require_at_least(fn, "nics_per_node", node.nics_per_node, 1);
  validate(node.accelerator);
  validate(node.intra_node);
  validate(node.nic);
  validate(fn, node.provenance);
}

/// @}

}  // namespace paradox
