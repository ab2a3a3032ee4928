#include "paradox/decentralized/spectrum.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "decentralized/decentralized_test_support.hpp"

using namespace paradox;
using namespace paradox::decentralized;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr double pi = std::numbers::pi;

void require_same(const Spectrum& a, const Spectrum& b, double tol) {
  CHECK_THAT(a.lambda2, WithinAbs(b.lambda2, tol));
  CHECK_THAT(a.lambda_min, WithinAbs(b.lambda_min, tol));
  CHECK_THAT(a.rho, WithinAbs(b.rho, tol));
  CHECK_THAT(a.spectral_gap, WithinAbs(b.spectral_gap, tol));
}

Spectrum dense(const MixingMatrix& w) { return spectrum(w, {.method = SpectrumMethod::dense}); }
Spectrum lanczos(const MixingMatrix& w) { return spectrum(w, {.method = SpectrumMethod::lanczos}); }

}  // namespace

TEST_CASE("ring with Metropolis weights: 1/3 + (2/3) cos(2 pi k / N)") {
  // W = I/3 + A/3 and the cycle's eigenvalues 2 cos(2 pi k/N) (Brouwer & Haemers, sec. 1.4.3).
  const Spectrum ten = ring_spectrum(10, Weights::metropolis);
  CHECK_THAT(ten.lambda2, WithinRel(1.0 / 3.0 + 2.0 / 3.0 * std::cos(pi / 5.0), 1e-15));
  CHECK_THAT(ten.lambda2, WithinRel(0.8726779962499649, 1e-14));
  CHECK_THAT(ten.lambda_min, WithinRel(-1.0 / 3.0, 1e-14));
  CHECK_THAT(ten.rho, WithinRel(0.8726779962499649, 1e-14));
  CHECK_THAT(ten.spectral_gap, WithinRel(0.1273220037500351, 1e-12));
  // Odd N: lambda_min = 1/3 - (2/3) cos(pi/N).
  CHECK_THAT(ring_spectrum(11, Weights::metropolis).lambda_min,
             WithinRel(1.0 / 3.0 - 2.0 / 3.0 * std::cos(pi / 11.0), 1e-14));
  // Large N: gap ~ (2/3)(2 pi^2/N^2) = 4 pi^2/(3 N^2).
  CHECK_THAT(ring_spectrum(100'000, Weights::metropolis).spectral_gap,
             WithinRel(4.0 * pi * pi / (3.0 * 1e10), 1e-6));
  for (int n = 3; n <= 40; ++n)
    for (const Weights rule : all_weights)
      require_same(dense(mixing_matrix(ring(n), rule)), ring_spectrum(n, rule), 1e-12);
}

TEST_CASE("torus with Metropolis weights: (1 + mu_j + mu_k)/5 from the rings' spectra") {
  // W = (I + A)/5, A's eigenvalues 2 cos(2 pi j/r) + 2 cos(2 pi k/c) (Brouwer & Haemers 1.4.6).
  const Spectrum t = torus_spectrum(10, 10, Weights::metropolis);
  CHECK_THAT(t.lambda2, WithinRel((3.0 + 2.0 * std::cos(pi / 5.0)) / 5.0, 1e-15));
  CHECK_THAT(t.lambda_min, WithinRel(-0.6, 1e-14));
  for (int r = 3; r <= 8; ++r)
    for (int c = 3; c <= 8; ++c)
      for (const Weights rule : all_weights)
        require_same(dense(mixing_matrix(torus(r, c), rule)), torus_spectrum(r, c, rule), 1e-12);
}

TEST_CASE("complete graph: Metropolis W = J, gap 1; the chains give -1/(N-1)") {
  const Spectrum k = complete_spectrum(8, Weights::metropolis);
  CHECK(k.lambda2 == 0.0);
  CHECK(k.spectral_gap == 1.0);
  CHECK_THAT(complete_spectrum(8, Weights::max_degree_chain).lambda_min,
             WithinRel(-1.0 / 7.0, 1e-14));
  for (int n = 2; n <= 30; ++n)
    for (const Weights rule : all_weights)
      require_same(dense(mixing_matrix(complete(n), rule)), complete_spectrum(n, rule), 1e-12);
}

TEST_CASE("star: lambda2 = 1 - 1/N with Metropolis weights, a hub mixes slowly") {
  CHECK_THAT(star_spectrum(100, Weights::metropolis).lambda2, WithinRel(0.99, 1e-15));
  CHECK(star_spectrum(100, Weights::metropolis).lambda_min == 0.0);
  for (int n = 2; n <= 30; ++n)
    for (const Weights rule : all_weights)
      require_same(dense(mixing_matrix(star(n), rule)), star_spectrum(n, rule), 1e-12);
}

TEST_CASE("dense and Lanczos agree where both run") {
  // Sizes kept small enough for the dense reference in a debug build.
  const MixingMatrix rr = mixing_matrix(random_regular(400, 4, 3), Weights::metropolis);
  const MixingMatrix geo =
      mixing_matrix(random_geometric(400, 2.0 * connectivity_radius(400), 3), Weights::metropolis);
  const MixingMatrix er = mixing_matrix(erdos_renyi(300, 0.03, 3), Weights::lazy_metropolis);
  const MixingMatrix hub = mixing_matrix(star(300), Weights::max_degree_chain);
  for (const MixingMatrix* w : {&rr, &geo, &er, &hub}) {
    const Spectrum l = lanczos(*w);
    CHECK(l.converged);
    CHECK(l.method == SpectrumMethod::lanczos);
    require_same(dense(*w), l, 1e-8);
  }
  // Small graphs too (Krylov dimension capped at N).
  require_same(dense(mixing_matrix(ring(5), Weights::metropolis)),
               lanczos(mixing_matrix(ring(5), Weights::metropolis)), 1e-10);
}

TEST_CASE("Lanczos: stopped early, its estimates lie inside the true ends and say so") {
  // The extreme eigenvalues of T_k interlace inward as k grows (Cauchy interlacing on the
  // leading submatrices of T): after 5 steps lambda2 is under-, lambda_min over-estimated.
  const MixingMatrix w =
      mixing_matrix(random_geometric(400, 2.0 * connectivity_radius(400), 5), Weights::metropolis);
  const Spectrum exact = dense(w);
  const Spectrum early = spectrum(w, {.method = SpectrumMethod::lanczos, .max_iterations = 5});
  CHECK_FALSE(early.converged);
  CHECK(early.lambda2 < exact.lambda2 - 1e-6);
  CHECK(early.lambda_min > exact.lambda_min + 1e-6);
  // A looser tolerance stops sooner; the default one meets the dense answer.
  const Spectrum loose = spectrum(w, {.method = SpectrumMethod::lanczos, .tolerance = 1e-2});
  CHECK(loose.converged);
  CHECK(std::abs(loose.lambda2 - exact.lambda2) <= 1e-2);
  require_same(lanczos(w), exact, 1e-9);
}

TEST_CASE("Lanczos: a small gap (geometric graph near the connectivity radius, 0.002) agrees") {
  const Graph g = random_geometric(400, 1.2 * connectivity_radius(400), 4);
  REQUIRE(component_count(g) == 1);
  const MixingMatrix w = mixing_matrix(g, Weights::metropolis);
  const Spectrum exact = dense(w);
  REQUIRE(exact.spectral_gap < 0.01);
  const Spectrum l = lanczos(w);
  CHECK(l.converged);
  require_same(l, exact, 1e-9);
  CHECK_THAT(l.spectral_gap, WithinRel(exact.spectral_gap, 1e-6));
}

TEST_CASE("automatic: dense up to the limit, Lanczos beyond") {
  STATIC_REQUIRE(default_dense_limit == 1000);
  CHECK(SpectrumOptions{}.dense_limit == default_dense_limit);
  // The switch itself, at a smaller limit so that the dense reference stays cheap.
  const MixingMatrix at = mixing_matrix(random_regular(300, 4, 1), Weights::metropolis);
  const MixingMatrix above = mixing_matrix(random_regular(302, 4, 1), Weights::metropolis);
  CHECK(spectrum(at, {.dense_limit = 300}).method == SpectrumMethod::dense);
  const Spectrum s = spectrum(above, {.dense_limit = 300});
  CHECK(s.method == SpectrumMethod::lanczos);
  require_same(s, dense(above), 1e-8);
  CHECK(spectrum(mixing_matrix(random_regular(1002, 4, 1), Weights::metropolis)).method ==
        SpectrumMethod::lanczos);
}

TEST_CASE("a disconnected graph has lambda2 = 1 and gap 0, dense and Lanczos") {
  const Graph two = from_edges(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}});
  const Spectrum d = dense(mixing_matrix(two, Weights::metropolis));
  CHECK_THAT(d.lambda2, WithinAbs(1.0, 1e-12));
  CHECK_THAT(d.spectral_gap, WithinAbs(0.0, 1e-12));
  const Graph halves = random_geometric(3000, 0.005, 1);  // mostly isolated points
  REQUIRE(component_count(halves) > 1);
  const Spectrum l = lanczos(mixing_matrix(halves, Weights::metropolis));
  CHECK_THAT(l.lambda2, WithinAbs(1.0, 1e-9));
  CHECK_THAT(l.spectral_gap, WithinAbs(0.0, 1e-9));
  CHECK(l.spectral_gap >= 0.0);
}

TEST_CASE("without the +1, an even ring is periodic: lambda_min = -1, gap 0") {
  const Spectrum s = dense(mixing_matrix(ring(8), Weights::metropolis_hastings_chain));
  CHECK_THAT(s.lambda_min, WithinAbs(-1.0, 1e-12));
  CHECK_THAT(s.spectral_gap, WithinAbs(0.0, 1e-12));
  CHECK(ring_spectrum(8, Weights::metropolis_hastings_chain).spectral_gap == 0.0);
}

TEST_CASE("spectrum: invalid input is named") {
  CHECK_THROWS_WITH(spectrum(mixing_matrix(ring(1), Weights::metropolis)),
                    "spectrum: nodes must be >= 2 (got 1)");
  CHECK_THROWS_WITH(spectrum(MixingMatrix(3, 2)), "spectrum: columns must be 3 (got 2)");
  CHECK_THROWS_WITH(spectrum(mixing_matrix(ring(3), Weights::metropolis),
                             {.method = SpectrumMethod::closed_form}),
                    "spectrum: method must be automatic, dense or lanczos (got closed-form)");
  CHECK_THROWS_WITH(spectrum(mixing_matrix(ring(3), Weights::metropolis), {.tolerance = 0.0}),
                    "spectrum: tolerance must be > 0 and finite (got 0)");
  CHECK_THROWS_WITH(spectrum(mixing_matrix(ring(3), Weights::metropolis), {.max_iterations = 0}),
                    "spectrum: max iterations must be >= 1 (got 0)");
  CHECK_THROWS_WITH(ring_spectrum(2, Weights::metropolis),
                    "ring spectrum: nodes must be >= 3 (got 2)");
  CHECK_THROWS_WITH(torus_spectrum(3, 2, Weights::metropolis),
                    "torus spectrum: cols must be >= 3 (got 2)");
  CHECK_THROWS_WITH(complete_spectrum(1, Weights::metropolis),
                    "complete spectrum: nodes must be >= 2 (got 1)");
  CHECK_THROWS_WITH(star_spectrum(1, Weights::metropolis),
                    "star spectrum: nodes must be >= 2 (got 1)");
  CHECK_THROWS_WITH(make_spectrum(NAN, 0.0, SpectrumMethod::dense),
                    "spectrum: lambda2 must be finite (got nan)");
}

TEST_CASE("property: more edges never slow Metropolis consensus (complete vs ring)") {
  REQUIRE(rc::check("gap(complete N) >= gap(ring N) >= gap(path-free ring chain)", [] {
    const int n = *rc::gen::inRange(3, 200);
    RC_ASSERT(complete_spectrum(n, Weights::metropolis).spectral_gap >=
              ring_spectrum(n, Weights::metropolis).spectral_gap);
    RC_ASSERT(ring_spectrum(n + 1, Weights::metropolis).spectral_gap <=
              ring_spectrum(n, Weights::metropolis).spectral_gap);
  }));
  REQUIRE(rc::check("gap(complete N) >= gap of any graph on N nodes (dense)", [] {
    const Graph g = decentralized_test::any_small_graph();
    if (g.nodes < 2) return;
    const Spectrum s = spectrum(mixing_matrix(g, Weights::metropolis));
    RC_ASSERT(complete_spectrum(g.nodes, Weights::metropolis).spectral_gap >=
              s.spectral_gap - 1e-12);
    RC_ASSERT(s.rho >= 0.0);
    RC_ASSERT(s.rho <= 1.0);
  }));
}
