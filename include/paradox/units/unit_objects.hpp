/// @file
/// @brief Unit objects: constexpr quantities worth one of each named unit, so that call sites
/// read `140.0 * gigabytes`, `500.0 * nanoseconds`, `400.0 * gigabits_per_second`.
/// @ingroup units
#pragma once

#include "paradox/units/value_in.hpp"

namespace paradox {

/// @addtogroup units
/// @{

/// One `Unit`, as a quantity in the paradox system (e.g. `one<gibibyte_unit>` = 2^30 B).
/// Derived from the Boost.Units unit type, so the objects and `value_in` cannot disagree.
template <class Unit>
inline constexpr units::quantity_of<typename Unit::dimension_type> one =
    units::quantity_of<typename Unit::dimension_type>(
        boost::units::quantity<Unit, double>::from_value(1.0));

inline constexpr Bytes bytes = one<byte_unit>;          ///< one byte
inline constexpr Bytes kilobytes = one<kilobyte_unit>;  ///< one kilobyte = 10^3 B
inline constexpr Bytes megabytes = one<megabyte_unit>;  ///< one megabyte = 10^6 B
inline constexpr Bytes gigabytes = one<gigabyte_unit>;  ///< one gigabyte = 10^9 B
inline constexpr Bytes terabytes = one<terabyte_unit>;  ///< one terabyte = 10^12 B
inline constexpr Bytes petabytes = one<petabyte_unit>;  ///< one petabyte = 10^15 B
inline constexpr Bytes kibibytes = one<kibibyte_unit>;  ///< one kibibyte = 2^10 B
inline constexpr Bytes mebibytes = one<mebibyte_unit>;  ///< one mebibyte = 2^20 B
inline constexpr Bytes gibibytes = one<gibibyte_unit>;  ///< one gibibyte = 2^30 B
inline constexpr Bytes tebibytes = one<tebibyte_unit>;  ///< one tebibyte = 2^40 B
inline constexpr Bits bits = one<bit_unit>;             ///< one bit = 1/8 B
inline constexpr Bits kilobits = one<kilobit_unit>;     ///< one kilobit
inline constexpr Bits megabits = one<megabit_unit>;     ///< one megabit
inline constexpr Bits gigabits = one<gigabit_unit>;     ///< one gigabit
inline constexpr Bits terabits = one<terabit_unit>;     ///< one terabit

inline constexpr Seconds seconds = one<second_unit>;            ///< one second
inline constexpr Seconds milliseconds = one<millisecond_unit>;  ///< one millisecond
inline constexpr Seconds microseconds = one<microsecond_unit>;  ///< one microsecond
inline constexpr Seconds nanoseconds = one<nanosecond_unit>;    ///< one nanosecond
inline constexpr Seconds minutes = one<minute_unit>;            ///< one minute
inline constexpr Seconds hours = one<hour_unit>;                ///< one hour = 3600 s
inline constexpr Seconds days = one<day_unit>;                  ///< one day

inline constexpr Bandwidth bytes_per_second = one<bytes_per_second_unit>;  ///< one byte per second
/// One kilobyte per second.
inline constexpr Bandwidth kilobytes_per_second = one<kilobytes_per_second_unit>;
/// One megabyte per second.
inline constexpr Bandwidth megabytes_per_second = one<megabytes_per_second_unit>;
/// One gigabyte per second (GB/s).
inline constexpr Bandwidth gigabytes_per_second = one<gigabytes_per_second_unit>;
/// One terabyte per second.
inline constexpr Bandwidth terabytes_per_second = one<terabytes_per_second_unit>;
inline constexpr Bandwidth bits_per_second = one<bits_per_second_unit>;  ///< one bit per second
/// One kilobit per second.
inline constexpr Bandwidth kilobits_per_second = one<kilobits_per_second_unit>;
/// One megabit per second (Mb/s).
inline constexpr Bandwidth megabits_per_second = one<megabits_per_second_unit>;
/// One gigabit per second (Gb/s).
inline constexpr Bandwidth gigabits_per_second = one<gigabits_per_second_unit>;
/// One terabit per second.
inline constexpr Bandwidth terabits_per_second = one<terabits_per_second_unit>;

inline constexpr FlopCount flop = one<flop_unit>;          ///< one floating-point operation
inline constexpr FlopCount gigaflop = one<gigaflop_unit>;  ///< one gigaFLOP
inline constexpr FlopCount teraflop = one<teraflop_unit>;  ///< one teraFLOP
inline constexpr FlopCount petaflop = one<petaflop_unit>;  ///< one petaFLOP
inline constexpr FlopCount exaflop = one<exaflop_unit>;    ///< one exaFLOP
inline constexpr FlopRate flop_per_second = one<flop_per_second_unit>;  ///< one FLOP per second
/// One gigaFLOP per second.
inline constexpr FlopRate gigaflop_per_second = one<gigaflop_per_second_unit>;
/// One teraFLOP per second (TFLOP/s).
inline constexpr FlopRate teraflop_per_second = one<teraflop_per_second_unit>;
/// One petaFLOP per second.
inline constexpr FlopRate petaflop_per_second = one<petaflop_per_second_unit>;
/// One exaFLOP per second.
inline constexpr FlopRate exaflop_per_second = one<exaflop_per_second_unit>;

inline constexpr Watts watts = one<watt_unit>;                           ///< one watt
inline constexpr Watts microwatts = one<microwatt_unit>;                 ///< one microwatt
inline constexpr Watts milliwatts = one<milliwatt_unit>;                 ///< one milliwatt
inline constexpr Watts kilowatts = one<kilowatt_unit>;                   ///< one kilowatt
inline constexpr Watts megawatts = one<megawatt_unit>;                   ///< one megawatt
inline constexpr Joules joules = one<joule_unit>;                        ///< one joule
inline constexpr Joules picojoules = one<picojoule_unit>;                ///< one picojoule
inline constexpr Joules nanojoules = one<nanojoule_unit>;                ///< one nanojoule
inline constexpr Joules microjoules = one<microjoule_unit>;              ///< one microjoule
inline constexpr Joules millijoules = one<millijoule_unit>;              ///< one millijoule
inline constexpr Joules kilojoules = one<kilojoule_unit>;                ///< one kilojoule
inline constexpr Joules megajoules = one<megajoule_unit>;                ///< one megajoule
inline constexpr Joules watt_hours = one<watt_hour_unit>;                ///< one watt-hour
inline constexpr Joules milliwatt_hours = one<milliwatt_hour_unit>;      ///< one milliwatt-hour
inline constexpr Joules kilowatt_hours = one<kilowatt_hour_unit>;        ///< one kilowatt-hour
inline constexpr JoulesPerBit joules_per_bit = one<joule_per_bit_unit>;  ///< one joule per bit
/// One nanojoule per bit.
inline constexpr JoulesPerBit nanojoules_per_bit = one<nanojoule_per_bit_unit>;
/// One picojoule per bit (pJ/bit).
inline constexpr JoulesPerBit picojoules_per_bit = one<picojoule_per_bit_unit>;

inline constexpr Dollars dollars = one<dollar_unit>;  ///< one US dollar
/// One US dollar per hour.
inline constexpr DollarsPerHour dollars_per_hour = one<dollar_per_hour_unit>;
inline constexpr Hertz hertz = one<hertz_unit>;          ///< one hertz
inline constexpr Hertz kilohertz = one<kilohertz_unit>;  ///< one kilohertz
inline constexpr Hertz megahertz = one<megahertz_unit>;  ///< one megahertz
inline constexpr Hertz gigahertz = one<gigahertz_unit>;  ///< one gigahertz
/// @}

}  // namespace paradox
