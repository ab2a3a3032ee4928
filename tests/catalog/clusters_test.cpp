#include "paradox/catalog/clusters.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

#include "paradox/compute/parameters.hpp"
#include "paradox/parallel/search.hpp"
#include "paradox/parallel/step_time.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("the SuperPOD preset is four scalable units of 32 DGX H100 in racks of 4",
          "[catalog][clusters]") {
  // NVIDIA DGX SuperPOD H100 reference architecture: SU = 32 DGX H100; 4 SUs = 1,024 GPUs.
  const Cluster& c = catalog::h100_superpod.cluster;
  REQUIRE(accelerators(c) == 1024);
  REQUIRE(nodes_per_rack(c) == 4);
  REQUIRE(nodes_per_rack(c) * racks_per_pod(c) == 32);
  REQUIRE(position(c, 1023).pod == 3);
  REQUIRE(c.node.key == "dgx-h100");
  // A non-blocking fat tree: every level above the node sees the NIC's 50 GB/s per GPU.
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(level_link(c, Level::cluster).bandwidth),
               WithinRel(50.0, 1e-12));
  REQUIRE_NOTHROW(validate(c));
}

TEST_CASE("an edge device becomes an accelerator at its training precision only",
          "[catalog][clusters]") {
  const Accelerator a = catalog::edge_accelerator(catalog::drive_orin, Precision::fp32, 0.3,
                                                  204.8 * gigabytes_per_second);
  REQUIRE(peak(a, Precision::fp32) == catalog::drive_orin.compute_peak);
  REQUIRE_FALSE(supports(a, Precision::bf16));
  REQUIRE(a.hbm_capacity == catalog::drive_orin.memory);
  REQUIRE(a.achievable_fraction == 0.3);
  REQUIRE(a.key == "drive-orin");
  REQUIRE_NOTHROW(validate(a));
  // The car computer's SoCs run at Edge Guardian's achieved fraction, with its provenance.
  REQUIRE(catalog::car_4x_orin.accelerator.achievable_fraction ==
          catalog::track(catalog::TrackId::edge).workload.achieved_fraction);
  REQUIRE(catalog::glasses_and_phone.accelerator.hbm_capacity == catalog::ar_glasses.memory);
}

TEST_CASE("every cluster preset is valid, sourced and uniquely keyed", "[catalog][clusters]") {
  std::set<std::string_view> keys;
  for (const catalog::ClusterPreset& p : catalog::clusters) {
    INFO(p.key);
    REQUIRE(keys.insert(p.key).second);
    REQUIRE_FALSE(p.provenance.source.empty());
    REQUIRE_NOTHROW(validate(p.cluster));
    REQUIRE(catalog::cluster_preset(p.key).name == p.name);
  }
  REQUIRE_THROWS_WITH(catalog::cluster_preset("moon"),
                      "catalog: cluster must be one of h100-superpod-4su, car-4x-orin, "
                      "glasses-phone, hearable-pair (got \"moon\")");
}

TEST_CASE("each track's puzzle model overflows one device with Adam state and fits when split",
          "[catalog][clusters]") {
  for (const catalog::LayoutPuzzle& p : catalog::layout_puzzles) {
    INFO(p.key);
    REQUIRE(catalog::track(p.key).key == p.key);
    const TransformerSpec& model = catalog::transformer_model(p.model_key);
    const Cluster& c = catalog::cluster_preset(p.cluster_key).cluster;
    const parallel::TrainingJob job{.model = model,
                                    .cluster = c,
                                    .global_batch = p.global_batch,
                                    .seq_len = p.seq_len,
                                    .precision = p.precision,
                                    .element_bytes = p.element_bytes};
    REQUIRE_NOTHROW(parallel::validate(job));
    // 16 bytes per parameter (mixed-precision Adam, ZeRO sec. 3.1) and the least activations
    // (one sequence, full recomputation) overflow one device: no replica of the whole model fits.
    const int n = static_cast<int>(accelerators(c));
    const parallel::Evaluation whole = parallel::evaluate(
        job, {.data_parallel = n,
              .micro_batch = 1,
              .microbatches = p.global_batch / n,
              .recompute = parallel::Recomputation::full});
    REQUIRE_FALSE(whole.fits);
    // Some layout fits with a bubble at or below 10%.
    const parallel::SearchResult r = parallel::search(job, {.top = 1});
    REQUIRE_FALSE(r.best.empty());
    REQUIRE(r.best.front().fits);
    REQUIRE(r.best.front().layout.data_parallel < accelerators(c));
  }
  REQUIRE_THROWS_WITH(catalog::layout_puzzle("moon"),
                      "catalog: layout puzzle must be one of cloud, edge, mobile, tiny (got "
                      "\"moon\")");
}
