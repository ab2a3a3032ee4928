/// @file
/// @brief Radio presets: LTE, Wi-Fi and 3G (Huang et al. 2012 power model), 5G low-band and
/// mmWave (Narayanan et al. 2021), modern Wi-Fi, and Bluetooth LE 1M / 2M PHY (Nordic
/// datasheet currents).
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/hardware/link.hpp"
#include "paradox/hardware/radio_link.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

namespace detail {
/// mW per Mbit/s, the unit of Huang et al.'s alpha coefficients (= nJ/bit).
inline constexpr JoulesPerBit milliwatts_per_megabit = milliwatts / megabits_per_second;
/// Supply of the Nordic datasheet current figures (3 V, DC/DC regulator).
inline constexpr double nordic_supply_volts = 3.0;
/// Application throughput of a BLE 1M connection: the theoretical maximum with data-length
/// extension (about 800 kb/s, Bluetooth SIG, "Exploring Bluetooth 5 - how fast can it be?"),
/// below the 1 Mb/s PHY rate because of packet overhead, inter-frame spaces and
/// acknowledgements. Real phone stacks deliver less; edit for yours.
inline constexpr Bandwidth ble_1m_usable = 0.8 * megabits_per_second;
/// Theoretical maximum application throughput of a BLE 2M connection (about 1,400 kb/s, same
/// Bluetooth SIG article).
inline constexpr Bandwidth ble_2m_usable = 1.4 * megabits_per_second;
/// nRF52840 product specification, key features: 4.8 mA peak current in TX at 0 dBm and 4.6 mA
/// in RX (1 Mbps BLE, DC/DC), at the 3 V supply.
inline constexpr Watts nrf52840_tx_0dbm = nordic_supply_volts * 4.8 * milliwatts;
/// nRF52840 RX current at 1 Mbps BLE, DC/DC (4.6 mA), times the 3 V supply.
inline constexpr Watts nrf52840_rx_1m = nordic_supply_volts * 4.6 * milliwatts;
/// Where the BLE throughputs come from (per-figure provenance of both BLE entries).
inline constexpr FigureSource ble_throughput_source{
    "uplink",
    "Bluetooth SIG, 'Exploring Bluetooth 5 - how fast can it be?': theoretical maximum "
    "application throughput with data-length extension (LE 1M about 800 kb/s, LE 2M about "
    "1,400 kb/s); real links are slower",
    SourceKind::datasheet};
}  // namespace detail

/// @brief 4G LTE, Huang et al. 2012 (MobiSys).
///
/// Throughput: the medians of the paper's abstract (13 Mb/s down, 6 Mb/s up). Power model
/// \f$ P = \alpha_u t_u + \alpha_d t_d + \beta \f$ with the coefficients of the paper's power
/// model table (as recalled; not yet checked against the paper's text): \f$ \alpha_u \f$ = 438.39 mW/Mbps,
/// \f$ \alpha_d \f$ = 51.97 mW/Mbps, \f$ \beta \f$ = 1288.04 mW, tail 11.576 s at 1060 mW,
/// promotion 260.1 ms at 1210.7 mW. The table could not be re-checked against the paper's text
/// here, so the entry is marked a didactic assumption.
inline constexpr RadioLink lte{
    .key = "lte",
    .name = "4G LTE (Huang et al. 2012)",
    .uplink = 6.0 * megabits_per_second,
    .downlink = 13.0 * megabits_per_second,
    .latency = 35.0 * milliseconds,
    .alpha_uplink = 438.39 * detail::milliwatts_per_megabit,
    .alpha_downlink = 51.97 * detail::milliwatts_per_megabit,
    .beta = 1288.04 * milliwatts,
    .tail_time = 11.576 * seconds,
    .tail_power = 1060.0 * milliwatts,
    .promotion_time = 260.1 * milliseconds,
    .promotion_power = 1210.7 * milliwatts,
    .provenance = {"Huang et al. 2012, 'A Close Examination of Performance and Power "
                   "Characteristics of 4G LTE Networks' (MobiSys): median throughputs 13/6 Mb/s "
                   "(abstract, verified); alpha_u 438.39, alpha_d 51.97 mW/Mbps, beta 1288.04 "
                   "mW, tail 11.576 s at 1060 mW, promotion 260.1 ms at 1210.7 mW from its "
                   "power-model table as quoted, NOT re-verified against the paper here; "
                   "one-way latency 35 ms is a didactic assumption",
                   SourceKind::didactic_assumption}};

/// @brief 2012 smartphone Wi-Fi with Huang et al.'s coefficients: \f$ \alpha_u \f$ = 283.17,
/// \f$ \alpha_d \f$ = 137.01 mW/Mbps, \f$ \beta \f$ = 132.86 mW (not re-verified). The linear
/// model was fitted at a few Mb/s, so the throughputs stay in that range; for a modern access
/// point use wifi6.
inline constexpr RadioLink wifi{
    .key = "wifi",
    .name = "Wi-Fi, 2012 smartphone (Huang et al. 2012)",
    .uplink = 5.0 * megabits_per_second,
    .downlink = 10.0 * megabits_per_second,
    .latency = 5.0 * milliseconds,
    .alpha_uplink = 283.17 * detail::milliwatts_per_megabit,
    .alpha_downlink = 137.01 * detail::milliwatts_per_megabit,
    .beta = 132.86 * milliwatts,
    .tail_time = Seconds{},
    .tail_power = Watts{},
    .promotion_time = Seconds{},
    .promotion_power = Watts{},
    .provenance = {"Huang et al. 2012 (MobiSys) power-model table as quoted: alpha_u 283.17, "
                   "alpha_d 137.01 mW/Mbps, beta 132.86 mW, NOT re-verified against the paper "
                   "here. Throughputs 5/10 Mb/s (the range the linear fit covers), latency 5 ms "
                   "and the neglected sub-second Wi-Fi tail are didactic assumptions",
                   SourceKind::didactic_assumption}};

/// @brief 3G (UMTS/HSPA) with Huang et al.'s coefficients: \f$ \alpha_u \f$ = 868.98,
/// \f$ \alpha_d \f$ = 122.12 mW/Mbps, \f$ \beta \f$ = 817.88 mW (not re-verified).
inline constexpr RadioLink umts_3g{
    .key = "3g",
    .name = "3G UMTS/HSPA (Huang et al. 2012)",
    .uplink = 0.5 * megabits_per_second,
    .downlink = 1.5 * megabits_per_second,
    .latency = 100.0 * milliseconds,
    .alpha_uplink = 868.98 * detail::milliwatts_per_megabit,
    .alpha_downlink = 122.12 * detail::milliwatts_per_megabit,
    .beta = 817.88 * milliwatts,
    .tail_time = 12.0 * seconds,
    .tail_power = 800.0 * milliwatts,
    .promotion_time = 2.0 * seconds,
    .promotion_power = 800.0 * milliwatts,
    .provenance = {"Huang et al. 2012 (MobiSys) power-model table as quoted: alpha_u 868.98, "
                   "alpha_d 122.12 mW/Mbps, beta 817.88 mW, NOT re-verified against the paper "
                   "here. Throughputs 0.5/1.5 Mb/s, latency 100 ms, a 12 s tail at 0.8 W and a "
                   "2 s promotion (the order of the DCH/FACH timers measured in 3G studies) are "
                   "didactic assumptions",
                   SourceKind::didactic_assumption}};

/// @brief 5G low-band (NSA, sub-1 GHz): LTE-like throughput, a few watts while transferring.
inline constexpr RadioLink nr_lowband{
    .key = "5g-lowband",
    .name = "5G low-band uplink",
    .uplink = 30.0 * megabits_per_second,
    .downlink = 100.0 * megabits_per_second,
    .latency = 25.0 * milliseconds,
    .alpha_uplink = 40.0 * detail::milliwatts_per_megabit,
    .alpha_downlink = 10.0 * detail::milliwatts_per_megabit,
    .beta = 1000.0 * milliwatts,
    .tail_time = 10.0 * seconds,
    .tail_power = 1000.0 * milliwatts,
    .promotion_time = 0.5 * seconds,
    .promotion_power = 1200.0 * milliwatts,
    .provenance = {"didactic round figures shaped by Narayanan et al. 2021, 'A Variegated Look "
                   "at 5G in the Wild: Performance, Power, and QoE Implications' (SIGCOMM): "
                   "low-band throughput comparable to LTE, NSA RRC tail of the order of 10 s, "
                   "watts-level transfer power. The paper models power with a decision-tree "
                   "regression on throughput and signal strength, not in Huang's linear form: "
                   "these alpha/beta figures are ours",
                   SourceKind::didactic_assumption}};

/// @brief 5G mmWave (NSA, 28/39 GHz): far higher throughput, higher power, lower energy per
/// bit at high rates.
inline constexpr RadioLink nr_mmwave{
    .key = "5g-mmwave",
    .name = "5G mmWave uplink",
    .uplink = 100.0 * megabits_per_second,
    .downlink = 1000.0 * megabits_per_second,
    .latency = 15.0 * milliseconds,
    .alpha_uplink = 15.0 * detail::milliwatts_per_megabit,
    .alpha_downlink = 2.0 * detail::milliwatts_per_megabit,
    .beta = 2000.0 * milliwatts,
    .tail_time = 10.0 * seconds,
    .tail_power = 1500.0 * milliwatts,
    .promotion_time = 0.5 * seconds,
    .promotion_power = 2000.0 * milliwatts,
    .provenance = {"didactic round figures shaped by Narayanan et al. 2021 (SIGCOMM): mmWave "
                   "downlink near 1 Gb/s with a much slower uplink, higher radio power than "
                   "low-band but better energy per bit at high throughput, NSA tail of the "
                   "order of 10 s. The paper's power model is a decision-tree regression, not "
                   "Huang's linear form: these alpha/beta figures are ours",
                   SourceKind::didactic_assumption}};

/// @brief A modern Wi-Fi 6 access point (a car depot, a home): hundreds of Mb/s.
inline constexpr RadioLink wifi6{
    .key = "wifi6",
    .name = "Wi-Fi 6 (802.11ax) access point",
    .uplink = 200.0 * megabits_per_second,
    .downlink = 400.0 * megabits_per_second,
    .latency = 2.0 * milliseconds,
    .alpha_uplink = 5.0 * detail::milliwatts_per_megabit,
    .alpha_downlink = 2.0 * detail::milliwatts_per_megabit,
    .beta = 300.0 * milliwatts,
    .tail_time = Seconds{},
    .tail_power = Watts{},
    .promotion_time = Seconds{},
    .promotion_power = Watts{},
    .provenance = {"didactic assumption: single-client TCP throughput of an 802.11ax link "
                   "(200 Mb/s up, 400 Mb/s down), about 1.3 W while uploading; no public "
                   "power-model fit of the Huang form was available here",
                   SourceKind::didactic_assumption}};

/// @brief Bluetooth LE, 1M PHY, derived from the Nordic nRF52840 datasheet.
///
/// \f$ \alpha_u = P_{TX} / t \f$ = (3 V x 4.8 mA) / 0.8 Mb/s = 18 nJ/bit,
/// \f$ \alpha_d = P_{RX} / t \f$ = (3 V x 4.6 mA) / 0.8 Mb/s = 17.25 nJ/bit, \f$ \beta \f$ = 0,
/// so that the model gives the radio's TX power at full usable throughput. The radio is
/// assumed on for the whole transfer (an upper bound). No tail: BLE has no RRC state machine.
/// Latency: the 7.5 ms minimum connection interval of the Bluetooth Core specification.
inline constexpr RadioLink ble_1m{
    .key = "ble-1m",
    .name = "Bluetooth LE 1M PHY (nRF52840)",
    .uplink = detail::ble_1m_usable,
    .downlink = detail::ble_1m_usable,
    .latency = 7.5 * milliseconds,
    .alpha_uplink = detail::nrf52840_tx_0dbm / detail::ble_1m_usable,
    .alpha_downlink = detail::nrf52840_rx_1m / detail::ble_1m_usable,
    .beta = Watts{},
    .tail_time = Seconds{},
    .tail_power = Watts{},
    .promotion_time = Seconds{},
    .promotion_power = Watts{},
    .provenance = {"Nordic nRF52840 product specification, key features: 4.8 mA TX at 0 dBm and "
                   "4.6 mA RX (1 Mbps BLE, DC/DC), at 3 V; alpha = power / throughput; latency = "
                   "7.5 ms minimum connection interval (Bluetooth Core specification)",
                   SourceKind::datasheet,
                   {{detail::ble_throughput_source,
                     {"downlink", detail::ble_throughput_source.source, SourceKind::datasheet}}}}};

/// @brief Bluetooth LE, 2M PHY: the same TX current (it depends on the output power, not on the
/// symbol rate), 1.4 Mb/s, so \f$ \alpha_u \f$ = 14.4 mW / 1.4 Mb/s = 10.3 nJ/bit. The RX
/// current at 2 Mbps is taken equal to the 1 Mbps figure (a didactic simplification: it is
/// somewhat higher on Nordic radios).
inline constexpr RadioLink ble_2m{
    .key = "ble-2m",
    .name = "Bluetooth LE 2M PHY (nRF52840)",
    .uplink = detail::ble_2m_usable,
    .downlink = detail::ble_2m_usable,
    .latency = 7.5 * milliseconds,
    .alpha_uplink = detail::nrf52840_tx_0dbm / detail::ble_2m_usable,
    .alpha_downlink = detail::nrf52840_rx_1m / detail::ble_2m_usable,
    .beta = Watts{},
    .tail_time = Seconds{},
    .tail_power = Watts{},
    .promotion_time = Seconds{},
    .promotion_power = Watts{},
    .provenance = {"Nordic nRF52840 product specification, key features: 4.8 mA TX at 0 dBm, at "
                   "3 V; alpha = power / throughput; latency 7.5 ms minimum connection interval "
                   "(Bluetooth Core specification)",
                   SourceKind::datasheet,
                   {{detail::ble_throughput_source,
                     {"downlink", detail::ble_throughput_source.source, SourceKind::datasheet},
                     {"alpha_downlink",
                      "didactic assumption: the 1 Mbps RX current (4.6 mA, nRF52840 product "
                      "specification) over 1.4 Mb/s; the 2 Mbps RX current is somewhat higher",
                      SourceKind::didactic_assumption}}}}};

/// @brief Every radio preset, for listing.
inline constexpr std::array<RadioLink, 8> radio_links{lte,       wifi,  umts_3g, nr_lowband,
                                                      nr_mmwave, wifi6, ble_1m,  ble_2m};

/// @brief Every radio's uplink as a Link (see as_link()), for the collective models.
inline constexpr std::array<Link, 8> radio_uplinks{
    as_link(lte),       as_link(wifi),  as_link(umts_3g), as_link(nr_lowband),
    as_link(nr_mmwave), as_link(wifi6), as_link(ble_1m),  as_link(ble_2m)};

/// @brief The radio preset with this key.
/// @param key "lte", "wifi", "3g", "5g-lowband", "5g-mmwave", "wifi6", "ble-1m" or "ble-2m"
/// @return a reference to the preset in `radio_links` (static storage); use
///   catalog::link(key) for the same radio's uplink as a Link
/// @throws invalid_input listing the valid keys when the key is unknown:
///   "catalog: radio link must be one of lte, wifi, 3g, ..., ble-2m (got "foo")"
[[nodiscard]] inline const RadioLink& radio_link(std::string_view key) {
  return find_by_key(radio_links, key, "radio link");
}

/// @}

}  // namespace paradox::catalog
