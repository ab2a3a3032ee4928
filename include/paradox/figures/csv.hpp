/// @file
/// @brief A figure as CSV (RFC 4180), so authors can restyle it in any plotting tool.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "paradox/figures/figure.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief Quotes one CSV field when it needs it (RFC 4180: comma, quote, CR or LF inside).
/// @param field the raw text
/// @return the field, quoted with inner quotes doubled when necessary
[[nodiscard]] inline std::string csv_field(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

/// @brief The figure as CSV text in long ("tidy") form, one row per sample.
///
/// Columns: `kind,name,<x axis title>,<y axis title>`. `kind` is `series` for curve samples,
/// `marker` for labelled points and `vline` for vertical lines (whose y is empty). Numbers are
/// written with the shortest text that reads back to the same double, whatever the C locale.
///
/// A figure with boxes, text labels, legend entries or explicit ticks (a Gantt chart, a heat
/// map) gets three more columns, `<x axis title> end,<y axis title> end,color`, and more kinds:
/// `box` (name = its text; x, y = the lower-left corner; the ends = the upper-right corner),
/// `label` (free text at x, y), `legend` (name and colour of a colour key), `xtick` and `ytick`
/// (name = the tick text, at x resp. y). Cells a kind does not use are empty. Figures with none
/// of these keep the four-column form.
/// @param figure the figure (not validated: CSV can carry any finite or non-finite value)
/// @return the CSV text, ending with a newline
[[nodiscard]] inline std::string to_csv(const Figure& figure) {
  const bool extended = !figure.boxes.empty() || !figure.labels.empty() ||
                        !figure.legend_entries.empty() || !figure.x.ticks.empty() ||
                        !figure.y.ticks.empty();
  const std::string pad = extended ? ",,," : "";
  std::string text =
      "kind,name," + csv_field(axis_title(figure.x)) + "," + csv_field(axis_title(figure.y));
  if (extended) {
    text += "," + csv_field(axis_title(figure.x) + " end") + "," +
            csv_field(axis_title(figure.y) + " end") + ",color";
  }
  text += "\n";
  for (const Series& s : figure.series) {
    for (const Point& p : s.points) {
      text += "series," + csv_field(s.name) + "," + detail::number(p.x) + "," +
              detail::number(p.y) + pad + "\n";
    }
  }
  for (const Marker& m : figure.markers) {
    text += "marker," + csv_field(m.text) + "," + detail::number(m.x) + "," + detail::number(m.y) +
            pad + "\n";
  }
  for (const VerticalLine& v : figure.vertical_lines) {
    text += "vline," + csv_field(v.text) + "," + detail::number(v.x) + "," + pad + "\n";
  }
  if (!extended) return text;
  for (const Box& b : figure.boxes) {
    text += "box," + csv_field(b.text) + "," + detail::number(b.x0) + "," + detail::number(b.y0) +
            "," + detail::number(b.x1) + "," + detail::number(b.y1) + "," + csv_field(b.color) +
            "\n";
  }
  for (const TextLabel& l : figure.labels) {
    text += "label," + csv_field(l.text) + "," + detail::number(l.x) + "," + detail::number(l.y) +
            ",,," + csv_field(l.color) + "\n";
  }
  for (const LegendEntry& e : figure.legend_entries)
    text += "legend," + csv_field(e.text) + ",,,,," + csv_field(e.color) + "\n";
  for (const Tick& t : figure.x.ticks)
    text += "xtick," + csv_field(t.text) + "," + detail::number(t.at) + ",,,,\n";
  for (const Tick& t : figure.y.ticks)
    text += "ytick," + csv_field(t.text) + ",," + detail::number(t.at) + ",,,\n";
  return text;
}

/// @brief Writes to_csv(figure) to `path`, creating missing parent directories.
/// @param figure the figure
/// @param path the CSV file to write (overwritten)
/// @return ok with the file listed, or a one-line message saying why it could not be written
/// @see to_csv, render_svg
[[nodiscard]] inline RenderResult write_csv(const Figure& figure,
                                            const std::filesystem::path& path) {
  RenderResult result;
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    result.message = "cannot create directory " + path.parent_path().string() + ": " + ec.message();
    return result;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    result.message = "cannot open " + path.string() + " for writing";
    return result;
  }
  out << to_csv(figure);
  out.close();
  if (!out) {
    result.message = "cannot write " + path.string();
    return result;
  }
  result.ok = true;
  result.files.push_back(path);
  return result;
}

/// @}

}  // namespace paradox::figures
