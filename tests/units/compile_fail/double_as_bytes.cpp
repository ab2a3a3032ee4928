// Compile-fail test: a bare double does not silently become a quantity; `x * bytes` says the
// unit. With PARADOX_COMPILE_FAIL the build must fail; without it, it must succeed.
#include "paradox/units.hpp"

namespace {
double in_gigabytes(paradox::Bytes b) { return paradox::value_in<paradox::gigabyte_unit>(b); }
}  // namespace

int main() {
  using namespace paradox;
#ifdef PARADOX_COMPILE_FAIL
  const double x = in_gigabytes(1e9);
#else
  const double x = in_gigabytes(1e9 * bytes);
#endif
  return x > 0.0 ? 0 : 1;
}
