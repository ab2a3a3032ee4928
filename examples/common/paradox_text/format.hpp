/// @file
/// @brief Plain numbers as people read them in the calculator's and the walk-throughs' tables:
/// "4.04", "7.97x", "12.3%", "175B". One rule for all of them (number()), the same rule
/// paradox/io.hpp uses for quantities, so that "58.7x" and "58.7 s" read alike.
///
/// Quantities (times, sizes, bandwidths) are printed by the library's paradox/io.hpp; these
/// helpers cover the dimensionless rest. None of them ever prints "-0": a value that rounds to
/// zero prints without a sign, whatever the sign of the double.
#pragma once

#include <string>

namespace paradox::text {

/// @brief `value` with `significant` significant digits and no trailing zeros: 7.968 -> "7.97"
/// (3), 0.9230 -> "0.923", 1234.5 -> "1235" (every integer digit is kept rather than
/// "1.23e+03"); exponent notation only for |value| >= 1e15 or < 1e-4; "n/a" when not finite.
/// @param significant clamped to [1, 17]
[[nodiscard]] std::string number(double value, int significant = 4);

/// @brief `value` with exactly `decimals` decimals, for columns that must line up:
/// -0.0996 -> "-0.10", -0.004 -> "0.00" (never "-0.00"); "n/a" when not finite.
/// @param decimals clamped to [0, 17]
[[nodiscard]] std::string fixed(double value, int decimals);

/// @brief A share as a percentage with `decimals` decimals: 0.1234 -> "12.3%".
[[nodiscard]] std::string percent(double fraction, int decimals = 1);

/// @brief A ratio such as a speedup, number(value, 3) and an "x": 7.968 -> "7.97x".
[[nodiscard]] std::string times(double value);

/// @brief A count with a magnitude suffix, as parameter counts are written: "175B", "38.6k",
/// "1.01T"; below 1000 it is number(value, significant).
[[nodiscard]] std::string count(double value, int significant = 3);

/// @brief times(value), with more digits when 3 would print `value` the same as `reference`
/// although the two differ: 7.9996 beside 8 prints "7.9996x", never "8x" (a sentence saying
/// "8x, less than 8x" contradicts itself). Stops at 10 significant digits.
[[nodiscard]] std::string times_beside(double value, double reference);

/// @brief percent(fraction), with more decimals when one decimal would print it the same as
/// `reference` although the two differ: 0.99996 beside 1 prints "99.996%", never "100.0%".
[[nodiscard]] std::string percent_beside(double fraction, double reference);

}  // namespace paradox::text
