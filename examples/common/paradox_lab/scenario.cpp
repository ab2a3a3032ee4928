#include "paradox_lab/scenario.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/units/parse.hpp"
#include "paradox_lab/error.hpp"

namespace paradox::lab {

namespace {

std::string describe_value(const toml::node& node) {
  if (const auto* s = node.as_string()) return "\"" + s->get() + "\"";
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, f->get());
    return std::string(buffer, r.ptr);
  }
  if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  return "a date or time";
}

bool contains(std::initializer_list<std::string_view> list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// "scenario FILE:LINE", the function part of every value error.
std::string location(const std::filesystem::path& path, const toml::source_region& source) {
  return "scenario " + path.string() + ":" + std::to_string(source.begin.line);
}

[[noreturn]] void throw_unknown_key(const std::filesystem::path& path, const toml::key& key,
                                    const std::string& dotted,
                                    std::initializer_list<std::string_view> known) {
  std::string list;
  for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
  throw invalid_input(location(path, key.source()), dotted, "be a known key (" + list + ")",
                      "unknown key");
}

const std::initializer_list<std::string_view> top_level_keys = {"description", "track", "network",
                                                                "controls"};
const std::initializer_list<std::string_view> track_keys_allowed = {
    "base",          "key",          "name",
    "role",          "story",        "worker_noun",
    "worker_plural", "fleet_size",   "workers_per_node",
    "model",         "sync_payload", "compute_time_one_worker",
    "provenance",    "global_batch", "batch_unit"};
const std::initializer_list<std::string_view> network_names = {"slow", "fast", "intra_node"};
const std::initializer_list<std::string_view> link_keys = {"name",    "key",    "bandwidth",
                                                           "latency", "source", "aliases"};

}  // namespace

std::string Scenario::where(const toml::node& node) const { return location(path_, node.source()); }

Scenario Scenario::load(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw usage_error("--scenario: cannot read " + path.string() + " (no such file)");
#if TOML_EXCEPTIONS
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    std::replace(what.begin(), what.end(), '\n', ' ');
    throw usage_error("scenario " + path.string() + ":" + std::to_string(e.source().begin.line) +
                      ":" + std::to_string(e.source().begin.column) + ": " + what);
  }
#else
  toml::parse_result parsed = toml::parse_file(path.string());
  if (!parsed) {
    std::string what(parsed.error().description());
    std::replace(what.begin(), what.end(), '\n', ' ');
    throw usage_error("scenario " + path.string() + ":" +
                      std::to_string(parsed.error().source().begin.line) + ":" +
                      std::to_string(parsed.error().source().begin.column) + ": " + what);
  }
  toml::table root = std::move(parsed).table();
#endif
  Scenario scenario(path, std::move(root));
  const auto must_be_table = [&](const toml::node& node, const std::string& dotted) {
    if (!node.is_table())
      throw invalid_input(scenario.where(node), dotted, "be a table", describe_value(node));
  };
  for (auto&& [key, node] : scenario.root_) {
    if (!contains(top_level_keys, key.str()))
      throw_unknown_key(path, key, std::string(key.str()), top_level_keys);
    if (key.str() == "description" && !node.is_string())
      throw invalid_input(scenario.where(node), "description", "be a string", describe_value(node));
    if (key.str() == "track" || key.str() == "network" || key.str() == "controls")
      must_be_table(node, std::string(key.str()));
  }
  scenario.check_table("track", track_keys_allowed);
  if (const auto* networks = scenario.root_["network"].as_table()) {
    for (auto&& [key, node] : *networks) {
      const std::string dotted = "network." + std::string(key.str());
      if (!contains(network_names, key.str())) throw_unknown_key(path, key, dotted, network_names);
      must_be_table(node, dotted);
      scenario.check_table(dotted, link_keys);
    }
  }
  if (const auto base = scenario.base_track()) {
    const auto& keys = lab::track_keys();
    if (std::find(keys.begin(), keys.end(), *base) == keys.end())
      throw invalid_input(scenario.where(*scenario.root_.at_path("track.base").node()),
                          "track.base", "be one of " + track_key_spellings(), "\"" + *base + "\"");
  }
  return scenario;
}

std::optional<std::string> Scenario::text(std::string_view key) const {
  const toml::node* node = root_.at_path(key).node();
  if (node == nullptr) return std::nullopt;
  if (const auto* s = node->as_string()) return s->get();
  throw invalid_input(where(*node), key, "be a string", describe_value(*node));
}

std::optional<int> Scenario::integer(std::string_view key, int lo, int hi) const {
  const toml::node* node = root_.at_path(key).node();
  if (node == nullptr) return std::nullopt;
  const auto* i = node->as_integer();
  if (i == nullptr) throw invalid_input(where(*node), key, "be an integer", describe_value(*node));
  const std::int64_t v = i->get();
  if (v < lo || v > hi)
    throw invalid_input(where(*node), key,
                        "be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]",
                        std::to_string(v));
  return static_cast<int>(v);
}

std::optional<double> Scenario::number(std::string_view key, double lo, double hi) const {
  const toml::node* node = root_.at_path(key).node();
  if (node == nullptr) return std::nullopt;
  double v = 0.0;
  if (const auto* f = node->as_floating_point()) {
    v = f->get();
  } else if (const auto* i = node->as_integer()) {
    v = static_cast<double>(i->get());
  } else {
    throw invalid_input(where(*node), key, "be a number", describe_value(*node));
  }
  if (!(v >= lo && v <= hi))
    throw invalid_input(
        where(*node), key,
        "be in [" + paradox::detail::describe(lo) + ", " + paradox::detail::describe(hi) + "]",
        describe_value(*node));
  return v;
}

void Scenario::check_table(std::string_view table_key,
                           std::initializer_list<std::string_view> known) const {
  const auto* table = root_.at_path(table_key).as_table();
  if (table == nullptr) return;
  for (auto&& [key, node] : *table) {
    if (!contains(known, key.str()))
      throw_unknown_key(path_, key, std::string(table_key) + "." + std::string(key.str()), known);
  }
}

std::optional<std::string> Scenario::base_track() const { return text("track.base"); }

std::optional<std::string> Scenario::description() const { return text("description"); }

namespace {

template <class Q>
std::optional<Q> quantity(const toml::table& root, std::string_view key, sign_rule sign,
                          const std::filesystem::path& path) {
  const toml::node* node = root.at_path(key).node();
  if (node == nullptr) return std::nullopt;
  // A bare number is in the base unit (B, s, B/s). Anything else that is not a string goes to
  // parse_quantity as written, so that it phrases the rule ("be a bandwidth such as ...").
  const auto* s = node->as_string();
  const std::string text = s != nullptr ? s->get() : describe_value(*node);
  return parse_quantity<Q>(text, key, {.sign = sign, .function = location(path, node->source())});
}

}  // namespace

LabTrack Scenario::apply(LabTrack t) const {
  if (auto v = text("track.key")) t.key = *v;
  if (auto v = text("track.name")) t.name = *v;
  if (auto v = text("track.role")) t.role = *v;
  if (auto v = text("track.story")) t.story = *v;
  if (auto v = text("track.worker_noun")) {
    t.worker_noun = *v;
    t.worker_plural = plural_of(*v);
  }
  if (auto v = text("track.worker_plural")) t.worker_plural = *v;
  if (auto v = integer("track.fleet_size", 1, 10'000'000)) t.fleet_size = *v;
  if (auto v = integer("track.workers_per_node", 1, 1024)) t.workers_per_node = *v;
  if (auto v = text("track.model")) t.model_key = *v;
  if (auto v = text("track.provenance")) t.provenance = *v;
  if (auto v = number("track.global_batch", 0.0, 1e18)) t.global_batch = *v;
  if (auto v = text("track.batch_unit")) t.batch_unit = *v;
  if (auto v = quantity<Bytes>(root_, "track.sync_payload", sign_rule::non_negative, path_))
    t.sync_payload = *v;
  if (auto v =
          quantity<Seconds>(root_, "track.compute_time_one_worker", sign_rule::positive, path_))
    t.compute_time_one_worker = *v;

  const auto link = [&](std::string_view which, LabLink& l) {
    const std::string prefix = "network." + std::string(which) + ".";
    bool renamed = false;
    if (auto v = text(prefix + "name")) {
      l.name = *v;
      renamed = true;
    }
    if (auto v = text(prefix + "key")) l.key = *v;
    if (auto v = text(prefix + "source")) l.source = *v;
    if (auto v = quantity<Bandwidth>(root_, prefix + "bandwidth", sign_rule::positive, path_))
      l.bandwidth = *v;
    if (auto v = quantity<Seconds>(root_, prefix + "latency", sign_rule::non_negative, path_))
      l.latency = *v;
    if (const toml::node* node = root_.at_path(prefix + "aliases").node()) {
      const auto* array = node->as_array();
      if (array == nullptr)
        throw invalid_input(where(*node), prefix + "aliases", "be an array of strings",
                            describe_value(*node));
      l.aliases.clear();
      for (const toml::node& item : *array) {
        const auto* s = item.as_string();
        if (s == nullptr)
          throw invalid_input(where(item), prefix + "aliases", "be an array of strings",
                              describe_value(item));
        l.aliases.push_back(normalise(s->get()));
      }
    } else if (renamed) {
      l.aliases.clear();  // the old names no longer describe this link
    }
    if (renamed) l.aliases.push_back(normalise(l.name));
    if (!l.key.empty()) l.aliases.push_back(normalise(l.key));
  };
  link("slow", t.slow_network);
  link("fast", t.fast_network);
  link("intra_node", t.intra_node);
  return t;
}

}  // namespace paradox::lab
