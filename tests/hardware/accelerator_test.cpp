#include "paradox/hardware/accelerator.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
constexpr Accelerator toy{
    .key = "toy",
    .name = "Toy GPU",
    .dense_peak = {.fp32 = 10.0 * teraflop_per_second, .bf16 = 100.0 * teraflop_per_second},
    .hbm_capacity = 16.0 * gigabytes,
    .hbm_bandwidth = 1.0 * terabytes_per_second,
    .tdp = 300.0 * watts,
    .price_per_hour = 1.0 * dollars_per_hour,
    .provenance = {"unit test", SourceKind::didactic_assumption},
    .price_provenance = {"unit test", SourceKind::didactic_assumption}};
}  // namespace

TEST_CASE("peak returns the stored dense rate of a supported precision", "[hardware]") {
  STATIC_REQUIRE(supports(toy, Precision::bf16));
  REQUIRE_THAT(value_in<teraflop_per_second_unit>(peak(toy, Precision::bf16)),
               WithinRel(100.0, 1e-12));
  REQUIRE_THAT(value_in<teraflop_per_second_unit>(peak(toy, Precision::fp32)),
               WithinRel(10.0, 1e-12));
}

TEST_CASE("peak of an unsupported precision throws, naming the accelerator", "[hardware]") {
  STATIC_REQUIRE(!supports(toy, Precision::fp8));
  REQUIRE_THROWS_AS(peak(toy, Precision::fp8), invalid_input);
  REQUIRE_THROWS_WITH(peak(toy, Precision::fp8),
                      "accelerator peak: precision must be supported by Toy GPU (got fp8)");
}

TEST_CASE("precisions round-trip through their spellings", "[hardware]") {
  for (Precision p : all_precisions) REQUIRE(parse_precision(to_string(p)) == p);
  REQUIRE_FALSE(parse_precision("fp4").has_value());
  REQUIRE_FALSE(parse_precision("").has_value());
}

TEST_CASE("validate accepts a sane accelerator and rejects broken ones", "[hardware]") {
  REQUIRE_NOTHROW(validate(toy));
  Accelerator no_compute = toy;
  no_compute.dense_peak = {};
  REQUIRE_THROWS_WITH(validate(no_compute),
                      "accelerator: dense_peak must support at least one precision (got none)");
  Accelerator no_memory = toy;
  no_memory.hbm_capacity = Bytes{};
  REQUIRE_THROWS_AS(validate(no_memory), invalid_input);
  Accelerator negative_price = toy;
  negative_price.price_per_hour = -1.0 * dollars_per_hour;
  REQUIRE_THROWS_AS(validate(negative_price), invalid_input);
  Accelerator nan_peak = toy;
  nan_peak.dense_peak.fp16 = std::nan("") * flop_per_second;
  REQUIRE_THROWS_AS(validate(nan_peak), invalid_input);
  Accelerator unnamed = toy;
  unnamed.name = "";
  REQUIRE_THROWS_AS(validate(unnamed), invalid_input);
}

TEST_CASE("peak is exactly the stored field for any positive rate", "[hardware][property]") {
  REQUIRE(rc::check("peak(acc, bf16) == dense_peak.bf16", [](unsigned tflops) {
    Accelerator a = toy;
    a.dense_peak.bf16 = (1.0 + tflops % 100000) * teraflop_per_second;
    RC_ASSERT(peak(a, Precision::bf16) == a.dense_peak.bf16);
  }));
}

TEST_CASE("a precision outside the enumeration is unknown and unsupported", "[hardware]") {
  constexpr auto cast = static_cast<Precision>(42);
  STATIC_REQUIRE(to_string(cast) == "unknown");
  STATIC_REQUIRE_FALSE(supports(toy, cast));
  REQUIRE_THROWS_WITH(peak(toy, cast),
                      "accelerator peak: precision must be supported by Toy GPU (got unknown)");
}
