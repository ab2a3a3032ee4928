/// @file
/// @brief Data-centre energy of one collective: bytes on the links x the link's energy per bit,
/// plus the accelerators' power over the collective's time.
#pragma once

#include <string>
#include <string_view>

#include "paradox/comm/bus_bandwidth.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief One collective on a data-centre fabric and the power its accelerators draw meanwhile.
struct CollectiveEnergyInput {
  comm::CollectiveInput collective{};  ///< allreduce, reducescatter or allgather; its link's
                                       ///< energy_per_bit prices the bytes
  Watts accelerator_power{};  ///< one accelerator's draw during the collective (e.g. its TDP)
};

/// @brief Energy of one collective, by part.
struct CollectiveEnergy {
  Seconds time{};             ///< comm::cost(collective).time()
  Bytes bytes_on_links{};     ///< \f$p \cdot f(p) \cdot n\f$, all ranks' sends
  Joules links{};             ///< bytes_on_links x link.energy_per_bit
  Joules accelerators{};      ///< \f$p \cdot P_{acc} \cdot T\f$
  Joules total{};             ///< links + accelerators
};

/// @brief Energy of an all-reduce (or reduce-scatter, all-gather):
/// \f$ E = p \, f(p) \, n \cdot e_{bit} + p \, P_{acc} \, T \f$.
///
/// Each rank of a bandwidth-optimal algorithm sends \f$f(p)\,n\f$ bytes, \f$f = 2(p-1)/p\f$ for
/// all-reduce and \f$(p-1)/p\f$ for reduce-scatter and all-gather (Patarasuk & Yuan 2009,
/// "Bandwidth optimal all-reduce algorithms for clusters of workstations"; the same factor
/// as nccl-tests' bus bandwidth, comm::bus_bandwidth_factor). The bytes are priced at the
/// link's energy per bit (MODELS.md sec. 9: NVLink / InfiniBand pJ/bit) whatever the
/// algorithm chosen for the time; a hierarchical collective's bytes are all priced at `link`
/// (an upper bound when the intra-node link is cheaper). T is comm::cost(collective).time().
/// @param in the collective and the accelerator power
/// @return the parts; 1 GB over 8 ranks on IB NDR (10 pJ/bit, 50 GB/s) at 700 W: 14 GB on the
///   links = 1.12 J, 8 x 700 W x 35 ms = 196 J
/// @pre the op is allreduce, reducescatter or allgather; accelerator_power >= 0; the link's
///   energy_per_bit >= 0; the collective's own preconditions (comm::cost)
/// @throws invalid_input "collective energy: op must be allreduce, reducescatter or allgather
///   (got broadcast)", "collective energy: accelerator_power must be >= 0 and finite (got -1 W)"
/// @see comm::cost, comm::bus_bandwidth_factor
[[nodiscard]] inline CollectiveEnergy evaluate(const CollectiveEnergyInput& in) {
  constexpr std::string_view fn = "collective energy";
  const comm::Collective op = in.collective.op;
  if (op != comm::Collective::allreduce && op != comm::Collective::reducescatter &&
      op != comm::Collective::allgather)
    throw invalid_input(fn, "op", "be allreduce, reducescatter or allgather",
                        std::string(comm::to_string(op)));
  require_non_negative(fn, "accelerator_power", in.accelerator_power);
  require_non_negative(fn, "link.energy_per_bit", in.collective.link.energy_per_bit);
  CollectiveEnergy e;
  e.time = comm::cost(in.collective).time();
  const double p = static_cast<double>(in.collective.ranks);
  e.bytes_on_links = p * comm::bus_bandwidth_factor(op, in.collective.ranks) * in.collective.message;
  e.links = in.collective.link.energy_per_bit * e.bytes_on_links;
  e.accelerators = p * in.accelerator_power * e.time;
  e.total = e.links + e.accelerators;
  return e;
}

/// @}

}  // namespace paradox::energy
