// `paradox radio`: the time and energy of one transfer over a radio preset (Huang et al.'s
// power model with promotion and tail), and the energy per bit at a throughput.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands/radio_flags.hpp"
#include "paradox/energy/radio_energy.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::radio_command {
namespace {

struct Flags {
  std::string link;
  Bytes size{};
  std::string direction = "up";
  Bandwidth throughput{};
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  radio_flags::add_link(app, flags->link,
                        "The radio (catalog presets): lte, wifi and 3g with Huang et al. 2012's "
                        "power model, 5g-lowband and 5g-mmwave (didactic, after Narayanan et al. "
                        "2021), wifi6, ble-1m and ble-2m (nRF52840 datasheet currents)");
  add_quantity(app, "--size", flags->size, "S, the bytes to move (0 moves nothing)",
               Sign::non_negative)
      ->required();
  add_choice(app, "--direction", flags->direction,
             "up (the device sends: alpha_u, the radio's uplink) or down (default: up)",
             {"up", "down"});
  CLI::Option* throughput =
      add_quantity(app, "--throughput", flags->throughput,
                   "t, the throughput of the transfer (default: the radio's uplink or downlink)");
  app.footer(
      "JSON keys: time_s = promotion + latency + S/t, energy_j = promotion + transfer + tail, "
      "joules_per_bit = P(t)/t = alpha + beta/t (the transfer's energy over its bits, tail and "
      "promotion excluded), tail_energy_j = P_tail T_tail; also transfer_energy_j = P(t) S/t, "
      "promotion_energy_j, power_w = P(t), throughput_bytes_per_s, airtime_s = S/t, link, "
      "direction, size_bytes. Power model P = alpha_u t_u + alpha_d t_d + beta (Huang et al. "
      "2012, MobiSys). A transfer of 0 bytes wakes nothing and costs nothing.");

  return [flags, throughput]() -> Report {
    const RadioLink& radio = radio_flags::link(flags->link);
    const energy::Direction direction =
        flags->direction == "down" ? energy::Direction::down : energy::Direction::up;
    energy::RadioTransfer in{.radio = radio, .size = flags->size, .direction = direction};
    if (throughput->count() > 0) in.throughput = flags->throughput;
    const energy::RadioTransferEnergy e = energy::evaluate(in);

    Report report;
    report.json["link"] = flags->link;
    report.json["direction"] = flags->direction;
    radio_flags::put(report.json, "size_bytes", flags->size);
    radio_flags::put(report.json, "throughput_bytes_per_s", e.throughput);
    radio_flags::put(report.json, "time_s", e.time);
    radio_flags::put(report.json, "airtime_s", e.airtime);
    radio_flags::put(report.json, "power_w", e.power);
    radio_flags::put(report.json, "joules_per_bit", e.energy_per_bit);
    radio_flags::put(report.json, "promotion_energy_j", e.promotion);
    radio_flags::put(report.json, "transfer_energy_j", e.transfer);
    radio_flags::put(report.json, "tail_energy_j", e.tail);
    radio_flags::put(report.json, "energy_j", e.total);

    Table table({"quantity", "value", "definition"});
    table.add_row({"time", show(e.time), "promotion + latency + S/t"});
    table.add_row({"power", show(e.power), "P = alpha t + beta"});
    table.add_row({"energy per bit",
                   number(value_in<nanojoule_per_bit_unit>(e.energy_per_bit)) + " nJ/bit",
                   "P/t, tail excluded"});
    table.add_row({"promotion", show(e.promotion), "P_pro T_pro"});
    table.add_row({"transfer", show(e.transfer), "P S/t"});
    table.add_row({"tail", show(e.tail), "P_tail T_tail"});
    table.add_row({"energy", show(e.total), "promotion + transfer + tail"});
    report.text = std::string(radio.name) + ", " + show(flags->size) + " " + flags->direction +
                  " at " + show(e.throughput) + "\n" + table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "radio",
     .summary = "Energy of one radio transfer: promotion, transfer, tail, joules per bit",
     .order = 90,
     .define = define});

}  // namespace
}  // namespace paradox::cli::radio_command
