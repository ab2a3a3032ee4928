/// @file
/// @brief Mean time between failures: of a node from its components' MTTFs, of a fleet of
/// nodes, observed in a published failure record; and the chance of a failure in a window.
#pragma once

#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::reliability {

/// @addtogroup reliability
/// @{

/// @brief A kind of component in a node: how many the node holds and the MTTF of one.
struct Component {
  std::string_view name{};  ///< what it is ("gpu", "nic", "psu"), for reports and errors
  int count = 1;            ///< how many of them one node holds
  Seconds mttf{};           ///< mean time to failure of one of them
};

/// @brief MTBF of a node whose every component is needed (a series system):
/// \f$ 1/\mathrm{MTBF}_\mathrm{node} = \sum_i n_i / \mathrm{MTTF}_i \f$.
///
/// Failures are independent and exponential (constant rates), so the rates add; this is the
/// series-system rule of reliability engineering (MODELS.md sec. 7; e.g. the MLSys textbook,
/// vol. II, "Reliability Foundations", eq. mtbf-node). Adding a component, or one more of a
/// kind, never raises the MTBF.
/// @param components the kinds of component, at least one
/// @pre components non-empty; each count >= 1 and mttf > 0 and finite; the summed rate finite
/// @throws invalid_input "node mtbf: components must be non-empty (got 0)",
///   "node mtbf: gpu.count must be >= 1 (got 0)", "node mtbf: gpu.mttf must be > 0 and finite
///   (got 0 s)", "node mtbf: failure rate must be finite (got inf 1/s)"
/// @return the node's MTBF
/// @see fleet_mtbf
[[nodiscard]] inline Seconds node_mtbf(std::span<const Component> components) {
  constexpr std::string_view fn = "node mtbf";
  if (components.empty()) throw invalid_input(fn, "components", "be non-empty", "0");
  double rate_per_second = 0.0;
  for (const Component& c : components) {
    const double mttf_s = value_in<second_unit>(c.mttf);
    if (c.count < 1 || !(mttf_s > 0.0) || !std::isfinite(mttf_s)) {
      // The parameter's name is built only on the way to the exception.
      const std::string name = c.name.empty() ? std::string("component") : std::string(c.name);
      require_at_least(fn, name + ".count", c.count, 1);
      require_positive(fn, name + ".mttf", c.mttf);
    }
    rate_per_second += static_cast<double>(c.count) / mttf_s;
  }
  if (!std::isfinite(rate_per_second))
    throw invalid_input(fn, "failure rate", "be finite",
                        paradox::detail::describe(rate_per_second) + " 1/s");
  return (1.0 / rate_per_second) * seconds;
}

/// @brief MTBF of a fleet of identical nodes, any of whose failures stops the job:
/// \f$ \mathrm{MTBF}_\mathrm{fleet} = \mathrm{MTBF}_\mathrm{node} / N_\mathrm{nodes} \f$.
///
/// The series rule one level up (MODELS.md sec. 7): a synchronous job on N nodes fails when
/// the first of them does.
/// @param node the MTBF of one node
/// @param nodes the number of nodes N
/// @pre node > 0 and finite; nodes >= 1
/// @throws invalid_input "fleet mtbf: nodes must be >= 1 (got 0)"
/// @return the fleet's MTBF
[[nodiscard]] inline Seconds fleet_mtbf(Seconds node, int nodes) {
  constexpr std::string_view fn = "fleet mtbf";
  require_positive(fn, "node mtbf", node);
  require_at_least(fn, "nodes", nodes, 1);
  return node / static_cast<double>(nodes);
}

/// @brief Probability of at least one failure in a window:
/// \f$ P = 1 - e^{-T/\mathrm{MTBF}} \f$.
///
/// Failures as a Poisson process of rate 1/MTBF (exponential times between failures).
/// Computed as `-expm1(-T/MTBF)`, which keeps its digits when \f$T \ll \mathrm{MTBF}\f$
/// (where \f$P \approx T/\mathrm{MTBF}\f$).
/// @param window T, the length of the window
/// @param mtbf the MTBF of whatever must not fail (a node, a fleet)
/// @pre window >= 0 and finite; mtbf > 0 and finite
/// @throws invalid_input "failure probability: window must be >= 0 and finite (got -1 s)"
/// @return P in [0, 1]
[[nodiscard]] inline double failure_probability(Seconds window, Seconds mtbf) {
  constexpr std::string_view fn = "failure probability";
  require_non_negative(fn, "window", window);
  require_positive(fn, "mtbf", mtbf);
  return -std::expm1(-value_in<second_unit>(window) / value_in<second_unit>(mtbf));
}

/// @brief Expected number of failures in a window: \f$ E[n] = T/\mathrm{MTBF} \f$.
/// @param window T, the length of the window
/// @param mtbf the MTBF
/// @pre window >= 0 and finite; mtbf > 0 and finite; T/MTBF finite
/// @throws invalid_input "expected failures: window / mtbf must be finite (got inf)"
/// @return the expected count (a real number)
[[nodiscard]] inline double expected_failures(Seconds window, Seconds mtbf) {
  constexpr std::string_view fn = "expected failures";
  require_non_negative(fn, "window", window);
  require_positive(fn, "mtbf", mtbf);
  const double n = value_in<second_unit>(window) / value_in<second_unit>(mtbf);
  if (!std::isfinite(n)) throw invalid_input(fn, "window / mtbf", "be finite", "inf");
  return n;
}

/// @brief A failure record: so many failures in a window on so many identical units.
struct ObservedFailures {
  Seconds window{};  ///< the observation period
  int failures = 0;  ///< failures (job interruptions) counted in it
  int units = 1;     ///< identical units that ran throughout (GPUs, nodes)
};

/// @brief The MTBFs a failure record implies.
struct ObservedMtbf {
  Seconds fleet_mtbf{};  ///< window / failures: how often the whole job was interrupted
  Seconds unit_mtbf{};   ///< window x units / failures: the MTBF of one unit (unit-hours)
};

/// @brief MTBFs implied by a record: \f$ \mathrm{MTBF}_\mathrm{fleet} = T/n \f$ and
/// \f$ \mathrm{MTBF}_\mathrm{unit} = T N / n \f$.
///
/// The maximum-likelihood estimate of an exponential rate from n events in time T, per fleet
/// and, charging every failure to one of N identical units, per unit. Llama 3 405B (Dubey
/// et al. 2024, table 5): 419 interruptions in 54 days on 16,384 GPUs give 3.09 h per fleet
/// and 50,677 GPU-hours per GPU (catalog::llama3_405b_pretraining).
/// @param in the window, the failures and the units
/// @pre window > 0 and finite; failures >= 1; units >= 1
/// @throws invalid_input "observed mtbf: failures must be >= 1 (got 0)"
/// @return the fleet's and one unit's MTBF
[[nodiscard]] inline ObservedMtbf observed_mtbf(const ObservedFailures& in) {
  constexpr std::string_view fn = "observed mtbf";
  require_positive(fn, "window", in.window);
  require_at_least(fn, "failures", in.failures, 1);
  require_at_least(fn, "units", in.units, 1);
  const Seconds fleet = in.window / static_cast<double>(in.failures);
  return {.fleet_mtbf = fleet, .unit_mtbf = fleet * static_cast<double>(in.units)};
}

/// @brief A fleet of identical nodes and a window to look at it over.
struct FleetInput {
  std::span<const Component> node_components{};  ///< what one node holds
  int nodes = 1;                                 ///< how many nodes the job spans
  Seconds window{};  ///< a window (a job, a day) for the failure probability; 0 = none
};

/// @brief A fleet's MTBFs and what they mean for the window.
struct FleetReliability {
  Seconds node_mtbf{};               ///< node_mtbf() of the components
  Seconds fleet_mtbf{};              ///< fleet_mtbf() of the nodes
  double failure_probability = 0.0;  ///< P(at least one failure in the window)
  double expected_failures = 0.0;    ///< expected failures in the window
};

/// @brief node_mtbf(), fleet_mtbf(), failure_probability() and expected_failures() in one call.
/// @param in the node's components, the nodes and the window
/// @pre as for the four functions
/// @throws invalid_input as they do
/// @return the fleet's reliability
[[nodiscard]] inline FleetReliability evaluate(const FleetInput& in) {
  const Seconds node = node_mtbf(in.node_components);
  const Seconds fleet = fleet_mtbf(node, in.nodes);
  return {.node_mtbf = node,
          .fleet_mtbf = fleet,
          .failure_probability = failure_probability(in.window, fleet),
          .expected_failures = expected_failures(in.window, fleet)};
}

/// @}

}  // namespace paradox::reliability
