// `paradox stragglers`: the expected synchronous step of N workers whose step times are random
// (the slowest of N; the N-th of N + b with backup workers; the K-th of N with K-sync), its
// quantiles, and the fan-out tail probability that at least one worker is slow.

#include <memory>
#include <optional>
#include <string>

#include "paradox/sync/sync.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"
#include "step_distribution.hpp"

namespace paradox::cli::stragglers_command {
namespace {

// Above a million workers the per-worker K-sync sums get slow; no synchronous job is larger.
constexpr int max_workers = 1'000'000;

struct Flags {
  int workers = 1;
  Seconds mean = 1.0 * seconds;
  step_distribution::Flags step;
  int backup = 0;
  int wait_for = 0;
  double slow_probability = 0.0;
  int monte_carlo = 0;
  int seed = 1;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_count(app, "--workers", flags->workers,
            "N, the results a synchronous step needs (the workers it waits for)", 1, max_workers)
      ->required();
  add_quantity(app, "--mean", flags->mean, "A healthy worker's mean step time (default: 1 s)");
  step_distribution::add(app, flags->step, "--mean");
  CLI::Option* backup = add_count(
      app, "--backup", flags->backup,
      "b, backup workers: run N + b and wait for the first N (default: 0)", 0, max_workers);
  CLI::Option* wait_for =
      add_count(app, "--wait-for", flags->wait_for,
                "K-sync: wait for the fastest K of the N workers (default: all N)", 1, max_workers);
  CLI::Option* slow_probability =
      add_fraction(app, "--slow-probability", flags->slow_probability,
                   "p, the chance that one worker is slow in a step; reports p_any_slow = "
                   "1 - (1 - p)^N (Dean & Barroso 2013)");
  CLI::Option* monte_carlo = add_count(
      app, "--monte-carlo", flags->monte_carlo,
      "Also estimate the expected step from this many seeded simulated steps (default: off)", 2,
      10'000'000);
  add_count(app, "--seed", flags->seed, "Seed of the Monte Carlo (default: 1)", 0, 2'000'000'000);
  app.footer(
      "JSON keys: expected_step_s (E[slowest of N]; with --backup the N-th fastest of N + b; "
      "with --wait-for the K-th fastest of N), p50_step_s and p99_step_s (quantiles of that "
      "step), mean_step_s (one worker's mean), idle_fraction (1 - mean_step_s / "
      "expected_step_s, the share of a step a worker waits), all_workers_step_s (E[slowest of "
      "N], for comparison), slow_workers (persistent stragglers, round(f N)), distribution, "
      "persistence, workers, backup, wait_for; p_any_slow with --slow-probability; "
      "monte_carlo_step_s and monte_carlo_standard_error_s with --monte-carlo. Exponential: "
      "E[max] = H_N x mean; other distributions by quadrature of 1 - F(x)^N.");

  return [flags, prefix, backup, wait_for, slow_probability, monte_carlo]() -> Report {
    if (backup->count() > 0 && wait_for->count() > 0)
      throw usage_error(prefix + ": --backup and --wait-for cannot be combined");
    if (flags->wait_for > flags->workers)
      reject(prefix, "--wait-for", "be <= --workers = " + std::to_string(flags->workers),
             std::to_string(flags->wait_for));
    if (flags->backup > max_workers - flags->workers)
      reject(prefix, "--backup", "be <= " + std::to_string(max_workers) + " - --workers",
             std::to_string(flags->backup));
    const std::string& name = flags->step.distribution;
    const sync::StepTime dist =
        step_distribution::build(prefix, flags->step, flags->mean, "--mean");

    const int n = flags->workers;
    const int pool = n + flags->backup;
    const int rank = wait_for->count() > 0 ? flags->wait_for : n;
    const Seconds step = sync::expected_order_statistic(dist, rank, pool);
    const Seconds all = sync::expected_max(dist, n);
    const Seconds p50 = sync::order_statistic_quantile(dist, rank, pool, 0.5);
    const Seconds p99 = sync::order_statistic_quantile(dist, rank, pool, 0.99);
    const Seconds worker_mean = sync::mean(dist);
    const double idle = std::max(0.0, 1.0 - worker_mean / step);

    Report report;
    report.json["expected_step_s"] = value_in<second_unit>(step);
    report.json["p50_step_s"] = value_in<second_unit>(p50);
    report.json["p99_step_s"] = value_in<second_unit>(p99);
    report.json["mean_step_s"] = value_in<second_unit>(worker_mean);
    report.json["idle_fraction"] = idle;
    report.json["all_workers_step_s"] = value_in<second_unit>(all);
    report.json["slow_workers"] = sync::slow_workers(dist, pool);
    report.json["distribution"] = name;
    report.json["persistence"] = flags->step.persistence;
    report.json["workers"] = n;
    report.json["backup"] = flags->backup;
    report.json["wait_for"] = rank;

    Table table({"quantity", "value", "definition"});
    const std::string what =
        flags->backup > 0 ? "first " + std::to_string(n) + " of " + std::to_string(pool)
        : rank < n        ? "fastest " + std::to_string(rank) + " of " + std::to_string(n)
                          : "slowest of " + std::to_string(n);
    table.add_row({"expected step", show(step), "E[" + what + "]"});
    table.add_row({"median step", show(p50), "50th percentile"});
    table.add_row({"p99 step", show(p99), "99th percentile"});
    table.add_row({"worker mean", show(worker_mean), "one worker's mean step"});
    table.add_row({"idle fraction", text::percent(idle), "1 - worker mean / expected step"});
    if (rank != n || flags->backup > 0)
      table.add_row({"wait for all", show(all), "E[slowest of " + std::to_string(n) + "]"});
    if (slow_probability->count() > 0) {
      const double p_any = sync::probability_any_slow(flags->slow_probability, n);
      report.json["p_any_slow"] = p_any;
      table.add_row({"P(any slow)", text::percent(p_any), "1 - (1 - p)^N"});
    }
    if (monte_carlo->count() > 0) {
      const sync::Estimate e = sync::simulate_order_statistic(
          dist, rank, pool,
          {.samples = flags->monte_carlo, .seed = static_cast<std::uint64_t>(flags->seed)});
      report.json["monte_carlo_step_s"] = value_in<second_unit>(e.mean);
      report.json["monte_carlo_standard_error_s"] = value_in<second_unit>(e.standard_error);
      table.add_row({"Monte Carlo", show(e.mean) + " +- " + show(e.standard_error),
                     std::to_string(e.samples) + " seeded steps"});
    }
    report.text = name + " step times, mean " + show(flags->mean) + ", " + std::to_string(n) +
                  " workers" +
                  (flags->step.slow_fraction > 0.0
                       ? ", " + text::percent(flags->step.slow_fraction) + " stragglers x" +
                             number(flags->step.slowdown) + " (" + flags->step.persistence + ")"
                       : std::string()) +
                  "\n" + table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "stragglers",
     .summary = "Expected synchronous step with random step times: wait for all, backup "
                "workers, K-sync, fan-out tail",
     .order = 80,
     .define = define});

}  // namespace
}  // namespace paradox::cli::stragglers_command
