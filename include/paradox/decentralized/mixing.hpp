/// @file
/// @brief Mixing matrices for gossip averaging x <- W x: Metropolis-Hastings weights (with
/// and without the +1), max-degree weights, lazy variants, the expected matrix of randomized
/// pairwise gossip; and the check that W is symmetric and doubly stochastic.
#pragma once

#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "paradox/decentralized/graphs.hpp"
#include "paradox/error.hpp"

namespace paradox::decentralized {

/// @addtogroup decentralized
/// @{

/// @brief A mixing matrix: N x N, sparse, on plain doubles.
using MixingMatrix = Eigen::SparseMatrix<double>;

/// @brief How the weights on a graph's edges are chosen. Every rule gives a symmetric, doubly
/// stochastic W with \f$W_{ij} > 0\f$ only on edges and the diagonal, and
/// \f$W_{ii} = 1 - \sum_{j \ne i} W_{ij}\f$.
///
/// The sources disagree on a +1 in the denominators; both conventions are here, by name.
enum class Weights {
  /// \f$W_{ij} = 1/(1 + \max(d_i, d_j))\f$: Xiao & Boyd 2004, "Fast linear iterations for
  /// distributed averaging" (Systems & Control Letters 53), sec. 4.2, "Metropolis-Hastings
  /// weights"; also Xiao, Boyd & Lall 2005. Every \f$W_{ii} > 0\f$, so W converges on every
  /// connected graph. The `--weights metropolis` of `paradox gossip`.
  metropolis,
  /// \f$W_{ij} = 1/\max(d_i, d_j)\f$, without the +1: the Metropolis-Hastings chain of Boyd,
  /// Diaconis & Xiao 2004, "Fastest mixing Markov chain on a graph" (SIAM Review 46), sec. 1.3.
  /// On a regular graph \f$W_{ii} = 0\f$, and on a bipartite one (an even ring, a torus of
  /// even sides, a star) \f$\lambda_\mathrm{min} = -1\f$: no convergence.
  metropolis_hastings_chain,
  /// \f$W_{ij} = 1/(d_\mathrm{max} + 1)\f$ on every edge: the maximum-degree weights with the
  /// +1 that keep \f$W_{ii} > 0\f$ (e.g. Olfati-Saber, Fax & Murray 2007, "Consensus and
  /// cooperation in networked multi-agent systems", Proc. IEEE 95, with step
  /// \f$\epsilon = 1/(d_\mathrm{max}+1) < 1/d_\mathrm{max}\f$).
  max_degree,
  /// \f$W_{ij} = 1/d_\mathrm{max}\f$: the maximum-degree chain of Boyd, Diaconis & Xiao 2004
  /// (sec. 1.3) and Xiao & Boyd 2004 sec. 4.1 (\f$\alpha = 1/d_\mathrm{max}\f$); periodic on
  /// regular bipartite graphs.
  max_degree_chain,
  /// \f$(I + W_\mathrm{metropolis})/2\f$: the lazy Metropolis walk; its eigenvalues are
  /// \f$(1 + \lambda)/2 \in [0, 1]\f$, never negative.
  lazy_metropolis,
};

/// @brief The CLI spelling: "metropolis", "metropolis-hastings-chain", "max-degree",
/// "max-degree-chain", "lazy-metropolis".
/// @param w the rule
/// @return its spelling
[[nodiscard]] constexpr std::string_view to_string(Weights w) {
  switch (w) {
    case Weights::metropolis: return "metropolis";
    case Weights::metropolis_hastings_chain: return "metropolis-hastings-chain";
    case Weights::max_degree: return "max-degree";
    case Weights::max_degree_chain: return "max-degree-chain";
    case Weights::lazy_metropolis: return "lazy-metropolis";
  }
  return "unknown";
}

/// Every weight rule, in the order of the enumeration.
inline constexpr Weights all_weights[] = {Weights::metropolis, Weights::metropolis_hastings_chain,
                                          Weights::max_degree, Weights::max_degree_chain,
                                          Weights::lazy_metropolis};

namespace detail {

// W from a weight per edge; the diagonal takes the rest of each row.
template <class EdgeWeight>
[[nodiscard]] MixingMatrix from_edge_weights(const Graph& g, EdgeWeight weight) {
  std::vector<double> row_sum(static_cast<std::size_t>(g.nodes), 0.0);
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(2 * g.edges.size() + static_cast<std::size_t>(g.nodes));
  for (const Edge& e : g.edges) {
    const double w = weight(e);
    triplets.emplace_back(e.u, e.v, w);
    triplets.emplace_back(e.v, e.u, w);
    row_sum[static_cast<std::size_t>(e.u)] += w;
    row_sum[static_cast<std::size_t>(e.v)] += w;
  }
  for (int i = 0; i < g.nodes; ++i) {
    const double self = 1.0 - row_sum[static_cast<std::size_t>(i)];
    // Exact zeros stay out of the pattern; rounding residue of ~1e-16 is kept as it is.
    if (self != 0.0) triplets.emplace_back(i, i, self);
  }
  MixingMatrix w(g.nodes, g.nodes);
  w.setFromTriplets(triplets.begin(), triplets.end());
  w.makeCompressed();
  return w;
}

}  // namespace detail

/// @brief The lazy version of a mixing matrix: \f$(I + W)/2\f$.
///
/// Keeps symmetry and double stochasticity and maps each eigenvalue \f$\lambda\f$ to
/// \f$(1 + \lambda)/2\f$, so \f$\lambda_\mathrm{min} \ge 0\f$ whenever \f$\lambda \ge -1\f$
/// (Levin, Peres & Wilmer, "Markov Chains and Mixing Times", sec. 1.3).
/// @param w a square matrix
/// @pre w square
/// @throws invalid_input "lazy mixing matrix: columns must be 3 (got 2)"
/// @return \f$(I + W)/2\f$
[[nodiscard]] inline MixingMatrix lazy(const MixingMatrix& w) {
  if (w.rows() != w.cols())
    paradox::detail::fail("lazy mixing matrix", "columns", "be " + std::to_string(w.rows()),
                          static_cast<long long>(w.cols()));
  MixingMatrix identity(w.rows(), w.cols());
  identity.setIdentity();
  MixingMatrix out = 0.5 * (identity + w);
  out.makeCompressed();
  return out;
}

/// @brief The mixing matrix of a graph under a weight rule (see Weights for each formula).
/// @param g the graph
/// @param rule the weight rule
/// @pre g has at least one node
/// @throws invalid_input "mixing matrix: nodes must be >= 1 (got 0)"
/// @return W, symmetric and doubly stochastic
[[nodiscard]] inline MixingMatrix mixing_matrix(const Graph& g, Weights rule) {
  require_at_least("mixing matrix", "nodes", g.nodes, 1);
  const std::vector<int> d = degrees(g);
  const auto deg = [&d](int i) { return static_cast<double>(d[static_cast<std::size_t>(i)]); };
  const double d_max = static_cast<double>(*std::max_element(d.begin(), d.end()));
  switch (rule) {
    case Weights::metropolis:
      return detail::from_edge_weights(
          g, [&](const Edge& e) { return 1.0 / (1.0 + std::max(deg(e.u), deg(e.v))); });
    case Weights::metropolis_hastings_chain:
      return detail::from_edge_weights(
          g, [&](const Edge& e) { return 1.0 / std::max(deg(e.u), deg(e.v)); });
    case Weights::max_degree:
      return detail::from_edge_weights(g, [&](const Edge&) { return 1.0 / (d_max + 1.0); });
    case Weights::max_degree_chain:
      return detail::from_edge_weights(g, [&](const Edge&) { return 1.0 / d_max; });
    case Weights::lazy_metropolis:
      return lazy(mixing_matrix(g, Weights::metropolis));
  }
  return mixing_matrix(g, Weights::metropolis);
}

/// @brief The expected matrix of randomized pairwise gossip with a uniformly chosen
/// neighbour:
/// \f$ \bar W = I - \frac{1}{2N} \sum_{i,j} P_{ij} (e_i - e_j)(e_i - e_j)^T \f$,
/// \f$P_{ij} = 1/d_i\f$ for each neighbour j of i.
///
/// Boyd, Ghosh, Prabhakar & Shah 2006, "Randomized Gossip Algorithms" (IEEE Trans. Inf.
/// Theory 52), sec. II-B: at each tick one node i, uniform among N, wakes, picks neighbour j
/// with probability \f$P_{ij}\f$, and both replace their values by the average. Off the
/// diagonal \f$\bar W_{ij} = (P_{ij} + P_{ji})/(2N)\f$. Its \f$\lambda_2\f$ bounds the
/// convergence per tick (one pairwise exchange): about N ticks make one synchronous round.
/// Every \f$\bar W\f$ is positive semi-definite (an average of projections).
/// @param g the graph
/// @pre g has at least one node
/// @throws invalid_input "pairwise gossip matrix: nodes must be >= 1 (got 0)"
/// @return \f$\bar W\f$, symmetric and doubly stochastic
[[nodiscard]] inline MixingMatrix pairwise_gossip_expected(const Graph& g) {
  require_at_least("pairwise gossip matrix", "nodes", g.nodes, 1);
  const std::vector<int> d = degrees(g);
  const double two_n = 2.0 * static_cast<double>(g.nodes);
  return detail::from_edge_weights(g, [&](const Edge& e) {
    return (1.0 / d[static_cast<std::size_t>(e.u)] + 1.0 / d[static_cast<std::size_t>(e.v)]) /
           two_n;
  });
}

/// @brief How far a matrix is from symmetric and doubly stochastic.
struct MixingCheck {
  double symmetry_error = 0.0;    ///< \f$\max_{ij} |W_{ij} - W_{ji}|\f$
  double row_sum_error = 0.0;     ///< \f$\max_i |\sum_j W_{ij} - 1|\f$
  double column_sum_error = 0.0;  ///< \f$\max_j |\sum_i W_{ij} - 1|\f$
  double min_entry = 0.0;         ///< the smallest stored entry (negative: not stochastic)
  bool symmetric = false;         ///< symmetry_error <= tolerance
  bool doubly_stochastic = false; ///< sums within tolerance and no entry below -tolerance
};

/// @brief Checks that W is symmetric and doubly stochastic within a tolerance.
/// @param w a square matrix
/// @param tolerance the accepted absolute error
/// @pre w square and non-empty; tolerance >= 0 and finite
/// @throws invalid_input "mixing check: tolerance must be >= 0 and finite (got -1)"
/// @return the errors and the verdicts
[[nodiscard]] inline MixingCheck check_mixing(const MixingMatrix& w, double tolerance = 1e-12) {
  constexpr std::string_view fn = "mixing check";
  require_non_negative(fn, "tolerance", tolerance);
  require_at_least(fn, "rows", static_cast<long long>(w.rows()), 1LL);
  if (w.rows() != w.cols())
    paradox::detail::fail(fn, "columns", "be " + std::to_string(w.rows()),
                          static_cast<long long>(w.cols()));
  MixingCheck c;
  const MixingMatrix wt = w.transpose();
  const MixingMatrix asymmetry = w - wt;
  c.symmetry_error = asymmetry.nonZeros() == 0 ? 0.0 : asymmetry.coeffs().abs().maxCoeff();
  Eigen::VectorXd rows = Eigen::VectorXd::Zero(w.rows());
  Eigen::VectorXd cols = Eigen::VectorXd::Zero(w.cols());
  double min_entry = 0.0;
  for (int k = 0; k < w.outerSize(); ++k)
    for (MixingMatrix::InnerIterator it(w, k); it; ++it) {
      rows(it.row()) += it.value();
      cols(it.col()) += it.value();
      min_entry = std::min(min_entry, it.value());
    }
  c.row_sum_error = (rows.array() - 1.0).abs().maxCoeff();
  c.column_sum_error = (cols.array() - 1.0).abs().maxCoeff();
  c.min_entry = min_entry;
  c.symmetric = c.symmetry_error <= tolerance;
  c.doubly_stochastic = c.row_sum_error <= tolerance && c.column_sum_error <= tolerance &&
                        min_entry >= -tolerance;
  return c;
}

/// @}

}  // namespace paradox::decentralized
