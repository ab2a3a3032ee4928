/// @file
/// @brief Provenance: where a catalog figure comes from (source text + kind of source).
#pragma once

#include <array>
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

/// @brief Where one figure of an entry comes from, when it differs from the entry's source.
///
/// `figure` names the struct field it describes ("latency", "energy_per_bit", "hbm_capacity").
struct FigureSource {
  std::string_view figure{};  ///< the field name, e.g. "latency"; empty = unused slot
  std::string_view source{};  ///< document and table, or the reasoning behind an assumption
  SourceKind kind = SourceKind::didactic_assumption;  ///< the kind of that source
};

/// @brief Where an entry's figures come from: one source for the entry, and the figures whose
/// source or kind differ from it.
///
/// `source` names the document and the table / equation / page, and says how derived figures
/// were derived; `kind` classifies it and is the kind of the entry's headline figures.
/// `figures` lists the exceptions: a link whose bandwidth is a datasheet figure but whose
/// latency and energy per bit are didactic assumptions lists "latency" and "energy_per_bit"
/// there, so that every figure has its own kind (source_of()).
struct Provenance {
  std::string_view source{};  ///< document, table or equation; derivation of derived figures
  SourceKind kind = SourceKind::didactic_assumption;  ///< the kind of that source
  std::array<FigureSource, 8> figures{};  ///< per-figure exceptions; unused slots are empty
};

/// @brief The source and kind of one figure: its entry in `p.figures`, else the entry's own.
/// @param p the entry's provenance
/// @param figure the field name, e.g. "latency"
/// @return the figure's source text and kind (its `figures` slot is not used)
[[nodiscard]] constexpr FigureSource source_of(const Provenance& p,
                                               std::string_view figure) noexcept {
  for (const FigureSource& f : p.figures)
    if (!f.figure.empty() && f.figure == figure) return f;
  return {figure, p.source, p.kind};
}

/// @brief Throws unless the provenance names a source, and every per-figure entry names its
/// figure and its source.
/// @param function the caller, for the error message
/// @param p the provenance to check
/// @throws invalid_input "function: provenance.source must be non-empty (got "")"
constexpr void validate(std::string_view function, const Provenance& p) {
  require_non_empty(function, "provenance.source", p.source);
  for (const FigureSource& f : p.figures) {
    if (f.figure.empty() && f.source.empty()) continue;
    require_non_empty(function, "provenance.figures.figure", f.figure);
    require_non_empty(function, "provenance.figures.source", f.source);
  }
}

/// @}

}  // namespace paradox
