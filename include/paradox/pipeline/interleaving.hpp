/// @file
/// @brief What the interleaved schedule requires (micro-batches divisible by the stages, layers
/// divisible by stages x chunks) and what it costs in point-to-point traffic.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/pipeline/in_flight.hpp"

namespace paradox::pipeline {

/// @addtogroup pipeline
/// @{

/// @brief Checks that a schedule can run a shape, as Megatron-LM checks it.
///
/// GPipe and 1F1B run any \f$p, m \ge 1\f$ (v is ignored). The interleaved schedule needs
/// \f$v \ge 2\f$ model chunks per device and \f$m \bmod p = 0\f$: NVIDIA/Megatron-LM's
/// `forward_backward_pipelining_with_interleaving` raises "number of microbatches is not
/// divisible by pipeline-model-parallel-size when using interleaved schedule"
/// (megatron/core/pipeline_parallel/schedules.py), because it runs the micro-batches in groups
/// of p per chunk.
/// @param schedule the schedule
/// @param shape p, m and v
/// @pre p >= 1, m >= 1, v >= 1; interleaved: v >= 2 and p divides m
/// @throws invalid_input e.g. "interleaved schedule: microbatches must be divisible by stages
///   = 4 (got 6)" or "interleaved schedule: virtual_stages must be >= 2 (got 1)"
/// @see layers_per_chunk
constexpr void check_schedule(Schedule schedule, const PipelineShape& shape) {
  const std::string_view fn =
      schedule == Schedule::interleaved_1f1b ? "interleaved schedule" : "pipeline schedule";
  require_at_least(fn, "stages", shape.stages, 1);
  require_at_least(fn, "microbatches", shape.microbatches, 1);
  require_at_least(fn, "virtual_stages", shape.virtual_stages, 1);
  if (schedule == Schedule::interleaved_1f1b) {
    require_at_least(fn, "virtual_stages", shape.virtual_stages, 2);
    require_divisible(fn, "microbatches", shape.microbatches, "stages", shape.stages);
  }
}

/// @brief Layers in one model chunk of a (possibly interleaved) pipeline layout.
///
/// The model's L layers are cut into \f$p\,v\f$ equal chunks, chunk c on device
/// \f$c \bmod p\f$ (Narayanan et al. 2021, SC21, sec. 2.2.2: "device 1 would have layers
/// 1, 2, 9, 10" for 16 layers on 4 devices with 2 chunks); the layout is valid only when
/// \f$p\,v\f$ divides L. With v = 1 it is the layers per stage.
/// @param layers L, the model's transformer layers, >= 1
/// @param shape p and v (m is not used)
/// @pre L >= 1, p >= 1, v >= 1, p v divides L
/// @throws invalid_input "pipeline layout: layers must be divisible by stages x
///   virtual_stages = 8 (got 30)"
/// @return \f$L / (p v)\f$
/// @see check_schedule
[[nodiscard]] constexpr int layers_per_chunk(int layers, const PipelineShape& shape) {
  constexpr std::string_view fn = "pipeline layout";
  require_at_least(fn, "layers", layers, 1);
  require_at_least(fn, "stages", shape.stages, 1);
  require_at_least(fn, "virtual_stages", shape.virtual_stages, 1);
  const long long chunks =
      static_cast<long long>(shape.stages) * static_cast<long long>(shape.virtual_stages);
  require_divisible<long long>(fn, "layers", layers, "stages x virtual_stages", chunks);
  return static_cast<int>(layers / chunks);
}

/// @brief Point-to-point sends between devices in one step of a pipeline, counting each
/// activation sent forward and each gradient sent backward once.
///
/// Every micro-batch crosses each boundary between consecutive model pieces twice (activation
/// forward, gradient backward). GPipe and 1F1B cut the model into p pieces:
/// \f$2\,m\,(p - 1)\f$ sends. The interleaved schedule cuts it into \f$p\,v\f$ chunks placed
/// round-robin, so every one of the \f$p v - 1\f$ boundaries is between devices:
/// \f$2\,m\,(p v - 1)\f$ sends (none when p = 1). That is
/// \f$v + \frac{v - 1}{p - 1}\f$ times 1F1B's count, the "amount of communication also
/// increases by v" of Narayanan et al. 2021 (SC21, sec. 2.2.2) plus the v - 1 boundaries that
/// wrap from the last device back to the first. Each send carries one micro-batch's boundary
/// activation (b s h elements).
/// @param schedule the schedule
/// @param shape p, m and v (v is ignored unless interleaved)
/// @pre p >= 1, m >= 1, v >= 1 (the interleaved schedule's own rules are check_schedule()'s)
/// @throws invalid_input "p2p sends: microbatches must be >= 1 (got 0)"
/// @return the number of sends per step, summed over all devices
/// @see check_schedule
[[nodiscard]] constexpr long long p2p_sends_per_step(Schedule schedule,
                                                     const PipelineShape& shape) {
  constexpr std::string_view fn = "p2p sends";
  require_at_least(fn, "stages", shape.stages, 1);
  require_at_least(fn, "microbatches", shape.microbatches, 1);
  require_at_least(fn, "virtual_stages", shape.virtual_stages, 1);
  const long long p = shape.stages;
  const long long m = shape.microbatches;
  if (p == 1) return 0;
  const long long pieces = schedule == Schedule::interleaved_1f1b ? p * shape.virtual_stages : p;
  return 2 * m * (pieces - 1);
}

/// @}

}  // namespace paradox::pipeline
