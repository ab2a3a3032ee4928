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
/// @param node the node
/// @return the HBM of all its accelerators, in bytes (catalog::dgx_h100: 8 x 80 GB = 640 GB)
/// @pre accelerators_per_node >= 1
/// @throws invalid_input "node: accelerators_per_node must be >= 1 (got 0)"
[[nodiscard]] constexpr Bytes total_hbm(const Node& node) {
  require_at_least("node", "accelerators_per_node", node.accelerators_per_node, 1);
  return static_cast<double>(node.accelerators_per_node) * node.accelerator.hbm_capacity;
}

/// @brief Dense peak of the whole node at precision `p`: \f$ n_{acc} \cdot R_{peak}(p) \f$.
/// @param node the node
/// @param p the precision
/// @return FLOP/s of all accelerators together (DGX H100, bf16: 8 x 989 = 7,912 TFLOP/s;
///   operations per second for int8)
/// @pre accelerators_per_node >= 1
/// @throws invalid_input "node: accelerators_per_node must be >= 1 (got 0)", or when the
///   accelerator does not support `p`, e.g.
///   "accelerator peak: precision must be supported by NVIDIA A100 SXM4 80GB (got fp8)"
/// @see peak
[[nodiscard]] constexpr FlopRate node_peak(const Node& node, Precision p) {
  require_at_least("node", "accelerators_per_node", node.accelerators_per_node, 1);
  return static_cast<double>(node.accelerators_per_node) * peak(node.accelerator, p);
}

/// @brief Inter-node bandwidth available to one accelerator, per direction:
/// \f$ n_{NIC} B_{NIC} / n_{acc} \f$ (DGX H100: 8 x 50 GB/s / 8 = 50 GB/s).
/// @param node the node
/// @return bandwidth per accelerator per direction, in B/s, assuming the fabric behind the
///   NICs is not oversubscribed
/// @pre nics_per_node >= 1 and the NIC bandwidth > 0 (checked by validate(const Node&))
/// @throws invalid_input when accelerators_per_node < 1:
///   "nic bandwidth per accelerator: accelerators_per_node must be >= 1 (got 0)"
/// @see effective_inter_node_bandwidth_per_accelerator, which adds the fabric and
///   oversubscription
[[nodiscard]] constexpr Bandwidth nic_bandwidth_per_accelerator(const Node& node) {
  require_at_least("nic bandwidth per accelerator", "accelerators_per_node",
                   node.accelerators_per_node, 1);
  return static_cast<double>(node.nics_per_node) * node.nic.bandwidth /
         static_cast<double>(node.accelerators_per_node);
}

/// @brief Checks a node: name and provenance present, counts >= 1, accelerator and both links
/// valid.
/// @param node the node to check (catalog presets pass)
/// @throws invalid_input naming the first offending field, e.g.
///   "node: nics_per_node must be >= 1 (got 0)"; errors in the accelerator or a link come from
///   validate(const Accelerator&) and validate(const Link&)
inline void validate(const Node& node) {
  constexpr std::string_view fn = "node";
  require_non_empty(fn, "name", node.name);
  require_at_least(fn, "accelerators_per_node", node.accelerators_per_node, 1);
  require_at_least(fn, "nics_per_node", node.nics_per_node, 1);
  validate(node.accelerator);
  validate(node.intra_node);
  validate(node.nic);
  validate(fn, node.provenance);
}

/// @}

}  // namespace paradox
