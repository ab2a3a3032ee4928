// Part 3's Math Peek (--math): the formulas behind the audit, their sources, and this run's
// numbers plugged in.

#include <cmath>
#include <ostream>
#include <string>

#include "paradox/io.hpp"
#include "paradox_text/format.hpp"
#include "part3.hpp"

namespace paradox::part3 {

void math_peek(std::ostream& out, const Plan& p) {
  const Settings& st = p.settings;
  const double f = st.slow_fraction.value;
  const double k = st.slowdown.value;
  const int n = p.workers;
  out << "MATH PEEK (--math)\n"
      << "  Synchronous step = the slowest of N workers, E[max_i X_i] = integral of 1 - F(x)^N dx\n"
      << "    (David & Nagaraja, \"Order Statistics\", 2003, eq. 2.1.3); for exponential steps of "
         "rate mu,\n    E[max] = H_N / mu with H_N = 1 + 1/2 + ... + 1/N (H_"
      << n << " = " << text::number(sync::harmonic_number(n), 5) << ").\n"
      << "    Deterministic t with stragglers: per step t + (k - 1) t (1 - (1 - f)^N); per worker "
         "k t once\n    round(f N) >= 1. Here: t = "
      << to_string(p.step_mean) << ", f = " << text::number(f) << ", k = " << text::number(k)
      << ", N = " << n << " -> E[max] = " << to_string(p.expected_step) << ".\n"
      << "  Fan-out tail: P(any slow) = 1 - (1 - f)^N = " << text::percent(p.p_any_slow, 2)
      << " (Dean & Barroso 2013, \"The Tail at Scale\").\n"
      << "  Backup workers: the N-th fastest of N + b (Chen et al. 2016, \"Revisiting Distributed\n"
         "    Synchronous SGD\"); K-sync: the K-th fastest of N (Dutta et al. 2018).\n"
      << "  Throughput: sync N b / E[max]; async sum_i b / E[X_i] (no barrier); SSP with bound s "
         "simulated\n    (Ho et al. 2013): T_i(c) = max(T_i(c-1), max_j T_j(c-1-s)) + X_i(c), "
         "seeded.\n"
      << "  Staleness: async updates are N - 1 = " << n - 1
      << " updates stale on average (Dutta et al. 2018, sec. 2).\n"
      << "  Time to target = S0 (1 + tau)^a / R (samples S0, rate R; a = "
      << text::number(st.staleness_exponent.value)
      << ": the square-root rule, MLSys\n    textbook vol. 2; a = 1: Zhang et al. 2016, "
         "staleness-aware async SGD).\n"
      << "  Stability with tau-stale gradients: eta < (2 / L) sin(pi / (2 (2 tau + 1))) (Levin & "
         "May 1976);\n    tau = 0 gives 2 / L, large tau about pi / (2 L (tau + 1/2)).\n"
      << "  Idle cost = (E[max] - E[busy]) / E[max] x accelerators x 730 h x price per hour "
         "(MODELS.md sec. 6):\n    here "
      << text::percent(p.cost->waiting.idle_fraction) << " x " << n << " x 730 h x "
      << to_string(st.price) << " = " << to_string(p.cost->waiting.dollars) << " per month.\n";
  if (p.checkpoint) {
    const CheckpointStudy& c = *p.checkpoint;
    out << "  Checkpoints: Young (1974) tau = sqrt(2 delta M); Daly (2006) tau = sqrt(2 delta M) "
           "[1 + (1/3)\n    sqrt(delta / (2M)) + (1/9) (delta / (2M))] - delta for delta < 2M, "
           "else M; overhead\n    delta / tau + (tau / 2 + R) / M (LLNL scr_ckpt_interval.py "
           "implements both). Here delta = "
        << to_string(c.write_time) << ",\n    M = " << to_string(c.fleet_mtbf)
        << " (Dubey et al. 2024, table 5: 419 interruptions in 54 days on 16,384 H100s, scaled "
           "to "
        << n << ")\n    -> Young " << to_string(c.plan.young_interval) << ", Daly "
        << to_string(c.plan.daly_interval) << ".\n";
  }
  fleet_math_peek(out, p);
  out << "\n";
}

}  // namespace paradox::part3
