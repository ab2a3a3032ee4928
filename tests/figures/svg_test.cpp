#include "paradox/figures/svg.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace paradox::figures;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool gnuplot_available() { return std::system("gnuplot --version > /dev/null 2>&1") == 0; }

Figure sample() {
  return Figure{
      .title = "Scaling of a 'toy' model",
      .x = {.label = "Accelerators", .log_scale = true, .log_base = 2},
      .y = {.label = "Throughput", .unit = "samples/s"},
      .series = {{.name = "ideal", .points = {{1, 1}, {2, 2}, {4, 4}}, .style = Style::dashed_line},
                 {.name = "10GbE",
                  .points = {{1, 1}, {2, 1.8}, {4, 3.1}},
                  .style = Style::line_points,
                  .color = "#d62728"},
                 {.name = "empty", .points = {}}},
      .vertical_lines = {{.x = 2, .text = "one node"}},
      .markers = {{.x = 4, .y = 3.1, .text = "diminishing returns"}}};
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("paradox_svg_test_" + name);
  fs::remove_all(dir);
  return dir;
}
}  // namespace

TEST_CASE("gnuplot_quote doubles single quotes and flattens line breaks") {
  CHECK(gnuplot_quote("plain") == "'plain'");
  CHECK(gnuplot_quote("it's") == "'it''s'");
  CHECK(gnuplot_quote("a\nb\rc") == "'a b c'");
  CHECK(gnuplot_quote("`rm -rf /` @macro $(x) \\n") == "'`rm -rf /` @macro $(x) \\n'");
}

TEST_CASE("the gnuplot script sets the output, labels with units, log axes and every series") {
  const std::string script = gnuplot_script(sample(), "/tmp/o'ut.svg", "/tmp/d.dat");
  CHECK_THAT(script, Catch::Contains("set terminal svg"));
  // The PNG recipe in the header keeps the SVG's size (pngcairo at fontscale 0.75).
  CHECK_THAT(script, Catch::Contains("#   set terminal pngcairo size ") &&
                         Catch::Contains("fontscale 0.75"));
  CHECK_THAT(script, Catch::Contains("set output '/tmp/o''ut.svg'"));
  CHECK_THAT(script, Catch::Contains("set title 'Scaling of a ''toy'' model'"));
  CHECK_THAT(script, Catch::Contains("set xlabel 'Accelerators'"));
  CHECK_THAT(script, Catch::Contains("set ylabel 'Throughput (samples/s)'"));
  CHECK_THAT(script, Catch::Contains("set logscale x 2"));
  CHECK_THAT(script, !Catch::Contains("set logscale y"));
  CHECK_THAT(script, Catch::Contains("'/tmp/d.dat' index 0 using 1:2 with lines lw 2 dt 2"));
  CHECK_THAT(script, Catch::Contains("'/tmp/d.dat' index 1 using 1:2 with linespoints"));
  CHECK_THAT(script, Catch::Contains("title '10GbE'"));
  CHECK_THAT(script, !Catch::Contains("title 'empty'"));  // gnuplot rejects empty blocks
  CHECK_THAT(script, Catch::Contains("set arrow from 2, graph 0 to 2, graph 1 nohead"));
  CHECK_THAT(script, Catch::Contains("set label 'diminishing returns' at 4,3.1 left offset 0.8,-1.2 point"));
}

TEST_CASE("render_svg reports a missing gnuplot instead of throwing") {
  const fs::path dir = scratch("missing");
  SvgOptions options;
  options.gnuplot = "paradox-no-such-gnuplot";
  const RenderResult r = render_svg(sample(), dir / "f.svg", options);
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.message, Catch::Contains("paradox-no-such-gnuplot"));
  CHECK_THAT(r.message, Catch::Contains("gnuplot-nox"));
  CHECK_FALSE(fs::exists(dir / "f.svg"));
  fs::remove_all(dir);
}

TEST_CASE("render_svg reports an invalid figure or an empty one instead of throwing") {
  Figure bad = sample();
  bad.series[0].points[0].x = 0;  // log axis
  RenderResult r = render_svg(bad, scratch("bad") / "f.svg");
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.message, Catch::Contains("logarithmic"));
  r = render_svg(Figure{.title = "nothing", .x = {.label = "x"}, .y = {.label = "y"}},
                 scratch("bad") / "f.svg");
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.message, Catch::Contains("no points"));
  fs::remove_all(scratch("bad"));
}

TEST_CASE("render_svg writes the SVG with the script and data beside it") {
  if (!gnuplot_available()) {
    WARN("gnuplot is not installed: SVG rendering not exercised (Debian: gnuplot-nox)");
    return;
  }
  // Quotes, backquotes and macro signs in the path and labels must stay inert text.
  const fs::path dir = scratch("render") / "it's `touch pwned` @x";
  Figure f = sample();
  f.title += " `touch pwned` @x $(touch pwned)";
  const RenderResult r = render_svg(f, dir / "scaling.svg");
  INFO(r.message);
  REQUIRE(r.ok);
  REQUIRE(r.files.size() == 3);
  const std::string svg = slurp(dir / "scaling.svg");
  CHECK_THAT(svg, Catch::Contains("<svg"));
  CHECK_THAT(svg, Catch::Contains("Throughput (samples/s)"));
  CHECK_THAT(svg, Catch::Contains("diminishing returns"));
  CHECK(fs::exists(dir / "scaling.gp"));
  CHECK(fs::exists(dir / "scaling.dat"));
  CHECK_FALSE(fs::exists("pwned"));
  CHECK_FALSE(fs::exists(dir / "pwned"));
  fs::remove_all(scratch("render"));
}

TEST_CASE("render_svg reports a gnuplot failure with gnuplot's message") {
  const fs::path dir = scratch("fail");
  fs::create_directories(dir);
  SvgOptions options;
  options.gnuplot = "false";  // exits 1 without output, like a gnuplot that failed
  const RenderResult r = render_svg(sample(), dir / "f.svg", options);
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.message, Catch::Contains("exited with status 1"));
  fs::remove_all(dir);
}

TEST_CASE("the legend goes where the figure asks") {
  Figure f{.title = "t", .x = {.label = "x"}, .y = {.label = "y"}};
  f.series.push_back({.name = "s", .points = {{1.0, 1.0}, {2.0, 2.0}}});
  CHECK(gnuplot_script(f, "a.svg", "a.dat").find("set key top left") != std::string::npos);
  f.legend = LegendPlacement::bottom_right;
  CHECK(gnuplot_script(f, "a.svg", "a.dat").find("set key bottom right") != std::string::npos);
  f.legend = LegendPlacement::below;
  CHECK(gnuplot_script(f, "a.svg", "a.dat").find("set key below") != std::string::npos);
}

namespace {
Figure boxes_only() {
  return Figure{
      .title = "Gantt",
      .x = {.label = "Time", .unit = "ms"},
      .y = {.label = "Device",
            .ticks = {{.at = 0.5, .text = "1F1B · GPU 0"}, {.at = 1.5, .text = "it's"}}},
      .legend = LegendPlacement::below,
      .boxes = {{.x0 = 0, .x1 = 2, .y0 = 0.1, .y1 = 0.9, .color = "#08306b", .text = "F0"},
                {.x0 = 2, .x1 = 5, .y0 = 1.1, .y1 = 1.9, .color = "#fdd0a2", .text = "B'0"},
                {.x0 = 5, .x1 = 6, .y0 = 0.1, .y1 = 0.9, .color = "#cccccc"}},
      .labels = {{.x = 6, .y = 1, .text = "idle", .align = TextAlign::left}},
      .legend_entries = {{.text = "forward", .color = "#08306b"}, {.text = "... more"}},
      .grid = false};
}
}  // namespace

TEST_CASE("boxes become back-layer rectangles with centred labels in a contrasting colour") {
  const std::string script = gnuplot_script(boxes_only(), "g.svg", "g.dat");
  CHECK_THAT(script, Catch::Contains("set object 1 rect from 0,0.1 to 2,0.9 fc rgb '#08306b' "
                                     "fillstyle solid 1.0 border lc rgb '#ffffff' lw 1 back\n"));
  CHECK_THAT(script, Catch::Contains("set object 2 rect from 2,1.1 to 5,1.9 fc rgb '#fdd0a2'"));
  CHECK_THAT(script, Catch::Contains("set object 3 rect"));
  CHECK_THAT(script, !Catch::Contains("set object 4"));
  // White on the dark blue, black on the pale orange; quotes doubled.
  CHECK_THAT(script, Catch::Contains("set label 'F0' at 1,0.5 center front textcolor rgb '#ffffff' "
                                     "font ',10'"));
  CHECK_THAT(script, Catch::Contains("set label 'B''0' at 3.5,1.5 center front textcolor rgb "
                                     "'#000000'"));
  CHECK_THAT(script, Catch::Contains("set label 'idle' at 6,1 left front"));
}

TEST_CASE("boxes set the ranges gnuplot would not autoscale to; explicit ends win") {
  Figure f = boxes_only();
  std::string script = gnuplot_script(f, "g.svg", "g.dat");
  CHECK_THAT(script, Catch::Contains("set xrange [0:6]\n"));
  CHECK_THAT(script, Catch::Contains("set yrange [0.1:1.9]\n"));
  CHECK_THAT(script, !Catch::Contains("set grid"));
  f.x.min = -1.0;
  f.y.max = 2.0;
  script = gnuplot_script(f, "g.svg", "g.dat");
  CHECK_THAT(script, Catch::Contains("set xrange [-1:6]\n"));
  CHECK_THAT(script, Catch::Contains("set yrange [0.1:2]\n"));
  // Without boxes only the explicit end is set; the range comes after "set autoscale xfix".
  Figure g{.title = "g",
           .x = {.label = "x", .min = 0.0},
           .y = {.label = "y", .min = 0.0, .max = 1.0}};
  g.series.push_back({.name = "s", .points = {{1.0, 0.5}}});
  script = gnuplot_script(g, "g.svg", "g.dat");
  CHECK_THAT(script, Catch::Contains("set autoscale xfix\nset xrange [0:*]\nset yrange [0:1]\n"));
}

TEST_CASE("explicit ticks and legend entries reach the script") {
  const std::string script = gnuplot_script(boxes_only(), "g.svg", "g.dat");
  CHECK_THAT(script, Catch::Contains("set ytics ('1F1B · GPU 0' 0.5, 'it''s' 1.5)\n"));
  CHECK_THAT(script, Catch::Contains("plot NaN with boxes fs solid 1.0 border lc rgb '#777777' "
                                     "lc rgb '#08306b' title 'forward'"));
  CHECK_THAT(script, Catch::Contains("NaN with lines lc rgb '#ffffff' title '... more'"));
  Figure bare = boxes_only();
  bare.legend_entries.clear();
  CHECK_THAT(gnuplot_script(bare, "g.svg", "g.dat"), Catch::Contains("plot NaN notitle\n"));
}

TEST_CASE("figures without the new elements keep their script") {
  const std::string script = gnuplot_script(sample(), "/tmp/o.svg", "/tmp/d.dat");
  CHECK_THAT(script, !Catch::Contains("range"));
  CHECK_THAT(script, !Catch::Contains("set object"));
  CHECK_THAT(script, !Catch::Contains("tics"));
  CHECK_THAT(script, !Catch::Contains("NaN"));
  CHECK_THAT(script, Catch::Contains("set grid back"));
}

TEST_CASE("render_svg draws a figure of boxes only") {
  if (!gnuplot_available()) {
    WARN("gnuplot is not installed: SVG rendering not exercised (Debian: gnuplot-nox)");
    return;
  }
  const fs::path dir = scratch("boxes");
  const RenderResult r = render_svg(boxes_only(), dir / "gantt.svg");
  INFO(r.message);
  REQUIRE(r.ok);
  const std::string svg = slurp(dir / "gantt.svg");
  CHECK_THAT(svg, Catch::Contains("1F1B · GPU 0"));
  CHECK_THAT(svg, Catch::Contains("F0"));
  CHECK_THAT(svg, Catch::Contains("forward"));
  CHECK_THAT(svg, Catch::Contains("Time (ms)"));
  fs::remove_all(dir);
}

TEST_CASE("the legend can sit below the plot with its entries side by side") {
  Figure f{.title = "t", .x = {.label = "x"}, .y = {.label = "y"}};
  f.series.push_back({.name = "s", .points = {{1.0, 1.0}, {2.0, 2.0}}});
  f.legend = LegendPlacement::below_in_rows;
  CHECK(gnuplot_script(f, "a.svg", "a.dat").find("set key below center horizontal\n") !=
        std::string::npos);
}
