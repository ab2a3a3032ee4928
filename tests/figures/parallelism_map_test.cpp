#include "paradox/figures/parallelism_map.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace paradox;
using namespace paradox::figures;

namespace {
// TP = 8 inside a node, PP = 4 across nodes, DP over the rest.
ParallelismMap layout(int gpus, ColourBy by = ColourBy::pipeline_stage) {
  ParallelismMap m{.title = "map", .gpus_per_node = 8, .nodes_per_rack = 2, .racks_per_pod = 2};
  m.colour_by = by;
  for (int g = 0; g < gpus; ++g)
    m.gpus.push_back({.gpu = g,
                      .tensor_rank = g % 8,
                      .pipeline_stage = (g / 8) % 4,
                      .data_replica = g / 32});
  return m;
}
}  // namespace

TEST_CASE("one box per GPU in its node's row, rack and pod boundaries as gaps") {
  const ParallelismMapFigure built = build(layout(64));
  const Figure& f = built.figure;
  CHECK(built.nodes == 8);
  CHECK(built.groups == 4);
  REQUIRE(f.boxes.size() == 64);
  // 8 rows, a rack gap (0.4) after nodes 1 and 5, a pod gap (1) after node 3.
  CHECK(*f.y.max == 8 + 0.4 + 1.0 + 0.4);
  REQUIRE(f.y.ticks.size() == 8);
  CHECK(f.y.ticks[0].text == "pod 0 · rack 0 · node 0");
  CHECK(f.y.ticks[1].text == "node 1");
  CHECK(f.y.ticks[4].text == "pod 1 · rack 2 · node 4");
  CHECK(f.y.ticks[3].at - f.y.ticks[4].at == 2.0);  // one row plus the pod gap
  REQUIRE(f.x.ticks.size() == 8);
  CHECK(f.boxes[13].text == "s1 d0 t5");
  CHECK(f.boxes[13].x0 < 5.0);
  CHECK(f.boxes[13].x1 > 5.0);
  CHECK(f.boxes[0].color == f.boxes[32].color);  // same stage, other replica
  CHECK(f.boxes[0].color != f.boxes[8].color);
  REQUIRE(f.legend_entries.size() == 5);
  CHECK(f.legend_entries[0].text == "pipeline stage 0");
  CHECK(f.legend_entries[4].text == "s stage, d replica, t rank");
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("colours can show replicas or tensor ranks; more than 8 groups repeat the palette") {
  const Figure by_rank = build(layout(16, ColourBy::tensor_rank)).figure;
  CHECK(by_rank.boxes[0].color == by_rank.boxes[8].color);
  CHECK(by_rank.legend_entries[7].text == "tensor rank 7");
  ParallelismMap many = layout(96, ColourBy::data_replica);
  for (MapGpu& g : many.gpus) g.data_replica = g.gpu / 8;  // 12 replicas
  const ParallelismMapFigure built = build(many);
  CHECK(built.groups == 12);
  REQUIRE(built.figure.legend_entries.size() == 9);
  CHECK(built.figure.legend_entries[6].text == "data replica 6");
  CHECK(built.figure.legend_entries[7].text == "... colours repeat every 8");
  CHECK(built.figure.legend_entries[7].color.empty());
}

TEST_CASE("1,024 GPUs: every node drawn, no cell text, the SVG grown to keep rows legible") {
  ParallelismMap m = layout(1024);
  m.nodes_per_rack = 4;
  m.racks_per_pod = 8;
  const ParallelismMapFigure built = build(m);
  CHECK(built.nodes == 128);
  CHECK(built.figure.boxes.size() == 1024);
  for (const Box& b : built.figure.boxes) CHECK(b.text.empty());
  CHECK(built.svg.height >= 16 * 128);
  CHECK(built.figure.y.ticks[127].text == "node 127");
  CHECK(built.figure.y.ticks[124].text == "pod 3 · rack 31 · node 124");
  if (std::system("gnuplot --version > /dev/null 2>&1") != 0) {
    WARN("gnuplot is not installed: SVG rendering not exercised (Debian: gnuplot-nox)");
    return;
  }
  const auto dir = std::filesystem::temp_directory_path() / "paradox_parallelism_map_test";
  std::filesystem::remove_all(dir);
  const RenderResult r = render_svg(built.figure, dir / "map.svg", built.svg);
  INFO(r.message);
  REQUIRE(r.ok);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the parallelism map rejects bad sizes and repeated GPUs") {
  REQUIRE_THROWS_WITH(build(ParallelismMap{}),
                      "parallelism map: gpus must be non-empty (got 0 GPUs)");
  ParallelismMap m = layout(8);
  m.gpus_per_node = 0;
  REQUIRE_THROWS_WITH(build(m), "parallelism map: gpus_per_node must be in [1, 1024] (got 0)");
  m = layout(8);
  m.gpus.push_back(m.gpus[3]);
  REQUIRE_THROWS_WITH(build(m), "parallelism map: gpu 3 must be listed once (got 2 times)");
  m = layout(8);
  m.gpus[2].pipeline_stage = -1;
  REQUIRE_THROWS_WITH(build(m), "parallelism map: gpu 2 pipeline_stage must be >= 0 (got -1)");
  m = layout(8);
  m.racks_per_pod = 0;
  REQUIRE_THROWS_AS(build(m), invalid_input);
}
