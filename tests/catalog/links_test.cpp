#include "paradox/catalog/links.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

using namespace paradox;
using Catch::Matchers::WithinRel;

TEST_CASE("NVLink 4 is 450 GB/s per direction, 900 GB/s bidirectional", "[catalog][links]") {
  // H100 datasheet: NVLink 900 GB/s (total of both directions).
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::nvlink4.bandwidth),
               WithinRel(450.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(bidirectional_bandwidth(catalog::nvlink4)),
               WithinRel(900.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::nvlink3.bandwidth),
               WithinRel(300.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::nvlink5.bandwidth),
               WithinRel(900.0, 1e-12));
}

TEST_CASE("InfiniBand NDR is 400 Gb/s = 50 GB/s per direction", "[catalog][links]") {
  const Link& ndr = catalog::wired_link("ib-ndr");
  REQUIRE_THAT(value_in<gigabits_per_second_unit>(ndr.bandwidth), WithinRel(400.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(ndr.bandwidth), WithinRel(50.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::ib_hdr.bandwidth),
               WithinRel(25.0, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::ib_xdr.bandwidth),
               WithinRel(100.0, 1e-12));
}

TEST_CASE("Ethernet and PCIe rates follow their standards", "[catalog][links]") {
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::eth_10g.bandwidth),
               WithinRel(1.25, 1e-12));
  // PCIe 4.0 x16: 16 GT/s x 16 lanes x 128/130 / 8 = 31.5 GB/s.
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::pcie4_x16.bandwidth),
               WithinRel(31.5077, 1e-5));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::pcie5_x16.bandwidth),
               WithinRel(63.0154, 1e-5));
}

TEST_CASE("every wired link preset is valid, sourced and uniquely keyed", "[catalog][links]") {
  std::set<std::string_view> keys;
  for (const Link& l : catalog::links) {
    INFO(l.key);
    REQUIRE_NOTHROW(validate(l));
    REQUIRE(l.latency > Seconds{});
    REQUIRE(l.energy_per_bit > JoulesPerBit{});
    REQUIRE(keys.insert(l.key).second);
    REQUIRE(catalog::wired_link(l.key).name == l.name);
  }
}

TEST_CASE("an unknown wired link key lists the valid keys", "[catalog][links]") {
  REQUIRE_THROWS_AS(catalog::wired_link("ib-qdr"), invalid_input);
  REQUIRE_THROWS_WITH(catalog::wired_link("ib-qdr"),
                      Catch::Matchers::StartsWith("catalog: link must be one of nvlink3, ") &&
                          Catch::Matchers::EndsWith("(got \"ib-qdr\")"));
}
