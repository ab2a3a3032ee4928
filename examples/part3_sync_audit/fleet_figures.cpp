// Part 3's fleet figures on the device tracks: the consensus error against gossip rounds for
// several topologies with the predicted rate rho^t dashed (Tiny Pioneer); the energy of one
// sync by radio for the track's payload (every device track); the drain of a day against the
// sync interval, sync against local inference (Mobile Nomad's battery, Tiny Pioneer's 1 mW).

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "part3.hpp"

namespace paradox::part3 {

namespace {

figures::Figure consensus(const lab::Session& s, const Plan& p) {
  const GossipStudy& g = *p.gossip;
  figures::Figure f;
  f.title = fleet_words(s, p) + ": gossip consensus error vs rounds (Metropolis weights)";
  // Show the rounds the fastest meshes need, and a little more.
  long long shown = 10;
  for (const MeshResult& m : g.meshes)
    if (m.rounds && *m.rounds < 400) shown = std::max(shown, *m.rounds);
  shown = std::min<long long>(shown * 5 / 4 + 1, 400);
  const double floor = g.epsilon / 10.0;
  // A little room left of round 0, so that the star's drop at round 1 is not hidden by the axis.
  f.x = {.label = "Gossip round t",
         .unit = "rounds",
         .min = -0.015 * static_cast<double>(shown),
         .max = static_cast<double>(shown)};
  f.y = {.label = "Disagreement ||x_t - mean|| / ||x_0 - mean||",
         .unit = "ratio",
         .log_scale = true,
         .min = floor,
         .max = 1.5};
  f.legend = figures::LegendPlacement::below;
  const char* colors[] = {red, orange, blue, purple};
  std::size_t k = 0;
  // The exact average through the phone: the disagreement vanishes after its one round.
  f.series.push_back({.name = "star via the phone: exact after 1 round",
                      .points = {{0.0, 1.0}, {1.0, floor}},
                      .style = figures::Style::line_points,
                      .color = green});
  for (const MeshResult& m : g.meshes) {
    const char* c = colors[k++ % 4];
    figures::Series sim{
        .name = m.name + ": simulated", .points = {}, .style = figures::Style::line, .color = c};
    for (std::size_t t = 0; t < m.error.size() && static_cast<long long>(t) <= shown; ++t)
      if (m.error[t] >= floor) sim.points.push_back({static_cast<double>(t), m.error[t]});
    // The predicted rate rho^t, anchored on the simulated curve at the middle of its visible
    // rounds: once the faster modes have died out the two run parallel (Xiao & Boyd 2004).
    const std::size_t mid = sim.points.size() / 2;
    const double t0 = sim.points.empty() ? 0.0 : sim.points[mid].x;
    const double e0 = sim.points.empty() ? 1.0 : sim.points[mid].y;
    figures::Series rate{
        .name = m.name + ": predicted rate rho^t, rho = " + text::number(m.spectrum.rho, 4),
        .points = {},
        .style = figures::Style::dashed_line,
        .color = c};
    for (long long t = 0; t <= shown; ++t) {
      const double e = e0 * std::pow(m.spectrum.rho, static_cast<double>(t) - t0);
      if (e > 1.5) continue;
      if (e < floor) break;
      rate.points.push_back({static_cast<double>(t), e});
    }
    f.series.push_back(sim);
    f.series.push_back(rate);
  }
  f.series.push_back({.name = "epsilon = " + text::number(g.epsilon),
                      .points = {{0.0, g.epsilon}, {static_cast<double>(shown), g.epsilon}},
                      .style = figures::Style::dashed_line,
                      .color = grey});
  return f;
}

figures::Figure radios(const lab::Session& s, const Plan& p) {
  const RadioStudy& r = *p.radios;
  std::vector<RadioRow> rows = r.rows;
  std::sort(rows.begin(), rows.end(),
            [](const RadioRow& a, const RadioRow& b) { return a.energy.total < b.energy.total; });
  double lo = 1e300;
  double hi = 0.0;
  for (const RadioRow& x : rows) {
    lo = std::min(lo, value_in<joule_unit>(x.energy.total));
    hi = std::max(hi, value_in<joule_unit>(x.energy.total));
  }
  const double left = std::pow(10.0, std::floor(std::log10(lo)) - 0.0) / 2.0;
  figures::Figure f;
  f.title = fleet_words(s, p) + ": energy of one sync by radio (" + to_string(r.payload) +
            " up and down)";
  f.x = {.label = "Energy per device per sync: promotion + transfer + tail",
         .unit = "J",
         .log_scale = true,
         .min = left,
         .max = hi * 12.0};
  // Decade ticks as energies ("100 uJ", "1 mJ", "10 J"), not as long decimals.
  for (int d = static_cast<int>(std::ceil(std::log10(left)));
       d <= static_cast<int>(std::floor(std::log10(hi * 12.0))); ++d)
    f.x.ticks.push_back({.at = std::pow(10.0, d), .text = to_string(std::pow(10.0, d) * joules)});
  f.y = {.label = "", .unit = "", .min = 0.0, .max = static_cast<double>(rows.size())};
  f.grid = false;
  f.legend = figures::LegendPlacement::below_in_rows;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RadioRow& x = rows[i];
    const double y0 = static_cast<double>(rows.size() - 1 - i) + 0.15;
    const double y1 = y0 + 0.7;
    const std::string key(x.radio->key);
    const char* c = key.starts_with("ble")    ? blue
                    : key.starts_with("wifi") ? green
                    : key.starts_with("5g")   ? orange
                                              : red;
    const double e = value_in<joule_unit>(x.energy.total);
    f.boxes.push_back({.x0 = left, .x1 = std::max(e, left * 1.01), .y0 = y0, .y1 = y1, .color = c});
    f.y.ticks.push_back({.at = 0.5 * (y0 + y1), .text = radio_label(*x.radio)});
    f.labels.push_back({.x = e * 1.15,
                        .y = 0.5 * (y0 + y1),
                        .text = to_string(x.energy.total) + " in " + to_string(x.energy.time),
                        .align = figures::TextAlign::left});
  }
  f.legend_entries = {{.text = "Bluetooth LE", .color = blue},
                      {.text = "Wi-Fi", .color = green},
                      {.text = "5G", .color = orange},
                      {.text = "LTE / 3G (Huang et al. 2012)", .color = red}};
  return f;
}

figures::Figure battery(const lab::Session& s, const Plan& p) {
  const BatteryStudy& b = *p.battery;
  const bool mobile = !b.budget;
  figures::Figure f;
  f.title = fleet_words(s, p) + (mobile ? ": battery drain per day vs sync interval"
                                        : ": average power vs sync interval, against 1 mW");
  const double x_lo = 10.0 / 60.0;  // 10 s
  const double x_hi = value_in<minute_unit>(b.day);
  f.x = {
      .label = "Sync interval Delta", .unit = "min", .log_scale = true, .min = x_lo, .max = x_hi};
  // Mobile: per cent of the charge over the day; tiny: average power in mW.
  const double day_s = value_in<second_unit>(b.day);
  const auto y_of = [&](Joules e) {
    return mobile ? 100.0 * static_cast<double>(e / b.device.battery_capacity)
                  : 1e3 * value_in<joule_unit>(e) / day_s;
  };
  f.y = {.label = mobile ? "Drain per " + text::number(day_s / 3600.0) + " h day" : "Average power",
         .unit = mobile ? "% of the 0.6 Wh charge" : "W",
         .log_scale = true};
  f.legend = figures::LegendPlacement::below;
  const char* colors[] = {blue, green};
  double y_min = 1e300;
  double y_max = 0.0;
  for (std::size_t k = 0; k < b.options.size(); ++k) {
    const SyncOption& o = b.options[k];
    figures::Series sync{.name = o.name + " (" + to_string(o.energy) + " a sync)",
                         .points = {},
                         .style = figures::Style::line,
                         .color = colors[k % 2]};
    figures::Series total{.name = "total with " + o.name,
                          .points = {},
                          .style = figures::Style::dashed_line,
                          .color = colors[k % 2]};
    for (int i = 0; i <= 60; ++i) {
      const double m = x_lo * std::pow(x_hi / x_lo, i / 60.0);
      const energy::DailyDrain d = energy::evaluate({.device = b.device,
                                                     .energy_per_sync = o.energy,
                                                     .sync_interval = m * minutes,
                                                     .energy_per_inference = b.per_inference,
                                                     .inference_rate = b.inference_rate,
                                                     .day = b.day});
      sync.points.push_back({m, y_of(d.sync)});
      total.points.push_back({m, y_of(d.total)});
      y_min = std::min(y_min, y_of(d.sync));
      y_max = std::max(y_max, y_of(d.total));
    }
    f.series.push_back(sync);
    if (k == 0) f.series.push_back(total);
    if (o.min_interval && k == 0)
      f.vertical_lines.push_back({.x = value_in<minute_unit>(*o.min_interval),
                                  .text = "shortest interval: " + to_string(*o.min_interval),
                                  .color = colors[k % 2]});
  }
  const double inference = y_of(b.per_inference * (b.inference_rate * b.day));
  const double idle = y_of(b.device.idle_power * b.day);
  const double cap = y_of(b.device.battery_capacity);
  f.series.push_back({.name = "local inference (" + b.inference_words + ")",
                      .points = {{x_lo, inference}, {x_hi, inference}},
                      .style = figures::Style::line,
                      .color = orange});
  f.series.push_back({.name = "idle floor",
                      .points = {{x_lo, idle}, {x_hi, idle}},
                      .style = figures::Style::line,
                      .color = grey});
  f.series.push_back({.name = mobile ? "the charge (100 %)" : "the 1 mW budget",
                      .points = {{x_lo, cap}, {x_hi, cap}},
                      .style = figures::Style::dashed_line,
                      .color = black});
  y_min = std::min({y_min, inference, idle});
  y_max = std::max({y_max, cap});
  const int d_lo = static_cast<int>(std::floor(std::log10(y_min)));
  const int d_hi = static_cast<int>(std::ceil(std::log10(y_max)));
  f.y.min = std::pow(10.0, d_lo);
  f.y.max = std::pow(10.0, d_hi);
  // Decade ticks written as "0.01" or as powers ("10 uW", "1 mW"), not as long decimals (no
  // "%" in a tick: gnuplot would read it as a format character).
  for (int d = d_lo; d <= d_hi; ++d) {
    const double at = std::pow(10.0, d);
    f.y.ticks.push_back(
        {.at = at, .text = mobile ? text::number(at) : to_string(at * 1e-3 * watts)});
  }
  return f;
}

}  // namespace

void add_fleet_figures(lab::Session& s, const Plan& p) {
  if (p.gossip) s.add_figure("consensus_error", consensus(s, p));
  if (p.radios) s.add_figure("energy_per_sync", radios(s, p));
  if (p.battery) s.add_figure("battery_drain", battery(s, p));
}

}  // namespace paradox::part3
