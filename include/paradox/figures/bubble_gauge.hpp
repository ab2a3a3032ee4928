/// @file
/// @brief BubbleGauge, a part-2 figure: pipeline bubble fractions as horizontal gauges against
/// a target, green at or below it, red above.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/figures/figure.hpp"
#include "paradox/figures/svg.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief One gauge: what it measures (a try, a schedule) and its bubble fraction.
struct GaugeBar {
  std::string label;             ///< row label, e.g. "try 2: m = 16" or "1F1B"
  double bubble_fraction = 0.0;  ///< idle share of the step, in [0, 1]
};

/// @brief What the gauge figure shows. Aggregate: build it with designated initializers.
struct BubbleGauge {
  std::string title = "Pipeline bubble";  ///< figure title
  std::vector<GaugeBar> bars{};           ///< one gauge per row, top to bottom
  double target_fraction = 0.10;          ///< the target, in [0, 1]
};

/// @brief The built gauge figure and the SVG size it reads best at.
struct BubbleGaugeFigure {
  Figure figure;   ///< ready for write_csv / render_svg
  SvgOptions svg;  ///< width and a height grown with the number of bars
};

/// @brief Fill of a gauge at or below its target.
inline constexpr std::string_view gauge_ok_color = "#2ca02c";
/// @brief Fill of a gauge above its target.
inline constexpr std::string_view gauge_over_color = "#d62728";
/// @brief The empty part of a gauge (its track).
inline constexpr std::string_view gauge_track_color = "#e5e5e5";

namespace detail {

/// A percentage with one decimal ("7.3%"); whole numbers without one ("10%").
[[nodiscard]] inline std::string percent_text(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", 100.0 * fraction);
  std::string text = buffer;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text + "%";
}

}  // namespace detail

/// @brief Builds horizontal gauges of bubble fractions against a target.
///
/// The x axis is "Pipeline bubble (% of step time)", fixed to [0, 100]. Row i (top to bottom,
/// labelled with bars[i].label) has centre \f$y = n - i - 1/2\f$ for n bars; its grey track
/// spans 0..100 and its fill 0..\f$100 f\f$ (no fill box when f = 0), green
/// (gauge_ok_color) when \f$f \le\f$ target, red (gauge_over_color) above. The value ("7.3%")
/// is written just right of the fill, or inside its right end when the fill passes 85%. A
/// dotted vertical line marks the target, labelled "target 10%" above the top gauge. The
/// legend (below the plot) keys the two colours.
/// @param gauge what to draw; see BubbleGauge
/// @pre at least one bar; every label non-empty; every bubble_fraction and target_fraction
///   in [0, 1] (NaN rejected)
/// @throws invalid_input e.g. "bubble gauge: bar 'try 1' bubble_fraction must be in [0, 1]
///   (got 1.2)"
/// @return the figure and a suggested SVG size
/// @see pipeline::bubble_fraction, pipeline::simulate, render_svg
[[nodiscard]] inline BubbleGaugeFigure build(const BubbleGauge& gauge) {
  constexpr std::string_view fn = "bubble gauge";
  if (gauge.bars.empty()) throw invalid_input(fn, "bars", "be non-empty", "0 bars");
  require_fraction(fn, "target_fraction", gauge.target_fraction);
  for (const GaugeBar& bar : gauge.bars) {
    require_non_empty(fn, "bar label", bar.label);
    require_fraction(fn, "bar '" + bar.label + "' bubble_fraction", bar.bubble_fraction);
  }
  const int n = static_cast<int>(gauge.bars.size());
  BubbleGaugeFigure out;
  out.svg.width = 900;
  out.svg.height = std::max(280, 200 + 56 * n);
  Figure& f = out.figure;
  f.title = gauge.title;
  f.x = Axis{.label = "Pipeline bubble", .unit = "% of step time", .min = 0.0, .max = 100.0};
  f.y = Axis{.label = "", .min = 0.0, .max = n + 0.6};
  f.legend = LegendPlacement::below_in_rows;
  f.grid = false;
  constexpr double half = 0.3;  // half a gauge's height, in rows
  for (int i = 0; i < n; ++i) {
    const GaugeBar& bar = gauge.bars[static_cast<std::size_t>(i)];
    const double centre = n - i - 0.5;
    f.y.ticks.push_back(Tick{.at = centre, .text = bar.label});
    f.boxes.push_back(Box{.x0 = 0.0,
                          .x1 = 100.0,
                          .y0 = centre - half,
                          .y1 = centre + half,
                          .color = std::string(gauge_track_color)});
    const double end = 100.0 * bar.bubble_fraction;
    if (end > 0.0) {
      const bool ok = bar.bubble_fraction <= gauge.target_fraction;
      f.boxes.push_back(Box{.x0 = 0.0,
                            .x1 = end,
                            .y0 = centre - half,
                            .y1 = centre + half,
                            .color = std::string(ok ? gauge_ok_color : gauge_over_color)});
    }
    const bool inside = end > 85.0;
    f.labels.push_back(TextLabel{.x = inside ? end - 1.0 : end + 1.0,
                                 .y = centre,
                                 .text = detail::percent_text(bar.bubble_fraction),
                                 .color = inside ? "#ffffff" : "#000000",
                                 .align = inside ? TextAlign::right : TextAlign::left});
  }
  const double target = 100.0 * gauge.target_fraction;
  f.vertical_lines.push_back(VerticalLine{.x = target, .text = "", .color = "#333333"});
  f.labels.push_back(TextLabel{.x = target,
                               .y = n + 0.3,
                               .text = "target " + detail::percent_text(gauge.target_fraction),
                               .color = "#333333",
                               .align = target > 80.0 ? TextAlign::right : TextAlign::left});
  f.legend_entries.push_back(LegendEntry{
      .text = "at or below target", .color = std::string(gauge_ok_color)});
  f.legend_entries.push_back(
      LegendEntry{.text = "above target", .color = std::string(gauge_over_color)});
  return out;
}

/// @}

}  // namespace paradox::figures
