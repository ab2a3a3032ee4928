#include "paradox/catalog/nodes.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("a DGX H100 has 8 GPUs, NVLink 4 and one 400 Gb/s NIC per GPU", "[catalog][nodes]") {
  const Node& dgx = catalog::node("dgx-h100");
  REQUIRE(dgx.accelerators_per_node == 8);
  REQUIRE(dgx.accelerator.key == "h100-sxm");
  REQUIRE(dgx.intra_node.key == "nvlink4");
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(nic_bandwidth_per_accelerator(dgx)),
               WithinRel(50.0, 1e-12));
  // 8 x 989 TFLOP/s = 7.9 PFLOP/s dense BF16 per node.
  REQUIRE_THAT(value_in<petaflop_per_second_unit>(node_peak(dgx, Precision::bf16)),
               WithinRel(7.912, 1e-9));
}

TEST_CASE("a DGX B200 holds 1,440 GB of HBM", "[catalog][nodes]") {
  // DGX B200 datasheet: 1,440 GB total GPU memory.
  REQUIRE_THAT(value_in<gigabyte_unit>(total_hbm(catalog::dgx_b200)), WithinRel(1440.0, 1e-12));
}

TEST_CASE("every node preset is valid", "[catalog][nodes]") {
  for (const Node& n : catalog::nodes) {
    INFO(n.key);
    REQUIRE_NOTHROW(validate(n));
    REQUIRE(catalog::node(n.key).name == n.name);
  }
  REQUIRE_THROWS_WITH(catalog::node("dgx-1"),
                      "catalog: node must be one of dgx-a100, dgx-h100, dgx-b200, h100-10gbe (got \"dgx-1\")");
}
