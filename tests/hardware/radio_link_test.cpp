#include "paradox/hardware/radio_link.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
// Coefficients of the LTE row of Huang et al. 2012, "A Close Examination of Performance and
// Power Characteristics of 4G LTE Networks" (MobiSys), power-model and state-machine tables
// (not yet re-checked against the PDF): alpha_u 438.39, alpha_d 51.97 mW/Mbps, beta
// 1288.04 mW, tail 11.576 s at 1060 mW, promotion 260.1 ms at 1210.7 mW.
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
  // About 12.3 J per LTE tail: 1.060 W x 11.576 s (Huang et al. 2012, LTE tail base power and
  // tail time).
  REQUIRE_THAT(value_in<joule_unit>(tail_energy(lte_like)), WithinRel(1.060 * 11.576, 1e-12));
  REQUIRE_THAT(value_in<joule_unit>(promotion_energy(lte_like)), WithinRel(1.2107 * 0.2601, 1e-12));
}

TEST_CASE("as_link exposes the uplink with its energy per bit", "[hardware][radio]") {
  constexpr Link l = as_link(lte_like);
  STATIC_REQUIRE(l.key == "lte");
  REQUIRE(l.name == "LTE-like");
  REQUIRE_THAT(value_in<megabits_per_second_unit>(l.bandwidth), WithinRel(6.0, 1e-12));
  REQUIRE_THAT(value_in<millisecond_unit>(l.latency), WithinRel(35.0, 1e-12));
  // alpha_u + beta / t_u = 438.39 + 1288.04 / 6 = 653.06 nJ/bit.
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(l.energy_per_bit),
               WithinRel(438.39 + 1288.04 / 6.0, 1e-12));
  REQUIRE(l.provenance.source == "unit test");
  REQUIRE_NOTHROW(validate(l));
}

TEST_CASE("a radio converts implicitly to the Link of its uplink", "[hardware][radio]") {
  // The conversion operator: a RadioLink passed where a Link is expected.
  const auto bandwidth_of = [](const Link& l) { return l.bandwidth; };
  REQUIRE_THAT(value_in<megabits_per_second_unit>(bandwidth_of(lte_like)), WithinRel(6.0, 1e-12));
  const Link converted = lte_like;
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(converted.energy_per_bit),
               WithinRel(438.39 + 1288.04 / 6.0, 1e-12));
  // 1 MB over 6 Mb/s after 35 ms: 0.035 + 8e6 / 6e6 s.
  REQUIRE_THAT(value_in<second_unit>(transfer_time(lte_like, 1.0 * megabytes)),
               WithinRel(0.035 + 8.0 / 6.0, 1e-12));
  RadioLink silent = lte_like;
  silent.uplink = Bandwidth{};
  REQUIRE_THROWS_WITH(static_cast<Link>(silent),
                      "radio uplink energy per bit: uplink must be > 0 and finite (got 0 B/s)");
}

TEST_CASE("downlink energy per bit needs a downlink", "[hardware][radio]") {
  RadioLink deaf = lte_like;
  deaf.downlink = Bandwidth{};
  REQUIRE_THROWS_WITH(downlink_energy_per_bit(deaf),
                      "radio downlink energy per bit: downlink must be > 0 and finite (got 0 B/s)");
  REQUIRE_THROWS_WITH(transfer_power(lte_like, Bandwidth{}, -1.0 * bits_per_second),
                      "radio transfer power: downlink_throughput must be >= 0 and finite (got "
                      "-0.125 B/s)");
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
    // Reduce first, then order: every generated pair is checked, none skipped.
    const unsigned x = a % 100000;
    const unsigned y = b % 100000;
    const Bandwidth lo = static_cast<double>(std::min(x, y)) * kilobits_per_second;
    const Bandwidth hi = static_cast<double>(std::max(x, y)) * kilobits_per_second;
    RC_ASSERT(transfer_power(lte_like, lo, Bandwidth{}) <=
              transfer_power(lte_like, hi, Bandwidth{}));
  }));
}
