/// @file
/// @brief ParallelismMap, a part-2 figure: the "3D parallelism map", which GPU of which node,
/// rack and pod holds which pipeline stage, data-parallel replica and tensor rank.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/figures/figure.hpp"
#include "paradox/figures/svg.hpp"

namespace paradox::figures {

/// @addtogroup figures
/// @{

/// @brief Where one GPU sits in the 3D layout.
struct MapGpu {
  int gpu = 0;             ///< global index: node = gpu / gpus_per_node, slot = gpu % gpus_per_node
  int tensor_rank = 0;     ///< rank within its tensor-parallel group
  int pipeline_stage = 0;  ///< pipeline stage it runs
  int data_replica = 0;    ///< data-parallel replica it belongs to
};

/// @brief Which group the cells' colours show.
enum class ColourBy {
  pipeline_stage,  ///< one colour per pipeline stage
  data_replica,    ///< one colour per data-parallel replica
  tensor_rank      ///< one colour per tensor rank
};

/// @brief What the map shows. Aggregate: build it with designated initializers.
struct ParallelismMap {
  std::string title = "3D parallelism map";       ///< figure title
  int gpus_per_node = 8;                          ///< GPU slots per node (columns)
  int nodes_per_rack = 4;                         ///< nodes per rack
  int racks_per_pod = 4;                          ///< racks per pod
  std::vector<MapGpu> gpus{};                     ///< the GPUs, any order, each listed once
  ColourBy colour_by = ColourBy::pipeline_stage;  ///< what the colours show
};

/// @brief The built map and the SVG size it reads best at.
struct ParallelismMapFigure {
  Figure figure;   ///< ready for write_csv / render_svg
  SvgOptions svg;  ///< height grown with the number of node rows
  int nodes = 0;   ///< node rows drawn (node 0 to the last node holding a GPU)
  int groups = 0;  ///< distinct values of the colour_by field
};

/// @brief Largest map build() accepts: 65,536 GPUs.
inline constexpr int max_map_gpus = 1 << 16;

/// @brief Above this many GPUs cells carry no text ("s3 d1 t5"); colours alone remain.
inline constexpr int max_labelled_map_gpus = 256;

/// @brief Builds the 3D parallelism map: one row per node, one column per GPU slot.
///
/// Rows run top to bottom from node 0; a rack boundary leaves a gap of 0.4 rows and a pod
/// boundary a gap of 1 row. The y ticks name every node: "pod P · rack R · node N" on the first
/// node of each rack, "node N" on the others (node = gpu / gpus_per_node, rack = node /
/// nodes_per_rack, pod = rack / racks_per_pod). Each GPU is a box in its node's row and slot's
/// column, coloured by its colour_by group on the 8-colour categorical palette (cycling), and
/// labelled "s<stage> d<replica> t<rank>" when the map has at most max_labelled_map_gpus GPUs
/// and at most 16 slots per node. Slots without a GPU stay white. Legend (below the plot):
/// one entry per group for up to 8 groups ("stage 3"); beyond that the first 7 and a text-only
/// "... colours repeat every 8".
///
/// Size: nothing is dropped; the SVG height grows with the rows (about 30 px per node with
/// text, 16 px without), so 1,024 GPUs in 128 nodes of 8 make a tall page-high figure whose
/// rows and node labels stay legible.
/// @param map what to draw; see ParallelismMap
/// @pre gpus_per_node, nodes_per_rack, racks_per_pod >= 1; 1 to max_map_gpus GPUs, each gpu
///   index >= 0 and listed once; ranks, stages and replicas >= 0
/// @throws invalid_input e.g. "parallelism map: gpu 7 must be listed once (got 2 times)"
/// @return the figure, a suggested SVG size, the number of node rows and of colour groups
/// @see render_svg, write_csv
[[nodiscard]] inline ParallelismMapFigure build(const ParallelismMap& map) {
  constexpr std::string_view fn = "parallelism map";
  require_in_range(fn, "gpus_per_node", map.gpus_per_node, 1, 1024);
  require_at_least(fn, "nodes_per_rack", map.nodes_per_rack, 1);
  require_at_least(fn, "racks_per_pod", map.racks_per_pod, 1);
  if (map.gpus.empty()) throw invalid_input(fn, "gpus", "be non-empty", "0 GPUs");
  require_at_most(fn, "number of gpus", static_cast<int>(std::min<std::size_t>(
                                            map.gpus.size(), max_map_gpus + 1)),
                  max_map_gpus);
  std::map<int, int> seen;
  int last_gpu = 0;
  for (const MapGpu& g : map.gpus) {
    require_at_least(fn, "gpu", g.gpu, 0);
    require_at_least(fn, "gpu " + std::to_string(g.gpu) + " tensor_rank", g.tensor_rank, 0);
    require_at_least(fn, "gpu " + std::to_string(g.gpu) + " pipeline_stage", g.pipeline_stage, 0);
    require_at_least(fn, "gpu " + std::to_string(g.gpu) + " data_replica", g.data_replica, 0);
    if (++seen[g.gpu] > 1)
      throw invalid_input(fn, "gpu " + std::to_string(g.gpu), "be listed once", "2 times");
    last_gpu = std::max(last_gpu, g.gpu);
  }
  const auto group_of = [&](const MapGpu& g) {
    switch (map.colour_by) {
      case ColourBy::pipeline_stage:
        return g.pipeline_stage;
      case ColourBy::data_replica:
        return g.data_replica;
      case ColourBy::tensor_rank:
        break;
    }
    return g.tensor_rank;
  };
  std::vector<int> groups;
  for (const MapGpu& g : map.gpus) groups.push_back(group_of(g));
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());

  ParallelismMapFigure out;
  out.nodes = last_gpu / map.gpus_per_node + 1;
  out.groups = static_cast<int>(groups.size());
  const bool labelled = static_cast<int>(map.gpus.size()) <= max_labelled_map_gpus &&
                        map.gpus_per_node <= 16;
  constexpr double rack_gap = 0.4;
  constexpr double pod_gap = 1.0;
  // Row tops, measured downwards from the top of the plot.
  std::vector<double> row_top(static_cast<std::size_t>(out.nodes), 0.0);
  double depth = 0.0;
  for (int node = 0; node < out.nodes; ++node) {
    if (node > 0 && node % map.nodes_per_rack == 0) {
      const bool new_pod = (node / map.nodes_per_rack) % map.racks_per_pod == 0;
      depth += new_pod ? pod_gap : rack_gap;
    }
    row_top[static_cast<std::size_t>(node)] = depth;
    depth += 1.0;
  }
  const double total = depth;
  const int row_px = labelled ? 30 : 16;
  out.svg.width = std::max(900, 360 + (labelled ? 90 : 40) * map.gpus_per_node);
  out.svg.height = std::max(420, 230 + static_cast<int>(row_px * total));

  Figure& f = out.figure;
  static constexpr std::string_view names[] = {"pipeline stage", "data replica", "tensor rank"};
  const std::string_view colour_name = names[static_cast<int>(map.colour_by)];
  f.title = map.title;
  f.x = Axis{.label = "GPU slot in node", .min = -0.5, .max = map.gpus_per_node - 0.5};
  f.y = Axis{.label = "", .min = 0.0, .max = total};
  if (map.gpus_per_node <= 32) {
    for (int slot = 0; slot < map.gpus_per_node; ++slot)
      f.x.ticks.push_back(Tick{.at = static_cast<double>(slot), .text = std::to_string(slot)});
  }
  for (int node = 0; node < out.nodes; ++node) {
    const int rack = node / map.nodes_per_rack;
    std::string text = "node " + std::to_string(node);
    if (node % map.nodes_per_rack == 0)
      text = "pod " + std::to_string(rack / map.racks_per_pod) + " · rack " +
             std::to_string(rack) + " · " + text;
    f.y.ticks.push_back(
        Tick{.at = total - row_top[static_cast<std::size_t>(node)] - 0.5, .text = text});
  }
  f.legend = LegendPlacement::below_in_rows;
  f.grid = false;
  f.box_text_size = 10;
  const auto color_of = [&](int group) {
    const auto at = std::lower_bound(groups.begin(), groups.end(), group) - groups.begin();
    return std::string(detail::palette[static_cast<std::size_t>(at) % std::size(detail::palette)]);
  };
  for (const MapGpu& g : map.gpus) {
    const int node = g.gpu / map.gpus_per_node;
    const int slot = g.gpu % map.gpus_per_node;
    const double top = total - row_top[static_cast<std::size_t>(node)];
    std::string text;
    if (labelled)
      text = "s" + std::to_string(g.pipeline_stage) + " d" + std::to_string(g.data_replica) +
             " t" + std::to_string(g.tensor_rank);
    f.boxes.push_back(Box{.x0 = slot - 0.47,
                          .x1 = slot + 0.47,
                          .y0 = top - 0.93,
                          .y1 = top - 0.07,
                          .color = color_of(group_of(g)),
                          .text = std::move(text)});
  }
  const std::size_t shown = groups.size() <= 8 ? groups.size() : 7;
  for (std::size_t i = 0; i < shown; ++i) {
    f.legend_entries.push_back(
        LegendEntry{.text = std::string(colour_name) + " " + std::to_string(groups[i]),
                    .color = color_of(groups[i])});
  }
  if (groups.size() > shown)
    f.legend_entries.push_back(LegendEntry{.text = "... colours repeat every 8"});
  if (labelled) f.legend_entries.push_back(LegendEntry{.text = "s stage, d replica, t rank"});
  return out;
}

/// @}

}  // namespace paradox::figures
