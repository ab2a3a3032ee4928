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
