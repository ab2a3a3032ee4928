#include "paradox_lab/scenario.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "paradox/units/parse.hpp"
#include "paradox_text/errors.hpp"

namespace paradox::lab {

namespace {

using text::Field;

const std::vector<std::string> top_level_keys = {"description", "track", "network", "controls"};
const std::vector<std::string> track_keys_allowed = {
    "base",          "key",          "name",
    "role",          "story",        "worker_noun",
    "worker_plural", "fleet_size",   "workers_per_node",
    "model",         "sync_payload", "compute_time_one_worker",
    "provenance",    "global_batch", "batch_unit"};
const std::vector<std::string> network_names = {"slow", "fast", "intra_node"};
const std::vector<std::string> nic_keys = {"name",   "key",     "bandwidth",    "latency",
                                           "source", "aliases", "nics_per_node"};
const std::vector<std::string> intra_node_keys = {"name", "key", "bandwidth", "latency", "source"};

// Limits of the counts a scenario may set: the scaling models accept 10^7 accelerators, and a
// walk-through looks one node past its fleet.
constexpr int max_per_node = 1024;
constexpr int max_fleet = 10'000'000 - max_per_node;

bool contains(const std::vector<std::string>& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// "scenario FILE:LINE", who speaks in every value error.
std::string location(const std::filesystem::path& path, const toml::source_region& source) {
  return "scenario " + path.string() + ":" + std::to_string(source.begin.line);
}

// A value as an error message shows it: strings quoted, tables and arrays named.
std::string describe_value(const toml::node& node) {
  if (const auto* s = node.as_string()) return "\"" + s->get() + "\"";
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  if (node.is_date() || node.is_time() || node.is_date_time()) return "a date or time";
  if (const auto* i = node.as_integer()) {
    const std::int64_t v = i->get();
    // The integer formats are values (binary 1, octal 2, hexadecimal 3), not separate bits.
    const auto format = i->flags() & toml::value_flags::format_as_hexadecimal;
    int base = 10;
    std::string prefix;
    if (format == toml::value_flags::format_as_hexadecimal) {
      base = 16;
      prefix = "0x";
    } else if (format == toml::value_flags::format_as_octal) {
      base = 8;
      prefix = "0o";
    } else if (format == toml::value_flags::format_as_binary) {
      base = 2;
      prefix = "0b";
    }
    char buffer[80];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, base);
    std::string digits(buffer, r.ptr);
    if (!digits.empty() && digits.front() == '-') return "-" + prefix + digits.substr(1);
    return prefix + digits;
  }
  if (const auto* f = node.as_floating_point()) {
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, f->get());
    std::string number(buffer, r.ptr);
    // A TOML float is never a whole number: 64.0 stays "64.0", not "64".
    if (number.find_first_of(".eni") == std::string::npos) number += ".0";
    return number;
  }
  if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
  return "an unsupported value";
}

// The value as a flag would receive it: strings as written, anything else as describe_value
// spells it (so that the flag's reader names it in its error).
std::string flag_text(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  return describe_value(node);
}

[[noreturn]] void unknown_key(const std::filesystem::path& path, const toml::key& key,
                              const std::string& dotted, const std::vector<std::string>& known) {
  text::reject(Field{location(path, key.source()), dotted},
               "be a known key (" + text::join(known, ", ") + ")", "unknown key");
}

void check_keys(const std::filesystem::path& path, const toml::table& table,
                const std::string& prefix, const std::vector<std::string>& known) {
  for (auto&& [key, node] : table) {
    if (!contains(known, key.str())) unknown_key(path, key, prefix + std::string(key.str()), known);
  }
}

// Reads the keys of one table of the file: each getter returns nullopt when the key is absent
// and throws usage_error naming FILE:LINE and the key when its value breaks the rule.
class Reader {
 public:
  Reader(const std::filesystem::path& path, const toml::table& root) : path_(path), root_(root) {}

  [[nodiscard]] const toml::node* node(std::string_view key) const {
    return root_.at_path(key).node();
  }
  [[nodiscard]] Field field(std::string_view key) const {
    return {location(path_, node(key)->source()), std::string(key)};
  }
  [[nodiscard]] std::optional<std::string> text(std::string_view key) const {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    const auto* s = n->as_string();
    // Empty text would print as nothing, and a track key names the figure files.
    if (s == nullptr || s->get().empty())
      text::reject(field(key), "be a non-empty string", describe_value(*n));
    return s->get();
  }
  [[nodiscard]] std::optional<int> count(std::string_view key, int lo, int hi) const {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    return text::parse_count(flag_text(*n), field(key), lo, hi);
  }
  [[nodiscard]] std::optional<double> number(std::string_view key, double lo, double hi) const {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    return text::parse_number(flag_text(*n), field(key), lo, hi);
  }
  template <class Q>
  [[nodiscard]] std::optional<Q> quantity(std::string_view key, sign_rule sign) const {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    return text::parse_quantity<Q>(flag_text(*n), field(key), sign);
  }
  [[nodiscard]] std::optional<std::vector<std::string>> words(std::string_view key) const {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    const auto* array = n->as_array();
    if (array == nullptr) text::reject(field(key), "be an array of strings", describe_value(*n));
    std::vector<std::string> out;
    for (const toml::node& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr || normalise(s->get()).empty())
        text::reject({location(path_, item.source()), std::string(key)},
                     "be an array of non-empty strings", describe_value(item));
      out.push_back(normalise(s->get()));
    }
    return out;
  }

 private:
  const std::filesystem::path& path_;
  const toml::table& root_;
};

}  // namespace

Scenario Scenario::load(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw text::usage_error(
        "--scenario: cannot read " + path.string() +
        (std::filesystem::exists(path, ec) ? " (not a regular file)" : " (no such file)"));
  if (!std::ifstream(path).is_open())
    throw text::usage_error("--scenario: cannot read " + path.string() + " (permission denied)");
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    std::replace(what.begin(), what.end(), '\n', ' ');
    throw text::usage_error("scenario " + path.string() + ":" +
                            std::to_string(e.source().begin.line) + ":" +
                            std::to_string(e.source().begin.column) + ": " + what);
  }
  Scenario scenario(path, std::move(root));
  const Reader read(path, scenario.root_);
  const auto must_be_table = [&](const toml::node& node, const std::string& dotted) {
    if (!node.is_table())
      text::reject({location(path, node.source()), dotted}, "be a table", describe_value(node));
  };
  for (auto&& [key, node] : scenario.root_) {
    const std::string name(key.str());
    if (!contains(top_level_keys, name)) unknown_key(path, key, name, top_level_keys);
    if (name != "description") must_be_table(node, name);
  }
  (void)scenario.description();
  if (const auto* track = scenario.root_["track"].as_table())
    check_keys(path, *track, "track.", track_keys_allowed);
  if (const auto* networks = scenario.root_["network"].as_table()) {
    for (auto&& [key, node] : *networks) {
      const std::string dotted = "network." + std::string(key.str());
      if (!contains(network_names, key.str())) unknown_key(path, key, dotted, network_names);
      must_be_table(node, dotted);
      check_keys(path, *node.as_table(), dotted + ".",
                 key.str() == "intra_node" ? intra_node_keys : nic_keys);
    }
  }
  if (const auto base = scenario.base_track(); base && !contains(track_keys(), *base))
    text::reject(read.field("track.base"), "be one of " + track_key_spellings(),
                 "\"" + *base + "\"");
  return scenario;
}

std::optional<std::string> Scenario::base_track() const {
  return Reader(path_, root_).text("track.base");
}

std::optional<std::string> Scenario::description() const {
  return Reader(path_, root_).text("description");
}

std::optional<Scenario::Control> Scenario::control(std::string_view key) const {
  const std::string dotted = "controls." + std::string(key);
  const toml::node* node = root_.at_path(dotted).node();
  if (node == nullptr) return std::nullopt;
  return Control{flag_text(*node), {location(path_, node->source()), dotted}};
}

std::vector<Scenario::Control> Scenario::control_list(std::string_view key) const {
  const std::string dotted = "controls." + std::string(key);
  const toml::node* node = root_.at_path(dotted).node();
  std::vector<Control> out;
  if (node == nullptr) return out;
  if (const auto* array = node->as_array()) {
    for (const toml::node& item : *array)
      out.push_back({flag_text(item), {location(path_, item.source()), dotted}});
    return out;
  }
  out.push_back({flag_text(*node), {location(path_, node->source()), dotted}});
  return out;
}

void Scenario::check_controls(const std::vector<std::string>& known) const {
  if (const auto* controls = root_["controls"].as_table())
    check_keys(path_, *controls, "controls.", known);
}

LabTrack Scenario::apply(LabTrack lab) const {
  const Reader read(path_, root_);
  catalog::Track& t = lab.track;
  const auto keep = [&](std::string_view& target, const char* key) {
    if (auto v = read.text(key)) target = lab.text.keep(*v);
  };
  keep(t.key, "track.key");
  keep(t.name, "track.name");
  keep(t.role, "track.role");
  keep(t.story, "track.story");
  if (auto v = read.text("track.worker_noun")) {
    t.worker_noun = lab.text.keep(*v);
    lab.worker_plural = plural_of(*v);
  }
  if (auto v = read.text("track.worker_plural")) lab.worker_plural = *v;
  keep(t.model_key, "track.model");
  keep(t.provenance.source, "track.provenance");
  keep(t.workload.batch_unit, "track.batch_unit");
  if (auto v = read.number("track.global_batch", 0.0, 1e18)) t.workload.global_batch = *v;
  if (auto v = read.quantity<Bytes>("track.sync_payload", sign_rule::non_negative))
    t.sync_payload = *v;
  if (auto v = read.quantity<Seconds>("track.compute_time_one_worker", sign_rule::positive))
    t.compute_time_one_worker = *v;

  // The figure plots samples per second: the ideal throughput of the largest fleet must be a
  // finite number.
  if (!std::isfinite(max_fleet * t.workload.global_batch /
                     value_in<second_unit>(t.compute_time_one_worker))) {
    const std::string key = read.node("track.compute_time_one_worker")
                                ? "track.compute_time_one_worker"
                                : "track.global_batch";
    text::reject(read.field(key), "give a finite throughput (global_batch / compute time)",
                 describe_value(*read.node(key)));
  }

  // The fleet: workers per node and the number of workers, the same on both networks.
  const int fleet = read.count("track.fleet_size", 1, max_fleet).value_or(catalog::fleet_size(t));
  const std::optional<int> per_node = read.count("track.workers_per_node", 1, max_per_node);
  const int g = per_node.value_or(t.slow.node.accelerators_per_node);
  if (fleet % g != 0) {
    const std::string key =
        read.node("track.fleet_size") ? "track.fleet_size" : "track.workers_per_node";
    text::reject(read.field(key),
                 "make whole nodes (" + std::to_string(fleet) + " workers in nodes of " +
                     std::to_string(g) + ")",
                 std::to_string(fleet) + " / " + std::to_string(g));
  }

  const std::string file = "scenario " + path_.filename().string();
  const auto link = [&](Link& l, const std::string& prefix) {
    keep(l.name, (prefix + "name").c_str());
    keep(l.key, (prefix + "key").c_str());
    const auto bandwidth = read.quantity<Bandwidth>(prefix + "bandwidth", sign_rule::positive);
    const auto latency = read.quantity<Seconds>(prefix + "latency", sign_rule::non_negative);
    if (bandwidth) l.bandwidth = *bandwidth;
    if (latency) l.latency = *latency;
    if (auto v = read.text(prefix + "source")) {
      l.provenance = {.source = lab.text.keep(*v), .kind = SourceKind::didactic_assumption};
    } else if (bandwidth || latency) {
      // The catalog's source no longer describes the edited figures.
      l.provenance = {.source = lab.text.keep(file), .kind = SourceKind::didactic_assumption};
    }
  };
  for (Cluster* c : {&t.slow, &t.fast}) {
    c->node.accelerators_per_node = g;
    c->nodes = fleet / g;
    // A node keeps its NICs, but a smaller node does not keep more NICs than workers.
    if (per_node) c->node.nics_per_node = std::min(c->node.nics_per_node, g);
    link(c->node.intra_node, "network.intra_node.");
  }
  for (const NetworkChoice choice : {NetworkChoice::slow, NetworkChoice::fast}) {
    Cluster& c = choice == NetworkChoice::slow ? t.slow : t.fast;
    const std::string prefix = "network." + std::string(to_string(choice)) + ".";
    auto& aliases = lab.aliases[choice == NetworkChoice::slow ? 0 : 1];
    const bool renamed = read.node(prefix + "name") != nullptr;
    link(c.node.nic, prefix);
    if (auto v = read.count(prefix + "nics_per_node", 1, max_per_node)) c.node.nics_per_node = *v;
    if (auto words = read.words(prefix + "aliases")) {
      aliases = *words;
    } else if (renamed) {
      aliases.clear();  // the old names no longer describe this link
    }
    if (renamed) aliases.push_back(normalise(c.node.nic.name));
    if (!c.node.nic.key.empty()) aliases.push_back(normalise(c.node.nic.key));
  }
  // Several workers per node exchange gradients inside the node: that needs a link there.
  if (per_node && g > 1 && !(t.slow.node.intra_node.bandwidth > 0.0 * bytes_per_second)) {
    text::reject(read.field("track.workers_per_node"),
                 "be 1 unless [network.intra_node] gives the link inside a node a bandwidth",
                 std::to_string(g));
  }
  return lab;
}

}  // namespace paradox::lab
