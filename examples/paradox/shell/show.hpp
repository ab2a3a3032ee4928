/// @file
/// @brief Quantities in the calculator's tables, printed by paradox/io.hpp ("35.007 ms").
#pragma once

#include <string>

#include "paradox/io.hpp"
#include "paradox/units.hpp"

namespace paradox::cli {

/// `q` with engineering prefixes and `significant_digits` digits: "28.57 GB/s".
template <class Dimension>
[[nodiscard]] std::string show(const units::quantity_of<Dimension>& q, int significant_digits = 4) {
  return format(q, {.significant_digits = significant_digits});
}

}  // namespace paradox::cli
