/// @file
/// @brief The paradox units facade: the unit system, quantity aliases, named units, unit
/// objects and `value_in`. Literals are opt-in (`paradox/units/literals.hpp`).
#pragma once

#include "paradox/units/system.hpp"
#include "paradox/units/unit_objects.hpp"
#include "paradox/units/value_in.hpp"
