/// @file
/// @brief Edge-device presets for the fleet tracks: an automotive SoC of the DRIVE Orin class,
/// an AR-glasses SoC, a phone and a hearable MCU.
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/hardware/edge_device.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief Automotive computer of the NVIDIA DRIVE Orin class (Jetson AGX Orin 64GB figures).
///
/// compute_peak is the FP32 CUDA-core peak, the precision a conservative on-vehicle training
/// loop would use: 2048 cores x 2 FLOP (FMA) x 1.3 GHz = 5.3 TFLOP/s. The marketing figure
/// (275 INT8 TOPS with sparsity, GPU + DLAs) is an inference figure and is not used.
inline constexpr EdgeDevice drive_orin{
    .key = "drive-orin",
    .name = "Automotive SoC, DRIVE Orin class",
    .compute_peak = 2048.0 * 2.0 * 1.3e9 * flop_per_second,
    .memory = 64.0 * gigabytes,
    .active_power = 60.0 * watts,
    .idle_power = 15.0 * watts,
    .battery_capacity = Joules{},
    .provenance = {"NVIDIA Jetson AGX Orin 64GB datasheet (same Orin SoC as DRIVE AGX Orin): "
                   "2048-core Ampere GPU at up to 1.3 GHz (FP32 peak derived as cores x 2 x "
                   "clock), 64 GB LPDDR5, up to 60 W module power; vehicle-powered, so no "
                   "battery",
                   SourceKind::datasheet,
                   {{{"idle_power",
                      "the lowest nvpmodel power budget (the 15 W mode) of the Jetson AGX Orin "
                      "64GB datasheet: a cap, not a measured idle draw; an upper bound",
                      SourceKind::datasheet},
                     {"compute_peak",
                      "derived from the Jetson AGX Orin 64GB datasheet: 2048 CUDA cores x 2 FLOP "
                      "(FMA) x 1.3 GHz",
                      SourceKind::datasheet}}}}};

/// @brief AR-glasses SoC of the Snapdragon AR1 class. Qualcomm publishes no FLOP/s figure, so
/// every number is a round didactic assumption.
inline constexpr EdgeDevice ar_glasses{
    .key = "ar-glasses",
    .name = "AR glasses SoC, Snapdragon AR1 class",
    .compute_peak = 1.0 * teraflop_per_second,
    .memory = 2.0 * gigabytes,
    .active_power = 1.0 * watts,
    .idle_power = 30.0 * milliwatts,
    .battery_capacity = 0.6 * watt_hours,
    .provenance = {"didactic assumption: ~1 TFLOP/s fp16 NPU peak, 2 GB memory, 1 W active "
                   "(thermal limit of a glasses frame), 30 mW idle, ~0.6 Wh battery (about "
                   "160 mAh at 3.85 V, the size of current camera glasses)",
                   SourceKind::didactic_assumption}};

/// @brief A flagship phone (the glasses' tether). Round didactic figures.
inline constexpr EdgeDevice phone{
    .key = "phone",
    .name = "Smartphone, flagship class",
    .compute_peak = 35.0 * teraflop_per_second,
    .memory = 8.0 * gigabytes,
    .active_power = 5.0 * watts,
    .idle_power = 50.0 * milliwatts,
    .battery_capacity = 15.4 * watt_hours,
    .provenance = {"didactic assumption: 35 T(FL)OP/s NPU peak (order of the 35 TOPS Apple "
                   "quotes for the A17 Pro Neural Engine, INT8-class operations), 8 GB, 5 W "
                   "sustained, 50 mW idle, 4000 mAh x 3.85 V = 15.4 Wh battery",
                   SourceKind::didactic_assumption}};

/// @brief Hearable MCU of the Nordic nRF5340 class (Cortex-M33 application core with FPU).
///
/// compute_peak: 1 FLOP per cycle at 128 MHz = 128 MFLOP/s. The Cortex-M33's single-precision
/// FPU issues one VMUL or VADD per cycle, while a fused multiply-add occupies it for three
/// (GCC's Cortex-M4F FPU pipeline description, which the M33's FPv5 matches), so 2 FLOP/cycle
/// would be twice too optimistic; the "single-cycle MAC" of the datasheet is the integer DSP
/// MAC. Memory is the application core's 512 KiB RAM. The radio is not included in the power
/// figures: BLE alone draws more than the 1 mW budget while on, which is why it must duty-cycle.
inline constexpr EdgeDevice hearable{
    .key = "hearable",
    .name = "Hearable MCU, nRF5340 class",
    .compute_peak = 128.0e6 * 1.0 * flop_per_second,
    .memory = 512.0 * kibibytes,
    .active_power = 10.0 * milliwatts,
    .idle_power = 5.0 * microwatts,
    .battery_capacity = 0.2 * watt_hours,
    .provenance = {"didactic assumption: 10 mW active (about 3.3 mA at 3 V), 5 uW idle and a "
                   "0.2 Wh earbud battery (about 55 mAh at 3.7 V)",
                   SourceKind::didactic_assumption,
                   {{{"memory",
                      "Nordic nRF5340 product specification: application core with 512 KB RAM",
                      SourceKind::datasheet},
                     {"compute_peak",
                      "derived: 128 MHz Cortex-M33 application core (nRF5340 product "
                      "specification) x 1 FLOP/cycle for its single-precision FPU (a fused "
                      "multiply-add takes 3 cycles, GCC cortex-m4-fpu pipeline description); an "
                      "upper bound",
                      SourceKind::datasheet}}}}};

/// @brief Every edge-device preset, for listing.
inline constexpr std::array<EdgeDevice, 4> edge_devices{drive_orin, ar_glasses, phone, hearable};

/// @brief The edge-device preset with this key.
/// @param key "drive-orin", "ar-glasses", "phone" or "hearable"
/// @return a reference to the preset in `edge_devices` (static storage)
/// @throws invalid_input listing the valid keys when the key is unknown:
///   "catalog: edge device must be one of drive-orin, ar-glasses, phone, hearable (got "foo")"
[[nodiscard]] inline const EdgeDevice& edge_device(std::string_view key) {
  return find_by_key(edge_devices, key, "edge device");
}

/// @}

}  // namespace paradox::catalog
