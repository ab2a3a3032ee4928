#include "paradox/compute/recomputation.hpp"

#include <catch2/catch.hpp>

using namespace paradox::compute;

TEST_CASE("recomputations have CLI spellings that parse back", "[compute][recomputation]") {
  STATIC_REQUIRE(to_string(Recomputation::none) == "none");
  STATIC_REQUIRE(to_string(Recomputation::selective) == "selective");
  STATIC_REQUIRE(to_string(Recomputation::full) == "full");
  for (Recomputation r : all_recomputations) CHECK(parse_recomputation(to_string(r)) == r);
  CHECK_FALSE(parse_recomputation("Full").has_value());
  CHECK_FALSE(parse_recomputation("").has_value());
  CHECK(to_string(static_cast<Recomputation>(7)) == "unknown");
}
