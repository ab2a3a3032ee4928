/// @file
/// @brief ScalingEfficiencyPlot, the part-1 figure: throughput against the number of
/// accelerators, the ideal line, one curve per network and each network's point of diminishing
/// returns. Built from scaling::sweep.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/figures/figure.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/strong_weak.hpp"
#include "paradox/units.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief One network to compare: a name for the legend and the scaling job on that network.
struct NetworkScenario {
  std::string name;             ///< legend text, e.g. "10GbE" or "InfiniBand NDR"
  scaling::ScalingInput input;  ///< the job on this network (see scaling::evaluate)
  std::string color{};          ///< "#rrggbb"; empty = palette
  /// How N workers synchronise a step, \f$C(N)\f$ (a scaling::CommunicationModel: a
  /// federated round, a star or a gossip on a radio); empty: the all-reduce on the input's
  /// cluster (scaling::communication_time)
  std::function<Seconds(int)> communication{};
};

/// @brief What the part-1 figure shows. Aggregate: build it with designated initializers.
struct ScalingEfficiencyPlot {
  std::string title = "Scaling efficiency: throughput vs accelerators";  ///< figure title
  std::string worker_label = "Accelerators";  ///< x axis label ("GPUs", "Cars", ...)
  std::vector<NetworkScenario> networks{};    ///< curves, usually the slow and the fast network
  int max_workers = 64;                       ///< last N plotted, in [2, max_workers_limit]
  double threshold = 0.5;                     ///< marginal-speedup threshold of diminishing returns
  /// Samples in one global step. > 0: the y axis is samples/s (samples / T(N)); 0: throughput
  /// relative to one worker, i.e. the speedup S(N).
  std::int64_t samples_per_step = 0;
  std::string sample_unit = "samples";     ///< what a sample is: y unit is "<sample_unit>/s"
  int grid_points = 64;                    ///< log-spaced worker counts per curve, in [2, 4096]
  bool log_y = true;                       ///< logarithmic y axis (the x axis is always log 2)
  std::optional<int> highlight_workers{};  ///< draws a vertical line at this N (the slider)
};

/// @brief One network's curve as numbers, for tables and tests.
struct NetworkCurve {
  std::string name;                                ///< as in NetworkScenario
  std::vector<scaling::ScalingPoint> points;       ///< one per worker count of the grid
  std::optional<int> diminishing_returns_workers;  ///< scaling::diminishing_returns()
};

/// @brief The built figure plus the numbers behind it.
struct ScalingEfficiencyFigure {
  Figure figure;                       ///< ready for write_csv / render_svg
  std::vector<int> workers;            ///< the grid of worker counts every curve is sampled on
  std::vector<NetworkCurve> networks;  ///< per network, in input order
};

/// @brief Worker counts to sample: about `grid_points` log-spaced values in [1, max_workers],
/// whole nodes beyond the first node, plus every power of two and max_workers itself.
/// @param max_workers last N, >= 1
/// @param gpus_per_node g >= 1; counts above g are rounded up to multiples of g (capped at
///        max_workers), where the all-reduce cost is a step function of the node count
/// @param grid_points how many log-spaced samples to aim for, >= 2
/// @throws invalid_input on max_workers < 1, gpus_per_node < 1 or grid_points < 2
/// @return sorted, distinct counts starting at 1 and ending at max_workers
[[nodiscard]] inline std::vector<int> worker_grid(int max_workers, int gpus_per_node,
                                                  int grid_points) {
  constexpr std::string_view fn = "worker grid";
  require_in_range(fn, "max_workers", max_workers, 1, scaling::max_workers_limit);
  require_at_least(fn, "gpus_per_node", gpus_per_node, 1);
  require_in_range(fn, "grid_points", grid_points, 2, 4096);
  std::vector<int> grid;
  const auto add = [&](long n) {
    if (n > gpus_per_node && gpus_per_node > 1)
      n = (n + gpus_per_node - 1) / gpus_per_node * gpus_per_node;
    grid.push_back(static_cast<int>(std::clamp<long>(n, 1, max_workers)));
  };
  const double top = std::log(static_cast<double>(max_workers));
  for (int i = 0; i < grid_points; ++i) {
    add(std::lround(std::exp(top * i / (grid_points - 1))));
  }
  for (long p = 1; p <= max_workers; p *= 2) add(p);
  grid.push_back(max_workers);
  std::sort(grid.begin(), grid.end());
  grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
  return grid;
}

/// @brief Builds the part-1 figure: ideal line, one throughput curve per network, and each
/// network's diminishing-returns point marked and labelled.
///
/// Series order: the ideal line, one curve per network (input order), then one single-point
/// series per network that reaches diminishing returns (legend "<name>: diminishing returns at
/// N = n"), each also a Marker labelled "N = n" in the network's colour.
///
/// Throughput is \f$S(N) = T(1)/T(N)\f$ relative to one worker, or \f$B/T(N)\f$ samples/s for
/// a global batch of B samples; the ideal line is \f$N\f$ (resp. \f$N B / T(1)\f$), the
/// throughput of N workers that never communicate. The step model is scaling::evaluate
/// (MODELS.md section 5: \f$T(N) = T_\mathrm{compute}/N + T_\mathrm{comm}(N) -
/// T_\mathrm{overlap}\f$); the curves come from scaling::sweep over worker_grid(), with a
/// network's own synchronisation model when it has one (NetworkScenario::communication).
/// @param plot what to draw; see ScalingEfficiencyPlot
/// @pre at least one network, each with a non-empty name; max_workers in
///      [2, scaling::max_workers_limit] (and within every network's cluster, holding at
///      least one of its nodes);
///      threshold finite; samples_per_step >= 0; grid_points in [2, 4096]; highlight_workers,
///      if set, in [1, max_workers]
/// @throws invalid_input naming "scaling efficiency plot" and the field, or from the scaling
///         models for an invalid job
/// @return the figure (x: log 2 axis of workers; y: throughput) and its numbers
/// @see write_csv, render_svg, scaling::diminishing_returns
[[nodiscard]] inline ScalingEfficiencyFigure build(const ScalingEfficiencyPlot& plot) {
  constexpr std::string_view fn = "scaling efficiency plot";
  if (plot.networks.empty()) throw invalid_input(fn, "networks", "be non-empty", "0 networks");
  require_in_range(fn, "max_workers", plot.max_workers, 2, scaling::max_workers_limit);
  require_finite(fn, "threshold", plot.threshold);
  require_at_least<std::int64_t>(fn, "samples_per_step", plot.samples_per_step, 0);
  require_in_range(fn, "grid_points", plot.grid_points, 2, 4096);
  if (plot.highlight_workers)
    require_in_range(fn, "highlight_workers", *plot.highlight_workers, 1, plot.max_workers);
  int widest_node = 1;
  for (const NetworkScenario& n : plot.networks) {
    require_non_empty(fn, "network name", n.name);
    widest_node = std::max(widest_node, n.input.cluster.node.accelerators_per_node);
  }

  ScalingEfficiencyFigure out;
  out.workers = worker_grid(plot.max_workers, widest_node, plot.grid_points);
  const bool absolute = plot.samples_per_step > 0;
  const double batch = static_cast<double>(plot.samples_per_step);
  Figure& f = out.figure;
  f.title = plot.title;
  // Curves rise from the bottom left, but a slow network's can fall along the bottom: only a
  // legend outside the plot is clear of every curve.
  f.legend = LegendPlacement::below;
  f.x = Axis{.label = plot.worker_label, .unit = "", .log_scale = true, .log_base = 2};
  f.y = Axis{.label = "Throughput",
             .unit = absolute ? plot.sample_unit + "/s" : "x one worker",
             .log_scale = plot.log_y,
             .log_base = 10};

  // Every network shares the compute, so T(1) (one worker never communicates) is the same.
  const double t1 = value_in<second_unit>(plot.networks.front().input.compute_time);
  const auto throughput = [&](const scaling::ScalingPoint& p) {
    return absolute ? batch / value_in<second_unit>(p.step_time) : p.speedup;
  };
  Series ideal{.name = "ideal (no communication)",
               .points = {},
               .style = Style::dashed_line,
               .color = "#7f7f7f"};
  for (int n : out.workers) {
    const double nd = static_cast<double>(n);
    ideal.points.push_back({nd, absolute ? nd * batch / t1 : nd});
  }
  f.series.push_back(std::move(ideal));

  constexpr std::string_view colors[] = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd"};
  for (std::size_t i = 0; i < plot.networks.size(); ++i) {
    const NetworkScenario& net = plot.networks[i];
    const auto knee =
        net.communication
            ? scaling::diminishing_returns(net.input, plot.max_workers, plot.threshold,
                                           net.communication)
            : scaling::diminishing_returns(net.input, plot.max_workers, plot.threshold);
    NetworkCurve curve{
        .name = net.name,
        .points = net.communication ? scaling::sweep(net.input, out.workers, net.communication)
                                    : scaling::sweep(net.input, out.workers),
        .diminishing_returns_workers = knee ? std::optional<int>(knee->workers) : std::nullopt};
    const std::string color =
        net.color.empty() ? std::string(colors[i % std::size(colors)]) : net.color;
    Series s{.name = net.name, .points = {}, .style = Style::line, .color = color};
    for (const scaling::ScalingPoint& p : curve.points)
      s.points.push_back({static_cast<double>(p.workers), throughput(p)});
    f.series.push_back(std::move(s));
    out.networks.push_back(std::move(curve));
  }
  // The diminishing-returns points come after the curves so that they are drawn on top, each
  // with a legend entry and a short label beside the point.
  for (std::size_t i = 0; i < out.networks.size(); ++i) {
    const NetworkCurve& curve = out.networks[i];
    if (!curve.diminishing_returns_workers) continue;
    const int n = *curve.diminishing_returns_workers;
    const NetworkScenario& net = plot.networks[i];
    const double y =
        throughput(net.communication ? scaling::evaluate(net.input, n, net.communication)
                                     : scaling::evaluate(net.input, n));
    const std::string color = f.series[i + 1].color;  // a copy: push_back below reallocates
    f.series.push_back(
        Series{.name = curve.name + ": diminishing returns at N = " + std::to_string(n),
               .points = {{static_cast<double>(n), y}},
               .style = Style::points,
               .color = color});
    f.markers.push_back(Marker{
        .x = static_cast<double>(n), .y = y, .text = "N = " + std::to_string(n), .color = color});
  }
  if (plot.highlight_workers) {
    f.vertical_lines.push_back(
        VerticalLine{.x = static_cast<double>(*plot.highlight_workers),
                     .text = "N = " + std::to_string(*plot.highlight_workers),
                     .color = "#555555"});
  }
  return out;
}

/// @}

}  // namespace paradox::figures
