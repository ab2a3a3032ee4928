// Compile-fail test: reading a size in seconds must not compile (value_in's static_assert).
// With PARADOX_COMPILE_FAIL the build must fail; without it, it must succeed.
#include "paradox/units.hpp"

int main() {
  using namespace paradox;
  const Bytes size = 1.0 * gigabytes;
#ifdef PARADOX_COMPILE_FAIL
  const double x = value_in<second_unit>(size);
#else
  const double x = value_in<byte_unit>(size);
#endif
  return x > 0.0 ? 0 : 1;
}
