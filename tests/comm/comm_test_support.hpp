// Shared helpers for the comm tests: plain-number views of quantities and rapidcheck generators
// for valid alpha-beta inputs.
#pragma once

#include <rapidcheck.h>

#include "paradox/units.hpp"

namespace comm_test {

using namespace paradox;

inline double in_seconds(Seconds t) { return value_in<second_unit>(t); }

/// A valid alpha-beta point drawn over many orders of magnitude.
struct Scenario {
  Bytes message;
  int ranks;
  Seconds latency;
  Bandwidth bandwidth;
};

/// 10^e for an integer exponent drawn in [lo, hi], times a mantissa in [1, 10).
inline rc::Gen<double> log_uniform(int lo, int hi) {
  return rc::gen::map(rc::gen::pair(rc::gen::inRange(lo, hi), rc::gen::inRange(100, 1000)),
                      [](const std::pair<int, int>& em) {
                        double x = em.second / 100.0;
                        for (int i = 0; i < em.first; ++i) x *= 10.0;
                        for (int i = 0; i > em.first; --i) x /= 10.0;
                        return x;
                      });
}

inline rc::Gen<Scenario> scenarios(int max_ranks = 100000) {
  return rc::gen::build<Scenario>(
      rc::gen::set(&Scenario::message,
                   rc::gen::map(log_uniform(0, 11), [](double b) { return b * bytes; })),
      rc::gen::set(&Scenario::ranks, rc::gen::inRange(1, max_ranks + 1)),
      rc::gen::set(&Scenario::latency,
                   rc::gen::map(log_uniform(-9, -2), [](double s) { return s * seconds; })),
      rc::gen::set(&Scenario::bandwidth, rc::gen::map(log_uniform(3, 12), [](double b) {
        return b * bytes_per_second;
      })));
}

}  // namespace comm_test
