/// @file
/// @brief MemoryHeatmap, a part-2 figure: memory per GPU over a grid of tensor- and
/// pipeline-parallel degrees, each cell coloured by its share of the GPU's capacity.
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/figures/figure.hpp"
#include "paradox/figures/svg.hpp"
#include "paradox/units.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief One cell of the heat map: a layout and the memory one of its GPUs needs.
struct HeatmapCell {
  int tensor_parallel = 1;         ///< TP degree, one of MemoryHeatmap::tensor_degrees
  int pipeline_parallel = 1;       ///< PP degree, one of MemoryHeatmap::pipeline_degrees
  std::optional<Bytes> per_gpu{};  ///< memory per GPU; nullopt = layout not valid
};

/// @brief What the heat map shows. Aggregate: build it with designated initializers.
struct MemoryHeatmap {
  std::string title = "Memory per GPU";  ///< figure title
  std::vector<int> tensor_degrees{};     ///< columns, left to right (TP = 1, 2, 4, 8)
  std::vector<int> pipeline_degrees{};   ///< rows, bottom to top (PP = 1, 2, 4, ...)
  std::vector<HeatmapCell> cells{};      ///< at most one per (TP, PP); missing cells stay blank
  Bytes capacity{};                      ///< memory of one GPU (80 GB for an H100 SXM)
};

/// @brief The built heat map and the SVG size it reads best at.
struct MemoryHeatmapFigure {
  Figure figure;   ///< ready for write_csv / render_svg
  SvgOptions svg;  ///< size grown with the number of columns and rows
};

/// @brief The sequential ramp of the heat map: cells using up to 25%, 50%, 75% and 100% of
/// the capacity, pale to dark blue.
inline constexpr std::string_view heatmap_ramp[] = {"#deebf7", "#9ecae1", "#4292c6", "#08519c"};
/// @brief Cells over capacity.
inline constexpr std::string_view heatmap_over_color = "#d62728";
/// @brief Cells whose layout is not valid.
inline constexpr std::string_view heatmap_invalid_color = "#bdbdbd";

namespace detail {

/// A number of gigabytes with 3 significant digits ("41.0", "71.2", "142"; "1420" above 999).
[[nodiscard]] inline std::string gigabytes_number(double gb) {
  char buffer[48];
  const char* format = gb >= 99.95    ? "%.0f"
                       : gb >= 9.995  ? "%.1f"
                       : gb >= 0.9995 ? "%.2f"
                                      : "%.3g";
  std::snprintf(buffer, sizeof buffer, format, gb);
  return buffer;
}

/// Gigabytes with 3 significant digits and the unit ("71.2 GB").
[[nodiscard]] inline std::string gigabytes_text(Bytes b) {
  return gigabytes_number(value_in<gigabyte_unit>(b)) + " GB";
}

}  // namespace detail

/// @brief Builds the TP x PP heat map of memory per GPU.
///
/// Column j is tensor_degrees[j] (x ticks "1", "2", ...), row i is pipeline_degrees[i] (y
/// ticks, from the bottom). A cell is a box around (j, i), coloured by \f$r =\f$ per_gpu /
/// capacity on heatmap_ramp (\f$r \le 1/4, 1/2, 3/4, 1\f$), red (heatmap_over_color) when
/// \f$r > 1\f$ and grey (heatmap_invalid_color) when the layout is not valid; its text is the
/// memory in GB with 3 significant digits ("71.2 GB"), "142 GB (over)" above capacity, or
/// "n/a". The legend (below the plot) gives each colour's range in GB, with the capacity
/// ("over capacity (80 GB)").
/// @param map what to draw; see MemoryHeatmap
/// @pre tensor_degrees and pipeline_degrees non-empty, each degree >= 1 and listed once;
///   capacity > 0 and finite; every cell's degrees listed, at most one cell per (TP, PP),
///   per_gpu (when set) >= 0 and finite
/// @throws invalid_input e.g. "memory heatmap: cell tensor_parallel must be one of
///   tensor_degrees (got 3)"
/// @return the figure and a suggested SVG size
/// @see memory::fit, render_svg
[[nodiscard]] inline MemoryHeatmapFigure build(const MemoryHeatmap& map) {
  constexpr std::string_view fn = "memory heatmap";
  require_positive(fn, "capacity", map.capacity);
  const auto check_degrees = [&](std::string_view name, const std::vector<int>& degrees) {
    if (degrees.empty()) throw invalid_input(fn, name, "be non-empty", "0 degrees");
    for (std::size_t i = 0; i < degrees.size(); ++i) {
      require_at_least(fn, name, degrees[i], 1);
      if (std::find(degrees.begin(), degrees.begin() + static_cast<long>(i), degrees[i]) !=
          degrees.begin() + static_cast<long>(i))
        throw invalid_input(fn, name, "list each degree once",
                            std::to_string(degrees[i]) + " twice");
    }
  };
  check_degrees("tensor_degrees", map.tensor_degrees);
  check_degrees("pipeline_degrees", map.pipeline_degrees);
  const auto index_of = [&](std::string_view name, const std::vector<int>& degrees, int d) {
    const auto it = std::find(degrees.begin(), degrees.end(), d);
    if (it == degrees.end())
      throw invalid_input(fn, std::string("cell ") + std::string(name),
                          "be one of " + std::string(name == "tensor_parallel"
                                                         ? "tensor_degrees"
                                                         : "pipeline_degrees"),
                          std::to_string(d));
    return static_cast<int>(it - degrees.begin());
  };
  const int columns = static_cast<int>(map.tensor_degrees.size());
  const int rows = static_cast<int>(map.pipeline_degrees.size());
  std::vector<bool> seen(static_cast<std::size_t>(columns * rows), false);

  MemoryHeatmapFigure out;
  out.svg.width = std::max(720, 320 + 130 * columns);
  out.svg.height = std::max(440, 250 + 80 * rows);
  Figure& f = out.figure;
  f.title = map.title;
  f.x = Axis{.label = "Tensor-parallel degree (TP)", .min = -0.5, .max = columns - 0.5};
  f.y = Axis{.label = "Pipeline-parallel degree (PP)", .min = -0.5, .max = rows - 0.5};
  for (int j = 0; j < columns; ++j)
    f.x.ticks.push_back(
        Tick{.at = static_cast<double>(j),
             .text = std::to_string(map.tensor_degrees[static_cast<std::size_t>(j)])});
  for (int i = 0; i < rows; ++i)
    f.y.ticks.push_back(
        Tick{.at = static_cast<double>(i),
             .text = std::to_string(map.pipeline_degrees[static_cast<std::size_t>(i)])});
  f.legend = LegendPlacement::below_in_rows;
  f.grid = false;
  f.box_text_size = 12;
  const double capacity = value_in<byte_unit>(map.capacity);
  for (const HeatmapCell& cell : map.cells) {
    const int j = index_of("tensor_parallel", map.tensor_degrees, cell.tensor_parallel);
    const int i = index_of("pipeline_parallel", map.pipeline_degrees, cell.pipeline_parallel);
    const std::size_t at = static_cast<std::size_t>(i * columns + j);
    if (seen[at])
      throw invalid_input(fn, "cells", "hold at most one cell per (TP, PP)",
                          "two for TP = " + std::to_string(cell.tensor_parallel) +
                              ", PP = " + std::to_string(cell.pipeline_parallel));
    seen[at] = true;
    std::string color(heatmap_invalid_color);
    std::string text = "n/a";
    if (cell.per_gpu) {
      require_non_negative(fn, "cell per_gpu", *cell.per_gpu);
      const double ratio = value_in<byte_unit>(*cell.per_gpu) / capacity;
      text = detail::gigabytes_text(*cell.per_gpu);
      if (ratio > 1.0) {
        color = heatmap_over_color;
        text += " (over)";
      } else {
        std::size_t bin = 0;
        while (bin + 1 < std::size(heatmap_ramp) && ratio > static_cast<double>(bin + 1) / 4.0)
          ++bin;
        color = heatmap_ramp[bin];
      }
    }
    constexpr double half = 0.48;
    f.boxes.push_back(Box{.x0 = j - half,
                          .x1 = j + half,
                          .y0 = i - half,
                          .y1 = i + half,
                          .color = std::move(color),
                          .text = std::move(text)});
  }
  const double capacity_gb = value_in<gigabyte_unit>(map.capacity);
  for (std::size_t b = 0; b < std::size(heatmap_ramp); ++b) {
    const double lo = capacity_gb * static_cast<double>(b) / 4.0;
    const double hi = capacity_gb * static_cast<double>(b + 1) / 4.0;
    f.legend_entries.push_back(
        LegendEntry{.text = detail::gigabytes_number(lo) + "-" + detail::gigabytes_number(hi) +
                            " GB",
                    .color = std::string(heatmap_ramp[b])});
  }
  f.legend_entries.push_back(
      LegendEntry{.text = "over capacity (" + detail::gigabytes_text(map.capacity) + ")",
                  .color = std::string(heatmap_over_color)});
  f.legend_entries.push_back(
      LegendEntry{.text = "layout not valid", .color = std::string(heatmap_invalid_color)});
  return out;
}

/// @}

}  // namespace paradox::figures
