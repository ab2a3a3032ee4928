/// @file
/// @brief Named units (decimal and binary prefixes, bits, hours, TFLOP/s, ...) as Boost.Units
/// unit types, and `value_in<Unit>(q)`: the one way a number leaves a quantity.
/// @ingroup units
#pragma once

#include <boost/units/base_units/information/bit.hpp>
#include <boost/units/base_units/metric/day.hpp>
#include <boost/units/base_units/metric/hour.hpp>
#include <boost/units/base_units/metric/minute.hpp>
#include <boost/units/make_scaled_unit.hpp>
#include <boost/units/scale.hpp>
#include <boost/units/static_rational.hpp>
#include <type_traits>

#include "paradox/units/system.hpp"

namespace paradox {

/// @addtogroup units
/// @{
namespace units::detail {
namespace bu = boost::units;
/// Unit scaled by Base^Exponent, e.g. scaled<byte_unit, 2, 30> is the gibibyte.
template <class Unit, long Base, long Exponent>
using scaled =
    typename bu::make_scaled_unit<Unit, bu::scale<Base, bu::static_rational<Exponent>>>::type;
using bit_system = bu::make_system<bu::information::bit_base_unit>::type;
using hour_system = bu::make_system<bu::metric::hour_base_unit>::type;
using minute_system = bu::make_system<bu::metric::minute_base_unit>::type;
using day_system = bu::make_system<bu::metric::day_base_unit>::type;
using bit_second_system =
    bu::make_system<bu::information::bit_base_unit, bu::si::second_base_unit>::type;
using si_bit_system =
    bu::make_system<bu::si::meter_base_unit, bu::si::kilogram_base_unit, bu::si::second_base_unit,
                    bu::information::bit_base_unit>::type;
using dollar_hour_system = bu::make_system<dollar_base_unit, bu::metric::hour_base_unit>::type;
}  // namespace units::detail

// Information. Decimal prefixes (kB, MB, GB, TB, PB) are powers of 10, binary ones (KiB, MiB,
// GiB, TiB) powers of 2 (IEC 80000-13). HBM capacities are quoted in both; keep them apart.
/// The byte (B), the base unit of information.
using byte_unit = units::unit_of<units::information_dimension>;
/// The kilobyte, 10^3 B.
using kilobyte_unit = units::detail::scaled<byte_unit, 10, 3>;
/// The megabyte, 10^6 B.
using megabyte_unit = units::detail::scaled<byte_unit, 10, 6>;
/// The gigabyte, 10^9 B.
using gigabyte_unit = units::detail::scaled<byte_unit, 10, 9>;
/// The terabyte, 10^12 B.
using terabyte_unit = units::detail::scaled<byte_unit, 10, 12>;
/// The petabyte, 10^15 B.
using petabyte_unit = units::detail::scaled<byte_unit, 10, 15>;
/// The kibibyte, 2^10 B.
using kibibyte_unit = units::detail::scaled<byte_unit, 2, 10>;
/// The mebibyte, 2^20 B.
using mebibyte_unit = units::detail::scaled<byte_unit, 2, 20>;
/// The gibibyte, 2^30 B.
using gibibyte_unit = units::detail::scaled<byte_unit, 2, 30>;
/// The tebibyte, 2^40 B.
using tebibyte_unit = units::detail::scaled<byte_unit, 2, 40>;
/// The bit, 1/8 B.
using bit_unit = boost::units::unit<units::information_dimension, units::detail::bit_system>;
/// The kilobit, 10^3 bit.
using kilobit_unit = units::detail::scaled<bit_unit, 10, 3>;
/// The megabit, 10^6 bit.
using megabit_unit = units::detail::scaled<bit_unit, 10, 6>;
/// The gigabit, 10^9 bit.
using gigabit_unit = units::detail::scaled<bit_unit, 10, 9>;
/// The terabit, 10^12 bit.
using terabit_unit = units::detail::scaled<bit_unit, 10, 12>;

// Time.
/// The second (s), the base unit of time.
using second_unit = units::unit_of<units::time_dimension>;
/// The millisecond, 10^-3 s.
using millisecond_unit = units::detail::scaled<second_unit, 10, -3>;
/// The microsecond, 10^-6 s.
using microsecond_unit = units::detail::scaled<second_unit, 10, -6>;
/// The nanosecond, 10^-9 s.
using nanosecond_unit = units::detail::scaled<second_unit, 10, -9>;
/// The minute, 60 s.
using minute_unit = boost::units::unit<units::time_dimension, units::detail::minute_system>;
/// The hour, 3600 s.
using hour_unit = boost::units::unit<units::time_dimension, units::detail::hour_system>;
/// The day, 86400 s.
using day_unit = boost::units::unit<units::time_dimension, units::detail::day_system>;

// Bandwidth. Network links are quoted in bits per second (Gb/s), memory and NVLink in bytes.
/// The byte per second (B/s), the base unit of bandwidth.
using bytes_per_second_unit = units::unit_of<units::bandwidth_dimension>;
/// The kilobyte per second, 10^3 B/s.
using kilobytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 3>;
/// The megabyte per second, 10^6 B/s.
using megabytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 6>;
/// The gigabyte per second (GB/s), 10^9 B/s.
using gigabytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 9>;
/// The terabyte per second, 10^12 B/s.
using terabytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 12>;
/// The bit per second (b/s), 1/8 B/s.
using bits_per_second_unit =
    boost::units::unit<units::bandwidth_dimension, units::detail::bit_second_system>;
/// The kilobit per second, 10^3 b/s.
using kilobits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 3>;
/// The megabit per second (Mb/s), 10^6 b/s.
using megabits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 6>;
/// The gigabit per second (Gb/s), 10^9 b/s.
using gigabits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 9>;
/// The terabit per second, 10^12 b/s.
using terabits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 12>;

// Work and throughput.
/// The floating-point operation (FLOP), the base unit of work.
using flop_unit = units::unit_of<units::flop_dimension>;
/// The gigaFLOP, 10^9 FLOP.
using gigaflop_unit = units::detail::scaled<flop_unit, 10, 9>;
/// The teraFLOP, 10^12 FLOP.
using teraflop_unit = units::detail::scaled<flop_unit, 10, 12>;
/// The petaFLOP, 10^15 FLOP.
using petaflop_unit = units::detail::scaled<flop_unit, 10, 15>;
/// The exaFLOP, 10^18 FLOP.
using exaflop_unit = units::detail::scaled<flop_unit, 10, 18>;
/// The FLOP per second, the base unit of throughput.
using flop_per_second_unit = units::unit_of<units::flop_rate_dimension>;
/// The gigaFLOP per second, 10^9 FLOP/s.
using gigaflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 9>;
/// The teraFLOP per second (TFLOP/s), 10^12 FLOP/s.
using teraflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 12>;
/// The petaFLOP per second, 10^15 FLOP/s.
using petaflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 15>;
/// The exaFLOP per second, 10^18 FLOP/s.
using exaflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 18>;

// Power and energy.
/// The watt (W), the base unit of power.
using watt_unit = units::unit_of<units::power_dimension>;
/// The microwatt, 10^-6 W.
using microwatt_unit = units::detail::scaled<watt_unit, 10, -6>;
/// The milliwatt, 10^-3 W.
using milliwatt_unit = units::detail::scaled<watt_unit, 10, -3>;
/// The kilowatt, 10^3 W.
using kilowatt_unit = units::detail::scaled<watt_unit, 10, 3>;
/// The megawatt, 10^6 W.
using megawatt_unit = units::detail::scaled<watt_unit, 10, 6>;
/// The joule (J), the base unit of energy.
using joule_unit = units::unit_of<units::energy_dimension>;
/// The picojoule, 10^-12 J.
using picojoule_unit = units::detail::scaled<joule_unit, 10, -12>;
/// The nanojoule, 10^-9 J.
using nanojoule_unit = units::detail::scaled<joule_unit, 10, -9>;
/// The microjoule, 10^-6 J.
using microjoule_unit = units::detail::scaled<joule_unit, 10, -6>;
/// The millijoule, 10^-3 J.
using millijoule_unit = units::detail::scaled<joule_unit, 10, -3>;
/// The kilojoule, 10^3 J.
using kilojoule_unit = units::detail::scaled<joule_unit, 10, 3>;
/// The megajoule, 10^6 J.
using megajoule_unit = units::detail::scaled<joule_unit, 10, 6>;
/// Watt-hour (battery capacities): the product of the watt and the hour.
using watt_hour_unit = decltype(watt_unit() * hour_unit());
/// The milliwatt-hour, 3.6 J.
using milliwatt_hour_unit = units::detail::scaled<watt_hour_unit, 10, -3>;
/// The kilowatt-hour, 3.6 MJ.
using kilowatt_hour_unit = units::detail::scaled<watt_hour_unit, 10, 3>;
/// The joule per bit, 8 J/B.
using joule_per_bit_unit =
    boost::units::unit<units::energy_per_information_dimension, units::detail::si_bit_system>;
/// The nanojoule per bit.
using nanojoule_per_bit_unit = units::detail::scaled<joule_per_bit_unit, 10, -9>;
/// The picojoule per bit (pJ/bit).
using picojoule_per_bit_unit = units::detail::scaled<joule_per_bit_unit, 10, -12>;
/// The joule per byte (J/B), the stored unit of energy per information.
using joule_per_byte_unit = units::unit_of<units::energy_per_information_dimension>;

// Money.
/// The US dollar (USD), the base unit of money.
using dollar_unit = units::unit_of<units::currency_dimension>;
/// The US dollar per hour.
using dollar_per_hour_unit =
    boost::units::unit<units::currency_rate_dimension, units::detail::dollar_hour_system>;
/// The US dollar per second, the stored unit of a cost rate.
using dollar_per_second_unit = units::unit_of<units::currency_rate_dimension>;

// Rates and clocks.
/// The hertz (1/s).
using hertz_unit = units::unit_of<units::frequency_dimension>;
/// The kilohertz, 10^3 Hz.
using kilohertz_unit = units::detail::scaled<hertz_unit, 10, 3>;
/// The megahertz, 10^6 Hz.
using megahertz_unit = units::detail::scaled<hertz_unit, 10, 6>;
/// The gigahertz, 10^9 Hz.
using gigahertz_unit = units::detail::scaled<hertz_unit, 10, 9>;

/// @brief The number a quantity holds when expressed in `Unit`: `value_in<gigabyte_unit>(q)`.
///
/// The only sanctioned way to turn a quantity into a bare number outside `units/`. The unit's
/// dimension must match the quantity's, checked at compile time.
/// @tparam Unit a unit type from this header (or any Boost.Units unit of the same dimension)
/// @param q the quantity
/// @return q expressed in Unit
template <class Unit, class Dimension>
[[nodiscard]] constexpr double value_in(const units::quantity_of<Dimension>& q) {
  // The mismatch branch returns early so that the compiler reports the static_assert alone,
  // not a page of Boost conversion errors after it.
  if constexpr (!std::is_same_v<typename Unit::dimension_type, Dimension>) {
    static_assert(std::is_same_v<typename Unit::dimension_type, Dimension>,
                  "value_in: the unit's dimension does not match the quantity's");
    return 0.0;
  } else if constexpr (std::is_same_v<Unit, units::unit_of<Dimension>>) {
    return q.value();
  } else {
    return boost::units::quantity<Unit, double>(q).value();
  }
}
/// @}

}  // namespace paradox
