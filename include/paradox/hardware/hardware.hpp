/// @file
/// @brief The hardware family: the value types every model takes as input.
#pragma once

#include "paradox/hardware/accelerator.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/node.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/hardware/radio_link.hpp"

namespace paradox {

/// @defgroup hardware Hardware
/// @brief Value types describing accelerators, links, nodes, clusters, radios and edge devices.
///
/// Plain aggregates, constexpr-constructible with designated initializers, so that the catalog
/// can hold them as `inline constexpr` presets and users can build their own:
/// `Link{.name = "my fabric", .bandwidth = 25.0 * gigabytes_per_second, ...}`.
/// Every figure carries a Provenance saying where it comes from.
///
/// They are the models' inputs: every comm model takes a Link (one rank's link, bandwidth per
/// direction); the scaling model takes a Cluster (nodes x accelerators, the intra-node link, the
/// node's NICs, shared by its accelerators, and the fabric); a RadioLink converts to the Link of
/// its uplink wherever a Link is expected.
/// @{

/// @}

}  // namespace paradox
