/// @file
/// @brief Lookup of a catalog entry by its lower-case key, with an error listing valid keys.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include "paradox/error.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief Comma-separated keys of `entries` ("h100-sxm, h200, a100-80gb"), for error
/// messages and listings.
/// @tparam Range any range of structs with a `key` member
/// @param entries the entries, e.g. a catalog array
/// @return their keys in range order, separated by ", "; empty for an empty range
template <class Range>
[[nodiscard]] std::string list_keys(const Range& entries) {
  std::string keys;
  for (const auto& e : entries) {
    if (!keys.empty()) keys += ", ";
    keys += e.key;
  }
  return keys;
}

/// @brief The entry of `entries` whose key equals `key`, or nullptr (never throws).
/// @tparam Range any range of structs with a `key` member
/// @param entries the entries, e.g. a catalog array
/// @param key the lower-case key; the match is exact and case-sensitive
/// @return a pointer to the first matching entry inside `entries`, or nullptr when none matches
/// @see find_by_key, which throws instead of returning nullptr
template <class Range>
[[nodiscard]] constexpr auto find_key(const Range& entries, std::string_view key) noexcept
    -> decltype(&*std::begin(entries)) {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

/// @brief The entry of `entries` whose key equals `key`.
/// @tparam Range any range of structs with a `key` member
/// @param entries a range of structs with a `key` member (a catalog array)
/// @param key the lower-case key, e.g. "h100-sxm"; the match is exact and case-sensitive
/// @param what the kind of entry, for the message ("accelerator")
/// @return a reference to the first matching entry inside `entries` (valid as long as
///   `entries` is; the catalog arrays are `inline constexpr`, so forever)
/// @throws invalid_input listing every valid key when none matches:
///   "catalog: accelerator must be one of h100-sxm, h200, ... (got "foo")"
template <class Range>
[[nodiscard]] const auto& find_by_key(const Range& entries, std::string_view key,
                                      std::string_view what) {
  if (const auto* e = find_key(entries, key)) return *e;
  throw invalid_input("catalog", what, "be one of " + list_keys(entries),
                      "\"" + std::string(key) + "\"");
}

/// @}

}  // namespace paradox::catalog
