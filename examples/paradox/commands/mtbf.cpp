// `paradox mtbf`: the MTBF of a node from its components' MTTFs and of a fleet of such nodes,
// and, with --window, the chance of a failure in that window.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/reliability/reliability.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::mtbf_command {
namespace {

// Counts of a kind of component in one node, and of nodes in a fleet.
constexpr int max_count = 1'000'000'000;

struct Flags {
  std::vector<std::string> components;
  int nodes = 1;
  Seconds window{};
};

// Parts of NAME:COUNT:MTTF, each read strictly; the whole value is quoted when the shape is
// wrong.
reliability::Component parse_component(const std::string& prefix, const std::string& text,
                                       std::vector<std::string>& names) {
  const std::string shape = "be NAME:COUNT:MTTF, e.g. gpu:8:50000h";
  const std::size_t first = text.find(':');
  const std::size_t second = first == std::string::npos ? first : text.find(':', first + 1);
  if (second == std::string::npos || text.find(':', second + 1) != std::string::npos)
    reject(prefix, "--component", shape, text);
  const std::string name = text.substr(0, first);
  if (name.empty()) reject(prefix, "--component NAME", "be non-empty", text);
  for (const std::string& seen : names)
    if (seen == name) reject(prefix, "--component NAME", "be unique", name);
  names.push_back(name);
  const int count = text::parse_count(std::string_view(text).substr(first + 1, second - first - 1),
                                      {prefix, "--component COUNT"}, 1, max_count);
  const Seconds mttf = text::parse_quantity<Seconds>(std::string_view(text).substr(second + 1),
                                                     {prefix, "--component MTTF"}, Sign::positive);
  return {.name = {}, .count = count, .mttf = mttf};
}

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  app.add_option("--component", flags->components,
                 "A kind of component in one node, NAME:COUNT:MTTF (repeatable): the name, how "
                 "many one node holds, and the mean time to failure of one, a plain number in "
                 "seconds or 50000h, 2.5e9s")
      ->type_name("NAME:COUNT:MTTF")
      ->allow_extra_args(false)
      ->required();
  add_count(app, "--nodes", flags->nodes, "Nodes in the fleet; any node's failure stops the job "
            "(default: 1)", 1, max_count);
  CLI::Option* window = add_quantity(
      app, "--window", flags->window,
      "Also report the chance of at least one failure of the fleet in this window (a job, a "
      "day) (default: none)");
  app.footer(
      "JSON keys: node_mtbf_s = 1 / sum(COUNT/MTTF) over the components (a series system); "
      "fleet_mtbf_s = node_mtbf_s / --nodes; nodes; components (array of name, count, mttf_s, "
      "rate_share = the component's share of the node's failure rate); with --window: "
      "window_s, failure_probability = 1 - exp(-window/fleet MTBF), expected_failures = "
      "window / fleet MTBF.");

  return [flags, prefix, window]() -> Report {
    std::vector<std::string> names;
    std::vector<reliability::Component> parts;
    for (const std::string& text : flags->components)
      parts.push_back(parse_component(prefix, text, names));
    for (std::size_t i = 0; i < parts.size(); ++i) parts[i].name = names[i];

    const reliability::FleetReliability r = reliability::evaluate(
        {.node_components = parts, .nodes = flags->nodes, .window = flags->window});

    Report report;
    report.json["node_mtbf_s"] = value_in<second_unit>(r.node_mtbf);
    report.json["fleet_mtbf_s"] = value_in<second_unit>(r.fleet_mtbf);
    report.json["nodes"] = flags->nodes;
    report.json["components"] = nlohmann::json::array();
    Table table({"component", "count", "MTTF", "share of failures"});
    for (const reliability::Component& c : parts) {
      const double share = static_cast<double>(c.count) * value_in<second_unit>(r.node_mtbf) /
                           value_in<second_unit>(c.mttf);
      report.json["components"].push_back({{"name", std::string(c.name)},
                                           {"count", c.count},
                                           {"mttf_s", value_in<second_unit>(c.mttf)},
                                           {"rate_share", share}});
      table.add_row({std::string(c.name), std::to_string(c.count), show(c.mttf), number(share, 4)});
    }
    report.text = table.render() + "node MTBF: " + show(r.node_mtbf) + " (" +
                  number(value_in<hour_unit>(r.node_mtbf), 6) + " h)\nfleet MTBF (" +
                  std::to_string(flags->nodes) + " nodes): " + show(r.fleet_mtbf) + " (" +
                  number(value_in<hour_unit>(r.fleet_mtbf), 6) + " h)\n";
    if (window->count() > 0) {
      report.json["window_s"] = value_in<second_unit>(flags->window);
      report.json["failure_probability"] = r.failure_probability;
      report.json["expected_failures"] = r.expected_failures;
      report.text += "in " + show(flags->window) + ": P(at least one failure) = " +
                     number(r.failure_probability, 4) + ", expected failures = " +
                     number(r.expected_failures, 4) + "\n";
    }
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "mtbf",
     .summary = "Node and fleet MTBF from component MTTFs, and the chance of a failure in a window",
     .order = 71,
     .define = define});

}  // namespace
}  // namespace paradox::cli::mtbf_command
