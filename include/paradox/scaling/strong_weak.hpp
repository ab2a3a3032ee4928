/// @file
/// @brief Strong and weak scaling of synchronous data-parallel training: the step time of N
/// workers and its parts, speedup, efficiency, marginal speedup per added worker and the
/// communication-to-computation ratio, one worker count at a time or as a series for plots.
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "paradox/comm/collectives.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox/units.hpp"

namespace paradox::scaling {

/// @addtogroup scaling
/// @{

/// @brief What stays fixed as workers are added.
enum class Mode {
  strong,  ///< the global batch is fixed: one worker's compute is divided among N workers
  weak     ///< the per-worker batch is fixed: each worker computes as much as one worker did
};

/// @brief CLI spelling of a mode: "strong" or "weak".
/// @param mode the mode
/// @return its CLI spelling
/// @see parse_mode
/// @ingroup scaling
[[nodiscard]] constexpr std::string_view to_string(Mode mode) noexcept {
  return mode == Mode::strong ? "strong" : "weak";
}

/// @brief Parses "strong" or "weak"; std::nullopt for anything else.
/// @param text the CLI spelling (case-sensitive)
/// @return the mode, or std::nullopt for an unknown spelling
/// @see to_string(Mode)
/// @ingroup scaling
[[nodiscard]] constexpr std::optional<Mode> parse_mode(std::string_view text) noexcept {
  if (text == "strong") return Mode::strong;
  if (text == "weak") return Mode::weak;
  return std::nullopt;
}

/// @brief Largest cluster (in accelerators) the scaling models accept (10^7).
///
/// Far above any cluster built so far; the bound keeps N + 1 and the O(N) scans well defined.
inline constexpr int max_workers_limit = 10'000'000;

/// @brief Largest `max_workers` the contiguous sweep() accepts (10^6, about 80 MB of points).
///
/// Larger fleets are plotted on a chosen grid of worker counts with the std::span overload.
inline constexpr int max_sweep_workers = 1'000'000;

/// @brief A data-parallel job on a cluster: compute, gradient, the cluster, overlap and mode.
///
/// Communication per step is one all-reduce of `gradient` bytes over the N workers (see
/// communication_time() for how the cluster's links and the algorithm are used). N runs from 1
/// to the cluster's accelerators; a worker is one accelerator.
struct ScalingInput {
  /// strong: one worker's time for the whole global micro-batch; weak: each worker's time per
  /// micro-step (with accumulation_steps = 1, a micro-step is the optimizer step)
  Seconds compute_time;
  /// bytes all-reduced every step (gradients, or whatever the workers synchronise)
  Bytes gradient;
  /// the hardware: nodes x accelerators per node, the intra-node link, the node's NICs and
  /// their link (shared by the node's accelerators), the fabric and its oversubscription
  Cluster cluster;
  /// all-reduce algorithm on a single level (one accelerator per node, or inside one node)
  comm::Algorithm algorithm = comm::Algorithm::ring;
  /// share of the communication hidden behind compute, in [0, 1]
  double overlap_fraction = 0.0;
  /// K, micro-steps whose gradients are accumulated before one all-reduce: the compute of an
  /// optimizer step is K micro-steps, the bytes all-reduced stay `gradient`
  int accumulation_steps = 1;
  /// strong or weak scaling
  Mode mode = Mode::strong;
};

/// @brief One worker count of a scaling curve: the step time, its parts and the ratios.
struct ScalingPoint {
  int workers;                 ///< N
  Seconds step_time;           ///< T(N) = compute + exposed communication, per optimizer step
  Seconds compute_time;        ///< per-worker compute of one optimizer step (K micro-steps)
  Seconds communication_time;  ///< the whole all-reduce, hidden or not
  Seconds exposed_communication_time;         ///< the part of it not hidden behind compute
  double speedup;                             ///< throughput(N) / throughput(1)
  double efficiency;                          ///< speedup / N
  double marginal_speedup;                    ///< speedup(N + 1) - speedup(N)
  double communication_to_computation_ratio;  ///< communication_time / compute_time
};

/// @brief A synchronisation model other than the data-centre all-reduce: a callable that gives
/// the time N workers take to synchronise one step, \f$C(N)\f$, for N >= 1.
///
/// Devices do not all-reduce over parallel wires: cars upload to a server through a shared cell
/// (energy::FederatedRound), hearables take turns on one radio channel (energy::star_airtime,
/// energy::gossip_airtime). Passing such a model to evaluate(), sweep() or
/// diminishing_returns() puts the same step rule on its curve. The model is called with N and
/// N + 1 (for the marginal speedup); it must return a finite time >= 0, and 0 for N = 1 when a
/// lone worker does not synchronise.
/// @ingroup scaling
template <class F>
concept CommunicationModel =
    std::invocable<const F&, int> && std::same_as<std::invoke_result_t<const F&, int>, Seconds>;

namespace detail {

inline void validate(const ScalingInput& input, std::string_view function) {
  require_positive(function, "compute_time", input.compute_time);
  require_non_negative(function, "gradient", input.gradient);
  const Node& node = input.cluster.node;
  require_at_least(function, "cluster.nodes", input.cluster.nodes, 1);
  require_at_least(function, "cluster.node.accelerators_per_node", node.accelerators_per_node, 1);
  require_at_least(function, "cluster.node.nics_per_node", node.nics_per_node, 1);
  require_positive(function, "cluster.node.nic.bandwidth", node.nic.bandwidth);
  require_non_negative(function, "cluster.node.nic.latency", node.nic.latency);
  if (node.accelerators_per_node > 1) {
    require_positive(function, "cluster.node.intra_node.bandwidth", node.intra_node.bandwidth);
    require_non_negative(function, "cluster.node.intra_node.latency", node.intra_node.latency);
  }
  (void)effective_nic(input.cluster);  // checks the fabric and the oversubscription ratio
  if (accelerators(input.cluster) > max_workers_limit)
    throw invalid_input(function, "cluster",
                        "hold at most " + std::to_string(max_workers_limit) + " accelerators",
                        std::to_string(accelerators(input.cluster)));
  require_fraction(function, "overlap_fraction", input.overlap_fraction);
  require_in_range(function, "accumulation_steps", input.accumulation_steps, 1, 1'000'000);
}

/// The cluster's accelerators as an int (validate() bounds them by max_workers_limit).
[[nodiscard]] inline int cluster_workers(const ScalingInput& input) {
  return static_cast<int>(accelerators(input.cluster));
}

/// All-reduce time for a validated input and 1 <= workers <= max_workers_limit + 1.
inline Seconds allreduce_time(const ScalingInput& input, int workers) {
  // No bytes, no collective: a zero-byte all-reduce is not launched, so it costs no latency.
  if (workers == 1 || !(input.gradient > 0.0 * bytes)) return 0.0 * seconds;
  const Node& node = input.cluster.node;
  const int per_node = node.accelerators_per_node;
  const Link nic = effective_nic(input.cluster);
  comm::CollectiveInput collective{.op = comm::Collective::allreduce,
                                   .algorithm = input.algorithm,
                                   .message = input.gradient,
                                   .ranks = workers};
  if (per_node == 1) {
    // One accelerator per node: every hop crosses the fabric, through the node's NICs.
    collective.link = nic;
    collective.link.bandwidth = effective_inter_node_bandwidth_per_accelerator(input.cluster);
    collective.intra_node = collective.link;  // a flat hierarchical sees one link everywhere
  } else if (workers <= per_node) {
    // One node: only the intra-node link carries traffic. A hierarchical all-reduce inside a
    // single node is its intra-node reduce-scatter + all-gather, i.e. a ring.
    collective.link = node.intra_node;
    if (collective.algorithm == comm::Algorithm::hierarchical)
      collective.algorithm = comm::Algorithm::ring;
  } else {
    // Several nodes: hierarchical, the node's NICs shared by its accelerators. A partly filled
    // last node is priced as a full one (ranks rounded up to whole nodes), so T_comm is
    // constant between node boundaries.
    const int nodes = (workers + per_node - 1) / per_node;
    collective.algorithm = comm::Algorithm::hierarchical;
    collective.ranks = nodes * per_node;
    collective.gpus_per_node = per_node;
    collective.link = nic;
    collective.intra_node = node.intra_node;
    collective.nics_per_node = node.nics_per_node;
  }
  // comm::time rejects an all-reduce whose time overflows, so no infinity comes back.
  return comm::time(collective);
}

struct StepParts {
  Seconds compute;
  Seconds communication;
  Seconds exposed;
  Seconds step;
  double speedup;
};

/// The step of N workers whose synchronisation takes `communication`.
inline StepParts step_parts(const ScalingInput& input, int workers, Seconds communication) {
  const auto n = static_cast<double>(workers);
  const auto k = static_cast<double>(input.accumulation_steps);
  const Seconds micro_step =
      input.mode == Mode::strong ? input.compute_time / n : input.compute_time;
  const Seconds compute = k * micro_step;
  // Hidden communication cannot exceed the compute it hides behind: the all-reduce starts in
  // the last micro-step's backward pass, so only that micro-step can hide it.
  const Seconds hidden = std::min(input.overlap_fraction * communication, micro_step);
  const Seconds exposed = communication - hidden;
  const Seconds step = compute + exposed;
  // T(1) = K compute_time: one worker never communicates.
  const double ratio = k * value_in<second_unit>(input.compute_time) / value_in<second_unit>(step);
  const double speedup = input.mode == Mode::strong ? ratio : n * ratio;
  return {compute, communication, exposed, step, speedup};
}

/// The step of N workers whose synchronisation is the all-reduce of communication_time().
inline StepParts step_parts(const ScalingInput& input, int workers) {
  return step_parts(input, workers, allreduce_time(input, workers));
}

/// The step of N workers under a communication model, whose answer is checked (finite, >= 0).
template <CommunicationModel F>
StepParts step_parts(const ScalingInput& input, int workers, const F& communication,
                     std::string_view function) {
  const Seconds c = std::invoke(communication, workers);
  require_non_negative(function, "communication(N)", c);
  return step_parts(input, workers, c);
}

inline ScalingPoint make_point(int workers, const StepParts& parts, double next_speedup) {
  return {.workers = workers,
          .step_time = parts.step,
          .compute_time = parts.compute,
          .communication_time = parts.communication,
          .exposed_communication_time = parts.exposed,
          .speedup = parts.speedup,
          .efficiency = parts.speedup / static_cast<double>(workers),
          .marginal_speedup = next_speedup - parts.speedup,
          .communication_to_computation_ratio =
              value_in<second_unit>(parts.communication) / value_in<second_unit>(parts.compute)};
}

}  // namespace detail

/// @brief Time of the per-step gradient all-reduce among N workers, \f$T_\mathrm{comm}(N)\f$.
///
/// One all-reduce (comm::time) of `gradient` bytes, chosen by these rules:
/// - N = 1, or a zero-byte gradient: 0 (nothing is sent, so no latency is paid either);
/// - g = 1 accelerator per node: `algorithm` over N ranks, each on its share of the node's NICs
///   (effective_inter_node_bandwidth_per_accelerator: NICs x port rate / g / oversubscription);
/// - 1 < N <= g: `algorithm` over N ranks on the intra-node link only (a requested
///   `hierarchical` becomes `ring`, which is what it reduces to inside one node);
/// - N > g > 1: `hierarchical` (intra-node reduce-scatter, inter-node all-reduce, intra-node
///   all-gather, comm::HierarchicalAllReduce) over \f$\lceil N/g \rceil\f$ whole nodes whose
///   g accelerators share the node's NICs. A partly filled last node is priced as a full one:
///   the step waits for the node whose shards cross the network, and the rule keeps T_comm a
///   step function of the node count. `algorithm` is not used on this path.
/// @param input the job; see ScalingInput for units
/// @param workers N, in [1, accelerators of the cluster]
/// @pre input valid (as for evaluate()); 1 <= N <= accelerators(input.cluster)
/// @throws invalid_input on invalid input, naming "scaling communication"
/// @return the all-reduce time in seconds, finite and >= 0
/// @see evaluate, comm::time
/// @ingroup scaling
[[nodiscard]] inline Seconds communication_time(const ScalingInput& input, int workers) {
  constexpr std::string_view function = "scaling communication";
  detail::validate(input, function);
  require_in_range(function, "workers", workers, 1, detail::cluster_workers(input));
  return detail::allreduce_time(input, workers);
}

/// @brief Step time, speedup, efficiency and marginal speedup of N workers.
///
/// With \f$T_c\f$ = compute_time, \f$C(N)\f$ = communication_time(), f = overlap_fraction and
/// K = accumulation_steps:
/// \f[ t_c(N) = T_c / N \;\text{(strong)}, \qquad t_c(N) = T_c \;\text{(weak)} \f]
/// \f[ T_\mathrm{overlap} = \min(f\,C(N),\; t_c(N)), \qquad
///     T(N) = K\,t_c(N) + C(N) - T_\mathrm{overlap} \f]
/// per optimizer step: gradient accumulation runs K micro-steps of compute and one all-reduce
/// of the same bytes, which only the last micro-step's backward pass can hide (K = 1:
/// \f$T(N) = \max(t_c(N) + (1-f)\,C(N),\; C(N))\f$). T(1) = K T_c, and the speedup compares
/// the same optimizer step. Accumulation amortises the communication over K micro-steps, the
/// MLSys textbook's "gradient accumulation" argument (vol. 2, distributed-training chapter).
/// \f[ S(N) = \frac{\text{throughput}(N)}{\text{throughput}(1)} =
///     \frac{T(1)}{T(N)} \;\text{(strong)}, \qquad \frac{N\,T(1)}{T(N)} \;\text{(weak)},
///     \qquad \eta = S/N, \qquad \Delta S(N) = S(N+1) - S(N) \f]
/// The communication-to-computation ratio is \f$C(N)/(K\,t_c(N))\f$ (all of
/// the communication, hidden or not). Source: the step model of MODELS.md section 5, the usual
/// strong/weak scaling definitions (e.g. Hager and Wellein, "Introduction to High Performance
/// Computing for Scientists and Engineers", 2010, ch. 5).
/// @param input the job; compute_time in s, gradient in B, the cluster's links in s and B/s
/// @param workers N, in [1, accelerators of the cluster]
/// @pre compute_time > 0; gradient >= 0; the cluster's counts >= 1 and at most
///      max_workers_limit accelerators; its NIC bandwidth > 0 and latency >= 0 (the same for
///      the intra-node link when a node holds several accelerators); oversubscription >= 1;
///      overlap_fraction in [0, 1]; 1 <= N <= accelerators(input.cluster)
/// @throws invalid_input "scaling: workers must be in [1, 64] (got 0)" on a 64-GPU cluster,
///         and likewise for every other precondition
/// @return the point; in strong mode 0 < efficiency <= 1
/// @see sweep, diminishing_returns, amdahl_speedup
/// @ingroup scaling
[[nodiscard]] inline ScalingPoint evaluate(const ScalingInput& input, int workers) {
  constexpr std::string_view function = "scaling";
  detail::validate(input, function);
  require_in_range(function, "workers", workers, 1, detail::cluster_workers(input));
  const detail::StepParts parts = detail::step_parts(input, workers);
  const double next = detail::step_parts(input, workers + 1).speedup;
  return detail::make_point(workers, parts, next);
}

/// @brief The scaling curve for N = 1, 2, ..., max_workers, as a series for plots and tables.
///
/// Each point is what evaluate() returns; the sweep costs max_workers + 1 all-reduce
/// evaluations (each S(N) is computed once and reused for the previous point's marginal).
/// @param input the job (see evaluate())
/// @param max_workers the last worker count, in [1, min(max_sweep_workers, accelerators)]
/// @pre as evaluate(); 1 <= max_workers <= min(max_sweep_workers, accelerators(input.cluster))
/// @throws invalid_input "scaling sweep: max_workers must be in [1, 64] (got 0)" on a 64-GPU
///         cluster
/// @return max_workers points, points[i].workers == i + 1
/// @see evaluate, diminishing_returns
/// @ingroup scaling
[[nodiscard]] inline std::vector<ScalingPoint> sweep(const ScalingInput& input, int max_workers) {
  constexpr std::string_view function = "scaling sweep";
  detail::validate(input, function);
  require_in_range(function, "max_workers", max_workers, 1,
                   std::min(max_sweep_workers, detail::cluster_workers(input)));
  std::vector<ScalingPoint> points;
  points.reserve(static_cast<std::size_t>(max_workers));
  detail::StepParts current = detail::step_parts(input, 1);
  for (int n = 1; n <= max_workers; ++n) {
    detail::StepParts next = detail::step_parts(input, n + 1);
    points.push_back(detail::make_point(n, current, next.speedup));
    current = next;
  }
  return points;
}

namespace detail {

/// The points at `workers`, each with the step `parts` gives for N and N + 1.
template <class Parts>
std::vector<ScalingPoint> sweep_at(const ScalingInput& input, std::span<const int> workers,
                                   const Parts& parts) {
  constexpr std::string_view function = "scaling sweep";
  validate(input, function);
  const int largest = cluster_workers(input);
  for (const int n : workers) require_in_range(function, "workers", n, 1, largest);
  std::vector<ScalingPoint> points;
  points.reserve(workers.size());
  for (const int n : workers) points.push_back(make_point(n, parts(n), parts(n + 1).speedup));
  return points;
}

}  // namespace detail

/// @brief The scaling curve at chosen worker counts (e.g. a log-spaced grid over a big fleet).
///
/// Each point is what evaluate() returns, at two all-reduce evaluations per point.
/// @param input the job (see evaluate())
/// @param workers the worker counts, each in [1, accelerators of the cluster], in any order
/// @pre as evaluate() for every count
/// @throws invalid_input "scaling sweep: workers must be in [1, 64] (got 0)" on a 64-GPU
///         cluster
/// @return one point per entry of `workers`, in the same order
/// @see evaluate
/// @ingroup scaling
[[nodiscard]] inline std::vector<ScalingPoint> sweep(const ScalingInput& input,
                                                     std::span<const int> workers) {
  return detail::sweep_at(input, workers, [&](int n) { return detail::step_parts(input, n); });
}

/// @brief evaluate() with another synchronisation model: \f$C(N)\f$ = `communication(N)`
/// instead of the all-reduce on the cluster.
///
/// The step rule, the speedup and the ratios are evaluate()'s; only \f$C(N)\f$ changes. The
/// cluster still bounds N (one accelerator per device for a fleet of devices).
/// @param input the job (see evaluate()); its gradient and algorithm are not used
/// @param workers N, in [1, accelerators of the cluster]
/// @param communication the model, called with N and N + 1 (see CommunicationModel)
/// @pre as evaluate(); communication(N) and communication(N + 1) finite and >= 0
/// @throws invalid_input as evaluate(), or "scaling: communication(N) must be >= 0 ..." when
///         the model returns a negative or non-finite time
/// @return the point
/// @see CommunicationModel, energy::evaluate(const FederatedRound&)
/// @ingroup scaling
template <CommunicationModel F>
[[nodiscard]] ScalingPoint evaluate(const ScalingInput& input, int workers,
                                    const F& communication) {
  constexpr std::string_view function = "scaling";
  detail::validate(input, function);
  require_in_range(function, "workers", workers, 1, detail::cluster_workers(input));
  const detail::StepParts parts = detail::step_parts(input, workers, communication, function);
  const double next = detail::step_parts(input, workers + 1, communication, function).speedup;
  return detail::make_point(workers, parts, next);
}

/// @brief sweep() at chosen worker counts with another synchronisation model (see
/// evaluate(const ScalingInput&, int, const F&)).
/// @param input the job (see evaluate())
/// @param workers the worker counts, each in [1, accelerators of the cluster], in any order
/// @param communication the model (see CommunicationModel)
/// @pre as evaluate() for every count
/// @throws invalid_input as evaluate()
/// @return one point per entry of `workers`, in the same order
/// @ingroup scaling
template <CommunicationModel F>
[[nodiscard]] std::vector<ScalingPoint> sweep(const ScalingInput& input,
                                              std::span<const int> workers,
                                              const F& communication) {
  return detail::sweep_at(input, workers, [&](int n) {
    return detail::step_parts(input, n, communication, "scaling sweep");
  });
}

/// @}

}  // namespace paradox::scaling
