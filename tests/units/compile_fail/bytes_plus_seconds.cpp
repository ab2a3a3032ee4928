// Compile-fail test: adding a size to a time must not compile. Built twice by
// tests/units/tests.cmake: with PARADOX_COMPILE_FAIL (must fail) and without (must succeed, so
// the failure is the dimension error and not a typo elsewhere in this file).
#include "paradox/units.hpp"

int main() {
  using namespace paradox;
  const Bytes size = 1.0 * gigabytes;
  const Seconds time = 1.0 * seconds;
#ifdef PARADOX_COMPILE_FAIL
  const auto nonsense = size + time;
#else
  const auto nonsense = size / time;
#endif
  return value_in<byte_unit>(size) > 0.0 && sizeof(nonsense) > 0 ? 0 : 1;
}
