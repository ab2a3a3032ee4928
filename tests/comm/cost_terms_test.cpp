#include "paradox/comm/cost_terms.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <climits>

using namespace paradox;
using namespace paradox::comm;
namespace cd = paradox::comm::detail;

TEST_CASE("integer logarithms are exact at and around powers of two") {
  CHECK(cd::ceil_log2(1) == 0);
  CHECK(cd::ceil_log2(2) == 1);
  CHECK(cd::ceil_log2(3) == 2);
  CHECK(cd::ceil_log2(8) == 3);
  CHECK(cd::ceil_log2(9) == 4);
  CHECK(cd::ceil_log2(1 << 20) == 20);
  CHECK(cd::ceil_log2((1 << 20) + 1) == 21);
  CHECK(cd::ceil_log2(1000000) == 20);
  CHECK(cd::ceil_log2(INT_MAX) == 31);
  CHECK(cd::floor_log2(1) == 0);
  CHECK(cd::floor_log2(7) == 2);
  CHECK(cd::floor_log2(8) == 3);
  CHECK(cd::floor_log2(1000000) == 19);
  CHECK(cd::floor_power_of_two(6) == 4);
  CHECK(cd::floor_power_of_two(1) == 1);
  CHECK(cd::is_power_of_two(1024));
  CHECK_FALSE(cd::is_power_of_two(1000));
}

TEST_CASE("integer logarithms bracket p for every rank count") {
  REQUIRE(rc::check("2^floor(lg p) <= p <= 2^ceil(lg p)", [] {
    const int p = *rc::gen::inRange(1, 1 << 30);
    const long long lo = 1LL << cd::floor_log2(p);
    const long long hi = 1LL << cd::ceil_log2(p);
    RC_ASSERT(lo <= p);
    RC_ASSERT(p <= hi);
    RC_ASSERT(hi < 2LL * p);
    RC_ASSERT(cd::floor_power_of_two(p) == lo);
  }));
}

TEST_CASE("cost terms add term by term and total their parts") {
  const CostTerms a{1.0 * seconds, 2.0 * seconds, 3.0 * seconds};
  const CostTerms b{0.5 * seconds, 0.25 * seconds, 0.0 * seconds};
  const CostTerms c = a + b;
  CHECK(value_in<second_unit>(c.latency_term) == 1.5);
  CHECK(value_in<second_unit>(c.bandwidth_term) == 2.25);
  CHECK(value_in<second_unit>(c.reduction_term) == 3.0);
  CHECK(value_in<second_unit>(c.total()) == 6.75);
}

TEST_CASE("an infinite total is rejected rather than returned") {
  const CostTerms huge{1e308 * seconds, 1e308 * seconds, 0.0 * seconds};
  REQUIRE_THROWS_AS(cd::finite("model", huge), invalid_input);
  REQUIRE_THROWS_WITH(cd::finite("model", huge),
                      Catch::Matchers::StartsWith("model: message must be small enough for a finite"));
}
