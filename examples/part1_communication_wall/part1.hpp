// Part 1's shared shapes: the plan main.cpp computes before printing anything, and the Math
// Peek (math_peek.cpp), the part's page of formulas.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/energy/battery.hpp"
#include "paradox/energy/federated.hpp"
#include "paradox/energy/shared_medium.hpp"
#include "paradox/energy/sync_energy.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/strong_weak.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/session.hpp"
#include "paradox_lab/track.hpp"

namespace paradox::part1 {

using lab::Comparison;
using lab::NetworkChoice;

inline constexpr double threshold = 0.5;  // the lab's "less than 0.5x marginal speedup"
inline constexpr std::array networks{NetworkChoice::slow, NetworkChoice::fast};

// The lab's sliders and toggles; a scenario's [controls] sets the same names.
struct Controls {
  int nodes = 64;
  std::string network = "slow";
  std::optional<int> max_nodes;  // default: the track's fleet
  double overlap = 0.0;
  std::optional<std::string> model;  // default: the track's model and payload
  std::string algo = "ring";
  std::string pattern = "auto";  // tiny track: star (through the phone) | gossip (BLE mesh)
};

// Who talks to whom on an edge track (issue 12). The Cloud track keeps the data-centre
// all-reduce of paradox::scaling; the edge tracks price one synchronisation with the pattern
// their devices really use, and the part-1 step is built from it in plan.cpp:
//   T(N) = T1/N + T_sync(N) - min(f T_sync(N), T1/N)   (the same rule as scaling::evaluate)
// because scaling::ScalingInput has no hook for a communication time other than its all-reduce.
enum class PatternKind {
  allreduce,  // the data-centre collective (Cloud Titan): scaling::evaluate as before
  federated,  // cars, glasses: upload the update, the server averages, download the model
  star,       // hearables through the phone on one shared BLE channel
  gossip      // hearables broadcasting to their ring neighbours on one shared BLE channel
};

struct EdgePattern {
  PatternKind kind = PatternKind::allreduce;
  std::string priced_as;  // "federated aggregation through a shared 5G cell", ...
  RadioLink radio{};      // the device's radio (the track's network, as a scenario left it)
  energy::FederatedRound round{};   // federated: the round at N = 1 (sampled is set per N)
  energy::SharedChannel channel{};  // star, gossip: the shared BLE channel
  int gossip_degree = 2;            // gossip: neighbours each hearable hears (a ring)
  std::string sharing;              // what is shared, for the output
};

// What one synchronisation costs one device, and its day (battery devices only).
struct DeviceSync {
  energy::RadioSyncEnergy sync{};          // energy::evaluate(RadioSync) at the shared rates
  Bytes upload{}, download{};              // bytes this device sends and receives
  Bandwidth up_rate{}, down_rate{};        // its share of the channel / cell / server
  Watts average_power{};                   // E_sync / T(N): the radio's draw at one sync a step
  std::optional<energy::DailyDrain> day;   // syncs back to back all day (battery devices)
  std::optional<Seconds> min_interval;     // the sync interval that keeps a day's charge
  std::optional<long long> gossip_rounds;  // gossip: rounds to a 1e-3 consensus on the ring
};

// Everything the session shows, computed before anything is printed.
struct Plan {
  NetworkChoice choice = NetworkChoice::slow;
  int nodes = 64, base = 8, max_nodes = 64, per_node = 1;
  std::string model_key;
  std::array<scaling::ScalingInput, 2> input{};  // slow, fast: the track's clusters
  std::array<std::optional<scaling::DiminishingReturns>, 2> knee{};
  scaling::ScalingPoint from{}, to{};  // on the chosen network, at 8 and at N
  double speedup = 1.0, other_speedup = 1.0, ideal = 1.0;
  Comparison relation = Comparison::exact;
  std::string ideal_text, speedup_text;
  std::vector<scaling::ScalingPoint> rows;
  std::vector<double> marginal;           // per row, per worker of the next growth step
  std::array<EdgePattern, 2> pattern{};   // allreduce on the Cloud track
  EdgeDevice device{};                    // edge tracks: the worker's device (battery, power)
  std::optional<DeviceSync> device_sync;  // edge tracks: one sync at N on the chosen network
  [[nodiscard]] const scaling::ScalingInput& chosen() const { return input[at(choice)]; }
  [[nodiscard]] const EdgePattern& chosen_pattern() const { return pattern[at(choice)]; }
  [[nodiscard]] bool edge() const { return pattern[0].kind != PatternKind::allreduce; }
  /// How N workers synchronise on network n, for scaling::evaluate and the figure: the edge
  /// pattern's T_sync(N) (sync_time()); empty on the Cloud track (the all-reduce).
  [[nodiscard]] std::function<Seconds(int)> communication(NetworkChoice n) const;
  /// One row of the scaling curve on network n (scaling::evaluate with communication(n)).
  [[nodiscard]] scaling::ScalingPoint point(NetworkChoice n, int workers) const;
  static std::size_t at(NetworkChoice c) { return c == NetworkChoice::slow ? 0 : 1; }
};

/// Reads the controls against the track and evaluates the models: everything the session shows,
/// before anything is printed. Errors name the flag or scenario key the value came from.
[[nodiscard]] Plan evaluate(const lab::Session& s, const Controls& c);

/// T_sync(N) of one synchronisation of `payload` among N workers by the edge pattern (0 at N = 1).
[[nodiscard]] Seconds sync_time(const EdgePattern& pattern, Bytes payload, int workers);

/// One sync of the chosen network's pattern at N for one device: bytes, rates, joules, and the
/// battery's day at one sync per step (sets p.device).
[[nodiscard]] DeviceSync device_sync(const lab::LabTrack& t, Plan& p);

/// Prints the formulas used, with their sources and the run's numbers plugged in (--math).
void math_peek(std::ostream& out, const lab::LabTrack& t, const Plan& p);

}  // namespace paradox::part1
