#include "paradox/hardware/provenance.hpp"

#include <catch2/catch.hpp>

using namespace paradox;

TEST_CASE("source kinds have human spellings", "[hardware][provenance]") {
  STATIC_REQUIRE(to_string(SourceKind::datasheet) == "datasheet");
  STATIC_REQUIRE(to_string(SourceKind::paper) == "paper");
  STATIC_REQUIRE(to_string(SourceKind::measured) == "measured");
  STATIC_REQUIRE(to_string(SourceKind::didactic_assumption) == "didactic assumption");
}

TEST_CASE("a provenance defaults to a didactic assumption", "[hardware][provenance]") {
  constexpr Provenance p{.source = "my notebook"};
  STATIC_REQUIRE(p.kind == SourceKind::didactic_assumption);
  REQUIRE_NOTHROW(validate("test", p));
}

TEST_CASE("a provenance without a source is rejected", "[hardware][provenance]") {
  REQUIRE_THROWS_AS(validate("link", Provenance{}), invalid_input);
  REQUIRE_THROWS_WITH(validate("link", Provenance{}),
                      "link: provenance.source must be non-empty (got \"\")");
}

namespace {
// An entry whose bandwidth comes from a datasheet and whose latency is an assumption.
constexpr Provenance nic{
    .source = "vendor datasheet, table 2",
    .kind = SourceKind::datasheet,
    .figures = {{{"latency", "didactic assumption: a round figure", SourceKind::didactic_assumption},
                 {"tdp", "measured maximum power", SourceKind::measured}}}};
}  // namespace

TEST_CASE("source_of gives a listed figure its own source and kind", "[hardware][provenance]") {
  STATIC_REQUIRE(source_of(nic, "latency").kind == SourceKind::didactic_assumption);
  STATIC_REQUIRE(source_of(nic, "latency").source == "didactic assumption: a round figure");
  STATIC_REQUIRE(source_of(nic, "latency").figure == "latency");
  STATIC_REQUIRE(source_of(nic, "tdp").kind == SourceKind::measured);
}

TEST_CASE("source_of falls back to the entry's source for an unlisted figure",
          "[hardware][provenance]") {
  constexpr FigureSource bandwidth = source_of(nic, "bandwidth");
  STATIC_REQUIRE(bandwidth.kind == SourceKind::datasheet);
  STATIC_REQUIRE(bandwidth.source == "vendor datasheet, table 2");
  STATIC_REQUIRE(bandwidth.figure == "bandwidth");
  // Names match exactly: no prefix, case or empty-name match reaches a listed figure.
  STATIC_REQUIRE(source_of(nic, "lat").kind == SourceKind::datasheet);
  STATIC_REQUIRE(source_of(nic, "Latency").kind == SourceKind::datasheet);
  STATIC_REQUIRE(source_of(nic, "").kind == SourceKind::datasheet);
  // Without any exception every figure is the entry's.
  constexpr Provenance plain{.source = "paper, table 1", .kind = SourceKind::paper};
  STATIC_REQUIRE(source_of(plain, "latency").kind == SourceKind::paper);
}

TEST_CASE("a per-figure entry must name its figure and its source", "[hardware][provenance]") {
  REQUIRE_NOTHROW(validate("link", nic));
  Provenance unnamed = nic;
  unnamed.figures[2] = {"", "a source for no figure", SourceKind::measured};
  REQUIRE_THROWS_WITH(validate("link", unnamed),
                      "link: provenance.figures.figure must be non-empty (got \"\")");
  Provenance unsourced = nic;
  unsourced.figures[2] = {"energy_per_bit", "", SourceKind::measured};
  REQUIRE_THROWS_WITH(validate("link", unsourced),
                      "link: provenance.figures.source must be non-empty (got \"\")");
  // An entry's own source is checked before its figures.
  Provenance no_source = nic;
  no_source.source = "";
  REQUIRE_THROWS_WITH(validate("link", no_source),
                      "link: provenance.source must be non-empty (got \"\")");
}

TEST_CASE("a source kind outside the enumeration is spelled unknown", "[hardware][provenance]") {
  STATIC_REQUIRE(to_string(static_cast<SourceKind>(42)) == "unknown");
}
