#include "paradox/figures/memory_heatmap.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

using namespace paradox;
using namespace paradox::figures;

namespace {
MemoryHeatmap grid() {
  MemoryHeatmap m{.title = "70B on 80 GB",
                  .tensor_degrees = {1, 2, 4, 8},
                  .pipeline_degrees = {1, 2, 4},
                  .cells = {},
                  .capacity = 80.0 * gigabytes};
  for (int pp : m.pipeline_degrees) {
    for (int tp : m.tensor_degrees) {
      HeatmapCell c{.tensor_parallel = tp, .pipeline_parallel = pp};
      if (!(tp == 8 && pp == 4)) c.per_gpu = (560.0 / (tp * pp)) * gigabytes;
      m.cells.push_back(c);
    }
  }
  return m;
}
}  // namespace

TEST_CASE("one cell per layout, coloured by its share of the capacity, with the value") {
  const MemoryHeatmapFigure built = build(grid());
  const Figure& f = built.figure;
  REQUIRE(f.boxes.size() == 12);
  REQUIRE(f.x.ticks.size() == 4);
  CHECK(f.x.ticks[3].text == "8");
  CHECK(f.x.ticks[3].at == 3.0);
  REQUIRE(f.y.ticks.size() == 3);
  CHECK(f.y.ticks[2].text == "4");
  CHECK(axis_title(f.x) == "Tensor-parallel degree (TP)");
  CHECK(axis_title(f.y) == "Pipeline-parallel degree (PP)");
  // TP 1, PP 1: 560 GB, over.  TP 8, PP 1: 70 GB = 87.5%, the darkest blue.
  CHECK(f.boxes[0].text == "560 GB (over)");
  CHECK(f.boxes[0].color == heatmap_over_color);
  CHECK(f.boxes[3].text == "70.0 GB");
  CHECK(f.boxes[3].color == heatmap_ramp[3]);
  // TP 4, PP 4: 35 GB = 43.75% -> second bin; TP 2, PP 4: 70 GB; TP 8, PP 4: not valid.
  CHECK(f.boxes[10].text == "35.0 GB");
  CHECK(f.boxes[10].color == heatmap_ramp[1]);
  CHECK(f.boxes[11].text == "n/a");
  CHECK(f.boxes[11].color == heatmap_invalid_color);
  CHECK(f.boxes[11].x0 < 3.0);
  CHECK(f.boxes[11].x1 > 3.0);
  REQUIRE(f.legend_entries.size() == 6);
  CHECK(f.legend_entries[0].text == "0-20.0 GB");
  CHECK(f.legend_entries[3].text == "60.0-80.0 GB");
  CHECK(f.legend_entries[4].text == "over capacity (80.0 GB)");
  CHECK(f.legend_entries[5].text == "layout not valid");
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("exactly at capacity is not over; bins close on the right") {
  MemoryHeatmap m = grid();
  m.cells = {{.tensor_parallel = 1, .pipeline_parallel = 1, .per_gpu = 80.0 * gigabytes},
             {.tensor_parallel = 2, .pipeline_parallel = 1, .per_gpu = 20.0 * gigabytes},
             {.tensor_parallel = 4, .pipeline_parallel = 1, .per_gpu = 0.5 * gigabytes}};
  const Figure f = build(m).figure;
  REQUIRE(f.boxes.size() == 3);  // missing cells stay blank
  CHECK(f.boxes[0].color == heatmap_ramp[3]);
  CHECK(f.boxes[1].color == heatmap_ramp[0]);
  CHECK(f.boxes[2].text == "0.5 GB");
}

TEST_CASE("the memory heatmap rejects unknown, repeated or negative cells") {
  MemoryHeatmap m = grid();
  m.cells.push_back({.tensor_parallel = 3, .pipeline_parallel = 1});
  REQUIRE_THROWS_WITH(build(m),
                      "memory heatmap: cell tensor_parallel must be one of tensor_degrees (got 3)");
  m = grid();
  m.cells.push_back(m.cells.front());
  REQUIRE_THROWS_WITH(build(m), "memory heatmap: cells must hold at most one cell per (TP, PP) "
                                "(got two for TP = 1, PP = 1)");
  m = grid();
  m.cells[0].per_gpu = -1.0 * gigabytes;
  REQUIRE_THROWS_AS(build(m), invalid_input);
  m = grid();
  m.pipeline_degrees = {1, 1};
  REQUIRE_THROWS_WITH(build(m),
                      "memory heatmap: pipeline_degrees must list each degree once (got 1 twice)");
  m = grid();
  m.tensor_degrees.clear();
  REQUIRE_THROWS_WITH(build(m), "memory heatmap: tensor_degrees must be non-empty (got 0 degrees)");
  m = grid();
  m.capacity = 0.0 * gigabytes;
  REQUIRE_THROWS_WITH(build(m), "memory heatmap: capacity must be > 0 and finite (got 0 B)");
}
