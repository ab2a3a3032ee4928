/// @file
/// @brief What a checkpoint costs the training: its write time against storage bandwidth, and
/// how much of it blocks training when the checkpoint is taken synchronously or asynchronously.
#pragma once

#include <string_view>

#include "paradox/error.hpp"
#include "paradox/memory/checkpoint.hpp"
#include "paradox/reliability/checkpoint_interval.hpp"
#include "paradox/units.hpp"

namespace paradox::reliability {

/// @addtogroup reliability
/// @{

/// @brief How a checkpoint is taken.
enum class CheckpointMode {
  synchronous,  ///< training stops until the checkpoint is on storage
  asynchronous  ///< training stops for a snapshot to host memory; storage is written behind it
};

/// @brief Spelling of a CheckpointMode: "synchronous" or "asynchronous".
/// @param mode the mode
/// @return its name; "unknown" for a value outside the enumeration
[[nodiscard]] constexpr std::string_view to_string(CheckpointMode mode) noexcept {
  switch (mode) {
    case CheckpointMode::synchronous:
      return "synchronous";
    case CheckpointMode::asynchronous:
      return "asynchronous";
  }
  return "unknown";
}

/// @brief A checkpoint to write: its size, the storage bandwidth, and how it is taken.
struct CheckpointCostInput {
  Bytes size{};                 ///< the checkpoint (e.g. memory::checkpoint_size().total())
  Bandwidth storage{};          ///< aggregate write bandwidth of the job to its storage
  CheckpointMode mode = CheckpointMode::synchronous;  ///< how the checkpoint is taken
  Bandwidth snapshot{};  ///< asynchronous only: aggregate device-to-host copy bandwidth
};

/// @brief What one checkpoint costs.
struct CheckpointCost {
  Seconds write_time{};    ///< size / storage bandwidth: the time to put it on storage
  Seconds snapshot_time{};  ///< size / snapshot bandwidth (asynchronous), else 0
  Seconds blocking_time{};  ///< \f$\delta\f$: what training waits for per checkpoint
  /// Extra lost work per failure: a checkpoint still being written cannot be restored, so the
  /// newest usable one is older by up to the write time (asynchronous), else 0.
  Seconds durability_lag{};
  /// The shortest interval at which checkpoints do not queue up: the next snapshot waits
  /// until the previous checkpoint is on storage (asynchronous: snapshot + write), else 0.
  Seconds min_interval{};
};

/// @brief Cost of one checkpoint: write time \f$S/B_\mathrm{storage}\f$ and, taken
/// asynchronously, a blocking snapshot \f$S/B_\mathrm{snapshot}\f$.
///
/// Synchronous: training waits for the whole write, \f$\delta = S/B_\mathrm{storage}\f$.
/// Asynchronous: the two-phase checkpoint of CheckFreq (Mohan, Phanishayee, Chidambaram 2021,
/// "CheckFreq: Frequent, Fine-Grained DNN Checkpointing", USENIX FAST '21, sec. 4): snapshot()
/// copies the state from GPU to host memory, and only this blocks training,
/// \f$\delta = S/B_\mathrm{snapshot}\f$; persist() writes it to storage in the background.
/// The model here is the simple bound of that design: the snapshot is not overlapped with
/// compute at all (CheckFreq overlaps it with the next iteration's forward and backward pass,
/// so its stall can be smaller), the next snapshot waits for the previous persist
/// (min_interval), and a failure during a persist loses the work since the previous
/// checkpoint (durability_lag, added to the restart time by checkpoint_input()).
/// @param in the size, the bandwidths and the mode
/// @pre size >= 0, storage > 0, all finite; snapshot > 0 and finite when asynchronous
/// @throws invalid_input "checkpoint cost: storage must be > 0 and finite (got 0 B/s)",
///   "checkpoint cost: snapshot must be > 0 and finite (got 0 B/s)" (asynchronous)
/// @return the write, snapshot and blocking times
[[nodiscard]] inline CheckpointCost checkpoint_cost(const CheckpointCostInput& in) {
  constexpr std::string_view fn = "checkpoint cost";
  require_non_negative(fn, "size", in.size);
  require_positive(fn, "storage", in.storage);
  const Seconds write = in.size / in.storage;
  require_finite(fn, "size / storage", write);
  if (in.mode == CheckpointMode::synchronous)
    return {.write_time = write, .blocking_time = write};
  require_positive(fn, "snapshot", in.snapshot);
  const Seconds snapshot = in.size / in.snapshot;
  require_finite(fn, "size / snapshot", snapshot);
  return {.write_time = write,
          .snapshot_time = snapshot,
          .blocking_time = snapshot,
          .durability_lag = write,
          .min_interval = snapshot + write};
}

/// @brief Cost of checkpointing a model's states: checkpoint_cost() of
/// memory::checkpoint_size() (weights + optimizer states, 14 bytes per parameter with
/// mixed-precision Adam).
/// @param size the checkpoint, by part (memory::checkpoint_size())
/// @param storage aggregate write bandwidth to storage
/// @param mode how the checkpoint is taken
/// @param snapshot asynchronous only: aggregate device-to-host copy bandwidth
/// @pre as checkpoint_cost()
/// @throws invalid_input as checkpoint_cost()
/// @return the write, snapshot and blocking times
[[nodiscard]] inline CheckpointCost checkpoint_cost(const memory::CheckpointSize& size,
                                                    Bandwidth storage,
                                                    CheckpointMode mode = CheckpointMode::synchronous,
                                                    Bandwidth snapshot = {}) {
  return checkpoint_cost(
      {.size = size.total(), .storage = storage, .mode = mode, .snapshot = snapshot});
}

/// @brief The input of the interval models for a checkpoint of this cost:
/// \f$\delta\f$ = blocking time, restart + durability lag.
/// @param cost the checkpoint's cost (checkpoint_cost())
/// @param mtbf the job's MTBF
/// @param restart the time from a failure to training again
/// @return a CheckpointInput for young_interval(), daly_interval(), evaluate()
[[nodiscard]] constexpr CheckpointInput checkpoint_input(const CheckpointCost& cost, Seconds mtbf,
                                                         Seconds restart = {}) {
  return {.checkpoint_cost = cost.blocking_time,
          .mtbf = mtbf,
          .restart = restart + cost.durability_lag};
}

/// @}

}  // namespace paradox::reliability
