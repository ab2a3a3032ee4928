/// @file
/// @brief Placement: which accelerators form each tensor-, context-, data- and
/// pipeline-parallel group, and which level of the cluster (node, rack, pod) each group's
/// traffic crosses.
#pragma once

#include <cstdint>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/parallel/layout.hpp"

namespace paradox::parallel {

/// @addtogroup parallel
/// @{

/// @brief One of a layout's parallel dimensions.
enum class Dimension {
  tensor,    ///< t ranks of one layer's matmuls
  context,   ///< cp ranks sharing a sequence's attention
  data,      ///< d replicas
  pipeline   ///< pp stages (neighbours exchange activations)
};

/// @brief Lower-case name of a dimension: "tensor", "context", "data" or "pipeline".
/// @param d the dimension
/// @return its name
[[nodiscard]] constexpr std::string_view to_string(Dimension d) noexcept {
  switch (d) {
    case Dimension::tensor:
      return "tensor";
    case Dimension::context:
      return "context";
    case Dimension::data:
      return "data";
    case Dimension::pipeline:
      return "pipeline";
  }
  return "pipeline";
}

/// @brief An accelerator's rank in each dimension.
struct Coordinates {
  int tensor_rank = 0;     ///< in [0, t)
  int context_rank = 0;    ///< in [0, cp)
  int data_replica = 0;    ///< in [0, d)
  int pipeline_stage = 0;  ///< in [0, pp)
};

/// @brief The ranks of accelerator `gpu` under Megatron-LM's default order, tensor fastest:
/// \f$g = r_t + t\,(r_{cp} + cp\,(r_d + d\,r_{pp}))\f$.
///
/// Megatron-Core numbers ranks "tp-cp-ep-dp-pp" (megatron/core/parallel_state.py,
/// `initialize_model_parallel(order=...)`): tensor-parallel groups are consecutive
/// accelerators, so with t <= accelerators per node each sits in one node on NVLink; the
/// pipeline dimension varies slowest, so consecutive stages sit far apart (Narayanan et al.
/// 2021, sec. 3: tensor parallelism within a node, pipeline and data parallelism across).
/// Llama 3 uses the same nesting (Dubey et al. 2024, sec. 3.3.2: [TP, CP, PP, DP] from the
/// innermost, with DP outermost instead of PP; the levels it implies are the same whenever
/// DP or PP groups span nodes).
/// @param layout the layout
/// @param gpu the accelerator, in [0, accelerators(layout))
/// @throws invalid_input "placement: gpu must be in [0, 1023] (got 1024)"
/// @return its tensor, context, data and pipeline ranks
[[nodiscard]] constexpr Coordinates coordinates(const Layout& layout, std::int64_t gpu) {
  require_in_range<std::int64_t>("placement", "gpu", gpu, 0, accelerators(layout) - 1);
  Coordinates c;
  c.tensor_rank = static_cast<int>(gpu % layout.tensor_parallel);
  gpu /= layout.tensor_parallel;
  c.context_rank = static_cast<int>(gpu % layout.context_parallel);
  gpu /= layout.context_parallel;
  c.data_replica = static_cast<int>(gpu % layout.data_parallel);
  c.pipeline_stage = static_cast<int>(gpu / layout.data_parallel);
  return c;
}

/// @brief The accelerator at given ranks: the inverse of coordinates().
/// @param layout the layout
/// @param at the ranks, each within its degree
/// @throws invalid_input naming the rank out of range, e.g.
///   "placement: pipeline_stage must be in [0, 7] (got 8)"
/// @return \f$r_t + t\,(r_{cp} + cp\,(r_d + d\,r_{pp}))\f$
[[nodiscard]] constexpr std::int64_t accelerator_at(const Layout& layout, const Coordinates& at) {
  constexpr std::string_view fn = "placement";
  require_in_range(fn, "tensor_rank", at.tensor_rank, 0, layout.tensor_parallel - 1);
  require_in_range(fn, "context_rank", at.context_rank, 0, layout.context_parallel - 1);
  require_in_range(fn, "data_replica", at.data_replica, 0, layout.data_parallel - 1);
  require_in_range(fn, "pipeline_stage", at.pipeline_stage, 0, layout.pipeline_parallel - 1);
  return at.tensor_rank +
         static_cast<std::int64_t>(layout.tensor_parallel) *
             (at.context_rank +
              static_cast<std::int64_t>(layout.context_parallel) *
                  (at.data_replica + static_cast<std::int64_t>(layout.data_parallel) *
                                         at.pipeline_stage));
}

/// @brief The level each dimension's traffic crosses: the highest level any of its groups
/// (or, for the pipeline, any pair of neighbouring stages) spans.
struct Placement {
  Level tensor = Level::node;    ///< tensor-parallel all-reduces
  Level context = Level::node;   ///< context-parallel all-gathers
  Level data = Level::node;      ///< data-parallel all-reduces (and ZeRO's collectives)
  Level pipeline = Level::node;  ///< sends between consecutive stages
};

namespace detail {

/// Whether some group of a dimension with `inner` faster-varying ranks and degree `degree`
/// has members on both sides of a boundary between blocks of `block` consecutive
/// accelerators, among `total` accelerators. A group is {x + j inner : j < degree} inside an
/// aligned run of inner x degree ranks. If inner x degree divides the block, every run sits
/// inside one block. Otherwise some run straddles a boundary (one exists when block < total),
/// and with degree >= 2 its member x = 0 or x = inner - 1 lies on each side: with
/// b = boundary - run start in (0, inner degree), x = 0 straddles when b <= (degree - 1) inner,
/// else x = inner - 1 does (its first member is below, its last at run start + inner degree - 1).
[[nodiscard]] constexpr bool crosses(std::int64_t inner, std::int64_t degree, std::int64_t block,
                                     std::int64_t total) noexcept {
  if (degree < 2 || block >= total) return false;
  return block % (inner * degree) != 0;
}

[[nodiscard]] constexpr Level level_of(const Cluster& c, std::int64_t inner, std::int64_t degree,
                                       std::int64_t total) noexcept {
  const std::int64_t node = c.node.accelerators_per_node;
  const std::int64_t rack = node * nodes_per_rack(c);
  const std::int64_t pod = rack * racks_per_pod(c);
  if (crosses(inner, degree, pod, total)) return Level::cluster;
  if (crosses(inner, degree, rack, total)) return Level::pod;
  if (crosses(inner, degree, node, total)) return Level::rack;
  return Level::node;
}

}  // namespace detail

/// @brief Where each dimension's traffic runs for a layout on a cluster, in O(1).
///
/// Accelerators are numbered node by node (hardware position()) and ranked by coordinates().
/// A group crosses the boundary between two blocks of the cluster (nodes, racks, pods) exactly
/// when its aligned run of ranks does not fit a block: with \f$I\f$ the product of the faster
/// degrees and \f$k\f$ the group's degree, some group straddles a block of \f$B\f$
/// accelerators iff \f$k \ge 2\f$, \f$B < N\f$ and \f$I k \nmid B\f$. Pipeline neighbours
/// (stride \f$t\,cp\,d\f$, k = pp) thus cross every level the cluster has beyond one block of
/// \f$N/pp\f$, and tensor-parallel groups stay in a node when t divides the accelerators per
/// node. The slowest group paces a synchronous step, so each dimension is priced at its worst
/// group's level (cluster level_link()).
/// @param cluster the cluster
/// @param layout a layout that occupies the cluster (validate(const TrainingJob&, const Layout&))
/// @pre every degree >= 1
/// @return the level of each dimension (Level::node for a degree of 1, which sends nothing)
[[nodiscard]] constexpr Placement place(const Cluster& cluster, const Layout& layout) noexcept {
  const std::int64_t n = accelerators(layout);
  const std::int64_t t = layout.tensor_parallel;
  const std::int64_t cp = layout.context_parallel;
  const std::int64_t d = layout.data_parallel;
  return {.tensor = detail::level_of(cluster, 1, t, n),
          .context = detail::level_of(cluster, t, cp, n),
          .data = detail::level_of(cluster, t * cp, d, n),
          .pipeline = detail::level_of(cluster, t * cp * d, layout.pipeline_parallel, n)};
}

/// @}

}  // namespace paradox::parallel
