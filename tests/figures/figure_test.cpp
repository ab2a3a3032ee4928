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
