#include "paradox/figures/scaling_efficiency.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "scaling/scaling_test_support.hpp"

#include "paradox/figures/csv.hpp"

using namespace paradox;
using namespace paradox::figures;
using Catch::Matchers::WithinRel;

namespace {
// Flat ring over 1 GB/s links with no latency: T_comm(N) = 2 (N-1)/N * 1 GB / (1 GB/s), so with
// T_compute = 100 s the step is T(N) = 100/N + 2(N-1)/N s and S(N) = 100 N / (98 + 2N).
scaling::ScalingInput toy(double gigabytes_per_s) {
  return {.compute_time = 100.0 * seconds,
          .gradient = 1.0 * gigabytes,
          .cluster = scaling_test::flat(scaling_test::ab(0.0 * seconds, gigabytes_per_s * gigabytes_per_second))};
}

ScalingEfficiencyPlot toy_plot() {
  return {.title = "toy",
          .worker_label = "GPUs",
          .networks = {{.name = "slow", .input = toy(1.0)}, {.name = "fast", .input = toy(100.0)}},
          .max_workers = 64};
}
}  // namespace

TEST_CASE("worker grid is sorted, distinct, from 1 to max, with every power of two") {
  const auto grid = worker_grid(1000, 1, 16);
  REQUIRE(grid.front() == 1);
  REQUIRE(grid.back() == 1000);
  REQUIRE(std::is_sorted(grid.begin(), grid.end()));
  REQUIRE(std::adjacent_find(grid.begin(), grid.end()) == grid.end());
  for (int p = 1; p <= 512; p *= 2) CHECK(std::find(grid.begin(), grid.end(), p) != grid.end());
}

TEST_CASE("worker grid uses whole nodes beyond the first node") {
  const auto grid = worker_grid(1024, 8, 64);
  for (int n : grid) {
    if (n > 8) CHECK(n % 8 == 0);
  }
  CHECK(worker_grid(1, 1, 2) == std::vector<int>{1});
}

TEST_CASE("worker grid rejects bad arguments") {
  REQUIRE_THROWS_WITH(worker_grid(0, 1, 8),
                      "worker grid: max_workers must be in [1, 10000000] (got 0)");
  REQUIRE_THROWS_AS(worker_grid(8, 0, 8), invalid_input);
  REQUIRE_THROWS_AS(worker_grid(8, 1, 1), invalid_input);
}

TEST_CASE("the figure has the ideal line, one curve per network, units on the axes") {
  const ScalingEfficiencyFigure built = build(toy_plot());
  const Figure& f = built.figure;
  REQUIRE(f.series.size() == 4);  // ideal, slow, fast, slow's diminishing-returns point
  CHECK(f.series[0].name == "ideal (no communication)");
  CHECK(f.series[1].name == "slow");
  CHECK(f.series[2].name == "fast");
  CHECK(axis_title(f.x) == "GPUs");
  CHECK(axis_title(f.y) == "Throughput (x one worker)");
  CHECK(f.x.log_scale);
  CHECK(f.x.log_base == 2);
  for (const Point& p : f.series[0].points) CHECK(p.y == p.x);
  REQUIRE_NOTHROW(validate(f));
}

TEST_CASE("the curves are the scaling model's speedups") {
  const ScalingEfficiencyFigure built = build(toy_plot());
  const Series& slow = built.figure.series[1];
  for (const Point& p : slow.points) {
    const double n = p.x;
    const double expected = n == 1 ? 1.0 : 100.0 * n / (98.0 + 2.0 * n);
    CHECK_THAT(p.y, WithinRel(expected, 1e-12));
  }
  // 8 -> 64 workers: S(64)/S(8) = 28.3186 / 7.0175 = 4.0354, not 8.
  const auto& pts = built.networks[0].points;
  const auto at = [&](int n) {
    return std::find_if(pts.begin(), pts.end(), [&](const auto& q) { return q.workers == n; })
        ->speedup;
  };
  CHECK_THAT(at(64) / at(8), WithinRel(4.035398230088496, 1e-12));
}

TEST_CASE("diminishing returns is marked on each network that reaches it") {
  const ScalingEfficiencyFigure built = build(toy_plot());
  // S(22) - S(21) = 0.493 < 0.5 and every earlier step gains more (closed form above).
  REQUIRE(built.networks[0].diminishing_returns_workers == 21);
  REQUIRE_FALSE(built.networks[1].diminishing_returns_workers.has_value());  // fast: 64 GPUs fine
  REQUIRE(built.figure.markers.size() == 1);
  CHECK(built.figure.markers[0].x == 21.0);
  CHECK_THAT(built.figure.markers[0].y, WithinRel(15.0, 1e-12));
  CHECK(built.figure.markers[0].text == "N = 21");
  CHECK(built.figure.markers[0].color == built.figure.series[1].color);
  // ... and in the legend, as a one-point series after the curves.
  REQUIRE(built.figure.series.size() == 4);
  CHECK(built.figure.series[3].name == "slow: diminishing returns at N = 21");
  CHECK(built.figure.series[3].style == Style::points);
  CHECK(built.figure.series[3].points.size() == 1);
}

TEST_CASE("samples_per_step switches the y axis to samples per second") {
  ScalingEfficiencyPlot plot = toy_plot();
  plot.samples_per_step = 1000;
  plot.highlight_workers = 64;
  const ScalingEfficiencyFigure built = build(plot);
  CHECK(built.figure.y.unit == "samples/s");
  CHECK_THAT(built.figure.series[0].points.front().y, WithinRel(10.0, 1e-12));  // 1000/100 s
  CHECK_THAT(built.figure.series[1].points.back().y, WithinRel(1000.0 / (98.0 / 64 + 2), 1e-12));
  REQUIRE(built.figure.vertical_lines.size() == 1);
  CHECK(built.figure.vertical_lines[0].x == 64.0);
}

TEST_CASE("multi-GPU nodes report diminishing returns in whole nodes") {
  ScalingEfficiencyPlot plot = toy_plot();
  for (NetworkScenario& net : plot.networks) {
    net.input.cluster.nodes = 64;
    net.input.cluster.node.accelerators_per_node = 8;
    net.input.cluster.node.intra_node = scaling_test::ab(0.0 * seconds, 450.0 * gigabytes_per_second);
  }
  plot.max_workers = 512;
  const auto built = build(plot);
  for (std::size_t i = 0; i < built.networks.size(); ++i) {
    const auto knee = scaling_test::knee(plot.networks[i].input, 512);
    CHECK(built.networks[i].diminishing_returns_workers == knee);
    if (knee) CHECK(*knee % 8 == 0);
  }
  plot.max_workers = 4;
  REQUIRE_THROWS_WITH(build(plot),
                      "diminishing returns: max_workers must be >= 8 (one node) (got 4)");
}

TEST_CASE("invalid plots are rejected naming the field") {
  ScalingEfficiencyPlot plot = toy_plot();
  plot.networks.clear();
  REQUIRE_THROWS_WITH(build(plot),
                      "scaling efficiency plot: networks must be non-empty (got 0 networks)");
  plot = toy_plot();
  plot.max_workers = 1;
  REQUIRE_THROWS_WITH(build(plot),
                      "scaling efficiency plot: max_workers must be in [2, 10000000] (got 1)");
  plot = toy_plot();
  plot.highlight_workers = 65;
  REQUIRE_THROWS_AS(build(plot), invalid_input);
  plot = toy_plot();
  plot.networks[0].name.clear();
  REQUIRE_THROWS_AS(build(plot), invalid_input);
  plot = toy_plot();
  plot.networks[0].input.overlap_fraction = 2.0;
  REQUIRE_THROWS_AS(build(plot), invalid_input);
}

TEST_CASE("no network ever beats the ideal line, and more bandwidth never lowers throughput") {
  REQUIRE(rc::check([](unsigned bw_seed, unsigned n_seed) {
    const double slow_bw = 0.01 + (bw_seed % 1000) / 10.0;
    const int max_workers = 2 + static_cast<int>(n_seed % 500);
    ScalingEfficiencyPlot plot{.networks = {{.name = "slow", .input = toy(slow_bw)},
                                            {.name = "fast", .input = toy(slow_bw * 4)}},
                               .max_workers = max_workers};
    const auto built = build(plot);
    const auto& ideal = built.figure.series[0].points;
    const auto& slow = built.figure.series[1].points;
    const auto& fast = built.figure.series[2].points;
    RC_ASSERT(slow.size() == ideal.size());
    for (std::size_t i = 0; i < ideal.size(); ++i) {
      RC_ASSERT(slow[i].y <= ideal[i].y * (1 + 1e-12));
      RC_ASSERT(fast[i].y <= ideal[i].y * (1 + 1e-12));
      RC_ASSERT(slow[i].y <= fast[i].y * (1 + 1e-12));
    }
  }));
}

TEST_CASE("the figure converts to CSV with one row per sample and marker") {
  const auto built = build(toy_plot());
  const std::string csv = to_csv(built.figure);
  CHECK_THAT(csv, Catch::StartsWith("kind,name,GPUs,Throughput (x one worker)\n"));
  // S(21) = 2100/140 = 15 up to rounding in the last place.
  CHECK_THAT(csv, Catch::Contains("marker,N = 21,21,15"));
  CHECK_THAT(csv, Catch::Contains("series,slow: diminishing returns at N = 21,21,15"));
}
