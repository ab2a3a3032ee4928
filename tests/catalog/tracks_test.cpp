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
  REQUIRE(catalog::edge_guardian.fleet_size == 10000);
  REQUIRE(catalog::mobile_nomad.fleet_size == 1000);
  REQUIRE(catalog::tiny_pioneer.fleet_size == 100);
  REQUIRE(catalog::cloud_titan.workers_per_node == 8);
  REQUIRE(catalog::cloud_titan.fleet_size % catalog::cloud_titan.workers_per_node == 0);
  REQUIRE_THAT(value_in<milliwatt_unit>(catalog::tiny_pioneer.power_budget), WithinRel(1.0, 1e-12));
  REQUIRE_THAT(value_in<millisecond_unit>(catalog::edge_guardian.control_loop_period),
               WithinRel(10.0, 1e-12));
}

TEST_CASE("Cloud Titan syncs the BF16 gradients of Llama 3 70B", "[catalog][tracks]") {
  // 2 bytes x 70.6e9 parameters = 141.2 GB.
  REQUIRE_THAT(value_in<gigabyte_unit>(catalog::cloud_titan.sync_payload), WithinRel(141.2, 1e-12));
  REQUIRE(catalog::cloud_titan.intra_node.key == "nvlink4");
  REQUIRE(catalog::cloud_titan.slow_network.key == "eth-10g");
  REQUIRE(catalog::cloud_titan.fast_network.key == "ib-ndr");
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
    REQUIRE(t.fast_network.bandwidth > t.slow_network.bandwidth);
    REQUIRE_NOTHROW(validate(t.intra_node));
    REQUIRE_NOTHROW(validate(t.slow_network));
    REQUIRE_NOTHROW(validate(t.fast_network));
    REQUIRE(t.fleet_size >= 2);
    REQUIRE(t.workers_per_node >= 1);
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
    // Devices have no node: their "intra-node" link is the slow network.
    if (t.workers_per_node == 1) REQUIRE(t.intra_node.key == t.slow_network.key);
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
