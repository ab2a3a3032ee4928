#include "paradox/catalog/accelerators.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <set>
#include <string_view>

#include "catalog/catalog_test_support.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;
using paradox::test::KindException;

namespace {
// Every accelerator figure as its source prints it, retyped from the document (never from the
// header). Dense peaks in TFLOP/s (TOP/s for INT8): NVIDIA prints tensor-core peaks "with
// sparsity", the dense figure is half of it; 0 = the source lists no such mode. HBM capacity in
// bytes, as printed (NVIDIA "GB" = 1e9 B, Google "GiB" = 2^30 B); bandwidth in GB/s.
struct AcceleratorRow {
  std::string_view key;
  double fp64, fp32, tf32, bf16, fp16, fp8, int8;
  double hbm_capacity_bytes;
  double hbm_bandwidth_gb_per_s;
  double tdp_w;
  double price_usd_per_hour;
  SourceKind kind;                 // every compute, memory and power figure unless excepted
  std::array<KindException, 2> exceptions;  // figures of another kind
};

constexpr double gib = 1024.0 * 1024.0 * 1024.0;
constexpr SourceKind datasheet = SourceKind::datasheet;

// Prices are didactic assumptions (round on-demand cloud list prices, e.g. Lambda's 2025 list:
// H100 SXM $2.99-3.99, A100 SXM $1.79-2.79, B200 $4.99-6.69): pinned so that an edit is seen.
const AcceleratorRow rows[] = {
    // NVIDIA H100 Tensor Core GPU datasheet, SXM column: FP64 Tensor Core 67, FP32 67, TF32
    // 989*, BF16 1,979*, FP16 1,979*, FP8 3,958*, INT8 3,958* TOPS (* with sparsity); GPU
    // memory 80 GB; bandwidth 3.35 TB/s; max TDP up to 700 W.
    // Achievable fraction 0.789: fitted once on Llama 3 table 4 (tests/parallel/fidelity_test).
    {"h100-sxm", 67.0, 67.0, 494.5, 989.0, 989.0, 1979.0, 1979.0, 80e9, 3350.0, 700.0, 3.0,
     datasheet, {{{"achievable_fraction", SourceKind::paper}}}},
    // NVIDIA H200 Tensor Core GPU datasheet, SXM column: the H100 SXM peaks (FP8 3,958*, BF16
    // 1,979*, FP64 Tensor Core 67), 141 GB HBM3e, 4.8 TB/s, max TDP up to 700 W.
    {"h200", 67.0, 67.0, 494.5, 989.0, 989.0, 1979.0, 1979.0, 141e9, 4800.0, 700.0, 3.8,
     datasheet, {{{"achievable_fraction", SourceKind::didactic_assumption}}}},
    // NVIDIA A100 Tensor Core GPU datasheet, 80GB SXM column: FP64 Tensor Core 19.5, FP32 19.5,
    // TF32 156 (312*), BF16 312 (624*), FP16 312 (624*), INT8 624 (1,248*) TOPS, no FP8;
    // 80 GB HBM2e, 2,039 GB/s, 400 W.
    // Achievable fraction 0.685: fitted once on half the A100 runs (tests/parallel/fidelity_test).
    {"a100-80gb", 19.5, 19.5, 156.0, 312.0, 312.0, 0.0, 624.0, 80e9, 2039.0, 400.0, 1.8,
     datasheet, {{{"achievable_fraction", SourceKind::paper}}}},
    // NVIDIA HGX B200 per-GPU table: FP64/FP64 Tensor Core 37, FP32 75, FP16/BF16 4.5 PF*, FP8
    // 9 PF*, INT8 9 POPS*, 180 GB HBM3e, up to 1,000 W; DGX B200 datasheet for 8 GPUs: TF32
    // 18 PF* (/8/2 = 1,125), 1,440 GB and 64 TB/s HBM3e (/8 = 180 GB, 8 TB/s).
    {"b200", 37.0, 75.0, 1125.0, 2250.0, 2250.0, 4500.0, 4500.0, 180e9, 8000.0, 1000.0, 5.0,
     datasheet, {}},
    // NVIDIA Tesla V100 datasheet, SXM2 column: double precision 7.8, single precision 15.7,
    // tensor performance 125 TFLOPS (FP16); 32 GB HBM2, 900 GB/s, 300 W; no TF32/BF16/FP8, INT8
    // tensor cores not listed.
    {"v100", 7.8, 15.7, 0.0, 0.0, 125.0, 0.0, 0.0, 32e9, 900.0, 300.0, 0.9, datasheet, {}},
    // Jouppi et al. 2023, "TPU v4: An Optically Reconfigurable Supercomputer" (ISCA), chip
    // table: 275 TFLOPS bf16 and int8, 32 GiB HBM2, 1,200 GB/s; no TDP published, 192 W is the
    // paper's maximum measured chip power (kind: measured). $3.22 per chip-hour is the Google
    // Cloud on-demand list price.
    {"tpu-v4", 0.0, 0.0, 0.0, 275.0, 0.0, 0.0, 275.0, 32.0 * gib, 1200.0, 192.0, 3.22,
     SourceKind::paper, {{{"tdp", SourceKind::measured}}}},
};
}  // namespace

TEST_CASE("every accelerator figure is the one its source prints", "[catalog][accelerators]") {
  paradox::test::check_rows_cover(catalog::accelerators, rows);
  for (const AcceleratorRow& row : rows) {
    const Accelerator& a = catalog::accelerator(row.key);
    const auto tflops = [](FlopRate r) { return value_in<teraflop_per_second_unit>(r); };
    using paradox::test::check_figure;
    check_figure(row.key, "peak_fp64", tflops(a.dense_peak.fp64), row.fp64);
    check_figure(row.key, "peak_fp32", tflops(a.dense_peak.fp32), row.fp32);
    check_figure(row.key, "peak_tf32", tflops(a.dense_peak.tf32), row.tf32);
    check_figure(row.key, "peak_bf16", tflops(a.dense_peak.bf16), row.bf16);
    check_figure(row.key, "peak_fp16", tflops(a.dense_peak.fp16), row.fp16);
    check_figure(row.key, "peak_fp8", tflops(a.dense_peak.fp8), row.fp8);
    check_figure(row.key, "peak_int8", tflops(a.dense_peak.int8), row.int8);
    check_figure(row.key, "hbm_capacity", value_in<byte_unit>(a.hbm_capacity),
                 row.hbm_capacity_bytes);
    check_figure(row.key, "hbm_bandwidth", value_in<gigabytes_per_second_unit>(a.hbm_bandwidth),
                 row.hbm_bandwidth_gb_per_s);
    check_figure(row.key, "tdp", value_in<watt_unit>(a.tdp), row.tdp_w);
    check_figure(row.key, "price_per_hour", value_in<dollar_per_hour_unit>(a.price_per_hour),
                 row.price_usd_per_hour);
    paradox::test::check_kinds(row.key, a.provenance,
                               {"peak_fp64", "peak_fp32", "peak_tf32", "peak_bf16", "peak_fp16",
                                "peak_fp8", "peak_int8", "hbm_capacity", "hbm_bandwidth", "tdp",
                                "achievable_fraction"},
                               row.kind, row.exceptions);
    paradox::test::check_kinds(row.key, a.price_provenance, {"price_per_hour"},
                               SourceKind::didactic_assumption);
  }
}

TEST_CASE("achievable fractions: fitted for H100 and A100, assumed for H200, else none",
          "[catalog][accelerators]") {
  // How each was fitted is in its provenance; tests/parallel/fidelity_test.cpp checks the fits.
  CHECK(catalog::h100_sxm.achievable_fraction == 0.789);
  CHECK(catalog::a100_80gb.achievable_fraction == 0.685);
  CHECK(catalog::h200.achievable_fraction == catalog::h100_sxm.achievable_fraction);
  CHECK(catalog::b200.achievable_fraction == 0.0);
  CHECK(catalog::v100.achievable_fraction == 0.0);
  CHECK(catalog::tpu_v4.achievable_fraction == 0.0);
}

TEST_CASE("H100 SXM figures match the datasheet", "[catalog][accelerators]") {
  const Accelerator& h100 = catalog::accelerator("h100-sxm");
  // NVIDIA H100 Tensor Core GPU datasheet, SXM: BF16 1,979 TFLOP/s with sparsity -> 989 dense.
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
    // The lookup returns the preset itself, not a copy of another entry.
    REQUIRE(&catalog::accelerator(a.key) == &a);
  }
}

TEST_CASE("an unknown accelerator key lists the valid keys", "[catalog][accelerators]") {
  REQUIRE_THROWS_WITH(catalog::accelerator("h1000"),
                      "catalog: accelerator must be one of h100-sxm, h200, a100-80gb, b200, "
                      "v100, tpu-v4 (got \"h1000\")");
}
