#include "paradox/units/system.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the base symbols name the system's coherent units") {
  CHECK(std::string(paradox::units::base_symbol<paradox::units::bandwidth_dimension>()) == "B/s");
}
