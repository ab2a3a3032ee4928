/// @file
/// @brief The figures family (opt-in): figure data series and their rendering as CSV and SVG.
///
/// Not included by `paradox/paradox.hpp`: include this header (or one of its headers) to use
/// it. It includes the model families its builders need (scaling, pipeline).
#pragma once

#include "paradox/figures/csv.hpp"
#include "paradox/figures/bubble_gauge.hpp"
#include "paradox/figures/figure.hpp"
#include "paradox/figures/memory_heatmap.hpp"
#include "paradox/figures/parallelism_map.hpp"
#include "paradox/figures/pipeline_schedule.hpp"
#include "paradox/figures/scaling_efficiency.hpp"
#include "paradox/figures/svg.hpp"

namespace paradox::figures {

/// @defgroup figures Figures
/// @brief Opt-in figure data series and their rendering (CSV, and SVG through gnuplot).
///
/// The library offers the numbers; rendering is a separate, optional step so that textbook
/// authors can restyle from the CSV. Nothing here is included by `paradox.hpp`.
/// Headers: figure.hpp (the data model: a title, axes with units, series, marks), csv.hpp
/// (RFC 4180 CSV), svg.hpp (SVG through gnuplot, with the script and data kept for
/// restyling) and scaling_efficiency.hpp (the part-1 figure, built from scaling::sweep).
/// Part 2 ("the parallelism puzzle"): pipeline_schedule.hpp (a Gantt chart of
/// pipeline::simulate timelines), bubble_gauge.hpp (bubble fractions against a target),
/// memory_heatmap.hpp (per-GPU memory over a TP x PP grid) and parallelism_map.hpp (which
/// GPU of which node, rack and pod holds which stage, replica and tensor rank).
/// @{
/// @}

}  // namespace paradox::figures
