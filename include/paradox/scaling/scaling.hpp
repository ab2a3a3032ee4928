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
/// Example: 8 -> 64 H100s on a 140 GB gradient, the nodes joined by one 10 GbE NIC each:
/// @code
/// using namespace paradox;
/// const Link ten_gbe{.bandwidth = 10.0 * gigabits_per_second, .latency = 5.0 * microseconds};
/// const Link nvlink{.bandwidth = 450.0 * gigabytes_per_second, .latency = 1.0 * microseconds};
/// scaling::ScalingInput job{
///     .compute_time = 3200.0 * seconds,
///     .gradient = 140.0 * gigabytes,
///     .cluster = {.node = {.accelerators_per_node = 8, .intra_node = nvlink, .nic = ten_gbe},
///                 .nodes = 8}};  // one 10 GbE NIC shared by the node's 8 GPUs
/// const double gain = scaling::evaluate(job, 64).speedup / scaling::evaluate(job, 8).speedup;
/// @endcode
/// @{
/// @}

}  // namespace paradox::scaling
