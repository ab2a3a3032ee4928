#include "paradox/units/prefixes.hpp"

#include <catch2/catch.hpp>

#include "paradox/units/unit_objects.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("SI prefixes run from pico to yotta in steps of 1000", "[units][prefixes]") {
  STATIC_REQUIRE(units::si_prefixes.front().symbol == "p");
  STATIC_REQUIRE(units::si_prefixes.back().symbol == "Y");
  for (std::size_t i = 1; i < units::si_prefixes.size(); ++i)
    REQUIRE_THAT(units::si_prefixes[i].factor / units::si_prefixes[i - 1].factor,
                 WithinRel(1000.0));
}

TEST_CASE("prefix factors agree with the unit objects", "[units][prefixes]") {
  REQUIRE(units::si_prefixes[7].symbol == "G");
  REQUIRE_THAT(units::si_prefixes[7].factor, WithinRel(value_in<byte_unit>(gigabytes)));
  REQUIRE_THAT(units::si_prefixes[3].factor, WithinRel(value_in<second_unit>(milliseconds)));
  REQUIRE(units::binary_prefixes[3].symbol == "Gi");
  REQUIRE(units::binary_prefixes[3].factor == value_in<byte_unit>(gibibytes));
  REQUIRE(units::binary_prefixes[4].factor == value_in<byte_unit>(tebibytes));
  REQUIRE(units::money_magnitudes[3].symbol == "B");
  REQUIRE(units::money_magnitudes[3].factor == 1e9);
}

TEST_CASE("si_range selects the prefixes between two exponents", "[units][prefixes]") {
  const auto bytes_range = units::si_range(0, 18);
  REQUIRE(bytes_range.size() == 7);
  REQUIRE(bytes_range.front().symbol.empty());
  REQUIRE(bytes_range.back().symbol == "E");
  const auto power_range = units::si_range(-12, 9);
  REQUIRE(power_range.size() == 8);
  REQUIRE(power_range.front().symbol == "p");
  REQUIRE(power_range.back().symbol == "G");
  REQUIRE(units::si_range(0, 0).size() == 1);
}
