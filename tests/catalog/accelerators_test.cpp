#include "paradox/catalog/accelerators.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("H100 SXM figures match the datasheet", "[catalog][accelerators]") {
  const Accelerator& h100 = catalog::accelerator("h100-sxm");
  // H100 datasheet, SXM5: BF16 1,979 TFLOP/s with sparsity -> 989 dense (MODELS.md section 2).
  REQUIRE_THAT(value_in<teraflop_per_second_unit>(peak(h100, Precision::bf16)),
               WithinRel(989.0, 1e-9));
  // H100 datasheet: 3.35 TB/s HBM3, 700 W.
  REQUIRE_THAT(value_in<terabytes_per_second_unit>(h100.hbm_bandwidth), WithinRel(3.35, 1e-12));
  REQUIRE_THAT(value_in<watt_unit>(h100.tdp), WithinRel(700.0, 1e-12));
  // H100 datasheet: "GPU memory 80GB" (the catalog's convention: HBM as the datasheet prints it).
  REQUIRE_THAT(value_in<gigabyte_unit>(h100.hbm_capacity), WithinRel(80.0, 1e-15));
}

TEST_CASE("A100 and TPU v4 dense BF16 peaks are 312 and 275 TFLOP/s", "[catalog][accelerators]") {
  // A100 datasheet (BF16 tensor core, dense); Jouppi et al. 2023 (TPU v4 chip table).
  REQUIRE_THAT(value_in<teraflop_per_second_unit>(peak(catalog::a100_80gb, Precision::bf16)),
               WithinRel(312.0, 1e-12));
  REQUIRE_THAT(value_in<teraflop_per_second_unit>(peak(catalog::tpu_v4, Precision::bf16)),
               WithinRel(275.0, 1e-12));
  // A100 datasheet, 80GB SXM column: "80GB HBM2e" (as printed, decimal).
  REQUIRE_THAT(value_in<gigabyte_unit>(catalog::a100_80gb.hbm_capacity), WithinRel(80.0, 1e-15));
}

TEST_CASE("precisions an accelerator lacks are unsupported", "[catalog][accelerators]") {
  REQUIRE_FALSE(supports(catalog::v100, Precision::bf16));
  REQUIRE_FALSE(supports(catalog::a100_80gb, Precision::fp8));
  REQUIRE_THROWS_WITH(peak(catalog::v100, Precision::bf16),
                      "accelerator peak: precision must be supported by NVIDIA V100 SXM2 32GB "
                      "(got bf16)");
  REQUIRE(supports(catalog::b200, Precision::fp8));
}

TEST_CASE("H200 shares H100 compute with more and faster memory", "[catalog][accelerators]") {
  REQUIRE(catalog::h200.dense_peak.bf16 == catalog::h100_sxm.dense_peak.bf16);
  REQUIRE(catalog::h200.hbm_capacity > catalog::h100_sxm.hbm_capacity);
  REQUIRE(catalog::h200.hbm_bandwidth > catalog::h100_sxm.hbm_bandwidth);
}

TEST_CASE("every accelerator preset is valid, sourced and uniquely keyed",
          "[catalog][accelerators]") {
  std::set<std::string_view> keys;
  for (const Accelerator& a : catalog::accelerators) {
    INFO(a.key);
    REQUIRE_NOTHROW(validate(a));
    REQUIRE_FALSE(a.provenance.source.empty());
    REQUIRE_FALSE(a.price_provenance.source.empty());
    REQUIRE(a.price_per_hour > DollarsPerHour{});
    REQUIRE(keys.insert(a.key).second);
    REQUIRE(&catalog::accelerator(a.key) != nullptr);
    REQUIRE(catalog::accelerator(a.key).name == a.name);
  }
}

TEST_CASE("an unknown accelerator key lists the valid keys", "[catalog][accelerators]") {
  REQUIRE_THROWS_WITH(catalog::accelerator("h1000"),
                      "catalog: accelerator must be one of h100-sxm, h200, a100-80gb, b200, "
                      "v100, tpu-v4 (got \"h1000\")");
}
