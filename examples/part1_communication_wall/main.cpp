// Part 1 of the distributed-training lab, the communication wall: "If you move from 8 GPUs to
// 64 GPUs, will your training time decrease by exactly 8x? Why or why not?"
//
// A lab session in the terminal: the track's story, the question, the prediction lock, then the
// instruments (the models' answer, the scaling table, the point of diminishing returns on both
// networks), the verdict, and optionally the Math Peek (--math), the figure (--out) and the
// ledger (--ledger). Every number comes from paradox::scaling and paradox::comm.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "paradox/catalog/models.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/error.hpp"
#include "paradox/figures/csv.hpp"
#include "paradox/figures/scaling_efficiency.hpp"
#include "paradox/figures/svg.hpp"
#include "paradox/io.hpp"
#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/strong_weak.hpp"
#include "paradox/units.hpp"
#include "paradox_lab/error.hpp"
#include "paradox_lab/format.hpp"
#include "paradox_lab/ledger.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/scenario.hpp"
#include "paradox_lab/table.hpp"
#include "paradox_lab/track.hpp"

namespace {

using namespace paradox;
using lab::format_number;
using lab::format_percent;

constexpr const char* program = "part1_communication_wall";
constexpr double threshold = 0.5;  // the lab's "less than 0.5x marginal speedup"

struct Options {
  std::string track = "cloud";
  int nodes = 64;
  std::string network = "slow";
  std::optional<int> max_nodes;
  double overlap = 0.0;
  std::optional<std::string> model;
  std::string algo = "ring";
  std::optional<std::string> predict;
  bool math = false;
  std::optional<std::string> ledger;
  std::optional<std::string> out;
  std::optional<std::string> scenario;
};

struct Job {
  lab::LabTrack track;
  lab::NetworkChoice choice = lab::NetworkChoice::fast;
  int nodes = 64;
  int base = 8;
  int max_nodes = 64;
  double overlap = 0.0;
  comm::Algorithm algorithm = comm::Algorithm::ring;
  std::string model_key;
  Bytes gradient;
  std::optional<std::string> description;
};

scaling::ScalingInput scaling_input(const Job& job, const lab::LabLink& link) {
  return {.compute_time = job.track.compute_time_one_worker,
          .gradient = job.gradient,
          .link = {.latency = link.latency, .bandwidth = link.bandwidth},
          .gpus_per_node = job.track.workers_per_node,
          .intra_node = {.latency = job.track.intra_node.latency,
                         .bandwidth = job.track.intra_node.bandwidth},
          .algorithm = job.algorithm,
          .overlap_fraction = job.overlap,
          .mode = scaling::Mode::strong};
}

// The gradient of a catalog model: 16-bit gradients for transformers (bf16 mixed precision),
// the stored precision for edge models.
Bytes gradient_of(const std::string& key) {
  for (const auto& m : catalog::transformer_models)
    if (m.key == key) return m.published_parameters * 2.0 * bytes;
  for (const auto& m : catalog::edge_models)
    if (m.key == key) return model_bytes(m);
  throw invalid_input("part 1", "--model",
                      "be a catalog model (" + catalog::list_keys(catalog::transformer_models) +
                          ", " + catalog::list_keys(catalog::edge_models) + ")",
                      "\"" + key + "\"");
}

std::string times(double x) { return lab::format_times(x); }

// Marginal speedups hover around 0 for large N; two decimals read better than "-6.94e-05".
std::string fixed2(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::fabs(x) < 0.005 ? 0.0 : x);
  return buffer;
}

std::string count_of(int n, const lab::LabTrack& t) {
  return std::to_string(n) + " " + (n == 1 ? t.worker_noun : t.worker_plural);
}

Job resolve(const Options& o, const CLI::App& app) {
  const auto given = [&](const char* flag) { return app.get_option(flag)->count() > 0; };
  std::optional<lab::Scenario> scenario;
  if (o.scenario) scenario = lab::Scenario::load(*o.scenario);

  Job job;
  std::string track_key = o.track;
  if (scenario && !given("--track")) {
    if (auto base = scenario->base_track()) track_key = *base;
  }
  job.track = lab::track_from_catalog(track_key);
  if (scenario) {
    scenario->check_table("controls",
                          {"nodes", "network", "max_nodes", "overlap", "model", "algo"});
    job.track = scenario->apply(job.track);
    job.description = scenario->description();
  }
  const auto pick = [&](const char* flag, auto cli_value, auto from_scenario) {
    if (given(flag) || !from_scenario) return cli_value;
    return decltype(cli_value)(*from_scenario);
  };
  const auto sc_int = [&](const char* key, int lo, int hi) {
    return scenario ? scenario->integer(key, lo, hi) : std::nullopt;
  };
  const auto sc_text = [&](const char* key) {
    return scenario ? scenario->text(key) : std::nullopt;
  };
  const auto sc_number = [&](const char* key, double lo, double hi) {
    return scenario ? scenario->number(key, lo, hi) : std::nullopt;
  };
  constexpr int limit = scaling::max_workers_limit;

  job.nodes = pick("--nodes", o.nodes, sc_int("controls.nodes", 2, limit));
  require_in_range("part 1", "--nodes", job.nodes, 2, limit);
  const std::string network = pick("--network", o.network, sc_text("controls.network"));
  job.choice = lab::parse_network(job.track, network);

  std::optional<int> max_nodes = o.max_nodes;
  if (!given("--max-nodes")) max_nodes = sc_int("controls.max_nodes", 2, limit);
  if (max_nodes) {
    require_in_range("part 1", "--max-nodes", *max_nodes, 2, limit);
    if (job.nodes > *max_nodes)
      throw invalid_input("part 1", "--nodes", "be <= --max-nodes = " + std::to_string(*max_nodes),
                          std::to_string(job.nodes));
    job.max_nodes = *max_nodes;
  } else {
    job.max_nodes = std::max({job.track.fleet_size, job.nodes, 2});
  }
  const int per_node = job.track.workers_per_node;
  if (job.max_nodes < per_node)
    throw invalid_input(
        "part 1", "--max-nodes",
        "be >= " + std::to_string(per_node) + " (one node of " + job.track.worker_plural + ")",
        std::to_string(job.max_nodes));

  job.overlap = pick("--overlap", o.overlap, sc_number("controls.overlap", 0.0, 1.0));
  require_fraction("part 1", "--overlap", job.overlap);

  const std::string algo = pick("--algo", o.algo, sc_text("controls.algo"));
  const auto parsed_algo = comm::parse_algorithm(algo);
  if (!parsed_algo) {
    std::string spellings;
    for (const comm::Algorithm a : comm::all_algorithms)
      spellings += (spellings.empty() ? "" : "|") + std::string(comm::to_string(a));
    throw invalid_input("part 1", "--algo", "be one of " + spellings, "\"" + algo + "\"");
  }
  job.algorithm = *parsed_algo;

  std::optional<std::string> model = o.model;
  if (!given("--model")) {
    if (auto m = sc_text("controls.model")) model = m;
  }
  job.model_key = model ? *model : job.track.model_key;
  job.gradient = model ? gradient_of(*model) : job.track.sync_payload;
  job.base = job.nodes > 8 ? 8 : 1;
  return job;
}

// ---------------------------------------------------------------------------------------------

std::optional<std::string> accept_prediction(const std::string& typed) {
  std::string word;
  for (char c : typed) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (word == "a" || word == "exact" || word == "exactly" || word == "yes") return "exact";
  if (word == "b" || word == "less" || word == "no") return "less";
  if (word == "c" || word == "more" || word == "superlinear") return "more";
  if (!word.empty() && word.back() == 'x') word.pop_back();
  if (word.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const double v = std::stod(word, &used);
    if (used == word.size() && std::isfinite(v) && v > 0.0 && v < 1e9) return format_number(v, 4);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return std::nullopt;
}

// How the models' speedup compares with the ideal one. An enum, not text: the verdict line and
// the ledger each spell it their own way, and the words must match the comparison.
enum class Relation { exact, less, more };

// "Exactly" means what it says: only communication that costs nothing (a zero-byte gradient, or
// an all-reduce hidden entirely behind the compute) gives the ideal speedup; a near miss is still
// less, and the answer text says how near.
Relation compare_to_ideal(double speedup, double ideal) {
  if (std::fabs(speedup - ideal) <= 1e-9 * ideal) return Relation::exact;
  return speedup < ideal ? Relation::less : Relation::more;
}

// The ledger's and --predict's spelling.
const char* key_of(Relation r) {
  switch (r) {
    case Relation::exact:
      return "exact";
    case Relation::less:
      return "less";
    case Relation::more:
      return "more";
  }
  return "less";
}

// "exactly 8x", "less than 8x", "more than 8x".
std::string relative_to(Relation r, const std::string& ideal_text) {
  switch (r) {
    case Relation::exact:
      return "exactly " + ideal_text;
    case Relation::less:
      return "less than " + ideal_text;
    case Relation::more:
      return "more than " + ideal_text;
  }
  return ideal_text;
}

// What the student locked, in words: "less than 8x", or "5.5x" for a typed speedup.
std::string prediction_text(const std::string& answer, const std::string& ideal_text) {
  for (Relation r : {Relation::exact, Relation::less, Relation::more})
    if (answer == key_of(r)) return relative_to(r, ideal_text);
  return answer + "x";
}

void banner(const Job& job) {
  const lab::LabTrack& t = job.track;
  std::cout << "==============================================================================\n"
            << " PART 1 - THE COMMUNICATION WALL                      track: " << t.name << "\n"
            << "==============================================================================\n";
  std::cout << " You are the " << t.role << ". " << t.story << "\n";
  if (job.description) std::cout << " Scenario: " << *job.description << "\n";
  std::cout << "\n Your fleet: up to " << count_of(job.max_nodes, t);
  if (t.workers_per_node > 1)
    std::cout << " (" << t.workers_per_node << " per node on " << t.intra_node.name << ")";
  std::cout << ". Every step all-reduces " << paradox::to_string(job.gradient) << " of "
            << job.model_key << " gradients; one " << t.worker_noun << " alone needs "
            << paradox::to_string(t.compute_time_one_worker) << " per step.\n";
  std::cout << " Networks: slow = " << t.slow_network.name << " ("
            << paradox::format_bits(t.slow_network.bandwidth) << ", "
            << paradox::to_string(t.slow_network.latency) << "), fast = " << t.fast_network.name
            << " (" << paradox::format_bits(t.fast_network.bandwidth) << ", "
            << paradox::to_string(t.fast_network.latency) << ").\n\n";
}

struct Row {
  scaling::ScalingPoint point;
  std::string mark;
};

void print_table(const Job& job, const scaling::ScalingInput& input,
                 const std::vector<int>& dr_points) {
  std::set<int> ns;
  for (int n = 1; n <= job.max_nodes; n *= 2) {
    ns.insert(n);
    if (n > job.max_nodes / 2) break;
  }
  ns.insert(job.base);
  ns.insert(job.nodes);
  ns.insert(job.max_nodes);
  for (int n : dr_points) ns.insert(n);
  lab::Table table{.headers = {"N", "step time", "compute", "comm (exposed)", "comm share",
                               "speedup", "efficiency", "marginal"}};
  const std::vector<int> workers(ns.begin(), ns.end());
  for (const scaling::ScalingPoint& p : scaling::sweep(input, workers)) {
    const int n = p.workers;
    const double share =
        value_in<second_unit>(p.exposed_communication_time) / value_in<second_unit>(p.step_time);
    table.rows.push_back(
        {std::to_string(n), paradox::to_string(p.step_time), paradox::to_string(p.compute_time),
         paradox::to_string(p.exposed_communication_time), format_percent(share), times(p.speedup),
         format_percent(p.efficiency), fixed2(p.marginal_speedup)});
    std::string mark;
    if (n == job.nodes) mark += ">";
    if (std::find(dr_points.begin(), dr_points.end(), n) != dr_points.end()) mark += "*";
    table.row_marks.push_back(mark);
  }
  lab::print(std::cout, table);
  std::cout << "  > your N (--nodes)   * diminishing returns on this network";
  if (job.track.workers_per_node > 1)
    std::cout << "\n  marginal = S(N+1) - S(N); at a node boundary the next "
              << job.track.worker_noun
              << " starts a new node and puts the all-reduce on the network";
  std::cout << "\n\n";
}

// `p` is the point at N = job.nodes on `link`.
void math_peek(const Job& job, const scaling::ScalingPoint& p, const lab::LabLink& link) {
  const int g = job.track.workers_per_node;
  std::cout << "MATH PEEK (--math)\n"
            << "  alpha = latency, beta = bandwidth per direction, M = bytes all-reduced, N = "
            << job.track.worker_plural << "\n\n"
            << "  Ring all-reduce (Thakur, Rabenseifner & Gropp, IJHPCA 2005; Patarasuk & Yuan,\n"
            << "  JPDC 2009):        T_ring(N) = 2 (N-1) alpha + 2 (N-1)/N * M / beta\n";
  if (g > 1) {
    std::cout << "  Hierarchical all-reduce, g = " << g << " per node, k = ceil(N/g) nodes\n"
              << "  (NCCL / Horovod style; MODELS.md section 1):\n"
              << "    T_h(N) = RS_intra(M, g) + T_ring(M/g over k nodes) + AG_intra(M, g)\n"
              << "    RS_intra = AG_intra = (g-1) alpha_i + (g-1)/g * M / beta_i   (" << link.name
              << " between nodes, " << job.track.intra_node.name << " inside)\n";
  }
  std::cout << "  Step time (MODELS.md section 5):\n"
            << "    T(N) = T_compute/N + T_comm(N) - T_overlap,  T_overlap = min(f T_comm(N), "
               "T_compute/N)\n"
            << "  Speedup S(N) = T(1)/T(N)   efficiency eta(N) = S(N)/N   marginal dS(N) = "
               "S(N+1) - S(N)\n"
            << "  Diminishing returns: the first N with dS(N) < " << threshold;
  if (g > 1) std::cout << " per " << job.track.worker_noun << " of the next whole node";
  std::cout << "\n  Amdahl's law: S = 1 / ((1-p) + p/s) (Amdahl, AFIPS 1967)\n\n";
  std::cout << "  With your numbers at N = " << job.nodes << " on " << link.name << ":\n"
            << "    M = " << paradox::to_string(job.gradient)
            << ", alpha = " << paradox::to_string(link.latency)
            << ", beta = " << paradox::format_bits(link.bandwidth) << " ("
            << paradox::to_string(link.bandwidth) << "), f = " << job.overlap << "\n"
            << "    T_compute/N = " << paradox::to_string(p.compute_time)
            << ", T_comm(N) = " << paradox::to_string(p.communication_time)
            << ", T(N) = " << paradox::to_string(p.step_time) << ", S(N) = " << times(p.speedup)
            << ", eta = " << format_percent(p.efficiency) << "\n"
            << "    link source: " << link.source << "\n"
            << "    track source: " << job.track.provenance << "\n\n";
}

int run(const Options& o, const CLI::App& app) {
  const Job job = resolve(o, app);
  const lab::LabTrack& t = job.track;
  const lab::LabLink& chosen = lab::network(t, job.choice);
  const scaling::ScalingInput slow_input = scaling_input(job, t.slow_network);
  const scaling::ScalingInput fast_input = scaling_input(job, t.fast_network);
  const bool slow_chosen = job.choice == lab::NetworkChoice::slow;
  const scaling::ScalingInput& input = slow_chosen ? slow_input : fast_input;
  const scaling::ScalingInput& other_input = slow_chosen ? fast_input : slow_input;
  const lab::LabLink& other =
      lab::network(t, slow_chosen ? lab::NetworkChoice::fast : lab::NetworkChoice::slow);

  banner(job);

  const double ideal = static_cast<double>(job.nodes) / job.base;
  // The ideal is a ratio of counts, printed in full: 9/8 is "1.125x", not "1.12x".
  const std::string ideal_text = format_number(ideal, 6) + "x";
  lab::PredictionPrompt prompt{.question = "If you move from " + count_of(job.base, t) + " to " +
                                           count_of(job.nodes, t) + " on " + chosen.name +
                                           ", will your training time decrease by exactly " +
                                           ideal_text + "? Why or why not?",
                               .choices = {{"a", "yes, exactly " + ideal_text + " faster"},
                                           {"b", "no, less than " + ideal_text + " faster"},
                                           {"c", "no, more than " + ideal_text + " faster"}},
                               .free_form_hint = "or type the speedup you expect, e.g. 5.5",
                               .accept = accept_prediction};
  const lab::Prediction prediction =
      lab::lock_prediction(prompt, o.predict, lab::stdin_is_terminal(), std::cin, std::cout);

  // The instruments.
  const scaling::ScalingPoint from = scaling::evaluate(input, job.base);
  const scaling::ScalingPoint to = scaling::evaluate(input, job.nodes);
  const double speedup = to.speedup / from.speedup;
  const double share =
      value_in<second_unit>(to.exposed_communication_time) / value_in<second_unit>(to.step_time);
  const Relation relation = compare_to_ideal(speedup, ideal);
  // Printed with as many digits as it takes not to read as the ideal when it is not.
  const std::string speedup_text =
      relation == Relation::exact ? ideal_text : lab::format_times_beside(speedup, ideal);
  // A sliver of exposed communication is still some: "0.04%", not "0.0%".
  const std::string share_text = to.exposed_communication_time > 0.0 * seconds
                                     ? lab::format_percent_beside(share, 0.0)
                                     : format_percent(share);
  std::cout << "THE ANSWER (from the models)\n"
            << "  On " << chosen.name << ", " << count_of(job.base, t) << " -> "
            << count_of(job.nodes, t) << ":\n"
            << "    step time   " << paradox::to_string(from.step_time) << " -> "
            << paradox::to_string(to.step_time) << "\n"
            << "    speedup     " << speedup_text << " (ideal " << ideal_text << ": "
            << (relation == Relation::exact ? format_percent(1.0)
                                            : lab::format_percent_beside(speedup / ideal, 1.0))
            << " of it)\n"
            << "    all-reduce  " << paradox::to_string(to.communication_time)
            << " per step at N = " << job.nodes << ", " << share_text
            << " of the step is exposed communication\n";
  if (relation == Relation::less && speedup >= 0.99 * ideal) {
    std::cout << "  Not exactly, but close: on " << chosen.name << " the all-reduce of "
              << paradox::to_string(job.gradient)
              << " is still small next to the compute at N = " << job.nodes
              << ". It does not shrink with more " << t.worker_plural
              << " while the compute does: watch the comm share grow in the table.\n\n";
  } else if (relation == Relation::less && speedup < 1.0) {
    std::cout << "  Worse than no: " << count_of(job.nodes, t) << " are SLOWER than "
              << count_of(job.base, t) << ". The compute shrinks, but on " << chosen.name
              << " the all-reduce of " << paradox::to_string(job.gradient)
              << " costs more than the compute it saves (and its latency term grows with N).\n\n";
  } else if (relation == Relation::less) {
    std::cout << "  No: the compute shrinks " << ideal_text << " but every step still has to "
              << "all-reduce " << paradox::to_string(job.gradient)
              << ", and that does not shrink with more " << t.worker_plural << ".\n\n";
  } else if (relation == Relation::exact && job.gradient <= 0.0 * bytes) {
    std::cout << "  Yes: with nothing to all-reduce there is no communication to pay.\n\n";
  } else if (relation == Relation::exact && to.exposed_communication_time <= 0.0 * seconds) {
    std::cout << "  Yes, here: the all-reduce (" << paradox::to_string(to.communication_time)
              << " per step at N = " << job.nodes << ") hides entirely behind the compute (overlap "
              << format_percent(job.overlap) << "), so the step is pure compute and shrinks "
              << ideal_text << ". Lower the overlap and the wall comes back.\n\n";
  } else if (relation == Relation::exact) {
    std::cout << "  Yes: the step time shrinks by exactly the ideal " << ideal_text << ".\n\n";
  } else {
    std::cout << "  More than ideal: the smaller all-reduce per " << t.worker_noun
              << " outweighs the extra latency.\n\n";
  }

  std::cout << "SCALING TABLE on " << chosen.name << " (strong scaling, overlap "
            << format_percent(job.overlap) << ", algorithm " << comm::to_string(job.algorithm)
            << (t.workers_per_node > 1 ? ", hierarchical across nodes" : "") << ")\n";
  const std::optional<int> dr_slow =
      figures::diminishing_returns_point(slow_input, job.max_nodes, threshold);
  const std::optional<int> dr_fast =
      figures::diminishing_returns_point(fast_input, job.max_nodes, threshold);
  const std::optional<int>& dr_chosen = slow_chosen ? dr_slow : dr_fast;
  std::vector<int> dr_points;
  if (dr_chosen) dr_points.push_back(*dr_chosen);
  print_table(job, input, dr_points);

  std::cout << "DIMINISHING RETURNS (adding a " << t.worker_noun << " gives less than " << threshold
            << "x marginal speedup)\n";
  nlohmann::json dr_json = nlohmann::json::object();
  for (const auto& [name, in, n, key] :
       {std::tuple{t.slow_network.name, slow_input, dr_slow, "slow"},
        std::tuple{t.fast_network.name, fast_input, dr_fast, "fast"}}) {
    std::cout << "  " << key << " (" << name << "): ";
    if (n) {
      const scaling::ScalingPoint p = scaling::evaluate(in, *n);
      std::cout << "N = " << count_of(*n, t) << " (speedup " << times(p.speedup) << ", efficiency "
                << format_percent(p.efficiency) << ")\n";
      dr_json[key] = *n;
    } else {
      std::cout << "not reached up to " << count_of(job.max_nodes, t) << "\n";
      dr_json[key] = nullptr;
    }
  }
  std::cout << "\n";

  std::string verdict;
  if (!prediction.answer) {
    verdict = "no prediction locked";
  } else if (*prediction.answer == "exact" || *prediction.answer == "less" ||
             *prediction.answer == "more") {
    verdict = *prediction.answer == key_of(relation) ? "correct" : "not quite";
  } else {
    const double guessed = std::stod(*prediction.answer);
    const double error = std::fabs(guessed - speedup) / speedup;
    verdict = error <= 0.1 ? "correct (within 10%)" : "off by " + format_percent(error);
  }
  std::cout << "VERDICT\n  You predicted: "
            << (prediction.answer ? prediction_text(*prediction.answer, ideal_text)
                                  : std::string("(nothing)"))
            << "; the models say " << speedup_text << ", "
            << relative_to(relation, "the ideal " + ideal_text) << ". Verdict: " << verdict
            << ".\n";
  std::cout << "  Compare: on " << other.name << " the same move gives "
            << times(scaling::evaluate(other_input, job.nodes).speedup /
                     scaling::evaluate(other_input, job.base).speedup)
            << ".\n\n";

  if (o.math) math_peek(job, to, chosen);

  nlohmann::json figure_json = nullptr;
  if (o.out) {
    const figures::ScalingEfficiencyPlot plot{
        .title = t.name + ": throughput vs " + t.worker_plural + " (" +
                 paradox::to_string(job.gradient) + " all-reduced per step)",
        .worker_label = std::string(1, static_cast<char>(std::toupper(
                                           static_cast<unsigned char>(t.worker_plural.front())))) +
                        t.worker_plural.substr(1),
        .networks = {{.name = t.slow_network.name, .input = slow_input, .color = "#d62728"},
                     {.name = t.fast_network.name, .input = fast_input, .color = "#1f77b4"}},
        .max_workers = job.max_nodes,
        .threshold = threshold,
        .samples_per_step = std::llround(std::clamp(t.global_batch, 0.0, 1e15)),
        .sample_unit = t.batch_unit.empty() ? std::string("samples") : t.batch_unit,
        .highlight_workers = job.nodes};
    const figures::ScalingEfficiencyFigure built = figures::build(plot);
    const std::filesystem::path dir(*o.out);
    const std::string stem = "part1_" + t.key + "_scaling_efficiency";
    const auto csv = figures::write_csv(built.figure, dir / (stem + ".csv"));
    if (!csv) throw lab::usage_error("--out: " + csv.message);
    const auto svg = figures::render_svg(built.figure, dir / (stem + ".svg"));
    std::cout << "FIGURE\n  " << (dir / (stem + ".csv")).string() << "\n";
    if (svg) {
      std::cout << "  " << (dir / (stem + ".svg")).string()
                << " (gnuplot script and data beside it)\n\n";
    } else {
      std::cout << "  SVG not drawn: " << svg.message << "\n\n";
      std::cerr << program << ": warning: SVG not drawn: " << svg.message << "\n";
    }
    figure_json = {{"csv", (dir / (stem + ".csv")).string()},
                   {"svg", svg ? nlohmann::json((dir / (stem + ".svg")).string()) : nullptr}};
  } else {
    std::cout << "(add --out DIR to draw the figure: throughput vs " << t.worker_plural
              << ", ideal line, both networks)\n";
  }

  if (o.ledger) {
    nlohmann::json entry = {
        {"part", "part1_communication_wall"},
        {"time", lab::utc_timestamp()},
        {"track", t.key},
        {"scenario", o.scenario ? nlohmann::json(*o.scenario) : nullptr},
        {"choices",
         {{"nodes", job.nodes},
          {"from_nodes", job.base},
          {"network", job.choice == lab::NetworkChoice::slow ? "slow" : "fast"},
          {"network_name", chosen.name},
          {"max_nodes", job.max_nodes},
          {"overlap", job.overlap},
          {"model", job.model_key},
          {"algorithm", std::string(comm::to_string(job.algorithm))}}},
        {"prediction",
         {{"answer", prediction.answer ? nlohmann::json(*prediction.answer) : nullptr},
          {"source", lab::to_string(prediction.source)}}},
        {"results",
         {{"speedup", speedup},
          {"ideal_speedup", ideal},
          {"efficiency_vs_ideal", speedup / ideal},
          {"step_time_s", value_in<second_unit>(to.step_time)},
          {"communication_time_s", value_in<second_unit>(to.communication_time)},
          {"diminishing_returns", dr_json},
          {"answer", key_of(relation)}}},
        {"verdict", verdict},
        {"figure", figure_json}};
    lab::append_ledger(*o.ledger, entry);
    std::cout << "Ledger: appended this run to " << *o.ledger << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Part 1 of the distributed-training lab: the communication wall.\n"
      "If you move from 8 GPUs to 64 GPUs, will your training time decrease by exactly 8x?\n"
      "Lock a prediction, then read the models' answer, the scaling table and the point of\n"
      "diminishing returns on both of the track's networks.",
      program};
  app.add_option("--track", o.track, "Fleet track: cloud|edge|mobile|tiny")->default_str("cloud");
  app.add_option("--nodes", o.nodes,
                 "N, the number of workers you scale to (GPUs, cars, pairs of glasses, "
                 "hearables); the question compares 8 -> N")
      ->default_str("64");
  app.add_option("--network", o.network,
                 "slow|fast, or the track's names: ethernet|infiniband (cloud), 5g|wifi (edge), "
                 "tether|wifi (mobile), ble1m|ble2m (tiny)")
      ->default_str("slow");
  app.add_option("--max-nodes", o.max_nodes,
                 "Largest N in the table, figure and diminishing-returns search (default: the "
                 "track's fleet size)");
  app.add_option("--overlap", o.overlap,
                 "Fraction of the all-reduce hidden behind compute, in [0, 1]")
      ->default_str("0");
  app.add_option("--model", o.model,
                 "Catalog model whose gradient is all-reduced (default: the track's); changes "
                 "the gradient size only, not the compute time");
  app.add_option("--algo", o.algo,
                 "All-reduce algorithm: ring|tree|double-binary-tree|recursive-doubling|"
                 "rabenseifner|in-network|auto (hierarchical across nodes when a node holds "
                 "several workers)")
      ->default_str("ring");
  app.add_option("--predict", o.predict,
                 "Answer the prediction without a prompt: a|exact, b|less, c|more, or the "
                 "speedup you expect (e.g. 5.5). Without it the question is asked when stdin is "
                 "a terminal and skipped otherwise");
  app.add_flag("--math", o.math, "Print the formulas used, with their sources (Math Peek)");
  app.add_option("--ledger", o.ledger,
                 "Append this run (choices and results) as one JSON line to FILE")
      ->type_name("FILE");
  app.add_option("--out", o.out,
                 "Write the figure (SVG via gnuplot, plus CSV, gnuplot script and data) to DIR; "
                 "default: no files are written")
      ->type_name("DIR");
  app.add_option("--scenario", o.scenario,
                 "TOML scenario file overriding the track's numbers and presetting the controls "
                 "(see examples/scenarios/); flags given on the command line win")
      ->type_name("FILE");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << program << ": " << e.what() << "\n";
    return lab::exit_bad_input;
  }
  try {
    return run(o, app);
  } catch (const invalid_input& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return lab::exit_bad_input;
  } catch (const lab::usage_error& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return lab::exit_bad_input;
  }
}
