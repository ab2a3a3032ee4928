/// @file
/// @brief What `paradox radio` and `paradox federated` share: the `--link` flag over the radio
/// presets of the catalog (catalog/radio_links.hpp), the preset it names, and the JSON writers
/// of their times, energies, sizes, rates and powers in SI units (s, J, B, B/s, W, J/bit).
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "paradox/catalog/radio_links.hpp"
#include "paradox/units.hpp"
#include "shell/flags.hpp"

namespace paradox::cli::radio_flags {

/// The catalog's radio presets, in catalog order: the choices of `--link`.
[[nodiscard]] inline std::vector<std::string> link_keys() {
  std::vector<std::string> keys;
  for (const RadioLink& r : catalog::radio_links) keys.emplace_back(r.key);
  return keys;
}

/// A required `--link` choice among the radio presets, written to `link`.
inline CLI::Option* add_link(CLI::App& app, std::string& link, const std::string& description) {
  return add_choice(app, "--link", link, description, link_keys())->required();
}

/// The preset `--link` named (validated by the choice).
[[nodiscard]] inline const RadioLink& link(const std::string& key) {
  return catalog::radio_link(key);
}

/// JSON writers: each quantity in its SI unit under `key`.
inline void put(nlohmann::json& json, const char* key, Seconds q) {
  json[key] = value_in<second_unit>(q);
}
inline void put(nlohmann::json& json, const char* key, Joules q) {
  json[key] = value_in<joule_unit>(q);
}
inline void put(nlohmann::json& json, const char* key, Bytes q) {
  json[key] = value_in<byte_unit>(q);
}
inline void put(nlohmann::json& json, const char* key, Bandwidth q) {
  json[key] = value_in<bytes_per_second_unit>(q);
}
inline void put(nlohmann::json& json, const char* key, Watts q) {
  json[key] = value_in<watt_unit>(q);
}
inline void put(nlohmann::json& json, const char* key, JoulesPerBit q) {
  json[key] = value_in<joule_per_bit_unit>(q);
}

}  // namespace paradox::cli::radio_flags
