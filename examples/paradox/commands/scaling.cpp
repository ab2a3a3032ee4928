// `paradox scaling`: speedup, efficiency and marginal speedup of data-parallel training from
// 1 to --max-workers workers, and the point of diminishing returns.

#include "paradox/scaling/scaling.hpp"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "paradox/comm/collectives.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::scaling_command {
namespace {

// Above this many points the table keeps only the powers of two, the diminishing-returns point
// and the last N; --json always has every N.
constexpr int full_table_rows = 64;

// --json lists every N from 1 to --max-workers (about 1 kB of JSON per point): 10^5 points are
// already 100 MB of output, so larger sweeps belong in the library (scaling::sweep over a grid).
constexpr int max_cli_workers = 100'000;

struct Flags {
  Seconds compute_time{};
  Bytes gradient{};
  Bandwidth bandwidth{};
  Seconds latency{};
  int max_workers = 1;
  double overlap = 0.0;
  std::string mode = "strong";
  std::string algo = "ring";
  int gpus_per_node = 1;
  Bandwidth intra_bandwidth{};
  Seconds intra_latency{};
  int nics_per_node = 1;
  int accumulation_steps = 1;
};

// The single-level all-reduces; --gpus-per-node > 1 selects the hierarchical one.
constexpr std::array flat_algorithms{comm::Algorithm::ring,
                                     comm::Algorithm::tree,
                                     comm::Algorithm::double_binary_tree,
                                     comm::Algorithm::recursive_doubling,
                                     comm::Algorithm::rabenseifner,
                                     comm::Algorithm::in_network,
                                     comm::Algorithm::automatic};

bool is_power_of_two(int n) { return n > 0 && (n & (n - 1)) == 0; }

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_quantity(app, "--compute-time", flags->compute_time,
               "Compute time of one step on one worker: strong mode, one worker's time for the "
               "whole global batch; weak mode, each worker's time per step")
      ->required();
  add_quantity(app, "--gradient-size", flags->gradient, "Bytes all-reduced every step",
               Sign::non_negative)
      ->required();
  add_quantity(app, "--bandwidth", flags->bandwidth,
               "Per-direction bandwidth of one worker's (inter-node) link")
      ->required();
  add_quantity(app, "--latency", flags->latency, "Latency (alpha) of that link", Sign::non_negative)
      ->required();
  add_count(app, "--max-workers", flags->max_workers, "Largest worker count N of the sweep 1..N", 1,
            max_cli_workers)
      ->required();
  add_fraction(app, "--overlap", flags->overlap,
               "Fraction of the communication hidden behind compute (default: 0)");
  add_choice(app, "--mode", flags->mode,
             "strong: fixed global batch split among N workers; weak: fixed batch per worker "
             "(default: strong)",
             {"strong", "weak"});
  add_choice(app, "--algo", flags->algo, "All-reduce algorithm on a single level (default: ring)",
             spellings(flat_algorithms));
  CLI::Option* per_node = add_count(
      app, "--gpus-per-node", flags->gpus_per_node,
      "Workers per node; > 1 uses a hierarchical all-reduce once N exceeds one node (default: 1)",
      1, max_cli_workers);
  CLI::Option* intra_bandwidth =
      add_quantity(app, "--intra-bandwidth", flags->intra_bandwidth,
                   "Per-direction bandwidth of one worker's intra-node link; required with "
                   "--gpus-per-node > 1");
  CLI::Option* intra_latency =
      add_quantity(app, "--intra-latency", flags->intra_latency,
                   "Latency of the intra-node link (default: 0 s)", Sign::non_negative);
  add_count(app, "--accumulation-steps", flags->accumulation_steps,
            "K, micro-steps whose gradients are accumulated before each all-reduce: an "
            "optimizer step computes K x --compute-time and all-reduces --gradient-size once "
            "(default: 1)",
            1, 1'000'000);
  CLI::Option* nics = add_count(
      app, "--nics-per-node", flags->nics_per_node,
      "NICs of one node, shared by its workers across nodes; --bandwidth and --latency are then "
      "those of one NIC (default: one NIC per worker, i.e. --gpus-per-node)",
      1, max_cli_workers);
  app.footer(
      "JSON keys: mode, algorithm, accumulation_steps, points (one per N = 1..max-workers: workers, speedup, "
      "efficiency, marginal_speedup, step_time_s, compute_time_s, communication_time_s, "
      "exposed_communication_time_s, communication_to_computation_ratio), "
      "diminishing_returns_workers (the smallest N whose marginal speedup S(N+1) - S(N) is below "
      "0.5; with --gpus-per-node g > 1 the fleet grows a whole node at a time and N is the "
      "first multiple of g whose next node adds less than 0.5 per worker; null if no N up to "
      "max-workers is), diminishing_returns_step (1 or g, the workers added per step). speedup = throughput(N) / throughput(1), "
      "efficiency = speedup / N. The table shows every N up to 64 workers, beyond that the "
      "powers of two, the diminishing-returns point and the last N.");

  return [flags, prefix, per_node, intra_bandwidth, intra_latency, nics]() -> Report {
    if (flags->gpus_per_node > 1 && intra_bandwidth->count() == 0) {
      throw usage_error(prefix + ": --intra-bandwidth is required with --gpus-per-node " +
                        std::to_string(flags->gpus_per_node));
    }
    if ((intra_bandwidth->count() > 0 || intra_latency->count() > 0) && per_node->count() == 0) {
      throw usage_error(prefix + ": --intra-bandwidth and --intra-latency need --gpus-per-node");
    }
    if (nics->count() > 0 && per_node->count() == 0) {
      throw usage_error(prefix + ": --nics-per-node needs --gpus-per-node");
    }
    const int per = flags->gpus_per_node;
    if (flags->max_workers < per) {
      reject(prefix, "--max-workers", "be >= --gpus-per-node = " + std::to_string(per),
             std::to_string(flags->max_workers));
    }

    scaling::ScalingInput input{
        .compute_time = flags->compute_time,
        .gradient = flags->gradient,
        // The smallest cluster of whole nodes that holds --max-workers workers.
        .cluster = {.node = {.accelerators_per_node = per,
                             .intra_node = {.bandwidth = flags->intra_bandwidth,
                                            .latency = flags->intra_latency},
                             .nic = {.bandwidth = flags->bandwidth, .latency = flags->latency},
                             .nics_per_node = nics->count() > 0 ? flags->nics_per_node : per},
                    .nodes = (flags->max_workers + per - 1) / per},
        .algorithm = *comm::parse_algorithm(flags->algo),
        .overlap_fraction = flags->overlap,
        .accumulation_steps = flags->accumulation_steps,
        .mode = *scaling::parse_mode(flags->mode)};

    const std::vector<scaling::ScalingPoint> points = scaling::sweep(input, flags->max_workers);
    const auto returns = scaling::diminishing_returns(input, flags->max_workers);
    const std::optional<int> knee =
        returns ? std::optional<int>(returns->workers) : std::optional<int>();

    Report report;
    report.json["mode"] = flags->mode;
    report.json["algorithm"] = flags->algo;
    report.json["accumulation_steps"] = flags->accumulation_steps;
    report.json["points"] = nlohmann::json::array();
    Table table(
        {"workers", "step time", "compute", "exposed comm", "speedup", "efficiency", "marginal"});
    for (const scaling::ScalingPoint& point : points) {
      report.json["points"].push_back({
          {"workers", point.workers},
          {"speedup", point.speedup},
          {"efficiency", point.efficiency},
          {"marginal_speedup", point.marginal_speedup},
          {"step_time_s", value_in<second_unit>(point.step_time)},
          {"compute_time_s", value_in<second_unit>(point.compute_time)},
          {"communication_time_s", value_in<second_unit>(point.communication_time)},
          {"exposed_communication_time_s", value_in<second_unit>(point.exposed_communication_time)},
          {"communication_to_computation_ratio", point.communication_to_computation_ratio},
      });
      const bool shown = flags->max_workers <= full_table_rows || is_power_of_two(point.workers) ||
                         point.workers == flags->max_workers || point.workers == knee;
      if (!shown) continue;
      table.add_row({std::to_string(point.workers) + (point.workers == knee ? " *" : ""),
                     show(point.step_time), show(point.compute_time),
                     show(point.exposed_communication_time), number(point.speedup),
                     number(point.efficiency, 3), number(point.marginal_speedup, 3)});
    }
    report.json["diminishing_returns_workers"] = knee ? nlohmann::json(*knee) : nullptr;
    report.json["diminishing_returns_step"] = per;

    report.text = flags->mode + " scaling, " + flags->algo + " all-reduce of " +
                  show(flags->gradient) + " per step, overlap " + number(flags->overlap) + "\n" +
                  table.render();
    const std::string step = per == 1 ? "one more worker adds"
                                      : "one more node of " + std::to_string(per) +
                                            " adds, per worker,";
    report.text += knee ? "* diminishing returns: from " + std::to_string(*knee) + " workers, " +
                              step + " less than 0.5x speedup\n"
                        : "no diminishing returns up to " + std::to_string(flags->max_workers) +
                              " workers (every added worker still adds >= 0.5x speedup)\n";
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "scaling",
     .summary = "Strong or weak scaling of data-parallel training: speedup, efficiency, marginal "
                "speedup, point of diminishing returns",
     .order = 20,
     .define = define});

}  // namespace
}  // namespace paradox::cli::scaling_command
