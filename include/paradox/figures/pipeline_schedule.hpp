/// @file
/// @brief PipelineSchedulePlot, a part-2 figure: one or more simulated pipeline steps
/// (pipeline::simulate) as a Gantt chart, one row per device, forward and backward ops as
/// boxes, idle time left white.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/figures/figure.hpp"
#include "paradox/figures/svg.hpp"
#include "paradox/pipeline/timeline.hpp"
#include "paradox/units.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief One simulated step with the name its rows are labelled with ("1F1B", "GPipe").
struct NamedTimeline {
  std::string name;             ///< schedule name, the first part of each row's label
  pipeline::Timeline timeline;  ///< the step, as pipeline::simulate returns it
};

/// @brief What the Gantt chart shows. Aggregate: build it with designated initializers.
struct PipelineSchedulePlot {
  std::string title = "Pipeline schedule";   ///< figure title
  std::vector<NamedTimeline> timelines{};    ///< schedules, stacked top to bottom in this order
  std::string device_noun = "GPU";           ///< what a row's device is called ("SoC", "earbud")
};

/// @brief The built Gantt chart and the SVG size it reads best at.
struct PipelineScheduleFigure {
  Figure figure;    ///< ready for write_csv / render_svg
  SvgOptions svg;   ///< width and a height grown with the number of rows
  int rows = 0;     ///< device rows drawn (all schedules together)
};

/// @brief Fill colours of forward ops in the Gantt chart: blues, one shade per model chunk
/// (interleaved schedules), cycling after four chunks. Dark forwards and pale backwards stay
/// apart in greyscale print.
inline constexpr std::string_view pipeline_forward_colors[] = {"#08519c", "#6baed6", "#3182bd",
                                                               "#c6dbef"};
/// @brief Fill colours of backward ops in the Gantt chart: oranges, one shade per model chunk,
/// cycling after four chunks.
inline constexpr std::string_view pipeline_backward_colors[] = {"#f16913", "#fdd0a2", "#fd8d3c",
                                                                "#feedde"};

/// @brief Builds a Gantt chart of one or more pipeline steps.
///
/// Rows: for each timeline (top to bottom, in input order) one row per device (pipeline rank
/// 0 at the top), labelled "<name> · <device noun> <stage>"; consecutive schedules are
/// separated by a gap of 0.6 rows. Each op is a box from its start to its end (x in the unit
/// among us, ms, s, min and h that the longest step reaches at least one of, the y extent
/// 0.8 of a row), coloured by op and chunk (pipeline_forward_colors,
/// pipeline_backward_colors), and labelled with its micro-batch number when the box is wide
/// enough for the digits at the suggested SVG width. Idle time (the bubble) is left white.
/// The legend (below the plot, in rows) keys the colours: "forward" and "backward", or
/// "forward, chunk c" / "backward, chunk c" when some op runs a chunk c > 0, then "idle
/// (bubble)" (white) and the text-only "digits: micro-batch".
///
/// Geometry: with \f$R\f$ rows and \f$S\f$ schedules the y axis spans
/// \f$[0, R + 0.6 (S - 1)]\f$, row centres at half-integers measured from the top; the x
/// axis spans \f$[0, \max T]\f$ over the timelines' step times \f$T\f$.
/// @param plot what to draw; see PipelineSchedulePlot
/// @pre at least one timeline; every name non-empty; every timeline with at least one slot;
///   every slot with stage in [0, 4096), microbatch >= 0, chunk >= 0, start >= 0 and finite,
///   end > start and finite
/// @throws invalid_input naming "pipeline schedule plot" and the field, e.g. "pipeline
///   schedule plot: timelines must be non-empty (got 0 timelines)"
/// @return the figure, a suggested SVG size and the number of rows
/// @see pipeline::simulate, render_svg, write_csv
[[nodiscard]] inline PipelineScheduleFigure build(const PipelineSchedulePlot& plot) {
  constexpr std::string_view fn = "pipeline schedule plot";
  if (plot.timelines.empty()) throw invalid_input(fn, "timelines", "be non-empty", "0 timelines");
  std::vector<int> stages;  // rows per timeline
  double span_s = 0.0;
  bool interleaved = false;
  for (const NamedTimeline& t : plot.timelines) {
    require_non_empty(fn, "timeline name", t.name);
    if (t.timeline.slots.empty())
      throw invalid_input(fn, "timeline '" + t.name + "' slots", "be non-empty", "0 slots");
    int p = static_cast<int>(t.timeline.busy_time.size());
    for (const pipeline::TimelineSlot& s : t.timeline.slots) {
      require_in_range(fn, "slot stage", s.stage, 0, 4095);
      require_at_least(fn, "slot microbatch", s.microbatch, 0);
      require_at_least(fn, "slot chunk", s.chunk, 0);
      require_non_negative(fn, "slot start", s.start);
      require_positive(fn, "slot end - start", s.end - s.start);
      p = std::max(p, s.stage + 1);
      span_s = std::max(span_s, value_in<second_unit>(s.end));
      interleaved = interleaved || s.chunk > 0;
    }
    stages.push_back(p);
  }

  constexpr double gap = 0.6;     // between schedules, in rows
  constexpr double height = 0.8;  // of a box, in rows
  PipelineScheduleFigure out;
  for (int p : stages) out.rows += p;
  const double top = out.rows + gap * static_cast<double>(stages.size() - 1);
  out.svg.width = 1100;
  out.svg.height = std::max(360, 190 + 30 * out.rows + static_cast<int>(30 * gap) *
                                                           static_cast<int>(stages.size() - 1));
  // The time unit follows the step: microseconds to hours (an edge pipeline over BLE takes
  // minutes), so the axis never reads "1.8e+06 ms".
  struct TimeUnit {
    std::string_view name;
    double seconds;
  };
  constexpr TimeUnit units_by_span[] = {
      {"us", 1e-6}, {"ms", 1e-3}, {"s", 1.0}, {"min", 60.0}, {"h", 3600.0}};
  TimeUnit unit = units_by_span[0];
  for (const TimeUnit& u : units_by_span)
    if (span_s >= u.seconds) unit = u;
  const double span = span_s / unit.seconds;
  const auto in_unit = [&](Seconds t) { return value_in<second_unit>(t) / unit.seconds; };
  // About 300 px go to the row labels and margins; a digit of the 10-point labels is ~7 px.
  const double px_per_unit = (out.svg.width - 300.0) / span;

  Figure& f = out.figure;
  f.title = plot.title;
  f.x = Axis{.label = "Time", .unit = std::string(unit.name), .min = 0.0, .max = span};
  f.y = Axis{.label = "Device", .min = 0.0, .max = top};
  f.legend = LegendPlacement::below_in_rows;
  f.grid = false;
  int max_chunk = 0;
  double offset = 0.0;  // rows above the current schedule
  for (std::size_t k = 0; k < plot.timelines.size(); ++k) {
    const NamedTimeline& t = plot.timelines[k];
    for (int stage = 0; stage < stages[k]; ++stage) {
      f.y.ticks.push_back(Tick{.at = top - offset - stage - 0.5,
                               .text = t.name + " · " + plot.device_noun + " " +
                                       std::to_string(stage)});
    }
    for (const pipeline::TimelineSlot& s : t.timeline.slots) {
      const double centre = top - offset - s.stage - 0.5;
      const double x0 = in_unit(s.start);
      const double x1 = in_unit(s.end);
      const bool forward = s.op == pipeline::Op::forward;
      const auto& colors = forward ? pipeline_forward_colors : pipeline_backward_colors;
      std::string text = std::to_string(s.microbatch);
      if ((x1 - x0) * px_per_unit < 7.0 * static_cast<double>(text.size()) + 4.0) text.clear();
      f.boxes.push_back(Box{.x0 = x0,
                            .x1 = x1,
                            .y0 = centre - height / 2,
                            .y1 = centre + height / 2,
                            .color = std::string(colors[s.chunk % std::size(colors)]),
                            .text = std::move(text)});
      max_chunk = std::max(max_chunk, s.chunk);
    }
    offset += stages[k] + gap;
  }
  for (const bool forward : {true, false}) {
    const auto& colors = forward ? pipeline_forward_colors : pipeline_backward_colors;
    const std::string op = forward ? "forward" : "backward";
    for (int c = 0; c <= std::min<int>(max_chunk, static_cast<int>(std::size(colors)) - 1); ++c) {
      f.legend_entries.push_back(LegendEntry{
          .text = interleaved ? op + ", chunk " + std::to_string(c) : op,
          .color = std::string(colors[c])});
    }
  }
  f.legend_entries.push_back(LegendEntry{.text = "idle (bubble)", .color = "#ffffff"});
  f.legend_entries.push_back(LegendEntry{.text = "digits: micro-batch"});
  return out;
}

/// @}

}  // namespace paradox::figures
