// `paradox gossip`: how fast gossip averaging x <- W x reaches consensus on a graph: the mixing
// matrix's lambda2, lambda_min, rho, spectral gap and the rounds to reduce the disagreement by
// epsilon; with --model-size, the bytes gossip moves against a synchronisation through a hub.

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "paradox/decentralized/decentralized.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::gossip_command {
namespace {

namespace dec = paradox::decentralized;

// Graphs that are built node by node (random ones, and small rings and tori) stop here; the
// closed forms (ring, torus, complete, star) need no graph and go to the library's limit.
constexpr int max_built_nodes = 1'000'000;

struct Flags {
  std::string topology;
  int nodes = 0;
  std::string weights = "metropolis";
  int degree = 4;
  double radius = 0.0;
  double probability = 0.0;
  int seed = 1;
  double epsilon = 1e-3;
  Bytes model{};
};

dec::Topology topology_of(const std::string& name) {
  for (const dec::Topology t : dec::all_topologies)
    if (dec::to_string(t) == name) return t;
  return dec::Topology::ring;
}

dec::Weights weights_of(const std::string& name) {
  for (const dec::Weights w : dec::all_weights)
    if (dec::to_string(w) == name) return w;
  return dec::Weights::metropolis;
}

// The most square factorisation rows x cols = n, rows <= cols.
std::pair<int, int> torus_shape(int n) {
  int rows = static_cast<int>(std::sqrt(static_cast<double>(n)));
  while (rows > 1 && n % rows != 0) --rows;
  return {rows, n / rows};
}

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  const std::string prefix = command_prefix(app);
  std::vector<std::string> topologies;
  for (const dec::Topology t : dec::all_topologies) topologies.emplace_back(dec::to_string(t));
  std::vector<std::string> weights;
  for (const dec::Weights w : dec::all_weights) weights.emplace_back(dec::to_string(w));
  add_choice(app, "--topology", flags->topology,
             "The graph: ring, torus (the most square r x c = --nodes, r, c >= 3), complete, "
             "star (node 0 the hub), random-regular (--degree), random-geometric (--radius, in "
             "the unit square), erdos-renyi (--probability)",
             topologies)
      ->required();
  add_count(app, "--nodes", flags->nodes,
            "N, the nodes; ring, torus, complete and star use closed forms up to 10000000, "
            "built graphs stop at 1000000",
            2, dec::max_nodes)
      ->required();
  add_choice(app, "--weights", flags->weights,
             "The mixing matrix: metropolis 1/(1 + max(d_i, d_j)) (Xiao & Boyd 2004), "
             "max-degree 1/(d_max + 1), lazy-metropolis (I + W)/2; without the +1: "
             "metropolis-hastings-chain, max-degree-chain (default: metropolis)",
             weights);
  CLI::Option* degree =
      add_count(app, "--degree", flags->degree,
                "d, every node's degree for random-regular (default: 4)", 1, max_built_nodes);
  CLI::Option* radius = add_number(
      app, "--radius", flags->radius,
      "r, the link radius for random-geometric, in units of the square's side (default: twice "
      "the connectivity radius sqrt(ln N / (pi N)))",
      1e-9, 1.5);
  CLI::Option* probability = add_number(
      app, "--probability", flags->probability,
      "p, the edge probability for erdos-renyi (default: 2 ln N / N, twice the connectivity "
      "threshold)",
      0.0, 1.0);
  CLI::Option* seed =
      add_count(app, "--seed", flags->seed,
                "Seed of the random graph (std::mt19937_64) (default: 1)", 0, 2'147'483'647);
  add_number(app, "--epsilon", flags->epsilon,
             "Target reduction of the disagreement ||x - mean|| (default: 1e-3)", 1e-300, 1.0);
  CLI::Option* model = add_quantity(
      app, "--model-size", flags->model,
      "Also price one consensus in bytes: each node sends this much to each neighbour per "
      "round, against N uploads and N downloads through a hub (default: none)");
  app.footer(
      "JSON keys: lambda2 = second largest eigenvalue of the mixing matrix W, lambda_min = "
      "smallest, rho = max(|lambda2|, |lambda_min|), spectral_gap = 1 - rho, "
      "rounds_to_epsilon = ceil(log(1/epsilon)/log(1/rho)) (null when rho = 1: a disconnected "
      "or periodic graph never converges; see converges). Also: topology, weights, nodes, "
      "edges, max_degree, connected, components, converges, epsilon, method (closed-form, "
      "dense up to 1000 nodes, lanczos beyond), eigensolver_converged, torus_rows and "
      "torus_cols (torus), degree, radius, probability and seed (random graphs); with "
      "--model-size: model_size_bytes, gossip_bytes_per_round = 2 |E| S, "
      "gossip_busiest_node_bytes_per_round = d_max S, gossip_total_bytes (to epsilon), "
      "star_total_bytes = 2 N S and star_central_bytes (one round through a hub).");

  return [flags, prefix, degree, radius, probability, seed, model]() -> Report {
    const dec::Topology topology = topology_of(flags->topology);
    const dec::Weights rule = weights_of(flags->weights);
    const int n = flags->nodes;
    const bool is_random = topology == dec::Topology::random_regular ||
                           topology == dec::Topology::random_geometric ||
                           topology == dec::Topology::erdos_renyi;
    auto only_for = [&](CLI::Option* option, const std::string& flag, dec::Topology wanted) {
      if (option->count() > 0 && topology != wanted)
        reject(prefix, flag, "go with --topology " + std::string(dec::to_string(wanted)),
               flags->topology);
    };
    only_for(degree, "--degree", dec::Topology::random_regular);
    only_for(radius, "--radius", dec::Topology::random_geometric);
    only_for(probability, "--probability", dec::Topology::erdos_renyi);
    if (seed->count() > 0 && !is_random)
      reject(prefix, "--seed", "go with a random topology", flags->topology);

    if (!(flags->epsilon < 1.0))
      reject(prefix, "--epsilon", "be in (0, 1)", number(flags->epsilon, 6));
    Report report;
    report.json["topology"] = flags->topology;
    report.json["weights"] = flags->weights;
    report.json["nodes"] = n;
    report.json["epsilon"] = flags->epsilon;

    dec::Spectrum s;
    long long edges = 0;
    int max_degree = 0;
    int components = 1;
    std::string detail;
    std::optional<dec::Graph> graph;
    switch (topology) {
      case dec::Topology::ring:
        if (n >= 3) {
          s = dec::ring_spectrum(n, rule);
          edges = n;
          max_degree = 2;
        } else {
          graph = dec::ring(n);
        }
        break;
      case dec::Topology::torus: {
        const auto [rows, cols] = torus_shape(n);
        if (rows < 3)
          reject(prefix, "--nodes",
                 "be rows x cols with rows, cols >= 3 for --topology torus (e.g. 9, 12, 100)",
                 std::to_string(n));
        s = dec::torus_spectrum(rows, cols, rule);
        edges = 2LL * n;
        max_degree = 4;
        report.json["torus_rows"] = rows;
        report.json["torus_cols"] = cols;
        detail = ", " + std::to_string(rows) + " x " + std::to_string(cols);
        break;
      }
      case dec::Topology::complete:
        s = dec::complete_spectrum(n, rule);
        edges = static_cast<long long>(n) * (n - 1) / 2;
        max_degree = n - 1;
        break;
      case dec::Topology::star:
        s = dec::star_spectrum(n, rule);
        edges = n - 1;
        max_degree = n - 1;
        break;
      case dec::Topology::random_regular:
      case dec::Topology::random_geometric:
      case dec::Topology::erdos_renyi: {
        if (n > max_built_nodes)
          reject(prefix, "--nodes",
                 "be <= " + std::to_string(max_built_nodes) + " for --topology " + flags->topology +
                     " (the graph is built)",
                 std::to_string(n));
        const auto s64 = static_cast<std::uint64_t>(flags->seed);
        report.json["seed"] = flags->seed;
        if (topology == dec::Topology::random_regular) {
          if (flags->degree >= n)
            reject(prefix, "--degree", "be < --nodes = " + std::to_string(n),
                   std::to_string(flags->degree));
          if ((static_cast<long long>(n) * flags->degree) % 2 != 0)
            reject(prefix, "--degree",
                   "make --nodes x --degree even (--nodes = " + std::to_string(n) + ")",
                   std::to_string(flags->degree));
          report.json["degree"] = flags->degree;
          detail = ", d = " + std::to_string(flags->degree);
          graph = dec::random_regular(n, flags->degree, s64);
        } else if (topology == dec::Topology::random_geometric) {
          const double r = radius->count() > 0 ? flags->radius : 2.0 * dec::connectivity_radius(n);
          report.json["radius"] = r;
          detail = ", r = " + number(r, 4);
          graph = dec::random_geometric(n, r, s64);
        } else {
          const double p = probability->count() > 0
                               ? flags->probability
                               : std::min(1.0, 2.0 * std::log(static_cast<double>(n)) / n);
          report.json["probability"] = p;
          detail = ", p = " + number(p, 4);
          graph = dec::erdos_renyi(n, p, s64);
        }
        break;
      }
    }
    if (graph) {
      s = dec::spectrum(dec::mixing_matrix(*graph, rule));
      edges = static_cast<long long>(graph->edges.size());
      const std::vector<int> d = dec::degrees(*graph);
      max_degree = *std::max_element(d.begin(), d.end());
      components = dec::component_count(*graph);
    }
    const std::optional<long long> rounds = dec::rounds_to_epsilon(s, flags->epsilon);

    report.json["edges"] = edges;
    report.json["max_degree"] = max_degree;
    report.json["connected"] = components == 1;
    report.json["components"] = components;
    report.json["method"] = std::string(dec::to_string(s.method));
    report.json["eigensolver_converged"] = s.converged;
    report.json["lambda2"] = s.lambda2;
    report.json["lambda_min"] = s.lambda_min;
    report.json["rho"] = s.rho;
    report.json["spectral_gap"] = s.spectral_gap;
    report.json["converges"] = rounds.has_value();
    report.json["rounds_to_epsilon"] = rounds ? nlohmann::json(*rounds) : nlohmann::json(nullptr);

    Table table({"quantity", "value", "definition"});
    table.add_row({"lambda2", number(s.lambda2, 6), "second largest eigenvalue of W"});
    table.add_row({"lambda_min", number(s.lambda_min, 6), "smallest eigenvalue of W"});
    table.add_row({"rho", number(s.rho, 6), "max(|lambda2|, |lambda_min|)"});
    table.add_row({"spectral gap", number(s.spectral_gap, 4), "1 - rho"});
    table.add_row({"rounds to epsilon", rounds ? std::to_string(*rounds) : "never",
                   "ceil(log(1/eps)/log(1/rho)), eps = " + number(flags->epsilon, 3)});
    if (model->count() > 0) {
      const dec::MeshGossipCost mesh = dec::evaluate(dec::MeshGossip{.nodes = n,
                                                                     .edges = edges,
                                                                     .max_degree = max_degree,
                                                                     .spectral_gap = s.spectral_gap,
                                                                     .model = flags->model,
                                                                     .epsilon = flags->epsilon});
      const dec::StarSyncCost hub =
          dec::evaluate(dec::StarSync{.clients = n, .model = flags->model});
      report.json["model_size_bytes"] = value_in<byte_unit>(flags->model);
      report.json["gossip_bytes_per_round"] = value_in<byte_unit>(mesh.per_round);
      report.json["gossip_busiest_node_bytes_per_round"] =
          value_in<byte_unit>(mesh.busiest_node_per_round);
      report.json["gossip_total_bytes"] = value_in<byte_unit>(mesh.total);
      report.json["star_total_bytes"] = value_in<byte_unit>(hub.total);
      report.json["star_central_bytes"] = value_in<byte_unit>(hub.central);
      table.add_row({"gossip per round", show(mesh.per_round), "2 |E| S"});
      table.add_row({"gossip to epsilon", rounds ? show(mesh.total) : "never", "rounds x 2 |E| S"});
      table.add_row({"hub, one round", show(hub.total), "N S up + N S down"});
    }
    report.text = flags->topology + " of " + std::to_string(n) + " nodes" + detail + ", " +
                  std::to_string(edges) + " edges, " + flags->weights + " weights (" +
                  std::string(dec::to_string(s.method)) + ")\n";
    if (components > 1)
      report.text += "disconnected: " + std::to_string(components) +
                     " components, so lambda2 = 1 and gossip never reaches consensus\n";
    if (!s.converged)
      report.text += "warning: Lanczos stopped before its tolerance; the values are estimates\n";
    report.text += table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "gossip",
     .summary = "Gossip consensus on a graph: lambda2, rho, spectral gap, rounds to epsilon",
     .order = 80,
     .define = define});

}  // namespace
}  // namespace paradox::cli::gossip_command
