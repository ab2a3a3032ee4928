/// @file
/// @brief How many gossip rounds reduce the disagreement by a factor epsilon,
/// \f$\lceil \log(1/\epsilon) / \log(1/\rho) \rceil\f$, and a seeded simulation of
/// \f$x \leftarrow W x\f$ that measures the disagreement per round and its rate.
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "paradox/decentralized/mixing.hpp"
#include "paradox/decentralized/spectrum.hpp"
#include "paradox/error.hpp"

namespace paradox::decentralized {

/// @addtogroup decentralized
/// @{

/// @brief Rounds that shrink the disagreement by a factor epsilon:
/// \f$ T(\epsilon) = \lceil \log(1/\epsilon) / \log(1/\rho) \rceil \f$ (CLI.md's definition).
///
/// From \f$\|x_t - \bar x \mathbf 1\| \le \rho^t \|x_0 - \bar x \mathbf 1\|\f$ for a symmetric,
/// doubly stochastic W (Xiao & Boyd 2004, sec. 2; Boyd et al. 2006, sec. II): \f$\rho^T \le
/// \epsilon\f$. \f$\rho = 0\f$ (the complete graph with Metropolis weights) needs one round;
/// \f$\rho = 1\f$ (a disconnected graph, a bipartite chain) never converges: no value.
/// Counted in `long long` because tiny gaps (a ring of 10^6 nodes) need ~10^12 rounds.
/// @param rho the second largest eigenvalue modulus, in [0, 1]
/// @param epsilon the target reduction, in (0, 1)
/// @pre rho in [0, 1]; epsilon in (0, 1)
/// @throws invalid_input "rounds to epsilon: rho must be in [0, 1] (got 1.5)",
///   "rounds to epsilon: epsilon must be in (0, 1) (got 0)"
/// @return the rounds, or std::nullopt when rho = 1 (or the count exceeds 4e18)
[[nodiscard]] inline std::optional<long long> rounds_to_epsilon(double rho, double epsilon) {
  constexpr std::string_view fn = "rounds to epsilon";
  require_fraction(fn, "rho", rho);
  if (!(epsilon > 0.0 && epsilon < 1.0))
    paradox::detail::fail(fn, "epsilon", "be in (0, 1)", epsilon);
  if (rho == 0.0) return 1;
  if (rho >= 1.0) return std::nullopt;
  const double rounds = std::ceil(std::log(epsilon) / std::log(rho));
  if (!(rounds < 4.0e18)) return std::nullopt;
  return std::max(1LL, static_cast<long long>(rounds));
}

/// @brief rounds_to_epsilon() from a Spectrum, with \f$\log(1/\rho) = -\log(1 - g)\f$ taken
/// from the spectral gap g by log1p, which keeps its digits when g is tiny (a ring of 10^7
/// nodes has g = 1.3e-13, which \f$\rho\f$ in a double holds only to three digits).
/// @param s a spectrum
/// @param epsilon the target reduction, in (0, 1)
/// @pre s.spectral_gap in [0, 1]; epsilon in (0, 1)
/// @throws invalid_input "rounds to epsilon: spectral gap must be in [0, 1] (got 2)"
/// @return the rounds, or std::nullopt when the gap is 0
[[nodiscard]] inline std::optional<long long> rounds_to_epsilon(const Spectrum& s,
                                                                double epsilon) {
  constexpr std::string_view fn = "rounds to epsilon";
  require_fraction(fn, "spectral gap", s.spectral_gap);
  if (!(epsilon > 0.0 && epsilon < 1.0))
    paradox::detail::fail(fn, "epsilon", "be in (0, 1)", epsilon);
  if (s.spectral_gap >= 1.0) return 1;
  if (s.spectral_gap <= 0.0) return std::nullopt;
  const double rounds = std::ceil(std::log(epsilon) / std::log1p(-s.spectral_gap));
  if (!(rounds < 4.0e18)) return std::nullopt;
  return std::max(1LL, static_cast<long long>(rounds));
}

/// @brief A run of \f$x \leftarrow W x\f$.
struct ConsensusTrace {
  /// \f$\|x_t - \bar x \mathbf 1\|_2\f$ for t = 0..rounds (entry 0 is the start)
  std::vector<double> disagreement;
  double average = 0.0;  ///< \f$\bar x\f$, which W (doubly stochastic) preserves
  /// The observed rate \f$(e_L / e_{L/2})^{1/(L - L/2)}\f$ over the second half of the rounds
  /// L whose disagreement stays above \f$10^{-9} e_0\f$ (the rounding floor excluded);
  /// compare with Spectrum::rho. 0 when fewer than 2 such rounds (consensus at once).
  double observed_rate = 0.0;
};

/// @brief Simulates gossip averaging \f$x_{t+1} = W x_t\f$ from a seeded random start and
/// reports the disagreement per round.
///
/// The start is \f$x_0\f$ with entries uniform in [0, 1) from std::mt19937_64(seed) (the
/// same seed, the same run). From a generic start the error's component on the slowest
/// eigenvector dominates, so \f$e_{t+1}/e_t \to \rho\f$ (Xiao & Boyd 2004, sec. 2); the rate
/// is measured over the second half of the run, after the faster modes have died out.
/// @param w a mixing matrix
/// @param rounds T >= 1
/// @param seed the start's seed
/// @pre w square, N >= 1; 1 <= rounds <= 10^7
/// @throws invalid_input "consensus simulation: rounds must be in [1, 10000000] (got 0)"
/// @return the trace
[[nodiscard]] inline ConsensusTrace simulate(const MixingMatrix& w, int rounds,
                                             std::uint64_t seed) {
  constexpr std::string_view fn = "consensus simulation";
  require_at_least(fn, "nodes", static_cast<long long>(w.rows()), 1LL);
  if (w.rows() != w.cols())
    paradox::detail::fail(fn, "columns", "be " + std::to_string(w.rows()),
                          static_cast<long long>(w.cols()));
  require_in_range(fn, "rounds", rounds, 1, 10'000'000);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Eigen::VectorXd x(w.rows());
  for (Eigen::Index i = 0; i < x.size(); ++i) x(i) = unit(rng);
  ConsensusTrace trace;
  trace.average = x.mean();
  trace.disagreement.reserve(static_cast<std::size_t>(rounds) + 1);
  trace.disagreement.push_back((x.array() - trace.average).matrix().norm());
  Eigen::VectorXd next(x.size());
  for (int t = 0; t < rounds; ++t) {
    next.noalias() = w * x;
    x.swap(next);
    trace.disagreement.push_back((x.array() - trace.average).matrix().norm());
  }
  // The rate is read above the rounding floor: rounds whose disagreement is still above
  // 1e-9 of the start (below it, ~1e-16 residue of the mean, not the decay, is measured).
  const double floor = 1e-9 * trace.disagreement.front();
  std::size_t last = 0;
  while (last + 1 < trace.disagreement.size() && trace.disagreement[last + 1] > floor) ++last;
  const std::size_t mid = last / 2;
  if (last >= 2 && trace.disagreement[mid] > 0.0)
    trace.observed_rate = std::pow(trace.disagreement[last] / trace.disagreement[mid],
                                   1.0 / static_cast<double>(last - mid));
  return trace;
}

/// @}

}  // namespace paradox::decentralized
