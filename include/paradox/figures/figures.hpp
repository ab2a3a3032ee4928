/// @file
/// @brief The figures family (opt-in): figure data series and their rendering as CSV and SVG.
///
/// Not included by `paradox/paradox.hpp`: include this header (or one of its headers) to use
/// it. It includes the model families its builders need (scaling).
#pragma once

#include "paradox/figures/csv.hpp"
#include "paradox/figures/figure.hpp"
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
/// @{
/// @}

}  // namespace paradox::figures
