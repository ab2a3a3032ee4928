#include "paradox/figures/pipeline_schedule.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <limits>

#include "paradox/figures/csv.hpp"

using namespace paradox;
using namespace paradox::figures;
using Catch::Matchers::WithinAbs;

namespace {
pipeline::Timeline step(pipeline::Schedule schedule, int p, int m, int v = 1) {
  return pipeline::simulate({.schedule = schedule,
                             .shape = {.stages = p, .microbatches = m, .virtual_stages = v},
                             .forward_time = 1.0 * milliseconds,
                             .backward_time = 2.0 * milliseconds,
                             .p2p_time = 0.0 * seconds});
}
}  // namespace

TEST_CASE("one 1F1B step: a box per op, forward and backward colours, a row per GPU") {
  // p = 2, m = 2, tf = 1 ms, tb = 2 ms: the step is (m + p - 1)(tf + tb) = 9 ms.
  const PipelineScheduleFigure built = build(PipelineSchedulePlot{
      .title = "1F1B",
      .timelines = {{.name = "1F1B", .timeline = step(pipeline::Schedule::one_f_one_b, 2, 2)}}});
  const Figure& f = built.figure;
  REQUIRE(built.rows == 2);
  REQUIRE(f.boxes.size() == 8);
  CHECK(axis_title(f.x) == "Time (ms)");
  REQUIRE(f.x.max.has_value());
  CHECK_THAT(*f.x.max, WithinAbs(9.0, 1e-12));
  CHECK(*f.x.min == 0.0);
  CHECK(*f.y.max == 2.0);
  REQUIRE(f.y.ticks.size() == 2);
  CHECK(f.y.ticks[0].text == "1F1B · GPU 0");
  CHECK(f.y.ticks[0].at == 1.5);  // GPU 0 on top
  CHECK(f.y.ticks[1].text == "1F1B · GPU 1");
  CHECK(f.y.ticks[1].at == 0.5);
  int forwards = 0;
  for (const Box& b : f.boxes) {
    const bool forward = b.color == "#08519c";
    CHECK((forward || b.color == "#f16913"));
    forwards += forward ? 1 : 0;
    CHECK_THAT(b.y1 - b.y0, WithinAbs(0.8, 1e-12));
    CHECK((b.text == "0" || b.text == "1"));  // 1 ms is wide enough for a digit
    CHECK_THAT(b.x1 - b.x0, WithinAbs(forward ? 1.0 : 2.0, 1e-12));
  }
  CHECK(forwards == 4);
  REQUIRE(f.legend_entries.size() == 4);
  CHECK(f.legend_entries[0].text == "forward");
  CHECK(f.legend_entries[1].text == "backward");
  CHECK(f.legend_entries[2].text == "idle (bubble)");
  CHECK(f.legend_entries[3].color.empty());
  CHECK(f.legend == LegendPlacement::below_in_rows);
  CHECK_FALSE(f.grid);
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("several schedules stack with a gap; interleaved chunks get their own shades") {
  const PipelineScheduleFigure built = build(PipelineSchedulePlot{
      .title = "three",
      .timelines = {{.name = "GPipe", .timeline = step(pipeline::Schedule::gpipe, 4, 8)},
                    {.name = "1F1B", .timeline = step(pipeline::Schedule::one_f_one_b, 4, 8)},
                    {.name = "interleaved",
                     .timeline = step(pipeline::Schedule::interleaved_1f1b, 4, 8, 2)}}});
  const Figure& f = built.figure;
  CHECK(built.rows == 12);
  CHECK(f.boxes.size() == 64 + 64 + 128);
  CHECK_THAT(*f.y.max, WithinAbs(12 + 2 * 0.6, 1e-12));
  REQUIRE(f.y.ticks.size() == 12);
  CHECK(f.y.ticks[4].text == "1F1B · GPU 0");
  CHECK_THAT(f.y.ticks[3].at - f.y.ticks[4].at, WithinAbs(1.6, 1e-12));  // the gap
  CHECK(f.y.ticks[11].text == "interleaved · GPU 3");
  CHECK(f.legend_entries[0].text == "forward, chunk 0");
  CHECK(f.legend_entries[1].text == "forward, chunk 1");
  CHECK(f.legend_entries[1].color == "#6baed6");
  CHECK(f.legend_entries[3].text == "backward, chunk 1");
  // GPipe's step is the longest: 3 + 8 forwards then 8 + 3 backwards, (m + p - 1)(tf + tb).
  CHECK_THAT(*f.x.max, WithinAbs(33.0, 1e-12));
  CHECK(built.svg.height > 190 + 30 * 12);
}

TEST_CASE("micro-batch numbers are left out of boxes too narrow for them") {
  const PipelineScheduleFigure built = build(PipelineSchedulePlot{
      .timelines = {{.name = "GPipe", .timeline = step(pipeline::Schedule::gpipe, 2, 400)}}});
  for (const Box& b : built.figure.boxes) CHECK(b.text.empty());
}

TEST_CASE("the pipeline schedule plot rejects empty or inconsistent input") {
  REQUIRE_THROWS_WITH(build(PipelineSchedulePlot{}),
                      "pipeline schedule plot: timelines must be non-empty (got 0 timelines)");
  const pipeline::Timeline good = step(pipeline::Schedule::gpipe, 2, 2);
  REQUIRE_THROWS_WITH(build(PipelineSchedulePlot{.timelines = {{.name = "", .timeline = good}}}),
                      "pipeline schedule plot: timeline name must be non-empty (got \"\")");
  REQUIRE_THROWS_WITH(build(PipelineSchedulePlot{.timelines = {{.name = "x", .timeline = {}}}}),
                      "pipeline schedule plot: timeline 'x' slots must be non-empty (got 0 slots)");
  pipeline::Timeline bad = step(pipeline::Schedule::gpipe, 2, 2);
  bad.slots[0].end = bad.slots[0].start;
  REQUIRE_THROWS_WITH(build(PipelineSchedulePlot{.timelines = {{.name = "x", .timeline = bad}}}),
                      "pipeline schedule plot: slot end - start must be > 0 and finite (got 0 s)");
  bad = step(pipeline::Schedule::gpipe, 2, 2);
  bad.slots[1].stage = -1;
  REQUIRE_THROWS_WITH(build(PipelineSchedulePlot{.timelines = {{.name = "x", .timeline = bad}}}),
                      "pipeline schedule plot: slot stage must be in [0, 4095] (got -1)");
  bad = step(pipeline::Schedule::gpipe, 2, 2);
  bad.slots[1].start = std::numeric_limits<double>::quiet_NaN() * seconds;
  REQUIRE_THROWS_AS(build(PipelineSchedulePlot{.timelines = {{.name = "x", .timeline = bad}}}),
                    invalid_input);
}

TEST_CASE("the Gantt chart renders to SVG and CSV") {
  const PipelineScheduleFigure built = build(PipelineSchedulePlot{
      .title = "1F1B, p = 4, m = 8",
      .timelines = {{.name = "1F1B", .timeline = step(pipeline::Schedule::one_f_one_b, 4, 8)}}});
  const std::string csv = to_csv(built.figure);
  CHECK_THAT(csv, Catch::StartsWith("kind,name,Time (ms),Device,Time (ms) end,Device end,color\n"));
  CHECK_THAT(csv, Catch::Contains("ytick,1F1B · GPU 3,,0.5,,,\n"));
  if (std::system("gnuplot --version > /dev/null 2>&1") != 0) {
    WARN("gnuplot is not installed: SVG rendering not exercised (Debian: gnuplot-nox)");
    return;
  }
  const auto dir = std::filesystem::temp_directory_path() / "paradox_pipeline_schedule_test";
  std::filesystem::remove_all(dir);
  const RenderResult r = render_svg(built.figure, dir / "schedule.svg", built.svg);
  INFO(r.message);
  REQUIRE(r.ok);
  std::filesystem::remove_all(dir);
}
