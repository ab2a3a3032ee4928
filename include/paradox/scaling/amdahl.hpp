/// @file
/// @brief Amdahl's law (fixed work), Gustafson's law (scaled work) and the Karp-Flatt metric
/// (the serial fraction a measured speedup implies).
#pragma once

#include "paradox/error.hpp"

namespace paradox::scaling {

/// @addtogroup scaling
/// @{

/// @brief Amdahl's law: speedup of a fixed job whose parallel part runs `s` times faster.
///
/// \f$ S = \dfrac{1}{(1 - p) + p / s} \f$
///
/// Source: G. M. Amdahl, "Validity of the single processor approach to achieving large scale
/// computing capabilities", AFIPS Spring Joint Computer Conference, 1967 (the formula in its
/// usual modern form). Example: p = 0.5, s = 2 gives 4/3.
/// @param parallel_fraction p, share of the one-worker time that parallelises, in [0, 1]
/// @param parallel_speedup s, how much faster the parallel part runs (e.g. the worker count), > 0
/// @pre 0 <= p <= 1; s finite and > 0
/// @throws invalid_input "amdahl speedup: parallel_fraction must be in [0, 1] (got 1.5)"
/// @return the overall speedup, in (0, 1/(1-p)] for s >= 1
/// @see amdahl_limit, gustafson_speedup
/// @ingroup scaling
[[nodiscard]] constexpr double amdahl_speedup(double parallel_fraction, double parallel_speedup) {
  require_fraction("amdahl speedup", "parallel_fraction", parallel_fraction);
  require_positive("amdahl speedup", "parallel_speedup", parallel_speedup);
  return 1.0 / ((1.0 - parallel_fraction) + parallel_fraction / parallel_speedup);
}

/// @brief The ceiling of Amdahl's law as the parallel part becomes free (s -> infinity).
///
/// \f$ \lim_{s \to \infty} S = \dfrac{1}{1 - p} \f$ (Amdahl 1967): p = 0.95 caps the speedup at
/// 20 however many workers are added.
/// @param parallel_fraction p, in [0, 1): with p = 1 there is no ceiling
/// @pre 0 <= p < 1
/// @throws invalid_input "amdahl limit: parallel_fraction must be in [0, 1) (got 1)"
/// @return 1 / (1 - p)
/// @see amdahl_speedup
/// @ingroup scaling
[[nodiscard]] constexpr double amdahl_limit(double parallel_fraction) {
  if (!(parallel_fraction >= 0.0 && parallel_fraction < 1.0))
    throw invalid_input("amdahl limit", "parallel_fraction", "be in [0, 1)",
                        paradox::detail::describe(parallel_fraction));
  return 1.0 / (1.0 - parallel_fraction);
}

/// @brief Gustafson's law: scaled speedup when the work grows with the worker count.
///
/// \f$ S = (1 - p) + p N = N - (1 - p)(N - 1) \f$, with p the parallel share of the time
/// measured on the N-worker system. This is the weak-scaling counterpart of Amdahl's law.
///
/// Source: J. L. Gustafson, "Reevaluating Amdahl's law", Communications of the ACM 31(5),
/// 532-533, 1988.
/// @param parallel_fraction p, parallel share of the N-worker run time, in [0, 1]
/// @param workers N, >= 1
/// @pre 0 <= p <= 1; N >= 1
/// @throws invalid_input "gustafson speedup: workers must be >= 1 (got 0)"
/// @return the scaled speedup, in [1, N]
/// @see amdahl_speedup
/// @ingroup scaling
[[nodiscard]] constexpr double gustafson_speedup(double parallel_fraction, int workers) {
  require_fraction("gustafson speedup", "parallel_fraction", parallel_fraction);
  require_at_least("gustafson speedup", "workers", workers, 1);
  return (1.0 - parallel_fraction) + parallel_fraction * static_cast<double>(workers);
}

/// @brief Karp-Flatt metric: the serial fraction that a measured speedup implies.
///
/// \f$ e = \dfrac{1/S - 1/N}{1 - 1/N} \f$. It inverts Amdahl's law with s = N, so
/// `karp_flatt_serial_fraction(amdahl_speedup(p, N), N) == 1 - p`; a serial fraction that grows
/// with N is the signature of communication overhead rather than of serial code.
///
/// Source: A. H. Karp and H. P. Flatt, "Measuring parallel processor performance",
/// Communications of the ACM 33(5), 539-543, 1990.
/// @param speedup S measured on N workers, finite and > 0
/// @param workers N, >= 2 (with one worker the metric is 0/0)
/// @pre S > 0 and finite; N >= 2
/// @throws invalid_input "karp-flatt: workers must be >= 2 (got 1)"
/// @return e; in [0, 1] when 1 <= S <= N, negative for superlinear speedup
/// @see amdahl_speedup
/// @ingroup scaling
[[nodiscard]] constexpr double karp_flatt_serial_fraction(double speedup, int workers) {
  require_positive("karp-flatt", "speedup", speedup);
  require_at_least("karp-flatt", "workers", workers, 2);
  const auto n = static_cast<double>(workers);
  return (1.0 / speedup - 1.0 / n) / (1.0 - 1.0 / n);
}

/// @}

}  // namespace paradox::scaling
