// Compile-fail test: a Bandwidth passed where a FlopRate is expected must not compile.
// With PARADOX_COMPILE_FAIL the build must fail; without it, it must succeed.
#include "paradox/units.hpp"

namespace {
paradox::Seconds compute_time(paradox::FlopCount work, paradox::FlopRate peak) {
  return work / peak;
}
}  // namespace

int main() {
  using namespace paradox;
  const Bandwidth hbm = 3.35 * terabytes_per_second;
  const FlopRate peak = 989.0 * teraflop_per_second;
#ifdef PARADOX_COMPILE_FAIL
  const Seconds t = compute_time(1.0 * petaflop, hbm);
#else
  const Seconds t = compute_time(1.0 * petaflop, peak);
#endif
  return value_in<second_unit>(t) > 0.0 && value_in<bytes_per_second_unit>(hbm) > 0.0 &&
                 value_in<flop_per_second_unit>(peak) > 0.0
             ? 0
             : 1;
}
