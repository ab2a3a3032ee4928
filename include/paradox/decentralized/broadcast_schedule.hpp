/// @file
/// @brief Spatial reuse of one shared radio channel: how many sequential transmission slots a
/// gossip round needs when every node broadcasts once and far-apart nodes may transmit at the
/// same time (a distance-2 colouring of the communication graph).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "paradox/decentralized/graphs.hpp"
#include "paradox/error.hpp"

namespace paradox::decentralized {

/// @addtogroup decentralized
/// @{

/// @brief A collision-free broadcast schedule: one slot per node, and the bounds on any such
/// schedule's length.
struct BroadcastSchedule {
  int slots = 0;             ///< slots of this schedule (greedy distance-2 colouring)
  int lower_bound = 0;       ///< \f$\Delta + 1\f$: no schedule is shorter
  int upper_bound = 0;       ///< \f$\min(N, \Delta^2 + 1)\f$: greedy never needs more
  int max_degree = 0;        ///< \f$\Delta\f$, the largest degree
  std::vector<int> slot_of;  ///< each node's slot, 0-based
};

/// @brief A broadcast schedule for one gossip round on a single shared channel, where a
/// transmission reaches exactly the sender's neighbours in the graph.
///
/// Model (broadcast scheduling, Ramanathan & Lloyd 1993, "Scheduling algorithms for multihop
/// radio networks", IEEE/ACM ToN 1(2)): every node sends its model once per round to all its
/// neighbours; radios are half-duplex and a receiver decodes one transmission at a time. Two
/// nodes may then share a slot only if they are more than two hops apart: neighbours cannot
/// hear each other while both transmit, and two nodes with a common neighbour collide there
/// (the hidden terminal). A schedule is a distance-2 colouring of the graph; finding the
/// shortest is NP-complete (same paper), so this is the greedy colouring in node order. Its
/// length lies between \f$\Delta + 1\f$ (a node and its \f$\Delta\f$ neighbours all need
/// distinct slots: the neighbours share a common receiver) and \f$\Delta^2 + 1\f$ (a node has at
/// most \f$\Delta + \Delta(\Delta - 1) = \Delta^2\f$ nodes within two hops, so greedy always finds
/// a free slot among \f$\Delta^2 + 1\f$), and never above N. A ring of 3k nodes needs exactly 3
/// slots; a star or a complete graph needs N (no reuse). Interference beyond the graph's edges
/// (a sender heard but not decoded two hops away) is not modelled: it would only add conflicts.
/// @param g the communication graph (who hears whom)
/// @return the schedule and its bounds
/// @pre g.nodes >= 1
/// @throws invalid_input "broadcast schedule: nodes must be >= 1 (got 0)"
[[nodiscard]] inline BroadcastSchedule broadcast_schedule(const Graph& g) {
  require_at_least("broadcast schedule", "nodes", g.nodes, 1);
  const auto n = static_cast<std::size_t>(g.nodes);
  std::vector<std::vector<int>> neighbours(n);
  for (const Edge& e : g.edges) {
    neighbours[static_cast<std::size_t>(e.u)].push_back(e.v);
    neighbours[static_cast<std::size_t>(e.v)].push_back(e.u);
  }
  BroadcastSchedule s;
  for (const std::vector<int>& adj : neighbours)
    s.max_degree = std::max(s.max_degree, static_cast<int>(adj.size()));
  s.slot_of.assign(n, -1);
  std::vector<int> used_by(n + 1, -1);  // used_by[slot] == node: slot taken near that node
  for (std::size_t node = 0; node < n; ++node) {
    const int me = static_cast<int>(node);
    const auto mark = [&](int other) {
      const int slot = s.slot_of[static_cast<std::size_t>(other)];
      if (slot >= 0) used_by[static_cast<std::size_t>(slot)] = me;
    };
    for (const int nb : neighbours[node]) {
      mark(nb);
      for (const int two_hops : neighbours[static_cast<std::size_t>(nb)])
        if (two_hops != me) mark(two_hops);
    }
    int slot = 0;
    while (used_by[static_cast<std::size_t>(slot)] == me) ++slot;
    s.slot_of[node] = slot;
    s.slots = std::max(s.slots, slot + 1);
  }
  const long long d = s.max_degree;
  s.lower_bound = s.max_degree + 1;
  s.upper_bound = static_cast<int>(std::min<long long>(g.nodes, d * d + 1));
  return s;
}

/// @}

}  // namespace paradox::decentralized
