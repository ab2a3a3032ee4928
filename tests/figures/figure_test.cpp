#include "paradox/figures/figure.hpp"

#include <catch2/catch.hpp>
#include <limits>

using paradox::invalid_input;
using namespace paradox::figures;

namespace {
Figure sample() {
  return Figure{.title = "t",
                .x = {.label = "Accelerators"},
                .y = {.label = "Throughput", .unit = "samples/s"},
                .series = {{.name = "ideal", .points = {{1, 1}, {2, 2}}}}};
}
}  // namespace

TEST_CASE("axis title appends the unit in parentheses only when there is one") {
  CHECK(axis_title(Axis{.label = "Throughput", .unit = "samples/s"}) == "Throughput (samples/s)");
  CHECK(axis_title(Axis{.label = "Accelerators"}) == "Accelerators");
}

TEST_CASE("a figure with finite points and valid colours validates") {
  Figure f = sample();
  f.series[0].color = "#1F77b4";
  f.markers.push_back({.x = 2, .y = 2, .text = "knee", .color = "#000000"});
  f.vertical_lines.push_back({.x = 1.5, .text = "here"});
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("validate rejects non-finite coordinates, naming the series and point") {
  Figure f = sample();
  f.series[0].points[1].y = std::numeric_limits<double>::quiet_NaN();
  REQUIRE_THROWS_AS(validate(f), invalid_input);
  REQUIRE_THROWS_WITH(validate(f), "figure: series 'ideal' point 1 y must be finite (got nan)");
}

TEST_CASE("validate rejects non-positive values on logarithmic axes") {
  Figure f = sample();
  f.x.log_scale = true;
  f.x.log_base = 2;
  REQUIRE_NOTHROW(validate(f));
  f.series[0].points[0].x = 0.0;
  REQUIRE_THROWS_WITH(validate(f),
                      "figure: series 'ideal' point 0 x must be > 0 on a logarithmic axis (got 0)");
  f.series[0].points[0].x = 1.0;
  f.y.log_scale = true;
  f.y.log_base = 1;
  REQUIRE_THROWS_WITH(validate(f), "figure: y log_base must be >= 2 (got 1)");
}

TEST_CASE("validate rejects colours that are not #rrggbb") {
  Figure f = sample();
  f.series[0].color = "red' ; system 'x";
  REQUIRE_THROWS_AS(validate(f), invalid_input);
  f.series[0].color = "#12345";
  REQUIRE_THROWS_AS(validate(f), invalid_input);
  f.series[0].color.clear();
  f.markers.push_back({.x = 1, .y = 1, .text = "m", .color = "#zzzzzz"});
  REQUIRE_THROWS_WITH(validate(f),
                      "figure: marker 'm' color must be empty or \"#rrggbb\" (got \"#zzzzzz\")");
}

TEST_CASE("an empty figure is valid (renderers decide what to do with it)") {
  REQUIRE_NOTHROW(validate(Figure{}));
}

namespace {
Figure boxes_sample() {
  return Figure{.title = "boxes",
                .x = {.label = "Time", .unit = "ms"},
                .y = {.label = "Device"},
                .boxes = {{.x0 = 0, .x1 = 1, .y0 = 0, .y1 = 1, .color = "#1f77b4", .text = "0"},
                          {.x0 = 1, .x1 = 3, .y0 = 0, .y1 = 1, .color = "#ff7f0e"}}};
}
}  // namespace

TEST_CASE("boxes, ticks, ranges, labels and legend entries validate") {
  Figure f = boxes_sample();
  f.y.ticks = {{.at = 0.5, .text = "GPU 0"}};
  f.x.min = 0.0;
  f.x.max = 3.0;
  f.labels = {{.x = 1, .y = 1, .text = "here", .color = "#000000", .align = TextAlign::left}};
  f.legend_entries = {{.text = "forward", .color = "#1f77b4"}, {.text = "... text only"}};
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("validate rejects empty, inverted and non-finite boxes") {
  Figure f = boxes_sample();
  f.boxes[1].x1 = 0.5;
  REQUIRE_THROWS_WITH(validate(f), "figure: box 1 x1 must be > x0 = 1 (got 0.5)");
  f = boxes_sample();
  f.boxes[0].y1 = 0.0;
  REQUIRE_THROWS_WITH(validate(f), "figure: box 0 y1 must be > y0 = 0 (got 0)");
  f = boxes_sample();
  f.boxes[0].x0 = std::numeric_limits<double>::infinity();
  REQUIRE_THROWS_WITH(validate(f), "figure: box 0 x0 must be finite (got inf)");
  f = boxes_sample();
  f.boxes[1].y0 = std::numeric_limits<double>::quiet_NaN();
  REQUIRE_THROWS_WITH(validate(f), "figure: box 1 y0 must be finite (got nan)");
}

TEST_CASE("a box needs a #rrggbb fill; its text colour may be empty") {
  Figure f = boxes_sample();
  f.boxes[0].color = "";
  REQUIRE_THROWS_WITH(validate(f), "figure: box 0 color must be \"#rrggbb\" (got \"\")");
  f.boxes[0].color = "blue";
  REQUIRE_THROWS_WITH(validate(f), "figure: box 0 color must be \"#rrggbb\" (got \"blue\")");
  f.boxes[0].color = "#000000";
  f.boxes[0].text_color = "#fff";
  REQUIRE_THROWS_WITH(validate(f),
                      "figure: box 0 text_color must be empty or \"#rrggbb\" (got \"#fff\")");
  f = boxes_sample();
  f.legend_entries = {{.text = "over", .color = "red"}};
  REQUIRE_THROWS_WITH(
      validate(f), "figure: legend entry 'over' color must be empty or \"#rrggbb\" (got \"red\")");
}

TEST_CASE("validate rejects non-finite ticks and inverted or non-finite axis ranges") {
  Figure f = boxes_sample();
  f.x.ticks = {{.at = std::numeric_limits<double>::quiet_NaN(), .text = "TP = 1"}};
  REQUIRE_THROWS_WITH(validate(f), "figure: x tick 0 must be finite (got nan)");
  f = boxes_sample();
  f.x.min = 1.0;
  f.x.max = 1.0;
  REQUIRE_THROWS_WITH(validate(f), "figure: x max must be > x min = 1 (got 1)");
  f.x.max.reset();
  f.y.max = std::numeric_limits<double>::infinity();
  REQUIRE_THROWS_WITH(validate(f), "figure: y max must be finite (got inf)");
  f = boxes_sample();
  f.y.log_scale = true;
  f.y.min = 0.0;
  REQUIRE_THROWS_WITH(validate(f), "figure: y min must be > 0 on a logarithmic axis (got 0)");
}

TEST_CASE("validate rejects labels off the axes and absurd box text sizes") {
  Figure f = boxes_sample();
  f.labels = {{.x = std::numeric_limits<double>::quiet_NaN(), .y = 0, .text = "t"}};
  REQUIRE_THROWS_WITH(validate(f), "figure: label 't' x must be finite (got nan)");
  f = boxes_sample();
  f.box_text_size = 0;
  REQUIRE_THROWS_WITH(validate(f), "figure: box_text_size must be in [4, 72] (got 0)");
}
