// `paradox sync`: synchronous, asynchronous and stale-synchronous SGD on a fleet with random
// step times: samples per second, idle share, time to target with the staleness penalty, and
// the dollars per month the idle accelerators cost.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "paradox/sync/sync.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"
#include "step_distribution.hpp"

namespace paradox::cli::sync_command {
namespace {

// The SSP simulation costs steps x workers draws; a million workers is beyond any fleet here.
constexpr int max_workers = 1'000'000;

struct Flags {
  int workers = 1;
  Seconds step_time{};
  step_distribution::Flags step;
  std::string mode = "all";
  int staleness_bound = 2;
  DollarsPerHour price{};
  int steps_to_target = 0;
  int batch = 1;
  double penalty = 0.5;
  int steps = 10'000;
  int seed = 1;
};

// A price per accelerator-hour: "$2.5/h", or a plain number in dollars per hour.
CLI::Option* add_price(CLI::App& app, const std::string& flag, DollarsPerHour& target,
                       const std::string& description) {
  text::Field field{command_prefix(app), flag};
  auto convert = [&target, field](const std::string& value) {
    const bool plain = !value.empty() && value.find_first_of("$/U") == std::string::npos;
    target = plain ? text::parse_number(value, field, 0.0, 1e9) * dollars_per_hour
                   : text::parse_quantity<DollarsPerHour>(value, field, Sign::non_negative);
  };
  return app
      .add_option_function<std::string>(flag, convert,
                                        description +
                                            ". Value: a plain number in dollars per "
                                            "hour, or $2.5/h")
      ->type_name("PRICE");
}

struct ModeRow {
  std::string name;
  double samples_per_second;
  double idle_fraction;
  double mean_staleness;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_count(app, "--workers", flags->workers, "N, data-parallel workers", 1, max_workers)
      ->required();
  add_quantity(app, "--step-time", flags->step_time, "One healthy worker's mean step time")
      ->required();
  step_distribution::add(app, flags->step, "--step-time");
  add_choice(app, "--mode", flags->mode, "Which modes to report (default: all)",
             {"sync", "async", "ssp", "all"});
  add_count(app, "--staleness-bound", flags->staleness_bound,
            "SSP: s, how many clocks a worker may run ahead of the slowest (default: 2)", 0,
            10'000);
  CLI::Option* price = add_price(app, "--price", flags->price,
                                 "Price of one accelerator-hour; adds dollars_per_month");
  CLI::Option* target =
      add_count(app, "--steps-to-target", flags->steps_to_target,
                "Synchronous steps (of N x --batch-per-worker samples) to reach the target; adds "
                "time_to_target_s",
                1, 2'000'000'000);
  add_count(app, "--batch-per-worker", flags->batch,
            "Samples one worker processes per step (default: 1)", 1, 1'000'000'000);
  add_number(app, "--staleness-exponent", flags->penalty,
             "a: stale updates need (1 + staleness)^a times the samples; 0.5 is the square-root "
             "rule, 1 the staleness-aware 1/tau rule, 0 free (default: 0.5)",
             0.0, 4.0);
  add_count(app, "--steps", flags->steps, "SSP: simulated steps per worker (default: 10000)", 1,
            10'000'000);
  add_count(app, "--seed", flags->seed, "SSP: seed of the simulation (default: 1)", 0,
            2'000'000'000);
  app.footer(
      "JSON keys: one object per mode reported, sync, async and ssp, each with samples_per_s, "
      "idle_fraction (share of accelerator time waiting), mean_staleness (updates: 0 for sync, "
      "N - 1 for async, the unseen earlier-clock updates for SSP), samples_to_target_ratio "
      "((1 + staleness)^a), time_to_target_s (null without --steps-to-target) and "
      "dollars_per_month (idle accelerator-hours of 730 h x --price; null without --price). "
      "Also: workers, expected_step_s (E[slowest of N]), mean_step_s, staleness_bound, "
      "fleet_dollars_per_month (N x price x 730 h; null without --price) and fastest_to_target "
      "(the mode with the smallest time_to_target_s; null without --steps-to-target). "
      "sync = N b / E[max]; async = sum of the workers' rates; ssp simulated (Ho et al. "
      "2013), equal to sync for --staleness-bound 0.");

  return [flags, prefix, price, target]() -> Report {
    if (flags->mode != "sync" && flags->mode != "async" &&
        static_cast<double>(flags->steps) * flags->workers > 1e9)
      reject(prefix, "--steps", "be <= 1e9 / --workers", std::to_string(flags->steps));

    const std::string& name = flags->step.distribution;
    const sync::StepTime dist =
        step_distribution::build(prefix, flags->step, flags->step_time, "--step-time");
    const sync::Fleet fleet{
        .step_time = dist, .workers = flags->workers, .batch_per_worker = flags->batch};
    const int n = flags->workers;

    std::vector<ModeRow> rows;
    const bool all = flags->mode == "all";
    if (all || flags->mode == "sync")
      rows.push_back({"sync", sync::sync_samples_per_second(fleet),
                      sync::waiting_cost(fleet, 0.0 * dollars_per_hour).idle_fraction, 0.0});
    if (all || flags->mode == "async")
      rows.push_back(
          {"async", sync::async_samples_per_second(fleet), 0.0, sync::mean_async_staleness(fleet)});
    if (all || flags->mode == "ssp") {
      const sync::SspResult r = sync::simulate_ssp(
          fleet, flags->staleness_bound,
          {.steps = flags->steps, .seed = static_cast<std::uint64_t>(flags->seed)});
      rows.push_back({"ssp", r.samples_per_second, r.idle_fraction, r.mean_staleness});
    }

    const bool has_price = price->count() > 0;
    const bool has_target = target->count() > 0;
    const double sync_samples = static_cast<double>(flags->steps_to_target) *
                                static_cast<double>(n) * static_cast<double>(flags->batch);
    const Seconds month = sync::hours_per_month;
    Report report;
    Table table({"mode", "samples/s", "idle", "staleness", "time to target", "idle $/month"});
    std::optional<std::string> fastest;
    Seconds best{};
    for (const ModeRow& row : rows) {
      const double ratio =
          sync::staleness_penalty_ratio(row.mean_staleness, {.exponent = flags->penalty});
      nlohmann::json entry{{"samples_per_s", row.samples_per_second},
                           {"idle_fraction", row.idle_fraction},
                           {"mean_staleness", row.mean_staleness},
                           {"samples_to_target_ratio", ratio}};
      std::string time_text = "-";
      if (has_target) {
        const Seconds t = sync::time_to_target(
            sync_samples, row.mean_staleness, row.samples_per_second, {.exponent = flags->penalty});
        entry["time_to_target_s"] = value_in<second_unit>(t);
        time_text = show(t);
        if (!fastest || t < best) fastest = row.name, best = t;
      } else {
        entry["time_to_target_s"] = nullptr;
      }
      std::string dollars_text = "-";
      if (has_price) {
        const Dollars idle = row.idle_fraction * static_cast<double>(n) * month * flags->price;
        entry["dollars_per_month"] = value_in<dollar_unit>(idle);
        dollars_text = "$" + text::number(value_in<dollar_unit>(idle));
      } else {
        entry["dollars_per_month"] = nullptr;
      }
      report.json[row.name] = entry;
      table.add_row({row.name, text::number(row.samples_per_second),
                     text::percent(row.idle_fraction), text::number(row.mean_staleness), time_text,
                     dollars_text});
    }
    report.json["workers"] = n;
    report.json["expected_step_s"] = value_in<second_unit>(sync::expected_max(dist, n));
    report.json["mean_step_s"] = value_in<second_unit>(sync::mean_busy_time(fleet));
    report.json["staleness_bound"] = flags->staleness_bound;
    report.json["fleet_dollars_per_month"] =
        has_price
            ? nlohmann::json(value_in<dollar_unit>(static_cast<double>(n) * month * flags->price))
            : nlohmann::json(nullptr);
    report.json["fastest_to_target"] = fastest ? nlohmann::json(*fastest) : nlohmann::json(nullptr);

    report.text =
        std::to_string(n) + " workers, " + name + " step times of mean " + show(flags->step_time) +
        (flags->step.slow_fraction > 0.0
             ? ", " + text::percent(flags->step.slow_fraction) + " stragglers x" +
                   text::number(flags->step.slowdown) + " (" + flags->step.persistence + ")"
             : std::string()) +
        "; SSP bound " + std::to_string(flags->staleness_bound) + ", staleness penalty (1 + tau)^" +
        text::number(flags->penalty) + "\n" + table.render();
    if (fastest) report.text += "fastest to target: " + *fastest + "\n";
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "sync",
     .summary = "Sync vs async vs stale-synchronous SGD: samples/s, time to target, dollars per "
                "month of waiting",
     .order = 81,
     .define = define});

}  // namespace
}  // namespace paradox::cli::sync_command
