#include "paradox/decentralized/convergence.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "decentralized/decentralized_test_support.hpp"

using namespace paradox;
using namespace paradox::decentralized;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("rounds to epsilon: ceil(log(1/epsilon)/log(1/rho)) (CLI.md)") {
  // log(1000)/log(2) = 9.966: 10 rounds.
  CHECK(rounds_to_epsilon(0.5, 1e-3) == 10);
  // Ring of 10, Metropolis: rho = 0.87268, log(1000)/0.13618 = 50.73: 51 rounds.
  CHECK(rounds_to_epsilon(0.8726779962499649, 1e-3) == 51);
  CHECK(rounds_to_epsilon(0.0, 1e-3) == 1);
  CHECK(rounds_to_epsilon(0.9, 0.5) == 7);  // log 2 / log(1/0.9) = 6.58
  CHECK_FALSE(rounds_to_epsilon(1.0, 1e-3).has_value());
  // A ring of 10^6 nodes: gap 1.3e-11, ~5e11 rounds: still counted.
  const Spectrum big = ring_spectrum(1'000'000, Weights::metropolis);
  const auto r = rounds_to_epsilon(big.rho, 1e-3);
  REQUIRE(r.has_value());
  CHECK_THAT(static_cast<double>(*r), WithinRel(std::log(1e3) / big.spectral_gap, 1e-4));
  // From the Spectrum, log1p of the gap keeps every digit: 10^7 nodes, gap 1.3167e-13.
  const Spectrum huge = ring_spectrum(10'000'000, Weights::metropolis);
  CHECK_THAT(huge.spectral_gap, WithinRel(4.0 / 3.0 * std::pow(std::sin(std::numbers::pi / 1e7), 2), 1e-12));
  const auto rh = rounds_to_epsilon(huge, 1e-3);
  REQUIRE(rh.has_value());
  CHECK_THAT(static_cast<double>(*rh), WithinRel(std::log(1e3) / huge.spectral_gap, 1e-9));
  CHECK(rounds_to_epsilon(ring_spectrum(10, Weights::metropolis), 1e-3) == 51);
  CHECK(rounds_to_epsilon(complete_spectrum(10, Weights::metropolis), 1e-3) == 1);
  CHECK_FALSE(rounds_to_epsilon(ring_spectrum(10, Weights::max_degree_chain), 1e-3).has_value());
}

TEST_CASE("simulation of x <- W x decays at the predicted rate rho") {
  // Ring of 20 (Metropolis): rho = 1/3 + (2/3) cos(pi/10) = 0.96726; the next eigenvalue
  // 0.87268 dies out fast, so the measured rate matches rho to 1e-4 over 400 rounds.
  const MixingMatrix w = mixing_matrix(ring(20), Weights::metropolis);
  const Spectrum s = ring_spectrum(20, Weights::metropolis);
  const ConsensusTrace t = simulate(w, 400, 7);
  REQUIRE(t.disagreement.size() == 401);
  CHECK_THAT(t.observed_rate, WithinAbs(s.rho, 1e-4));
  // Every round obeys the bound e_t <= rho^t e_0 and never grows.
  for (std::size_t k = 1; k < t.disagreement.size(); ++k) {
    CHECK(t.disagreement[k] <= t.disagreement[k - 1] * s.rho * (1 + 1e-9));
    CHECK(t.disagreement[k] <= std::pow(s.rho, static_cast<double>(k)) * t.disagreement[0] * (1 + 1e-9));
  }
  // Torus 8 x 12: rho = (3 + 2 cos(pi/6))/5.
  const ConsensusTrace tt = simulate(mixing_matrix(torus(8, 12), Weights::metropolis), 400, 3);
  CHECK_THAT(tt.observed_rate, WithinAbs(torus_spectrum(8, 12, Weights::metropolis).rho, 1e-3));
  // A random 4-regular graph: the rate approaches rho from below (nearby eigenvalues).
  const MixingMatrix rr = mixing_matrix(random_regular(500, 4, 9), Weights::metropolis);
  const double rho = spectrum(rr).rho;
  const double rate = simulate(rr, 300, 1).observed_rate;
  CHECK(rate <= rho + 1e-9);
  CHECK(rate >= rho - 0.03);
}

TEST_CASE("simulation: the average is kept, complete graphs agree in one round, seeds repeat") {
  const ConsensusTrace k = simulate(mixing_matrix(complete(12), Weights::metropolis), 3, 5);
  CHECK(k.disagreement[0] > 0.1);
  CHECK_THAT(k.disagreement[1], WithinAbs(0.0, 1e-14));
  CHECK(k.observed_rate == 0.0);
  const MixingMatrix w = mixing_matrix(random_regular(100, 3, 2), Weights::lazy_metropolis);
  CHECK(simulate(w, 50, 4).disagreement == simulate(w, 50, 4).disagreement);
  CHECK(simulate(w, 50, 4).disagreement != simulate(w, 50, 5).disagreement);
  // A disconnected graph keeps its disagreement: rate 1.
  const Graph two = from_edges(4, {{0, 1}, {2, 3}});
  CHECK_THAT(simulate(mixing_matrix(two, Weights::metropolis), 100, 1).observed_rate,
             WithinAbs(1.0, 1e-12));
}

TEST_CASE("convergence: invalid input is named") {
  CHECK_THROWS_WITH(rounds_to_epsilon(1.5, 1e-3), "rounds to epsilon: rho must be in [0, 1] (got 1.5)");
  CHECK_THROWS_WITH(rounds_to_epsilon(-0.1, 1e-3), "rounds to epsilon: rho must be in [0, 1] (got -0.1)");
  CHECK_THROWS_WITH(rounds_to_epsilon(0.5, 0.0), "rounds to epsilon: epsilon must be in (0, 1) (got 0)");
  CHECK_THROWS_WITH(rounds_to_epsilon(0.5, 1.0), "rounds to epsilon: epsilon must be in (0, 1) (got 1)");
  CHECK_THROWS_WITH(rounds_to_epsilon(Spectrum{.spectral_gap = 2.0}, 1e-3),
                    "rounds to epsilon: spectral gap must be in [0, 1] (got 2)");
  CHECK_THROWS_WITH(rounds_to_epsilon(0.5, NAN), "rounds to epsilon: epsilon must be in (0, 1) (got nan)");
  const MixingMatrix w = mixing_matrix(ring(5), Weights::metropolis);
  CHECK_THROWS_WITH(simulate(w, 0, 1), "consensus simulation: rounds must be in [1, 10000000] (got 0)");
  CHECK_THROWS_WITH(simulate(MixingMatrix(3, 2), 5, 1), "consensus simulation: columns must be 3 (got 2)");
}

TEST_CASE("property: rounds never decrease as rho or 1/epsilon grow") {
  REQUIRE(rc::check("rounds monotone in rho and epsilon", [] {
    const double rho = *rc::gen::inRange(0, 999) / 1000.0;
    const double eps = std::pow(10.0, -*rc::gen::inRange(1, 12));
    RC_ASSERT(*rounds_to_epsilon(rho, eps) <= *rounds_to_epsilon(rho + 0.001, eps));
    RC_ASSERT(*rounds_to_epsilon(rho, eps) <= *rounds_to_epsilon(rho, eps / 10.0));
  }));
}
