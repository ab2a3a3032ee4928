/// @file
/// @brief The scaling family: strong and weak scaling of data-parallel training on a cluster,
/// the point of diminishing returns, and Amdahl's and Gustafson's laws.
#pragma once

#include "paradox/scaling/amdahl.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/strong_weak.hpp"

namespace paradox::scaling {

/// @defgroup scaling Scaling
/// @brief How step time, speedup and efficiency change as workers are added.
///
/// The step of N synchronous data-parallel workers is compute plus the part of the gradient
/// all-reduce that overlap does not hide (MODELS.md section 5):
/// \f$ T(N) = T_\mathrm{compute}/N + T_\mathrm{comm}(N) - T_\mathrm{overlap} \f$ in strong
/// scaling, \f$ T_\mathrm{compute} + T_\mathrm{comm}(N) - T_\mathrm{overlap} \f$ in weak
/// scaling. Speedup is throughput(N)/throughput(1), efficiency speedup/N, marginal speedup
/// S(N+1) - S(N), and the point of diminishing returns the first N whose marginal speedup is
/// below 0.5. Headers: strong_weak.hpp (evaluate, sweep), diminishing_returns.hpp, amdahl.hpp.
///
/// Example: 8 -> 64 H100s on a 140 GB gradient, 10 GbE against 400 Gb/s InfiniBand:
/// @code
/// using namespace paradox;
/// scaling::ScalingInput job{.compute_time = 3200.0 * seconds, .gradient = 140.0 * gigabytes,
///                           .link = {.latency = 5.0 * microseconds,
///                                    .bandwidth = 10.0 * gigabits_per_second},
///                           .gpus_per_node = 8,
///                           .intra_node = {.latency = 1.0 * microseconds,
///                                          .bandwidth = 450.0 * gigabytes_per_second}};
/// const double gain = scaling::evaluate(job, 64).speedup / scaling::evaluate(job, 8).speedup;
/// @endcode
/// @{
/// @}

}  // namespace paradox::scaling
