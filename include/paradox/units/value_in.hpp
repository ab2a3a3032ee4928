/// @file
/// @brief Named units (decimal and binary prefixes, bits, hours, TFLOP/s, ...) as Boost.Units
/// unit types, and `value_in<Unit>(q)`: the one way a number leaves a quantity.
#pragma once

#include <type_traits>

#include <boost/units/base_units/information/bit.hpp>
#include <boost/units/base_units/metric/day.hpp>
#include <boost/units/base_units/metric/hour.hpp>
#include <boost/units/base_units/metric/minute.hpp>
#include <boost/units/make_scaled_unit.hpp>
#include <boost/units/scale.hpp>
#include <boost/units/static_rational.hpp>

#include "paradox/units/system.hpp"

namespace paradox {

/// @addtogroup units
/// @{
namespace units::detail {
namespace bu = boost::units;
/// Unit scaled by Base^Exponent, e.g. scaled<byte_unit, 2, 30> is the gibibyte.
template <class Unit, long Base, long Exponent>
using scaled = typename bu::make_scaled_unit<Unit, bu::scale<Base, bu::static_rational<Exponent>>>::type;
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
using byte_unit = units::unit_of<units::information_dimension>;
using kilobyte_unit = units::detail::scaled<byte_unit, 10, 3>;
using megabyte_unit = units::detail::scaled<byte_unit, 10, 6>;
using gigabyte_unit = units::detail::scaled<byte_unit, 10, 9>;
using terabyte_unit = units::detail::scaled<byte_unit, 10, 12>;
using petabyte_unit = units::detail::scaled<byte_unit, 10, 15>;
using kibibyte_unit = units::detail::scaled<byte_unit, 2, 10>;
using mebibyte_unit = units::detail::scaled<byte_unit, 2, 20>;
using gibibyte_unit = units::detail::scaled<byte_unit, 2, 30>;
using tebibyte_unit = units::detail::scaled<byte_unit, 2, 40>;
using bit_unit = boost::units::unit<units::information_dimension, units::detail::bit_system>;
using kilobit_unit = units::detail::scaled<bit_unit, 10, 3>;
using megabit_unit = units::detail::scaled<bit_unit, 10, 6>;
using gigabit_unit = units::detail::scaled<bit_unit, 10, 9>;

// Time.
using second_unit = units::unit_of<units::time_dimension>;
using millisecond_unit = units::detail::scaled<second_unit, 10, -3>;
using microsecond_unit = units::detail::scaled<second_unit, 10, -6>;
using nanosecond_unit = units::detail::scaled<second_unit, 10, -9>;
using minute_unit = boost::units::unit<units::time_dimension, units::detail::minute_system>;
using hour_unit = boost::units::unit<units::time_dimension, units::detail::hour_system>;
using day_unit = boost::units::unit<units::time_dimension, units::detail::day_system>;

// Bandwidth. Network links are quoted in bits per second (Gb/s), memory and NVLink in bytes.
using bytes_per_second_unit = units::unit_of<units::bandwidth_dimension>;
using kilobytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 3>;
using megabytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 6>;
using gigabytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 9>;
using terabytes_per_second_unit = units::detail::scaled<bytes_per_second_unit, 10, 12>;
using bits_per_second_unit =
    boost::units::unit<units::bandwidth_dimension, units::detail::bit_second_system>;
using kilobits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 3>;
using megabits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 6>;
using gigabits_per_second_unit = units::detail::scaled<bits_per_second_unit, 10, 9>;

// Work and throughput.
using flop_unit = units::unit_of<units::flop_dimension>;
using gigaflop_unit = units::detail::scaled<flop_unit, 10, 9>;
using teraflop_unit = units::detail::scaled<flop_unit, 10, 12>;
using petaflop_unit = units::detail::scaled<flop_unit, 10, 15>;
using exaflop_unit = units::detail::scaled<flop_unit, 10, 18>;
using flop_per_second_unit = units::unit_of<units::flop_rate_dimension>;
using gigaflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 9>;
using teraflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 12>;
using petaflop_per_second_unit = units::detail::scaled<flop_per_second_unit, 10, 15>;

// Power and energy.
using watt_unit = units::unit_of<units::power_dimension>;
using microwatt_unit = units::detail::scaled<watt_unit, 10, -6>;
using milliwatt_unit = units::detail::scaled<watt_unit, 10, -3>;
using kilowatt_unit = units::detail::scaled<watt_unit, 10, 3>;
using megawatt_unit = units::detail::scaled<watt_unit, 10, 6>;
using joule_unit = units::unit_of<units::energy_dimension>;
using microjoule_unit = units::detail::scaled<joule_unit, 10, -6>;
using millijoule_unit = units::detail::scaled<joule_unit, 10, -3>;
using kilojoule_unit = units::detail::scaled<joule_unit, 10, 3>;
using megajoule_unit = units::detail::scaled<joule_unit, 10, 6>;
/// Watt-hour (battery capacities): the product of the watt and the hour.
using watt_hour_unit = decltype(watt_unit() * hour_unit());
using milliwatt_hour_unit = units::detail::scaled<watt_hour_unit, 10, -3>;
using kilowatt_hour_unit = units::detail::scaled<watt_hour_unit, 10, 3>;
using joule_per_bit_unit =
    boost::units::unit<units::energy_per_information_dimension, units::detail::si_bit_system>;
using nanojoule_per_bit_unit = units::detail::scaled<joule_per_bit_unit, 10, -9>;
using picojoule_per_bit_unit = units::detail::scaled<joule_per_bit_unit, 10, -12>;
using joule_per_byte_unit = units::unit_of<units::energy_per_information_dimension>;

// Money.
using dollar_unit = units::unit_of<units::currency_dimension>;
using dollar_per_hour_unit =
    boost::units::unit<units::currency_rate_dimension, units::detail::dollar_hour_system>;
using dollar_per_second_unit = units::unit_of<units::currency_rate_dimension>;
using hertz_unit = units::unit_of<units::frequency_dimension>;

/// @brief The number a quantity holds when expressed in `Unit`: `value_in<gigabyte_unit>(q)`.
///
/// The only sanctioned way to turn a quantity into a bare number outside `units/`. The unit's
/// dimension must match the quantity's, checked at compile time.
/// @tparam Unit a unit type from this header (or any Boost.Units unit of the same dimension)
/// @param q the quantity
/// @return q expressed in Unit
template <class Unit, class Dimension>
[[nodiscard]] constexpr double value_in(const units::quantity_of<Dimension>& q) {
  static_assert(std::is_same_v<typename Unit::dimension_type, Dimension>,
                "value_in: the unit's dimension does not match the quantity's");
  if constexpr (std::is_same_v<Unit, units::unit_of<Dimension>>) {
    return q.value();
  } else {
    return boost::units::quantity<Unit, double>(q).value();
  }
}
/// @}

}  // namespace paradox
