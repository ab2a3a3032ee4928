// Shared fixtures for the sync tests: step-time distributions by name, seconds as numbers, the
// 3-sigma agreement of a Monte Carlo estimate with a closed form, and rapidcheck generators.
#pragma once

#include <rapidcheck.h>

#include <cmath>

#include "paradox/sync/distributions.hpp"
#include "paradox/sync/monte_carlo.hpp"
#include "paradox/units.hpp"

namespace sync_test {

using namespace paradox;
using sync::Persistence;
using sync::Shape;
using sync::StepTime;

inline double in_seconds(Seconds t) { return value_in<second_unit>(t); }

inline StepTime deterministic(double mean) { return {.mean = mean * seconds}; }
inline StepTime exponential(double mean) {
  return {.shape = Shape::exponential, .mean = mean * seconds};
}
inline StepTime shifted_exponential(double shift, double mean) {
  return {.shape = Shape::shifted_exponential, .mean = mean * seconds, .shift = shift * seconds};
}
inline StepTime lognormal(double mean, double sigma) {
  return {.shape = Shape::lognormal, .mean = mean * seconds, .sigma = sigma};
}
/// `base` with a fraction f of workers (or steps) slowed by k.
inline StepTime with_stragglers(StepTime base, double f, double k,
                                Persistence persistence = Persistence::per_step) {
  base.slow_fraction = f;
  base.slowdown_ratio = k;
  base.persistence = persistence;
  return base;
}

/// |estimate - exact| <= 3 standard errors, plus 1e-6 relative: a rare event (P ~ 1e-7) that
/// no sample hit leaves a zero-variance estimate a hair below the exact mean.
inline bool within_three_sigma(const sync::Estimate& estimate, Seconds exact) {
  const double gap = std::abs(in_seconds(estimate.mean) - in_seconds(exact));
  return gap <= 3.0 * in_seconds(estimate.standard_error) + 1e-6 * in_seconds(exact);
}

/// A random distribution: any shape, moderate parameters, with or without stragglers.
inline rc::Gen<StepTime> step_times() {
  return rc::gen::map(
      rc::gen::tuple(rc::gen::inRange(0, 4), rc::gen::inRange(1, 1000), rc::gen::inRange(0, 100),
                     rc::gen::inRange(0, 100), rc::gen::inRange(100, 500), rc::gen::inRange(0, 2)),
      [](const std::tuple<int, int, int, int, int, int>& t) {
        const auto [shape, mean_ms, shift_pct, f_pct, k_pct, persistent] = t;
        StepTime d{.shape = static_cast<Shape>(shape), .mean = mean_ms * 1e-3 * seconds};
        if (d.shape == Shape::shifted_exponential) d.shift = d.mean * (0.9 * shift_pct / 100.0);
        if (d.shape == Shape::lognormal) d.sigma = 0.05 + 1.5 * shift_pct / 100.0;
        d.slow_fraction = f_pct / 100.0;
        d.slowdown_ratio = k_pct / 100.0;
        d.persistence = persistent == 1 ? Persistence::per_worker : Persistence::per_step;
        return d;
      });
}

}  // namespace sync_test
