#include "paradox/catalog/nodes.hpp"

#include <catch2/catch.hpp>
#include <string_view>

#include "catalog/catalog_test_support.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
// Every node as its datasheet describes it, retyped: GPUs, NVLink generation, compute NICs.
struct NodeRow {
  std::string_view key;
  std::string_view accelerator;
  int accelerators_per_node;
  std::string_view intra_node;
  std::string_view nic;
  int nics_per_node;
  SourceKind kind;
};

const NodeRow rows[] = {
    // NVIDIA DGX A100 datasheet: 8 A100 80GB GPUs, 6 NVSwitches (NVLink 3), 8 single-port
    // ConnectX-6 200 Gb/s HDR compute NICs (the storage NICs are not counted).
    {"dgx-a100", "a100-80gb", 8, "nvlink3", "ib-hdr", 8, SourceKind::datasheet},
    // NVIDIA DGX H100 datasheet: 8 H100 SXM GPUs, 4 NVSwitches (NVLink 4), 8 ConnectX-7 400 Gb/s
    // compute ports.
    {"dgx-h100", "h100-sxm", 8, "nvlink4", "ib-ndr", 8, SourceKind::datasheet},
    // NVIDIA DGX B200 datasheet: 8 B200 GPUs, NVLink 5, 8 ConnectX-7 400 Gb/s compute ports.
    {"dgx-b200", "b200", 8, "nvlink5", "ib-ndr", 8, SourceKind::datasheet},
    // Didactic configuration: an HGX H100 8-GPU board in a server with one 10 GbE NIC.
    {"h100-10gbe", "h100-sxm", 8, "nvlink4", "eth-10g", 1, SourceKind::didactic_assumption},
};
}  // namespace

TEST_CASE("every node is the configuration its datasheet describes", "[catalog][nodes]") {
  paradox::test::check_rows_cover(catalog::nodes, rows);
  for (const NodeRow& row : rows) {
    const Node& n = catalog::node(row.key);
    INFO(row.key);
    CHECK(n.accelerator.key == row.accelerator);
    CHECK(n.accelerators_per_node == row.accelerators_per_node);
    CHECK(n.intra_node.key == row.intra_node);
    CHECK(n.nic.key == row.nic);
    CHECK(n.nics_per_node == row.nics_per_node);
    // The parts are the catalog's presets, not edited copies.
    CHECK(n.accelerator.hbm_capacity == catalog::accelerator(row.accelerator).hbm_capacity);
    CHECK(n.accelerator.dense_peak.bf16 == catalog::accelerator(row.accelerator).dense_peak.bf16);
    CHECK(n.intra_node.bandwidth == catalog::wired_link(row.intra_node).bandwidth);
    CHECK(n.nic.bandwidth == catalog::wired_link(row.nic).bandwidth);
    CHECK(n.nic.latency == catalog::wired_link(row.nic).latency);
    paradox::test::check_kinds(row.key, n.provenance, {"accelerators_per_node", "nics_per_node"},
                               row.kind);
  }
}

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
