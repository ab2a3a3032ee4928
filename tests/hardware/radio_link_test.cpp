#include "paradox/hardware/radio_link.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
// Coefficients of the LTE row of Huang et al. 2012 (MobiSys) as quoted by the project brief
// (not re-verified against the paper): alpha_u 438.39, alpha_d 51.97 mW/Mbps, beta 1288.04 mW,
// tail 11.576 s at 1060 mW.
constexpr JoulesPerBit mw_per_mbps = milliwatts / megabits_per_second;
constexpr RadioLink lte_like{.key = "lte",
                             .name = "LTE-like",
                             .uplink = 6.0 * megabits_per_second,
                             .downlink = 13.0 * megabits_per_second,
                             .latency = 35.0 * milliseconds,
                             .alpha_uplink = 438.39 * mw_per_mbps,
                             .alpha_downlink = 51.97 * mw_per_mbps,
                             .beta = 1288.04 * milliwatts,
                             .tail_time = 11.576 * seconds,
                             .tail_power = 1060.0 * milliwatts,
                             .promotion_time = 260.1 * milliseconds,
                             .promotion_power = 1210.7 * milliwatts,
                             .provenance = {"unit test"}};
}  // namespace

TEST_CASE("alpha in mW/Mbps is stored as nJ/bit", "[hardware][radio]") {
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(lte_like.alpha_uplink), WithinRel(438.39, 1e-12));
}

TEST_CASE("transfer power follows P = alpha_u t_u + alpha_d t_d + beta", "[hardware][radio]") {
  // 438.39 x 6 + 51.97 x 13 + 1288.04 = 4594.99 mW.
  REQUIRE_THAT(
      value_in<milliwatt_unit>(transfer_power(lte_like, lte_like.uplink, lte_like.downlink)),
      WithinRel(438.39 * 6.0 + 51.97 * 13.0 + 1288.04, 1e-12));
  // Idle-but-connected: beta only.
  REQUIRE_THAT(value_in<milliwatt_unit>(transfer_power(lte_like, Bandwidth{}, Bandwidth{})),
               WithinRel(1288.04, 1e-12));
  REQUIRE_THROWS_AS(transfer_power(lte_like, -1.0 * bits_per_second, Bandwidth{}), invalid_input);
}

TEST_CASE("energy per bit is alpha plus beta over throughput", "[hardware][radio]") {
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(uplink_energy_per_bit(lte_like)),
               WithinRel(438.39 + 1288.04 / 6.0, 1e-12));
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(downlink_energy_per_bit(lte_like)),
               WithinRel(51.97 + 1288.04 / 13.0, 1e-12));
}

TEST_CASE("tail and promotion energies are power times time", "[hardware][radio]") {
  // About 12.3 J per LTE tail (MODELS.md: "LTE ~11.6 s at ~1 W").
  REQUIRE_THAT(value_in<joule_unit>(tail_energy(lte_like)), WithinRel(1.060 * 11.576, 1e-12));
  REQUIRE_THAT(value_in<joule_unit>(promotion_energy(lte_like)), WithinRel(1.2107 * 0.2601, 1e-12));
}

TEST_CASE("as_link exposes the uplink with its energy per bit", "[hardware][radio]") {
  constexpr Link l = as_link(lte_like);
  STATIC_REQUIRE(l.key == "lte");
  REQUIRE(l.bandwidth == lte_like.uplink);
  REQUIRE(l.latency == lte_like.latency);
  REQUIRE(l.energy_per_bit == uplink_energy_per_bit(lte_like));
  REQUIRE_NOTHROW(validate(l));
}

TEST_CASE("validate rejects zero throughput and negative coefficients", "[hardware][radio]") {
  REQUIRE_NOTHROW(validate(lte_like));
  RadioLink bad = lte_like;
  bad.uplink = Bandwidth{};
  REQUIRE_THROWS_WITH(validate(bad), "radio link: uplink must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_AS(as_link(bad), invalid_input);
  bad = lte_like;
  bad.beta = -1.0 * watts;
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
  bad = lte_like;
  bad.tail_time = -1.0 * seconds;
  REQUIRE_THROWS_AS(validate(bad), invalid_input);
}

TEST_CASE("transfer power never decreases with throughput", "[hardware][radio][property]") {
  REQUIRE(rc::check("P(t) is non-decreasing", [](unsigned a, unsigned b) {
    const Bandwidth lo = static_cast<double>(std::min(a, b) % 100000) * kilobits_per_second;
    const Bandwidth hi = static_cast<double>(std::max(a, b) % 100000) * kilobits_per_second;
    if (lo > hi) return;
    RC_ASSERT(transfer_power(lte_like, lo, Bandwidth{}) <=
              transfer_power(lte_like, hi, Bandwidth{}));
  }));
}
