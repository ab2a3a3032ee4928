/// @file
/// @brief Cluster presets for the layout models (parallel::TrainingJob): an H100 SuperPOD of
/// four scalable units, a car computer of four DRIVE Orin class SoCs, AR glasses with their
/// phone, a pair of hearables; edge devices as accelerators; and the part-2 layout puzzle of
/// each fleet track (model, cluster, batch, precision).
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/links.hpp"
#include "paradox/catalog/lookup.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/nodes.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/catalog/tracks.hpp"
#include "paradox/hardware/accelerator.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/hardware/node.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief An edge device seen as an accelerator, so that the layout models (which take a
/// Cluster of accelerators) can split a model across devices.
///
/// The peak is the device's compute_peak, stored at the precision its provenance says training
/// uses (drive-orin: FP32 CUDA cores; ar-glasses: the fp16 NPU; hearable: the Cortex-M33 FPU,
/// fp32); memory is the device's memory; TDP its active power; no price. The achievable
/// fraction is an input: the track's TrackWorkload::achieved_fraction, with that workload's
/// provenance. The memory bandwidth is not used by any layout model (no roofline here) but an
/// Accelerator must state one: pass the device's, with its source.
/// @param device the edge device (catalog entry)
/// @param precision the precision training runs at, which compute_peak is quoted for
/// @param achievable_fraction share of the peak a training step reaches, in (0, 1]
/// @param memory_bandwidth the device's memory bandwidth
/// @return an Accelerator with the device's key, name and provenance, supporting `precision`
///   only
[[nodiscard]] constexpr Accelerator edge_accelerator(const EdgeDevice& device,
                                                     Precision precision,
                                                     double achievable_fraction,
                                                     Bandwidth memory_bandwidth) {
  DensePeak peak{};
  switch (precision) {
    case Precision::fp64:
      peak.fp64 = device.compute_peak;
      break;
    case Precision::fp32:
      peak.fp32 = device.compute_peak;
      break;
    case Precision::tf32:
      peak.tf32 = device.compute_peak;
      break;
    case Precision::bf16:
      peak.bf16 = device.compute_peak;
      break;
    case Precision::fp16:
      peak.fp16 = device.compute_peak;
      break;
    case Precision::fp8:
      peak.fp8 = device.compute_peak;
      break;
    case Precision::int8:
      peak.int8 = device.compute_peak;
      break;
  }
  return Accelerator{.key = device.key,
                     .name = device.name,
                     .dense_peak = peak,
                     .hbm_capacity = device.memory,
                     .hbm_bandwidth = memory_bandwidth,
                     .tdp = device.active_power,
                     .price_per_hour = DollarsPerHour{},
                     .provenance = device.provenance,
                     .price_provenance = {},
                     .achievable_fraction = achievable_fraction};
}

/// @brief A named cluster: what the layout models run on, with where its shape comes from.
struct ClusterPreset {
  std::string_view key{};   ///< lower-case catalog key, e.g. "h100-superpod-4su"
  std::string_view name{};  ///< display name
  Cluster cluster{};        ///< nodes, racks, pods and their links
  Provenance provenance{};  ///< the grouping into nodes, racks and pods
};

namespace detail {

/// Jetson AGX Orin 64GB datasheet: 256-bit LPDDR5, 204.8 GB/s.
inline constexpr Bandwidth orin_memory_bandwidth = 204.8 * gigabytes_per_second;
/// Didactic: a glasses SoC's LPDDR4X of one 32-bit channel at 4266 MT/s, about 17 GB/s.
inline constexpr Bandwidth glasses_memory_bandwidth = 17.0 * gigabytes_per_second;
/// Derived: a 32-bit SRAM bus at the nRF5340 application core's 128 MHz, 512 MB/s.
inline constexpr Bandwidth hearable_memory_bandwidth = 4.0 * 128.0e6 * bytes_per_second;

}  // namespace detail

/// @brief NVIDIA DGX SuperPOD with DGX H100, four scalable units: 128 DGX H100 (1,024 GPUs),
/// racks of 4 nodes, scalable units (pods) of 8 racks = 32 nodes, on a non-blocking
/// InfiniBand NDR fat tree.
inline constexpr ClusterPreset h100_superpod{
    .key = "h100-superpod-4su",
    .name = "DGX SuperPOD H100, 4 scalable units (128 x DGX H100)",
    .cluster = {.node = dgx_h100,
                .nodes = 128,
                .fabric = std::nullopt,
                .oversubscription_ratio = 1.0,
                .rack = {.members = 4, .uplink = std::nullopt, .oversubscription_ratio = 1.0},
                .pod = {.members = 8, .uplink = std::nullopt, .oversubscription_ratio = 1.0}},
    .provenance = {"NVIDIA DGX SuperPOD reference architecture featuring DGX H100 systems "
                   "(RA-11333-001): a modular architecture of scalable units (SU) of 32 DGX H100 "
                   "systems; the tested design is 4 SUs = 128 nodes = 1,024 GPUs; a compute "
                   "fabric of NDR InfiniBand in a rail-optimised, full fat tree (no "
                   "oversubscription, so racks and pods add no taper here)",
                   SourceKind::datasheet,
                   {{{"rack.members",
                      "4 DGX H100 per rack: the reference design's rack layout as commonly "
                      "deployed (power permitting); not re-checked against the document here",
                      SourceKind::didactic_assumption}}}}};

/// @brief A car computer of four DRIVE Orin class SoCs (the NIO ET7's "Adam" layout) on
/// 10GBASE-T1 automotive Ethernet; the car's 5G uplink is its NIC.
inline constexpr Node car_4x_orin{
    .key = "car-4x-orin",
    .name = "Car computer, 4 x DRIVE Orin class SoCs",
    .accelerator = edge_accelerator(drive_orin, Precision::fp32,
                                    detail::edge_workload.achieved_fraction,
                                    detail::orin_memory_bandwidth),
    .accelerators_per_node = 4,
    .intra_node = automotive_10g,
    .nic = nr_lowband,
    .nics_per_node = 1,
    .provenance = {"NIO 'Adam' supercomputer of the ET7 (NIO Day 2020 and NVIDIA's press "
                   "release of 9 Jan 2021): four NVIDIA DRIVE Orin SoCs in one car. SoC figures: "
                   "catalog drive-orin at FP32 (5.3 TFLOP/s, 64 GB) and the Edge Guardian "
                   "track's 30% achieved fraction (didactic); memory bandwidth 204.8 GB/s from "
                   "the Jetson AGX Orin 64GB datasheet. The SoCs joined by 10GBASE-T1 is a "
                   "didactic assumption",
                   SourceKind::datasheet,
                   {{{"intra_node", "didactic assumption: the SoCs talk over multi-gig "
                                    "automotive Ethernet (IEEE 802.3ch 10GBASE-T1)",
                      SourceKind::didactic_assumption}}}}};

/// @brief AR glasses and their phone as a two-device pipeline over the Bluetooth tether.
///
/// The layout models take identical accelerators, so both ends are priced as the weaker
/// device in both compute and memory: the glasses (1 TFLOP/s fp16, 2 GB) beside a phone of
/// 35 TFLOP/s and 8 GB. The phone's extra compute and memory are left unused: an under-estimate.
inline constexpr Node glasses_and_phone{
    .key = "glasses-phone",
    .name = "AR glasses + phone on the BLE 2M tether (both priced as the glasses)",
    .accelerator = edge_accelerator(ar_glasses, Precision::fp16,
                                    detail::mobile_workload.achieved_fraction,
                                    detail::glasses_memory_bandwidth),
    .accelerators_per_node = 2,
    .intra_node = ble_2m,
    .nic = wifi6,
    .nics_per_node = 1,
    .provenance = {"catalog ar-glasses (fp16 NPU peak, 2 GB) for both devices, the weaker of "
                   "ar-glasses and phone in compute and memory, because the layout models "
                   "assume identical devices; Mobile Nomad's 20% achieved fraction "
                   "(didactic); the tether is catalog ble-2m and the way out wifi6; glasses "
                   "memory bandwidth 17 GB/s is a didactic assumption (unused by the models)",
                   SourceKind::didactic_assumption}};

/// @brief The two earbuds of a pair of hearables, one model split across both over BLE 2M.
inline constexpr Node hearable_pair{
    .key = "hearable-pair",
    .name = "Pair of hearables (left + right) on BLE 2M",
    .accelerator = edge_accelerator(hearable, Precision::fp32,
                                    detail::tiny_workload.achieved_fraction,
                                    detail::hearable_memory_bandwidth),
    .accelerators_per_node = 2,
    .intra_node = ble_2m,
    .nic = ble_1m,
    .nics_per_node = 1,
    .provenance = {"catalog hearable (128 MFLOP/s fp32 FPU, 512 KiB RAM) for each earbud, Tiny "
                   "Pioneer's 25% achieved fraction (didactic); ear to ear over catalog ble-2m, "
                   "out to the phone over ble-1m; the 512 MB/s SRAM bandwidth is derived (32 "
                   "bits x 128 MHz) and unused by the models",
                   SourceKind::didactic_assumption}};

/// @brief One car of Edge Guardian as a cluster: a single node of four SoCs.
inline constexpr ClusterPreset car_cluster{
    .key = "car-4x-orin",
    .name = "One car: 4 x DRIVE Orin class SoCs on automotive Ethernet",
    .cluster = {.node = car_4x_orin, .nodes = 1},
    .provenance = car_4x_orin.provenance};

/// @brief One wearer of Mobile Nomad as a cluster: glasses and phone.
inline constexpr ClusterPreset glasses_phone_cluster{
    .key = "glasses-phone",
    .name = "One wearer: AR glasses + phone (priced as 2 x glasses)",
    .cluster = {.node = glasses_and_phone, .nodes = 1},
    .provenance = glasses_and_phone.provenance};

/// @brief One wearer of Tiny Pioneer as a cluster: two earbuds.
inline constexpr ClusterPreset hearable_pair_cluster{
    .key = "hearable-pair",
    .name = "One wearer: a pair of hearables on BLE",
    .cluster = {.node = hearable_pair, .nodes = 1},
    .provenance = hearable_pair.provenance};

/// @brief Every cluster preset, for listing.
inline constexpr std::array<ClusterPreset, 4> clusters{h100_superpod, car_cluster,
                                                       glasses_phone_cluster,
                                                       hearable_pair_cluster};

/// @brief The cluster preset with this key.
/// @param key "h100-superpod-4su", "car-4x-orin", "glasses-phone" or "hearable-pair"
/// @return a reference to the preset in `clusters` (static storage)
/// @throws invalid_input listing the valid keys: "catalog: cluster must be one of
///   h100-superpod-4su, car-4x-orin, glasses-phone, hearable-pair (got "foo")"
[[nodiscard]] inline const ClusterPreset& cluster_preset(std::string_view key) {
  return find_by_key(clusters, key, "cluster");
}

/// @brief A track's layout puzzle (lab part 2): which model is split over which cluster, with
/// which batch and precision. The layout itself is the student's.
struct LayoutPuzzle {
  std::string_view key{};          ///< the track's key: "cloud", "edge", "mobile", "tiny"
  std::string_view model_key{};    ///< catalog transformer, e.g. "llama3-70b"
  std::string_view cluster_key{};  ///< catalog cluster preset
  int global_batch = 0;            ///< B, sequences per optimizer step
  int seq_len = 0;                 ///< s; 0 = the model's training context
  Precision precision = Precision::bf16;  ///< the matmuls' precision (the device's peak)
  double element_bytes = 2.0;  ///< bytes per activation element sent between devices
  /// Why the model must be split, and what the figures assume, for the walk-through
  std::string_view note{};
  Provenance provenance{};  ///< the batch and sequence choices
};

/// @brief The four puzzles, in track order.
inline constexpr std::array<LayoutPuzzle, 4> layout_puzzles{{
    {.key = "cloud",
     .model_key = "llama3-70b",
     .cluster_key = "h100-superpod-4su",
     .global_batch = 2048,
     .seq_len = 8192,
     .precision = Precision::bf16,
     .element_bytes = 2.0,
     .note = "Llama 3 70B needs 1.13 TB of weights, gradients and Adam state (16 bytes per "
             "parameter): fourteen H100s' worth before a single activation",
     .provenance = {"Dubey et al. 2024, table 4: 16M tokens per step = 2,048 sequences of "
                    "8,192 tokens (the 405B run's batch, the Cloud Titan track's proxy for "
                    "70B); 1,024 GPUs is the track's fleet",
                    SourceKind::paper}},
    {.key = "edge",
     .model_key = "llama3-8b",
     .cluster_key = "car-4x-orin",
     .global_batch = 32,
     .seq_len = 2048,
     .precision = Precision::fp32,
     .element_bytes = 4.0,
     .note = "Llama 3 8B needs 128 GB of weights, gradients and Adam state: twice one Orin's "
             "64 GB, so the car's four SoCs must share it",
     .provenance = {"didactic assumption: 32 sequences of 2,048 tokens per step (a car's "
                    "night of fine-tuning on its own drive logs, captioned); FP32 on the Orin "
                    "GPU's CUDA cores as the catalog's drive-orin peak",
                    SourceKind::didactic_assumption}},
    {.key = "mobile",
     .model_key = "gpt2-small",
     .cluster_key = "glasses-phone",
     .global_batch = 16,
     .seq_len = 1024,
     .precision = Precision::fp16,
     .element_bytes = 2.0,
     .note = "GPT-2 small needs 2.0 GB of weights, gradients and Adam state: all of the "
             "glasses' 2 GB before activations. Both devices are priced as the glasses (the "
             "models assume identical devices)",
     .provenance = {"didactic assumption: 16 sequences of 1,024 tokens per step (the "
                    "wearer's day of captions); fp16 on the glasses' NPU",
                    SourceKind::didactic_assumption}},
    {.key = "tiny",
     .model_key = "kwt-tiny",
     .cluster_key = "hearable-pair",
     .global_batch = 64,
     .seq_len = 99,
     .precision = Precision::fp32,
     .element_bytes = 4.0,
     .note = "The tiny keyword transformer needs 885 kB of weights, gradients and Adam state: "
             "more than one earbud's 512 KiB, so the pair must share it",
     .provenance = {"didactic assumption: 64 one-second keyword clips per step (98 MFCC "
                    "frames + a class token each); fp32 on the Cortex-M33 FPU",
                    SourceKind::didactic_assumption}},
}};

/// @brief The layout puzzle of a track.
/// @param key "cloud", "edge", "mobile" or "tiny"
/// @return a reference to the preset in `layout_puzzles` (static storage)
/// @throws invalid_input listing the valid keys: "catalog: layout puzzle must be one of
///   cloud, edge, mobile, tiny (got "foo")"
[[nodiscard]] inline const LayoutPuzzle& layout_puzzle(std::string_view key) {
  return find_by_key(layout_puzzles, key, "layout puzzle");
}

/// @}

}  // namespace paradox::catalog
