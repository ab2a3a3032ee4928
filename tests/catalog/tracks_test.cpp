#include "paradox/catalog/tracks.hpp"

#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

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

TEST_CASE("fleet sizes and budgets follow the lab (MODELS.md section 10)", "[catalog][tracks]") {
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
