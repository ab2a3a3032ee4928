// `paradox collective`: the time of one collective operation and its nccl-tests bandwidths.

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "paradox/comm/bus_bandwidth.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::collective_command {
namespace {

struct Flags {
  std::string op;
  int ranks = 1;
  Bytes size{};
  Bandwidth bandwidth{};
  Seconds latency{};
  std::string algo = "ring";
  int gpus_per_node = 1;
  Bandwidth intra_bandwidth{};
  Seconds intra_latency{};
  Bandwidth reduction_bandwidth{};
  int nics_per_node = 1;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_choice(app, "--op", flags->op, "Collective operation", spellings(comm::all_collectives))
      ->required();
  add_count(app, "--ranks", flags->ranks, "Number of ranks taking part, all GPUs for hierarchical",
            1, std::numeric_limits<int>::max())
      ->required();
  add_quantity(app, "--size", flags->size,
               "Full buffer size as nccl-tests counts it; for allgather and reducescatter the "
               "whole gathered array")
      ->required();
  add_quantity(app, "--bandwidth", flags->bandwidth,
               "Per-direction bandwidth of one rank's (inter-node) link")
      ->required();
  add_quantity(app, "--latency", flags->latency, "Latency (alpha) of one message on that link",
               Sign::non_negative)
      ->required();
  std::vector<std::string> algorithms = spellings(comm::all_algorithms);
  for (const comm::AlgorithmAlias& alias : comm::algorithm_aliases)
    algorithms.emplace_back(alias.alias);
  add_choice(app, "--algo", flags->algo,
             "Algorithm; auto picks the cheapest for these inputs (default: ring). The MLSys "
             "textbook's names halving-doubling and butterfly mean rabenseifner",
             algorithms);
  CLI::Option* per_node = add_count(app, "--gpus-per-node", flags->gpus_per_node,
                                    "GPUs in one node, for hierarchical and auto (default: 1)", 1,
                                    std::numeric_limits<int>::max());
  CLI::Option* intra_bandwidth = add_quantity(
      app, "--intra-bandwidth", flags->intra_bandwidth,
      "Per-direction bandwidth of one GPU's intra-node link; required with --algo hierarchical "
      "or --gpus-per-node > 1");
  CLI::Option* intra_latency =
      add_quantity(app, "--intra-latency", flags->intra_latency,
                   "Latency of the intra-node link (default: 0 s)", Sign::non_negative);
  CLI::Option* nics = add_count(
      app, "--nics-per-node", flags->nics_per_node,
      "NICs of one node, shared by its GPUs in the inter-node phase of --algo hierarchical (and "
      "auto); --bandwidth and --latency are then those of one NIC (default: one NIC per GPU, "
      "i.e. --gpus-per-node)",
      1, std::numeric_limits<int>::max());
  CLI::Option* reduction = add_quantity(
      app, "--reduction-bandwidth", flags->reduction_bandwidth,
      "Rate at which a rank reduces incoming data, the gamma term 1/rate (default: free)");

  app.footer(
      "JSON keys: op, algorithm (the resolved name when --algo auto), ranks, size_bytes, time_s, "
      "latency_term_s, bandwidth_term_s, reduction_term_s, busbw_factor, algbw_bytes_per_s, "
      "busbw_bytes_per_s (null when the time is zero: one rank moves nothing). "
      "Example: paradox collective --op allreduce --ranks 8 --size 1GB --bandwidth 50GB/s "
      "--latency 500ns");

  return [flags, prefix, per_node, intra_bandwidth, intra_latency, nics,
          reduction]() -> Report {
    const comm::Collective op = *comm::parse_collective(flags->op);
    const comm::Algorithm algorithm = *comm::parse_algorithm(flags->algo);
    if (!comm::is_supported(op, algorithm)) {
      throw usage_error(prefix + ": --algo must be one of " +
                        join(spellings(comm::supported_algorithms(op)), "|") + " for --op " +
                        flags->op + " (got " + flags->algo + ")");
    }
    const bool hierarchical = algorithm == comm::Algorithm::hierarchical;
    if (hierarchical && flags->ranks % flags->gpus_per_node != 0) {
      throw usage_error(prefix + ": --ranks must be divisible by --gpus-per-node = " +
                        std::to_string(flags->gpus_per_node) + " with --algo hierarchical (got " +
                        std::to_string(flags->ranks) + ")");
    }
    const bool multi_node_algorithm =
        hierarchical || (algorithm == comm::Algorithm::automatic && flags->gpus_per_node > 1 &&
                         comm::is_supported(op, comm::Algorithm::hierarchical));
    if (multi_node_algorithm && intra_bandwidth->count() == 0) {
      throw usage_error(prefix + ": --intra-bandwidth is required with --algo " + flags->algo +
                        (per_node->count() > 0
                             ? " and --gpus-per-node " + std::to_string(flags->gpus_per_node)
                             : std::string{}));
    }
    if (intra_latency->count() > 0 && intra_bandwidth->count() == 0) {
      throw usage_error(prefix + ": --intra-latency needs --intra-bandwidth");
    }
    // A flag that cannot take effect with the others given is an error, not silently ignored.
    if (!multi_node_algorithm) {
      for (const CLI::Option* option : {per_node, intra_bandwidth, nics}) {
        if (option->count() == 0 || (option == per_node && flags->gpus_per_node == 1)) continue;
        throw usage_error(prefix + ": " + option->get_name() +
                          " needs --algo hierarchical or auto (with --op allreduce); --algo " +
                          flags->algo + " --op " + flags->op + " uses one link per rank");
      }
    }
    if (nics->count() > 0 && per_node->count() == 0) {
      throw usage_error(prefix + ": --nics-per-node needs --gpus-per-node");
    }

    comm::CollectiveInput input{.op = op,
                                .algorithm = algorithm,
                                .message = flags->size,
                                .ranks = flags->ranks,
                                .link = {.bandwidth = flags->bandwidth, .latency = flags->latency},
                                .gpus_per_node = flags->gpus_per_node};
    if (intra_bandwidth->count() > 0) {
      input.intra_node = {.bandwidth = flags->intra_bandwidth, .latency = flags->intra_latency};
    }
    if (nics->count() > 0) input.nics_per_node = flags->nics_per_node;
    if (reduction->count() > 0) input.reduction_bandwidth = flags->reduction_bandwidth;

    const comm::CollectiveCost cost = comm::cost(input);
    const double factor = comm::bus_bandwidth_factor(op, flags->ranks);

    Report report;
    report.json["op"] = comm::to_string(op);
    report.json["algorithm"] = comm::to_string(cost.algorithm);
    report.json["ranks"] = flags->ranks;
    report.json["size_bytes"] = value_in<byte_unit>(flags->size);
    report.json["time_s"] = value_in<second_unit>(cost.time());
    report.json["latency_term_s"] = value_in<second_unit>(cost.terms.latency_term);
    report.json["bandwidth_term_s"] = value_in<second_unit>(cost.terms.bandwidth_term);
    report.json["reduction_term_s"] = value_in<second_unit>(cost.terms.reduction_term);
    report.json["busbw_factor"] = factor;

    Table table;
    table.align_left(1);
    table.add_row({"collective", std::string(comm::to_string(op)) + " of " + show(flags->size) +
                                     " over " + std::to_string(flags->ranks) + " ranks"});
    table.add_row({"algorithm", std::string(comm::to_string(cost.algorithm))});
    table.add_row({"time", show(cost.time(), 6)});
    table.add_row({"  latency term", show(cost.terms.latency_term)});
    table.add_row({"  bandwidth term", show(cost.terms.bandwidth_term)});
    table.add_row({"  reduction term", show(cost.terms.reduction_term)});
    if (cost.time() > 0.0 * seconds) {
      const Bandwidth algbw = comm::algorithm_bandwidth(flags->size, cost.time());
      const Bandwidth busbw = comm::bus_bandwidth({op, flags->ranks, flags->size, cost.time()});
      report.json["algbw_bytes_per_s"] = value_in<bytes_per_second_unit>(algbw);
      report.json["busbw_bytes_per_s"] = value_in<bytes_per_second_unit>(busbw);
      table.add_row({"algbw", show(algbw) + "  (size / time)"});
      table.add_row({"busbw", show(busbw) + "  (algbw x " + number(factor) + ")"});
    } else {
      // One rank moves nothing: the bandwidths are undefined, not infinite.
      report.json["algbw_bytes_per_s"] = nullptr;
      report.json["busbw_bytes_per_s"] = nullptr;
      table.add_row({"algbw", "n/a (no communication)"});
      table.add_row({"busbw", "n/a (no communication)"});
    }
    report.text = table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "collective",
     .summary = "Time, algbw and busbw of one collective (alpha-beta model, nccl-tests "
                "conventions)",
     .order = 10,
     .define = define});

}  // namespace
}  // namespace paradox::cli::collective_command
