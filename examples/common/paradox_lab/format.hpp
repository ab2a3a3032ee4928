// Numbers as a student reads them in the walk-through tables ("3.21 ms", "2.4 h", "4.04x").
#pragma once

#include <string>

#include "paradox/units.hpp"

namespace paradox::lab {

/// A time with a readable unit: ns, us, ms, s, min, h or days, 3 significant digits.
[[nodiscard]] std::string format_time(Seconds t);
/// A size with decimal prefixes: "140 GB", "2.5 MB", "512 B".
[[nodiscard]] std::string format_bytes(Bytes b);
/// A bandwidth in bits per second as networks are sold: "10 Gb/s", "2 Mb/s".
[[nodiscard]] std::string format_bandwidth(Bandwidth bw);
/// A plain number with `digits` significant digits ("4.04"), no exponent below 1e6.
[[nodiscard]] std::string format_number(double x, int digits = 3);
/// A percentage with one decimal: 0.1234 -> "12.3%".
[[nodiscard]] std::string format_percent(double fraction);

}  // namespace paradox::lab
