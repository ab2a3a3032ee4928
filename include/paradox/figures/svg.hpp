/// @file
/// @brief Renders a Figure to SVG through gnuplot (Debian `gnuplot-nox`, `set terminal svg`).
///
/// Beside `name.svg` it leaves `name.gp` (the gnuplot script) and `name.dat` (the data), so an
/// author can restyle the figure by editing the script and running `gnuplot name.gp`. gnuplot is
/// started without a shell (posix_spawnp), and every string reaches the script inside gnuplot's
/// single quotes, where neither backquote substitution nor macros apply: no path or label can
/// inject a command.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "paradox/figures/figure.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief How render_svg draws the figure.
struct SvgOptions {
  std::string gnuplot = "gnuplot";  ///< gnuplot executable, looked up in PATH
  int width = 900;                  ///< SVG width in pixels
  int height = 640;                 ///< SVG height in pixels (room for a legend below the plot)
};

/// @brief A string as a gnuplot single-quoted literal: quotes doubled, line breaks flattened.
///
/// Inside single quotes gnuplot performs no backslash escapes, no backquote command
/// substitution and no macro expansion, so the literal is inert whatever it contains.
/// @param text any text
/// @return `'text'` with `'` written as `''` and CR/LF replaced by spaces
[[nodiscard]] inline std::string gnuplot_quote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "''";
    } else if (c == '\n' || c == '\r') {
      quoted += ' ';
    } else {
      quoted += c;
    }
  }
  quoted += '\'';
  return quoted;
}

namespace detail {

inline constexpr std::string_view palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                               "#9467bd", "#8c564b", "#e377c2", "#17becf"};

[[nodiscard]] inline std::string style_clause(const Series& s, std::size_t index) {
  const std::string color =
      s.color.empty() ? std::string(palette[index % std::size(palette)]) : s.color;
  std::string clause;
  switch (s.style) {
    case Style::line:
      clause = "with lines lw 2";
      break;
    case Style::dashed_line:
      clause = "with lines lw 2 dt 2";
      break;
    case Style::points:
      clause = "with points pt 7 ps 1.2";
      break;
    case Style::line_points:
      clause = "with linespoints lw 2 pt 7 ps 0.6";
      break;
  }
  return clause + " lc rgb " + gnuplot_quote(color);
}

/// The gnuplot data file: one block per non-empty series, blocks separated by two blank lines
/// so that `index i` selects series i.
[[nodiscard]] inline std::string gnuplot_data(const Figure& figure) {
  std::string text;
  bool first = true;
  for (const Series& s : figure.series) {
    if (s.points.empty()) continue;
    if (!first) text += "\n\n";
    first = false;
    std::string name = s.name;
    for (char& c : name)
      if (c == '\n' || c == '\r') c = ' ';
    text += "# " + name + "\n";
    for (const Point& p : s.points) text += number(p.x) + " " + number(p.y) + "\n";
  }
  return text;
}

[[nodiscard]] inline std::string axis_commands(const Axis& axis, std::string_view which) {
  std::string text =
      "set " + std::string(which) + "label " + gnuplot_quote(axis_title(axis)) + "\n";
  if (axis.log_scale) {
    text += "set logscale " + std::string(which) + " " + std::to_string(axis.log_base) + "\n";
  }
  if (!axis.ticks.empty()) {
    text += "set " + std::string(which) + "tics (";
    for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
      if (i > 0) text += ", ";
      text += gnuplot_quote(axis.ticks[i].text) + " " + number(axis.ticks[i].at);
    }
    text += ")\n";
  }
  return text;
}

/// The range command for one axis: the explicit ends, and for figures with boxes (which
/// gnuplot's autoscaling ignores) the missing ends from the boxes and series. "" when the axis
/// is left to gnuplot entirely.
[[nodiscard]] inline std::string range_command(const Figure& figure, bool x_axis) {
  const Axis& axis = x_axis ? figure.x : figure.y;
  std::optional<double> lo = axis.min;
  std::optional<double> hi = axis.max;
  if (!figure.boxes.empty() && (!lo || !hi)) {
    double data_lo = x_axis ? figure.boxes.front().x0 : figure.boxes.front().y0;
    double data_hi = x_axis ? figure.boxes.front().x1 : figure.boxes.front().y1;
    for (const Box& b : figure.boxes) {
      data_lo = std::min(data_lo, x_axis ? b.x0 : b.y0);
      data_hi = std::max(data_hi, x_axis ? b.x1 : b.y1);
    }
    for (const Series& s : figure.series) {
      for (const Point& p : s.points) {
        data_lo = std::min(data_lo, x_axis ? p.x : p.y);
        data_hi = std::max(data_hi, x_axis ? p.x : p.y);
      }
    }
    if (!lo) lo = hi ? std::min(data_lo, *hi) : data_lo;
    if (!hi) hi = std::max(data_hi, *lo);
    if (!(*hi > *lo)) hi = *lo + 1.0;
  }
  if (!lo && !hi) return {};
  return std::string("set ") + (x_axis ? "x" : "y") + "range [" + (lo ? number(*lo) : "*") + ":" +
         (hi ? number(*hi) : "*") + "]\n";
}

/// Black or white, whichever contrasts more with the "#rrggbb" background (WCAG 2 contrast
/// ratio of the relative luminance).
[[nodiscard]] inline std::string contrasting_text_color(std::string_view background) {
  if (!is_hex_color(background)) return "#000000";
  const auto channel = [&](std::size_t at) {
    const double c = std::stoi(std::string(background.substr(at, 2)), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? "#ffffff" : "#000000";
}

}  // namespace detail

/// @brief The gnuplot script render_svg runs (exposed so it can be tested and inspected).
/// @param figure a valid figure (see validate)
/// @param svg_path where the script sets its output
/// @param data_path the data file the script plots (as written by render_svg)
/// @param options size of the SVG
/// @return the script text
[[nodiscard]] inline std::string gnuplot_script(const Figure& figure,
                                                const std::filesystem::path& svg_path,
                                                const std::filesystem::path& data_path,
                                                const SvgOptions& options = {}) {
  std::string s;
  s += "# Generated by paradox::figures::render_svg. Edit and run: gnuplot <this file>\n";
  // pngcairo sets the same point sizes a third larger than the SVG terminal does: fontscale
  // 0.75 keeps the layout (titles and legends) of the SVG.
  s += "# For a PNG with the same layout, replace the next two lines with:\n";
  s += "#   set terminal pngcairo size " + std::to_string(options.width) + "," +
       std::to_string(options.height) +
       " noenhanced font 'Sans,13' fontscale 0.75 background '#ffffff'\n";
  s += "#   set output 'figure.png'\n";
  s += "set terminal svg size " + std::to_string(options.width) + "," +
       std::to_string(options.height) + " noenhanced font 'Sans,13' background '#ffffff'\n";
  s += "set output " + gnuplot_quote(svg_path.string()) + "\n";
  s += "set title " + gnuplot_quote(figure.title) + " font 'Sans,15'\n";
  s += detail::axis_commands(figure.x, "x");
  s += detail::axis_commands(figure.y, "y");
  s += "set autoscale xfix\n";  // the x range ends at the data, not at the next tick
  s += detail::range_command(figure, true);
  s += detail::range_command(figure, false);
  if (figure.grid) s += "set grid back lc rgb '#dddddd'\n";
  switch (figure.legend) {
    case LegendPlacement::top_left:
      s += "set key top left opaque box lc rgb '#cccccc'\n";
      break;
    case LegendPlacement::bottom_right:
      s += "set key bottom right opaque box lc rgb '#cccccc'\n";
      break;
    case LegendPlacement::below:
      s += "set key below center vertical\n";  // no box: it would cross the x label
      break;
    case LegendPlacement::below_in_rows:
      s += "set key below center horizontal\n";
      break;
  }
  s += "set border lc rgb '#444444'\n";
  for (const VerticalLine& v : figure.vertical_lines) {
    const std::string color = v.color.empty() ? std::string("#888888") : v.color;
    const std::string x = detail::number(v.x);
    s += "set arrow from " + x + ", graph 0 to " + x + ", graph 1 nohead dt 3 lw 1.5 lc rgb " +
         gnuplot_quote(color) + "\n";
    if (!v.text.empty()) {
      s += "set label " + gnuplot_quote(v.text) + " at " + x +
           ", graph 0.03 rotate by 90 left offset -0.8,0 textcolor rgb " + gnuplot_quote(color) +
           "\n";
    }
  }
  // Markers alternate between below-right and above-left of their point, so that two nearby
  // points (two networks reaching diminishing returns at similar N) keep readable labels.
  for (std::size_t i = 0; i < figure.markers.size(); ++i) {
    const Marker& m = figure.markers[i];
    const std::string color = m.color.empty() ? std::string("#000000") : m.color;
    const char* placement = i % 2 == 0 ? " left offset 0.8,-1.2" : " right offset -0.8,1.2";
    s += "set label " + gnuplot_quote(m.text) + " at " + detail::number(m.x) + "," +
         detail::number(m.y) + placement + " point pt 6 ps 2.2 lw 2 lc rgb " +
         gnuplot_quote(color) + " textcolor rgb " + gnuplot_quote(color) + " front\n";
  }
  // Boxes are numbered objects on the back layer (under the series, over the grid), with a
  // thin white border so that adjacent boxes stay distinct; their labels come on top.
  for (std::size_t i = 0; i < figure.boxes.size(); ++i) {
    const Box& b = figure.boxes[i];
    s += "set object " + std::to_string(i + 1) + " rect from " + detail::number(b.x0) + "," +
         detail::number(b.y0) + " to " + detail::number(b.x1) + "," + detail::number(b.y1) +
         " fc rgb " + gnuplot_quote(b.color) +
         " fillstyle solid 1.0 border lc rgb '#ffffff' lw 1 back\n";
  }
  for (const Box& b : figure.boxes) {
    if (b.text.empty()) continue;
    const std::string color =
        b.text_color.empty() ? detail::contrasting_text_color(b.color) : b.text_color;
    s += "set label " + gnuplot_quote(b.text) + " at " + detail::number((b.x0 + b.x1) / 2) + "," +
         detail::number((b.y0 + b.y1) / 2) + " center front textcolor rgb " +
         gnuplot_quote(color) + " font '," + std::to_string(figure.box_text_size) + "'\n";
  }
  for (const TextLabel& l : figure.labels) {
    const std::string color = l.color.empty() ? std::string("#000000") : l.color;
    const char* align = l.align == TextAlign::left    ? " left"
                        : l.align == TextAlign::right ? " right"
                                                      : " center";
    s += "set label " + gnuplot_quote(l.text) + " at " + detail::number(l.x) + "," +
         detail::number(l.y) + align + " front textcolor rgb " + gnuplot_quote(color) + "\n";
  }
  std::string plot;
  std::size_t block = 0;
  for (std::size_t i = 0; i < figure.series.size(); ++i) {
    const Series& series = figure.series[i];
    if (series.points.empty()) continue;
    plot += plot.empty() ? "plot " : ", \\\n     ";
    plot += gnuplot_quote(data_path.string()) + " index " + std::to_string(block) + " using 1:2 " +
            detail::style_clause(series, i) + " title " + gnuplot_quote(series.name);
    ++block;
  }
  // Colour keys: an empty plot (NaN) per entry whose legend sample is a filled box, outlined
  // so that white and pale swatches show.
  for (const LegendEntry& e : figure.legend_entries) {
    plot += plot.empty() ? "plot " : ", \\\n     ";
    plot += e.color.empty() ? "NaN with lines lc rgb '#ffffff' title " + gnuplot_quote(e.text)
                            : "NaN with boxes fs solid 1.0 border lc rgb '#777777' lc rgb " +
                                  gnuplot_quote(e.color) + " title " + gnuplot_quote(e.text);
  }
  if (plot.empty()) plot = "plot NaN notitle";  // boxes only: gnuplot still needs a plot
  s += plot + "\n";
  s += "unset output\n";
  return s;
}

namespace detail {

[[nodiscard]] inline bool write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  out << text;
  out.close();
  return static_cast<bool>(out);
}

/// Runs `program script` without a shell; returns "" on success, else why it failed (with the
/// first line of what gnuplot printed).
[[nodiscard]] inline std::string run_gnuplot(const std::string& program,
                                             const std::filesystem::path& script) {
  int fds[2];
  if (pipe(fds) != 0) return std::string("cannot create a pipe: ") + std::strerror(errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::string script_arg = script.string();
  std::string program_arg = program;
  char* argv[] = {program_arg.data(), script_arg.data(), nullptr};
  pid_t pid = 0;
  // environ: declared by <unistd.h> under _GNU_SOURCE, which g++ and clang++ define on glibc.
  const int spawn_error = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (spawn_error != 0) {
    close(fds[0]);
    return "cannot run '" + program + "' (" + std::strerror(spawn_error) +
           "); install gnuplot (Debian: gnuplot-nox)";
  }
  std::string output;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n > 0) {
      output.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::string("waiting for gnuplot failed: ") + std::strerror(errno);
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  std::string first_line;
  for (char c : output) {
    if (c == '\n' && !first_line.empty()) break;
    if (c != '\n' && c != '\r') first_line += c;
  }
  const std::string how = WIFEXITED(status)
                              ? "exited with status " + std::to_string(WEXITSTATUS(status))
                              : std::string("was killed");
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return "cannot run '" + program + "'; install gnuplot (Debian: gnuplot-nox)";
  return "'" + program + "' " + how + (first_line.empty() ? "" : ": " + first_line);
}

}  // namespace detail

/// @brief Renders the figure to `svg_path` with gnuplot, leaving the script (.gp) and the data
/// (.dat) beside it.
///
/// Never throws: an invalid figure, a figure with neither points nor boxes, an unwritable
/// directory, a missing gnuplot or a gnuplot error all come back as `ok == false` with a
/// one-line message. Missing parent directories are
/// created.
/// @param figure the figure; it is validated first (see validate)
/// @param svg_path the SVG to write, e.g. "out/scaling_efficiency.svg"
/// @param options the gnuplot executable and the size
/// @return ok and the files written (svg, gp, dat), or the reason it failed
/// @see write_csv, gnuplot_script
[[nodiscard]] inline RenderResult render_svg(const Figure& figure,
                                             const std::filesystem::path& svg_path,
                                             const SvgOptions& options = {}) {
  RenderResult result;
  try {
    validate(figure);
    require_at_least("render_svg", "width", options.width, 16);
    require_at_least("render_svg", "height", options.height, 16);
  } catch (const invalid_input& e) {
    result.message = e.what();
    return result;
  }
  bool any_points = !figure.boxes.empty();
  for (const Series& s : figure.series) any_points = any_points || !s.points.empty();
  if (!any_points) {
    result.message = "render_svg: figure '" + figure.title + "' has no points or boxes to plot";
    return result;
  }
  std::error_code ec;
  const std::filesystem::path svg = std::filesystem::absolute(svg_path, ec);
  if (ec) {
    result.message = "cannot resolve " + svg_path.string() + ": " + ec.message();
    return result;
  }
  if (svg.has_parent_path()) std::filesystem::create_directories(svg.parent_path(), ec);
  if (ec) {
    result.message = "cannot create directory " + svg.parent_path().string() + ": " + ec.message();
    return result;
  }
  std::filesystem::path script = svg;
  script.replace_extension(".gp");
  std::filesystem::path data = svg;
  data.replace_extension(".dat");
  if (!detail::write_text(data, detail::gnuplot_data(figure))) {
    result.message = "cannot write " + data.string();
    return result;
  }
  result.files.push_back(data);
  if (!detail::write_text(script, gnuplot_script(figure, svg, data, options))) {
    result.message = "cannot write " + script.string();
    return result;
  }
  result.files.push_back(script);
  std::filesystem::remove(svg, ec);  // a stale SVG must not pass for a fresh one
  if (std::string error = detail::run_gnuplot(options.gnuplot, script); !error.empty()) {
    result.message = error;
    return result;
  }
  if (!std::filesystem::exists(svg, ec)) {
    result.message = "gnuplot ran but did not write " + svg.string();
    return result;
  }
  result.files.push_back(svg);
  result.ok = true;
  return result;
}

/// @}

}  // namespace paradox::figures
