/// @file
/// @brief Communication graphs for gossip: ring, 2-D torus, complete, star, random k-regular,
/// random geometric and Erdos-Renyi, seeded and reproducible, stored as an edge list and an
/// Eigen sparse adjacency matrix; degrees and connectivity.
#pragma once

#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "paradox/error.hpp"

namespace paradox::decentralized {

/// @addtogroup decentralized
/// @{

/// @brief An undirected edge between nodes `u < v` (0-based).
struct Edge {
  int u = 0;  ///< the smaller endpoint
  int v = 0;  ///< the larger endpoint
  /// Same endpoints.
  friend bool operator==(const Edge&, const Edge&) = default;
};

/// @brief A simple undirected graph (no self-loops, no parallel edges) on nodes 0..nodes-1.
///
/// `adjacency` is the symmetric 0/1 matrix A with \f$A_{uv} = A_{vu} = 1\f$ per edge; `edges`
/// lists each edge once, sorted. Build one with the generators below or with from_edges().
struct Graph {
  int nodes = 0;                           ///< number of nodes N
  std::vector<Edge> edges;                 ///< each edge once, u < v, sorted
  Eigen::SparseMatrix<double> adjacency;   ///< N x N symmetric 0/1 adjacency matrix
};

/// @brief The topologies the generators build (the `--topology` choices of `paradox gossip`).
enum class Topology { ring, torus, complete, star, random_regular, random_geometric, erdos_renyi };

/// @brief The CLI spelling of a topology: "ring", "torus", "complete", "star",
/// "random-regular", "random-geometric", "erdos-renyi".
/// @param t the topology
/// @return its spelling
[[nodiscard]] constexpr std::string_view to_string(Topology t) {
  switch (t) {
    case Topology::ring: return "ring";
    case Topology::torus: return "torus";
    case Topology::complete: return "complete";
    case Topology::star: return "star";
    case Topology::random_regular: return "random-regular";
    case Topology::random_geometric: return "random-geometric";
    case Topology::erdos_renyi: return "erdos-renyi";
  }
  return "unknown";
}

/// Every topology, in the order of the enumeration.
inline constexpr Topology all_topologies[] = {
    Topology::ring,           Topology::torus,           Topology::complete,
    Topology::star,           Topology::random_regular,  Topology::random_geometric,
    Topology::erdos_renyi};

/// Largest graph the generators build: 10^7 nodes (a 4-regular graph of that size holds
/// 2 x 10^7 edges, about a gigabyte with its sparse matrix).
inline constexpr int max_nodes = 10'000'000;

/// Largest edge count the generators build (dense random graphs beyond it are refused).
inline constexpr long long max_edges = 50'000'000;

namespace detail {

[[nodiscard]] inline std::uint64_t edge_key(int u, int v) {
  if (u > v) std::swap(u, v);
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(u)) << 32U) |
         static_cast<std::uint32_t>(v);
}

inline void require_nodes(std::string_view fn, int nodes, int minimum) {
  require_in_range(fn, "nodes", nodes, minimum, max_nodes);
}

}  // namespace detail

/// @brief A graph from an edge list: edges normalised to u < v, sorted; the adjacency built.
/// @param nodes N
/// @param edges undirected edges between distinct nodes in [0, N), each at most once
/// @pre 1 <= nodes <= max_nodes; every endpoint in [0, nodes); no self-loop; no repeated edge
/// @throws invalid_input "graph: nodes must be in [1, 10000000] (got 0)", "graph: edge endpoint
///   must be in [0, 3] (got 4)", "graph: edge must not be a self-loop (got 2-2)", "graph: edges
///   must be distinct (got 0-1 twice)"
/// @return the graph
[[nodiscard]] inline Graph from_edges(int nodes, std::vector<Edge> edges) {
  constexpr std::string_view fn = "graph";
  detail::require_nodes(fn, nodes, 1);
  for (Edge& e : edges) {
    require_in_range(fn, "edge endpoint", e.u, 0, nodes - 1);
    require_in_range(fn, "edge endpoint", e.v, 0, nodes - 1);
    if (e.u == e.v)
      throw invalid_input(fn, "edge", "not be a self-loop",
                          std::to_string(e.u) + "-" + std::to_string(e.v));
    if (e.u > e.v) std::swap(e.u, e.v);
  }
  std::sort(edges.begin(), edges.end(),
            [](const Edge& a, const Edge& b) { return a.u != b.u ? a.u < b.u : a.v < b.v; });
  for (std::size_t i = 1; i < edges.size(); ++i)
    if (edges[i] == edges[i - 1])
      throw invalid_input(fn, "edges", "be distinct",
                          std::to_string(edges[i].u) + "-" + std::to_string(edges[i].v) +
                              " twice");
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(2 * edges.size());
  for (const Edge& e : edges) {
    triplets.emplace_back(e.u, e.v, 1.0);
    triplets.emplace_back(e.v, e.u, 1.0);
  }
  Graph g{.nodes = nodes, .edges = std::move(edges), .adjacency = {}};
  g.adjacency.resize(nodes, nodes);
  g.adjacency.setFromTriplets(triplets.begin(), triplets.end());
  g.adjacency.makeCompressed();
  return g;
}

/// @brief The degree \f$d_i\f$ (number of neighbours) of every node.
/// @param g the graph
/// @return N degrees
[[nodiscard]] inline std::vector<int> degrees(const Graph& g) {
  std::vector<int> d(static_cast<std::size_t>(g.nodes), 0);
  for (const Edge& e : g.edges) {
    ++d[static_cast<std::size_t>(e.u)];
    ++d[static_cast<std::size_t>(e.v)];
  }
  return d;
}

/// @brief The number of connected components (breadth-first search over the adjacency).
///
/// A graph of N >= 2 nodes with more than one component has a mixing matrix with eigenvalue
/// 1 of multiplicity >= 2: its spectral gap is 0 and gossip never reaches consensus.
/// @param g the graph
/// @return the number of components (N for a graph without edges)
[[nodiscard]] inline int component_count(const Graph& g) {
  std::vector<char> seen(static_cast<std::size_t>(g.nodes), 0);
  std::vector<int> queue;
  queue.reserve(static_cast<std::size_t>(g.nodes));
  int components = 0;
  for (int start = 0; start < g.nodes; ++start) {
    if (seen[static_cast<std::size_t>(start)]) continue;
    ++components;
    seen[static_cast<std::size_t>(start)] = 1;
    queue.assign(1, start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const int u = queue[head];
      for (Eigen::SparseMatrix<double>::InnerIterator it(g.adjacency, u); it; ++it) {
        const auto v = static_cast<std::size_t>(it.index());
        if (!seen[v]) {
          seen[v] = 1;
          queue.push_back(static_cast<int>(v));
        }
      }
    }
  }
  return components;
}

/// @brief True when every node reaches every other (one component).
/// @param g the graph
/// @return component_count(g) == 1
[[nodiscard]] inline bool is_connected(const Graph& g) { return component_count(g) == 1; }

/// @brief The cycle \f$C_N\f$: node i linked to i +- 1 mod N.
///
/// N = 2 is the single edge 0-1 (a simple graph has no parallel edges), N = 1 a lone node.
/// @param nodes N
/// @return the ring
/// @pre 1 <= nodes <= max_nodes
/// @throws invalid_input "ring graph: nodes must be in [1, 10000000] (got 0)"
[[nodiscard]] inline Graph ring(int nodes) {
  detail::require_nodes("ring graph", nodes, 1);
  std::vector<Edge> edges;
  if (nodes == 2) edges.push_back({0, 1});
  if (nodes >= 3)
    for (int i = 0; i < nodes; ++i) edges.push_back({i, (i + 1) % nodes});
  return from_edges(nodes, std::move(edges));
}

/// @brief The 2-D torus \f$C_r \times C_c\f$ (a wrap-around grid): node (i, j) = i c + j
/// linked to (i +- 1 mod r, j) and (i, j +- 1 mod c).
///
/// With r, c >= 3 every node has degree 4; a side of 2 contributes one neighbour, a side of 1
/// none (the edges are not doubled).
/// @param rows r
/// @param cols c
/// @return the torus of r c nodes
/// @pre rows, cols >= 1; rows x cols <= max_nodes
/// @throws invalid_input "torus graph: rows must be >= 1 (got 0)", "torus graph: nodes must
///   be in [1, 10000000] (got 100000000)"
[[nodiscard]] inline Graph torus(int rows, int cols) {
  constexpr std::string_view fn = "torus graph";
  require_at_least(fn, "rows", rows, 1);
  require_at_least(fn, "cols", cols, 1);
  const long long n = static_cast<long long>(rows) * cols;
  require_in_range(fn, "nodes", n, 1LL, static_cast<long long>(max_nodes));
  std::vector<Edge> edges;
  std::unordered_set<std::uint64_t> seen;
  auto link = [&](int a, int b) {
    if (a != b && seen.insert(detail::edge_key(a, b)).second) edges.push_back({a, b});
  };
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) {
      const int here = i * cols + j;
      link(here, ((i + 1) % rows) * cols + j);
      link(here, i * cols + (j + 1) % cols);
    }
  return from_edges(static_cast<int>(n), std::move(edges));
}

/// @brief The complete graph \f$K_N\f$: every pair linked.
/// @param nodes N
/// @return the complete graph
/// @pre 1 <= nodes; N(N-1)/2 <= max_edges
/// @throws invalid_input "complete graph: nodes must be in [1, 10000] (got 20000)"
[[nodiscard]] inline Graph complete(int nodes) {
  require_in_range("complete graph", "nodes", nodes, 1, 10'000);
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(nodes) * static_cast<std::size_t>(nodes - 1) / 2);
  for (int i = 0; i < nodes; ++i)
    for (int j = i + 1; j < nodes; ++j) edges.push_back({i, j});
  return from_edges(nodes, std::move(edges));
}

/// @brief The star \f$K_{1,N-1}\f$: node 0 (the hub: a phone, an access point) linked to every
/// other node, the leaves linked to nothing else.
/// @param nodes N, the hub included
/// @return the star
/// @pre 1 <= nodes <= max_nodes
/// @throws invalid_input "star graph: nodes must be in [1, 10000000] (got 0)"
[[nodiscard]] inline Graph star(int nodes) {
  detail::require_nodes("star graph", nodes, 1);
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(nodes));
  for (int i = 1; i < nodes; ++i) edges.push_back({0, i});
  return from_edges(nodes, std::move(edges));
}

/// @brief A uniformly-ish random simple d-regular graph, by the pairing model with Steger and
/// Wormald's repair: N d half-edges ("stubs") are shuffled and paired; pairs that would make a
/// self-loop or a repeated edge go back to the pool, which is shuffled and paired again until
/// empty; if no suitable pair is left in the pool, the attempt restarts.
///
/// Source: Steger & Wormald 1999, "Generation and counting of random regular graphs"
/// (Combinatorics, Probability and Computing 8), the algorithm networkx's
/// random_regular_graph implements; Bollobas 1980 for the pairing (configuration) model.
/// Asymptotically uniform for d = o(N^{1/28}) and fast for every d used here. The same seed
/// gives the same graph (std::mt19937_64, std::shuffle: reproducible with one standard
/// library; another library's shuffle may give another graph).
/// @param nodes N
/// @param degree d
/// @param seed the generator's seed
/// @pre 1 <= nodes <= max_nodes; 0 <= degree < nodes; nodes x degree even; N d / 2 <= max_edges
/// @throws invalid_input "random regular graph: degree must be in [0, 9] (got 10)",
///   "random regular graph: nodes x degree must be even (got 15)", "random regular graph:
///   pairing must succeed within 1000 attempts (got 1000 failures)"
/// @return the graph
[[nodiscard]] inline Graph random_regular(int nodes, int degree, std::uint64_t seed) {
  constexpr std::string_view fn = "random regular graph";
  detail::require_nodes(fn, nodes, 1);
  require_in_range(fn, "degree", degree, 0, nodes - 1);
  const long long stubs_total = static_cast<long long>(nodes) * degree;
  if (stubs_total % 2 != 0)
    throw invalid_input(fn, "nodes x degree", "be even", std::to_string(stubs_total));
  if (stubs_total / 2 > max_edges)
    paradox::detail::fail(fn, "edges", "be <= 50000000", stubs_total / 2);
  std::mt19937_64 rng(seed);
  constexpr int attempts = 1000;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    std::unordered_set<std::uint64_t> present;
    present.reserve(static_cast<std::size_t>(stubs_total));
    std::vector<Edge> edges;
    edges.reserve(static_cast<std::size_t>(stubs_total / 2));
    std::vector<int> stubs;
    stubs.reserve(static_cast<std::size_t>(stubs_total));
    for (int i = 0; i < nodes; ++i)
      for (int k = 0; k < degree; ++k) stubs.push_back(i);
    bool failed = false;
    while (!stubs.empty()) {
      std::shuffle(stubs.begin(), stubs.end(), rng);
      std::vector<int> left;
      for (std::size_t k = 0; k + 1 < stubs.size(); k += 2) {
        const int a = stubs[k];
        const int b = stubs[k + 1];
        if (a != b && present.insert(detail::edge_key(a, b)).second) {
          edges.push_back({std::min(a, b), std::max(a, b)});
        } else {
          left.push_back(a);
          left.push_back(b);
        }
      }
      // Suitable: some pair of distinct, not yet linked nodes remains in the pool.
      bool suitable = left.empty();
      std::vector<int> pool = left;
      std::sort(pool.begin(), pool.end());
      pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
      for (std::size_t x = 0; x < pool.size() && !suitable; ++x)
        for (std::size_t y = x + 1; y < pool.size() && !suitable; ++y)
          if (!present.contains(detail::edge_key(pool[x], pool[y]))) suitable = true;
      if (!suitable) {
        failed = true;
        break;
      }
      stubs = std::move(left);
    }
    if (!failed) return from_edges(nodes, std::move(edges));
  }
  throw invalid_input(fn, "pairing", "succeed within 1000 attempts",
                      std::to_string(attempts) + " failures");
}

/// @brief A random geometric graph \f$G(N, r)\f$: N points uniform in the unit square, linked
/// when their Euclidean distance is at most r (no wrap-around).
///
/// Source: Gilbert 1961, "Random plane networks"; Penrose 2003, "Random Geometric Graphs".
/// Connected with high probability once \f$\pi r^2 N \ge \ln N + c\f$, c growing (Penrose 1997;
/// Gupta & Kumar 1998): connectivity_radius() gives \f$\sqrt{\ln N / (\pi N)}\f$. Points are
/// drawn x then y per node from std::mt19937_64(seed) through std::uniform_real_distribution;
/// neighbours are found in a grid of cells of side r (linear time in N for a fixed mean degree).
/// @param nodes N
/// @param radius r, in units of the square's side
/// @param seed the generator's seed
/// @pre 1 <= nodes <= max_nodes; radius > 0 and finite
/// @throws invalid_input "random geometric graph: radius must be > 0 and finite (got 0)",
///   "random geometric graph: expected edges must be <= 50000000 (got ...)"
/// @return the graph
[[nodiscard]] inline Graph random_geometric(int nodes, double radius, std::uint64_t seed) {
  constexpr std::string_view fn = "random geometric graph";
  detail::require_nodes(fn, nodes, 1);
  require_positive(fn, "radius", radius);
  // Expected edges ~ N^2 pi r^2 / 2: refuse before building a graph that cannot fit.
  const double expected_edges =
      0.5 * static_cast<double>(nodes) * static_cast<double>(nodes - 1) *
      std::min(1.0, std::numbers::pi * radius * radius);
  if (expected_edges > static_cast<double>(max_edges))
    paradox::detail::fail(fn, "expected edges", "be <= 50000000", expected_edges);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> x(static_cast<std::size_t>(nodes));
  std::vector<double> y(static_cast<std::size_t>(nodes));
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = unit(rng);
    y[i] = unit(rng);
  }
  const int cells = std::max(1, std::min(4096, static_cast<int>(std::floor(1.0 / radius))));
  auto cell_of = [cells](double c) { return std::min(cells - 1, static_cast<int>(c * cells)); };
  std::vector<std::vector<int>> grid(static_cast<std::size_t>(cells) *
                                     static_cast<std::size_t>(cells));
  for (int i = 0; i < nodes; ++i) {
    const auto k = static_cast<std::size_t>(cell_of(x[static_cast<std::size_t>(i)])) *
                       static_cast<std::size_t>(cells) +
                   static_cast<std::size_t>(cell_of(y[static_cast<std::size_t>(i)]));
    grid[k].push_back(i);
  }
  const double r2 = radius * radius;
  std::vector<Edge> edges;
  for (int i = 0; i < nodes; ++i) {
    const auto si = static_cast<std::size_t>(i);
    const int cx = cell_of(x[si]);
    const int cy = cell_of(y[si]);
    for (int gx = std::max(0, cx - 1); gx <= std::min(cells - 1, cx + 1); ++gx)
      for (int gy = std::max(0, cy - 1); gy <= std::min(cells - 1, cy + 1); ++gy)
        for (int j : grid[static_cast<std::size_t>(gx) * static_cast<std::size_t>(cells) +
                          static_cast<std::size_t>(gy)]) {
          if (j <= i) continue;
          const auto sj = static_cast<std::size_t>(j);
          const double dx = x[si] - x[sj];
          const double dy = y[si] - y[sj];
          if (dx * dx + dy * dy <= r2) edges.push_back({i, j});
        }
  }
  return from_edges(nodes, std::move(edges));
}

/// @brief The radius at which a random geometric graph of N nodes becomes connected with
/// high probability: \f$ r_c = \sqrt{\ln N / (\pi N)} \f$ (Penrose 1997; Gupta & Kumar 1998).
/// @param nodes N
/// @return \f$r_c\f$, in units of the square's side
/// @pre nodes >= 2
/// @throws invalid_input "connectivity radius: nodes must be >= 2 (got 1)"
[[nodiscard]] inline double connectivity_radius(int nodes) {
  require_at_least("connectivity radius", "nodes", nodes, 2);
  const double n = static_cast<double>(nodes);
  return std::sqrt(std::log(n) / (std::numbers::pi * n));
}

/// @brief The Erdos-Renyi graph \f$G(N, p)\f$: each of the N(N-1)/2 pairs linked independently
/// with probability p.
///
/// Source: Gilbert 1959 / Erdos & Renyi 1959; sampled in O(N + M) by skipping geometrically
/// distributed runs of absent edges (Batagelj & Brandes 2005, "Efficient generation of large
/// random networks", algorithm 1), with std::mt19937_64(seed). Connected with high
/// probability once \f$p > (1 + \epsilon) \ln N / N\f$ (Erdos & Renyi 1960).
/// @param nodes N
/// @param edge_probability p
/// @param seed the generator's seed
/// @pre 1 <= nodes <= max_nodes; p in [0, 1]; expected edges p N(N-1)/2 <= max_edges
/// @throws invalid_input "erdos-renyi graph: edge probability must be in [0, 1] (got 1.5)"
/// @return the graph
[[nodiscard]] inline Graph erdos_renyi(int nodes, double edge_probability, std::uint64_t seed) {
  constexpr std::string_view fn = "erdos-renyi graph";
  detail::require_nodes(fn, nodes, 1);
  require_fraction(fn, "edge probability", edge_probability);
  const double pairs = 0.5 * static_cast<double>(nodes) * static_cast<double>(nodes - 1);
  if (edge_probability * pairs > static_cast<double>(max_edges))
    paradox::detail::fail(fn, "expected edges", "be <= 50000000", edge_probability * pairs);
  std::vector<Edge> edges;
  if (edge_probability >= 1.0) {
    for (int i = 0; i < nodes; ++i)
      for (int j = i + 1; j < nodes; ++j) edges.push_back({j, i});
  } else if (edge_probability > 0.0) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double log_q = std::log1p(-edge_probability);
    long long v = 1;
    long long w = -1;
    while (v < nodes) {
      const double skip = std::floor(std::log1p(-unit(rng)) / log_q);
      w += 1 + static_cast<long long>(std::min(skip, 4.0e18));
      while (w >= v && v < nodes) {
        w -= v;
        ++v;
      }
      if (v < nodes) edges.push_back({static_cast<int>(w), static_cast<int>(v)});
    }
  }
  return from_edges(nodes, std::move(edges));
}

/// @}

}  // namespace paradox::decentralized
