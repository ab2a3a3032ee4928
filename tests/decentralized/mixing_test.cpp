#include "paradox/decentralized/mixing.hpp"

#include <catch2/catch.hpp>

#include "decentralized/decentralized_test_support.hpp"

using namespace paradox;
using namespace paradox::decentralized;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// The path 0 - 1 - 2: degrees 1, 2, 1, where the weight rules differ.
const Graph& path3() {
  static const Graph g = from_edges(3, {{0, 1}, {1, 2}});
  return g;
}

}  // namespace

TEST_CASE("Metropolis weights 1/(1 + max(d_i, d_j)) (Xiao & Boyd 2004, sec. 4.2)") {
  const MixingMatrix w = mixing_matrix(path3(), Weights::metropolis);
  CHECK_THAT(w.coeff(0, 1), WithinRel(1.0 / 3.0, 1e-15));
  CHECK_THAT(w.coeff(1, 2), WithinRel(1.0 / 3.0, 1e-15));
  CHECK_THAT(w.coeff(0, 0), WithinRel(2.0 / 3.0, 1e-15));
  CHECK_THAT(w.coeff(1, 1), WithinRel(1.0 / 3.0, 1e-15));
  CHECK(w.coeff(0, 2) == 0.0);
  // Ring: W = I/3 + A/3.
  const MixingMatrix r = mixing_matrix(ring(5), Weights::metropolis);
  CHECK_THAT(r.coeff(2, 3), WithinRel(1.0 / 3.0, 1e-15));
  CHECK_THAT(r.coeff(2, 2), WithinRel(1.0 / 3.0, 1e-15));
}

TEST_CASE("the Metropolis-Hastings chain drops the +1 (Boyd, Diaconis & Xiao 2004)") {
  const MixingMatrix w = mixing_matrix(path3(), Weights::metropolis_hastings_chain);
  CHECK(w.coeff(0, 1) == 0.5);
  CHECK(w.coeff(0, 0) == 0.5);
  CHECK(w.coeff(1, 1) == 0.0);
  // On a regular graph the diagonal is zero: W = A/d.
  const MixingMatrix r = mixing_matrix(ring(6), Weights::metropolis_hastings_chain);
  CHECK(r.coeff(3, 3) == 0.0);
  CHECK(r.coeff(3, 4) == 0.5);
}

TEST_CASE("max-degree weights: 1/(d_max + 1), and 1/d_max for the chain") {
  const MixingMatrix w = mixing_matrix(star(5), Weights::max_degree);
  CHECK_THAT(w.coeff(0, 3), WithinRel(0.2, 1e-15));
  CHECK_THAT(w.coeff(0, 0), WithinRel(0.2, 1e-14));
  CHECK_THAT(w.coeff(3, 3), WithinRel(0.8, 1e-15));
  const MixingMatrix c = mixing_matrix(path3(), Weights::max_degree_chain);
  CHECK(c.coeff(0, 1) == 0.5);
  CHECK(c.coeff(1, 1) == 0.0);
}

TEST_CASE("lazy Metropolis is (I + W)/2") {
  const MixingMatrix w = mixing_matrix(path3(), Weights::metropolis);
  const MixingMatrix l = mixing_matrix(path3(), Weights::lazy_metropolis);
  CHECK_THAT(l.coeff(0, 0), WithinRel(0.5 * (1.0 + 2.0 / 3.0), 1e-15));
  CHECK_THAT(l.coeff(0, 1), WithinRel(1.0 / 6.0, 1e-15));
  CHECK((Eigen::MatrixXd(lazy(w)) - Eigen::MatrixXd(l)).norm() == 0.0);
}

TEST_CASE("expected pairwise gossip matrix (Boyd, Ghosh, Prabhakar & Shah 2006, sec. II-B)") {
  // Path: P_01 = 1, P_10 = 1/2, P_12 = 1/2, P_21 = 1; N = 3, so W_01 = (1 + 1/2)/6 = 1/4.
  const MixingMatrix w = pairwise_gossip_expected(path3());
  CHECK_THAT(w.coeff(0, 1), WithinRel(0.25, 1e-15));
  CHECK_THAT(w.coeff(1, 2), WithinRel(0.25, 1e-15));
  CHECK_THAT(w.coeff(0, 0), WithinRel(0.75, 1e-15));
  CHECK_THAT(w.coeff(1, 1), WithinRel(0.5, 1e-15));
  // Complete graph of N: W = I - (1/(N(N-1))) L, eigenvalues 1 and 1 - 1/(N-1).
  const Eigen::VectorXd ev = decentralized_test::eigenvalues(pairwise_gossip_expected(complete(6)));
  CHECK_THAT(ev(0), WithinAbs(1.0 - 1.0 / 5.0, 1e-14));
  CHECK_THAT(ev(4), WithinAbs(1.0 - 1.0 / 5.0, 1e-14));
}

TEST_CASE("check_mixing flags asymmetry and rows that do not sum to 1") {
  Eigen::MatrixXd bad(2, 2);
  bad << 0.5, 0.5, 0.25, 0.75;  // rows sum to 1, columns to 0.75 and 1.25
  const MixingCheck c = check_mixing(bad.sparseView());
  CHECK_FALSE(c.symmetric);
  CHECK_FALSE(c.doubly_stochastic);
  CHECK_THAT(c.symmetry_error, WithinAbs(0.25, 1e-15));
  CHECK_THAT(c.column_sum_error, WithinAbs(0.25, 1e-15));
  CHECK(c.row_sum_error == 0.0);
  Eigen::MatrixXd negative(2, 2);
  negative << 1.5, -0.5, -0.5, 1.5;
  CHECK_FALSE(check_mixing(negative.sparseView()).doubly_stochastic);
  CHECK(check_mixing(mixing_matrix(ring(9), Weights::metropolis)).doubly_stochastic);
}

TEST_CASE("mixing: invalid input is named") {
  CHECK_THROWS_WITH(mixing_matrix(Graph{}, Weights::metropolis),
                    "mixing matrix: nodes must be >= 1 (got 0)");
  CHECK_THROWS_WITH(pairwise_gossip_expected(Graph{}),
                    "pairwise gossip matrix: nodes must be >= 1 (got 0)");
  CHECK_THROWS_WITH(check_mixing(mixing_matrix(ring(3), Weights::metropolis), -1.0),
                    "mixing check: tolerance must be >= 0 and finite (got -1)");
  CHECK_THROWS_WITH(check_mixing(MixingMatrix(3, 2)), "mixing check: columns must be 3 (got 2)");
  CHECK_THROWS_WITH(lazy(MixingMatrix(3, 2)), "lazy mixing matrix: columns must be 3 (got 2)");
}

TEST_CASE("property: every rule gives a symmetric, doubly stochastic matrix") {
  REQUIRE(rc::check("W symmetric, rows and columns sum to 1, entries >= 0", [] {
    const Graph g = decentralized_test::any_small_graph();
    for (const Weights rule : all_weights) {
      const MixingCheck c = check_mixing(mixing_matrix(g, rule), 1e-12);
      RC_ASSERT(c.symmetric);
      RC_ASSERT(c.doubly_stochastic);
    }
    RC_ASSERT(check_mixing(pairwise_gossip_expected(g), 1e-12).doubly_stochastic);
  }));
}

TEST_CASE("property: a lazy variant never has a negative eigenvalue") {
  REQUIRE(rc::check("lambda_min((I + W)/2) >= 0 for every rule", [] {
    const Graph g = decentralized_test::any_small_graph();
    for (const Weights rule : all_weights) {
      const Eigen::VectorXd ev = decentralized_test::eigenvalues(lazy(mixing_matrix(g, rule)));
      RC_ASSERT(ev(0) >= -1e-12);
    }
    RC_ASSERT(decentralized_test::eigenvalues(mixing_matrix(g, Weights::lazy_metropolis))(0) >=
              -1e-12);
    // The pairwise-gossip expectation is an average of projections: PSD as well.
    RC_ASSERT(decentralized_test::eigenvalues(pairwise_gossip_expected(g))(0) >= -1e-12);
  }));
}
