// Part 1's instruments: the controls read against the track, and what paradox::scaling says on
// the track's own Cluster for each network (the answer, the table rows, the diminishing returns).

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "paradox_text/format.hpp"
#include "part1.hpp"

namespace paradox::part1 {

namespace {

double speedup_between(const scaling::ScalingInput& in, int from, int to) {
  return scaling::evaluate(in, to).speedup / scaling::evaluate(in, from).speedup;
}

}  // namespace

Plan evaluate(const lab::Session& s, const Controls& c) {
  const lab::LabTrack& t = s.track();
  Plan p;
  p.choice = lab::parse_network(t, c.network, s.field("--network"));
  p.nodes = c.nodes;
  p.per_node = lab::network(t, p.choice).node.accelerators_per_node;
  p.max_nodes = c.max_nodes.value_or(std::max(catalog::fleet_size(t.track), p.nodes));
  if (p.nodes > p.max_nodes)
    text::reject(s.field("--nodes"), "be <= --max-nodes = " + std::to_string(p.max_nodes),
                 std::to_string(p.nodes));
  if (p.max_nodes < p.per_node)
    text::reject(s.field("--max-nodes"), "be >= " + count_of(p.per_node, t) + " (one node)",
                 std::to_string(p.max_nodes));
  // The table looks one growth step past the largest N; the models stop at max_workers_limit.
  const int largest = scaling::max_workers_limit - p.per_node;
  if (p.max_nodes > largest)
    text::reject(s.field(c.max_nodes ? "--max-nodes" : "--nodes"),
                 "be <= " + std::to_string(largest) + " (the models' limit less one node)",
                 std::to_string(p.max_nodes));
  p.model_key = c.model.value_or(std::string(t.track.model_key));
  const Bytes gradient =
      c.model ? lab::gradient_of(*c.model, s.field("--model")) : t.track.sync_payload;
  p.base = p.nodes > 8 ? 8 : 1;
  for (const NetworkChoice n : networks) {
    // The track's cluster on that network, with room for one growth step past the table.
    const int step = lab::network(t, n).node.accelerators_per_node;
    p.input[Plan::at(n)] = {.compute_time = t.track.compute_time_one_worker,
                            .gradient = gradient,
                            .cluster = lab::fleet(t, n, p.max_nodes + step),
                            .algorithm = lab::parse_algorithm(c.algo, s.field("--algo")),
                            .overlap_fraction = c.overlap,
                            .mode = scaling::Mode::strong};
    p.knee[Plan::at(n)] =
        scaling::diminishing_returns(p.input[Plan::at(n)], p.max_nodes, threshold);
  }
  const scaling::ScalingInput& in = p.chosen();
  p.from = scaling::evaluate(in, p.base);
  p.to = scaling::evaluate(in, p.nodes);
  p.speedup = p.to.speedup / p.from.speedup;
  p.other_speedup = speedup_between(p.input[Plan::at(lab::other(p.choice))], p.base, p.nodes);
  p.ideal = static_cast<double>(p.nodes) / p.base;
  p.relation = lab::compare(p.speedup, p.ideal);
  // The ideal is a ratio of counts, printed in full (9/8 is "1.125x"); the speedup with as many
  // digits as it takes not to read as the ideal when it is not.
  p.ideal_text = text::number(p.ideal, 6) + "x";
  p.speedup_text =
      p.relation == Comparison::exact ? p.ideal_text : text::times_beside(p.speedup, p.ideal);

  std::set<int> ns{p.base, p.nodes, p.max_nodes};
  for (long n = 1; n <= p.max_nodes; n *= 2) ns.insert(static_cast<int>(n));
  if (p.knee[Plan::at(p.choice)]) ns.insert(p.knee[Plan::at(p.choice)]->workers);
  p.rows = scaling::sweep(in, std::vector<int>(ns.begin(), ns.end()));
  // Past one node the fleet grows by whole nodes: the gain per worker of the next node, the
  // quantity diminishing returns is judged on.
  for (const scaling::ScalingPoint& r : p.rows)
    p.marginal.push_back(r.workers < p.per_node
                             ? r.marginal_speedup
                             : (scaling::evaluate(in, r.workers + p.per_node).speedup - r.speedup) /
                                   p.per_node);

  return p;
}

}  // namespace paradox::part1
