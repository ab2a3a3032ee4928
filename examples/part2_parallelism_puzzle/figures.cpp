// Part 2's figures: the memory heat map over TP x PP, the bubble gauge of the tries, the pipeline
// schedules (GPipe, 1F1B, interleaved) from pipeline::simulate, the 3D parallelism map of the
// reference layout, and the micro-batch reflection (MFU and bubble against m).

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "paradox/figures/bubble_gauge.hpp"
#include "paradox/figures/memory_heatmap.hpp"
#include "paradox/figures/parallelism_map.hpp"
#include "paradox/figures/pipeline_schedule.hpp"
#include "paradox/io.hpp"
#include "paradox/pipeline/timeline.hpp"
#include "paradox_text/format.hpp"
#include "part2.hpp"

namespace paradox::part2 {

namespace {

// The schedule figure's pipeline: small enough to read, as the lab's figure draws it.
constexpr int schedule_stages = 4;
constexpr int schedule_microbatches = 8;
constexpr int schedule_chunks = 2;

std::string title_prefix(const Plan& p) {
  return std::string(p.puzzle.job.model.name) + " on " + std::to_string(p.puzzle.devices) + " " +
         p.puzzle.device_plural;
}

figures::MemoryHeatmapFigure heatmap(const Plan& p, const Outcome& o) {
  const parallel::TrainingJob& job = p.puzzle.job;
  const std::int64_t n = p.puzzle.devices;
  std::vector<int> tps;
  std::set<int> pps;
  for (int tp = 1; tp <= n; ++tp) {
    if (n % tp != 0 || job.model.heads % tp != 0 || job.model.kv_heads % tp != 0) continue;
    tps.push_back(tp);
    for (int pp = 1; pp <= n / tp; ++pp)
      if ((n / tp) % pp == 0 && job.model.layers % pp == 0 && pp <= 64) pps.insert(pp);
  }
  figures::MemoryHeatmap map{
      .title = {},
      .tensor_degrees = tps,
      .pipeline_degrees = {pps.begin(), pps.end()},
      .cells = {},
      .capacity = job.cluster.node.accelerator.hbm_capacity};
  // The title names the settings every cell shares: mb, ZeRO, recomputation, sp.
  map.title = title_prefix(p) + ": memory per " + p.puzzle.device_noun + " at mb=" +
              std::to_string(o.reference.micro_batch) + " zero=" +
              std::to_string(o.reference.zero_stage) + " recompute=" +
              std::string(compute::to_string(o.reference.recompute)) +
              (o.reference.sequence_parallel ? " sp" : "");
  for (const int tp : tps) {
    for (const int pp : map.pipeline_degrees) {
      figures::HeatmapCell cell{.tensor_parallel = tp, .pipeline_parallel = pp, .per_gpu = {}};
      if (n % (static_cast<std::int64_t>(tp) * pp) == 0) {
        parallel::Layout l = o.reference;
        l.tensor_parallel = tp;
        l.pipeline_parallel = pp;
        l.data_parallel = static_cast<int>(n / (static_cast<std::int64_t>(tp) * pp));
        const std::int64_t per = static_cast<std::int64_t>(l.data_parallel) * l.micro_batch;
        l.microbatches = static_cast<int>(std::max<std::int64_t>(1, job.global_batch / per));
        if (pp == 1) {
          l.virtual_stages = 1;
          l.schedule = pipeline::Schedule::one_f_one_b;
        }
        if (l.sequence_parallel && tp == 1) l.sequence_parallel = false;
        try {
          cell.per_gpu = parallel::evaluate(job, l).memory.total;
        } catch (const invalid_input&) {
          // left grey: not a valid layout at these settings
        }
      }
      map.cells.push_back(cell);
    }
  }
  return figures::build(map);
}

figures::BubbleGaugeFigure gauge(const Plan& p, const std::vector<TryResult>& tries) {
  figures::BubbleGauge g{.title = title_prefix(p) + ": pipeline bubble of each try",
                         .bars = {},
                         .target_fraction = bubble_target};
  for (std::size_t i = 0; i < tries.size(); ++i) {
    if (!tries[i].valid()) continue;
    const parallel::Layout& l = tries[i].layout;
    g.bars.push_back({.label = "try " + std::to_string(i + 1) + ": pp=" +
                               std::to_string(l.pipeline_parallel) + " m=" +
                               std::to_string(l.microbatches) +
                               (l.virtual_stages > 1 ? " v=" + std::to_string(l.virtual_stages)
                                                     : ""),
                      .bubble_fraction = tries[i].evaluation->bubble_fraction});
  }
  if (!p.search.best.empty()) {
    const parallel::Layout& l = p.search.best.front().layout;
    g.bars.push_back({.label = "search's best: pp=" + std::to_string(l.pipeline_parallel) +
                               " m=" + std::to_string(l.microbatches) +
                               (l.virtual_stages > 1 ? " v=" + std::to_string(l.virtual_stages)
                                                     : ""),
                      .bubble_fraction = p.search.best.front().bubble_fraction});
  }
  if (g.bars.empty()) g.bars.push_back({.label = "no valid layout", .bubble_fraction = 0.0});
  return figures::build(g);
}

figures::PipelineScheduleFigure schedules(const Plan& p, const Outcome& o) {
  // One micro-batch's work on one of 4 stages: the reference layout's per-micro-batch slot
  // (compute and collectives of its busiest stage) rescaled from its pp stages to 4; backward
  // twice the forward (6N = 2N forward + 4N backward). Sends: the reference's, or one activation
  // over the node's link when it has no pipeline.
  Seconds slot = 1.0 * milliseconds;
  Seconds send{};
  if (o.reference_evaluation) {
    const parallel::StepTime& st = o.reference_evaluation->step;
    const double m = o.reference.microbatches;
    slot = (st.compute + st.tensor_parallel + st.context_parallel) / m *
           (static_cast<double>(o.reference.pipeline_parallel) / schedule_stages);
    const double v = o.reference.schedule == pipeline::Schedule::interleaved_1f1b
                         ? o.reference.virtual_stages
                         : 1;
    if (o.reference.pipeline_parallel > 1) {
      send = st.pipeline_p2p / (2.0 * v * m);
    } else {
      const auto& job = p.puzzle.job;
      const Bytes activation = static_cast<double>(o.reference.micro_batch) *
                               parallel::sequence_length(job) * job.model.hidden *
                               job.element_bytes / o.reference.tensor_parallel * bytes;
      send = transfer_time(job.cluster.node.intra_node, activation);
    }
  }
  figures::PipelineSchedulePlot plot{
      .title = title_prefix(p) + ": " + std::to_string(schedule_stages) + " stages, " +
               std::to_string(schedule_microbatches) + " micro-batches (slot " +
               to_string(slot) + ", send " + to_string(send) + ")",
      .timelines = {},
      .device_noun = p.puzzle.device_noun};
  const struct {
    const char* name;
    pipeline::Schedule schedule;
    int chunks;
  } rows[] = {{"GPipe", pipeline::Schedule::gpipe, 1},
              {"1F1B", pipeline::Schedule::one_f_one_b, 1},
              {"interleaved v=2", pipeline::Schedule::interleaved_1f1b, schedule_chunks}};
  for (const auto& r : rows) {
    plot.timelines.push_back(
        {.name = r.name,
         .timeline = pipeline::simulate({.schedule = r.schedule,
                                         .shape = {.stages = schedule_stages,
                                                   .microbatches = schedule_microbatches,
                                                   .virtual_stages = r.chunks},
                                         .forward_time = slot / 3.0,
                                         .backward_time = 2.0 * slot / 3.0,
                                         .p2p_time = send})});
  }
  return figures::build(plot);
}

figures::ParallelismMapFigure map_of(const Plan& p, const Outcome& o) {
  const Cluster& c = p.puzzle.job.cluster;
  figures::ParallelismMap map{
      .title = std::string(p.puzzle.job.model.name) + ": tp=" +
               std::to_string(o.reference.tensor_parallel) + " pp=" +
               std::to_string(o.reference.pipeline_parallel) + " dp=" +
               std::to_string(o.reference.data_parallel) + " (" + o.reference_origin +
               "), colour = stage",
      .gpus_per_node = c.node.accelerators_per_node,
      .nodes_per_rack = nodes_per_rack(c),
      .racks_per_pod = racks_per_pod(c),
      .gpus = {},
      .colour_by = figures::ColourBy::pipeline_stage};
  for (std::int64_t g = 0; g < p.puzzle.devices; ++g) {
    const parallel::Coordinates at = parallel::coordinates(o.reference, g);
    map.gpus.push_back({.gpu = static_cast<int>(g),
                        .tensor_rank = at.tensor_rank,
                        .pipeline_stage = at.pipeline_stage,
                        .data_replica = at.data_replica});
  }
  return figures::build(map);
}

figures::Figure reflection(const Plan& p, const Outcome& o) {
  figures::Figure f;
  f.title = title_prefix(p) + ": MFU and bubble vs micro-batch count (batch " +
            std::to_string(p.puzzle.job.global_batch) + " fixed)";
  f.x = {.label = "Micro-batches per step m (micro-batch size = batch / (dp m))",
         .unit = "",
         .log_scale = true,
         .log_base = 2};
  f.y = {.label = "Share", .unit = "%", .min = 0.0, .max = 100.0};
  f.legend = figures::LegendPlacement::below_in_rows;
  figures::Series mfu{.name = "MFU", .points = {}, .style = figures::Style::line_points,
                      .color = "#1f77b4"};
  figures::Series bubble{.name = "bubble (share of step)", .points = {},
                         .style = figures::Style::line_points, .color = "#d62728"};
  figures::Series target{.name = "bubble target 10%", .points = {},
                         .style = figures::Style::dashed_line, .color = "#7f7f7f"};
  for (const MicrobatchRow& r : o.reflection) {
    if (!r.evaluation) continue;
    mfu.points.push_back({static_cast<double>(r.microbatches), 100.0 * r.evaluation->mfu});
    bubble.points.push_back(
        {static_cast<double>(r.microbatches), 100.0 * r.evaluation->bubble_fraction});
  }
  if (!mfu.points.empty()) {
    target.points = {{mfu.points.front().x, 100.0 * bubble_target},
                     {mfu.points.back().x, 100.0 * bubble_target}};
    if (mfu.points.size() == 1) target.points.pop_back();
    f.series = {mfu, bubble, target};
    for (const MicrobatchRow& r : o.reflection)
      if (r.evaluation && r.microbatches == o.reference.microbatches)
      {
        const bool last = r.microbatches == o.reflection.back().microbatches;
        f.markers.push_back({.x = static_cast<double>(r.microbatches),
                             .y = 100.0 * r.evaluation->mfu,
                             .text = "",
                             .color = "#000000"});
        f.labels.push_back({.x = static_cast<double>(r.microbatches),
                            .y = 100.0 * r.evaluation->mfu + 6.0,
                            .text = o.reference_origin,
                            .color = "#000000",
                            .align = last ? figures::TextAlign::right : figures::TextAlign::left});
      }
  } else {
    f.series = {{.name = "no valid micro-batch count", .points = {{1.0, 0.0}},
                 .style = figures::Style::points, .color = "#7f7f7f"}};
  }
  return f;
}

}  // namespace

void add_figures(lab::Session& s, const Plan& p, const std::vector<TryResult>& tries,
                 const Outcome& o) {
  if (!s.writes_figures()) return;
  auto h = heatmap(p, o);
  s.add_figure("memory_heatmap", std::move(h.figure), h.svg);
  auto g = gauge(p, tries);
  s.add_figure("bubble_gauge", std::move(g.figure), g.svg);
  auto sch = schedules(p, o);
  s.add_figure("pipeline_schedule", std::move(sch.figure), sch.svg);
  auto m = map_of(p, o);
  s.add_figure("parallelism_map", std::move(m.figure), m.svg);
  s.add_figure("microbatch_reflection", reflection(p, o));
}

}  // namespace paradox::part2
