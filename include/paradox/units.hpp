/// @file
/// @brief The paradox units facade: the unit system, quantity aliases, named units, unit
/// objects and `value_in`.
///
/// Opt-in extras, each its own header: `paradox/units/literals.hpp` (`80_GiB`, `5.0_us`),
/// `paradox/units/parse.hpp` (unit strings such as "400Gb/s") and `paradox/io.hpp`
/// (printing "3.21 ms").
/// @ingroup units
#pragma once

#include "paradox/units/system.hpp"
#include "paradox/units/unit_objects.hpp"
#include "paradox/units/value_in.hpp"
