/// @file
/// @brief The parallel family: 3D-parallel layouts, their placement on nodes, racks and pods,
/// their step time, and the layout search.
#pragma once

#include "paradox/parallel/layout.hpp"
#include "paradox/parallel/placement.hpp"
#include "paradox/parallel/search.hpp"
#include "paradox/parallel/step_time.hpp"

namespace paradox::parallel {
/// @defgroup parallel Parallel
/// @brief 3D parallelism: a layout (data x tensor x pipeline x context), where its groups run,
/// what one step costs, and the search for the best layout.
///
/// Notation of MODELS.md sec. 5: N accelerators = d t pp cp; B = d b m sequences of s tokens
/// per step; v model chunks per device with the interleaved schedule.
///
/// - layout.hpp: Layout, TrainingJob, and validate(job, layout), Megatron-LM's rules.
/// - placement.hpp: coordinates() and accelerator_at() (Megatron's rank order, tensor fastest),
///   place(): the level (node, rack, pod, cluster) each dimension's traffic crosses.
/// - step_time.hpp: evaluate(): step time by part, tokens/s, MFU, HFU, bubble, memory fit.
/// - search.hpp: search(): every valid layout, the best k by MFU and the Pareto set of
///   throughput against memory headroom.
///
/// Example: Llama 3 70B on 64 DGX H100 nodes, 1,024 sequences per step:
/// \code
///   using namespace paradox;
///   const parallel::TrainingJob job{.model = catalog::llama3_70b,
///                                   .cluster = {.node = catalog::dgx_h100, .nodes = 64},
///                                   .global_batch = 1024};
///   const auto e = parallel::evaluate(job, {.data_parallel = 16, .tensor_parallel = 8,
///                                           .pipeline_parallel = 4, .micro_batch = 1,
///                                           .microbatches = 64, .zero_stage = 1});
///   // e.step_time(), e.mfu, e.memory.headroom, e.bubble_fraction
/// \endcode
/// @{
/// @}
}  // namespace paradox::parallel
