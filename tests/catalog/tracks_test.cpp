#include "paradox/catalog/tracks.hpp"

#include <catch2/catch.hpp>
#include <string_view>

#include "catalog/catalog_test_support.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
// Every figure of a track, retyped from the sources of its parts (the catalog entries' own
// documents) and from the lab's didactic choices. The compute time is derived here from these
// retyped figures, T1 = F / (R f), never read from the code under test.
struct TrackRow {
  std::string_view key;
  int nodes;                     // the same on both networks
  int workers_per_node;
  std::string_view slow_node, slow_nic, fast_node, fast_nic;
  int slow_nics_per_node, fast_nics_per_node;
  std::string_view model;
  double sync_payload_bytes;
  double global_batch;
  std::string_view hardware;
  double peak_flop_per_s;
  double achieved_fraction;
  double training_flops;
  double power_budget_w;
  double control_loop_period_s;
};

// Llama 3 70B, 70.6e9 parameters (model card), BF16 gradients (2 B); the batch and MFU of the
// 405B run (Dubey et al. 2024, table 4: 16M tokens = 2,048 x 8,192 per step, 38-43% BF16 MFU)
// as a proxy: 40%; training FLOPs 6 N D (Kaplan et al. 2020, section 2.1).
constexpr double llama3_70b_parameters = 70.6e9;
constexpr double llama3_batch_tokens = 2048.0 * 8192.0;
// Edge: ResNet-50 forward 2 x 3.8e9 FLOP (He et al. 2016, table 1), training = 3 x forward;
// 25.6e6 fp32 weights; Orin GPU 2048 x 2 x 1.3e9 FLOP/s (Jetson AGX Orin datasheet).
// Mobile: MobileNetV2 2 x 300e6 FLOP forward, 3.4e6 fp32 weights (Sandler et al. 2018, table 4);
// glasses NPU 1 TFLOP/s (didactic).
// Tiny: RNNoise forward 2 x 87,503 FLOP plus the output layer's backward 2 x (2 x 2,134) FLOP
// per frame (Valin 2018, fig. 3); 2,134 fp32 weights synced; 128 MHz x 1 FLOP/cycle (nRF5340).
const TrackRow rows[] = {
    {"cloud", 128, 8, "h100-10gbe", "eth-10g", "dgx-h100", "ib-ndr", 1, 8, "llama3-70b",
     2.0 * llama3_70b_parameters, llama3_batch_tokens, "h100-sxm", 989e12, 0.40,
     6.0 * llama3_70b_parameters * llama3_batch_tokens, 700.0, 0.0},
    {"edge", 10000, 1, "drive-orin", "5g-lowband", "drive-orin", "wifi6", 1, 1, "resnet50",
     25.6e6 * 4.0, 100000.0, "drive-orin", 2048.0 * 2.0 * 1.3e9, 0.30,
     100000.0 * 3.0 * 2.0 * 3.8e9, 60.0, 0.010},
    {"mobile", 1000, 1, "ar-glasses", "ble-2m", "ar-glasses", "wifi6", 1, 1, "mobilenetv2",
     3.4e6 * 4.0, 10000.0, "ar-glasses", 1e12, 0.20, 10000.0 * 3.0 * 2.0 * 300e6, 1.0, 0.0},
    {"tiny", 100, 1, "hearable", "ble-1m", "hearable", "ble-2m", 1, 1, "noise-profile",
     2134.0 * 4.0, 10000.0, "hearable", 128e6, 0.25,
     10000.0 * (2.0 * 87503.0 + 2.0 * 2.0 * 2134.0), 1e-3, 0.0},
};
}  // namespace

TEST_CASE("every track figure follows from its sources and the lab's choices",
          "[catalog][tracks]") {
  paradox::test::check_rows_cover(catalog::tracks, rows);
  using paradox::test::check_figure;
  for (const TrackRow& row : rows) {
    const catalog::Track& t = catalog::track(row.key);
    INFO(row.key);
    CHECK(t.slow.nodes == row.nodes);
    CHECK(t.fast.nodes == row.nodes);
    CHECK(catalog::fleet_size(t) == row.nodes * row.workers_per_node);
    CHECK(t.slow.node.accelerators_per_node == row.workers_per_node);
    CHECK(t.slow.node.key == row.slow_node);
    CHECK(t.slow.node.nic.key == row.slow_nic);
    CHECK(t.slow.node.nics_per_node == row.slow_nics_per_node);
    CHECK(t.fast.node.key == row.fast_node);
    CHECK(t.fast.node.nic.key == row.fast_nic);
    CHECK(t.fast.node.nics_per_node == row.fast_nics_per_node);
    // Neither fabric is oversubscribed nor limited by its switch ports.
    CHECK(t.slow.oversubscription_ratio == 1.0);
    CHECK(t.fast.oversubscription_ratio == 1.0);
    CHECK_FALSE(t.slow.fabric.has_value());
    CHECK_FALSE(t.fast.fabric.has_value());
    CHECK(t.model_key == row.model);
    CHECK(t.workload.hardware_key == row.hardware);
    check_figure(row.key, "sync_payload", value_in<byte_unit>(t.sync_payload),
                 row.sync_payload_bytes);
    check_figure(row.key, "global_batch", t.workload.global_batch, row.global_batch);
    check_figure(row.key, "peak", value_in<flop_per_second_unit>(t.workload.peak),
                 row.peak_flop_per_s);
    check_figure(row.key, "achieved_fraction", t.workload.achieved_fraction,
                 row.achieved_fraction);
    check_figure(row.key, "training_flops", value_in<flop_unit>(t.workload.training_flops),
                 row.training_flops);
    check_figure(row.key, "compute_time_one_worker",
                 value_in<second_unit>(t.compute_time_one_worker),
                 row.training_flops / (row.peak_flop_per_s * row.achieved_fraction));
    check_figure(row.key, "power_budget", value_in<watt_unit>(t.power_budget), row.power_budget_w);
    check_figure(row.key, "control_loop_period", value_in<second_unit>(t.control_loop_period),
                 row.control_loop_period_s);
    // A track is the lab's composition: every one of its own figures is a didactic assumption.
    paradox::test::check_kinds(row.key, t.provenance,
                               {"fleet_size", "sync_payload", "compute_time_one_worker",
                                "power_budget", "control_loop_period"},
                               SourceKind::didactic_assumption);
  }
}

TEST_CASE("the tracks' compute times are those the walk-through quotes", "[catalog][tracks]") {
  // Printed to the digits the lab quotes: Cloud Titan about 17,965 s on one H100, Edge Guardian
  // 1,427 s on one Orin, Mobile Nomad 90 s on one pair of glasses, Tiny Pioneer 57.36 s.
  CHECK_THAT(value_in<second_unit>(catalog::cloud_titan.compute_time_one_worker),
             WithinRel(17965.0, 1e-4));
  CHECK_THAT(value_in<second_unit>(catalog::edge_guardian.compute_time_one_worker),
             WithinRel(1427.3, 1e-4));
  CHECK_THAT(value_in<second_unit>(catalog::mobile_nomad.compute_time_one_worker),
             WithinRel(90.0, 1e-12));
  CHECK_THAT(value_in<second_unit>(catalog::tiny_pioneer.compute_time_one_worker),
             WithinRel(57.356875, 1e-12));
}

TEST_CASE("the four tracks are found by key and by id", "[catalog][tracks]") {
  REQUIRE(catalog::track("cloud").name == "Cloud Titan");
  REQUIRE(catalog::track("edge").name == "Edge Guardian");
  REQUIRE(catalog::track("mobile").name == "Mobile Nomad");
  REQUIRE(catalog::track("tiny").name == "Tiny Pioneer");
  for (const catalog::Track& t : catalog::tracks)
    REQUIRE(&catalog::track(t.id) == &catalog::track(t.key));
  REQUIRE_THROWS_WITH(catalog::track("space"),
                      "catalog: track must be one of cloud, edge, mobile, tiny (got \"space\")");
}

TEST_CASE("fleet sizes and budgets are the lab's didactic choices", "[catalog][tracks]") {
  REQUIRE(catalog::fleet_size(catalog::edge_guardian) == 10000);
  REQUIRE(catalog::fleet_size(catalog::mobile_nomad) == 1000);
  REQUIRE(catalog::fleet_size(catalog::tiny_pioneer) == 100);
  REQUIRE(catalog::fleet_size(catalog::cloud_titan) == 1024);  // 128 nodes of 8 GPUs
  REQUIRE(catalog::cloud_titan.slow.node.accelerators_per_node == 8);
  REQUIRE_THAT(value_in<milliwatt_unit>(catalog::tiny_pioneer.power_budget), WithinRel(1.0, 1e-12));
  REQUIRE_THAT(value_in<millisecond_unit>(catalog::edge_guardian.control_loop_period),
               WithinRel(10.0, 1e-12));
}

TEST_CASE("Cloud Titan syncs the BF16 gradients of Llama 3 70B", "[catalog][tracks]") {
  // 2 bytes x 70.6e9 parameters = 141.2 GB.
  REQUIRE_THAT(value_in<gigabyte_unit>(catalog::cloud_titan.sync_payload), WithinRel(141.2, 1e-12));
  REQUIRE(catalog::cloud_titan.slow.node.intra_node.key == "nvlink4");
  REQUIRE(catalog::cloud_titan.fast.node.intra_node.key == "nvlink4");
  REQUIRE(catalog::cloud_titan.slow.node.nic.key == "eth-10g");
  REQUIRE(catalog::cloud_titan.fast.node.nic.key == "ib-ndr");
}

TEST_CASE("Cloud Titan's slow network is one 10 GbE NIC shared by a node's 8 GPUs") {
  // 10 Gb/s / 8 GPUs = 1.25 Gb/s = 156.25 MB/s per GPU across nodes; the DGX H100 has one
  // 400 Gb/s NDR NIC per GPU (NVIDIA DGX H100 datasheet: 8 ConnectX-7 compute ports).
  REQUIRE(catalog::cloud_titan.slow.node.nics_per_node == 1);
  REQUIRE_THAT(value_in<megabytes_per_second_unit>(
                   effective_inter_node_bandwidth_per_accelerator(catalog::cloud_titan.slow)),
               WithinRel(156.25, 1e-12));
  REQUIRE(catalog::cloud_titan.fast.node.nics_per_node == 8);
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(
                   effective_inter_node_bandwidth_per_accelerator(catalog::cloud_titan.fast)),
               WithinRel(50.0, 1e-12));
}

TEST_CASE("Cloud Titan's compute time is 6 N D over 40% of the BF16 peak", "[catalog][tracks]") {
  // 6 x 70.6e9 x 2048 x 8192 FLOP / (989e12 x 0.40) = 17,965 s for one GPU.
  const double expected = 6.0 * 70.6e9 * 2048.0 * 8192.0 / (989.0e12 * 0.40);
  REQUIRE_THAT(value_in<second_unit>(catalog::cloud_titan.compute_time_one_worker),
               WithinRel(expected, 1e-12));
  REQUIRE_THAT(expected, WithinRel(17965.0, 1e-4));
}

TEST_CASE("every track is internally consistent", "[catalog][tracks]") {
  for (const catalog::Track& t : catalog::tracks) {
    INFO(t.key);
    // The fast network is faster than the slow one (the part-1 toggle means something).
    REQUIRE(effective_inter_node_bandwidth_per_accelerator(t.fast) >
            effective_inter_node_bandwidth_per_accelerator(t.slow));
    REQUIRE_NOTHROW(validate(t.slow.node.nic));
    REQUIRE_NOTHROW(validate(t.fast.node.nic));
    REQUIRE(catalog::fleet_size(t) >= 2);
    // Both networks carry the same fleet of the same nodes.
    REQUIRE(paradox::accelerators(t.fast) == paradox::accelerators(t.slow));
    REQUIRE(t.fast.node.accelerators_per_node == t.slow.node.accelerators_per_node);
    if (t.slow.node.accelerators_per_node > 1) REQUIRE_NOTHROW(validate(t.slow.node.intra_node));
    REQUIRE(t.power_budget > Watts{});
    REQUIRE_FALSE(t.story.empty());
    REQUIRE_FALSE(t.role.empty());
    REQUIRE_FALSE(t.worker_noun.empty());
    REQUIRE_NOTHROW(validate("track", t.provenance));
    // The compute time is derived from the workload, never set by hand.
    REQUIRE(t.compute_time_one_worker == catalog::compute_time(t.workload));
    REQUIRE(t.compute_time_one_worker > Seconds{});
    REQUIRE(t.workload.achieved_fraction > 0.0);
    REQUIRE(t.workload.achieved_fraction <= 1.0);
    REQUIRE_FALSE(t.workload.derivation.empty());
  }
}

TEST_CASE("device tracks sync exactly one copy of their model", "[catalog][tracks]") {
  for (const catalog::Track& t :
       {catalog::edge_guardian, catalog::mobile_nomad, catalog::tiny_pioneer}) {
    INFO(t.key);
    const EdgeModelSpec& m = catalog::edge_model(t.model_key);
    REQUIRE(t.sync_payload == model_bytes(m));
    REQUIRE(t.workload.peak == catalog::edge_device(t.workload.hardware_key).compute_peak);
  }
  REQUIRE(catalog::cloud_titan.sync_payload ==
          2.0 * catalog::transformer_model(catalog::cloud_titan.model_key).published_parameters *
              bytes);
  // Tiny Pioneer's noise profile is "a few kB".
  REQUIRE(catalog::tiny_pioneer.sync_payload < 10.0 * kilobytes);
}

TEST_CASE("an edited track workload with no peak or no achieved fraction is rejected") {
  using paradox::catalog::compute_time;
  auto workload = paradox::catalog::cloud_titan.workload;
  workload.achieved_fraction = 0.0;
  REQUIRE_THROWS_WITH(compute_time(workload),
                      "track workload: achieved_fraction must be in (0, 1] (got 0)");
  workload = paradox::catalog::cloud_titan.workload;
  workload.peak = 0.0 * paradox::flop_per_second;
  REQUIRE_THROWS_AS(compute_time(workload), paradox::invalid_input);
}
