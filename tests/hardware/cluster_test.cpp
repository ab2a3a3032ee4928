#include "paradox/hardware/cluster.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <limits>

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
constexpr Link nic{
    .name = "nic", .bandwidth = 50.0 * gigabytes_per_second, .provenance = {"unit test"}};
constexpr Node box{.name = "box",
                   .accelerator = gpu,
                   .accelerators_per_node = 8,
                   .intra_node = nic,
                   .nic = nic,
                   .nics_per_node = 8,
                   .provenance = {"unit test"}};
constexpr Cluster pod{.node = box, .nodes = 128, .fabric = nic, .oversubscription_ratio = 1.0};
}  // namespace

TEST_CASE("a cluster counts nodes times accelerators per node", "[hardware][cluster]") {
  STATIC_REQUIRE(accelerators(pod) == 1024);
  Cluster one = pod;
  one.nodes = 1;
  REQUIRE(accelerators(one) == 8);
  one.nodes = 0;
  REQUIRE_THROWS_WITH(accelerators(one), "cluster accelerators: nodes must be >= 1 (got 0)");
}

TEST_CASE("accelerator counts do not overflow int for huge clusters", "[hardware][cluster]") {
  Cluster huge = pod;
  huge.nodes = 2'000'000'000;
  REQUIRE(accelerators(huge) == 16'000'000'000LL);
}

TEST_CASE("oversubscription divides the per-accelerator inter-node bandwidth",
          "[hardware][cluster]") {
  REQUIRE_THAT(
      value_in<gigabytes_per_second_unit>(effective_inter_node_bandwidth_per_accelerator(pod)),
      WithinRel(50.0, 1e-12));
  Cluster two_to_one = pod;
  two_to_one.oversubscription_ratio = 2.0;
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(
                   effective_inter_node_bandwidth_per_accelerator(two_to_one)),
               WithinRel(25.0, 1e-12));
  Cluster slow_fabric = pod;
  slow_fabric.fabric->bandwidth = 10.0 * gigabytes_per_second;
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(
                   effective_inter_node_bandwidth_per_accelerator(slow_fabric)),
               WithinRel(10.0, 1e-12));
}

TEST_CASE("an oversubscription below 1 or NaN is rejected", "[hardware][cluster]") {
  Cluster bad = pod;
  bad.oversubscription_ratio = 0.5;
  REQUIRE_THROWS_WITH(effective_inter_node_bandwidth_per_accelerator(bad),
                      "cluster inter-node bandwidth: oversubscription_ratio must be >= 1 and "
                      "finite (got 0.5)");
  bad.oversubscription_ratio = std::nan("");
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
  REQUIRE_NOTHROW(validate(pod));
}

TEST_CASE("more oversubscription never gives more bandwidth", "[hardware][cluster][property]") {
  REQUIRE(
      rc::check("effective bandwidth is non-increasing in the ratio", [](unsigned a, unsigned b) {
        Cluster lo = pod;
        Cluster hi = pod;
        lo.oversubscription_ratio = 1.0 + std::min(a, b) % 1000 / 10.0;
        hi.oversubscription_ratio = 1.0 + std::max(a, b) % 1000 / 10.0;
        if (lo.oversubscription_ratio > hi.oversubscription_ratio) std::swap(lo, hi);
        RC_ASSERT(effective_inter_node_bandwidth_per_accelerator(hi) <=
                  effective_inter_node_bandwidth_per_accelerator(lo));
      }));
}

TEST_CASE("a fabric slower than the NIC and oversubscription compound", "[hardware][cluster]") {
  // 8 NICs of 50 GB/s behind 20 GB/s switch ports at 2:1: min(50, 20) / 2 = 10 GB/s per NIC,
  // 8 x 10 / 8 = 10 GB/s per accelerator.
  Cluster c = pod;
  c.fabric->bandwidth = 20.0 * gigabytes_per_second;
  c.oversubscription_ratio = 2.0;
  const Link port = effective_nic(c);
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(port.bandwidth), WithinRel(10.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(effective_inter_node_bandwidth_per_accelerator(c)),
               WithinRel(10.0, 1e-12));
  // The port keeps the NIC's name, latency and energy: only its rate changes.
  REQUIRE(port.name == "nic");
  // Shared NICs: 2 NICs for 8 accelerators at that rate give each 2 x 10 / 8 = 2.5 GB/s.
  c.node.nics_per_node = 2;
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(effective_inter_node_bandwidth_per_accelerator(c)),
               WithinRel(2.5, 1e-12));
}

TEST_CASE("a fabric faster than the NIC, or none, leaves the NIC's rate", "[hardware][cluster]") {
  Cluster fast_fabric = pod;
  fast_fabric.fabric->bandwidth = 200.0 * gigabytes_per_second;
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(effective_nic(fast_fabric).bandwidth),
               WithinRel(50.0, 1e-12));
  Cluster no_fabric = pod;
  no_fabric.fabric.reset();
  no_fabric.oversubscription_ratio = 4.0;
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(effective_nic(no_fabric).bandwidth),
               WithinRel(12.5, 1e-12));
  REQUIRE_NOTHROW(validate(no_fabric));
}

TEST_CASE("a cluster without NIC or fabric bandwidth, or without NICs, is rejected",
          "[hardware][cluster]") {
  Cluster dead_fabric = pod;
  dead_fabric.fabric->bandwidth = Bandwidth{};
  REQUIRE_THROWS_WITH(effective_nic(dead_fabric),
                      "cluster inter-node bandwidth: fabric.bandwidth must be > 0 and finite "
                      "(got 0 B/s)");
  REQUIRE_THROWS_WITH(validate(dead_fabric), "link: bandwidth must be > 0 and finite (got 0 B/s)");
  Cluster dead_nic = pod;
  dead_nic.node.nic.bandwidth = Bandwidth{};
  REQUIRE_THROWS_WITH(effective_nic(dead_nic),
                      "cluster inter-node bandwidth: node.nic.bandwidth must be > 0 and finite "
                      "(got 0 B/s)");
  Cluster infinite_ratio = pod;
  infinite_ratio.oversubscription_ratio = std::numeric_limits<double>::infinity();
  REQUIRE_THROWS_AS(effective_nic(infinite_ratio), invalid_input);
  Cluster no_nics = pod;
  no_nics.node.nics_per_node = 0;
  REQUIRE_THROWS_WITH(effective_inter_node_bandwidth_per_accelerator(no_nics),
                      "cluster inter-node bandwidth: nics_per_node must be >= 1 (got 0)");
  Cluster no_gpus = pod;
  no_gpus.node.accelerators_per_node = 0;
  REQUIRE_THROWS_WITH(effective_inter_node_bandwidth_per_accelerator(no_gpus),
                      "cluster inter-node bandwidth: accelerators_per_node must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(accelerators(no_gpus),
                      "cluster accelerators: accelerators_per_node must be >= 1 (got 0)");
  Cluster no_nodes = pod;
  no_nodes.nodes = 0;
  REQUIRE_THROWS_WITH(validate(no_nodes), "cluster: nodes must be >= 1 (got 0)");
}

TEST_CASE("racks and pods: positions and the smallest common level", "[hardware][cluster]") {
  Cluster c = pod;
  c.rack.members = 4;  // 4 nodes (32 GPUs) per rack
  c.pod.members = 8;   // 8 racks (256 GPUs) per pod
  CHECK(nodes_per_rack(c) == 4);
  CHECK(racks_per_pod(c) == 8);
  const Position p = position(c, 300);  // node 37, rack 9, pod 1
  CHECK(p.node == 37);
  CHECK(p.rack == 9);
  CHECK(p.pod == 1);
  CHECK(common_level(c, 0, 7) == Level::node);
  CHECK(common_level(c, 0, 8) == Level::rack);
  CHECK(common_level(c, 0, 32) == Level::pod);
  CHECK(common_level(c, 0, 256) == Level::cluster);
  CHECK_THROWS_WITH(position(c, 1024), "cluster position: gpu must be in [0, 1023] (got 1024)");
  // Without tiers the whole cluster is one rack and one pod.
  CHECK(nodes_per_rack(pod) == 128);
  CHECK(racks_per_pod(pod) == 1);
  CHECK(common_level(pod, 0, 1023) == Level::rack);
  CHECK(to_string(Level::pod) == "pod");
}

TEST_CASE("each level's link: NVLink, the NIC share, then tapered uplinks",
          "[hardware][cluster]") {
  Cluster c = pod;
  c.node.nics_per_node = 2;  // 2 NICs of 50 GB/s for 8 GPUs: 12.5 GB/s each
  c.rack.members = 4;
  c.rack.oversubscription_ratio = 2.0;
  c.pod.members = 8;
  c.pod.uplink = Link{.name = "core", .bandwidth = 20.0 * gigabytes_per_second,
                      .latency = 5.0 * microseconds, .provenance = {"unit test"}};
  CHECK(level_link(c, Level::node).name == "nic");  // the intra-node link of the test node
  CHECK_THAT(value_in<gigabytes_per_second_unit>(level_link(c, Level::rack).bandwidth),
             WithinRel(12.5, 1e-12));
  CHECK_THAT(value_in<gigabytes_per_second_unit>(level_link(c, Level::pod).bandwidth),
             WithinRel(6.25, 1e-12));
  // Cluster: min(6.25, 2/8 x 20 = 5) / 1, with the core's latency.
  const Link top = level_link(c, Level::cluster);
  CHECK_THAT(value_in<gigabytes_per_second_unit>(top.bandwidth), WithinRel(5.0, 1e-12));
  CHECK_THAT(value_in<microsecond_unit>(top.latency), WithinRel(5.0, 1e-12));
  c.pod.oversubscription_ratio = 0.5;
  CHECK_THROWS_WITH(level_link(c, Level::cluster),
                    "cluster level link: pod.oversubscription_ratio must be >= 1 and finite "
                    "(got 0.5)");
  c.pod.oversubscription_ratio = 1.0;
  c.rack.members = -1;
  CHECK_THROWS_WITH(validate(c), "cluster: rack.members must be >= 0 (got -1)");
}

TEST_CASE("a higher level never gives more bandwidth", "[hardware][cluster][property]") {
  REQUIRE(rc::check("level links are monotone", [] {
    Cluster c = pod;
    c.rack.members = *rc::gen::inRange(0, 20);
    c.pod.members = *rc::gen::inRange(0, 5);
    c.rack.oversubscription_ratio = 1.0 + *rc::gen::inRange(0, 30) / 10.0;
    c.pod.oversubscription_ratio = 1.0 + *rc::gen::inRange(0, 30) / 10.0;
    const Level order[] = {Level::rack, Level::pod, Level::cluster};
    for (int i = 1; i < 3; ++i)
      RC_ASSERT(level_link(c, order[i]).bandwidth <= level_link(c, order[i - 1]).bandwidth);
  }));
}
