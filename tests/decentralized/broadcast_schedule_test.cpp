#include "paradox/decentralized/broadcast_schedule.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <vector>

#include "decentralized/decentralized_test_support.hpp"

using namespace paradox;
using namespace paradox::decentralized;

namespace {

// No two nodes within two hops share a slot: the schedule is collision-free. Checked from the
// edge list directly (adjacent pairs, then pairs with a common neighbour), not with the
// schedule's own neighbour lists.
bool collision_free(const Graph& g, const BroadcastSchedule& s) {
  const auto slot = [&](int v) { return s.slot_of[static_cast<std::size_t>(v)]; };
  std::vector<std::vector<int>> adj(static_cast<std::size_t>(g.nodes));
  for (const Edge& e : g.edges) {
    if (slot(e.u) == slot(e.v)) return false;
    adj[static_cast<std::size_t>(e.u)].push_back(e.v);
    adj[static_cast<std::size_t>(e.v)].push_back(e.u);
  }
  for (const std::vector<int>& around : adj)  // any two neighbours of one node
    for (std::size_t i = 0; i < around.size(); ++i)
      for (std::size_t j = i + 1; j < around.size(); ++j)
        if (slot(around[i]) == slot(around[j])) return false;
  return true;
}

}  // namespace

TEST_CASE("broadcast schedule: rings of 3k nodes reuse the channel in 3 slots") {
  // Delta = 2: the lower bound Delta + 1 = 3 is met; 300 hearables in a ring need 3 slots of
  // airtime per round instead of 300.
  for (const int n : {3, 6, 9, 300}) {
    const BroadcastSchedule s = broadcast_schedule(ring(n));
    CHECK(s.slots == 3);
    CHECK(s.lower_bound == 3);
    CHECK(s.upper_bound == std::min(n, 5));
    CHECK(collision_free(ring(n), s));
  }
  // A ring of 4 or 5: every node is within two hops of every other, no reuse.
  CHECK(broadcast_schedule(ring(4)).slots == 4);
  CHECK(broadcast_schedule(ring(5)).slots == 5);
}

TEST_CASE("broadcast schedule: a star or a complete graph is one collision domain") {
  // Every leaf of a star shares the hub as receiver: N slots (Delta + 1 = N).
  CHECK(broadcast_schedule(star(100)).slots == 100);
  CHECK(broadcast_schedule(complete(12)).slots == 12);
  // A torus 6 x 6 (Delta = 4): between 5 and 17 slots, far below 36.
  const BroadcastSchedule t = broadcast_schedule(torus(6, 6));
  CHECK(t.lower_bound == 5);
  CHECK(t.upper_bound == 17);
  CHECK(t.slots >= 5);
  CHECK(t.slots <= 17);
  CHECK(collision_free(torus(6, 6), t));
  // Isolated nodes: no receiver, one slot for all.
  CHECK(broadcast_schedule(from_edges(5, {})).slots == 1);
}

TEST_CASE("broadcast schedule: invalid input is named") {
  CHECK_THROWS_WITH(broadcast_schedule(Graph{}), "broadcast schedule: nodes must be >= 1 (got 0)");
}

TEST_CASE("property: every schedule is collision-free and within its bounds") {
  REQUIRE(rc::check("Delta + 1 <= slots <= min(N, Delta^2 + 1), no conflict", [] {
    const Graph g = decentralized_test::any_small_graph();
    if (g.nodes < 1) return;
    const BroadcastSchedule s = broadcast_schedule(g);
    RC_ASSERT(s.slots >= s.lower_bound);
    RC_ASSERT(s.slots <= s.upper_bound);
    RC_ASSERT(collision_free(g, s));
  }));
}
