/// @file
/// @brief The figure data model: a title, two axes with units, named (x, y) series, vertical
/// lines and labelled points. Renderers (CSV, SVG through gnuplot) read it; builders such as
/// ScalingEfficiencyPlot fill it from the models.
#pragma once

#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief One (x, y) sample of a series, in the axes' units.
struct Point {
  double x = 0.0;  ///< abscissa, in the x axis unit
  double y = 0.0;  ///< ordinate, in the y axis unit
};

/// @brief How a series is drawn. Renderers may approximate; CSV ignores it.
enum class Style {
  line,         ///< solid line
  dashed_line,  ///< dashed line (reference curves such as the ideal line)
  points,       ///< markers only
  line_points,  ///< solid line with markers
};

/// @brief A named series of points, drawn in the order given.
struct Series {
  std::string name;           ///< legend text
  std::vector<Point> points;  ///< samples in axis units
  Style style = Style::line;  ///< drawing style
  std::string color{};        ///< "#rrggbb"; empty = the renderer's palette
};

/// @brief One axis: what it measures, its unit, and whether it is logarithmic.
struct Axis {
  std::string label;       ///< what is measured ("Accelerators")
  std::string unit{};      ///< its unit ("samples/s"); empty for pure counts or ratios
  bool log_scale = false;  ///< logarithmic axis (all values must then be > 0)
  int log_base = 10;       ///< base of the logarithmic axis (2 suits powers of two)
};

/// @brief A vertical reference line at `x` across the plot, with an optional label.
struct VerticalLine {
  double x = 0.0;       ///< position, in x axis units
  std::string text{};   ///< label drawn beside the line
  std::string color{};  ///< "#rrggbb"; empty = grey
};

/// @brief A labelled point drawn on top of the series (e.g. a diminishing-returns point).
struct Marker {
  double x = 0.0;       ///< position, in x axis units
  double y = 0.0;       ///< position, in y axis units
  std::string text{};   ///< label drawn next to the point
  std::string color{};  ///< "#rrggbb"; empty = black
};

/// @brief Where the legend goes: a corner the figure's data leaves empty, or below the plot.
enum class LegendPlacement {
  top_left,      ///< inside, top left (decreasing curves)
  bottom_right,  ///< inside, bottom right (curves rising from the bottom left, like throughput)
  below          ///< outside, under the x axis: never over data, at the cost of plot height
};

/// @brief A complete figure: everything a renderer needs, nothing about how it is rendered.
struct Figure {
  std::string title;                           ///< figure title
  Axis x;                                      ///< horizontal axis
  Axis y;                                      ///< vertical axis
  std::vector<Series> series{};                ///< curves, drawn in order
  std::vector<VerticalLine> vertical_lines{};  ///< reference lines
  std::vector<Marker> markers{};               ///< labelled points
  LegendPlacement legend = LegendPlacement::top_left;  ///< where the legend box goes
};

/// @brief What a renderer reports: success, or why it failed. Renderers never throw.
struct RenderResult {
  bool ok = false;                             ///< true when every file was written
  std::string message{};                       ///< empty on success, else one line saying why
  std::vector<std::filesystem::path> files{};  ///< files written (even on partial failure)

  /// @brief True on success, so `if (auto r = write_csv(...))` reads naturally.
  explicit operator bool() const noexcept { return ok; }
};

/// @brief The axis title a reader sees: "label (unit)", or just "label" without a unit.
/// @param axis the axis
/// @return the text for the axis title
[[nodiscard]] inline std::string axis_title(const Axis& axis) {
  if (axis.unit.empty()) return axis.label;
  return axis.label + " (" + axis.unit + ")";
}

namespace detail {

[[nodiscard]] inline bool is_hex_color(std::string_view color) {
  if (color.size() != 7 || color[0] != '#') return false;
  for (char c : color.substr(1)) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

inline void check_coordinate(std::string_view what, double v, const Axis& axis) {
  if (!std::isfinite(v))
    throw invalid_input("figure", std::string(what), "be finite", paradox::detail::describe(v));
  if (axis.log_scale && !(v > 0.0))
    throw invalid_input("figure", std::string(what), "be > 0 on a logarithmic axis",
                        paradox::detail::describe(v));
}

inline void check_color(std::string_view what, std::string_view color) {
  if (!color.empty() && !is_hex_color(color))
    throw invalid_input("figure", std::string(what), "be empty or \"#rrggbb\"",
                        "\"" + std::string(color) + "\"");
}

/// Shortest round-trip decimal text for a double, independent of the C locale.
[[nodiscard]] inline std::string number(double v) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, result.ptr);
}

}  // namespace detail

/// @brief Checks that a figure can be rendered: finite coordinates, positive values on
/// logarithmic axes, log bases >= 2, colours of the form "#rrggbb".
/// @param figure the figure to check
/// @throws invalid_input naming the first offending field, e.g.
///   "figure: series 'ideal' point 3 y must be > 0 on a logarithmic axis (got 0)"
inline void validate(const Figure& figure) {
  for (const Axis* axis : {&figure.x, &figure.y}) {
    if (axis->log_scale)
      require_at_least("figure", axis == &figure.x ? "x log_base" : "y log_base", axis->log_base,
                       2);
  }
  for (const Series& s : figure.series) {
    detail::check_color("series '" + s.name + "' color", s.color);
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const std::string where = "series '" + s.name + "' point " + std::to_string(i);
      detail::check_coordinate(where + " x", s.points[i].x, figure.x);
      detail::check_coordinate(where + " y", s.points[i].y, figure.y);
    }
  }
  for (const VerticalLine& v : figure.vertical_lines) {
    detail::check_color("vertical line '" + v.text + "' color", v.color);
    detail::check_coordinate("vertical line '" + v.text + "' x", v.x, figure.x);
  }
  for (const Marker& m : figure.markers) {
    detail::check_color("marker '" + m.text + "' color", m.color);
    detail::check_coordinate("marker '" + m.text + "' x", m.x, figure.x);
    detail::check_coordinate("marker '" + m.text + "' y", m.y, figure.y);
  }
}

/// @}

}  // namespace paradox::figures
