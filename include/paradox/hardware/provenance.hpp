/// @file
/// @brief Provenance: where a catalog figure comes from (source text + kind of source).
#pragma once

#include <string_view>

#include "paradox/error.hpp"

namespace paradox {

/// @addtogroup hardware
/// @{

/// @brief The kind of source a figure comes from, strongest first.
enum class SourceKind {
  datasheet,           ///< vendor datasheet, whitepaper or standard
  paper,               ///< peer-reviewed or widely cited paper (table / equation named)
  measured,            ///< measured on real hardware (tool output, published measurement)
  didactic_assumption  ///< no public source: a round, editable number chosen for teaching
};

/// @brief Human spelling of a SourceKind, as printed in catalog listings and reports.
/// @param kind the kind of source
/// @return "datasheet", "paper", "measured" or "didactic assumption"; "unknown" for a value
///   outside the enumeration (e.g. a cast integer)
[[nodiscard]] constexpr std::string_view to_string(SourceKind kind) noexcept {
  switch (kind) {
    case SourceKind::datasheet:
      return "datasheet";
    case SourceKind::paper:
      return "paper";
    case SourceKind::measured:
      return "measured";
    case SourceKind::didactic_assumption:
      return "didactic assumption";
  }
  return "unknown";
}

/// @brief Where a figure (or a catalog entry's figures) comes from.
///
/// `source` names the document and the table / equation / page, and says how derived figures
/// were derived; `kind` classifies it. An entry whose figures mix kinds uses the kind of its
/// headline figure and names the weaker figures in `source`.
struct Provenance {
  std::string_view source{};  ///< document, table or equation; derivation of derived figures
  SourceKind kind = SourceKind::didactic_assumption;  ///< the kind of that source
};

/// @brief Throws unless the provenance names a source.
/// @param function the caller, for the error message
/// @param p the provenance to check
/// @throws invalid_input "function: provenance.source must be non-empty (got "")"
constexpr void validate(std::string_view function, const Provenance& p) {
  require_non_empty(function, "provenance.source", p.source);
}

/// @}

}  // namespace paradox
