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

/// JSON writer: the quantity under `key`, in the unit it is stored in (s, J, B, B/s, W).
template <class Dimension>
void put(nlohmann::json& json, const char* key, const units::quantity_of<Dimension>& q) {
  json[key] = value_in<units::unit_of<Dimension>>(q);
}
/// Energy per bit in J/bit (the `joules_per_bit` keys), not in the stored J/B.
inline void put(nlohmann::json& json, const char* key, JoulesPerBit q) {
  json[key] = value_in<joule_per_bit_unit>(q);
}

}  // namespace paradox::cli::radio_flags
