// Part 3's shared shapes: the controls, the plan computed before anything is printed (plan.cpp),
// its figures (figures.cpp) and the Math Peek (math_peek.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/catalog/clusters.hpp"
#include "paradox/decentralized/decentralized.hpp"
#include "paradox/energy/energy.hpp"
#include "paradox/parallel/search.hpp"
#include "paradox/reliability/checkpoint_cost.hpp"
#include "paradox/reliability/checkpoint_interval.hpp"
#include "paradox/sync/sync.hpp"
#include "paradox_lab/session.hpp"

namespace paradox::part3 {

/// The figures' colours (matplotlib's "tab10", like paradox/figures/svg.hpp's palette), one name
/// per colour so that a series keeps its colour across the part's figures.
inline constexpr const char* blue = "#1f77b4";
inline constexpr const char* orange = "#ff7f0e";
inline constexpr const char* green = "#2ca02c";
inline constexpr const char* red = "#d62728";
inline constexpr const char* purple = "#9467bd";
inline constexpr const char* grey = "#7f7f7f";
inline constexpr const char* black = "#000000";

/// The modes the walk-through compares, and the strategies a student may defend.
inline const std::vector<std::string> mode_keys{"sync", "async", "ssp"};
inline const std::vector<std::string> strategy_keys{"sync", "async", "ssp", "backup", "ksync",
                                                    "zero"};

/// The part's controls as given (flag > scenario > the track's default, resolved in plan.cpp).
struct Controls {
  std::string mode = "sync";
  std::optional<std::string> slow_fraction;  ///< parsed in prepare, with the track's default
  std::optional<std::string> slowdown;
  std::optional<std::string> persistence;
  std::optional<std::string> sigma;
  std::optional<int> backup;
  std::optional<int> wait_for;
  int staleness_bound = 2;
  std::optional<std::string> staleness_exponent;
  std::optional<int> steps_to_target;
  std::optional<std::string> price;
  std::optional<std::string> storage_bandwidth;
  std::optional<std::string> write_time;
  std::optional<std::string> restart;
  std::optional<std::string> learning_rate;
  std::optional<std::string> smoothness;
  std::optional<std::string> strategy;
  std::optional<std::string> justification;
};

/// A number the walk-through uses and where it comes from ("flag", the catalog, an assumption).
struct Sourced {
  double value = 0.0;
  std::string source;
};

/// The settings after precedence, each with its origin.
struct Settings {
  std::string mode;
  Sourced slow_fraction;
  Sourced slowdown;
  sync::Persistence persistence = sync::Persistence::per_step;
  std::string persistence_source;
  double sigma = 0.0;
  int backup = 0;
  std::string backup_source;
  int wait_for = 1;
  std::string wait_for_source;
  int staleness_bound = 2;
  Sourced staleness_exponent;
  std::int64_t steps_to_target = 1;
  std::string target_source;
  DollarsPerHour price{};
  std::string price_source;
  Sourced learning_rate;
  Sourced smoothness;
  std::optional<std::string> strategy;
  std::optional<std::string> justification;
};

/// One mode's numbers on the fleet.
struct ModeResult {
  std::string key;    ///< "sync", "async", "ssp", "backup", "ksync"
  std::string name;   ///< "sync (wait for all)", ...
  double samples_per_second = 0.0;
  double idle_fraction = 0.0;
  double mean_staleness = 0.0;
  double penalty_ratio = 1.0;  ///< (1 + staleness)^a
  int accelerators = 0;        ///< workers it holds (backup: N + b)
  Seconds time_to_target{};
  Dollars dollars_to_target{};
};

/// The cloud's ZeRO comparison: part 2's layout search with and without ZeRO.
struct ZeroStudy {
  const catalog::LayoutPuzzle* puzzle = nullptr;
  parallel::TrainingJob job{};
  std::int64_t devices = 0;
  parallel::Evaluation without{};  ///< the best layout with ZeRO stage 0
  parallel::Evaluation with{};     ///< the best layout overall (ZeRO > 0 if it helps)
  bool zero_helps = false;
  /// The fewest GPUs (whole racks of the preset) whose best layout, with stragglers, keeps the
  /// current throughput; none when no smaller cluster does.
  std::optional<std::int64_t> fewer_devices;
  std::optional<parallel::Evaluation> fewer_layout;
};

/// The $1M question, the options in dollars, the verdict.
struct CostStudy {
  Dollars fleet_per_month{};
  sync::WaitingCost waiting{};
  Dollars claim{};  ///< $1M
  std::optional<int> claim_fleet;  ///< the fleet size at which waiting costs the claim
  DollarsPerHour claim_price{};    ///< the price at which this fleet's waiting costs the claim
  sync::TrainingOption current{}, async{}, zero{}, backup{};
  sync::SwitchComparison comparison{};
  sync::OptionCost backup_cost{};
  double months_current = 0.0;  ///< the current run's months to target
  std::optional<Dollars> fewer_gpus_per_month;  ///< the GPUs ZeRO lets go, priced
};

/// Checkpointing of the cloud run.
struct CheckpointStudy {
  Bytes size{};
  Bandwidth storage{};
  std::string storage_source;
  Seconds write_time{};
  std::string write_source;
  Seconds unit_mtbf{};
  Seconds fleet_mtbf{};
  Seconds restart{};
  std::string restart_source;
  reliability::CheckpointPlan plan{};
  reliability::CheckpointInput input{};
};

/// One point of the figures' straggler sweep.
struct SweepPoint {
  double slow_fraction = 0.0;
  double sync = 0.0, async = 0.0, ssp = 0.0, backup = 0.0;  ///< samples/s
  double sync_days = 0.0, async_days = 0.0, ssp_days = 0.0, backup_days = 0.0;
};

/// One gossip topology on the track's fleet (fleet.cpp).
struct MeshResult {
  std::string name;                     ///< "ring", "2-D torus 10 x 10", ...
  decentralized::Spectrum spectrum{};   ///< of its Metropolis mixing matrix
  std::optional<long long> rounds;      ///< to the consensus epsilon
  long long edges = 0;
  double mean_degree = 0.0;
  int max_degree = 0;
  Bytes bytes_per_round{};              ///< 2 |E| S (MeshGossipCost::per_round)
  Seconds airtime_per_round{};          ///< N broadcasts of S on the shared channel
  Joules energy_per_round{};            ///< one device: send S, hear mean degree x S
  Seconds airtime{};                    ///< to epsilon
  Joules energy{};                      ///< one device, to epsilon
  std::vector<double> error;            ///< simulated disagreement / initial, per round
};

/// Tiny Pioneer: full sync through a phone (star) against gossip on a BLE mesh.
struct GossipStudy {
  RadioLink radio{};
  Bytes model{};
  double epsilon = 1e-3;
  double radius = 0.0;                  ///< the random geometric graph's, side units
  std::uint64_t seed = 0;               ///< its first connected seed
  decentralized::StarSyncCost star{};
  Seconds star_airtime{};
  Joules star_energy{};                 ///< one hearable: upload S, download S
  std::vector<MeshResult> meshes;       ///< ring, torus, random geometric (the chosen: last)
  Watts budget{};
};

/// One radio's energy for one sync of the track's payload (up and down).
struct RadioRow {
  const RadioLink* radio = nullptr;
  energy::RadioSyncEnergy energy{};
};

/// Energy per sync by radio (every device track); the edge's road against its depot.
struct RadioStudy {
  Bytes payload{};
  std::vector<RadioRow> rows;           ///< every catalog radio
  Joules compute_per_round{};           ///< the device's active power x its compute per round
  std::string primary;                  ///< the track's slow network's key ("5g-lowband", ...)
};

/// A sync option priced over a day.
struct SyncOption {
  std::string name;                     ///< "sync over BLE 2M", "gossip to 1e-3", ...
  Joules energy{};                      ///< per sync, per device
  std::optional<Seconds> min_interval;  ///< the shortest interval that keeps the day's charge
};

/// Sync frequency against battery (mobile: the glasses' charge; tiny: the 1 mW budget).
struct BatteryStudy {
  EdgeDevice device{};                  ///< battery_capacity = the day's allowance
  bool budget = false;                  ///< the allowance is a power budget x the day
  Seconds day{};
  Joules per_inference{};
  Hertz inference_rate{};
  std::string inference_words;          ///< "MobileNetV2 at 1 image/s"
  std::vector<SyncOption> options;      ///< the first is the track's default network
  std::vector<Seconds> intervals;       ///< the table's rows
};

struct Plan {
  Settings settings;
  int workers = 1;                  ///< N
  int batch_per_worker = 1;         ///< samples per worker per step
  std::string sample_unit;          ///< "tokens", "camera frames", ...
  Seconds compute_share{};          ///< one worker's compute per step
  Seconds upload{};                 ///< the update's upload per step (devices), else 0
  Seconds step_mean{};              ///< a healthy worker's step
  std::string step_source;
  sync::Fleet fleet{};
  Seconds expected_step{};
  double p_any_slow = 0.0;
  std::vector<ModeResult> modes;    ///< sync, async, ssp, backup, ksync
  double samples_to_target = 0.0;   ///< sync samples to target
  std::string answer;               ///< "yes", "no", "same"
  // Staleness and the stability bound (every track; the edge's story).
  double critical_lr_sync = 0.0;
  double critical_lr_async = 0.0;
  double critical_lr_ssp = 0.0;
  long long divergence_tau = 0;
  double round_trip_updates = 0.0;  ///< updates the server applies during one worker's step
  std::optional<ZeroStudy> zero;    ///< cloud only
  std::optional<CostStudy> cost;    ///< cloud (price > 0) only
  std::optional<CheckpointStudy> checkpoint;  ///< cloud only
  std::vector<SweepPoint> sweep;
  std::vector<ModeResult> ssp_bounds;  ///< SSP at s = 0, 1, 2, 4, 8, 16 (devices)
  std::string recommended;          ///< the models' pick for the ledger
  std::optional<GossipStudy> gossip;    ///< tiny
  std::optional<RadioStudy> radios;     ///< the device tracks
  std::optional<BatteryStudy> battery;  ///< mobile, tiny
};

[[nodiscard]] Plan evaluate(const lab::Session& s, const Controls& c);

/// "sync", "async", ... as a person reads it.
[[nodiscard]] std::string strategy_name(const std::string& key);

/// The fleet studies of the device tracks (fleet.cpp): gossip, radios, battery.
void add_fleet_studies(const lab::Session& s, Plan& p);
void print_gossip(std::ostream& out, const Plan& p);
void print_radios(std::ostream& out, const lab::Session& s, const Plan& p);
void print_battery(std::ostream& out, const lab::Session& s, const Plan& p);
void fleet_math_peek(std::ostream& out, const Plan& p);
[[nodiscard]] std::string radio_label(const RadioLink& r);  ///< "BLE 1M", "5G low-band", ...
void add_fleet_figures(lab::Session& s, const Plan& p);

void add_figures(lab::Session& s, const Plan& p);
/// The fleet as figure titles name it: "Cloud Titan, 1024 GPUs".
[[nodiscard]] std::string fleet_words(const lab::Session& s, const Plan& p);
void math_peek(std::ostream& out, const Plan& p);

}  // namespace paradox::part3
