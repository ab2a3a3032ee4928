// Shared by the catalog tests: pin a catalog figure to the value its source states, and pin the
// kind of that source, so that a wrong digit or a relabel is a visible test failure.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "paradox/hardware/provenance.hpp"

namespace paradox::test {

/// A figure whose source kind differs from the entry's headline kind, as the test expects it.
struct KindException {
  std::string_view figure{};
  SourceKind kind = SourceKind::didactic_assumption;
};

/// Checks one stored figure against the value retyped from its source. `relative` is the
/// tolerance the source's printed digits allow; an expected zero must be stored as exactly zero.
inline void check_figure(std::string_view key, std::string_view figure, double stored,
                         double expected, double relative = 1e-12) {
  INFO(std::string(key) + " " + std::string(figure));
  if (expected == 0.0) {
    CHECK(stored == 0.0);
  } else {
    CHECK_THAT(stored, Catch::Matchers::WithinRel(expected, relative));
  }
}

/// The kind the test expects for `figure`: its exception if listed, else the headline kind.
inline SourceKind expected_kind(SourceKind headline, std::span<const KindException> exceptions,
                                std::string_view figure) {
  for (const KindException& e : exceptions)
    if (!e.figure.empty() && e.figure == figure) return e.kind;
  return headline;
}

/// Pins the kind of every figure of an entry (read through source_of(), as the calculator
/// does), and checks that every per-figure exception in the provenance names one of these
/// figures: a misspelt figure name would otherwise silently fall back to the headline source.
inline void check_kinds(std::string_view key, const Provenance& p,
                        std::initializer_list<std::string_view> figures, SourceKind headline,
                        std::span<const KindException> exceptions = {}) {
  INFO(std::string(key));
  CHECK(to_string(p.kind) == to_string(headline));
  for (std::string_view figure : figures) {
    INFO(std::string(figure));
    const FigureSource f = source_of(p, figure);
    CHECK(to_string(f.kind) == to_string(expected_kind(headline, exceptions, figure)));
    CHECK_FALSE(f.source.empty());
  }
  for (const FigureSource& f : p.figures) {
    if (f.figure.empty()) continue;
    INFO("provenance.figures names \"" + std::string(f.figure) + "\"");
    CHECK(std::find(figures.begin(), figures.end(), f.figure) != figures.end());
  }
}

/// Every preset of `presets` has exactly one row in `rows` (matched by key) and vice versa, so a
/// preset added to the catalog without a pinned row fails.
template <class Presets, class Rows>
void check_rows_cover(const Presets& presets, const Rows& rows) {
  CHECK(std::size(rows) == std::size(presets));
  for (const auto& preset : presets) {
    INFO("catalog preset without a pinned row: " + std::string(preset.key));
    CHECK(std::count_if(std::begin(rows), std::end(rows),
                        [&](const auto& row) { return row.key == preset.key; }) == 1);
  }
}

}  // namespace paradox::test
