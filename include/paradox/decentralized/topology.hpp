/// @file
/// @brief Who talks to whom: a full synchronisation through a central node (a star: hearables
/// to a phone, cars to a server) against gossip on a mesh, in bytes moved and rounds per
/// consensus.
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "paradox/decentralized/convergence.hpp"
#include "paradox/decentralized/graphs.hpp"
#include "paradox/decentralized/spectrum.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::decentralized {

/// @addtogroup decentralized
/// @{

/// @brief A synchronisation through a central node: every client uploads its model S, the
/// central averages, and sends the average back.
struct StarSync {
  int clients = 1;                  ///< N devices around the central (the central not counted)
  Bytes model{};                    ///< S, the model (or update) each sends
  bool broadcast_download = false;  ///< the download is one broadcast of S, not N unicasts
};

/// @brief What one consensus through the central moves.
struct StarSyncCost {
  Bytes uplink{};    ///< N S, clients to the central
  Bytes downlink{};  ///< N S unicast, or S broadcast
  Bytes total{};     ///< uplink + downlink
  Bytes central{};   ///< what the central receives and sends: the bottleneck link
  int rounds = 1;    ///< exact average after one round (upload, then download)
};

/// @brief Bytes of one exact consensus through a central node (parameter server, federated
/// averaging's server, a phone for its hearables):
/// \f$ B_\uparrow = N S,\; B_\downarrow = N S \text{ (or } S \text{ broadcast)} \f$, one round.
///
/// The pattern of the parameter server (Li et al. 2014, "Scaling distributed machine learning
/// with the parameter server", OSDI) and of federated averaging (McMahan et al. 2017, AISTATS):
/// every byte crosses the central's link, whose load grows as N S; Lian et al. 2017 ("Can
/// decentralized algorithms outperform centralized algorithms?", NeurIPS, sec. 1) contrast it
/// with gossip, whose busiest node moves only its degree times S per round.
/// @param in the clients, the model size and the download mode
/// @pre clients >= 1; model >= 0 and finite
/// @throws invalid_input "star sync: clients must be >= 1 (got 0)", "star sync: model must be
///   >= 0 and finite (got -1 B)"
/// @return the bytes of the round
[[nodiscard]] inline StarSyncCost evaluate(const StarSync& in) {
  constexpr std::string_view fn = "star sync";
  require_at_least(fn, "clients", in.clients, 1);
  require_non_negative(fn, "model", in.model);
  const double n = static_cast<double>(in.clients);
  const Bytes up = n * in.model;
  const Bytes down = in.broadcast_download ? in.model : n * in.model;
  return {.uplink = up, .downlink = down, .total = up + down, .central = up + down, .rounds = 1};
}

/// @brief Gossip on a mesh: each round every node sends its model to each neighbour and
/// mixes what it receives with weights W (x <- W x), until the disagreement fell by epsilon.
struct MeshGossip {
  int nodes = 2;         ///< N
  long long edges = 1;   ///< |E| of the graph
  int max_degree = 1;    ///< \f$d_\mathrm{max}\f$, the busiest node's neighbours
  double spectral_gap = 1.0;  ///< the mixing matrix's \f$1 - \rho\f$ (spectrum())
  Bytes model{};         ///< S, sent whole to each neighbour every round
  double epsilon = 1e-3; ///< target reduction of the disagreement
};

/// @brief What gossip to epsilon moves.
struct MeshGossipCost {
  std::optional<long long> rounds;  ///< rounds_to_epsilon(); none when the gap is 0
  Bytes per_round{};                ///< 2 |E| S: both directions of every edge
  Bytes busiest_node_per_round{};   ///< \f$d_\mathrm{max} S\f$ sent by the busiest node
  Bytes total{};                    ///< rounds x per_round (0 when it never converges)
  Bytes busiest_node_total{};       ///< rounds x busiest_node_per_round
};

/// @brief Bytes and rounds of gossip averaging to a reduction epsilon:
/// \f$ T = \lceil \log(1/\epsilon)/\log(1/\rho) \rceil \f$ rounds of \f$2|E| S\f$ bytes.
///
/// Synchronous gossip as in decentralized SGD (Lian et al. 2017, alg. 1: each node exchanges
/// its model with its neighbours once per iteration) with the rate of Xiao & Boyd 2004. Unlike
/// the star the average is reached only approximately, and the rounds grow as the gap shrinks.
/// @param in the graph's size, the spectral gap, the model size and epsilon
/// @pre nodes >= 2; edges >= 0; 0 <= max_degree < nodes; gap in [0, 1]; model >= 0 and finite;
///   epsilon in (0, 1)
/// @throws invalid_input "mesh gossip: max degree must be in [0, 9] (got 10)"
/// @return the rounds and the bytes
[[nodiscard]] inline MeshGossipCost evaluate(const MeshGossip& in) {
  constexpr std::string_view fn = "mesh gossip";
  require_at_least(fn, "nodes", in.nodes, 2);
  require_at_least(fn, "edges", in.edges, 0LL);
  require_in_range(fn, "max degree", in.max_degree, 0, in.nodes - 1);
  require_non_negative(fn, "model", in.model);
  MeshGossipCost c;
  require_fraction(fn, "spectral gap", in.spectral_gap);
  c.rounds = rounds_to_epsilon(
      Spectrum{.rho = 1.0 - in.spectral_gap, .spectral_gap = in.spectral_gap}, in.epsilon);
  c.per_round = 2.0 * static_cast<double>(in.edges) * in.model;
  c.busiest_node_per_round = static_cast<double>(in.max_degree) * in.model;
  const double t = c.rounds ? static_cast<double>(*c.rounds) : 0.0;
  c.total = t * c.per_round;
  c.busiest_node_total = t * c.busiest_node_per_round;
  return c;
}

/// @brief The MeshGossip of a graph and its spectrum.
/// @param g the graph
/// @param s the spectrum of its mixing matrix
/// @param model S
/// @param epsilon the target reduction
/// @return the input of evaluate()
/// @pre g.nodes >= 2
/// @throws invalid_input "mesh gossip: nodes must be >= 2 (got 1)"
[[nodiscard]] inline MeshGossip mesh_gossip(const Graph& g, const Spectrum& s, Bytes model,
                                            double epsilon = 1e-3) {
  require_at_least("mesh gossip", "nodes", g.nodes, 2);
  const std::vector<int> d = degrees(g);
  return {.nodes = g.nodes,
          .edges = static_cast<long long>(g.edges.size()),
          .max_degree = *std::max_element(d.begin(), d.end()),
          .spectral_gap = s.spectral_gap,
          .model = model,
          .epsilon = epsilon};
}

/// @}

}  // namespace paradox::decentralized
