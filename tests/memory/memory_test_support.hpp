// Shared fixtures for the memory tests: printed-value matchers, byte conversions and
// rapidcheck generators for layouts.
#pragma once

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "paradox/units.hpp"

namespace memory_test {

using namespace paradox;

/// Matches a value a source prints with `decimals` digits after the point: within half a unit
/// of the last digit.
inline Catch::Matchers::Floating::WithinAbsMatcher printed(double value, int decimals) {
  return Catch::Matchers::WithinAbs(value, 0.5 * std::pow(10.0, -decimals) + 1e-12);
}

/// Decimal gigabytes, as the ZeRO paper and the datasheets print them.
inline double gb(Bytes b) { return value_in<gigabyte_unit>(b); }

/// Bytes as a plain number.
inline double raw(Bytes b) { return value_in<byte_unit>(b); }

/// A parameter count between 1e6 and 1e12.
inline rc::Gen<double> parameter_counts() {
  return rc::gen::map(rc::gen::inRange(0, 6001),
                      [](int k) { return std::pow(10.0, 6.0 + k / 1000.0); });
}

/// A power of two from 1 to 2^max_log2.
inline rc::Gen<int> powers_of_two(int max_log2) {
  return rc::gen::map(rc::gen::inRange(0, max_log2 + 1), [](int k) { return 1 << k; });
}

}  // namespace memory_test
