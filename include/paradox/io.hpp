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

/// One printable step: a multiple of the base unit and its symbol.
struct print_step {
  double factor;
  std::string_view symbol;
};

inline constexpr print_step time_steps[] = {{1e-12, "ps"}, {1e-9, "ns"},  {1e-6, "us"},
                                            {1e-3, "ms"},  {1.0, "s"},    {60.0, "min"},
                                            {3600.0, "h"}, {86400.0, "d"}};
inline constexpr print_step byte_steps[] = {{1.0, "B"},   {1e3, "kB"},  {1e6, "MB"}, {1e9, "GB"},
                                            {1e12, "TB"}, {1e15, "PB"}, {1e18, "EB"}};
inline constexpr print_step binary_byte_steps[] = {{1.0, "B"},
                                                   {1024.0, "KiB"},
                                                   {1048576.0, "MiB"},
                                                   {1073741824.0, "GiB"},
                                                   {1099511627776.0, "TiB"},
                                                   {1125899906842624.0, "PiB"},
                                                   {1152921504606846976.0, "EiB"}};
inline constexpr print_step bit_steps[] = {{1.0, "b"},   {1e3, "kb"},  {1e6, "Mb"}, {1e9, "Gb"},
                                           {1e12, "Tb"}, {1e15, "Pb"}, {1e18, "Eb"}};
inline constexpr print_step binary_bit_steps[] = {{1.0, "b"},
                                                  {1024.0, "Kib"},
                                                  {1048576.0, "Mib"},
                                                  {1073741824.0, "Gib"},
                                                  {1099511627776.0, "Tib"},
                                                  {1125899906842624.0, "Pib"},
                                                  {1152921504606846976.0, "Eib"}};
inline constexpr print_step byte_rate_steps[] = {{1.0, "B/s"},  {1e3, "kB/s"},  {1e6, "MB/s"},
                                                 {1e9, "GB/s"}, {1e12, "TB/s"}, {1e15, "PB/s"}};
inline constexpr print_step binary_byte_rate_steps[] = {{1.0, "B/s"},
                                                        {1024.0, "KiB/s"},
                                                        {1048576.0, "MiB/s"},
                                                        {1073741824.0, "GiB/s"},
                                                        {1099511627776.0, "TiB/s"},
                                                        {1125899906842624.0, "PiB/s"}};
inline constexpr print_step bit_rate_steps[] = {{1.0, "b/s"},  {1e3, "kb/s"},  {1e6, "Mb/s"},
                                                {1e9, "Gb/s"}, {1e12, "Tb/s"}, {1e15, "Pb/s"}};
inline constexpr print_step binary_bit_rate_steps[] = {{1.0, "b/s"},
                                                       {1024.0, "Kib/s"},
                                                       {1048576.0, "Mib/s"},
                                                       {1073741824.0, "Gib/s"},
                                                       {1099511627776.0, "Tib/s"},
                                                       {1125899906842624.0, "Pib/s"}};
inline constexpr print_step flop_steps[] = {{1.0, "FLOP"},   {1e3, "kFLOP"},  {1e6, "MFLOP"},
                                            {1e9, "GFLOP"},  {1e12, "TFLOP"}, {1e15, "PFLOP"},
                                            {1e18, "EFLOP"}, {1e21, "ZFLOP"}, {1e24, "YFLOP"}};
inline constexpr print_step flop_rate_steps[] = {
    {1.0, "FLOP/s"},   {1e3, "kFLOP/s"},  {1e6, "MFLOP/s"},  {1e9, "GFLOP/s"}, {1e12, "TFLOP/s"},
    {1e15, "PFLOP/s"}, {1e18, "EFLOP/s"}, {1e21, "ZFLOP/s"}, {1e24, "YFLOP/s"}};
inline constexpr print_step watt_steps[] = {{1e-12, "pW"}, {1e-9, "nW"}, {1e-6, "uW"}, {1e-3, "mW"},
                                            {1.0, "W"},    {1e3, "kW"},  {1e6, "MW"},  {1e9, "GW"}};
inline constexpr print_step joule_steps[] = {{1e-12, "pJ"}, {1e-9, "nJ"}, {1e-6, "uJ"},
                                             {1e-3, "mJ"},  {1.0, "J"},   {1e3, "kJ"},
                                             {1e6, "MJ"},   {1e9, "GJ"}};
inline constexpr print_step joule_per_bit_steps[] = {
    {1e-12, "pJ/bit"}, {1e-9, "nJ/bit"}, {1e-6, "uJ/bit"}, {1e-3, "mJ/bit"}, {1.0, "J/bit"}};
inline constexpr print_step money_steps[] = {
    {1.0, ""}, {1e3, "k"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}};
inline constexpr print_step hertz_steps[] = {
    {1.0, "Hz"}, {1e3, "kHz"}, {1e6, "MHz"}, {1e9, "GHz"}, {1e12, "THz"}};

/// `x` with `digits` significant digits, trailing zeros dropped; never exponent notation for
/// |x| in [1e-4, 1e15).
[[nodiscard]] inline std::string format_number(double x, int digits) {
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

/// Picks the step a person would read `x` (finite, base units) in, and the number to print.
[[nodiscard]] inline std::pair<double, std::string_view> choose_step(
    double x, std::span<const print_step> steps, int digits) {
  const double a = std::fabs(x);
  std::size_t i = 0;
  // The base unit (factor 1) is the step for zero.
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

/// "3.21 ms": number, space, symbol; "nan" and "inf" only for non-finite input.
[[nodiscard]] inline std::string format_with(double x, std::span<const print_step> steps,
                                             int digits) {
  if (!std::isfinite(x)) {
    const auto base = std::find_if(steps.begin(), steps.end(),
                                   [](const print_step& s) { return s.factor == 1.0; });
    return std::string(std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf")) + " " +
           std::string(base == steps.end() ? "" : base->symbol);
  }
  const auto [number, symbol] = choose_step(x, steps, digits);
  return format_number(number, digits) + " " + std::string(symbol);
}

/// "$1.2M", "-$3.5k/h": money as prices are written.
[[nodiscard]] inline std::string format_money(double x, std::string_view per, int digits) {
  if (!std::isfinite(x))
    return std::string(std::isnan(x) ? "$nan" : (x < 0 ? "-$inf" : "$inf")) + std::string(per);
  const auto [number, magnitude] = choose_step(x, money_steps, digits);
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
    return ud::format_with(x, ud::time_steps, digits);
  } else if constexpr (std::is_same_v<Dimension, units::information_dimension>) {
    if (options.bits)
      return ud::format_with(x * 8.0,
                             options.binary ? std::span<const ud::print_step>(ud::binary_bit_steps)
                                            : std::span<const ud::print_step>(ud::bit_steps),
                             digits);
    return ud::format_with(x,
                           options.binary ? std::span<const ud::print_step>(ud::binary_byte_steps)
                                          : std::span<const ud::print_step>(ud::byte_steps),
                           digits);
  } else if constexpr (std::is_same_v<Dimension, units::bandwidth_dimension>) {
    if (options.bits)
      return ud::format_with(x * 8.0,
                             options.binary
                                 ? std::span<const ud::print_step>(ud::binary_bit_rate_steps)
                                 : std::span<const ud::print_step>(ud::bit_rate_steps),
                             digits);
    return ud::format_with(x,
                           options.binary
                               ? std::span<const ud::print_step>(ud::binary_byte_rate_steps)
                               : std::span<const ud::print_step>(ud::byte_rate_steps),
                           digits);
  } else if constexpr (std::is_same_v<Dimension, units::flop_dimension>) {
    return ud::format_with(x, ud::flop_steps, digits);
  } else if constexpr (std::is_same_v<Dimension, units::flop_rate_dimension>) {
    return ud::format_with(x, ud::flop_rate_steps, digits);
  } else if constexpr (std::is_same_v<Dimension, units::power_dimension>) {
    return ud::format_with(x, ud::watt_steps, digits);
  } else if constexpr (std::is_same_v<Dimension, units::energy_dimension>) {
    return ud::format_with(x, ud::joule_steps, digits);
  } else if constexpr (std::is_same_v<Dimension, units::energy_per_information_dimension>) {
    return ud::format_with(value_in<joule_per_bit_unit>(q), ud::joule_per_bit_steps, digits);
  } else if constexpr (std::is_same_v<Dimension, units::currency_dimension>) {
    return ud::format_money(x, "", digits);
  } else if constexpr (std::is_same_v<Dimension, units::currency_rate_dimension>) {
    return ud::format_money(value_in<dollar_per_hour_unit>(q), "/h", digits);
  } else if constexpr (std::is_same_v<Dimension, units::currency_per_energy_dimension>) {
    return ud::format_money(x * 3.6e6, "/kWh", digits);
  } else if constexpr (std::is_same_v<Dimension, units::frequency_dimension>) {
    return ud::format_with(x, ud::hertz_steps, digits);
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
