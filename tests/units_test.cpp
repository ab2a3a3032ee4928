// The units umbrella alone gives a model author everything needed to write and read quantities.
#include "paradox/units.hpp"

#include <catch2/catch.hpp>

namespace {
using namespace paradox;

// A model written against the umbrella only: time to move a buffer over a link.
constexpr Seconds transfer_time(Bytes message, Bandwidth link) { return message / link; }
}  // namespace

static_assert(value_in<byte_unit>(gibibytes) == 1073741824.0, "1 GiB = 2^30 B (IEC 80000-13)");
static_assert(transfer_time(50.0 * gigabytes, 50.0 * gigabytes_per_second) == 1.0 * seconds);

TEST_CASE("the units umbrella provides aliases, unit objects and value_in together") {
  // 400 Gb/s InfiniBand NDR moves 50 GB per second per direction.
  const Seconds t = transfer_time(100.0 * gigabytes, 400.0 * gigabits_per_second);
  CHECK_THAT(value_in<second_unit>(t), Catch::Matchers::WithinRel(2.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(t), Catch::Matchers::WithinRel(2000.0, 1e-12));
}
