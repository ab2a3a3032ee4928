/// @file
/// @brief Opt-in printing of quantities the way a person reads them: "3.21 ms", "450 GB/s",
/// "989 TFLOP/s", "1.9 GB", "2.4 kJ", "$1.2M", "12.5 mW", "400 Gb/s", "80 GiB".
///
/// Engineering prefixes (steps of 1000) and three significant digits by default, trailing
/// zeros dropped. Times longer than a minute switch to min, h and d, as a person says them.
/// Model headers never include this file; programs and tests do.
///
/// | quantity | printed as |
/// |---|---|
/// | Seconds | ps ns us ms s, then min h d ("3.21 ms", "1.5 min", "2.08 d") |
/// | Bytes | B kB MB GB TB PB EB; binary: KiB ... EiB; bits: b kb Mb Gb ... |
/// | Bandwidth | B/s ... PB/s; bits: b/s kb/s Mb/s Gb/s Tb/s Pb/s |
/// | FlopCount, FlopRate | FLOP, kFLOP ... YFLOP; FLOP/s ... YFLOP/s |
/// | Watts, Joules | pW ... GW; pJ ... GJ |
/// | JoulesPerBit | pJ/bit ... J/bit |
/// | Dollars, DollarsPerHour, DollarsPerJoule | "$1.2M", "$2.5/h", "$0.12/kWh" (k M B T) |
/// | Hertz | Hz kHz MHz GHz THz |
///
/// Everything printed here parses back with parse_quantity (units/parse.hpp).
/// @ingroup units
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "paradox/units/prefixes.hpp"
#include "paradox/units/system.hpp"
#include "paradox/units/value_in.hpp"

namespace paradox {

/// @addtogroup units
/// @{

/// How io.hpp prints a quantity (use designated initializers: `{.bits = true}`).
struct format_options {
  /// Significant digits, clamped to [1, 17].
  int significant_digits = 3;
  /// Bytes and Bandwidth in bits: "400 Gb/s" rather than "50 GB/s".
  bool bits = false;
  /// Bytes and Bandwidth with binary prefixes: "80 GiB" rather than "85.9 GB".
  bool binary = false;
};

namespace units::detail {

// Beyond the second, times are read in minutes, hours and days rather than kiloseconds.
inline constexpr prefix time_steps[] = {{"ps", 1e-12}, {"ns", 1e-9},  {"us", 1e-6},
                                        {"ms", 1e-3},  {"s", 1.0},    {"min", 60.0},
                                        {"h", 3600.0}, {"d", 86400.0}};

/// `x` with `digits` significant digits, trailing zeros dropped; never exponent notation for
/// |x| in [1e-4, 1e15).
[[nodiscard]] inline std::string format_number(double x, int digits) {
  if (x == 0.0) x = 0.0;  // -0 prints as "0": a reader should never see "-0"
  char buffer[64];
  const double a = std::fabs(x);
  if (a >= 1e15 || (a > 0.0 && a < 1e-4)) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  } else if (a >= std::pow(10.0, digits)) {
    // More integer digits than significant ones: print them all rather than "1.02e+03".
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  }
  return buffer;
}

/// `x` rounded to `digits` significant digits (what the reader will see).
[[nodiscard]] inline double round_significant(double x, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, x);
  return std::strtod(buffer, nullptr);
}

/// Picks the prefix a person would read `x` (finite, base units) with, and the number to print.
[[nodiscard]] inline std::pair<double, std::string_view> choose_step(double x,
                                                                     std::span<const prefix> steps,
                                                                     int digits) {
  const double a = std::fabs(x);
  std::size_t i = 0;
  // The unprefixed unit (factor 1) is the step for zero.
  while (i + 1 < steps.size() && steps[i].factor < 1.0) ++i;
  if (a > 0.0) {
    i = 0;
    while (i + 1 < steps.size() && steps[i + 1].factor <= a) ++i;
    // Rounding can carry into the next step: 999.7 ms is read as 1 s, not "1000 ms".
    if (i + 1 < steps.size() &&
        round_significant(a / steps[i].factor, digits) * steps[i].factor >= steps[i + 1].factor)
      ++i;
  }
  return {x / steps[i].factor, steps[i].symbol};
}

/// "3.21 ms": number, space, prefix and unit; "nan" and "inf" only for non-finite input.
[[nodiscard]] inline std::string format_with(double x, std::span<const prefix> steps,
                                             std::string_view unit, int digits) {
  if (!std::isfinite(x)) {
    const auto base =
        std::find_if(steps.begin(), steps.end(), [](const prefix& s) { return s.factor == 1.0; });
    return std::string(std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf")) + " " +
           std::string(base == steps.end() ? "" : base->symbol) + std::string(unit);
  }
  const auto [number, symbol] = choose_step(x, steps, digits);
  return format_number(number, digits) + " " + std::string(symbol) + std::string(unit);
}

/// Bytes or bits ("B", "b") with SI prefixes up to `largest_exponent` or binary prefixes up to
/// `largest_binary`, as the options ask.
[[nodiscard]] inline std::string format_information(double bytes, const format_options& options,
                                                    std::string_view per, int largest_exponent,
                                                    std::size_t largest_binary, int digits) {
  const double x = options.bits ? bytes * 8.0 : bytes;
  const std::string unit = std::string(options.bits ? "b" : "B") + std::string(per);
  const auto steps = options.binary
                         ? std::span<const prefix>(binary_prefixes).first(largest_binary + 1)
                         : si_range(0, largest_exponent);
  return format_with(x, steps, unit, digits);
}

/// "$1.2M", "-$3.5k/h": money as prices are written.
[[nodiscard]] inline std::string format_money(double x, std::string_view per, int digits) {
  if (!std::isfinite(x))
    return std::string(std::isnan(x) ? "$nan" : (x < 0 ? "-$inf" : "$inf")) + std::string(per);
  const auto [number, magnitude] = choose_step(x, money_magnitudes, digits);
  const std::string sign = number < 0.0 ? "-" : "";
  return sign + "$" + format_number(std::fabs(number), digits) + std::string(magnitude) +
         std::string(per);
}

}  // namespace units::detail

/// @brief A quantity as a person reads it: "3.21 ms", "450 GB/s", "989 TFLOP/s", "$1.2M".
///
/// Finite input never prints "nan" or "inf"; zero prints as "0 s", "0 B", ...; negative values
/// keep their sign ("-3.21 ms", "-$1.2M").
/// @param q any paradox quantity (Seconds, Bytes, Bandwidth, FlopCount, FlopRate, Watts,
///   Joules, JoulesPerBit, Dollars, DollarsPerHour, DollarsPerJoule, Hertz; other dimensions
///   print in the system's base unit)
/// @param options significant digits; bits or binary prefixes for Bytes and Bandwidth
/// @return the text, e.g. "1.9 GB"
template <class Dimension>
[[nodiscard]] std::string format(const units::quantity_of<Dimension>& q,
                                 const format_options& options = {}) {
  namespace ud = units::detail;
  const int digits = std::clamp(options.significant_digits, 1, 17);
  const double x = value_in<units::unit_of<Dimension>>(q);
  if constexpr (std::is_same_v<Dimension, units::time_dimension>) {
    return ud::format_with(x, ud::time_steps, "", digits);
  } else if constexpr (std::is_same_v<Dimension, units::information_dimension>) {
    return ud::format_information(x, options, "", 18, 6, digits);
  } else if constexpr (std::is_same_v<Dimension, units::bandwidth_dimension>) {
    return ud::format_information(x, options, "/s", 15, 5, digits);
  } else if constexpr (std::is_same_v<Dimension, units::flop_dimension>) {
    return ud::format_with(x, units::si_range(0, 24), "FLOP", digits);
  } else if constexpr (std::is_same_v<Dimension, units::flop_rate_dimension>) {
    return ud::format_with(x, units::si_range(0, 24), "FLOP/s", digits);
  } else if constexpr (std::is_same_v<Dimension, units::power_dimension>) {
    return ud::format_with(x, units::si_range(-12, 9), "W", digits);
  } else if constexpr (std::is_same_v<Dimension, units::energy_dimension>) {
    return ud::format_with(x, units::si_range(-12, 9), "J", digits);
  } else if constexpr (std::is_same_v<Dimension, units::energy_per_information_dimension>) {
    return ud::format_with(value_in<joule_per_bit_unit>(q), units::si_range(-12, 0), "J/bit",
                           digits);
  } else if constexpr (std::is_same_v<Dimension, units::currency_dimension>) {
    return ud::format_money(x, "", digits);
  } else if constexpr (std::is_same_v<Dimension, units::currency_rate_dimension>) {
    return ud::format_money(value_in<dollar_per_hour_unit>(q), "/h", digits);
  } else if constexpr (std::is_same_v<Dimension, units::currency_per_energy_dimension>) {
    return ud::format_money(x * 3.6e6, "/kWh", digits);
  } else if constexpr (std::is_same_v<Dimension, units::frequency_dimension>) {
    return ud::format_with(x, units::si_range(0, 12), "Hz", digits);
  } else {
    const std::string symbol = units::base_symbol<Dimension>();
    return ud::format_number(x, digits) + (symbol.empty() ? "" : " " + symbol);
  }
}

/// @brief Same as format(q) with default options.
/// @param q any paradox quantity
/// @return the text, e.g. "450 GB/s"
template <class Dimension>
[[nodiscard]] std::string to_string(const units::quantity_of<Dimension>& q) {
  return format(q);
}

/// @brief A bandwidth in bits per second: "400 Gb/s" (network links are quoted this way).
/// @param b the bandwidth
/// @return the text
[[nodiscard]] inline std::string format_bits(const Bandwidth& b) {
  return format(b, {.bits = true});
}

/// @brief A size with binary prefixes: "80 GiB" (HBM capacities are quoted this way).
/// @param b the size
/// @return the text
[[nodiscard]] inline std::string format_binary(const Bytes& b) {
  return format(b, {.binary = true});
}

namespace units {
/// @brief Streams format(q). Found by argument-dependent lookup for every paradox quantity, so
/// `std::cout << q` and Catch2's failure messages print "3.21 ms".
/// @param os the stream
/// @param q the quantity
/// @return os
template <class Dimension>
std::ostream& operator<<(std::ostream& os, const quantity_of<Dimension>& q) {
  return os << paradox::format(q);
}
}  // namespace units

using units::operator<<;

/// @}

}  // namespace paradox
