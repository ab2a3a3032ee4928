// Part 3 on the device tracks: what a synchronisation costs the fleet's radios and batteries.
// Tiny Pioneer: a full sync through a phone (a star) against gossip on a BLE mesh
// (paradox::decentralized for the rounds, energy::shared_medium for the airtime); every device
// track: the energy of one sync by radio (energy::sync); Mobile Nomad and Tiny Pioneer: the
// drain of a day against the sync interval (energy::battery). Numbers only; main.cpp prints.

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "paradox_text/table.hpp"
#include "part3.hpp"

namespace paradox::part3 {

namespace {

namespace dc = paradox::decentralized;

// The consensus target: the disagreement falls to a thousandth of its start (the default of
// `paradox gossip` and of decentralized::MeshGossip).
constexpr double consensus_epsilon = 1e-3;

// Random geometric graph: hearables scattered over a square, linked when within BLE range; the
// range is 1.5 x the connectivity radius sqrt(ln N / (pi N)) (Penrose 1997), a didactic choice
// that keeps the graph connected with a handful of neighbours each.
constexpr double range_over_connectivity = 1.5;

// Rounds of the consensus simulation (and of the figure): at most this many.
constexpr int max_simulated_rounds = 400;

Joules sync_energy(const RadioLink& radio, Bytes up, Bytes down) {
  return energy::evaluate(energy::RadioSync{.radio = radio, .upload = up, .download = down}).total;
}

MeshResult mesh(std::string name, const dc::Graph& g, Bytes model, const RadioLink& radio) {
  MeshResult m;
  m.name = std::move(name);
  const dc::MixingMatrix w = dc::mixing_matrix(g, dc::Weights::metropolis);
  m.spectrum = dc::spectrum(w);
  const dc::MeshGossipCost cost =
      dc::evaluate(dc::mesh_gossip(g, m.spectrum, model, consensus_epsilon));
  m.rounds = cost.rounds;
  m.edges = static_cast<long long>(g.edges.size());
  m.mean_degree = 2.0 * static_cast<double>(m.edges) / g.nodes;
  const std::vector<int> d = dc::degrees(g);
  m.max_degree = *std::max_element(d.begin(), d.end());
  m.bytes_per_round = cost.per_round;
  // Every node broadcasts S once per round and its neighbours overhear it (gossip_airtime).
  m.airtime_per_round = energy::gossip_airtime(model, g.nodes, energy::shared_channel(radio));
  m.energy_per_round = sync_energy(radio, model, m.mean_degree * model);
  const double t = m.rounds ? static_cast<double>(*m.rounds) : 0.0;
  m.airtime = t * m.airtime_per_round;
  m.energy = t * m.energy_per_round;
  const dc::ConsensusTrace trace = dc::simulate(w, max_simulated_rounds, 1);
  for (double e : trace.disagreement) m.error.push_back(e / trace.disagreement.front());
  return m;
}

GossipStudy gossip_study(const Plan& p, Bytes model, Watts budget) {
  GossipStudy g;
  g.radio = catalog::ble_1m;
  g.model = model;
  g.epsilon = consensus_epsilon;
  g.budget = budget;
  const int n = p.workers;
  g.star = dc::evaluate(dc::StarSync{.clients = n, .model = model});
  g.star_airtime = energy::star_airtime(model, n, energy::shared_channel(g.radio));
  g.star_energy = sync_energy(g.radio, model, model);
  g.meshes.push_back(mesh("ring (2 neighbours)", dc::ring(n), model, g.radio));
  const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(n))));
  if (side >= 3 && side * side == n)
    g.meshes.push_back(mesh("2-D torus " + std::to_string(side) + " x " + std::to_string(side),
                            dc::torus(side, side), model, g.radio));
  g.radius = range_over_connectivity * dc::connectivity_radius(n);
  dc::Graph rgg;
  for (g.seed = 1; g.seed <= 100; ++g.seed) {
    rgg = dc::random_geometric(n, g.radius, g.seed);
    if (dc::is_connected(rgg)) break;
  }
  g.meshes.push_back(mesh("random geometric (BLE range)", rgg, model, g.radio));
  return g;
}

RadioStudy radio_study(const lab::Session& s, const EdgeDevice& device) {
  RadioStudy r;
  r.payload = s.track().track.sync_payload;
  for (const RadioLink& radio : catalog::radio_links)
    r.rows.push_back({&radio, energy::evaluate(energy::RadioSync{
                                  .radio = radio, .upload = r.payload, .download = r.payload})});
  r.compute_per_round = device.active_power * s.track().track.compute_time_one_worker;
  r.primary = s.track().track.id == catalog::TrackId::edge     ? "5g-lowband"
              : s.track().track.id == catalog::TrackId::mobile ? "ble-2m"
                                                               : "ble-1m";
  return r;
}

const RadioRow& row(const RadioStudy& r, std::string_view key) {
  return *std::find_if(r.rows.begin(), r.rows.end(),
                       [&](const RadioRow& x) { return x.radio->key == key; });
}

energy::DailyUse day_of(const BatteryStudy& b, Joules per_sync, Seconds interval) {
  return {.device = b.device,
          .energy_per_sync = per_sync,
          .sync_interval = interval,
          .energy_per_inference = b.per_inference,
          .inference_rate = b.inference_rate,
          .day = b.day};
}

void add_option(BatteryStudy& b, std::string name, Joules per_sync) {
  SyncOption o{.name = std::move(name), .energy = per_sync, .min_interval = {}};
  o.min_interval = energy::min_sync_interval(day_of(b, per_sync, 1.0 * hours));
  b.options.push_back(std::move(o));
}

std::string interval_text(Seconds t) {
  const double m = value_in<minute_unit>(t);
  if (m < 1.0) return text::number(value_in<second_unit>(t), 3) + " s";
  if (m < 60.0) return text::number(m, 3) + " min";
  return text::number(m / 60.0, 3) + " h";
}

std::string radio_short(const RadioLink& r) {
  const std::string key(r.key);
  if (key == "ble-1m") return "BLE 1M";
  if (key == "ble-2m") return "BLE 2M";
  if (key == "wifi6") return "Wi-Fi 6";
  if (key == "wifi") return "Wi-Fi (2012)";
  if (key == "lte") return "LTE";
  if (key == "3g") return "3G";
  if (key == "5g-lowband") return "5G low-band";
  if (key == "5g-mmwave") return "5G mmWave";
  return key;
}

}  // namespace

std::string radio_label(const RadioLink& r) { return radio_short(r); }

void add_fleet_studies(const lab::Session& s, Plan& p) {
  const catalog::Track& t = s.track().track;
  const Bytes payload = t.sync_payload;
  switch (t.id) {
    case catalog::TrackId::cloud:
      return;
    case catalog::TrackId::edge:
      p.radios = radio_study(s, catalog::drive_orin);
      return;
    case catalog::TrackId::mobile: {
      p.radios = radio_study(s, catalog::ar_glasses);
      BatteryStudy b;
      b.device = catalog::ar_glasses;
      // A day of wear, not 24 h: the glasses' 30 mW idle floor alone would need 2,592 J, more
      // than the 0.6 Wh (2,160 J) battery.
      b.day = 8.0 * hours;
      b.per_inference =
          energy::inference_energy({.device = b.device,
                                    .flops = catalog::mobilenetv2.flops_per_inference,
                                    .achieved_fraction = t.workload.achieved_fraction});
      b.inference_rate = 1.0 * hertz;
      b.inference_words = "MobileNetV2 on one image a second";
      add_option(b, "sync over BLE 2M (phone tether)",
                 sync_energy(catalog::ble_2m, payload, payload));
      add_option(b, "sync over Wi-Fi 6", sync_energy(catalog::wifi6, payload, payload));
      b.intervals = {1.0 * minutes, 5.0 * minutes, 15.0 * minutes, 1.0 * hours, 4.0 * hours};
      p.battery = std::move(b);
      return;
    }
    case catalog::TrackId::tiny: {
      p.radios = radio_study(s, catalog::hearable);
      p.gossip = gossip_study(p, payload, t.power_budget);
      BatteryStudy b;
      b.device = catalog::hearable;
      b.budget = true;
      b.day = 24.0 * hours;
      // The allowance is the 1 mW budget over the day (86.4 J), not the 0.2 Wh cell.
      b.device.battery_capacity = t.power_budget * b.day;
      // The personalised layer runs once per 10 ms frame, RNNoise's frame (Valin 2018).
      b.per_inference =
          energy::inference_energy({.device = b.device,
                                    .flops = catalog::noise_profile.flops_per_inference,
                                    .achieved_fraction = t.workload.achieved_fraction});
      b.inference_rate = 100.0 * hertz;
      b.inference_words = "the noise profile on every 10 ms frame";
      add_option(b, "gossip to 1e-3 (random geometric)", p.gossip->meshes.back().energy);
      add_option(b, "full sync through the phone", p.gossip->star_energy);
      b.intervals = {1.0 * minutes, 5.0 * minutes, 15.0 * minutes, 1.0 * hours, 4.0 * hours};
      p.battery = std::move(b);
      return;
    }
  }
}

void print_gossip(std::ostream& out, const Plan& p) {
  const GossipStudy& g = *p.gossip;
  const MeshResult& chosen = g.meshes.back();
  out << "GOSSIP INSTEAD OF FULL WEIGHT SYNC\n"
      << "  Question: a full sync through a phone (a star), or gossip between the " << p.workers
      << " hearables\n  on a BLE mesh? The model S = " << to_string(g.model)
      << "; one shared BLE 1M channel (" << format_bits(g.radio.uplink) << " usable, "
      << to_string(g.radio.latency) << " a turn).\n  Consensus: the disagreement down to "
      << "epsilon = " << text::number(g.epsilon)
      << " of its start,\n  Metropolis weights. The mesh: hearables within BLE range, a random "
         "geometric graph of\n  radius "
      << text::number(g.radius, 3) << " (1.5 x the connectivity radius; seed " << g.seed
      << ", the first connected one;\n  mean degree " << text::number(chosen.mean_degree, 3)
      << "). Star: " << p.workers << " uploads, " << p.workers << " unicast downloads.\n";
  text::Table t(
      {"pattern", "rho", "rounds", "bytes/round", "airtime/round", "airtime", "J/hearable"});
  t.indent(2);
  t.add_row({"star via the phone", "0", "1", to_string(g.star.total), to_string(g.star_airtime),
             to_string(g.star_airtime), to_string(g.star_energy)});
  for (const MeshResult& m : g.meshes)
    t.add_row({"gossip, " + m.name, text::number(m.spectrum.rho, 4),
               m.rounds ? text::count(static_cast<double>(*m.rounds), 4) : "never",
               to_string(m.bytes_per_round), to_string(m.airtime_per_round), to_string(m.airtime),
               to_string(m.energy)},
              &m == &chosen ? ">" : "");
  const Joules budget_hour = g.budget * (1.0 * hours);
  out << t.render() << "  > the mesh a room of wearers forms. The " << to_string(g.budget)
      << " budget is " << to_string(budget_hour) << " an hour: one gossip\n  consensus costs a "
      << "hearable " << text::percent(static_cast<double>(chosen.energy / budget_hour), 0)
      << " of it, a star sync "
      << text::percent(static_cast<double>(g.star_energy / budget_hour), 3) << ". Gossip takes "
      << text::times(static_cast<double>(chosen.airtime / g.star_airtime))
      << " the\n  star's airtime and "
      << text::times(static_cast<double>(chosen.energy / g.star_energy))
      << " its energy per hearable (rounds x (send S + hear mean degree x S)).\n"
      << "  Takeaway: on one BLE channel gossip is not cheaper, it is independent: no phone and "
         "no central\n  link carrying "
      << to_string(g.star.central) << " a round. When the phone is there, its star wins.\n\n";
}

void print_radios(std::ostream& out, const lab::Session& s, const Plan& p) {
  const RadioStudy& r = *p.radios;
  const catalog::TrackId id = s.track().track.id;
  const bool edge = id == catalog::TrackId::edge;
  out << (edge ? "ENERGY PER SYNC: 5G ON THE ROAD VS THE DEPOT'S WI-FI\n"
               : "ENERGY PER SYNC BY RADIO\n")
      << "  Question: what does one sync (upload the " << to_string(r.payload)
      << " update, download the model)\n  cost a " << s.track().track.worker_noun << "?\n";
  text::Table t({"radio", "time", "promotion", "upload", "download", "tail", "energy"});
  t.indent(2);
  const auto add = [&](const RadioRow& x, const std::string& mark) {
    t.add_row({radio_short(*x.radio), to_string(x.energy.time), to_string(x.energy.promotion),
               to_string(x.energy.upload), to_string(x.energy.download), to_string(x.energy.tail),
               to_string(x.energy.total)},
              mark);
  };
  const std::vector<std::string_view> keys =
      edge ? std::vector<std::string_view>{"5g-lowband", "wifi6", "lte", "5g-mmwave"}
      : id == catalog::TrackId::mobile
          ? std::vector<std::string_view>{"ble-2m", "wifi6", "lte", "5g-lowband"}
          : std::vector<std::string_view>{"ble-1m", "ble-2m", "wifi6"};
  for (std::string_view k : keys) add(row(r, k), k == keys[0] || k == keys[1] ? ">" : "");
  const RadioRow& a = row(r, keys[0]);
  const RadioRow& b = row(r, keys[1]);
  out << t.render()
      << "  > the track's two networks. Energy = promotion + P S / t + tail\n"
         "  (Huang et al. 2012; 5G: Narayanan et al. 2021; BLE: nRF52840 datasheet currents).\n";
  if (edge) {
    const double cars = static_cast<double>(p.workers);
    out << "  Per round of " << text::count(cars, 3)
        << " cars: " << text::number(value_in<kilowatt_hour_unit>(cars * a.energy.total), 3)
        << " kWh over 5G, " << text::number(value_in<kilowatt_hour_unit>(cars * b.energy.total), 3)
        << " kWh over depot Wi-Fi;\n  one car's compute per round is "
        << to_string(r.compute_per_round) << " (60 W).\n"
        << "  Takeaway: the road costs " << text::times(a.energy.total / b.energy.total)
        << " the depot's energy per sync, yet both are small beside a 60 W\n  computer: the "
           "depot's price is time, not joules: a nightly sync sends gradients a day\n  stale "
           "(above).\n\n";
  } else {
    out << "  Takeaway: " << radio_short(*a.radio) << " costs "
        << text::times(static_cast<double>(a.energy.total / b.energy.total)) << " "
        << radio_short(*b.radio)
        << "'s energy per sync; on cellular radios the promotion\n  and the tail add a fixed "
           "cost to every sync, whatever its size.\n\n";
  }
}

void print_battery(std::ostream& out, const lab::Session& s, const Plan& p) {
  const BatteryStudy& b = *p.battery;
  const bool mobile = s.track().track.id == catalog::TrackId::mobile;
  const energy::DailyDrain base = energy::evaluate(day_of(b, b.options[0].energy, 1.0 * hours));
  out << (mobile ? "SYNC FREQUENCY VS BATTERY\n" : "SYNC FREQUENCY VS THE 1 MW BUDGET\n")
      << "  Question: how often can a " << s.track().track.worker_noun << " sync before "
      << (mobile ? "its battery is empty\n  by the end of the day?\n"
                 : "it exceeds its 1 mW average power?\n")
      << "  Day: " << interval_text(b.day) << (mobile ? " of wear" : "") << "; allowance "
      << to_string(b.device.battery_capacity)
      << (b.budget ? " (1 mW x 24 h)" : " (the catalog's 0.6 Wh glasses battery)") << "; idle "
      << to_string(b.device.idle_power) << " = " << to_string(base.idle) << ";\n  local inference, "
      << b.inference_words << ": " << to_string(b.per_inference)
      << " each = " << to_string(base.inference) << " a day.\n";
  text::Table t({"sync every", "syncs/day", "sync J", "inference J", "idle J",
                 mobile ? "battery used" : "average power", "sync / inference"});
  t.indent(2);
  for (Seconds iv : b.intervals) {
    const energy::DailyDrain d = energy::evaluate(day_of(b, b.options[0].energy, iv));
    t.add_row({interval_text(iv), text::number(d.syncs, 3), to_string(d.sync),
               to_string(d.inference), to_string(d.idle),
               mobile ? text::percent(d.battery_fraction, 0) : to_string(d.total / b.day),
               d.sync_to_inference_ratio ? text::times(*d.sync_to_inference_ratio) : "-"},
              d.lasts_the_day ? "" : "!");
  }
  out << t.render() << "  Rows: " << b.options[0].name << ", " << to_string(b.options[0].energy)
      << " a sync. ! = over the " << (mobile ? "charge" : "budget") << ".\n";
  out << "  Shortest interval that keeps the " << (mobile ? "day's charge" : "budget")
      << " (min_sync_interval):\n";
  for (const SyncOption& o : b.options)
    out << "    " << o.name << " (" << to_string(o.energy)
        << " a sync): " << (o.min_interval ? interval_text(*o.min_interval) : std::string("none"))
        << "\n";
  const SyncOption& o = b.options[0];
  if (!o.min_interval) {
    out << "  Takeaway: inference and idle alone exceed the allowance: no sync schedule fits."
           "\n\n";
    return;
  }
  const energy::DailyDrain at = energy::evaluate(day_of(b, o.energy, *o.min_interval));
  const std::string ratio =
      at.sync_to_inference_ratio ? text::times(*at.sync_to_inference_ratio) : "-";
  if (mobile)
    out << "  Takeaway: syncing every " << interval_text(*o.min_interval) << " empties the "
        << "battery, the sync then draining " << ratio << " local inference;\n  hourly, the "
        << "sync is a fraction of inference and the 30 mW idle floor sets the day.\n\n";
  else
    out << "  Takeaway: within 1 mW the hearables can gossip to consensus once every "
        << interval_text(*o.min_interval) << " at most (the sync\n  then " << ratio
        << " the inference); through the phone, every "
        << (b.options.size() > 1 && b.options[1].min_interval
                ? interval_text(*b.options[1].min_interval)
                : std::string("-"))
        << ".\n\n";
}

void fleet_math_peek(std::ostream& out, const Plan& p) {
  if (p.gossip) {
    const GossipStudy& g = *p.gossip;
    const MeshResult& m = g.meshes.back();
    out << "  Gossip: x <- W x, Metropolis W_ij = 1 / (1 + max(d_i, d_j)) (Xiao & Boyd 2004);\n"
           "    rho = max(|lambda_2|, |lambda_min|); ||x_t - mean|| <= rho^t ||x_0 - mean||, so\n"
           "    rounds = ceil(log(1/eps) / log(1/rho)). Here rho = "
        << text::number(m.spectrum.rho, 5) << ", eps = " << text::number(g.epsilon) << " -> "
        << (m.rounds ? std::to_string(*m.rounds) : std::string("never"))
        << " rounds.\n    Shared airtime: gossip N (latency + S / t) = "
        << to_string(m.airtime_per_round)
        << " a round;\n    star 2 N (latency + S / t) = " << to_string(g.star_airtime) << ".\n";
  }
  if (p.radios) {
    const RadioRow& r = row(*p.radios, p.radios->primary);
    out << "  Energy per sync = P_pro T_pro + P(t_u) S / t_u + P(t_d) S / t_d + P_tail T_tail,\n"
           "    P(t) = alpha t + beta (Huang et al. 2012).\n    "
        << radio_short(*r.radio) << ": " << to_string(r.energy.promotion) << " + "
        << to_string(r.energy.upload) << " + " << to_string(r.energy.download) << " + "
        << to_string(r.energy.tail) << " = " << to_string(r.energy.total) << ".\n";
  }
  if (p.battery) {
    const BatteryStudy& b = *p.battery;
    out << "  Battery: E_day = E_s D / Delta + E_i r D + P_idle D; fraction = E_day / C;\n"
           "    Delta_min = E_s D / (C - E_i r D - P_idle D); E_i = P_active F / (R f) = "
        << to_string(b.per_inference) << "; C = " << to_string(b.device.battery_capacity)
        << ",\n    D = " << interval_text(b.day) << ".\n";
  }
}

}  // namespace paradox::part3
