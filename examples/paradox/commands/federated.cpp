// `paradox federated`: one federated-averaging round of K of N clients over a radio preset
// (download, local training with stragglers or a deadline, compressed upload over a shared
// cell), its time and energy, and those of R rounds.

#include <memory>
#include <string>
#include <vector>

#include "paradox/energy/federated.hpp"
#include "paradox/units.hpp"
#include "commands/radio_flags.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::federated_command {
namespace {

constexpr int max_clients = 100'000'000;

struct Flags {
  int clients = 1;
  int sampled = 1;
  Bytes model{};
  std::string link;
  Seconds local_compute{};
  std::string distribution = "deterministic";
  double slow_fraction = 0.0;
  double slowdown = 1.0;
  Seconds deadline{};
  int compression_bits = 32;
  double topk = 1.0;
  int rounds = 1;
  Bandwidth cell_uplink{};
  Bandwidth cell_downlink{};
  Bandwidth server_bandwidth{};
  Watts compute_power{};
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  add_count(app, "--clients", flags->clients, "N, the client population", 1, max_clients)
      ->required();
  add_count(app, "--sampled", flags->sampled, "K, the clients selected per round (<= N)", 1,
            max_clients)
      ->required();
  add_quantity(app, "--model-size", flags->model,
               "S, the model each client downloads and its dense update", Sign::non_negative)
      ->required();
  radio_flags::add_link(app, flags->link,
                        "Every client's radio (catalog presets, see `paradox radio`)");
  CLI::Option* compute =
      add_quantity(app, "--local-compute", flags->local_compute,
                   "Mean local training time of one client per round (default: none, 0 s)");
  CLI::Option* distribution = add_choice(
      app, "--distribution", flags->distribution,
      "Local training time: deterministic (always --local-compute) or exponential (mean "
      "--local-compute), with --slow-fraction / --slowdown stragglers (default: deterministic)",
      {"deterministic", "exponential"});
  add_fraction(app, "--slow-fraction", flags->slow_fraction,
               "f, the share of clients slowed by --slowdown in a round (default: 0)");
  add_number(app, "--slowdown", flags->slowdown,
             "k, a straggler's time over a healthy one (default: 1)", 1.0, 1e6);
  CLI::Option* deadline = add_quantity(
      app, "--deadline", flags->deadline,
      "Reporting deadline on local training: later clients are dropped (needs --local-compute)");
  add_count(app, "--compression-bits", flags->compression_bits,
            "Bits per uploaded value, quantised from fp32 (default: 32, no compression)", 1, 32);
  add_number(app, "--topk", flags->topk,
             "Share of the update's values sent, with 32-bit indices "
             "(default: 1, dense)",
             1e-9, 1.0);
  add_count(app, "--rounds", flags->rounds, "R, rounds to the target (default: 1)", 1,
            1'000'000'000);
  CLI::Option* cell_up = add_quantity(
      app, "--cell-uplink", flags->cell_uplink,
      "Uplink capacity of the cell or access point, shared by the round's uploads (default: "
      "no limit)");
  CLI::Option* cell_down =
      add_quantity(app, "--cell-downlink", flags->cell_downlink,
                   "Downlink capacity shared by the round's downloads (default: no limit)");
  CLI::Option* server = add_quantity(
      app, "--server-bandwidth", flags->server_bandwidth,
      "The server's link per direction, shared by the round's clients (default: no limit)");
  add_quantity(app, "--compute-power", flags->compute_power,
               "A client's power while training (default: 0 W: radio energy only)",
               Sign::non_negative);
  app.footer(
      "JSON keys: round_time_s = download + E[slowest of K local trainings] (min with the "
      "deadline) + upload; round_energy_j = energy of all K sampled clients (downloads, "
      "training, uploads of the reporting ones, a promotion and a tail per burst); "
      "dropped_fraction = 1 - F(deadline); total_time_s and total_energy_j = R x the round. "
      "Also download_time_s, compute_time_s, upload_time_s, upload_bytes_per_client, "
      "upload_rate_bytes_per_s and download_rate_bytes_per_s (min of the radio, cell / K and "
      "server / K), reporting_clients, download_energy_j, compute_energy_j, upload_energy_j. "
      "Round structure: McMahan et al. 2017 (FedAvg), Bonawitz et al. 2019.");

  return [flags, prefix, compute, distribution, deadline, cell_up, cell_down, server]() -> Report {
    if (flags->sampled > flags->clients)
      reject(prefix, "--sampled", "be <= --clients = " + std::to_string(flags->clients),
             std::to_string(flags->sampled));
    if (deadline->count() > 0 && compute->count() == 0)
      throw usage_error(prefix + ": --deadline needs --local-compute");
    if (distribution->count() > 0 && compute->count() == 0)
      throw usage_error(prefix + ": --distribution needs --local-compute");

    energy::FederatedRound in{
        .clients = flags->clients,
        .sampled = flags->sampled,
        .model = flags->model,
        .compression = {.quantization_bits = flags->compression_bits, .topk_fraction = flags->topk},
        .radio = radio_flags::link(flags->link),
        .compute_power = flags->compute_power,
        .rounds = flags->rounds};
    if (compute->count() > 0)
      in.local_compute =
          sync::StepTime{.shape = flags->distribution == "exponential" ? sync::Shape::exponential
                                                                       : sync::Shape::deterministic,
                         .mean = flags->local_compute,
                         .slow_fraction = flags->slow_fraction,
                         .slowdown_ratio = flags->slowdown};
    if (deadline->count() > 0) in.deadline = flags->deadline;
    if (cell_up->count() > 0) in.cell_uplink = flags->cell_uplink;
    if (cell_down->count() > 0) in.cell_downlink = flags->cell_downlink;
    if (server->count() > 0) in.server_bandwidth = flags->server_bandwidth;
    const energy::FederatedRoundCost c = energy::evaluate(in);

    Report report;
    report.json["clients"] = flags->clients;
    report.json["sampled"] = flags->sampled;
    report.json["link"] = flags->link;
    report.json["rounds"] = flags->rounds;
    radio_flags::put(report.json, "round_time_s", c.round_time);
    radio_flags::put(report.json, "round_energy_j", c.round_energy);
    report.json["dropped_fraction"] = c.dropped_fraction;
    radio_flags::put(report.json, "total_time_s", c.total_time);
    radio_flags::put(report.json, "total_energy_j", c.total_energy);
    radio_flags::put(report.json, "download_time_s", c.download_time);
    radio_flags::put(report.json, "compute_time_s", c.compute_time);
    radio_flags::put(report.json, "upload_time_s", c.upload_time);
    radio_flags::put(report.json, "upload_bytes_per_client", c.upload_per_client);
    radio_flags::put(report.json, "upload_rate_bytes_per_s", c.upload_rate);
    radio_flags::put(report.json, "download_rate_bytes_per_s", c.download_rate);
    report.json["reporting_clients"] = c.reporting_clients;
    radio_flags::put(report.json, "download_energy_j", c.download_energy);
    radio_flags::put(report.json, "compute_energy_j", c.compute_energy);
    radio_flags::put(report.json, "upload_energy_j", c.upload_energy);

    Table table({"phase", "time", "energy (K clients)"});
    table.add_row({"download", show(c.download_time), show(c.download_energy)});
    table.add_row({"local training", show(c.compute_time), show(c.compute_energy)});
    table.add_row({"upload", show(c.upload_time), show(c.upload_energy)});
    table.add_row({"round", show(c.round_time), show(c.round_energy)});
    table.add_row(
        {std::to_string(flags->rounds) + " rounds", show(c.total_time), show(c.total_energy)});
    report.text = std::to_string(flags->sampled) + " of " + std::to_string(flags->clients) +
                  " clients over " + flags->link + ", " + show(flags->model) + " model, " +
                  show(c.upload_per_client) + " upload each, dropped " +
                  number(100.0 * c.dropped_fraction, 3) + "%\n" + table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "federated",
     .summary = "Federated averaging: K of N clients, stragglers or a deadline, shared uplink",
     .order = 91,
     .define = define});

}  // namespace
}  // namespace paradox::cli::federated_command
