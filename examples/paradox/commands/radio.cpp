// `paradox radio`: the time and energy of one transfer over a radio preset (Huang et al.'s
// power model with promotion and tail), and the energy per bit at a throughput.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "paradox/catalog/radio_links.hpp"
#include "paradox/energy/radio_energy.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli {
namespace {

struct Flags {
  std::string link;
  Bytes size{};
  std::string direction = "up";
  Bandwidth throughput{};
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  std::vector<std::string> links;
  for (const RadioLink& r : catalog::radio_links) links.emplace_back(r.key);
  add_choice(app, "--link", flags->link,
             "The radio (catalog presets): lte, wifi and 3g with Huang et al. 2012's power "
             "model, 5g-lowband and 5g-mmwave (didactic, after Narayanan et al. 2021), wifi6, "
             "ble-1m and ble-2m (nRF52840 datasheet currents)",
             links)
      ->required();
  add_quantity(app, "--size", flags->size, "S, the bytes to move (0 moves nothing)",
               Sign::non_negative)
      ->required();
  add_choice(app, "--direction", flags->direction,
             "up (the device sends: alpha_u, the radio's uplink) or down (default: up)",
             {"up", "down"});
  CLI::Option* throughput = add_quantity(
      app, "--throughput", flags->throughput,
      "t, the throughput of the transfer (default: the radio's uplink or downlink)");
  app.footer(
      "JSON keys: time_s = promotion + latency + S/t, energy_j = promotion + transfer + tail, "
      "joules_per_bit = P(t)/t = alpha + beta/t (the transfer's energy over its bits, tail and "
      "promotion excluded), tail_energy_j = P_tail T_tail; also transfer_energy_j = P(t) S/t, "
      "promotion_energy_j, power_w = P(t), throughput_bytes_per_s, airtime_s = S/t, link, "
      "direction, size_bytes. Power model P = alpha_u t_u + alpha_d t_d + beta (Huang et al. "
      "2012, MobiSys). A transfer of 0 bytes wakes nothing and costs nothing.");

  return [flags, throughput]() -> Report {
    const RadioLink& radio = catalog::radio_link(flags->link);
    const energy::Direction direction =
        flags->direction == "down" ? energy::Direction::down : energy::Direction::up;
    energy::RadioTransfer in{.radio = radio, .size = flags->size, .direction = direction};
    if (throughput->count() > 0) in.throughput = flags->throughput;
    const energy::RadioTransferEnergy e = energy::evaluate(in);

    Report report;
    report.json["link"] = flags->link;
    report.json["direction"] = flags->direction;
    report.json["size_bytes"] = value_in<byte_unit>(flags->size);
    report.json["throughput_bytes_per_s"] = value_in<bytes_per_second_unit>(e.throughput);
    report.json["time_s"] = value_in<second_unit>(e.time);
    report.json["airtime_s"] = value_in<second_unit>(e.airtime);
    report.json["power_w"] = value_in<watt_unit>(e.power);
    report.json["joules_per_bit"] = value_in<joule_per_bit_unit>(e.energy_per_bit);
    report.json["promotion_energy_j"] = value_in<joule_unit>(e.promotion);
    report.json["transfer_energy_j"] = value_in<joule_unit>(e.transfer);
    report.json["tail_energy_j"] = value_in<joule_unit>(e.tail);
    report.json["energy_j"] = value_in<joule_unit>(e.total);

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
}  // namespace paradox::cli
