/// @file
/// @brief The communication family: point-to-point messages, collectives and their algorithms,
/// the collective facade with `auto`, and nccl-tests bus bandwidth.
#pragma once

#include "paradox/comm/all_to_all.hpp"
#include "paradox/comm/bus_bandwidth.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/comm/cost_terms.hpp"
#include "paradox/comm/double_binary_tree.hpp"
#include "paradox/comm/hierarchical.hpp"
#include "paradox/comm/in_network.hpp"
#include "paradox/comm/point_to_point.hpp"
#include "paradox/comm/rabenseifner.hpp"
#include "paradox/comm/recursive_doubling.hpp"
#include "paradox/comm/ring.hpp"
#include "paradox/comm/tree.hpp"

namespace paradox::comm {

/// @defgroup comm Communication
/// @brief Alpha-beta(-gamma) models of point-to-point messages and collectives (ring, trees,
/// recursive doubling, Rabenseifner, hierarchical, in-network), and nccl-tests bus bandwidth.
///
/// Notation (Thakur, Rabenseifner & Gropp, IJHPCA 19(1), 2005): \f$p\f$ ranks, \f$n\f$ bytes,
/// \f$\alpha\f$ latency per message, \f$\beta\f$ per-direction bandwidth of one rank's link
/// (the paper's \f$\beta\f$ is its inverse, seconds per byte), \f$\gamma\f$ seconds per byte
/// reduced. Every model costs zero for \f$p = 1\f$.
///
/// Every model is an input struct that takes a paradox::Link (`.bandwidth` per direction,
/// `.latency` per message) and a `terms()` overload returning its CostTerms, where its formula,
/// source and checks are documented once; the one generic comm::time(input) sums the terms.
/// Headers, one algorithm family each: point_to_point.hpp (Hockney, crossover size), ring.hpp,
/// tree.hpp (textbook unpipelined trees), double_binary_tree.hpp (NCCL's two-tree),
/// recursive_doubling.hpp, rabenseifner.hpp, hierarchical.hpp (two levels, shared NICs),
/// in_network.hpp (NVLS / SHARP), all_to_all.hpp; collectives.hpp is the facade (collective +
/// algorithm, `auto` picks the cheapest, CollectiveCost) and bus_bandwidth.hpp converts a time
/// into nccl-tests' algorithm and bus bandwidth.
///
/// Conventions: a link's bandwidth is per direction (NVLink 4 is 450 GB/s here, 900 GB/s
/// bidirectional; see bidirectional_bandwidth()). The MLSys textbook's names map as follows:
/// "recursive halving-doubling" / "butterfly" is Algorithm::rabenseifner (both spellings are
/// accepted by parse_algorithm, see algorithm_aliases), its "tree broadcast" at
/// \f$2\log_2 p\,\alpha + n/\beta\f$ is the double binary tree, and its "tree" all-reduce
/// is Algorithm::tree. The docs page "Communication" lists where paradox and the textbook
/// differ.
///
/// Example: the ring all-reduce of 1 GB over 8 ranks at 50 GB/s and 500 ns (35.007 ms):
/// @code
/// using namespace paradox;
/// const Seconds t = comm::time(comm::RingAllReduce{
///     .message = 1.0 * gigabytes,
///     .ranks = 8,
///     .link = {.bandwidth = 50.0 * gigabytes_per_second, .latency = 500.0 * nanoseconds}});
/// @endcode
/// @{
/// @}

}  // namespace paradox::comm
