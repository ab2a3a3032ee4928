// Shared fixtures of the decentralized tests: dense eigenvalues for reference, and rapidcheck
// generators of small connected graphs.
#pragma once

#include <rapidcheck.h>

#include <Eigen/Eigenvalues>
#include <cstdint>

#include "paradox/decentralized/decentralized.hpp"

namespace decentralized_test {

using namespace paradox::decentralized;

// Every eigenvalue of a symmetric matrix, ascending.
inline Eigen::VectorXd eigenvalues(const MixingMatrix& w) {
  return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(Eigen::MatrixXd(w), Eigen::EigenvaluesOnly)
      .eigenvalues();
}

// A small random graph of one of the seven topologies (possibly disconnected for the random
// ones), from rapidcheck's choices.
inline Graph any_small_graph() {
  const int n = *rc::gen::inRange(3, 40);
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  switch (*rc::gen::inRange(0, 7)) {
    case 0: return ring(n);
    case 1: return torus(*rc::gen::inRange(1, 7), *rc::gen::inRange(1, 7));
    case 2: return complete(n);
    case 3: return star(n);
    case 4: {
      const int d = *rc::gen::inRange(1, n);
      return random_regular(n % 2 == 0 || d % 2 == 0 ? n : n + 1, d, seed);
    }
    case 5: return random_geometric(n, 0.1 + 0.9 * *rc::gen::inRange(0, 100) / 100.0, seed);
    default: return erdos_renyi(n, *rc::gen::inRange(0, 101) / 100.0, seed);
  }
}

}  // namespace decentralized_test
