#include "paradox/catalog/cells.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <string_view>

#include "catalog/catalog_test_support.hpp"

using namespace paradox;

TEST_CASE("cells: each capacity as its source states it, and the source's kind") {
  // 5G low-band sector: part 1's round figures, 100 Mb/s up and 300 Mb/s down (didactic).
  const catalog::Cell& nr = catalog::cell("5g-lowband-cell");
  test::check_figure(nr.key, "uplink", value_in<bytes_per_second_unit>(nr.uplink), 100e6 / 8.0);
  test::check_figure(nr.key, "downlink", value_in<bytes_per_second_unit>(nr.downlink), 300e6 / 8.0);
  CHECK(nr.provenance.kind == SourceKind::didactic_assumption);
  CHECK(nr.radio_key == "5g-lowband");
  // Wi-Fi 6 access point: one collision domain, one link's rates (the wifi6 radio: 200 / 400).
  const catalog::Cell& ap = catalog::cell("wifi6-ap");
  test::check_figure(ap.key, "uplink", value_in<bytes_per_second_unit>(ap.uplink), 200e6 / 8.0);
  test::check_figure(ap.key, "downlink", value_in<bytes_per_second_unit>(ap.downlink), 400e6 / 8.0);
  CHECK(ap.uplink == catalog::wifi6.uplink);
  CHECK(ap.provenance.kind == SourceKind::didactic_assumption);
}

TEST_CASE("cells: keys unique, each names a catalog radio, every entry sourced") {
  std::set<std::string_view> keys;
  for (const catalog::Cell& c : catalog::cells) {
    INFO(std::string(c.key));
    CHECK(keys.insert(c.key).second);
    CHECK_NOTHROW(catalog::radio_link(c.radio_key));
    CHECK_FALSE(c.provenance.source.empty());
    CHECK_FALSE(c.name.empty());
    CHECK(c.uplink > Bandwidth{});
    CHECK(c.downlink >= c.uplink);  // both entries: downlink at least the uplink
  }
  CHECK(keys.size() == catalog::cells.size());
}

TEST_CASE("cells: an unknown key is named with the valid ones") {
  CHECK_THROWS_WITH(catalog::cell("4g-cell"),
                    "catalog: cell must be one of 5g-lowband-cell, wifi6-ap (got \"4g-cell\")");
}
