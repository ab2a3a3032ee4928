/// @file
/// @brief Unit objects: constexpr quantities worth one of each named unit, so that call sites
/// read `140.0 * gigabytes`, `500.0 * nanoseconds`, `400.0 * gigabits_per_second`.
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

inline constexpr Bytes bytes = one<byte_unit>;
inline constexpr Bytes kilobytes = one<kilobyte_unit>;
inline constexpr Bytes megabytes = one<megabyte_unit>;
inline constexpr Bytes gigabytes = one<gigabyte_unit>;
inline constexpr Bytes terabytes = one<terabyte_unit>;
inline constexpr Bytes petabytes = one<petabyte_unit>;
inline constexpr Bytes kibibytes = one<kibibyte_unit>;
inline constexpr Bytes mebibytes = one<mebibyte_unit>;
inline constexpr Bytes gibibytes = one<gibibyte_unit>;
inline constexpr Bytes tebibytes = one<tebibyte_unit>;
inline constexpr Bits bits = one<bit_unit>;
inline constexpr Bits kilobits = one<kilobit_unit>;
inline constexpr Bits megabits = one<megabit_unit>;
inline constexpr Bits gigabits = one<gigabit_unit>;

inline constexpr Seconds seconds = one<second_unit>;
inline constexpr Seconds milliseconds = one<millisecond_unit>;
inline constexpr Seconds microseconds = one<microsecond_unit>;
inline constexpr Seconds nanoseconds = one<nanosecond_unit>;
inline constexpr Seconds minutes = one<minute_unit>;
inline constexpr Seconds hours = one<hour_unit>;
inline constexpr Seconds days = one<day_unit>;

inline constexpr Bandwidth bytes_per_second = one<bytes_per_second_unit>;
inline constexpr Bandwidth kilobytes_per_second = one<kilobytes_per_second_unit>;
inline constexpr Bandwidth megabytes_per_second = one<megabytes_per_second_unit>;
inline constexpr Bandwidth gigabytes_per_second = one<gigabytes_per_second_unit>;
inline constexpr Bandwidth terabytes_per_second = one<terabytes_per_second_unit>;
inline constexpr Bandwidth bits_per_second = one<bits_per_second_unit>;
inline constexpr Bandwidth kilobits_per_second = one<kilobits_per_second_unit>;
inline constexpr Bandwidth megabits_per_second = one<megabits_per_second_unit>;
inline constexpr Bandwidth gigabits_per_second = one<gigabits_per_second_unit>;

inline constexpr FlopCount flop = one<flop_unit>;
inline constexpr FlopCount gigaflop = one<gigaflop_unit>;
inline constexpr FlopCount teraflop = one<teraflop_unit>;
inline constexpr FlopCount petaflop = one<petaflop_unit>;
inline constexpr FlopCount exaflop = one<exaflop_unit>;
inline constexpr FlopRate flop_per_second = one<flop_per_second_unit>;
inline constexpr FlopRate gigaflop_per_second = one<gigaflop_per_second_unit>;
inline constexpr FlopRate teraflop_per_second = one<teraflop_per_second_unit>;
inline constexpr FlopRate petaflop_per_second = one<petaflop_per_second_unit>;

inline constexpr Watts watts = one<watt_unit>;
inline constexpr Watts microwatts = one<microwatt_unit>;
inline constexpr Watts milliwatts = one<milliwatt_unit>;
inline constexpr Watts kilowatts = one<kilowatt_unit>;
inline constexpr Watts megawatts = one<megawatt_unit>;
inline constexpr Joules joules = one<joule_unit>;
inline constexpr Joules microjoules = one<microjoule_unit>;
inline constexpr Joules millijoules = one<millijoule_unit>;
inline constexpr Joules kilojoules = one<kilojoule_unit>;
inline constexpr Joules megajoules = one<megajoule_unit>;
inline constexpr Joules watt_hours = one<watt_hour_unit>;
inline constexpr Joules milliwatt_hours = one<milliwatt_hour_unit>;
inline constexpr Joules kilowatt_hours = one<kilowatt_hour_unit>;
inline constexpr JoulesPerBit joules_per_bit = one<joule_per_bit_unit>;
inline constexpr JoulesPerBit nanojoules_per_bit = one<nanojoule_per_bit_unit>;
inline constexpr JoulesPerBit picojoules_per_bit = one<picojoule_per_bit_unit>;

inline constexpr Dollars dollars = one<dollar_unit>;
inline constexpr DollarsPerHour dollars_per_hour = one<dollar_per_hour_unit>;
inline constexpr Hertz hertz = one<hertz_unit>;
/// @}

}  // namespace paradox
