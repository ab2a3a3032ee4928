/// @file
/// @brief Umbrella header: every model family of paradox in one include.
///
/// Includes the units (with the unit-string parser), the errors and the entry header of every
/// family, `paradox/<family>/<family>.hpp`, which in turn includes all of the family's headers.
/// Not included, because they are opt-in: `paradox/io.hpp` (printing quantities),
/// `paradox/units/literals.hpp` (user-defined literals) and `paradox/figures/` (figure data and
/// rendering, entry header `figures/figures.hpp`). No paradox header but io.hpp includes the
/// iostreams; Boost.Math's quadrature and root finders do, so sync/ brings them in
/// (tests/paradox_test.cpp checks the other families). A test (tests/umbrella/tests.cmake)
/// fails when a public header is not reachable from here.
#pragma once

#include "paradox/catalog/catalog.hpp"
#include "paradox/comm/comm.hpp"
#include "paradox/compute/compute.hpp"
#include "paradox/decentralized/decentralized.hpp"
#include "paradox/energy/energy.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/hardware.hpp"
#include "paradox/memory/memory.hpp"
#include "paradox/parallel/parallel.hpp"
#include "paradox/pipeline/pipeline.hpp"
#include "paradox/reliability/reliability.hpp"
#include "paradox/scaling/scaling.hpp"
#include "paradox/sync/sync.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"
