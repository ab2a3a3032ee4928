#include "paradox/catalog/links.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

#include "catalog/catalog_test_support.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;
using paradox::test::KindException;

namespace {
// Every wired-link figure as its source states it, retyped. Bandwidth per direction in Gb/s,
// latency in us, energy in pJ/bit. Only the bandwidths have a document behind them; every
// latency and energy per bit is a didactic assumption (no vendor publishes an end-to-end
// latency with the host stack or a per-bit energy): they are pinned so that an edit is seen.
struct LinkRow {
  std::string_view key;
  double bandwidth_gbit_per_s;
  double latency_us;
  double energy_pj_per_bit;
};

// The bandwidth is the datasheet's; latency and energy per bit are didactic assumptions.
constexpr KindException wired_assumptions[] = {{"latency", SourceKind::didactic_assumption},
                                               {"energy_per_bit", SourceKind::didactic_assumption}};

const LinkRow rows[] = {
    // NVIDIA A100 datasheet: NVLink 600 GB/s (both directions) -> 300 GB/s = 2,400 Gb/s.
    {"nvlink3", 2400.0, 1.0, 5.0},
    // NVIDIA H100 datasheet, SXM: NVLink 900 GB/s (both directions) -> 450 GB/s = 3,600 Gb/s.
    {"nvlink4", 3600.0, 1.0, 5.0},
    // NVIDIA DGX B200 datasheet: 1.8 TB/s NVLink per GPU (both directions) -> 900 GB/s.
    {"nvlink5", 7200.0, 1.0, 5.0},
    // PCI Express Base Specification 4.0: 16 GT/s per lane, 128b/130b encoding, 16 lanes.
    {"pcie4-x16", 16.0 * 16.0 * 128.0 / 130.0, 1.0, 10.0},
    // PCI Express Base Specification 5.0: 32 GT/s per lane, 128b/130b encoding, 16 lanes.
    {"pcie5-x16", 32.0 * 16.0 * 128.0 / 130.0, 1.0, 10.0},
    // NVIDIA ConnectX-6 / Quantum HDR datasheets: 200 Gb/s per port and direction.
    {"ib-hdr", 200.0, 2.0, 50.0},
    // NVIDIA ConnectX-7 / Quantum-2 NDR datasheets: 400 Gb/s per port and direction.
    {"ib-ndr", 400.0, 2.0, 40.0},
    // NVIDIA ConnectX-8 SuperNIC user manual: "up to 800 gigabits per second".
    {"ib-xdr", 800.0, 2.0, 30.0},
    // IEEE 802.3 (10GBASE): 10 Gb/s line rate per direction.
    {"eth-10g", 10.0, 20.0, 300.0},
    // IEEE 802.3ba (100GBASE): 100 Gb/s.
    {"eth-100g", 100.0, 10.0, 100.0},
    // IEEE 802.3bs (400GBASE): 400 Gb/s.
    {"eth-400g", 400.0, 10.0, 50.0},
    // NVIDIA ConnectX-7 datasheet: 400 GbE with RoCE v2.
    {"roce", 400.0, 3.0, 50.0},
    // IEEE 802.3ch-2020 (10GBASE-T1 automotive Ethernet): 10 Gb/s per direction.
    {"auto-eth-10g", 10.0, 10.0, 300.0},
};
}  // namespace

TEST_CASE("every wired link figure is the one its source states", "[catalog][links]") {
  paradox::test::check_rows_cover(catalog::links, rows);
  for (const LinkRow& row : rows) {
    const Link& l = catalog::wired_link(row.key);
    paradox::test::check_figure(row.key, "bandwidth",
                                value_in<gigabits_per_second_unit>(l.bandwidth),
                                row.bandwidth_gbit_per_s);
    paradox::test::check_figure(row.key, "latency", value_in<microsecond_unit>(l.latency),
                                row.latency_us);
    paradox::test::check_figure(row.key, "energy_per_bit",
                                value_in<picojoule_per_bit_unit>(l.energy_per_bit),
                                row.energy_pj_per_bit);
    paradox::test::check_kinds(row.key, l.provenance, {"bandwidth", "latency", "energy_per_bit"},
                               SourceKind::datasheet, wired_assumptions);
  }
}

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
