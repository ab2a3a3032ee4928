/// @file
/// @brief Opt-in user-defined literals for the few units a reader writes most often:
/// `80.0_GiB`, `500_ns`, `50.0_GBps`, `400_Gbps`, `989.0_TFLOPps`, `30.0_mW`, `1.0_h`.
///
/// Bring them in with `using namespace paradox::literals;` (they are never visible otherwise).
/// Every literal exists in a floating form (`2.5_ms`) and an integer form (`2_ms`); both give a
/// double-valued quantity in the paradox system. Units without a literal are written with unit
/// objects: `5.0 * picojoules_per_bit`, `2.5 * dollars_per_hour`.
///
/// | literal | meaning | type |
/// |---|---|---|
/// | `_B` `_kB` `_MB` `_GB` `_TB` `_PB` | bytes, decimal prefixes (10^3n B) | Bytes |
/// | `_KiB` `_MiB` `_GiB` `_TiB` | bytes, binary prefixes (2^10n B) | Bytes |
/// | `_Mb` `_Gb` | megabits, gigabits (10^6, 10^9 bit) | Bits |
/// | `_ns` `_us` `_ms` `_s` | nano-, micro-, milli-, seconds | Seconds |
/// | `_min` `_h` `_d` | minute (60 s), hour (3600 s), day (86400 s) | Seconds |
/// | `_MBps` `_GBps` `_TBps` | bytes per second (MB/s, GB/s, TB/s) | Bandwidth |
/// | `_Mbps` `_Gbps` | bits per second (Mb/s, Gb/s) | Bandwidth |
/// | `_GFLOP` `_TFLOP` `_PFLOP` `_EFLOP` | floating-point operations | FlopCount |
/// | `_GFLOPps` `_TFLOPps` `_PFLOPps` | floating-point operations per second | FlopRate |
/// | `_uW` `_mW` `_W` `_kW` | power | Watts |
/// | `_uJ` `_mJ` `_J` `_kJ` `_Wh` `_kWh` | energy (watt-hour = 3600 J) | Joules |
/// | `_USD` | US dollars | Dollars |
///
/// The `ps` suffix reads "per second" as in the usual `Gbps`; a lower-case `b` is a bit and an
/// upper-case `B` a byte, as in the calculator's unit strings (units/parse.hpp).
/// @ingroup units
#pragma once

#include "paradox/units/unit_objects.hpp"

namespace paradox {

/// @addtogroup units
/// @{

/// @brief Opt-in unit literals; see the table in units/literals.hpp.
///
/// Example: `using namespace paradox::literals; Bytes hbm = 80_GiB; Seconds a = 5.0_us;`
namespace literals {

/// @cond PARADOX_INTERNAL
// One macro defines both forms of a literal so that the floating and integer spellings can never
// disagree. A long double literal out of double's range is rejected at compile time (it would
// be undefined behaviour to narrow), which is what a literal typo deserves.
#define PARADOX_DEFINE_LITERAL(suffix, type, unit_object)                 \
  [[nodiscard]] consteval type operator""##suffix(long double x) {        \
    return static_cast<double>(x) * unit_object;                          \
  }                                                                       \
  [[nodiscard]] consteval type operator""##suffix(unsigned long long n) { \
    return static_cast<double>(n) * unit_object;                          \
  }

PARADOX_DEFINE_LITERAL(_B, Bytes, bytes)
PARADOX_DEFINE_LITERAL(_kB, Bytes, kilobytes)
PARADOX_DEFINE_LITERAL(_MB, Bytes, megabytes)
PARADOX_DEFINE_LITERAL(_GB, Bytes, gigabytes)
PARADOX_DEFINE_LITERAL(_TB, Bytes, terabytes)
PARADOX_DEFINE_LITERAL(_PB, Bytes, petabytes)
PARADOX_DEFINE_LITERAL(_KiB, Bytes, kibibytes)
PARADOX_DEFINE_LITERAL(_MiB, Bytes, mebibytes)
PARADOX_DEFINE_LITERAL(_GiB, Bytes, gibibytes)
PARADOX_DEFINE_LITERAL(_TiB, Bytes, tebibytes)
PARADOX_DEFINE_LITERAL(_Mb, Bits, megabits)
PARADOX_DEFINE_LITERAL(_Gb, Bits, gigabits)

PARADOX_DEFINE_LITERAL(_ns, Seconds, nanoseconds)
PARADOX_DEFINE_LITERAL(_us, Seconds, microseconds)
PARADOX_DEFINE_LITERAL(_ms, Seconds, milliseconds)
PARADOX_DEFINE_LITERAL(_s, Seconds, seconds)
PARADOX_DEFINE_LITERAL(_min, Seconds, minutes)
PARADOX_DEFINE_LITERAL(_h, Seconds, hours)
PARADOX_DEFINE_LITERAL(_d, Seconds, days)

PARADOX_DEFINE_LITERAL(_MBps, Bandwidth, megabytes_per_second)
PARADOX_DEFINE_LITERAL(_GBps, Bandwidth, gigabytes_per_second)
PARADOX_DEFINE_LITERAL(_TBps, Bandwidth, terabytes_per_second)
PARADOX_DEFINE_LITERAL(_Mbps, Bandwidth, megabits_per_second)
PARADOX_DEFINE_LITERAL(_Gbps, Bandwidth, gigabits_per_second)

PARADOX_DEFINE_LITERAL(_GFLOP, FlopCount, gigaflop)
PARADOX_DEFINE_LITERAL(_TFLOP, FlopCount, teraflop)
PARADOX_DEFINE_LITERAL(_PFLOP, FlopCount, petaflop)
PARADOX_DEFINE_LITERAL(_EFLOP, FlopCount, exaflop)
PARADOX_DEFINE_LITERAL(_GFLOPps, FlopRate, gigaflop_per_second)
PARADOX_DEFINE_LITERAL(_TFLOPps, FlopRate, teraflop_per_second)
PARADOX_DEFINE_LITERAL(_PFLOPps, FlopRate, petaflop_per_second)

PARADOX_DEFINE_LITERAL(_uW, Watts, microwatts)
PARADOX_DEFINE_LITERAL(_mW, Watts, milliwatts)
PARADOX_DEFINE_LITERAL(_W, Watts, watts)
PARADOX_DEFINE_LITERAL(_kW, Watts, kilowatts)
PARADOX_DEFINE_LITERAL(_uJ, Joules, microjoules)
PARADOX_DEFINE_LITERAL(_mJ, Joules, millijoules)
PARADOX_DEFINE_LITERAL(_J, Joules, joules)
PARADOX_DEFINE_LITERAL(_kJ, Joules, kilojoules)
PARADOX_DEFINE_LITERAL(_Wh, Joules, watt_hours)
PARADOX_DEFINE_LITERAL(_kWh, Joules, kilowatt_hours)

PARADOX_DEFINE_LITERAL(_USD, Dollars, dollars)

#undef PARADOX_DEFINE_LITERAL
/// @endcond

}  // namespace literals
/// @}

}  // namespace paradox
