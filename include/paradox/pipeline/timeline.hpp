/// @file
/// @brief A step of a pipeline schedule (GPipe, 1F1B, interleaved 1F1B) simulated op by op:
/// the timeline as data (stage, op, micro-batch, chunk, start, end) and what it implies: step
/// time, busy time per stage, the measured bubble and the micro-batches each stage holds.
#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/pipeline/in_flight.hpp"
#include "paradox/pipeline/interleaving.hpp"
#include "paradox/units.hpp"

namespace paradox::pipeline {

/// @addtogroup pipeline
/// @{

/// @brief What a stage computes for one micro-batch.
enum class Op {
  forward,  ///< forward pass through the stage's layers (or one chunk of them)
  backward  ///< backward pass through the same layers
};

/// @brief Spelling of an op: "forward" or "backward".
/// @param op the op
/// @return its spelling
[[nodiscard]] constexpr std::string_view to_string(Op op) noexcept {
  return op == Op::forward ? "forward" : "backward";
}

/// @brief One op in the order a device runs it (before times are known).
struct ScheduledOp {
  Op op = Op::forward;  ///< forward or backward
  int microbatch = 0;   ///< micro-batch index, in [0, m)
  int chunk = 0;        ///< model chunk on this device, in [0, v); 0 unless interleaved
};

/// @brief The step to simulate. Aggregate: build it with designated initializers.
struct TimelineInput {
  Schedule schedule = Schedule::one_f_one_b;  ///< the schedule
  PipelineShape shape{};                      ///< p, m and v (v only for the interleaved one)
  /// One micro-batch's forward pass through all of a stage's layers. With v chunks per device
  /// each chunk takes forward_time / v.
  Seconds forward_time{};
  /// One micro-batch's backward pass through all of a stage's layers (commonly 2x forward).
  Seconds backward_time{};
  Seconds p2p_time{};  ///< one point-to-point send between devices (activation or gradient)
};

/// @brief One op as it ran: where, what, and when.
struct TimelineSlot {
  int stage = 0;        ///< device (pipeline rank), in [0, p)
  Op op = Op::forward;  ///< forward or backward
  int microbatch = 0;   ///< micro-batch, in [0, m)
  int chunk = 0;        ///< model chunk on the device, in [0, v); 0 unless interleaved
  Seconds start{};      ///< start, from the beginning of the step
  Seconds end{};        ///< end, from the beginning of the step
};

/// @brief A simulated step and what it implies.
struct Timeline {
  std::vector<TimelineSlot> slots;      ///< every op of the step, sorted by start, then stage
  Seconds total_time{};                 ///< step time: the last op's end
  std::vector<Seconds> busy_time;       ///< per stage: time spent computing
  double bubble_fraction = 0.0;         ///< 1 - sum(busy) / (p total_time)
  std::vector<double> peak_in_flight;   ///< per stage: peak micro-batches held (as in_flight)
  long long p2p_sends = 0;              ///< sends between devices during the step
};

/// @brief Largest number of ops (2 p m v) simulate() accepts: 2^22, about 100 MB of timeline.
inline constexpr long long max_timeline_ops = 1LL << 22;

/// @brief The order in which one device runs its ops under a schedule.
///
/// - GPipe (Huang et al. 2019, fig. 2c): \f$F_0 \ldots F_{m-1}\f$, then
///   \f$B_0 \ldots B_{m-1}\f$.
/// - 1F1B, PipeDream-Flush (Narayanan et al. 2021, SC21, sec. 2.2.1, fig. 4 top): stage i runs
///   \f$w_i = \min(p - i - 1, m)\f$ warm-up forwards, then alternates one forward and one
///   backward, then drains the last \f$w_i\f$ backwards.
/// - Interleaved 1F1B, the order of NVIDIA/Megatron-LM's
///   `forward_backward_pipelining_with_interleaving`
///   (megatron/core/pipeline_parallel/schedules.py): the \f$k\f$-th of the device's
///   \f$m v\f$ chunk-forwards runs chunk \f$\lfloor (k \bmod pv)/p \rfloor\f$ of micro-batch
///   \f$\lfloor k/(pv) \rfloor p + k \bmod p\f$ (backwards: chunk \f$v - 1 -\f$ that); the
///   device warms up with \f$w_i = \min(2(p - i - 1) + (v - 1)p,\ m v)\f$ forwards, then
///   alternates one forward and one backward, then drains.
/// @param schedule the schedule
/// @param shape p, m and v (v ignored unless interleaved)
/// @param stage the device, in [0, p)
/// @pre as check_schedule(); 0 <= stage < p
/// @throws invalid_input from check_schedule(), or "device order: stage must be in [0, 3]
///   (got 4)"
/// @return the device's 2 m v ops (2 m unless interleaved) in the order it runs them
/// @see simulate
[[nodiscard]] inline std::vector<ScheduledOp> device_order(Schedule schedule,
                                                           const PipelineShape& shape,
                                                           int stage) {
  check_schedule(schedule, shape);
  require_in_range("device order", "stage", stage, 0, shape.stages - 1);
  const int p = shape.stages;
  const int m = shape.microbatches;
  std::vector<ScheduledOp> order;
  if (schedule == Schedule::gpipe) {
    order.reserve(2 * static_cast<std::size_t>(m));
    for (int j = 0; j < m; ++j) order.push_back({Op::forward, j, 0});
    for (int j = 0; j < m; ++j) order.push_back({Op::backward, j, 0});
    return order;
  }
  const int v = schedule == Schedule::interleaved_1f1b ? shape.virtual_stages : 1;
  const long long total = static_cast<long long>(m) * v;
  const long long group = static_cast<long long>(p) * v;
  const auto nth = [&](Op op, long long k) {
    const int chunk_in_order = static_cast<int>((k % group) / p);
    return ScheduledOp{op, static_cast<int>((k / group) * p + k % p),
                       op == Op::forward ? chunk_in_order : v - 1 - chunk_in_order};
  };
  const long long warmup =
      schedule == Schedule::interleaved_1f1b
          ? std::min(2LL * (p - stage - 1) + static_cast<long long>(v - 1) * p, total)
          : std::min<long long>(p - stage - 1, m);
  order.reserve(2 * static_cast<std::size_t>(total));
  for (long long k = 0; k < warmup; ++k) order.push_back(nth(Op::forward, k));
  for (long long k = 0; k < total - warmup; ++k) {
    order.push_back(nth(Op::forward, warmup + k));
    order.push_back(nth(Op::backward, k));
  }
  for (long long k = total - warmup; k < total; ++k) order.push_back(nth(Op::backward, k));
  return order;
}

/// @brief Simulates one step of a pipeline schedule op by op.
///
/// Each device runs its ops in device_order(). An op starts when the device is free and its
/// input is ready: a forward needs the same micro-batch's forward on the previous model piece
/// (the previous device, or for chunk c > 0 on device 0, chunk c - 1 on the last device), a
/// backward needs the backward of the next piece (the last piece's backward needs its own
/// forward). An input from another device arrives p2p_time after the op that produced it
/// ends. Forward ops last forward_time / v, backward ops backward_time / v (v = 1 unless
/// interleaved). Nothing else is modelled: no optimizer step, no data-parallel all-reduce,
/// no contention between sends.
///
/// Derived: \f$T\f$ = last end; busy time per stage; the measured bubble fraction
/// \f$1 - \sum_i \mathrm{busy}_i / (p\,T)\f$, which with uniform times and p2p_time = 0 equals
/// bubble_fraction() \f$= (p-1)/(v m + p - 1)\f$ for every schedule; and the peak number of
/// micro-batches whose activations a stage holds (a forward holds one chunk's share, 1/v,
/// from its start until its backward ends), which equals held_microbatches().
/// @param input schedule, shape, per-micro-batch forward and backward time per stage, p2p time
/// @pre as check_schedule(); forward_time, backward_time > 0 and finite; p2p_time >= 0 and
///   finite; 2 p m v <= max_timeline_ops
/// @throws invalid_input e.g. "pipeline timeline: forward_time must be > 0 and finite (got
///   0 s)", or from check_schedule() "interleaved schedule: microbatches must be divisible
///   by stages = 4 (got 6)"
/// @return the timeline (ops sorted by start time, then stage) and its derived numbers
/// @see device_order, bubble_fraction, held_microbatches
[[nodiscard]] inline Timeline simulate(const TimelineInput& input) {
  constexpr std::string_view fn = "pipeline timeline";
  check_schedule(input.schedule, input.shape);
  require_positive(fn, "forward_time", input.forward_time);
  require_positive(fn, "backward_time", input.backward_time);
  require_non_negative(fn, "p2p_time", input.p2p_time);
  const int p = input.shape.stages;
  const int m = input.shape.microbatches;
  const int v = input.schedule == Schedule::interleaved_1f1b ? input.shape.virtual_stages : 1;
  const long long ops = 2LL * p * m * v;
  if (ops > max_timeline_ops)
    throw invalid_input(fn, "2 x stages x microbatches x virtual_stages",
                        "be <= " + std::to_string(max_timeline_ops), std::to_string(ops));

  const double t_forward = value_in<second_unit>(input.forward_time) / v;
  const double t_backward = value_in<second_unit>(input.backward_time) / v;
  const double t_p2p = value_in<second_unit>(input.p2p_time);
  const int pieces = p * v;  // model piece g = chunk * p + stage runs on device g mod p
  // End time of each (piece, micro-batch) forward and backward; < 0 while not yet run.
  std::vector<double> forward_end(static_cast<std::size_t>(pieces) * m, -1.0);
  std::vector<double> backward_end(static_cast<std::size_t>(pieces) * m, -1.0);
  const auto at = [m](int piece, int microbatch) {
    return static_cast<std::size_t>(piece) * m + microbatch;
  };

  std::vector<std::vector<ScheduledOp>> orders;
  orders.reserve(p);
  for (int i = 0; i < p; ++i) orders.push_back(device_order(input.schedule, input.shape, i));
  std::vector<std::size_t> next(p, 0);
  std::vector<double> free_at(p, 0.0);
  std::vector<double> busy(p, 0.0);

  Timeline out;
  out.slots.reserve(static_cast<std::size_t>(ops));
  long long remaining = ops;
  while (remaining > 0) {
    bool progressed = false;
    for (int i = 0; i < p; ++i) {
      while (next[i] < orders[i].size()) {
        const ScheduledOp& op = orders[i][next[i]];
        const int piece = op.chunk * p + i;
        double ready = 0.0;
        if (op.op == Op::forward) {
          if (piece > 0) {
            const double input_end = forward_end[at(piece - 1, op.microbatch)];
            if (input_end < 0.0) break;
            // With p > 1 consecutive pieces are always on different devices.
            ready = p > 1 ? input_end + t_p2p : input_end;
            if (p > 1) ++out.p2p_sends;
          }
        } else if (piece == pieces - 1) {
          ready = forward_end[at(piece, op.microbatch)];
          if (ready < 0.0) break;
        } else {
          const double input_end = backward_end[at(piece + 1, op.microbatch)];
          if (input_end < 0.0) break;
          ready = p > 1 ? input_end + t_p2p : input_end;
          if (p > 1) ++out.p2p_sends;
        }
        const double duration = op.op == Op::forward ? t_forward : t_backward;
        const double start = std::max(free_at[i], ready);
        const double end = start + duration;
        (op.op == Op::forward ? forward_end : backward_end)[at(piece, op.microbatch)] = end;
        free_at[i] = end;
        busy[i] += duration;
        out.slots.push_back(TimelineSlot{.stage = i,
                                         .op = op.op,
                                         .microbatch = op.microbatch,
                                         .chunk = op.chunk,
                                         .start = start * seconds,
                                         .end = end * seconds});
        ++next[i];
        --remaining;
        progressed = true;
      }
    }
    // Every schedule above is deadlock-free; getting here is a bug in device_order().
    if (!progressed) throw std::logic_error("pipeline timeline: schedule deadlocked");
  }

  std::sort(out.slots.begin(), out.slots.end(), [](const TimelineSlot& a, const TimelineSlot& b) {
    const double sa = value_in<second_unit>(a.start);
    const double sb = value_in<second_unit>(b.start);
    return sa != sb ? sa < sb : a.stage < b.stage;
  });
  const double total = *std::max_element(free_at.begin(), free_at.end());
  double busy_sum = 0.0;
  out.total_time = total * seconds;
  for (int i = 0; i < p; ++i) {
    out.busy_time.push_back(busy[i] * seconds);
    busy_sum += busy[i];
    // Activations are held from a forward's start until its backward ends; a device runs one
    // op at a time, so the peak is the largest forwards-minus-backwards prefix of its order.
    long long held = 0;
    long long peak = 0;
    for (const ScheduledOp& op : orders[i]) {
      held += op.op == Op::forward ? 1 : -1;
      peak = std::max(peak, held);
    }
    out.peak_in_flight.push_back(static_cast<double>(peak) / v);
  }
  out.bubble_fraction = 1.0 - busy_sum / (static_cast<double>(p) * total);
  return out;
}

/// @}

}  // namespace paradox::pipeline
