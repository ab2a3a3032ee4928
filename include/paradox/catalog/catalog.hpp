/// @file
/// @brief The catalog umbrella: every preset header, plus lookups across kinds (a link key may
/// name a wired link or a radio's uplink).
#pragma once

#include <string>
#include <string_view>

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/cells.hpp"
#include "paradox/catalog/clusters.hpp"
#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/failure_records.hpp"
#include "paradox/catalog/links.hpp"
#include "paradox/catalog/lookup.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/nodes.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/catalog/tracks.hpp"
#include "paradox/error.hpp"

/// @defgroup catalog Catalog
/// @brief `inline constexpr` presets with provenance: accelerators, links, radios, nodes,
/// models, edge devices, clusters (racks and pods), the four fleet tracks and their part-2
/// layout puzzles.
///
/// Each kind has an `std::array` of every preset (`accelerators`, `links`, `radio_links`,
/// `radio_uplinks`, `nodes`, `transformer_models`, `edge_models`, `edge_devices`, `clusters`,
/// `tracks`, `layout_puzzles`) for
/// listing, and a lookup by lower-case key that throws invalid_input listing the valid keys.
/// Every entry carries a Provenance (source + kind); figures without a public source are
/// marked didactic assumptions and are meant to be edited.

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief The link with this key: a wired link ("ib-ndr", "eth-10g", "nvlink4", ...) or a
/// radio's uplink as a Link ("lte", "5g-lowband", "ble-1m", ...).
/// @param key the lower-case key; wired links are searched first
/// @return a reference to the preset in `links` or `radio_uplinks` (static storage)
/// @throws invalid_input listing every valid link key when the key is unknown:
///   "catalog: link must be one of nvlink3, ..., roce, lte, ..., ble-2m (got "foo")"
/// @see wired_link, radio_link, as_link
[[nodiscard]] inline const Link& link(std::string_view key) {
  if (const Link* l = find_key(links, key)) return *l;
  if (const Link* l = find_key(radio_uplinks, key)) return *l;
  throw invalid_input("catalog", "link",
                      "be one of " + list_keys(links) + ", " + list_keys(radio_uplinks),
                      "\"" + std::string(key) + "\"");
}

/// @brief Whether `key` names a transformer preset (as opposed to an edge model), so that a
/// caller holding a model key knows which lookup to use.
/// @param key the lower-case model key, e.g. "llama3-70b"
/// @return true when transformer_model(key) would succeed; false otherwise (never throws)
/// @see transformer_model, is_edge_model
[[nodiscard]] inline bool is_transformer_model(std::string_view key) noexcept {
  return find_key(transformer_models, key) != nullptr;
}

/// @brief Whether `key` names an edge-model preset.
/// @param key the lower-case model key, e.g. "mobilenetv2"
/// @return true when edge_model(key) would succeed; false otherwise (never throws)
/// @see edge_model, is_transformer_model
[[nodiscard]] inline bool is_edge_model(std::string_view key) noexcept {
  return find_key(edge_models, key) != nullptr;
}

/// @brief Throws unless `key` names a model of either kind (transformer or edge model).
/// @param key the lower-case model key
/// @throws invalid_input listing every valid model key, transformers first:
///   "catalog: model must be one of gpt2-1.5b, ..., noise-profile (got "foo")"
inline void require_model_key(std::string_view key) {
  if (is_transformer_model(key) || is_edge_model(key)) return;
  throw invalid_input("catalog", "model",
                      "be one of " + list_keys(transformer_models) + ", " + list_keys(edge_models),
                      "\"" + std::string(key) + "\"");
}

/// @}

}  // namespace paradox::catalog
