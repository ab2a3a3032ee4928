// Shared helpers for the comm tests: the reference link of the per-algorithm tests, plain-number
// views of quantities, rapidcheck generators for valid alpha-beta inputs and the monotonicity
// property every alpha-beta model must satisfy.
#pragma once

#include <rapidcheck.h>

#include <cstddef>

#include "paradox/hardware/link.hpp"
#include "paradox/units.hpp"

/// A link in alpha-beta order: latency (alpha), then per-direction bandwidth (beta).
inline paradox::Link ab(paradox::Seconds latency, paradox::Bandwidth bandwidth) {
  return {.bandwidth = bandwidth, .latency = latency};
}

namespace comm_test {

using namespace paradox;

// The per-algorithm tests' reference point: alpha = 1 us, n / beta = 1 ms, n gamma = 0.1 ms.
inline const Seconds alpha = 1.0 * microseconds;
inline const Bandwidth beta = 10.0 * gigabytes_per_second;
inline const Bytes n = 10.0 * megabytes;
inline const Bandwidth fast_reduce = 100.0 * gigabytes_per_second;

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

/// Checks over random scenarios that multiplying the bandwidth or dividing the latency by k in
/// [1, 100) never makes any of the times `times(message, ranks, latency, bandwidth)` returns (a
/// std::array<Seconds, N>) larger. Returns rc::check's verdict, for REQUIRE.
template <class Times>
bool never_slower_with_better_links(Times times) {
  return rc::check("monotone in alpha and beta", [times] {
    const Scenario s = *scenarios();
    const double k = *rc::gen::inRange(1, 100);
    const auto base = times(s.message, s.ranks, s.latency, s.bandwidth);
    const auto faster = times(s.message, s.ranks, s.latency, s.bandwidth * k);
    const auto quicker = times(s.message, s.ranks, s.latency / k, s.bandwidth);
    for (std::size_t i = 0; i < base.size(); ++i) {
      RC_ASSERT(faster[i] <= base[i]);
      RC_ASSERT(quicker[i] <= base[i]);
    }
  });
}

}  // namespace comm_test
