#include "paradox/figures/bubble_gauge.hpp"

#include <catch2/catch.hpp>
#include <limits>

using namespace paradox;
using namespace paradox::figures;

TEST_CASE("each bar is a grey track and a fill, green at or below the target, red above") {
  const BubbleGaugeFigure built = build(BubbleGauge{
      .title = "tries", .bars = {{"GPipe", 0.25}, {"1F1B", 0.1}, {"none", 0.0}}});
  const Figure& f = built.figure;
  CHECK(axis_title(f.x) == "Pipeline bubble (% of step time)");
  CHECK(*f.x.min == 0.0);
  CHECK(*f.x.max == 100.0);
  REQUIRE(f.boxes.size() == 5);  // 3 tracks, 2 fills (none has no fill)
  CHECK(f.boxes[0].color == gauge_track_color);
  CHECK(f.boxes[0].x1 == 100.0);
  CHECK(f.boxes[1].color == gauge_over_color);
  CHECK(f.boxes[1].x1 == 25.0);
  CHECK(f.boxes[3].color == gauge_ok_color);  // exactly at the target
  CHECK(f.boxes[3].x1 == 10.0);
  REQUIRE(f.y.ticks.size() == 3);
  CHECK(f.y.ticks[0].text == "GPipe");
  CHECK(f.y.ticks[0].at == 2.5);  // first bar on top
  CHECK(f.y.ticks[2].at == 0.5);
  REQUIRE(f.vertical_lines.size() == 1);
  CHECK(f.vertical_lines[0].x == 10.0);
  REQUIRE(f.labels.size() == 4);
  CHECK(f.labels[0].text == "25%");
  CHECK(f.labels[0].x == 26.0);
  CHECK(f.labels[2].text == "0%");
  CHECK(f.labels[3].text == "target 10%");
  REQUIRE(f.legend_entries.size() == 2);
  CHECK(f.legend_entries[0].text == "at or below target");
  CHECK(f.legend_entries[1].text == "above target");
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("a nearly full gauge carries its value inside, in white") {
  const BubbleGaugeFigure built =
      build(BubbleGauge{.bars = {{"idle", 0.937}}, .target_fraction = 0.05});
  const TextLabel& value = built.figure.labels[0];
  CHECK(value.text == "93.7%");
  CHECK(value.align == TextAlign::right);
  CHECK(value.color == "#ffffff");
  CHECK(built.figure.labels[1].text == "target 5%");
}

TEST_CASE("the bubble gauge rejects fractions outside [0, 1] and empty input") {
  REQUIRE_THROWS_WITH(build(BubbleGauge{}), "bubble gauge: bars must be non-empty (got 0 bars)");
  REQUIRE_THROWS_WITH(build(BubbleGauge{.bars = {{"try 1", 1.2}}}),
                      "bubble gauge: bar 'try 1' bubble_fraction must be in [0, 1] (got 1.2)");
  REQUIRE_THROWS_WITH(build(BubbleGauge{.bars = {{"try 1", -0.1}}}),
                      "bubble gauge: bar 'try 1' bubble_fraction must be in [0, 1] (got -0.1)");
  REQUIRE_THROWS_WITH(
      build(BubbleGauge{.bars = {{"x", std::numeric_limits<double>::quiet_NaN()}}}),
      "bubble gauge: bar 'x' bubble_fraction must be in [0, 1] (got nan)");
  REQUIRE_THROWS_WITH(build(BubbleGauge{.bars = {{"", 0.1}}}),
                      "bubble gauge: bar label must be non-empty (got \"\")");
  REQUIRE_THROWS_WITH(build(BubbleGauge{.bars = {{"x", 0.1}}, .target_fraction = 2.0}),
                      "bubble gauge: target_fraction must be in [0, 1] (got 2)");
}
