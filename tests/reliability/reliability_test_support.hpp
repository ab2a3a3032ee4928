// Shared fixtures for the reliability tests: time conversions, printed-value matchers and
// rapidcheck generators for checkpoint costs, MTBFs and components.
#pragma once

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "paradox/reliability/mtbf.hpp"
#include "paradox/units.hpp"

namespace reliability_test {

using namespace paradox;

/// Matches a value a source prints with `decimals` digits after the point: within half a unit
/// of the last digit.
inline Catch::Matchers::Floating::WithinAbsMatcher printed(double value, int decimals) {
  return Catch::Matchers::WithinAbs(value, 0.5 * std::pow(10.0, -decimals) + 1e-12);
}

inline double s(Seconds t) { return value_in<second_unit>(t); }
inline double minutes_of(Seconds t) { return value_in<minute_unit>(t); }
inline double hours_of(Seconds t) { return value_in<hour_unit>(t); }

/// A time between 10^lo and 10^hi seconds, log-uniform.
inline rc::Gen<Seconds> times(double lo, double hi) {
  return rc::gen::map(rc::gen::inRange(0, 100001), [lo, hi](int k) {
    return std::pow(10.0, lo + (hi - lo) * k / 100000.0) * seconds;
  });
}

/// A component kind: 1 to 64 of them, MTTF between 10^3 and 10^7 hours.
inline rc::Gen<reliability::Component> components() {
  return rc::gen::apply(
      [](int count, Seconds mttf) {
        return reliability::Component{.name = "part", .count = count, .mttf = mttf};
      },
      rc::gen::inRange(1, 65), times(std::log10(3.6e6), std::log10(3.6e10)));
}

/// A node: 1 to 8 kinds of component.
inline rc::Gen<std::vector<reliability::Component>> nodes() {
  return rc::gen::resize(8, rc::gen::nonEmpty(rc::gen::container<std::vector<reliability::Component>>(
                                components())));
}

}  // namespace reliability_test
