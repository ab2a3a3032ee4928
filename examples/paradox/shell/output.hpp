/// @file
/// @brief Printing for the calculator: the project's one text table and number formatter
/// (examples/common/paradox_text), named here as the commands use them, and the finiteness
/// check every JSON report passes before it is printed (nlohmann::json would print NaN as null).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "paradox_text/format.hpp"
#include "paradox_text/table.hpp"

namespace paradox::cli {

using text::count;
using text::number;
using text::Table;

/// Path of the first non-finite number in `json` ("points[3].speedup"), empty if none.
[[nodiscard]] std::string first_non_finite(const nlohmann::json& json);

}  // namespace paradox::cli
