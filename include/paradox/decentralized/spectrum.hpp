/// @file
/// @brief The spectrum that sets gossip's speed: \f$\lambda_2\f$, \f$\lambda_\mathrm{min}\f$,
/// \f$\rho = \max(|\lambda_2|, |\lambda_\mathrm{min}|)\f$ and the spectral gap \f$1 - \rho\f$ of
/// a mixing matrix; dense (Eigen) for small graphs, Lanczos on the sparse matrix for
/// large ones, and the closed forms for rings, tori, complete graphs and stars.
#pragma once

#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string_view>
#include <vector>

#include "paradox/decentralized/graphs.hpp"
#include "paradox/decentralized/mixing.hpp"
#include "paradox/error.hpp"

namespace paradox::decentralized {

/// @addtogroup decentralized
/// @{

/// @brief How a spectrum was (or is to be) computed.
enum class SpectrumMethod {
  automatic,    ///< dense up to SpectrumOptions::dense_limit nodes, Lanczos beyond
  dense,        ///< every eigenvalue of the dense matrix (Eigen::SelfAdjointEigenSolver)
  lanczos,      ///< Lanczos on the sparse matrix, no restarts (spectrum())
  closed_form,  ///< a formula (ring, torus, complete graph, star)
};

/// @brief "automatic", "dense", "lanczos", "closed-form".
/// @param m the method
/// @return its spelling
[[nodiscard]] constexpr std::string_view to_string(SpectrumMethod m) {
  switch (m) {
    case SpectrumMethod::automatic:
      return "automatic";
    case SpectrumMethod::dense:
      return "dense";
    case SpectrumMethod::lanczos:
      return "lanczos";
    case SpectrumMethod::closed_form:
      return "closed-form";
  }
  return "unknown";
}

/// Largest N solved densely by SpectrumMethod::automatic. A dense symmetric eigensolve costs
/// about \f$\frac{4}{3} N^3\f$ flops (Householder tridiagonalisation): some 0.2 s at N = 1,000 on
/// one core, where Lanczos on a sparse graph takes milliseconds; both are tested to agree on
/// either side of the switch.
inline constexpr int default_dense_limit = 1000;

/// @brief Options of spectrum().
struct SpectrumOptions {
  SpectrumMethod method = SpectrumMethod::automatic;  ///< dense, lanczos or automatic
  int dense_limit = default_dense_limit;              ///< automatic: dense up to this many nodes
  double tolerance = 1e-7;     ///< Lanczos: residual bound of each end's Ritz value (|W| <= 1)
  int max_iterations = 20000;  ///< Lanczos: steps (matrix-vector products) before giving up
};

/// @brief The extreme non-trivial eigenvalues of a symmetric, doubly stochastic W.
///
/// Definitions (CLI.md): \f$\lambda_2\f$ the second largest eigenvalue (the largest is 1, on
/// the all-ones vector), \f$\lambda_\mathrm{min}\f$ the smallest,
/// \f$\rho = \max(|\lambda_2|, |\lambda_\mathrm{min}|)\f$, spectral gap \f$1 - \rho\f$. The
/// disagreement \f$\|x_t - \bar x \mathbf 1\|\f$ of \f$x \leftarrow W x\f$ shrinks by at most
/// \f$\rho\f$ per round, and by exactly \f$\rho\f$ asymptotically from a generic start (Xiao &
/// Boyd 2004, sec. 2). A disconnected graph has \f$\lambda_2 = 1\f$: gap 0, no consensus.
struct Spectrum {
  double lambda2 = 1.0;       ///< second largest eigenvalue
  double lambda_min = 1.0;    ///< smallest eigenvalue
  double rho = 1.0;           ///< \f$\max(|\lambda_2|, |\lambda_\mathrm{min}|)\f$
  double spectral_gap = 0.0;  ///< \f$1 - \rho\f$, clamped to [0, 1]
  SpectrumMethod method = SpectrumMethod::dense;  ///< how it was computed
  bool converged = true;  ///< false when Lanczos stopped before its tolerance (estimates)
};

/// @brief A Spectrum from \f$\lambda_2\f$ and \f$\lambda_\mathrm{min}\f$:
/// \f$\rho = \max(|\lambda_2|, |\lambda_\mathrm{min}|)\f$ and gap \f$1 - \rho\f$, with \f$\rho\f$
/// clamped to [0, 1] so that rounding never gives a negative gap.
/// @param lambda2 the second largest eigenvalue
/// @param lambda_min the smallest eigenvalue
/// @param method how they were computed
/// @param converged whether the solver reached its tolerance
/// @return the spectrum
/// @pre both finite
/// @throws invalid_input "spectrum: lambda2 must be finite (got nan)"
[[nodiscard]] inline Spectrum make_spectrum(double lambda2, double lambda_min,
                                            SpectrumMethod method, bool converged = true) {
  require_finite("spectrum", "lambda2", lambda2);
  require_finite("spectrum", "lambda_min", lambda_min);
  const double rho = std::clamp(std::max(std::abs(lambda2), std::abs(lambda_min)), 0.0, 1.0);
  return {.lambda2 = lambda2,
          .lambda_min = lambda_min,
          .rho = rho,
          .spectral_gap = 1.0 - rho,
          .method = method,
          .converged = converged};
}

namespace detail {

// y = (W - c J) x with J = 1 1^T / N: W with its Perron eigenvalue 1 (on the all-ones vector,
// known for a doubly stochastic W) moved to 1 - c (Wielandt deflation; Saad, "Numerical Methods
// for Large Eigenvalue Problems", sec. 4.2). With 1 - c the mean of the other eigenvalues,
// (tr W - 1)/(N - 1), it lies between lambda_min and lambda2, and both ends of the deflated
// spectrum are lambda_min and lambda2: one Lanczos run finds both.
class DeflatedMixing {
 public:
  DeflatedMixing(const MixingMatrix& w, double c) : w_(w), c_(c) {}
  [[nodiscard]] Eigen::Index rows() const { return w_.rows(); }
  [[nodiscard]] Eigen::Index cols() const { return w_.cols(); }
  void perform_op(const double* x_in, double* y_out) const {
    const Eigen::Map<const Eigen::VectorXd> x(x_in, w_.cols());
    Eigen::Map<Eigen::VectorXd> y(y_out, w_.rows());
    // W is symmetric, so W x = W^T x; the transpose of the column-major matrix multiplies as
    // one dot product per row, which runs faster than the column-major scatter into y.
    y.noalias() = w_.transpose() * x;
    y.array() -= c_ * x.mean();
  }

 private:
  const MixingMatrix& w_;
  double c_;
};

// lambda2 and lambda_min, and whether Lanczos converged.
struct LanczosEnds {
  double lambda2 = 1.0;
  double lambda_min = -1.0;
  bool converged = false;
};

// |last component| of the unit eigenvector of the symmetric tridiagonal T (diagonal a,
// off-diagonal b) for its extreme eigenvalue theta, by inverse iteration with the shift just
// outside the spectrum: sign = +1 for the top end (M = shift I - T), -1 for the bottom
// (M = T - shift I). M is then positive definite, so LDL^T without pivoting is stable.
[[nodiscard]] inline double ritz_last_component(const std::vector<double>& a,
                                                const std::vector<double>& b, double theta,
                                                double sign) {
  const std::size_t k = a.size();
  const double shift = theta + sign * 1e-12 * (1.0 + std::abs(theta));
  std::vector<double> d(k);
  std::vector<double> l(k, 0.0);
  std::vector<double> v(k, 1.0);
  for (int sweep = 0; sweep < 3; ++sweep) {
    for (std::size_t i = 0; i < k; ++i) {
      double m = sign * (shift - a[i]);
      if (i > 0) {
        const double off = -sign * b[i - 1];
        l[i] = off / d[i - 1];
        m -= l[i] * off;
        v[i] -= l[i] * v[i - 1];
      }
      d[i] = m;
    }
    for (std::size_t i = 0; i < k; ++i) v[i] /= d[i];
    for (std::size_t i = k - 1; i-- > 0;) v[i] -= l[i + 1] * v[i + 1];
    double norm = 0.0;
    for (const double x : v) norm += x * x;
    norm = std::sqrt(norm);
    if (!(norm > 0.0) || !std::isfinite(norm)) return 1.0;  // no bound: not converged
    for (double& x : v) x /= norm;
  }
  return std::abs(v[k - 1]);
}

// Lanczos without restarts or reorthogonalisation on W - cJ (DeflatedMixing): one Krylov
// sequence, three vectors of memory, both ends of the tridiagonal T_k checked as it grows.
// In floating point the basis loses orthogonality as Ritz values converge, which only repeats
// converged values ("ghosts"): the extreme eigenvalues of T_k stay within the spectrum's range
// and their residual bound beta_k |s_k| holds (Paige 1980, "Accuracy and effectiveness of the
// Lanczos algorithm for the symmetric eigenproblem"; Cullum & Willoughby 1985, "Lanczos
// Algorithms for Large Symmetric Eigenvalue Computations", ch. 4). The start vector comes from
// a fixed seed: runs are reproducible.
[[nodiscard]] inline LanczosEnds lanczos_ends(const MixingMatrix& w,
                                              const SpectrumOptions& options) {
  const Eigen::Index n = w.rows();
  const double mean_other = (w.diagonal().sum() - 1.0) / static_cast<double>(n - 1);
  if (n == 2) {  // one non-trivial eigenvalue, tr W - 1
    return {.lambda2 = mean_other, .lambda_min = mean_other, .converged = true};
  }
  const DeflatedMixing op(w, 1.0 - mean_other);
  std::mt19937_64 rng(0x5eedU);
  std::normal_distribution<double> normal;
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i) v(i) = normal(rng);
  v.normalize();
  Eigen::VectorXd previous = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd z(n);
  std::vector<double> alpha;
  std::vector<double> beta;  // beta[j] couples steps j and j + 1
  double beta_previous = 0.0;
  LanczosEnds ends;
  int next_check = 10;
  for (int step = 1; step <= options.max_iterations; ++step) {
    op.perform_op(v.data(), z.data());
    z -= beta_previous * previous;
    const double a = z.dot(v);
    z -= a * v;
    const double b = z.norm();
    alpha.push_back(a);
    const bool invariant = b <= 1e-13;  // the Krylov space is invariant: T_k is exact
    if (invariant || step == next_check || step == options.max_iterations) {
      const auto k = static_cast<Eigen::Index>(alpha.size());
      const Eigen::VectorXd diagonal = Eigen::Map<const Eigen::VectorXd>(alpha.data(), k);
      const Eigen::VectorXd off = Eigen::Map<const Eigen::VectorXd>(beta.data(), k - 1);
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> tridiagonal;
      tridiagonal.computeFromTridiagonal(diagonal, off, Eigen::EigenvaluesOnly);
      ends.lambda2 = tridiagonal.eigenvalues()(k - 1);
      ends.lambda_min = tridiagonal.eigenvalues()(0);
      if (invariant) {
        ends.converged = true;
        return ends;
      }
      const double top = b * ritz_last_component(alpha, beta, ends.lambda2, 1.0);
      const double bottom = b * ritz_last_component(alpha, beta, ends.lambda_min, -1.0);
      if (top <= options.tolerance && bottom <= options.tolerance) {
        ends.converged = true;
        return ends;
      }
      next_check = step + std::max(10, step / 10);  // a check costs O(k^2): space them out
    }
    beta.push_back(b);
    previous.swap(v);
    v = z / b;
    beta_previous = b;
  }
  return ends;
}

}  // namespace detail

/// @brief \f$\lambda_2\f$, \f$\lambda_\mathrm{min}\f$, \f$\rho\f$ and the spectral gap of a
/// symmetric, doubly stochastic mixing matrix, computed numerically.
///
/// Dense: all eigenvalues of the N x N matrix by Eigen::SelfAdjointEigenSolver (Householder
/// tridiagonalisation + implicit QL). Lanczos (Lanczos 1950) without restarts or
/// reorthogonalisation, as for extreme eigenvalues in Cullum & Willoughby (1985, ch. 4), on the
/// sparse matrix \f$W - cJ\f$, whose Perron eigenvalue 1 is moved to
/// \f$(\mathrm{tr}\,W - 1)/(N - 1)\f$, the mean of the others: both ends of its spectrum,
/// \f$\lambda_\mathrm{min}\f$ and \f$\lambda_2\f$, are the extreme eigenvalues of one growing
/// tridiagonal \f$T_k\f$. It stops when both ends' residual bounds \f$\beta_k |s_k|\f$ are
/// at most `options.tolerance` (each eigenvalue is then within the bound of the matrix's, Paige
/// 1980). Steps needed grow as \f$1/\sqrt{\text{gap}}\f$, not as \f$1/\text{gap}\f$ for a
/// restarted Lanczos with a small Krylov space: a 100,000-node random geometric graph (gap 1.6e-4)
/// takes some 500 matrix-vector products (bench/decentralized_bench.cpp). A ring of 10^5 nodes
/// (gap ~ 4e-9) is still out of reach: its closed form is ring_spectrum(). The automatic choice
/// is dense up to `options.dense_limit` nodes (default_dense_limit). When Lanczos stops at
/// `options.max_iterations` the result says `converged = false` and holds its last estimates.
/// @param w a symmetric, doubly stochastic matrix (not checked here: see check_mixing())
/// @param options method and Lanczos settings
/// @pre w square with N >= 2 rows; options.dense_limit >= 0; tolerance > 0;
///   max_iterations >= 1; method not closed_form
/// @throws invalid_input "spectrum: nodes must be >= 2 (got 1)", "spectrum: method must be
///   automatic, dense or lanczos (got closed-form)"
/// @return the spectrum, with the method used
[[nodiscard]] inline Spectrum spectrum(const MixingMatrix& w, const SpectrumOptions& options = {}) {
  constexpr std::string_view fn = "spectrum";
  require_at_least(fn, "nodes", static_cast<long long>(w.rows()), 2LL);
  if (w.rows() != w.cols())
    paradox::detail::fail(fn, "columns", "be " + std::to_string(w.rows()),
                          static_cast<long long>(w.cols()));
  require_at_least(fn, "dense limit", options.dense_limit, 0);
  require_positive(fn, "tolerance", options.tolerance);
  require_at_least(fn, "max iterations", options.max_iterations, 1);
  SpectrumMethod method = options.method;
  if (method == SpectrumMethod::closed_form)
    throw invalid_input(fn, "method", "be automatic, dense or lanczos", "closed-form");
  if (method == SpectrumMethod::automatic)
    method = w.rows() <= options.dense_limit ? SpectrumMethod::dense : SpectrumMethod::lanczos;

  if (method == SpectrumMethod::dense) {
    const Eigen::MatrixXd dense(w);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(dense, Eigen::EigenvaluesOnly);
    const Eigen::VectorXd& ev = solver.eigenvalues();  // ascending
    return make_spectrum(ev(ev.size() - 2), ev(0), SpectrumMethod::dense);
  }
  const detail::LanczosEnds ends = detail::lanczos_ends(w, options);
  return make_spectrum(std::min(ends.lambda2, 1.0), std::max(ends.lambda_min, -1.0),
                       SpectrumMethod::lanczos, ends.converged);
}

namespace detail {

// A Spectrum from a = 1 - lambda2 and b = 1 + lambda_min, each computed without cancellation,
// so that tiny gaps (a ring of 10^7 nodes: 1.3e-13) keep their digits.
[[nodiscard]] inline Spectrum spectrum_from_distances(double a, double b) {
  const double lambda2 = 1.0 - a;
  const double lambda_min = b - 1.0;
  const double from_second = lambda2 >= 0.0 ? a : 2.0 - a;  // 1 - |lambda2|
  const double from_min = lambda_min <= 0.0 ? b : 2.0 - b;  // 1 - |lambda_min|
  const double gap = std::clamp(std::min(from_second, from_min), 0.0, 1.0);
  return {.lambda2 = lambda2,
          .lambda_min = lambda_min,
          .rho = 1.0 - gap,
          .spectral_gap = gap,
          .method = SpectrumMethod::closed_form,
          .converged = true};
}

[[nodiscard]] inline bool is_chain(Weights rule) {
  return rule == Weights::metropolis_hastings_chain || rule == Weights::max_degree_chain;
}

// 2 + mu_min of the cycle C_n: 0 for even n, 4 sin^2(pi / 2n) for odd n.
[[nodiscard]] inline double ring_signless_gap(int n) {
  if (n % 2 == 0) return 0.0;
  const double s = std::sin(std::numbers::pi / (2.0 * static_cast<double>(n)));
  return 4.0 * s * s;
}

// 2 - mu_2 of the cycle C_n: 4 sin^2(pi / n).
[[nodiscard]] inline double ring_laplacian_gap(int n) {
  const double s = std::sin(std::numbers::pi / static_cast<double>(n));
  return 4.0 * s * s;
}

}  // namespace detail

/// @brief The spectrum of a weight rule on a d-regular graph from its adjacency spectrum.
///
/// Every rule puts one weight w on all edges of a regular graph: \f$W = I - w L\f$ with
/// \f$L = dI - A\f$, so each adjacency eigenvalue \f$\mu\f$ gives \f$\lambda = 1 - w(d - \mu)\f$,
/// with \f$w = 1/(d+1)\f$ (metropolis, max-degree) or \f$1/d\f$ (the chains), and
/// \f$(1 + \lambda)/2\f$ for lazy-metropolis. The inputs are the algebraic connectivity
/// \f$d - \mu_2\f$ and the signless gap \f$d + \mu_\mathrm{min}\f$ (0 for a bipartite graph), so
/// that \f$1 - \lambda_2 = w (d - \mu_2)\f$ keeps its digits when it is tiny.
/// @param laplacian_gap \f$d - \mu_2 \ge 0\f$
/// @param signless_gap \f$d + \mu_\mathrm{min} \ge 0\f$
/// @param degree d >= 1
/// @param rule the weight rule
/// @pre degree >= 1; both gaps >= 0 and finite
/// @throws invalid_input "regular graph spectrum: degree must be >= 1 (got 0)"
/// @return the spectrum (method closed_form)
[[nodiscard]] inline Spectrum regular_graph_spectrum(double laplacian_gap, double signless_gap,
                                                     int degree, Weights rule) {
  constexpr std::string_view fn = "regular graph spectrum";
  require_at_least(fn, "degree", degree, 1);
  require_non_negative(fn, "laplacian gap", laplacian_gap);
  require_non_negative(fn, "signless gap", signless_gap);
  const double d = static_cast<double>(degree);
  double a = 0.0;  // 1 - lambda2
  double b = 0.0;  // 1 + lambda_min
  if (detail::is_chain(rule)) {
    a = laplacian_gap / d;
    b = signless_gap / d;
  } else {
    a = laplacian_gap / (d + 1.0);
    b = (signless_gap + 2.0) / (d + 1.0);
  }
  if (rule == Weights::lazy_metropolis) {
    a = 0.5 * a;
    b = 1.0 + 0.5 * b;
  }
  return detail::spectrum_from_distances(a, b);
}

/// @brief Closed-form spectrum of the ring \f$C_N\f$, N >= 3.
///
/// The cycle's adjacency is circulant with eigenvalues \f$2\cos(2\pi k/N)\f$, k = 0..N-1
/// (Brouwer & Haemers, "Spectra of Graphs", sec. 1.4.3), so with Metropolis weights
/// (\f$W = I/3 + A/3\f$) \f$\lambda_k = 1/3 + (2/3)\cos(2\pi k/N)\f$: \f$\lambda_2\f$ at k = 1,
/// \f$\lambda_\mathrm{min} = -1/3\f$ for even N and \f$1/3 - (2/3)\cos(\pi/N)\f$ for odd N. The
/// gap \f$1 - \lambda_2 = (4/3)\sin^2(\pi/N) \approx 4\pi^2/(3N^2)\f$: rings mix slowly (Boyd
/// et al. 2006, sec. V).
/// @param nodes N
/// @param rule the weight rule
/// @return the spectrum (method closed_form)
/// @pre 3 <= nodes
/// @throws invalid_input "ring spectrum: nodes must be >= 3 (got 2)"
[[nodiscard]] inline Spectrum ring_spectrum(int nodes, Weights rule) {
  require_at_least("ring spectrum", "nodes", nodes, 3);
  return regular_graph_spectrum(detail::ring_laplacian_gap(nodes), detail::ring_signless_gap(nodes),
                                2, rule);
}

/// @brief Closed-form spectrum of the torus \f$C_r \times C_c\f$, r, c >= 3.
///
/// The torus is the Cartesian product of two cycles, whose adjacency eigenvalues are the sums
/// \f$2\cos(2\pi j/r) + 2\cos(2\pi k/c)\f$ (Brouwer & Haemers, sec. 1.4.6): the spectrum of a
/// product is built from the rings' spectra. Every node has degree 4, so with Metropolis
/// weights \f$W = (I + A)/5\f$ and \f$\lambda_2 = (3 + 2\cos(2\pi/\max(r, c)))/5\f$.
/// @param rows r
/// @param cols c
/// @param rule the weight rule
/// @return the spectrum (method closed_form)
/// @pre rows, cols >= 3
/// @throws invalid_input "torus spectrum: rows must be >= 3 (got 2)"
[[nodiscard]] inline Spectrum torus_spectrum(int rows, int cols, Weights rule) {
  require_at_least("torus spectrum", "rows", rows, 3);
  require_at_least("torus spectrum", "cols", cols, 3);
  return regular_graph_spectrum(detail::ring_laplacian_gap(std::max(rows, cols)),
                                detail::ring_signless_gap(rows) + detail::ring_signless_gap(cols),
                                4, rule);
}

/// @brief Closed-form spectrum of the complete graph \f$K_N\f$, N >= 2.
///
/// \f$A = \mathbf 1 \mathbf 1^T - I\f$ has eigenvalues N - 1 and -1 (N - 1 times), so with
/// Metropolis or max-degree weights \f$W = J\f$: \f$\lambda_2 = \lambda_\mathrm{min} = 0\f$ and
/// one round reaches the exact average. The chains give \f$-1/(N-1)\f$.
/// @param nodes N
/// @param rule the weight rule
/// @return the spectrum (method closed_form)
/// @pre nodes >= 2
/// @throws invalid_input "complete spectrum: nodes must be >= 2 (got 1)"
[[nodiscard]] inline Spectrum complete_spectrum(int nodes, Weights rule) {
  require_at_least("complete spectrum", "nodes", nodes, 2);
  const double n = static_cast<double>(nodes);
  return regular_graph_spectrum(n, n - 2.0, nodes - 1, rule);
}

/// @brief Closed-form spectrum of the star \f$K_{1,N-1}\f$, N >= 3 (N = 2 is \f$K_2\f$).
///
/// The star's Laplacian has eigenvalues 0, 1 (N - 2 times) and N (Brouwer & Haemers, sec.
/// 1.4.1). Every edge touches the hub of degree N - 1, so every rule puts one weight w on all
/// edges, \f$W = I - wL\f$: \f$w = 1/N\f$ (metropolis, max-degree) gives \f$\lambda_2 = 1 - 1/N\f$,
/// \f$\lambda_\mathrm{min} = 0\f$; \f$w = 1/(N-1)\f$ (the chains) gives \f$1 - 1/(N-1)\f$ and
/// \f$-1/(N-1)\f$. Gossip through a hub is slow: the gap 1/N shrinks with N, whereas the hub
/// itself could average in one round (topology.hpp).
/// @param nodes N, the hub included
/// @param rule the weight rule
/// @return the spectrum (method closed_form)
/// @pre nodes >= 2
/// @throws invalid_input "star spectrum: nodes must be >= 2 (got 1)"
[[nodiscard]] inline Spectrum star_spectrum(int nodes, Weights rule) {
  require_at_least("star spectrum", "nodes", nodes, 2);
  if (nodes == 2) return complete_spectrum(2, rule);
  const double n = static_cast<double>(nodes);
  const double w = detail::is_chain(rule) ? 1.0 / (n - 1.0) : 1.0 / n;
  double a = w;            // 1 - lambda2 = w * 1
  double b = 2.0 - w * n;  // 1 + lambda_min = 2 - w N
  if (detail::is_chain(rule)) b = (n - 2.0) / (n - 1.0);
  if (rule == Weights::lazy_metropolis) {
    a = 0.5 * a;
    b = 1.0 + 0.5 * b;
  }
  return detail::spectrum_from_distances(a, b);
}

/// @}

}  // namespace paradox::decentralized
