#include "paradox/parallel/placement.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cstdint>

#include "paradox/catalog/nodes.hpp"

using namespace paradox;
using namespace paradox::parallel;

namespace {

// The level of a dimension by brute force: the highest common_level() over every group (every
// pair of neighbouring stages for the pipeline), built from coordinates()/accelerator_at().
Level brute_force(const Cluster& c, const Layout& l, Dimension dim) {
  Level worst = Level::node;
  const std::int64_t n = accelerators(l);
  for (std::int64_t g = 0; g < n; ++g) {
    Coordinates other = coordinates(l, g);
    switch (dim) {
      case Dimension::tensor:
        other.tensor_rank = 0;
        break;
      case Dimension::context:
        other.context_rank = 0;
        break;
      case Dimension::data:
        other.data_replica = 0;
        break;
      case Dimension::pipeline:
        if (other.pipeline_stage + 1 >= l.pipeline_parallel) continue;
        ++other.pipeline_stage;
        break;
    }
    worst = std::max(worst, common_level(c, g, accelerator_at(l, other)));
  }
  return worst;
}

}  // namespace

TEST_CASE("Megatron's rank order: tensor fastest, pipeline slowest") {
  const Layout l{.data_parallel = 2, .tensor_parallel = 4, .pipeline_parallel = 3,
                 .context_parallel = 2};
  // g = t_r + 4 (cp_r + 2 (d_r + 2 pp_r))
  const Coordinates c = coordinates(l, 4 * (1 + 2 * (1 + 2 * 2)) + 3);
  CHECK(c.tensor_rank == 3);
  CHECK(c.context_rank == 1);
  CHECK(c.data_replica == 1);
  CHECK(c.pipeline_stage == 2);
  CHECK(accelerator_at(l, c) == 47);
  CHECK_THROWS_WITH(coordinates(l, 48), "placement: gpu must be in [0, 47] (got 48)");
  CHECK_THROWS_WITH(accelerator_at(l, {.pipeline_stage = 3}),
                    "placement: pipeline_stage must be in [0, 2] (got 3)");
}

TEST_CASE("Megatron on DGX nodes: tensor parallelism in the node, pipeline and data across") {
  // Narayanan et al. 2021, sec. 3: t = 8 inside a DGX A100 (NVLink), p and d across nodes.
  const Cluster c{.node = catalog::dgx_a100, .nodes = 128};
  const Placement p = place(c, {.data_parallel = 8, .tensor_parallel = 8, .pipeline_parallel = 16});
  CHECK(p.tensor == Level::node);
  CHECK(p.data == Level::rack);
  CHECK(p.pipeline == Level::rack);
  // 16-way tensor parallelism must leave the node.
  CHECK(place(c, {.data_parallel = 4, .tensor_parallel = 16, .pipeline_parallel = 16}).tensor ==
        Level::rack);
  // With racks of 4 nodes and pods of 8 racks, data groups of 8 x 8 = 64 GPUs stay in a pod
  // only if the pipeline is outermost: here stride 8, 8 replicas = 64 GPUs = 2 racks.
  Cluster tiered = c;
  tiered.rack.members = 4;
  tiered.pod.members = 8;
  const Placement q = place(tiered, {.data_parallel = 8, .tensor_parallel = 8,
                                     .pipeline_parallel = 16});
  CHECK(q.data == Level::pod);
  CHECK(q.pipeline == Level::cluster);
}

TEST_CASE("place() agrees with a brute force over every group") {
  REQUIRE(rc::check("O(1) levels = brute force", [] {
    const int per_node = *rc::gen::element(1, 2, 4, 8);
    const int per_rack = *rc::gen::inRange(0, 5);
    const int per_pod = *rc::gen::inRange(0, 4);
    const int t = *rc::gen::element(1, 2, 3, 4, 8);
    const int cp = *rc::gen::element(1, 2, 3);
    const int d = *rc::gen::inRange(1, 6);
    const int pp = *rc::gen::inRange(1, 6);
    const int n = t * cp * d * pp;
    RC_PRE(n % per_node == 0);
    Cluster c{.node = catalog::dgx_h100, .nodes = n / per_node};
    c.node.accelerators_per_node = per_node;
    c.rack.members = per_rack;
    c.pod.members = per_pod;
    const Layout l{.data_parallel = d, .tensor_parallel = t, .pipeline_parallel = pp,
                   .context_parallel = cp};
    const Placement p = place(c, l);
    RC_ASSERT(p.tensor == brute_force(c, l, Dimension::tensor));
    RC_ASSERT(p.context == brute_force(c, l, Dimension::context));
    RC_ASSERT(p.data == brute_force(c, l, Dimension::data));
    RC_ASSERT(p.pipeline == brute_force(c, l, Dimension::pipeline));
  }));
}

TEST_CASE("dimension names") {
  CHECK(to_string(Dimension::tensor) == "tensor");
  CHECK(to_string(Dimension::context) == "context");
  CHECK(to_string(Dimension::data) == "data");
  CHECK(to_string(Dimension::pipeline) == "pipeline");
}
