/// @file
/// @brief nccl-tests' algorithm bandwidth and bus bandwidth for every collective.
#pragma once

#include "paradox/comm/collectives.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief The factor that turns algorithm bandwidth into bus bandwidth:
/// \f$2(p-1)/p\f$ all-reduce; \f$(p-1)/p\f$ reduce-scatter, all-gather, all-to-all; 1
/// broadcast, reduce, send/recv.
///
/// Bus bandwidth is the per-link rate the hardware must sustain for an optimal algorithm to
/// reach the measured time, so it can be compared with the link's peak whatever \f$p\f$ is.
/// Source: NVIDIA nccl-tests, doc/PERFORMANCE.md. Examples: all-reduce 1.75 at \f$p = 8\f$,
/// 1.96875 at \f$p = 64\f$. For \f$p = 1\f$ the (p-1)/p factors are 0.
/// @param op the collective
/// @param ranks \f$p\f$
/// @pre ranks >= 1
/// @throws invalid_input "bus bandwidth factor: ranks must be >= 1 (got ...)"
/// @return the dimensionless factor
[[nodiscard]] inline double bus_bandwidth_factor(Collective op, int ranks) {
  require_at_least("bus bandwidth factor", "ranks", ranks, 1);
  const double others = detail::others_fraction(ranks);
  switch (op) {
    case Collective::allreduce:
      return 2.0 * others;
    case Collective::reducescatter:
    case Collective::allgather:
    case Collective::alltoall:
      return others;
    case Collective::broadcast:
    case Collective::reduce:
    case Collective::sendrecv:
      return 1.0;
  }
  return 1.0;
}

/// @brief Algorithm bandwidth \f$\text{algbw} = S / t\f$ (nccl-tests doc/PERFORMANCE.md).
/// @param size \f$S\f$, the collective's buffer as nccl-tests counts it (see CollectiveInput), B
/// @param time \f$t\f$, the measured or modelled time, s
/// @pre size >= 0 and finite; time > 0 and finite
/// @throws invalid_input "algorithm bandwidth: <parameter> must ..." on bad input
/// @return algbw, B/s
[[nodiscard]] inline Bandwidth algorithm_bandwidth(Bytes size, Seconds time) {
  require_non_negative("algorithm bandwidth", "size", size);
  require_positive("algorithm bandwidth", "time", time);
  const Bandwidth algbw = size / time;
  require_finite("algorithm bandwidth", "algbw", algbw);
  return algbw;
}

/// @brief One timed collective, as nccl-tests reports it.
struct CollectiveTiming {
  Collective op = Collective::allreduce;  ///< the collective
  int ranks = 1;                          ///< \f$p\f$
  Bytes size{};   ///< \f$S\f$, the buffer as nccl-tests counts it (see CollectiveInput), B
  Seconds time{};  ///< \f$t\f$, measured or modelled, s
};

/// @brief Bus bandwidth \f$\text{busbw} = \text{algbw} \times\f$ bus_bandwidth_factor(op, p)
/// (nccl-tests doc/PERFORMANCE.md).
///
/// For the ring all-reduce model, busbw tends to the link bandwidth \f$\beta\f$ as messages
/// grow: \f$S/(2S(p-1)/(p\beta)) \cdot 2(p-1)/p = \beta\f$.
/// @param timing the collective, \f$p\f$, \f$S\f$ (B) and \f$t\f$ (s)
/// @pre ranks >= 1; size >= 0; time > 0; all finite
/// @throws invalid_input on bad input
/// @return busbw, B/s
/// @see algorithm_bandwidth, bus_bandwidth_factor
[[nodiscard]] inline Bandwidth bus_bandwidth(const CollectiveTiming& timing) {
  const double factor = bus_bandwidth_factor(timing.op, timing.ranks);
  return factor * algorithm_bandwidth(timing.size, timing.time);
}

/// @}

}  // namespace paradox::comm
