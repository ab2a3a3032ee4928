#include "paradox/hardware/node.hpp"

#include <catch2/catch.hpp>

#include "paradox/catalog/nodes.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
constexpr Accelerator gpu{.key = "gpu",
                          .name = "GPU",
                          .dense_peak = {.bf16 = 1000.0 * teraflop_per_second},
                          .hbm_capacity = 80.0 * gigabytes,
                          .hbm_bandwidth = 3.0 * terabytes_per_second,
                          .tdp = 700.0 * watts,
                          .price_per_hour = 2.0 * dollars_per_hour,
                          .provenance = {"unit test"},
                          .price_provenance = {"unit test"}};
constexpr Link nvl{
    .name = "nvl", .bandwidth = 450.0 * gigabytes_per_second, .provenance = {"unit test"}};
constexpr Link nic{
    .name = "nic", .bandwidth = 50.0 * gigabytes_per_second, .provenance = {"unit test"}};
constexpr Node box{.key = "box",
                   .name = "8-GPU box",
                   .accelerator = gpu,
                   .accelerators_per_node = 8,
                   .intra_node = nvl,
                   .nic = nic,
                   .nics_per_node = 4,
                   .provenance = {"unit test"}};
}  // namespace

TEST_CASE("node totals scale with the accelerator count", "[hardware][node]") {
  REQUIRE_THAT(value_in<gigabyte_unit>(total_hbm(box)), WithinRel(640.0, 1e-12));
  REQUIRE_THAT(value_in<petaflop_per_second_unit>(node_peak(box, Precision::bf16)),
               WithinRel(8.0, 1e-12));
  REQUIRE_THROWS_AS(node_peak(box, Precision::fp8), invalid_input);
}

TEST_CASE("NIC bandwidth is shared by the accelerators of a node", "[hardware][node]") {
  // 4 NICs x 50 GB/s over 8 GPUs = 25 GB/s each.
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(nic_bandwidth_per_accelerator(box)),
               WithinRel(25.0, 1e-12));
  Node empty = box;
  empty.accelerators_per_node = 0;
  REQUIRE_THROWS_WITH(nic_bandwidth_per_accelerator(empty),
                      "nic bandwidth per accelerator: accelerators_per_node must be >= 1 (got 0)");
}

TEST_CASE("validate checks counts and parts of a node", "[hardware][node]") {
  REQUIRE_NOTHROW(validate(box));
  Node no_nics = box;
  no_nics.nics_per_node = 0;
  REQUIRE_THROWS_AS(validate(no_nics), invalid_input);
  Node bad_link = box;
  bad_link.nic.bandwidth = Bandwidth{};
  REQUIRE_THROWS_AS(validate(bad_link), invalid_input);
}

TEST_CASE("a node without accelerators has no HBM and no peak to report") {
  paradox::Node empty = paradox::catalog::dgx_h100;
  empty.accelerators_per_node = 0;
  REQUIRE_THROWS_WITH(paradox::total_hbm(empty),
                      "node: accelerators_per_node must be >= 1 (got 0)");
  REQUIRE_THROWS_AS(paradox::node_peak(empty, paradox::Precision::bf16), paradox::invalid_input);
}
