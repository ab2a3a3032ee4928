// Part 1's instruments: the controls read against the track, and what paradox::scaling says on
// the track's own Cluster for each network (the answer, the table rows, the diminishing returns).

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "paradox/catalog/cells.hpp"
#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/links.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/decentralized/convergence.hpp"
#include "paradox/decentralized/spectrum.hpp"
#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "part1.hpp"

namespace paradox::part1 {

namespace {

// The aggregation server's link, shared by every client of a round: one 10 GbE port (catalog
// eth-10g, 1.25 GB/s per direction). A didactic choice: a bigger server only moves the knee.
const Link& server_link() { return catalog::eth_10g; }

// One 5G low-band cell sector shared by the round's cars (catalog 5g-lowband-cell, with its
// provenance); spreading the cars over several cells divides N per cell.
const catalog::Cell& cell_5g() { return catalog::nr_lowband_cell; }

// "100 Mb/s up, 300 Mb/s down, didactic assumption": a cell's capacities and their source kind.
std::string cell_figures(const catalog::Cell& c) {
  return format_bits(c.uplink) + " up, " + format_bits(c.downlink) + " down, " +
         std::string(to_string(c.provenance.kind));
}

// The catalog radio behind the track's network, with what a scenario may have edited (the
// uplink rate, the latency, the name) taken from the lab's link; the downlink and the power
// model stay the catalog radio's.
RadioLink radio_of(const lab::LabTrack& t, NetworkChoice n) {
  using catalog::TrackId;
  const bool slow = n == NetworkChoice::slow;
  RadioLink r = catalog::ble_1m;
  switch (t.track.id) {
    case TrackId::edge:
      r = slow ? catalog::nr_lowband : catalog::wifi6;
      break;
    case TrackId::mobile:
      r = slow ? catalog::ble_2m : catalog::wifi6;
      break;
    case TrackId::tiny:
      r = slow ? catalog::ble_1m : catalog::ble_2m;
      break;
    case TrackId::cloud:
      break;
  }
  const Link& nic = lab::network(t, n).node.nic;
  r.name = nic.name;
  r.uplink = nic.bandwidth;
  r.latency = nic.latency;
  r.provenance = nic.provenance;
  return r;
}

EdgePattern make_pattern(const lab::LabTrack& t, NetworkChoice n, PatternKind tiny_kind) {
  using catalog::TrackId;
  EdgePattern e;
  if (t.track.id == TrackId::cloud) return e;
  e.radio = radio_of(t, n);
  const bool slow = n == NetworkChoice::slow;
  const std::string server = "the server's " + std::string(server_link().name) + " port";
  if (t.track.id == TrackId::tiny) {
    e.kind = tiny_kind;
    e.channel = energy::shared_channel(e.radio);
    e.priced_as = tiny_kind == PatternKind::star
                      ? "a star through the phone on one shared BLE channel (every hearable "
                        "uploads, the phone averages and sends the average to each)"
                      : "gossip on a BLE mesh sharing one channel (every hearable broadcasts "
                        "its model once per step to its 2 ring neighbours)";
    e.sharing = "one BLE channel: the transmissions take turns, airtimes add up";
    return e;
  }
  e.kind = PatternKind::federated;
  e.round = {.clients = 1,
             .sampled = 1,
             .model = Bytes{},
             .compression = {},
             .radio = e.radio,
             .local_compute = std::nullopt,  // the step's compute is T1/N, outside the sync
             .compute_power = Watts{},
             .deadline = std::nullopt,
             .cell_uplink = std::nullopt,
             .cell_downlink = std::nullopt,
             .server_bandwidth = server_link().bandwidth,
             .rounds = 1};
  if (t.track.id == TrackId::edge && slow) {
    e.round.cell_uplink = cell_5g().uplink;
    e.round.cell_downlink = cell_5g().downlink;
    e.priced_as =
        "federated aggregation through a shared 5G cell (upload the update, the "
        "server averages, download the model)";
    e.sharing = "one 5G cell (" + cell_figures(cell_5g()) + ") and " + server;
  } else if (t.track.id == TrackId::edge) {
    e.round.cell_uplink = e.radio.uplink;  // one access point: one collision domain
    e.round.cell_downlink = e.radio.downlink;
    e.priced_as =
        "federated aggregation through the depot's shared Wi-Fi access point "
        "(upload the update, the server averages, download the model)";
    e.sharing = "the depot's access point (its " + format_bits(e.radio.uplink) +
                " uplink for all the cars) and " + server;
  } else {
    e.priced_as = slow ? "federated aggregation through each pair's own phone (BLE tether) "
                         "to the server"
                       : "federated aggregation through each pair's home Wi-Fi to the server";
    e.sharing = server + " (each pair has its own " + (slow ? "phone" : "access point") +
                "; the phone's own uplink, faster than the tether, is not modelled)";
  }
  return e;
}

PatternKind parse_pattern(const lab::LabTrack& t, const std::string& text,
                          const text::Field& field) {
  const bool tiny = t.track.id == catalog::TrackId::tiny;
  if (text == "auto") return tiny ? PatternKind::star : PatternKind::allreduce;
  if (tiny && text == "star") return PatternKind::star;
  if (tiny && text == "gossip") return PatternKind::gossip;
  text::reject(field,
               tiny ? "be one of auto|star|gossip"
                    : "be auto on the " + std::string(t.track.key) +
                          " track (star|gossip are the tiny track's)",
               text);
}

}  // namespace

DeviceSync device_sync(const lab::LabTrack& t, Plan& p) {
  const EdgePattern& e = p.chosen_pattern();
  const Bytes m = p.chosen().gradient;
  p.device = catalog::edge_device(t.track.workload.hardware_key);
  DeviceSync d;
  d.upload = m;
  d.download = m;
  d.up_rate = e.radio.uplink;
  d.down_rate = e.radio.downlink;
  if (e.kind == PatternKind::federated) {
    // The device's share of the cell / access point / server at N, as the round prices it.
    energy::FederatedRound r = e.round;
    r.clients = r.sampled = p.nodes;
    r.model = m;
    const energy::FederatedRoundCost cost = energy::evaluate(r);
    d.up_rate = cost.upload_rate;
    d.down_rate = cost.download_rate;
  } else if (e.kind == PatternKind::gossip) {
    // It sends its model once and hears its ring neighbours'.
    d.download = static_cast<double>(e.gossip_degree) * m;
    if (p.nodes >= 3)
      d.gossip_rounds = decentralized::rounds_to_epsilon(
          decentralized::ring_spectrum(p.nodes, decentralized::Weights::metropolis).rho, 1e-3);
  }
  // Star and gossip: in its turn a hearable has the whole channel, at the radio's rate.
  d.sync = energy::evaluate(energy::RadioSync{.radio = e.radio,
                                              .upload = d.upload,
                                              .download = d.download,
                                              .uplink_throughput = d.up_rate,
                                              .downlink_throughput = d.down_rate});
  d.average_power = d.sync.total / p.to.step_time;
  if (p.device.battery_capacity > Joules{}) {
    // The lab's sync rate: one sync per step, steps back to back, all day.
    energy::DailyUse day{.device = p.device,
                         .energy_per_sync = d.sync.total,
                         .sync_interval = p.to.step_time,
                         .energy_per_inference = Joules{},
                         .inference_rate = Hertz{}};
    d.day = energy::evaluate(day);
    d.min_interval = energy::min_sync_interval(day);
  }
  return d;
}

Seconds sync_time(const EdgePattern& e, Bytes payload, int workers) {
  if (workers <= 1 || !(payload > Bytes{})) return Seconds{};
  switch (e.kind) {
    case PatternKind::federated: {
      energy::FederatedRound r = e.round;
      r.clients = r.sampled = workers;
      r.model = payload;
      return energy::evaluate(r).round_time;
    }
    case PatternKind::star:
      return energy::star_airtime(payload, workers, e.channel);
    case PatternKind::gossip:
      return energy::gossip_airtime(payload, workers, e.channel);
    case PatternKind::allreduce:
      break;
  }
  return Seconds{};
}

std::function<Seconds(int)> Plan::communication(NetworkChoice n) const {
  const EdgePattern& e = pattern[at(n)];
  if (e.kind == PatternKind::allreduce) return {};
  return
      [e, payload = input[at(n)].gradient](int workers) { return sync_time(e, payload, workers); };
}

scaling::ScalingPoint Plan::point(NetworkChoice n, int workers) const {
  const std::function<Seconds(int)> sync = communication(n);
  return sync ? scaling::evaluate(input[at(n)], workers, sync)
              : scaling::evaluate(input[at(n)], workers);
}

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
  const PatternKind tiny_kind = parse_pattern(t, c.pattern, s.field("--pattern"));
  for (const NetworkChoice n : networks) {
    p.pattern[Plan::at(n)] = make_pattern(t, n, tiny_kind);
    // The track's cluster on that network, with room for one growth step past the table.
    const int step = lab::network(t, n).node.accelerators_per_node;
    p.input[Plan::at(n)] = {.compute_time = t.track.compute_time_one_worker,
                            .gradient = gradient,
                            .cluster = lab::fleet(t, n, p.max_nodes + step),
                            .algorithm = lab::parse_algorithm(c.algo, s.field("--algo")),
                            .overlap_fraction = c.overlap,
                            .mode = scaling::Mode::strong};
    const std::function<Seconds(int)> sync = p.communication(n);
    p.knee[Plan::at(n)] =
        sync ? scaling::diminishing_returns(p.input[Plan::at(n)], p.max_nodes, threshold, sync)
             : scaling::diminishing_returns(p.input[Plan::at(n)], p.max_nodes, threshold);
  }
  const scaling::ScalingInput& in = p.chosen();
  p.from = p.point(p.choice, p.base);
  p.to = p.point(p.choice, p.nodes);
  p.speedup = p.to.speedup / p.from.speedup;
  const NetworkChoice o = lab::other(p.choice);
  p.other_speedup = p.point(o, p.nodes).speedup / p.point(o, p.base).speedup;
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
  const std::vector<int> grid(ns.begin(), ns.end());
  const std::function<Seconds(int)> sync = p.communication(p.choice);
  p.rows = sync ? scaling::sweep(in, grid, sync) : scaling::sweep(in, grid);
  // Past one node the fleet grows by whole nodes: the gain per worker of the next node, the
  // quantity diminishing returns is judged on.
  // Devices come one at a time (g = 1), where this is the row's marginal speedup.
  for (const scaling::ScalingPoint& r : p.rows)
    p.marginal.push_back(
        r.workers < p.per_node
            ? r.marginal_speedup
            : (p.point(p.choice, r.workers + p.per_node).speedup - r.speedup) / p.per_node);
  if (p.edge()) p.device_sync = device_sync(t, p);
  return p;
}

}  // namespace paradox::part1
