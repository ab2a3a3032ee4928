/// @file
/// @brief Published failure records of large training runs, for the reliability models to
/// reproduce: Llama 3 405B pre-training (Dubey et al. 2024, table 5).
#pragma once

#include <array>
#include <string_view>

#include "paradox/catalog/lookup.hpp"
#include "paradox/hardware/provenance.hpp"
#include "paradox/units.hpp"

namespace paradox::catalog {

/// @addtogroup catalog
/// @{

/// @brief One row of a root-cause table: a cause, its category and its interruptions.
struct FailureCause {
  std::string_view component{};  ///< the root cause as the source names it ("Faulty GPU")
  std::string_view category{};   ///< the source's category ("GPU", "Host", "Network", ...)
  int interruptions = 0;         ///< interruptions attributed to it
  /// The share the source prints (0.301 for "30.1%"); it may differ from interruptions /
  /// total (see FailureRecord::causes).
  double printed_fraction = 0.0;
};

/// @brief A training run's published failure record.
struct FailureRecord {
  std::string_view key{};              ///< lower-case key, e.g. "llama3-405b-pretraining"
  std::string_view name{};             ///< display name
  std::string_view accelerator_key{};  ///< the accelerator, a catalog key ("h100-sxm")
  int accelerators = 0;                ///< accelerators in the job
  Seconds window{};                    ///< the period the record covers
  int unexpected_interruptions = 0;    ///< failures: interruptions nobody planned
  int planned_interruptions = 0;       ///< maintenance and planned changes
  int manual_interventions = 0;        ///< interruptions that needed significant manual work
  /// Effective training time the source reports (a lower bound: "more than 90%").
  double effective_training_fraction = 0.0;
  /// The root-cause table, largest first; unused slots have interruptions = 0.
  std::array<FailureCause, 18> causes{};
  Provenance provenance{};  ///< where the figures come from
};

/// @brief Llama 3 405B pre-training: 419 unexpected interruptions in a 54-day snapshot on
/// 16,384 H100 GPUs.
///
/// Dubey et al. 2024, "The Llama 3 Herd of Models" (arXiv:2407.21783), sec. 3.3.4 and table 5
/// ("Root-cause categorization of unexpected interruptions during a 54-day period of Llama 3
/// 405B pre-training"): 466 job interruptions, 47 planned and 419 unexpected; "significant
/// manual intervention was required only three times"; "higher than 90% effective training
/// time". Implied MTBFs (reliability::observed_mtbf): 54 d / 419 = 3.09 h per job and
/// 54 d x 16,384 / 419 = 50,677 GPU-hours per GPU.
///
/// The rows of table 5 are entered as reproduced by secondary sources (the paper's PDF was
/// not at hand): the counts sum to 419, and every printed share is count / 419 rounded to
/// 0.1% except "Faulty GPU", printed 30.1% for 148 interruptions (148 / 419 = 35.3%); the
/// paper's "GPU issues are the largest category, accounting for 58.7%" is the sum of the
/// printed GPU shares (with 148 / 419 it would be 64.0%). Both are kept as printed.
inline constexpr FailureRecord llama3_405b_pretraining{
    .key = "llama3-405b-pretraining",
    .name = "Llama 3 405B pre-training, 54-day snapshot",
    .accelerator_key = "h100-sxm",
    .accelerators = 16384,
    .window = 54.0 * days,
    .unexpected_interruptions = 419,
    .planned_interruptions = 47,
    .manual_interventions = 3,
    .effective_training_fraction = 0.90,
    .causes = {{{"Faulty GPU", "GPU", 148, 0.301},
                {"GPU HBM3 Memory", "GPU", 72, 0.172},
                {"Software Bug", "Dependency", 54, 0.129},
                {"Network Switch/Cable", "Network", 35, 0.084},
                {"Host Maintenance", "Unplanned Maintenance", 32, 0.076},
                {"GPU SRAM Memory", "GPU", 19, 0.045},
                {"GPU System Processor", "GPU", 17, 0.041},
                {"NIC", "Host", 7, 0.017},
                {"NCCL Watchdog Timeouts", "Unknown", 7, 0.017},
                {"Silent Data Corruption", "GPU", 6, 0.014},
                {"GPU Thermal Interface + Sensor", "GPU", 6, 0.014},
                {"SSD", "Host", 3, 0.007},
                {"Power Supply", "Host", 3, 0.007},
                {"Server Chassis", "Host", 2, 0.005},
                {"IO Expansion Board", "Host", 2, 0.005},
                {"Dependency", "Dependency", 2, 0.005},
                {"CPU", "Host", 2, 0.005},
                {"System Memory", "Host", 2, 0.005}}},
    .provenance = {
        "Dubey et al. 2024, 'The Llama 3 Herd of Models' (arXiv:2407.21783), sec. 3.3.4 and "
        "table 5: 54-day snapshot of 405B pre-training on 16,384 H100 GPUs, 466 interruptions "
        "(47 planned, 419 unexpected), 3 needing significant manual intervention, more than 90% "
        "effective training time",
        SourceKind::measured,
        {{{"causes",
           "table 5 rows as reproduced by G. Lockwood, 'Component reliability' "
           "(glennklockwood.com/garden/component-reliability); the GPU, HBM3, SRAM, system "
           "processor and network rows and the 2 CPU failures also as reported by "
           "DatacenterDynamics (2024); counts sum to 419; 'Faulty GPU' printed 30.1% though "
           "148/419 = 35.3%",
           SourceKind::measured},
          {"effective_training_fraction",
           "sec. 3.3.4: 'higher than 90% effective training time' (a lower bound)",
           SourceKind::measured}}}}};

/// @brief Every failure record, for listing and lookup.
inline constexpr std::array<FailureRecord, 1> failure_records{llama3_405b_pretraining};

/// @brief The failure record with this key.
/// @param key the lower-case key, e.g. "llama3-405b-pretraining"
/// @return a reference to the record in `failure_records`
/// @throws invalid_input listing the valid keys:
///   "catalog: failure record must be one of llama3-405b-pretraining (got "foo")"
[[nodiscard]] inline const FailureRecord& failure_record(std::string_view key) {
  return find_by_key(failure_records, key, "failure record");
}

/// @}

}  // namespace paradox::catalog
