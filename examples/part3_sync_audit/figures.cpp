// Part 3's figures: samples per second and time to target against the straggler share for sync,
// async, SSP and backup workers; the dollars (or device-hours) of waiting against the ZeRO and
// async options; the checkpoint overhead against the interval with Young and Daly marked.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "part3.hpp"

namespace paradox::part3 {

std::string fleet_words(const lab::Session& s, const Plan& p) {
  return std::string(s.track().track.name) + ", " + lab::count_of(p.workers, s.track());
}

namespace {

// A bar's value (thousands of dollars) as money: "$1.07M", "-$2.3M".
std::string money_text(double thousands) {
  const std::string text = to_string(std::abs(thousands) * 1e3 * dollars);
  return thousands < 0.0 ? "-" + text : text;
}

figures::Axis straggler_axis(const Plan& p) {
  return {.label = "Straggler share f (slowed " + text::times(p.settings.slowdown.value) + ", " +
                   std::string(sync::to_string(p.settings.persistence)) + ")",
          .unit = "%",
          .min = 0.0,
          .max = 100.0 * p.sweep.back().slow_fraction};
}

// Throughputs in readable units: thousands or millions of samples per second.
struct Scale {
  double divisor;
  std::string prefix;
};
Scale scale_of(const Plan& p) {
  double top = 0.0;
  for (const SweepPoint& pt : p.sweep) top = std::max({top, pt.sync, pt.async, pt.ssp, pt.backup});
  if (top >= 1e6) return {1e6, "million "};
  if (top >= 1e4) return {1e3, "thousand "};
  return {1.0, ""};
}

figures::Figure throughput(const lab::Session& s, const Plan& p) {
  figures::Figure f;
  const Scale sc = scale_of(p);
  f.title = fleet_words(s, p) + ": throughput vs stragglers";
  f.x = straggler_axis(p);
  f.y = {.label = "Throughput", .unit = sc.prefix + p.sample_unit + "/s", .min = 0.0};
  f.legend = figures::LegendPlacement::below_in_rows;
  figures::Series sy{.name = "sync (wait for all)", .points = {}, .style = figures::Style::line_points, .color = blue};
  figures::Series as{.name = "async (no barrier)", .points = {}, .style = figures::Style::line_points, .color = orange};
  figures::Series ssp{.name = "SSP s = " + std::to_string(p.settings.staleness_bound),
                      .points = {}, .style = figures::Style::points, .color = green};
  figures::Series bk{.name = "backup workers b = " + std::to_string(p.settings.backup),
                     .points = {}, .style = figures::Style::dashed_line, .color = red};
  for (const SweepPoint& pt : p.sweep) {
    const double x = 100.0 * pt.slow_fraction;
    sy.points.push_back({x, pt.sync / sc.divisor});
    as.points.push_back({x, pt.async / sc.divisor});
    ssp.points.push_back({x, pt.ssp / sc.divisor});
    bk.points.push_back({x, pt.backup / sc.divisor});
  }
  // SSP as markers under the sync line: with persistent stragglers they coincide (a slow worker
  // holds SSP to its pace), and both stay visible.
  f.series = {ssp, sy, as, bk};
  f.vertical_lines.push_back({.x = 100.0 * p.settings.slow_fraction.value,
                              .text = "this run",
                              .color = grey});
  return f;
}

figures::Figure time_to_target(const lab::Session& s, const Plan& p) {
  figures::Figure f;
  f.title = fleet_words(s, p) + ": time to target vs stragglers (a = " +
            text::number(p.settings.staleness_exponent.value) + ")";
  f.x = straggler_axis(p);
  f.y = {.label = "Time to target", .unit = "days", .log_scale = true};
  f.legend = figures::LegendPlacement::below_in_rows;
  figures::Series sy{.name = "sync", .points = {}, .style = figures::Style::line_points, .color = blue};
  figures::Series as{.name = "async (staleness N - 1)", .points = {}, .style = figures::Style::line_points,
                     .color = orange};
  figures::Series ssp{.name = "SSP s = " + std::to_string(p.settings.staleness_bound),
                      .points = {}, .style = figures::Style::line_points, .color = green};
  figures::Series bk{.name = "backup workers", .points = {}, .style = figures::Style::dashed_line, .color = red};
  for (const SweepPoint& pt : p.sweep) {
    const double x = 100.0 * pt.slow_fraction;
    sy.points.push_back({x, pt.sync_days});
    as.points.push_back({x, pt.async_days});
    ssp.points.push_back({x, pt.ssp_days});
    bk.points.push_back({x, pt.backup_days});
  }
  f.series = {sy, as, ssp, bk};
  f.vertical_lines.push_back({.x = 100.0 * p.settings.slow_fraction.value,
                              .text = "this run",
                              .color = grey});
  return f;
}

// Bars: the waiting at the barrier, and what each option saves (or costs) per month of the
// current run; devices without a price count device-hours instead.
figures::Figure cost_bars(const lab::Session& s, const Plan& p) {
  const CostStudy& c = *p.cost;
  const bool dollars = p.settings.price > DollarsPerHour{};
  const double months = std::max(c.months_current, 1e-12);
  struct Bar {
    std::string label;
    double value;
    const char* color;
  };
  std::vector<Bar> bars;
  const sync::SwitchComparison& cmp = c.comparison;
  const double hours_per_month = value_in<hour_unit>(sync::hours_per_month);
  const auto saved = [&](const sync::OptionCost& o, int accelerators) {
    if (dollars) return value_in<dollar_unit>(cmp.current.dollars_to_target - o.dollars_to_target) /
                        months / 1e3;
    // Device-hours saved to target, per month of the current run.
    const double current = value_in<hour_unit>(cmp.current.time_to_target) * p.workers;
    const double option = value_in<hour_unit>(o.time_to_target) * accelerators;
    return (current - option) / (months * 1.0);
  };
  const double waiting = dollars ? value_in<dollar_unit>(c.waiting.dollars) / 1e3
                                 : c.waiting.idle_fraction * p.workers * hours_per_month;
  bars.push_back({"waiting at the barrier", waiting, red});
  if (p.zero) bars.push_back({"switch to ZeRO: saves", saved(cmp.alternative, p.workers), green});
  bars.push_back({"switch to async: saves", saved(cmp.async, p.workers), orange});
  bars.push_back({"backup workers: saves", saved(c.backup_cost, c.backup.accelerators), blue});
  if (p.zero && c.fewer_gpus_per_month)
    bars.push_back({"ZeRO, fewer GPUs: releases", value_in<dollar_unit>(*c.fewer_gpus_per_month) / 1e3,
                    green});

  figures::Figure f;
  f.title = fleet_words(s, p) + ": " +
            (dollars ? "dollars per month, waiting vs the options"
                     : "device-hours per month, waiting vs the options");
  const std::string unit =
      dollars ? "thousand $" : lab::capitalised(std::string(s.track().track.worker_noun)) + "-hours";
  double hi = 0.0;
  double lo = 0.0;
  for (const Bar& b : bars) hi = std::max(hi, std::abs(b.value));
  for (const Bar& b : bars) lo = std::min(lo, b.value);
  // A bar far below the others (async's penalty) is cut at twice the largest positive one and
  // says so in its label, so that the small bars stay readable.
  double largest_positive = 0.0;
  for (const Bar& b : bars) largest_positive = std::max(largest_positive, b.value);
  const double floor = largest_positive > 0.0 ? -2.0 * largest_positive : lo;
  lo = std::max(lo, floor);
  hi = std::max(largest_positive, 0.0);
  const double span = std::max(hi - lo, 1e-9);
  f.x = {.label = "Per month of the current run; negative: the switch costs more",
         .unit = unit,
         .min = lo - 0.05 * span,
         .max = hi + 0.35 * span};
  f.y = {.label = "", .unit = "", .min = 0.0, .max = static_cast<double>(bars.size())};
  f.grid = false;
  f.legend = figures::LegendPlacement::below_in_rows;
  f.vertical_lines.push_back({.x = 0.0, .text = "", .color = "#000000"});
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y0 = static_cast<double>(bars.size() - 1 - i) + 0.15;
    const double y1 = y0 + 0.7;
    const Bar& b = bars[i];
    const bool cut = b.value < lo;
    const double x0 = std::min(0.0, std::max(b.value, lo));
    double x1 = std::max(0.0, b.value);
    if (!(x1 > x0)) x1 = x0 + 1e-6 * span;
    f.boxes.push_back({.x0 = x0, .x1 = x1, .y0 = y0, .y1 = y1, .color = b.color});
    f.y.ticks.push_back({.at = 0.5 * (y0 + y1), .text = b.label});
    const std::string value = (dollars ? money_text(b.value) : text::count(b.value, 3)) +
                              (cut ? " (bar cut)" : "");
    f.labels.push_back({.x = x1 + 0.01 * span, .y = 0.5 * (y0 + y1), .text = value,
                        .align = figures::TextAlign::left});
  }
  return f;
}

figures::Figure checkpoint(const lab::Session& s, const Plan& p) {
  const CheckpointStudy& k = *p.checkpoint;
  figures::Figure f;
  f.title = fleet_words(s, p) + ": checkpoint overhead vs interval (delta " +
            to_string(k.write_time) + ", M " + to_string(k.fleet_mtbf) + ")";
  const double young = value_in<minute_unit>(k.plan.young_interval);
  const double daly = value_in<minute_unit>(k.plan.daly_interval);
  const double lo = std::min(young, daly) / 20.0;
  const double hi = std::min(std::max(young, daly) * 20.0, value_in<minute_unit>(k.fleet_mtbf) * 2.0);
  f.x = {.label = "Checkpoint interval tau", .unit = "min", .log_scale = true, .min = lo, .max = hi};
  f.y = {.label = "Overhead: delta / tau + (tau / 2 + R) / M", .unit = "%", .min = 0.0};
  f.legend = figures::LegendPlacement::below_in_rows;
  figures::Series total{.name = "expected overhead", .points = {}, .style = figures::Style::line, .color = blue};
  figures::Series writing{.name = "writing checkpoints, delta / tau", .points = {}, .style = figures::Style::dashed_line,
                          .color = orange};
  figures::Series lost{.name = "lost work and restarts, (tau / 2 + R) / M",
                       .points = {}, .style = figures::Style::dashed_line, .color = green};
  double top = 0.0;
  for (int i = 0; i <= 80; ++i) {
    const double tau_min = lo * std::pow(hi / lo, i / 80.0);
    const Seconds tau = tau_min * minutes;
    const double o = reliability::overhead_fraction(k.input, tau);
    const double w = value_in<second_unit>(k.write_time) / value_in<second_unit>(tau);
    total.points.push_back({tau_min, 100.0 * o});
    writing.points.push_back({tau_min, 100.0 * w});
    lost.points.push_back({tau_min, 100.0 * (o - w)});
    top = std::max(top, 100.0 * o);
  }
  // Keep the minimum readable: the curves rise steeply at both ends.
  const double best = 100.0 * k.plan.young_overhead_fraction;
  f.y.max = std::min(top, std::max(8.0 * best, 1.0));
  f.series = {total, writing, lost};
  // Young and Daly are close when delta << M: one label names both.
  const bool close = std::abs(daly - young) < 0.1 * young;
  f.vertical_lines.push_back({.x = young,
                              .text = "Young " + to_string(k.plan.young_interval) +
                                      (close ? ", Daly " + to_string(k.plan.daly_interval) : ""),
                              .color = red});
  f.vertical_lines.push_back({.x = daly,
                              .text = close ? "" : "Daly " + to_string(k.plan.daly_interval),
                              .color = grey});
  return f;
}

}  // namespace

void add_figures(lab::Session& s, const Plan& p) {
  if (!s.writes_figures()) return;
  s.add_figure("throughput", throughput(s, p));
  s.add_figure("time_to_target", time_to_target(s, p));
  s.add_figure("cost_of_waiting", cost_bars(s, p));
  if (p.checkpoint) s.add_figure("checkpoint_overhead", checkpoint(s, p));
  add_fleet_figures(s, p);
}

}  // namespace paradox::part3
