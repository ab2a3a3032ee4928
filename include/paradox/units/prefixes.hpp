/// @file
/// @brief The SI and binary prefix tables shared by the unit-string parser (units/parse.hpp)
/// and the printer (io.hpp), so that what is printed and what is read cannot disagree.
/// @ingroup units
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace paradox::units {

/// @addtogroup units
/// @{

/// A prefix symbol and its factor ("G", 1e9). The empty symbol is the unprefixed unit.
struct prefix {
  std::string_view symbol;  ///< as written before a unit symbol: "k", "Gi", "" for none
  double factor;            ///< the multiple of the unit it stands for
};

/// SI prefixes from pico to yotta in steps of 1000, with the unprefixed unit in the middle.
/// Micro is written "u" (parse.hpp also reads the micro sign and the Greek mu).
inline constexpr std::array<prefix, 13> si_prefixes{{{"p", 1e-12},
                                                     {"n", 1e-9},
                                                     {"u", 1e-6},
                                                     {"m", 1e-3},
                                                     {"", 1.0},
                                                     {"k", 1e3},
                                                     {"M", 1e6},
                                                     {"G", 1e9},
                                                     {"T", 1e12},
                                                     {"P", 1e15},
                                                     {"E", 1e18},
                                                     {"Z", 1e21},
                                                     {"Y", 1e24}}};

/// Binary (IEC) prefixes from none to exbi in steps of 1024.
inline constexpr std::array<prefix, 7> binary_prefixes{{{"", 1.0},
                                                        {"Ki", 1024.0},
                                                        {"Mi", 1048576.0},
                                                        {"Gi", 1073741824.0},
                                                        {"Ti", 1099511627776.0},
                                                        {"Pi", 1125899906842624.0},
                                                        {"Ei", 1152921504606846976.0}}};

/// Magnitudes of money as prices are written ("$1.2M", "$3.5k"): B is billion, not byte.
inline constexpr std::array<prefix, 5> money_magnitudes{
    {{"", 1.0}, {"k", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12}}};

/// @brief The SI prefixes from 10^lowest to 10^highest, e.g. si_range(0, 18) = "" k M G T P E.
/// @param lowest the exponent of the smallest prefix, a multiple of 3 in [-12, 24]
/// @param highest the exponent of the largest prefix, a multiple of 3 in [lowest, 24]
/// @return a view into si_prefixes (static storage)
[[nodiscard]] constexpr std::span<const prefix> si_range(int lowest, int highest) {
  const auto first = static_cast<std::size_t>((lowest + 12) / 3);
  const auto last = static_cast<std::size_t>((highest + 12) / 3);
  return std::span<const prefix>(si_prefixes).subspan(first, last - first + 1);
}

/// @}

}  // namespace paradox::units
