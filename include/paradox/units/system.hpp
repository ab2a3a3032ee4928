/// @file
/// @brief The paradox unit system: SI metre, kilogram, second, plus the byte, the floating-point
/// operation (FLOP) and the US dollar as base units, and the quantity aliases every model uses.
/// @ingroup units
#pragma once

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/base_units/information/byte.hpp>
#include <boost/units/base_units/si/kilogram.hpp>
#include <boost/units/base_units/si/meter.hpp>
#include <boost/units/base_units/si/second.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/energy.hpp>
#include <boost/units/physical_dimensions/information.hpp>
#include <boost/units/physical_dimensions/power.hpp>
#include <boost/units/physical_dimensions/time.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/unit.hpp>
#include <type_traits>

namespace paradox::units {

/// @defgroup units Units
/// @brief One Boost.Units system for every model: SI + byte + FLOP + USD.
/// @{

/// Base dimension for counts of floating-point operations. Ordinals above 100 are free for
/// user-defined dimensions in Boost.Units (the library reserves the small ones).
struct flop_base_dimension : boost::units::base_dimension<flop_base_dimension, 901> {};
/// Base dimension for money. Currency is a dimension of its own, as in mp-units, so that
/// dollars never mix silently with joules or seconds.
struct currency_base_dimension : boost::units::base_dimension<currency_base_dimension, 902> {};

/// Dimension of an amount of work in floating-point operations.
using flop_dimension = flop_base_dimension::dimension_type;
/// Dimension of money.
using currency_dimension = currency_base_dimension::dimension_type;

/// One floating-point operation (a multiply-add counts as two, by the usual convention).
struct flop_base_unit : boost::units::base_unit<flop_base_unit, flop_dimension, 901> {
  /// @return the unit's name, "floating-point operation"
  static constexpr const char* name() { return "floating-point operation"; }
  /// @return the unit's symbol, "FLOP"
  static constexpr const char* symbol() { return "FLOP"; }
};
/// One US dollar.
struct dollar_base_unit : boost::units::base_unit<dollar_base_unit, currency_dimension, 902> {
  /// @return the unit's name, "US dollar"
  static constexpr const char* name() { return "US dollar"; }
  /// @return the unit's symbol, "USD"
  static constexpr const char* symbol() { return "USD"; }
};

/// The one unit system of paradox. Every quantity alias below is stored in this system's base
/// units (m, kg, s, B, FLOP, USD), so arithmetic between aliases never converts.
using system = boost::units::make_system<
    boost::units::si::meter_base_unit, boost::units::si::kilogram_base_unit,
    boost::units::si::second_base_unit, boost::units::information::byte_base_unit, flop_base_unit,
    dollar_base_unit>::type;

/// The system's coherent unit of a dimension.
template <class Dimension>
using unit_of = boost::units::unit<Dimension, system>;
/// A double-valued quantity of a dimension in the paradox system.
template <class Dimension>
using quantity_of = boost::units::quantity<unit_of<Dimension>, double>;

/// Dimension of time.
using time_dimension = boost::units::time_dimension;
/// Dimension of information (bits and bytes).
using information_dimension = boost::units::information_dimension;
/// Dimension of energy (L^2 M T^-2).
using energy_dimension = boost::units::energy_dimension;
/// Dimension of power (L^2 M T^-3).
using power_dimension = boost::units::power_dimension;
/// Dimension of bandwidth: information per time.
using bandwidth_dimension =
    boost::units::derived_dimension<boost::units::information_base_dimension, 1,
                                    boost::units::time_base_dimension, -1>::type;
/// Dimension of throughput: FLOP per time.
using flop_rate_dimension =
    boost::units::derived_dimension<flop_base_dimension, 1, boost::units::time_base_dimension,
                                    -1>::type;
/// Dimension of energy per information (J/B, J/bit).
using energy_per_information_dimension = boost::units::derived_dimension<
    boost::units::length_base_dimension, 2, boost::units::mass_base_dimension, 1,
    boost::units::time_base_dimension, -2, boost::units::information_base_dimension, -1>::type;
/// Dimension of a cost rate: money per time.
using currency_rate_dimension =
    boost::units::derived_dimension<currency_base_dimension, 1, boost::units::time_base_dimension,
                                    -1>::type;
/// Dimension of a price of energy: money per energy.
using currency_per_energy_dimension =
    boost::units::derived_dimension<currency_base_dimension, 1, boost::units::length_base_dimension,
                                    -2, boost::units::mass_base_dimension, -1,
                                    boost::units::time_base_dimension, 2>::type;
/// Dimension of frequency: per time.
using frequency_dimension =
    boost::units::derived_dimension<boost::units::time_base_dimension, -1>::type;
/// @}

}  // namespace paradox::units

namespace paradox {

/// @addtogroup units
/// @{
using Seconds = units::quantity_of<units::time_dimension>;       ///< time, stored in s
using Bytes = units::quantity_of<units::information_dimension>;  ///< information, stored in B
/// Information counted in bits. Bits and bytes are one dimension, so this is the same type as
/// Bytes; the name documents intent, and `value_in<bit_unit>` reads it out in bits.
using Bits = Bytes;
using Bandwidth = units::quantity_of<units::bandwidth_dimension>;  ///< stored in B/s
using FlopCount = units::quantity_of<units::flop_dimension>;       ///< stored in FLOP
using FlopRate = units::quantity_of<units::flop_rate_dimension>;   ///< stored in FLOP/s
using Watts = units::quantity_of<units::power_dimension>;          ///< power, stored in W
using Joules = units::quantity_of<units::energy_dimension>;        ///< energy, stored in J
using JoulesPerBit = units::quantity_of<units::energy_per_information_dimension>;  ///< J/B
using Dollars = units::quantity_of<units::currency_dimension>;  ///< money, stored in USD
using DollarsPerHour = units::quantity_of<units::currency_rate_dimension>;  ///< stored in USD/s
using DollarsPerJoule = units::quantity_of<units::currency_per_energy_dimension>;  ///< USD/J
using Hertz = units::quantity_of<units::frequency_dimension>;  ///< rate, stored in 1/s
/// @}

}  // namespace paradox

namespace paradox::units {

/// Symbol of the paradox system's coherent unit for a dimension ("s", "B", "B/s", ...), used in
/// error messages where printing must not depend on io.hpp. Empty for unnamed dimensions.
/// @tparam Dimension a dimension of the paradox system
/// @return the symbol, a string literal
template <class Dimension>
[[nodiscard]] constexpr const char* base_symbol() {
  if constexpr (std::is_same_v<Dimension, time_dimension>)
    return "s";
  else if constexpr (std::is_same_v<Dimension, information_dimension>)
    return "B";
  else if constexpr (std::is_same_v<Dimension, bandwidth_dimension>)
    return "B/s";
  else if constexpr (std::is_same_v<Dimension, flop_dimension>)
    return "FLOP";
  else if constexpr (std::is_same_v<Dimension, flop_rate_dimension>)
    return "FLOP/s";
  else if constexpr (std::is_same_v<Dimension, power_dimension>)
    return "W";
  else if constexpr (std::is_same_v<Dimension, energy_dimension>)
    return "J";
  else if constexpr (std::is_same_v<Dimension, energy_per_information_dimension>)
    return "J/B";
  else if constexpr (std::is_same_v<Dimension, currency_dimension>)
    return "USD";
  else if constexpr (std::is_same_v<Dimension, currency_rate_dimension>)
    return "USD/s";
  else if constexpr (std::is_same_v<Dimension, currency_per_energy_dimension>)
    return "USD/J";
  else if constexpr (std::is_same_v<Dimension, frequency_dimension>)
    return "Hz";
  else
    return "";
}

}  // namespace paradox::units
