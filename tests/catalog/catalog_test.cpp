#include "paradox/catalog/catalog.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

using namespace paradox;

TEST_CASE("link finds wired links and radio uplinks by key", "[catalog]") {
  REQUIRE(catalog::link("ib-ndr").bandwidth == catalog::ib_ndr.bandwidth);
  REQUIRE(catalog::link("eth-10g").key == "eth-10g");
  REQUIRE(catalog::link("lte").bandwidth == catalog::lte.uplink);
  REQUIRE(catalog::link("ble-2m").energy_per_bit == uplink_energy_per_bit(catalog::ble_2m));
  // Retyped: nRF52840 4.8 mA TX at 3 V over the Bluetooth SIG's 1,400 kb/s LE 2M maximum,
  // beta = 0: 14.4 mW / 1.4 Mb/s = 10.29 nJ/bit; IEEE 802.3 10 Gb/s = 1.25 GB/s.
  REQUIRE_THAT(value_in<nanojoule_per_bit_unit>(catalog::link("ble-2m").energy_per_bit),
               Catch::Matchers::WithinRel(14.4 / 1.4, 1e-12));
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(catalog::link("eth-10g").bandwidth),
               Catch::Matchers::WithinRel(1.25, 1e-12));
}

TEST_CASE("an unknown link key lists wired and radio keys", "[catalog]") {
  REQUIRE_THROWS_AS(catalog::link("token-ring"), invalid_input);
  REQUIRE_THROWS_WITH(catalog::link("token-ring"),
                      Catch::Matchers::Contains("ib-ndr") && Catch::Matchers::Contains("ble-1m") &&
                          Catch::Matchers::EndsWith("(got \"token-ring\")"));
}

TEST_CASE("the CLI's keys all exist", "[catalog]") {
  for (std::string_view key : {"llama3-70b", "llama3-405b", "llama3-8b", "gpt3-175b", "gpt2-1.5b"})
    REQUIRE(catalog::is_transformer_model(key));
  for (std::string_view key : {"kws-dscnn", "mobilenetv2", "rnnoise"})
    REQUIRE(catalog::is_edge_model(key));
  REQUIRE_NOTHROW(catalog::require_model_key("llama3-70b"));
  REQUIRE_NOTHROW(catalog::require_model_key("rnnoise"));
  REQUIRE_THROWS_WITH(catalog::require_model_key("bert"),
                      Catch::Matchers::StartsWith("catalog: model must be one of gpt2-1.5b"));
  REQUIRE(catalog::accelerator("a100-80gb").key == "a100-80gb");
}

TEST_CASE("keys are unique across every kind of preset", "[catalog]") {
  std::set<std::string_view> keys;
  auto add = [&keys](const auto& entries) {
    for (const auto& e : entries) {
      INFO(e.key);
      REQUIRE(keys.insert(e.key).second);
      REQUIRE_FALSE(e.provenance.source.empty());
    }
  };
  add(catalog::accelerators);
  add(catalog::links);
  add(catalog::radio_links);
  add(catalog::nodes);
  add(catalog::transformer_models);
  add(catalog::edge_models);
  add(catalog::edge_devices);
  add(catalog::tracks);
  for (std::string_view key : keys) {
    INFO(key);
    // Keys are lower case without spaces, as the CLI spells them.
    for (char c : key)
      REQUIRE((c == '-' || c == '.' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')));
  }
}
