// Shared fixtures for the scaling tests: clusters built from plain links, and the point of
// diminishing returns as a worker count.
#pragma once

#include <optional>

#include "paradox/hardware/cluster.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/units.hpp"

namespace scaling_test {

using namespace paradox;

/// A link in alpha-beta order: latency (alpha), then per-direction bandwidth (beta).
inline Link ab(Seconds latency, Bandwidth bandwidth) {
  return {.bandwidth = bandwidth, .latency = latency};
}

/// `nodes` one-accelerator nodes, each with one NIC on `link`: every hop crosses `link`.
inline Cluster flat(Link link, int nodes = scaling::max_workers_limit) {
  return {.node = {.accelerators_per_node = 1, .nic = link, .nics_per_node = 1}, .nodes = nodes};
}

/// `nodes` nodes of 8 GPUs on `intra`, with `nics` NICs on `nic` (default one per GPU).
inline Cluster eight_gpu_nodes(Link nic, Link intra, int nics = 8, int nodes = 1024) {
  return {.node = {.accelerators_per_node = 8, .intra_node = intra, .nic = nic, .nics_per_node = nics},
          .nodes = nodes};
}

/// The worker count of the point of diminishing returns, or nullopt.
inline std::optional<int> knee(const scaling::ScalingInput& job, int max_workers,
                               double threshold = 0.5) {
  const auto d = scaling::diminishing_returns(job, max_workers, threshold);
  return d ? std::optional<int>(d->workers) : std::nullopt;
}

}  // namespace scaling_test
