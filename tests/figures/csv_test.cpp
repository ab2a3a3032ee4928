#include "paradox/figures/csv.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace paradox::figures;

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("csv fields are quoted only when they contain a comma, quote or line break") {
  CHECK(csv_field("ideal") == "ideal");
  CHECK(csv_field("10GbE, ring") == "\"10GbE, ring\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("to_csv writes one row per series sample, marker and vertical line") {
  const Figure f{.title = "Scaling",
                 .x = {.label = "Accelerators"},
                 .y = {.label = "Throughput", .unit = "samples/s"},
                 .series = {{.name = "ideal", .points = {{1, 0.5}, {2, 1}}},
                            {.name = "10GbE, ring", .points = {{1, 0.5}}}},
                 .vertical_lines = {{.x = 8, .text = "one node"}},
                 .markers = {{.x = 2, .y = 1, .text = "knee"}}};
  CHECK(to_csv(f) ==
        "kind,name,Accelerators,Throughput (samples/s)\n"
        "series,ideal,1,0.5\n"
        "series,ideal,2,1\n"
        "series,\"10GbE, ring\",1,0.5\n"
        "marker,knee,2,1\n"
        "vline,one node,8,\n");
}

TEST_CASE("to_csv numbers read back to the same double") {
  REQUIRE(rc::check("round trip of every finite double", [](double v) {
    RC_PRE(std::isfinite(v));
    const Figure f{.title = "",
                   .x = {.label = "x"},
                   .y = {.label = "y"},
                   .series = {{.name = "s", .points = {{v, -v}}}}};
    const std::string text = to_csv(f);
    const auto row = text.substr(text.find('\n') + 1);
    const auto x_start = row.find(',', row.find(',') + 1) + 1;
    const auto y_start = row.find(',', x_start) + 1;
    RC_ASSERT(std::stod(row.substr(x_start, y_start - 1 - x_start)) == v);
    RC_ASSERT(std::stod(row.substr(y_start)) == -v);
  }));
}

TEST_CASE("write_csv creates missing directories and writes the file") {
  const auto dir = std::filesystem::temp_directory_path() / "paradox_csv_test" / "nested";
  std::filesystem::remove_all(dir.parent_path());
  const Figure f{.title = "t",
                 .x = {.label = "x"},
                 .y = {.label = "y"},
                 .series = {{.name = "s", .points = {{1, 2}}}}};
  const auto result = write_csv(f, dir / "f.csv");
  REQUIRE(result.ok);
  REQUIRE(result.message.empty());
  REQUIRE(result.files.size() == 1);
  CHECK(slurp(dir / "f.csv") == to_csv(f));
  std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("write_csv reports an unwritable path instead of throwing") {
  const auto file = std::filesystem::temp_directory_path() / "paradox_csv_test_blocker";
  { std::ofstream(file) << "x"; }
  const auto result = write_csv(Figure{}, file / "sub" / "f.csv");  // parent is a file
  CHECK_FALSE(result.ok);
  CHECK_FALSE(static_cast<bool>(result));
  CHECK_FALSE(result.message.empty());
  CHECK(result.message.find('\n') == std::string::npos);
  std::filesystem::remove(file);
}

TEST_CASE("a figure with boxes gets the end and colour columns and rows for every element") {
  Figure f{.title = "Gantt",
           .x = {.label = "Time", .unit = "ms", .ticks = {{.at = 0, .text = "start"}}},
           .y = {.label = "Device", .ticks = {{.at = 0.5, .text = "1F1B, GPU 0"}}},
           .series = {{.name = "s", .points = {{1, 2}}}},
           .vertical_lines = {{.x = 8, .text = "end"}},
           .boxes = {{.x0 = 0, .x1 = 1.5, .y0 = 0.1, .y1 = 0.9, .color = "#1f77b4", .text = "0"}},
           .labels = {{.x = 2, .y = 0.5, .text = "idle"}},
           .legend_entries = {{.text = "forward", .color = "#1f77b4"}}};
  CHECK(to_csv(f) ==
        "kind,name,Time (ms),Device,Time (ms) end,Device end,color\n"
        "series,s,1,2,,,\n"
        "vline,end,8,,,,\n"
        "box,0,0,0.1,1.5,0.9,#1f77b4\n"
        "label,idle,2,0.5,,,\n"
        "legend,forward,,,,,#1f77b4\n"
        "xtick,start,0,,,,\n"
        "ytick,\"1F1B, GPU 0\",,0.5,,,\n");
}

TEST_CASE("a figure without boxes, labels, legend entries or ticks keeps the four columns") {
  const Figure f{.title = "t",
                 .x = {.label = "x", .min = 0.0, .max = 1.0},
                 .y = {.label = "y"},
                 .series = {{.name = "s", .points = {{1, 2}}}},
                 .grid = false};
  CHECK(to_csv(f) == "kind,name,x,y\nseries,s,1,2\n");
}
