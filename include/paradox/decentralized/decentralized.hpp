/// @file
/// @brief The decentralized family: communication graphs, mixing matrices, their spectrum
/// (spectral gap), rounds of gossip to a target, and star-vs-mesh synchronisation.
#pragma once

#include "paradox/decentralized/broadcast_schedule.hpp"
#include "paradox/decentralized/convergence.hpp"
#include "paradox/decentralized/graphs.hpp"
#include "paradox/decentralized/mixing.hpp"
#include "paradox/decentralized/spectrum.hpp"
#include "paradox/decentralized/topology.hpp"

namespace paradox::decentralized {

/// @defgroup decentralized Decentralized learning
/// @brief Gossip averaging on a graph: seeded graph generators, Metropolis-Hastings and
/// max-degree mixing matrices, \f$\lambda_2\f$, \f$\lambda_\mathrm{min}\f$, \f$\rho\f$, the
/// spectral gap and the rounds to a target disagreement; a star through a central node
/// against gossip on a mesh.
///
/// Notation (MODELS.md sec. 8): a graph of N nodes with degrees \f$d_i\f$; a symmetric, doubly
/// stochastic mixing matrix W; one gossip round \f$x \leftarrow W x\f$;
/// \f$\rho = \max(|\lambda_2|, |\lambda_\mathrm{min}|)\f$ its second largest eigenvalue
/// modulus; the disagreement \f$\|x_t - \bar x \mathbf 1\|\f$ shrinks as \f$\rho^t\f$ (Xiao &
/// Boyd 2004), so \f$\lceil \log(1/\epsilon)/\log(1/\rho) \rceil\f$ rounds reduce it by
/// \f$\epsilon\f$.
///
/// Headers:
/// - graphs.hpp: Graph (edge list + Eigen sparse adjacency), ring(), torus(), complete(),
///   star(), random_regular() (pairing with Steger-Wormald repair), random_geometric(),
///   erdos_renyi() (Batagelj-Brandes skipping), all seeded with std::mt19937_64; degrees(),
///   component_count(), is_connected();
/// - mixing.hpp: Weights (metropolis with the +1 of Xiao & Boyd, the Metropolis-Hastings chain
///   without it, max-degree with and without it, lazy-metropolis), mixing_matrix(), lazy(),
///   pairwise_gossip_expected() (Boyd et al. 2006), check_mixing();
/// - spectrum.hpp: spectrum() (dense Eigen up to default_dense_limit nodes, Lanczos without
///   restarts beyond), and the closed forms ring_spectrum(), torus_spectrum(),
///   complete_spectrum(), star_spectrum();
/// - convergence.hpp: rounds_to_epsilon(), simulate() (x <- W x from a seeded start);
/// - topology.hpp: evaluate() of a StarSync (through a central) and of a MeshGossip;
/// - broadcast_schedule.hpp: broadcast_schedule(), the slots of a gossip round on one shared
///   channel with spatial reuse (a distance-2 colouring, Ramanathan & Lloyd 1993).
///
/// Numerics: Eigen on plain doubles inside, bytes as quantities at the boundary. The family
/// does not include the iostreams.
///
/// Example: 100 hearables on a random 4-regular graph, Metropolis weights:
/// @code
/// using namespace paradox;
/// const decentralized::Graph g = decentralized::random_regular(100, 4, 42);
/// const decentralized::Spectrum s = decentralized::spectrum(
///     decentralized::mixing_matrix(g, decentralized::Weights::metropolis));
/// const auto rounds = decentralized::rounds_to_epsilon(s, 1e-3);  // 46 rounds (gap 0.141)
/// @endcode
/// @{
/// @}

}  // namespace paradox::decentralized
