/// @file
/// @brief The four fleet tracks of the lab: Cloud Titan, Edge Guardian, Mobile Nomad and Tiny
/// Pioneer, each a named preset built from catalog entries.
///
/// Every number is either a catalog entry (model, accelerator or device, links) or a didactic
/// assumption named in the track's `workload` and `provenance`. The compute time of one
/// worker is derived, never tuned:
/// \f$ T_1 = F_{batch} / (R_{peak} \cdot f_{achieved}) \f$ with \f$ F_{batch} \f$ the training
/// FLOPs of one global batch (6 N D for the LLM, 3 x forward FLOPs per sample for the edge
/// models).
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/accelerators.hpp"
#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/links.hpp"
#include "paradox/catalog/lookup.hpp"
#include "paradox/catalog/models.hpp"
#include "paradox/catalog/nodes.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/node.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief Which of the four tracks.
enum class TrackId { cloud, edge, mobile, tiny };

/// @brief How a track's compute time was derived: \f$ T_1 = F / (R \cdot f) \f$.
struct TrackWorkload {
  double global_batch = 0.0;        ///< samples (tokens, frames, images) per synchronisation
  std::string_view batch_unit{};    ///< "tokens", "camera frames", ...
  FlopCount training_flops{};       ///< F: training FLOPs of one global batch
  std::string_view hardware_key{};  ///< catalog key of the accelerator or edge device
  FlopRate peak{};                  ///< R: that hardware's peak at the training precision
  double achieved_fraction = 0.0;   ///< f: share of the peak achieved (MFU)
  std::string_view derivation{};    ///< the derivation in words, for the "Math Peek"
};

/// @brief One fleet track: the story, the fleet, the model, the networks, the budget.
struct Track {
  TrackId id = TrackId::cloud;        ///< which track
  std::string_view key{};             ///< "cloud" | "edge" | "mobile" | "tiny"
  std::string_view name{};            ///< "Cloud Titan"
  std::string_view role{};            ///< "LLM architect"
  std::string_view story{};           ///< one paragraph, for the walk-through banner
  std::string_view worker_noun{};     ///< "GPU", "car", "pair of AR glasses", "hearable"
  /// The fleet on the part-1 toggle's slow network: 10 GbE (one NIC per node of 8 GPUs) |
  /// 5G uplink | phone tether | BLE 1M. A device is a node of one worker whose NIC is its radio.
  Cluster slow{};
  /// The same fleet on the fast network: IB NDR (one NIC per GPU) | depot Wi-Fi | Wi-Fi | BLE 2M
  Cluster fast{};
  std::string_view model_key{};       ///< catalog model key, e.g. "llama3-70b"
  Bytes sync_payload{};               ///< bytes all-reduced per synchronisation
  Seconds compute_time_one_worker{};  ///< one worker's time for the global batch
  Watts power_budget{};               ///< per worker (tiny: 1 mW)
  Provenance provenance{};            ///< for the track's didactic assumptions
  TrackWorkload workload{};           ///< how compute_time_one_worker was derived
  Seconds control_loop_period{};      ///< a real-time loop training must not disturb (edge: 10 ms)
};

/// @brief The track's fleet: every worker of its cluster (the same on both networks).
/// @param t the track
/// @return workers (accelerators or devices): 1,024 GPUs for Cloud Titan, 10,000 cars, ...
[[nodiscard]] constexpr int fleet_size(const Track& t) {
  return static_cast<int>(paradox::accelerators(t.slow));
}

/// @brief \f$ T_1 = F / (R \cdot f) \f$: one worker's time for a workload.
/// @param w the workload: training FLOPs F, peak R and achieved fraction f
/// @return seconds one worker needs for the whole global batch (Cloud Titan: about 18,000 s
///   on one H100; Tiny Pioneer: about 57 s on one hearable)
/// @pre training_flops >= 0, peak > 0 and achieved_fraction in (0, 1]
/// @throws invalid_input "track workload: <parameter> must ..." when a precondition fails, so
///   that an edited workload never yields an infinite or NaN time
[[nodiscard]] constexpr Seconds compute_time(const TrackWorkload& w) {
  constexpr std::string_view function = "track workload";
  require_non_negative(function, "training_flops", w.training_flops);
  require_positive(function, "peak", w.peak);
  require_positive_fraction(function, "achieved_fraction", w.achieved_fraction);
  return w.training_flops / (w.peak * w.achieved_fraction);
}

/// @brief A device as a node of one worker whose only link to the fleet is its radio's uplink.
///
/// Devices have no intra-node fabric; the node's name and key are the device's and its
/// provenance the radio's, so a listing says where the network figures come from.
/// @param device the edge device (car computer, glasses, hearable)
/// @param radio its radio; the uplink is what a synchronisation uploads over
/// @return a Node with one accelerator slot, no intra-node link and one "NIC", the radio
[[nodiscard]] constexpr Node device_node(const EdgeDevice& device, const RadioLink& radio) {
  return Node{.key = device.key,
              .name = device.name,
              .accelerator = {},
              .accelerators_per_node = 1,
              .intra_node = {},
              .nic = radio,
              .nics_per_node = 1,
              .provenance = radio.provenance};
}

namespace detail {
/// Llama 3 global batch: 16M tokens per step = 2048 sequences x 8192 tokens (Dubey et al. 2024,
/// table 4: tokens/batch 16M at sequence length 8192).
inline constexpr double llama3_batch_tokens = 2048.0 * 8192.0;
/// Training FLOPs = 6 N D (Kaplan et al. 2020, section 2.1; Chowdhery et al. 2022, PaLM,
/// appendix B, attention term left out).
inline constexpr TrackWorkload cloud_workload{
    .global_batch = llama3_batch_tokens,
    .batch_unit = "tokens",
    .training_flops = 6.0 * llama3_70b.published_parameters * llama3_batch_tokens * flop,
    .hardware_key = h100_sxm.key,
    .peak = h100_sxm.dense_peak.bf16,
    .achieved_fraction = 0.40,
    .derivation =
        "6 x 70.6e9 parameters x 16,777,216 tokens / (989 TFLOP/s BF16 x 40% MFU). The batch and "
        "the MFU are those of the Llama 3 405B run (Dubey et al. 2024, table 4: 16M tokens per "
        "step, 38-43% BF16 MFU on H100), used as a proxy: the paper gives neither for 70B"};

/// Three forward passes per training sample (forward + backward = 3 x forward, the same
/// factor as 6N = 3 x 2N).
inline constexpr double train_to_forward_ratio = 3.0;

/// Edge Guardian: ResNet-50 training frames on the Orin-class GPU.
inline constexpr TrackWorkload edge_workload{
    .global_batch = 100000.0,
    .batch_unit = "camera frames",
    .training_flops = 100000.0 * train_to_forward_ratio * resnet50.flops_per_inference,
    .hardware_key = drive_orin.key,
    .peak = drive_orin.compute_peak,
    .achieved_fraction = 0.30,
    .derivation =
        "100,000 frames per round (didactic: 10 per car x 10,000 cars) x 3 x 7.6 "
        "GFLOP (ResNet-50 forward) / (5.3 TFLOP/s FP32 Orin GPU x 30% achieved, "
        "didactic)"};

/// Mobile Nomad: MobileNetV2 training images on the glasses' NPU.
inline constexpr TrackWorkload mobile_workload{
    .global_batch = 10000.0,
    .batch_unit = "images",
    .training_flops = 10000.0 * train_to_forward_ratio * mobilenetv2.flops_per_inference,
    .hardware_key = ar_glasses.key,
    .peak = ar_glasses.compute_peak,
    .achieved_fraction = 0.20,
    .derivation =
        "10,000 images per round (didactic: 10 per pair x 1,000 glasses) x 3 x 600 "
        "MFLOP (MobileNetV2 forward) / (1 TFLOP/s glasses NPU x 20% achieved, "
        "didactic)"};

/// Per audio frame: RNNoise forward (2 x 87,503) + backward of the personalised output layer
/// only (2 x its forward cost, 2 x 2 x 2,134).
inline constexpr FlopCount tiny_flops_per_frame =
    rnnoise.flops_per_inference + 2.0 * noise_profile.flops_per_inference;

/// Tiny Pioneer: noise-profile training frames on the hearable MCU.
inline constexpr TrackWorkload tiny_workload{
    .global_batch = 10000.0,
    .batch_unit = "audio frames (10 ms)",
    .training_flops = 10000.0 * tiny_flops_per_frame,
    .hardware_key = hearable.key,
    .peak = hearable.compute_peak,
    .achieved_fraction = 0.25,
    .derivation =
        "10,000 frames of 10 ms per round (didactic: 1 s of audio per hearable x 100) "
        "x (RNNoise forward 175,006 FLOP + output-layer backward 8,536 FLOP) / (128 "
        "MFLOP/s MCU x 25% achieved, didactic)"};
}  // namespace detail

/// @brief Cloud Titan: Llama 3 70B data-parallel training on DGX H100 nodes.
///
/// sync_payload = BF16 gradients of 70.6e9 parameters = 141.2 GB. NVLink 4 inside a node. Slow:
/// commodity servers with one 10 GbE NIC shared by the node's 8 GPUs (h100-10gbe); fast: DGX
/// H100 nodes with one InfiniBand NDR NIC per GPU (dgx-h100). 128 nodes.
inline constexpr Track cloud_titan{
    .id = TrackId::cloud,
    .key = "cloud",
    .name = "Cloud Titan",
    .role = "LLM architect",
    .story =
        "You train Llama 3 70B on a pod of DGX H100 nodes: eight GPUs per node on NVLink "
        "4, nodes joined by InfiniBand NDR, or by plain 10 GbE if the budget says so. "
        "Every step all-reduces 141 GB of BF16 gradients; more GPUs shorten the compute "
        "but not the communication, and pipeline bubbles can waste a third of the fleet.",
    .worker_noun = "GPU",
    .slow = {.node = h100_10gbe, .nodes = 128},
    .fast = {.node = dgx_h100, .nodes = 128},
    .model_key = llama3_70b.key,
    .sync_payload = 2.0 * llama3_70b.published_parameters * bytes,
    .compute_time_one_worker = compute_time(detail::cloud_workload),
    .power_budget = h100_sxm.tdp,
    .provenance = {"catalog entries llama3-70b, h100-sxm, dgx-h100, h100-10gbe; BF16 "
                   "gradients (2 bytes/parameter); global batch and MFU of the Llama 3 405B run "
                   "(Dubey et al. 2024 table 4) as a proxy for 70B, which the paper does not "
                   "report; fleet of 1,024 GPUs (128 nodes) is a didactic choice",
                   SourceKind::didactic_assumption},
    .workload = detail::cloud_workload,
    .control_loop_period = Seconds{}};

/// @brief Edge Guardian: fleet learning of a perception model across 10,000 cars.
///
/// sync_payload = fp32 ResNet-50 update (25.6e6 x 4 B = 102.4 MB). Slow network: 5G low-band
/// uplink on the road; fast: the depot's Wi-Fi 6.
inline constexpr Track edge_guardian{
    .id = TrackId::edge,
    .key = "edge",
    .name = "Edge Guardian",
    .role = "AV systems lead",
    .story =
        "Ten thousand cars each see a few hard camera frames a day and refine a shared "
        "perception model. On the road they sync over a 5G uplink; at night, in the "
        "depot, over Wi-Fi. Gradients arrive late and stale, and nothing may disturb the "
        "10 ms safety loop that keeps the car on the road.",
    .worker_noun = "car",
    .slow = {.node = device_node(drive_orin, nr_lowband), .nodes = 10000},
    .fast = {.node = device_node(drive_orin, wifi6), .nodes = 10000},
    .model_key = resnet50.key,
    .sync_payload = model_bytes(resnet50),
    .compute_time_one_worker = compute_time(detail::edge_workload),
    .power_budget = drive_orin.active_power,
    .provenance = {"catalog entries resnet50 (stand-in perception backbone), drive-orin, "
                   "5g-lowband, wifi6; fp32 updates; frames per round, achieved fraction and "
                   "the 10 ms safety loop are didactic assumptions",
                   SourceKind::didactic_assumption},
    .workload = detail::edge_workload,
    .control_loop_period = 10.0 * milliseconds};

/// @brief Mobile Nomad: a personalised visual filter trained across 1,000 AR glasses.
///
/// sync_payload = fp32 MobileNetV2 (3.4e6 x 4 B = 13.6 MB). Slow network: the BLE 2M tether
/// to the phone; fast: Wi-Fi 6.
inline constexpr Track mobile_nomad{
    .id = TrackId::mobile,
    .key = "mobile",
    .name = "Mobile Nomad",
    .role = "AR glasses developer",
    .story =
        "A thousand pairs of AR glasses learn a personalised visual filter together. "
        "The glasses reach the world through a Bluetooth tether to the phone, or through "
        "Wi-Fi when at home. Global synchronisation drains a 0.6 Wh battery far faster "
        "than running the filter locally.",
    .worker_noun = "pair of AR glasses",
    .slow = {.node = device_node(ar_glasses, ble_2m), .nodes = 1000},
    .fast = {.node = device_node(ar_glasses, wifi6), .nodes = 1000},
    .model_key = mobilenetv2.key,
    .sync_payload = model_bytes(mobilenetv2),
    .compute_time_one_worker = compute_time(detail::mobile_workload),
    .power_budget = ar_glasses.active_power,
    .provenance = {"catalog entries mobilenetv2 (the filter's backbone), ar-glasses, ble-2m "
                   "(phone tether), wifi6; fp32 updates; images per round and achieved "
                   "fraction are didactic assumptions",
                   SourceKind::didactic_assumption},
    .workload = detail::mobile_workload,
    .control_loop_period = Seconds{}};

/// @brief Tiny Pioneer: 100 hearables learning a noise profile under 1 mW over BLE.
///
/// sync_payload = the personalised RNNoise output layer, 2,134 fp32 weights = 8,536 B.
inline constexpr Track tiny_pioneer{
    .id = TrackId::tiny,
    .key = "tiny",
    .name = "Tiny Pioneer",
    .role = "hearable lead",
    .story =
        "A hundred hearables adapt a shared noise profile to the places their wearers "
        "go, on a power budget of one milliwatt. Bluetooth LE is the only radio: the 1M "
        "PHY or the faster 2M PHY. Full weight synchronisation is too slow and too "
        "costly, so the fleet will have to gossip.",
    .worker_noun = "hearable",
    .slow = {.node = device_node(hearable, ble_1m), .nodes = 100},
    .fast = {.node = device_node(hearable, ble_2m), .nodes = 100},
    .model_key = noise_profile.key,
    .sync_payload = model_bytes(noise_profile),
    .compute_time_one_worker = compute_time(detail::tiny_workload),
    .power_budget = 1.0 * milliwatts,
    .provenance = {"catalog entries noise-profile and rnnoise, hearable, ble-1m, ble-2m; the "
                   "1 mW budget is the lab's; frames per round and achieved fraction are "
                   "didactic assumptions",
                   SourceKind::didactic_assumption},
    .workload = detail::tiny_workload,
    .control_loop_period = Seconds{}};

/// @brief The four tracks, in the lab's order.
inline constexpr std::array<Track, 4> tracks{cloud_titan, edge_guardian, mobile_nomad,
                                             tiny_pioneer};

/// @brief The track with this key: "cloud", "edge", "mobile" or "tiny".
/// @param key the track key, as typed on the CLI
/// @return a reference to the preset in `tracks` (static storage)
/// @throws invalid_input "catalog: track must be one of cloud, edge, mobile, tiny (got "x")"
[[nodiscard]] inline const Track& track(std::string_view key) {
  return find_by_key(tracks, key, "track");
}

/// @brief The track with this id.
/// @param id the track id; `tracks` is ordered like TrackId, so the lookup is an index
/// @return a reference to the preset in `tracks` (static storage)
/// @pre `id` is one of the four enumerators (a cast integer outside them is undefined)
[[nodiscard]] constexpr const Track& track(TrackId id) noexcept {
  return tracks[static_cast<std::size_t>(id)];
}

/// @}

}  // namespace paradox::catalog
