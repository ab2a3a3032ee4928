#include "paradox/decentralized/graphs.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "decentralized/decentralized_test_support.hpp"

using namespace paradox;
using namespace paradox::decentralized;

namespace {

bool all_degrees(const Graph& g, int d) {
  const std::vector<int> deg = degrees(g);
  return std::all_of(deg.begin(), deg.end(), [d](int x) { return x == d; });
}

}  // namespace

TEST_CASE("ring: N edges of degree 2; N = 2 is one edge, N = 1 none") {
  const Graph g = ring(7);
  CHECK(g.nodes == 7);
  CHECK(g.edges.size() == 7);
  CHECK(all_degrees(g, 2));
  CHECK(is_connected(g));
  CHECK(g.adjacency.nonZeros() == 14);
  CHECK(g.adjacency.coeff(0, 6) == 1.0);
  CHECK(ring(2).edges.size() == 1);
  CHECK(ring(1).edges.empty());
  CHECK(is_connected(ring(1)));
}

TEST_CASE("torus: 2 r c edges of degree 4 for sides >= 3; short sides are not doubled") {
  const Graph g = torus(4, 5);
  CHECK(g.nodes == 20);
  CHECK(g.edges.size() == 40);
  CHECK(all_degrees(g, 4));
  CHECK(is_connected(g));
  // Node (1, 2) = 7 links to (0, 2) = 2, (2, 2) = 12, (1, 1) = 6, (1, 3) = 8.
  CHECK(g.adjacency.coeff(7, 2) == 1.0);
  CHECK(g.adjacency.coeff(7, 12) == 1.0);
  CHECK(g.adjacency.coeff(7, 6) == 1.0);
  CHECK(g.adjacency.coeff(7, 8) == 1.0);
  CHECK(all_degrees(torus(2, 4), 3));
  CHECK(torus(1, 6).edges == ring(6).edges);
}

TEST_CASE("complete and star graphs") {
  CHECK(complete(6).edges.size() == 15);
  CHECK(all_degrees(complete(6), 5));
  const Graph s = star(5);
  CHECK(s.edges.size() == 4);
  CHECK(degrees(s) == std::vector<int>{4, 1, 1, 1, 1});
  CHECK(is_connected(s));
}

TEST_CASE("random regular: every degree d, simple, reproducible from its seed") {
  for (const int d : {1, 3, 4, 7}) {
    const Graph g = random_regular(100, d, 11);
    CHECK(all_degrees(g, d));
    CHECK(g.edges.size() == static_cast<std::size_t>(50 * d));
  }
  CHECK(random_regular(1000, 4, 5).edges == random_regular(1000, 4, 5).edges);
  CHECK(random_regular(1000, 4, 5).edges != random_regular(1000, 4, 6).edges);
  // Random 3-regular graphs are connected with high probability (Bollobas 2001, ch. 7).
  CHECK(is_connected(random_regular(1000, 3, 1)));
  CHECK(random_regular(9, 8, 1).edges == complete(9).edges);
  CHECK(random_regular(5, 0, 1).edges.empty());
}

TEST_CASE("random geometric: every pair within r for r >= sqrt 2, reproducible, thin when r small") {
  CHECK(random_geometric(30, std::sqrt(2.0), 3).edges == complete(30).edges);
  CHECK(random_geometric(500, 0.1, 3).edges == random_geometric(500, 0.1, 3).edges);
  CHECK(random_geometric(500, 0.1, 3).edges != random_geometric(500, 0.1, 4).edges);
  CHECK(component_count(random_geometric(200, 0.01, 3)) > 100);
  // Mean degree ~ (N - 1) pi r^2 (less at the borders): 2000 nodes, r = 0.05 give ~15.7.
  const Graph g = random_geometric(2000, 0.05, 9);
  const double mean_degree = 2.0 * static_cast<double>(g.edges.size()) / g.nodes;
  CHECK(mean_degree > 13.0);
  CHECK(mean_degree < 15.8);
  // Twice the connectivity radius: connected.
  CHECK(is_connected(random_geometric(5000, 2.0 * connectivity_radius(5000), 1)));
}

TEST_CASE("Erdos-Renyi: p = 0 empty, p = 1 complete, edge count near p N(N-1)/2") {
  CHECK(erdos_renyi(50, 0.0, 1).edges.empty());
  CHECK(erdos_renyi(50, 1.0, 1).edges == complete(50).edges);
  const Graph g = erdos_renyi(2000, 0.01, 7);
  const double mean = 0.01 * 2000.0 * 1999.0 / 2.0;  // 19,990
  const double sd = std::sqrt(mean * 0.99);          // ~ 140.7
  CHECK(std::abs(static_cast<double>(g.edges.size()) - mean) < 5.0 * sd);
  CHECK(erdos_renyi(300, 0.1, 2).edges == erdos_renyi(300, 0.1, 2).edges);
}

TEST_CASE("connectivity: components counted, a lone pair of cliques is two") {
  const Graph g = from_edges(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}});
  CHECK(component_count(g) == 2);
  CHECK_FALSE(is_connected(g));
  CHECK(component_count(from_edges(4, {})) == 4);
}

TEST_CASE("graphs: invalid input is named") {
  CHECK_THROWS_WITH(ring(0), "ring graph: nodes must be in [1, 10000000] (got 0)");
  CHECK_THROWS_WITH(torus(0, 3), "torus graph: rows must be >= 1 (got 0)");
  CHECK_THROWS_WITH(torus(10000, 10000),
                    "torus graph: nodes must be in [1, 10000000] (got 100000000)");
  CHECK_THROWS_WITH(complete(20000), "complete graph: nodes must be in [1, 10000] (got 20000)");
  CHECK_THROWS_WITH(star(-1), "star graph: nodes must be in [1, 10000000] (got -1)");
  CHECK_THROWS_WITH(random_regular(10, 10, 1),
                    "random regular graph: degree must be in [0, 9] (got 10)");
  CHECK_THROWS_WITH(random_regular(5, 3, 1),
                    "random regular graph: nodes x degree must be even (got 15)");
  CHECK_THROWS_WITH(random_geometric(10, 0.0, 1),
                    "random geometric graph: radius must be > 0 and finite (got 0)");
  CHECK_THROWS_WITH(random_geometric(10, NAN, 1),
                    "random geometric graph: radius must be > 0 and finite (got nan)");
  CHECK_THROWS_WITH(erdos_renyi(10, 1.5, 1),
                    "erdos-renyi graph: edge probability must be in [0, 1] (got 1.5)");
  CHECK_THROWS_WITH(erdos_renyi(1'000'000, 1.0, 1),
                    "erdos-renyi graph: expected edges must be <= 50000000 (got 5e+11)");
  CHECK_THROWS_WITH(from_edges(4, {{0, 4}}), "graph: edge endpoint must be in [0, 3] (got 4)");
  CHECK_THROWS_WITH(from_edges(4, {{2, 2}}), "graph: edge must not be a self-loop (got 2-2)");
  CHECK_THROWS_WITH(from_edges(4, {{0, 1}, {1, 0}}), "graph: edges must be distinct (got 0-1 twice)");
  CHECK_THROWS_WITH(connectivity_radius(1), "connectivity radius: nodes must be >= 2 (got 1)");
}

TEST_CASE("property: every generated graph is simple and symmetric") {
  REQUIRE(rc::check("adjacency symmetric 0/1 with 2|E| entries, degrees sum to 2|E|", [] {
    const Graph g = decentralized_test::any_small_graph();
    const Eigen::SparseMatrix<double> t = g.adjacency.transpose();
    RC_ASSERT((g.adjacency - t).norm() == 0.0);
    RC_ASSERT(g.adjacency.nonZeros() == static_cast<Eigen::Index>(2 * g.edges.size()));
    RC_ASSERT(g.adjacency.diagonal().sum() == 0.0);
    const std::vector<int> d = degrees(g);
    long long sum = 0;
    for (int x : d) sum += x;
    RC_ASSERT(sum == static_cast<long long>(2 * g.edges.size()));
  }));
}
