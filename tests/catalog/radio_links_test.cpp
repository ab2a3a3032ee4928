#include "paradox/catalog/radio_links.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("LTE carries the Huang et al. 2012 coefficients", "[catalog][radio_links]") {
  // Huang et al. 2012 power-model table, as quoted (not re-verified): 438.39 / 51.97 mW/Mbps,
  // 1288.04 mW, tail 11.576 s at 1060 mW. Medians 6 Mb/s up, 13 Mb/s down (abstract).
  const RadioLink& lte = catalog::radio_link("lte");
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(lte.alpha_uplink), WithinRel(438.39, 1e-12));
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(lte.alpha_downlink), WithinRel(51.97, 1e-12));
  REQUIRE_THAT(value_in<milliwatt_unit>(lte.beta), WithinRel(1288.04, 1e-12));
  REQUIRE_THAT(value_in<second_unit>(lte.tail_time), WithinRel(11.576, 1e-12));
  REQUIRE_THAT(value_in<megabits_per_second_unit>(lte.uplink), WithinRel(6.0, 1e-12));
  REQUIRE(lte.provenance.kind == SourceKind::didactic_assumption);
}

TEST_CASE("BLE energy per bit is TX power over usable throughput", "[catalog][radio_links]") {
  // nRF52840 product specification, key features: 4.8 mA TX at 0 dBm, at 3 V = 14.4 mW; over
  // the Bluetooth SIG's ~800 kb/s LE 1M maximum = 18 nJ/bit, over ~1,400 kb/s (2M) 10.29 nJ/bit.
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(uplink_energy_per_bit(catalog::ble_1m)),
               WithinRel(18.0, 1e-12));
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(uplink_energy_per_bit(catalog::ble_2m)),
               WithinRel(14.4 / 1.4, 1e-12));
  REQUIRE_THAT(value_in<milliwatt_unit>(
                   transfer_power(catalog::ble_2m, catalog::ble_2m.uplink, Bandwidth{})),
               WithinRel(14.4, 1e-12));
  REQUIRE(uplink_energy_per_bit(catalog::ble_2m) < uplink_energy_per_bit(catalog::ble_1m));
}

TEST_CASE("5G mmWave is faster and cheaper per bit than low-band, LTE than 3G",
          "[catalog][radio_links]") {
  REQUIRE(catalog::nr_mmwave.uplink > catalog::nr_lowband.uplink);
  REQUIRE(uplink_energy_per_bit(catalog::nr_mmwave) < uplink_energy_per_bit(catalog::nr_lowband));
  REQUIRE(catalog::lte.uplink > catalog::umts_3g.uplink);
  REQUIRE(uplink_energy_per_bit(catalog::lte) < uplink_energy_per_bit(catalog::umts_3g));
}

TEST_CASE("every radio preset is valid, sourced and mirrored as an uplink",
          "[catalog][radio_links]") {
  std::set<std::string_view> keys;
  REQUIRE(catalog::radio_links.size() == catalog::radio_uplinks.size());
  for (std::size_t i = 0; i < catalog::radio_links.size(); ++i) {
    const RadioLink& r = catalog::radio_links[i];
    INFO(r.key);
    REQUIRE_NOTHROW(validate(r));
    REQUIRE(keys.insert(r.key).second);
    REQUIRE(catalog::radio_uplinks[i].key == r.key);
    REQUIRE(catalog::radio_uplinks[i].bandwidth == r.uplink);
    REQUIRE_NOTHROW(validate(catalog::radio_uplinks[i]));
  }
  for (std::string_view key : {"lte", "wifi", "3g", "5g-lowband", "5g-mmwave", "ble-1m", "ble-2m"})
    REQUIRE(catalog::radio_link(key).key == key);
  REQUIRE_THROWS_WITH(catalog::radio_link("6g"),
                      Catch::Matchers::StartsWith("catalog: radio link must be one of lte, wifi"));
}
