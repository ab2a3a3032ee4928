/// @file
/// @brief The pipeline family: schedules, bubbles and the micro-batches each stage holds.
#pragma once

#include "paradox/pipeline/in_flight.hpp"

namespace paradox::pipeline {

/// @defgroup pipeline Pipeline
/// @brief Pipeline-parallel schedules (GPipe, 1F1B, interleaved 1F1B): the bubble, the
/// timeline of a step and the micro-batches each stage holds at its peak.
///
/// Notation (Narayanan et al. 2021, SC21): p stages, m micro-batches per step, v model chunks
/// per device for the interleaved schedule.
/// @{
/// @}

}  // namespace paradox::pipeline
