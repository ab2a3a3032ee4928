// Part 3's shared shapes: the controls, the plan computed before anything is printed (plan.cpp),
// its figures (figures.cpp) and the Math Peek (math_peek.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/catalog/clusters.hpp"
#include "paradox/parallel/search.hpp"
#include "paradox/reliability/checkpoint_cost.hpp"
#include "paradox/reliability/checkpoint_interval.hpp"
#include "paradox/sync/sync.hpp"
#include "paradox_lab/session.hpp"

namespace paradox::part3 {

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
};

[[nodiscard]] Plan evaluate(const lab::Session& s, const Controls& c);

/// "sync", "async", ... as a person reads it.
[[nodiscard]] std::string strategy_name(const std::string& key);

void add_figures(lab::Session& s, const Plan& p);
void math_peek(std::ostream& out, const Plan& p);

}  // namespace paradox::part3
