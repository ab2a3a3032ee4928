/// @file
/// @brief The figure data model: a title, two axes with units (optionally with categorical
/// ticks and a fixed range), named (x, y) series, vertical lines, labelled points, filled boxes
/// with centred text, free text labels and legend entries for box colours. Renderers (CSV, SVG
/// through gnuplot) read it; builders such as ScalingEfficiencyPlot or PipelineSchedulePlot
/// fill it from the models.
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

/// @brief A tick mark with its own text, for categorical axes (TP = 1, 2, 4, 8; device names).
struct Tick {
  double at = 0.0;   ///< position, in axis units
  std::string text;  ///< text printed at the tick
};

/// @brief One axis: what it measures, its unit, whether it is logarithmic, and optionally its
/// ticks and range.
struct Axis {
  std::string label;       ///< what is measured ("Accelerators")
  std::string unit{};      ///< its unit ("samples/s"); empty for pure counts or ratios
  bool log_scale = false;  ///< logarithmic axis (all values must then be > 0)
  int log_base = 10;       ///< base of the logarithmic axis (2 suits powers of two)
  std::vector<Tick> ticks{};  ///< explicit ticks (categorical axes); empty = automatic ticks
  std::optional<double> min{};  ///< lower end of the axis; unset = from the data
  std::optional<double> max{};  ///< upper end of the axis; unset = from the data
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

/// @brief A filled rectangle in axis units with an optional label centred in it (Gantt ops,
/// heat-map cells, gauge bars). Boxes are drawn in order, before (under) the series.
struct Box {
  double x0 = 0.0;           ///< left edge, in x axis units
  double x1 = 0.0;           ///< right edge, in x axis units (> x0)
  double y0 = 0.0;           ///< bottom edge, in y axis units
  double y1 = 0.0;           ///< top edge, in y axis units (> y0)
  std::string color;         ///< fill, "#rrggbb" (required)
  std::string text{};        ///< label centred in the box; empty = none
  std::string text_color{};  ///< "#rrggbb"; empty = black or white, whichever contrasts more
};

/// @brief How a TextLabel is aligned on its anchor point.
enum class TextAlign {
  left,    ///< the text starts at the anchor
  center,  ///< the text is centred on the anchor
  right    ///< the text ends at the anchor
};

/// @brief Free text at a point in axis units, without a marker (a value beside a bar, the name
/// of a reference line).
struct TextLabel {
  double x = 0.0;                        ///< anchor, in x axis units
  double y = 0.0;                        ///< anchor, in y axis units
  std::string text;                      ///< the text
  std::string color{};                   ///< "#rrggbb"; empty = black
  TextAlign align = TextAlign::center;   ///< horizontal alignment on the anchor
};

/// @brief A colour key shown in the legend, for colours that boxes use (series have their own
/// legend entries).
struct LegendEntry {
  std::string text;     ///< legend text ("forward", "over capacity")
  std::string color{};  ///< the swatch, "#rrggbb"; empty = text only, no swatch
};

/// @brief Where the legend goes: a corner the figure's data leaves empty, or below the plot.
enum class LegendPlacement {
  top_left,      ///< inside, top left (decreasing curves)
  bottom_right,  ///< inside, bottom right (curves rising from the bottom left, like throughput)
  below,         ///< outside, under the x axis: never over data, at the cost of plot height
  below_in_rows  ///< outside, under the x axis, entries side by side (many short colour keys)
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
  std::vector<Box> boxes{};                    ///< filled rectangles, drawn before the series
  std::vector<TextLabel> labels{};             ///< free text, drawn on top
  std::vector<LegendEntry> legend_entries{};   ///< colour keys, after the series' entries
  bool grid = true;                            ///< light grid lines behind the data
  int box_text_size = 10;                      ///< font size (points) of the boxes' labels
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

inline void check_required_color(std::string_view what, std::string_view color) {
  if (!is_hex_color(color))
    throw invalid_input("figure", std::string(what), "be \"#rrggbb\"",
                        "\"" + std::string(color) + "\"");
}

inline void check_axis(std::string_view which, const Axis& axis) {
  const std::string name(which);
  if (axis.log_scale) require_at_least("figure", name + " log_base", axis.log_base, 2);
  for (std::size_t i = 0; i < axis.ticks.size(); ++i)
    check_coordinate(name + " tick " + std::to_string(i), axis.ticks[i].at, axis);
  if (axis.min) check_coordinate(name + " min", *axis.min, axis);
  if (axis.max) check_coordinate(name + " max", *axis.max, axis);
  if (axis.min && axis.max && !(*axis.max > *axis.min))
    throw invalid_input("figure", name + " max",
                        "be > " + name + " min = " + paradox::detail::describe(*axis.min),
                        paradox::detail::describe(*axis.max));
}

/// Shortest round-trip decimal text for a double, independent of the C locale.
[[nodiscard]] inline std::string number(double v) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, result.ptr);
}

}  // namespace detail

/// @brief Checks that a figure can be rendered: finite coordinates, positive values on
/// logarithmic axes, log bases >= 2, colours of the form "#rrggbb", axis ranges with
/// min < max, boxes with x0 < x1 and y0 < y1 and a fill colour.
/// @param figure the figure to check
/// @throws invalid_input naming the first offending field, e.g.
///   "figure: series 'ideal' point 3 y must be > 0 on a logarithmic axis (got 0)" or
///   "figure: box 2 x1 must be > x0 = 4 (got 3)"
inline void validate(const Figure& figure) {
  detail::check_axis("x", figure.x);
  detail::check_axis("y", figure.y);
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
  for (std::size_t i = 0; i < figure.boxes.size(); ++i) {
    const Box& b = figure.boxes[i];
    const std::string where = "box " + std::to_string(i);
    detail::check_coordinate(where + " x0", b.x0, figure.x);
    detail::check_coordinate(where + " x1", b.x1, figure.x);
    detail::check_coordinate(where + " y0", b.y0, figure.y);
    detail::check_coordinate(where + " y1", b.y1, figure.y);
    if (!(b.x1 > b.x0))
      throw invalid_input("figure", where + " x1",
                          "be > x0 = " + paradox::detail::describe(b.x0),
                          paradox::detail::describe(b.x1));
    if (!(b.y1 > b.y0))
      throw invalid_input("figure", where + " y1",
                          "be > y0 = " + paradox::detail::describe(b.y0),
                          paradox::detail::describe(b.y1));
    detail::check_required_color(where + " color", b.color);
    detail::check_color(where + " text_color", b.text_color);
  }
  for (const TextLabel& l : figure.labels) {
    detail::check_color("label '" + l.text + "' color", l.color);
    detail::check_coordinate("label '" + l.text + "' x", l.x, figure.x);
    detail::check_coordinate("label '" + l.text + "' y", l.y, figure.y);
  }
  for (const LegendEntry& e : figure.legend_entries)
    detail::check_color("legend entry '" + e.text + "' color", e.color);
  require_in_range("figure", "box_text_size", figure.box_text_size, 4, 72);
}

/// @}

}  // namespace paradox::figures
