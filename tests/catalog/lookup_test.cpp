#include "paradox/catalog/lookup.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string_view>

using namespace paradox;

namespace {
struct Entry {
  std::string_view key;
  int value;
};
constexpr std::array<Entry, 3> entries{{{"a", 1}, {"b", 2}, {"c-d", 3}}};
}  // namespace

TEST_CASE("find_by_key returns the entry with that key", "[catalog][lookup]") {
  REQUIRE(catalog::find_by_key(entries, "b", "entry").value == 2);
  REQUIRE(&catalog::find_by_key(entries, "c-d", "entry") == &entries[2]);
}

TEST_CASE("an unknown key lists every valid key", "[catalog][lookup]") {
  REQUIRE(catalog::list_keys(entries) == "a, b, c-d");
  REQUIRE_THROWS_AS(catalog::find_by_key(entries, "z", "entry"), invalid_input);
  REQUIRE_THROWS_WITH(catalog::find_by_key(entries, "z", "entry"),
                      "catalog: entry must be one of a, b, c-d (got \"z\")");
}

TEST_CASE("lookup is exact: case and whitespace matter", "[catalog][lookup]") {
  REQUIRE_THROWS_AS(catalog::find_by_key(entries, "A", "entry"), invalid_input);
  REQUIRE_THROWS_AS(catalog::find_by_key(entries, " a", "entry"), invalid_input);
  REQUIRE_THROWS_AS(catalog::find_by_key(entries, "", "entry"), invalid_input);
}

TEST_CASE("find_key returns a pointer to the entry, or nullptr without throwing",
          "[catalog][lookup]") {
  STATIC_REQUIRE(catalog::find_key(entries, "a") == &entries[0]);
  REQUIRE(catalog::find_key(entries, "c-d") == &entries[2]);
  REQUIRE(catalog::find_key(entries, "z") == nullptr);
  REQUIRE(catalog::find_key(entries, "") == nullptr);
}
