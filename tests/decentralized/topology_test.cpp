#include "paradox/decentralized/topology.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "decentralized/decentralized_test_support.hpp"

using namespace paradox;
using namespace paradox::decentralized;
using Catch::Matchers::WithinRel;

namespace {
double mb(Bytes b) { return value_in<megabyte_unit>(b); }
}  // namespace

TEST_CASE("star through a central: N S up, N S down (or S broadcast), one round") {
  // 100 hearables, 1 MB each, to a phone: 100 MB up, 100 MB down, the phone moves 200 MB.
  const StarSyncCost c = evaluate(StarSync{.clients = 100, .model = 1.0 * megabytes});
  CHECK_THAT(mb(c.uplink), WithinRel(100.0, 1e-15));
  CHECK_THAT(mb(c.downlink), WithinRel(100.0, 1e-15));
  CHECK_THAT(mb(c.total), WithinRel(200.0, 1e-15));
  CHECK_THAT(mb(c.central), WithinRel(200.0, 1e-15));
  CHECK(c.rounds == 1);
  const StarSyncCost b =
      evaluate(StarSync{.clients = 100, .model = 1.0 * megabytes, .broadcast_download = true});
  CHECK_THAT(mb(b.downlink), WithinRel(1.0, 1e-15));
  CHECK_THAT(mb(b.total), WithinRel(101.0, 1e-15));
}

TEST_CASE("gossip on a mesh: 2|E| S per round for ceil(log(1/eps)/log(1/rho)) rounds") {
  // Ring of 10, Metropolis (rho = 0.87268): 51 rounds to 1e-3, 10 edges -> 20 MB a round.
  const Graph g = ring(10);
  const Spectrum s = ring_spectrum(10, Weights::metropolis);
  const MeshGossipCost c = evaluate(mesh_gossip(g, s, 1.0 * megabytes, 1e-3));
  REQUIRE(c.rounds == 51);
  CHECK_THAT(mb(c.per_round), WithinRel(20.0, 1e-15));
  CHECK_THAT(mb(c.busiest_node_per_round), WithinRel(2.0, 1e-15));
  CHECK_THAT(mb(c.total), WithinRel(51.0 * 20.0, 1e-15));
  CHECK_THAT(mb(c.busiest_node_total), WithinRel(102.0, 1e-15));
  // The star, as a gossip graph, moves 2(N-1) S per round but needs many rounds (gap 1/N).
  const MeshGossipCost hub =
      evaluate(mesh_gossip(star(10), star_spectrum(10, Weights::metropolis), 1.0 * megabytes));
  CHECK(*hub.rounds == static_cast<long long>(std::ceil(std::log(1e3) / -std::log(0.9))));
}

TEST_CASE("a mesh that never converges moves nothing to consensus, and says so") {
  const MeshGossipCost c = evaluate(MeshGossip{.nodes = 4, .edges = 2, .max_degree = 1, .spectral_gap = 0.0,
                                               .model = 1.0 * megabytes, .epsilon = 1e-3});
  CHECK_FALSE(c.rounds.has_value());
  CHECK(mb(c.total) == 0.0);
  CHECK_THAT(mb(c.per_round), WithinRel(4.0, 1e-15));
}

TEST_CASE("topology: invalid input is named") {
  CHECK_THROWS_WITH(evaluate(StarSync{.clients = 0, .model = 1.0 * bytes}),
                    "star sync: clients must be >= 1 (got 0)");
  CHECK_THROWS_WITH(evaluate(StarSync{.clients = 2, .model = -1.0 * bytes}),
                    "star sync: model must be >= 0 and finite (got -1 B)");
  CHECK_THROWS_WITH(evaluate(MeshGossip{.nodes = 10, .edges = 5, .max_degree = 10, .spectral_gap = 0.5,
                                        .model = 1.0 * bytes, .epsilon = 1e-3}),
                    "mesh gossip: max degree must be in [0, 9] (got 10)");
  CHECK_THROWS_WITH(evaluate(MeshGossip{.nodes = 10, .edges = 5, .max_degree = 2, .spectral_gap = 0.5,
                                        .model = 1.0 * bytes, .epsilon = 2.0}),
                    "rounds to epsilon: epsilon must be in (0, 1) (got 2)");
  CHECK_THROWS_WITH(mesh_gossip(ring(1), Spectrum{}, 1.0 * bytes),
                    "mesh gossip: nodes must be >= 2 (got 1)");
}
