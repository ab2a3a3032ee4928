#include "paradox/energy/compression.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"

using namespace paradox;
using namespace paradox::energy;
using Catch::Matchers::WithinRel;

namespace {
double mb(Bytes b) { return value_in<megabyte_unit>(b); }
}  // namespace

TEST_CASE("quantisation sends b of every 32 bits; top-k sends f of the values with indices") {
  const Bytes s = 10.0 * megabytes;
  CHECK_THAT(mb(compressed_size(s, {})), WithinRel(10.0, 1e-15));
  CHECK_THAT(mb(compressed_size(s, {.quantization_bits = 8})), WithinRel(2.5, 1e-15));
  CHECK_THAT(mb(compressed_size(s, {.quantization_bits = 1})), WithinRel(10.0 / 32.0, 1e-15));
  // Top 1 % of 2.5M fp32 values, 8-bit values + 32-bit indices: 25,000 x 5 B = 125 kB.
  CHECK_THAT(mb(compressed_size(s, {.quantization_bits = 8, .topk_fraction = 0.01})),
             WithinRel(0.125, 1e-12));
}

TEST_CASE("a sparse encoding larger than the dense one falls back to dense") {
  // Top 90 % with 32-bit indices would be 18 MB: the dense 10 MB is sent instead.
  CHECK_THAT(mb(compressed_size(10.0 * megabytes, {.topk_fraction = 0.9})), WithinRel(10.0, 1e-15));
}

TEST_CASE("property: compression never increases bytes, and more bits or values never shrink") {
  REQUIRE(rc::check("S' <= S, monotone in bits and in fraction", [] {
    const Bytes s = static_cast<double>(*rc::gen::inRange(0, 100'000'000)) * bytes;
    const int b0 = *rc::gen::element(8, 16, 32, 64);
    const int b = *rc::gen::inRange(1, b0 + 1);
    const double f = *rc::gen::inRange(1, 1001) / 1000.0;
    const int idx = *rc::gen::inRange(1, 65);
    const Compression c{.value_bits = b0, .quantization_bits = b, .topk_fraction = f, .index_bits = idx};
    RC_ASSERT(compressed_size(s, c) <= s);
    Compression more_bits = c;
    more_bits.quantization_bits = std::min(b0, b + 1);
    RC_ASSERT(compressed_size(s, c) <= compressed_size(s, more_bits));
    Compression more_values = c;
    more_values.topk_fraction = std::min(1.0, f + 0.1);
    RC_ASSERT(compressed_size(s, c) <= compressed_size(s, more_values));
  }));
}

TEST_CASE("compression: invalid input is named") {
  CHECK_THROWS_WITH(compressed_size(1.0 * bytes, {.quantization_bits = 0}),
                    "compression: quantization_bits must be in [1, 32] (got 0)");
  CHECK_THROWS_WITH(compressed_size(1.0 * bytes, {.quantization_bits = 33}),
                    "compression: quantization_bits must be in [1, 32] (got 33)");
  CHECK_THROWS_WITH(compressed_size(1.0 * bytes, {.topk_fraction = 0.0}),
                    "compression: topk_fraction must be in (0, 1] (got 0)");
  CHECK_THROWS_WITH(compressed_size(-1.0 * bytes, {}),
                    "compression: update must be >= 0 and finite (got -1 B)");
  CHECK_THROWS_WITH(compressed_size(1.0 * bytes, {.index_bits = 0}),
                    "compression: index_bits must be in [1, 64] (got 0)");
}
