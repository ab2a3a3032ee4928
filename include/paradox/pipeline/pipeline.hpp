/// @file
/// @brief The pipeline family: schedules, bubbles and the micro-batches each stage holds.
#pragma once

#include "paradox/pipeline/bubble.hpp"
#include "paradox/pipeline/in_flight.hpp"
#include "paradox/pipeline/interleaving.hpp"
#include "paradox/pipeline/timeline.hpp"

namespace paradox::pipeline {

/// @defgroup pipeline Pipeline
/// @brief Pipeline-parallel schedules (GPipe, 1F1B, interleaved 1F1B): the bubble, the
/// timeline of a step and the micro-batches each stage holds at its peak.
///
/// Notation (Narayanan et al. 2021, SC21): p stages, m micro-batches per step, v model chunks
/// per device for the interleaved schedule.
///
/// Headers:
/// - bubble.hpp: the bubble in closed form under its two published names, the bubble
///   fraction \f$(p-1)/(v m + p - 1)\f$ (share of the step a stage idles; GPipe) and the
///   bubble overhead \f$(p-1)/(v m)\f$ (idle time over ideal compute; Megatron-LM), related by
///   \f$f = x/(1 + x)\f$.
/// - timeline.hpp: a step simulated op by op for each schedule (device_order, simulate): the
///   timeline as data, step time, busy time per stage, the measured bubble and the peak
///   micro-batches in flight per stage.
/// - in_flight.hpp: the schedules and, in closed form, the micro-batches a stage holds.
/// - interleaving.hpp: the interleaved schedule's constraints (m divisible by p; layers
///   divisible by p v) and the point-to-point sends per step of each schedule.
///
/// Example: the bubble of 4 stages and 8 micro-batches, and the timeline behind it.
/// @code
/// using namespace paradox;
/// const pipeline::PipelineShape shape{.stages = 4, .microbatches = 8};
/// const double f = pipeline::bubble_fraction(shape);  // 3/11
/// const pipeline::Timeline step = pipeline::simulate({.schedule = pipeline::Schedule::one_f_one_b,
///                                                     .shape = shape,
///                                                     .forward_time = 1.0 * milliseconds,
///                                                     .backward_time = 2.0 * milliseconds});
/// // step.total_time == 33 ms, step.bubble_fraction == f, step.peak_in_flight[0] == 4
/// @endcode
/// @{
/// @}

}  // namespace paradox::pipeline
