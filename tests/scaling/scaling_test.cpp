#include "paradox/scaling/scaling.hpp"

#include <catch2/catch.hpp>

#include "scaling/scaling_test_support.hpp"

#include "paradox/units.hpp"

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {

// 70B-class model: 140 GB of bf16 gradients. One GPU alone would need 640 s of compute for the
// global batch, so each of 64 GPUs computes 10 s per step. DGX H100-style nodes: 8 GPUs on
// NVLink 4 (450 GB/s per direction), one NIC per GPU across nodes.
scaling::ScalingInput h100_job(const Bandwidth& inter_node) {
  return {.compute_time = 640.0 * seconds,
          .gradient = 140.0 * gigabytes,
          .cluster = scaling_test::eight_gpu_nodes(scaling_test::ab(5.0 * microseconds, inter_node), scaling_test::ab(1.0 * microseconds, 450.0 * gigabytes_per_second))};
}

double gain_8_to_64(const scaling::ScalingInput& job) {
  return scaling::evaluate(job, 64).speedup / scaling::evaluate(job, 8).speedup;
}

}  // namespace

TEST_CASE("8 -> 64 GPUs is far from 8x on 10 GbE and close to it on 400G InfiniBand") {
  // The lab's question. Per GPU, the inter-node all-reduce moves about 2 (7/8) 140/8 GB:
  // ~24.5 s at 1.25 GB/s (10 GbE) against ~0.6 s at 50 GB/s (IB NDR), next to 10 s of compute.
  const double ethernet = gain_8_to_64(h100_job(10.0 * gigabits_per_second));
  const double infiniband = gain_8_to_64(h100_job(400.0 * gigabits_per_second));
  // Hand-computed with the hierarchical all-reduce (intra ring reduce-scatter + all-gather,
  // inter-node ring of the n/8 shard; Thakur et al. 2005 ring terms):
  // T(8)  = 640/8  + [14 x 1 us + 2 (7/8) 140 GB / 450 GB/s]                    = 80.544458 s
  // T(64) = 640/64 + 0.544458 + [14 x 5 us + 2 (7/8) 17.5 GB / beta]
  //       = 35.044528 s (beta = 1.25 GB/s) or 11.157028 s (beta = 50 GB/s).
  constexpr double t8 = 80.0 + 14e-6 + 2.0 * 7.0 / 8.0 * 140.0 / 450.0;
  CHECK_THAT(ethernet, WithinRel(t8 / (10.0 + (t8 - 80.0) + 70e-6 + 24.5), 1e-9));
  CHECK_THAT(infiniband, WithinRel(t8 / (10.0 + (t8 - 80.0) + 70e-6 + 0.6125), 1e-9));
  CHECK(ethernet < 3.0);
  CHECK(infiniband > 6.5);
  CHECK(infiniband < 8.0);
  // Full overlap helps Ethernet, but the all-reduce alone is longer than the compute it hides
  // behind: the step is bounded by communication.
  auto overlapped = h100_job(10.0 * gigabits_per_second);
  overlapped.overlap_fraction = 1.0;
  const auto p = scaling::evaluate(overlapped, 64);
  CHECK(p.step_time == p.communication_time);
  CHECK(gain_8_to_64(overlapped) < 4.0);
}

TEST_CASE("the umbrella header brings the whole family") {
  CHECK(scaling::amdahl_speedup(0.5, 2.0) > 1.0);
  // On 10 GbE the ninth GPU (the first one across the network) already slows the step down.
  CHECK(scaling_test::knee(h100_job(10.0 * gigabits_per_second), 64) == 8);
  CHECK(scaling::sweep(h100_job(400.0 * gigabits_per_second), 64).size() == 64);
}
