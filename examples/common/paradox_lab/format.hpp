// Plain numbers as a student reads them in the walk-through tables ("4.04", "7.97x", "12.3%").
// Quantities (times, sizes, bandwidths) are printed by the library's paradox/io.hpp
// (paradox::to_string, paradox::format_bits, ...); these helpers cover the dimensionless rest.
#pragma once

#include <string>

namespace paradox::lab {

/// A plain number with `digits` significant digits ("4.04"), no exponent below 1e6, "n/a" when
/// not finite.
[[nodiscard]] std::string format_number(double x, int digits = 3);

/// A percentage with `decimals` decimals: 0.1234 -> "12.3%".
[[nodiscard]] std::string format_percent(double fraction, int decimals = 1);

/// A ratio such as a speedup, 3 significant digits and an "x": 7.968 -> "7.97x".
[[nodiscard]] std::string format_times(double x);

/// format_times(x), with more digits when 3 would print `x` the same as `reference` although the
/// two differ: 7.9996 beside 8 prints "7.9996x", never "8x" (a sentence saying "8x, less than
/// 8x" contradicts itself).
[[nodiscard]] std::string format_times_beside(double x, double reference);

/// format_percent(fraction), with more decimals when one decimal would print it the same as
/// `reference` although the two differ: 0.99996 beside 1 prints "99.996%", never "100.0%".
[[nodiscard]] std::string format_percent_beside(double fraction, double reference);

}  // namespace paradox::lab
