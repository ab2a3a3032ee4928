/// @file
/// @brief Umbrella header: every model family of paradox in one include.
///
/// Includes the units (with the unit-string parser), the errors, the hardware value types, the
/// catalog and every model family. Not included, because they are opt-in: `paradox/io.hpp`
/// (printing quantities), `paradox/units/literals.hpp` (user-defined literals) and
/// `paradox/figures/` (figure data and rendering). Like every model header it does not include
/// the iostreams.
#pragma once

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/catalog.hpp"
#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/links.hpp"
#include "paradox/catalog/lookup.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/nodes.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/catalog/tracks.hpp"
#include "paradox/comm/all_to_all.hpp"
#include "paradox/comm/bus_bandwidth.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/comm/cost_terms.hpp"
#include "paradox/comm/double_binary_tree.hpp"
#include "paradox/comm/hierarchical.hpp"
#include "paradox/comm/in_network.hpp"
#include "paradox/comm/point_to_point.hpp"
#include "paradox/comm/rabenseifner.hpp"
#include "paradox/comm/recursive_doubling.hpp"
#include "paradox/comm/ring.hpp"
#include "paradox/comm/tree.hpp"
#include "paradox/compute/model_spec.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/accelerator.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/node.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/scaling/amdahl.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/scaling.hpp"
#include "paradox/scaling/strong_weak.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"
