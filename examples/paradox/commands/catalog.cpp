// `paradox catalog`: every preset of the catalog with its figures and where they come from.
// The `name` of an entry is its catalog key, the spelling --model, --accelerator, --fabric and
// --link accept.

#include "paradox/catalog/catalog.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paradox/catalog/cells.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::catalog_command {
namespace {

// A figure's name in Provenance::figures is its JSON key without the unit suffix:
// "latency_s" -> "latency", "peak_bf16_flop_per_s" -> "peak_bf16", "parameters" -> "parameters".
std::string figure_name(const std::string& json_key) {
  static constexpr std::string_view suffixes[] = {
      "_flop_per_s", "_bytes_per_s", "_j_per_bit", "_usd_per_hour", "_bytes", "_flop",
      "_s",          "_w",           "_j"};
  for (const std::string_view suffix : suffixes)
    if (json_key.ends_with(suffix)) return json_key.substr(0, json_key.size() - suffix.size());
  return json_key;
}

// Marks a table cell whose figure is a didactic assumption.
constexpr std::string_view assumed_mark = " ~";

// One group of entries: its JSON objects, a table for people and the sources under it.
struct Section {
  // The name, display name and source columns are text, as are the columns in `text_columns`.
  // `column_figures` names the figure each column shows (empty: not a figure), so that a cell
  // whose figure is a didactic assumption gets the mark.
  Section(std::string section_title, std::vector<std::string> headers,
          std::vector<std::size_t> text_columns = {}, std::vector<std::string> figures = {})
      : title(std::move(section_title)), table(headers), column_figures(std::move(figures)) {
    text_columns.push_back(1);
    text_columns.push_back(headers.size() - 1);
    for (const std::size_t column : text_columns) table.align_left(column);
  }

  std::string title;
  Table table;
  std::vector<std::string> column_figures;
  std::vector<nlohmann::json> entries;
  std::string sources;

  // Adds `entry` with `provenance` for the entry and, per figure, `provenance.figures` (or
  // `overrides`, which win): every numeric key of the entry gets its {kind, source} under
  // "provenance".
  void add(nlohmann::json entry, std::vector<std::string> row, const Provenance& provenance,
           const std::vector<FigureSource>& overrides = {}) {
    const auto source_for = [&](const std::string& figure) {
      for (const FigureSource& o : overrides)
        if (o.figure == figure) return o;
      return source_of(provenance, figure);
    };
    const std::string key = entry["name"].get<std::string>();
    entry["source"] = provenance.source;
    entry["source_kind"] = to_string(provenance.kind);
    nlohmann::json figures = nlohmann::json::object();
    std::string exceptions;
    for (const auto& [json_key, value] : entry.items()) {
      if (!value.is_number()) continue;
      const FigureSource f = source_for(figure_name(json_key));
      figures[json_key] = {{"kind", to_string(f.kind)}, {"source", f.source}};
      if (f.source != provenance.source)
        exceptions += "    " + json_key + " (" + std::string(to_string(f.kind)) +
                      "): " + std::string(f.source) + "\n";
    }
    entry["provenance"] = std::move(figures);
    for (std::size_t i = 0; i < row.size() && i < column_figures.size(); ++i) {
      if (column_figures[i].empty()) continue;
      if (source_for(column_figures[i]).kind == SourceKind::didactic_assumption)
        row[i] += assumed_mark;
    }
    row.emplace_back(to_string(provenance.kind));
    table.add_row(std::move(row));
    entries.push_back(std::move(entry));
    sources += "  " + key + ": " + std::string(provenance.source) + "\n" + exceptions;
  }

  [[nodiscard]] std::string render() const {
    return title + "\n" + table.render() + "(" + std::string(assumed_mark.substr(1)) +
           " marks a didactic assumption; the source column is the entry's headline kind)\n" +
           "sources:\n" + sources;
  }
};

nlohmann::json entry(std::string_view key, std::string_view display_name, std::string_view kind) {
  return {{"name", key}, {"display_name", display_name}, {"kind", kind}};
}

// A figure that may be absent (an unsupported precision, no battery): "-" in the table.
template <class Dimension>
std::string show_if(const units::quantity_of<Dimension>& q, int significant_digits = 4) {
  return q > units::quantity_of<Dimension>{} ? show(q, significant_digits) : std::string("-");
}

Section accelerators() {
  Section s("accelerators",
            {"name", "display name", "BF16 dense", "FP8 dense", "HBM", "HBM bandwidth", "TDP",
             "price", "source"},
            {}, {"", "", "peak_bf16", "peak_fp8", "hbm_capacity", "hbm_bandwidth", "tdp", "price"});
  for (const Accelerator& a : catalog::accelerators) {
    nlohmann::json e = entry(a.key, a.name, "accelerator");
    for (const Precision p : all_precisions) {
      e["peak_" + std::string(to_string(p)) + "_flop_per_s"] =
          supports(a, p) ? value_in<flop_per_second_unit>(peak(a, p)) : 0.0;
    }
    e["hbm_capacity_bytes"] = value_in<byte_unit>(a.hbm_capacity);
    e["hbm_bandwidth_bytes_per_s"] = value_in<bytes_per_second_unit>(a.hbm_bandwidth);
    e["tdp_w"] = value_in<watt_unit>(a.tdp);
    e["price_usd_per_hour"] = value_in<dollar_per_hour_unit>(a.price_per_hour);
    e["price_source"] = a.price_provenance.source;
    e["price_source_kind"] = to_string(a.price_provenance.kind);
    s.add(std::move(e),
          {std::string(a.key), std::string(a.name), show_if(a.dense_peak.bf16),
           show_if(a.dense_peak.fp8), format_binary(a.hbm_capacity), show(a.hbm_bandwidth),
           show(a.tdp), show(a.price_per_hour)},
          a.provenance, {{"price", a.price_provenance.source, a.price_provenance.kind}});
  }
  return s;
}

// The figures a wired link and a radio share, as keys and as the row: a radio is read as its
// uplink, the direction workers send gradients in.
void add_link(Section& s, nlohmann::json e, std::string medium, Bandwidth bandwidth,
              Seconds latency, JoulesPerBit energy_per_bit, const Provenance& provenance,
              std::vector<FigureSource> overrides = {}) {
  e["bandwidth_bytes_per_s"] = value_in<bytes_per_second_unit>(bandwidth);
  e["latency_s"] = value_in<second_unit>(latency);
  std::vector<std::string> row{e["name"].get<std::string>(),
                               e["display_name"].get<std::string>(),
                               std::move(medium),
                               show(bandwidth),
                               format(bandwidth, {.significant_digits = 4, .bits = true}),
                               show(latency),
                               show(energy_per_bit)};
  // A radio's energy column is its uplink alpha: the "energy_per_bit" cell takes its source.
  for (FigureSource& o : overrides) o.figure = "energy_per_bit";
  s.add(std::move(e), std::move(row), provenance, overrides);
}

Section links() {
  Section s(
      "links (bandwidth per direction)",
      {"name", "display name", "medium", "bandwidth", "in bits", "latency", "energy", "source"},
      {2}, {"", "", "", "bandwidth", "bandwidth", "latency", "energy_per_bit"});
  for (const Link& l : catalog::links) {
    nlohmann::json e = entry(l.key, l.name, "link");
    e["medium"] = "wired";
    e["energy_per_bit_j"] = value_in<joule_per_bit_unit>(l.energy_per_bit);
    add_link(s, std::move(e), "wired", l.bandwidth, l.latency, l.energy_per_bit, l.provenance);
  }
  for (const RadioLink& r : catalog::radio_links) {
    nlohmann::json e = entry(r.key, r.name, "link");
    e["medium"] = "radio";
    e["uplink_bytes_per_s"] = value_in<bytes_per_second_unit>(r.uplink);
    e["downlink_bytes_per_s"] = value_in<bytes_per_second_unit>(r.downlink);
    e["alpha_uplink_j_per_bit"] = value_in<joule_per_bit_unit>(r.alpha_uplink);
    e["alpha_downlink_j_per_bit"] = value_in<joule_per_bit_unit>(r.alpha_downlink);
    e["beta_w"] = value_in<watt_unit>(r.beta);
    e["tail_time_s"] = value_in<second_unit>(r.tail_time);
    e["tail_power_w"] = value_in<watt_unit>(r.tail_power);
    e["promotion_time_s"] = value_in<second_unit>(r.promotion_time);
    e["promotion_power_w"] = value_in<watt_unit>(r.promotion_power);
    add_link(s, std::move(e), "radio (up)", r.uplink, r.latency, r.alpha_uplink, r.provenance,
             {source_of(r.provenance, "alpha_uplink")});
  }
  return s;
}

Section models() {
  Section s("models", {"name", "display name", "family", "parameters", "shape", "source"}, {2, 4},
            {"", "", "", "parameters"});
  for (const TransformerSpec& m : catalog::transformer_models) {
    nlohmann::json e = entry(m.key, m.name, "model");
    e["family"] = "transformer";
    e["architecture"] = to_string(m.architecture);
    e["parameters"] = m.published_parameters;
    e["layers"] = m.layers;
    e["hidden"] = m.hidden;
    e["heads"] = m.heads;
    e["kv_heads"] = m.kv_heads;
    e["ffn_hidden"] = m.ffn_hidden;
    e["vocab"] = m.vocab;
    e["seq_len"] = m.seq_len;
    s.add(std::move(e),
          {std::string(m.key), std::string(m.name), "transformer", count(m.published_parameters, 4),
           "L=" + std::to_string(m.layers) + " h=" + std::to_string(m.hidden) +
               " a=" + std::to_string(m.heads) + " kv=" + std::to_string(m.kv_heads) +
               " ffn=" + std::to_string(m.ffn_hidden) + " V=" + std::to_string(m.vocab) +
               " s=" + std::to_string(m.seq_len) + " " + std::string(to_string(m.architecture))},
          m.provenance);
  }
  for (const EdgeModelSpec& m : catalog::edge_models) {
    const Bytes size = m.parameters * m.bytes_per_parameter * bytes;
    nlohmann::json e = entry(m.key, m.name, "model");
    e["family"] = "edge";
    e["parameters"] = m.parameters;
    e["bytes_per_parameter"] = m.bytes_per_parameter;
    e["model_bytes"] = value_in<byte_unit>(size);
    e["flops_per_inference_flop"] = value_in<flop_unit>(m.flops_per_inference);
    s.add(std::move(e),
          {std::string(m.key), std::string(m.name), "edge", count(m.parameters, 4),
           show(size) + " of weights, " + show(m.flops_per_inference) + " per inference"},
          m.provenance);
  }
  return s;
}

Section devices() {
  Section s("edge devices",
            {"name", "display name", "compute", "memory", "active", "idle", "battery", "source"},
            {},
            {"", "", "compute_peak", "memory", "active_power", "idle_power", "battery_capacity"});
  for (const EdgeDevice& d : catalog::edge_devices) {
    nlohmann::json e = entry(d.key, d.name, "device");
    e["compute_peak_flop_per_s"] = value_in<flop_per_second_unit>(d.compute_peak);
    e["memory_bytes"] = value_in<byte_unit>(d.memory);
    e["active_power_w"] = value_in<watt_unit>(d.active_power);
    e["idle_power_w"] = value_in<watt_unit>(d.idle_power);
    e["battery_capacity_j"] = value_in<joule_unit>(d.battery_capacity);
    s.add(std::move(e),
          {std::string(d.key), std::string(d.name), show(d.compute_peak), show(d.memory),
           show(d.active_power), show(d.idle_power), show_if(d.battery_capacity)},
          d.provenance);
  }
  return s;
}

Section nodes() {
  Section s("nodes", {"name", "display name", "accelerators", "intra-node link", "NICs", "source"},
            {2, 3, 4});
  for (const Node& n : catalog::nodes) {
    nlohmann::json e = entry(n.key, n.name, "node");
    e["accelerator"] = n.accelerator.key;
    e["accelerators_per_node"] = n.accelerators_per_node;
    e["intra_node_link"] = n.intra_node.key;
    e["intra_node_bandwidth_bytes_per_s"] = value_in<bytes_per_second_unit>(n.intra_node.bandwidth);
    e["nic_link"] = n.nic.key;
    e["nic_bandwidth_bytes_per_s"] = value_in<bytes_per_second_unit>(n.nic.bandwidth);
    e["nics_per_node"] = n.nics_per_node;
    s.add(std::move(e),
          {std::string(n.key), std::string(n.name),
           std::to_string(n.accelerators_per_node) + " x " + std::string(n.accelerator.key),
           std::string(n.intra_node.key) + " " + show(n.intra_node.bandwidth),
           std::to_string(n.nics_per_node) + " x " + std::string(n.nic.key)},
          n.provenance);
  }
  return s;
}

nlohmann::json link_summary(const Link& link) {
  return {{"name", link.key},
          {"bandwidth_bytes_per_s", value_in<bytes_per_second_unit>(link.bandwidth)},
          {"latency_s", value_in<second_unit>(link.latency)}};
}

// A track network: the NIC's link, how many NICs a node has and the bandwidth each worker gets
// across nodes when the node's workers share them.
nlohmann::json network_summary(const Cluster& c) {
  nlohmann::json j = link_summary(c.node.nic);
  j["node"] = c.node.key;
  j["nics_per_node"] = c.node.nics_per_node;
  j["bandwidth_per_worker_bytes_per_s"] =
      value_in<bytes_per_second_unit>(effective_inter_node_bandwidth_per_accelerator(c));
  return j;
}

// "eth-10g (1 per node of 8)" or "ib-ndr" (one NIC per worker).
std::string network_cell(const Cluster& c) {
  std::string cell(c.node.nic.key);
  if (c.node.nics_per_node != c.node.accelerators_per_node)
    cell += " (" + std::to_string(c.node.nics_per_node) + " per node of " +
            std::to_string(c.node.accelerators_per_node) + ")";
  return cell;
}

Section tracks() {
  Section s("fleet tracks",
            {"name", "display name", "worker", "fleet", "per node", "model", "sync payload",
             "slow network", "fast network", "power", "source"},
            {2, 5, 7, 8});
  for (const catalog::Track& t : catalog::tracks) {
    nlohmann::json e = entry(t.key, t.name, "track");
    e["role"] = t.role;
    e["story"] = t.story;
    e["worker_noun"] = t.worker_noun;
    e["fleet_size"] = catalog::fleet_size(t);
    e["workers_per_node"] = t.slow.node.accelerators_per_node;
    e["model"] = t.model_key;
    e["sync_payload_bytes"] = value_in<byte_unit>(t.sync_payload);
    e["compute_time_one_worker_s"] = value_in<second_unit>(t.compute_time_one_worker);
    // A device has no intra-node fabric: its "intra-node" link is its slow network, as before.
    e["intra_node"] = link_summary(t.slow.node.accelerators_per_node > 1 ? t.slow.node.intra_node
                                                                         : t.slow.node.nic);
    e["slow_network"] = network_summary(t.slow);
    e["fast_network"] = network_summary(t.fast);
    e["power_budget_w"] = value_in<watt_unit>(t.power_budget);
    e["control_loop_period_s"] = value_in<second_unit>(t.control_loop_period);
    e["workload"] = {{"global_batch", t.workload.global_batch},
                     {"batch_unit", t.workload.batch_unit},
                     {"training_flops_flop", value_in<flop_unit>(t.workload.training_flops)},
                     {"hardware", t.workload.hardware_key},
                     {"peak_flop_per_s", value_in<flop_per_second_unit>(t.workload.peak)},
                     {"achieved_fraction", t.workload.achieved_fraction},
                     {"derivation", t.workload.derivation}};
    s.add(std::move(e),
          {std::string(t.key), std::string(t.name), std::string(t.worker_noun),
           std::to_string(catalog::fleet_size(t)),
           std::to_string(t.slow.node.accelerators_per_node), std::string(t.model_key),
           show(t.sync_payload), network_cell(t.slow), network_cell(t.fast), show(t.power_budget)},
          t.provenance);
  }
  return s;
}

Section clusters() {
  Section s("clusters", {"name", "display name", "nodes", "node", "accelerators", "NIC", "source"},
            {3, 5});
  for (const catalog::ClusterPreset& p : catalog::clusters) {
    const Cluster& c = p.cluster;
    nlohmann::json e = entry(p.key, p.name, "cluster");
    e["node"] = c.node.key;
    e["nodes"] = c.nodes;
    e["accelerator"] = c.node.accelerator.key;
    e["accelerators_per_node"] = c.node.accelerators_per_node;
    e["accelerators"] = paradox::accelerators(c);
    e["nic_link"] = c.node.nic.key;
    e["nics_per_node"] = c.node.nics_per_node;
    e["nic_bandwidth_bytes_per_s"] = value_in<bytes_per_second_unit>(c.node.nic.bandwidth);
    e["oversubscription_ratio"] = c.oversubscription_ratio;
    s.add(
        std::move(e),
        {std::string(p.key), std::string(p.name), std::to_string(c.nodes), std::string(c.node.key),
         std::to_string(paradox::accelerators(c)) + " x " + std::string(c.node.accelerator.key),
         network_cell(c)},
        p.provenance);
  }
  return s;
}

Section puzzles() {
  Section s(
      "layout puzzles (lab part 2)",
      {"name", "display name", "model", "cluster", "batch", "sequence", "precision", "source"},
      {2, 3, 6});
  for (const catalog::LayoutPuzzle& p : catalog::layout_puzzles) {
    const std::string display = std::string(p.key) + " track's layout puzzle";
    nlohmann::json e = entry(p.key, display, "layout-puzzle");
    e["model"] = p.model_key;
    e["cluster"] = p.cluster_key;
    e["global_batch"] = p.global_batch;
    e["seq_len"] = p.seq_len;
    e["precision"] = to_string(p.precision);
    e["element_bytes"] = p.element_bytes;
    e["note"] = p.note;
    s.add(std::move(e),
          {std::string(p.key), display, std::string(p.model_key), std::string(p.cluster_key),
           std::to_string(p.global_batch),
           p.seq_len > 0 ? std::to_string(p.seq_len) : std::string("model's"),
           std::string(to_string(p.precision))},
          p.provenance);
  }
  return s;
}

Section failures() {
  Section s("failure records",
            {"name", "display name", "accelerators", "window", "unexpected", "planned",
             "largest cause", "source"},
            {6});
  for (const catalog::FailureRecord& r : catalog::failure_records) {
    nlohmann::json e = entry(r.key, r.name, "failure-record");
    e["accelerator"] = r.accelerator_key;
    e["accelerators"] = r.accelerators;
    e["window_s"] = value_in<second_unit>(r.window);
    e["unexpected_interruptions"] = r.unexpected_interruptions;
    e["planned_interruptions"] = r.planned_interruptions;
    e["manual_interventions"] = r.manual_interventions;
    e["effective_training_fraction"] = r.effective_training_fraction;
    nlohmann::json causes = nlohmann::json::array();
    for (const catalog::FailureCause& c : r.causes) {
      if (c.interruptions == 0) continue;
      causes.push_back({{"component", c.component},
                        {"category", c.category},
                        {"interruptions", c.interruptions},
                        {"printed_fraction", c.printed_fraction}});
    }
    e["causes"] = std::move(causes);
    const catalog::FailureCause& largest = r.causes.front();
    s.add(std::move(e),
          {std::string(r.key), std::string(r.name),
           std::to_string(r.accelerators) + " x " + std::string(r.accelerator_key), show(r.window),
           std::to_string(r.unexpected_interruptions), std::to_string(r.planned_interruptions),
           std::string(largest.component) + " (" + std::to_string(largest.interruptions) + ")"},
          r.provenance);
  }
  return s;
}

Section cells() {
  Section s("cells and access points (capacity shared by their clients)",
            {"name", "display name", "radio", "uplink", "downlink", "source"}, {2},
            {"", "", "", "uplink", "downlink"});
  for (const catalog::Cell& c : catalog::cells) {
    nlohmann::json e = entry(c.key, c.name, "cell");
    e["radio"] = c.radio_key;
    e["uplink_bytes_per_s"] = value_in<bytes_per_second_unit>(c.uplink);
    e["downlink_bytes_per_s"] = value_in<bytes_per_second_unit>(c.downlink);
    s.add(std::move(e),
          {std::string(c.key), std::string(c.name), std::string(c.radio_key),
           format(c.uplink, {.significant_digits = 4, .bits = true}),
           format(c.downlink, {.significant_digits = 4, .bits = true})},
          c.provenance);
  }
  return s;
}

// The --kind choices, in the order the sections are printed.
struct Kind {
  const char* name;
  Section (*section)();
};
constexpr Kind kinds[] = {{"accelerators", accelerators},
                          {"links", links},
                          {"models", models},
                          {"devices", devices},
                          {"nodes", nodes},
                          {"tracks", tracks},
                          {"clusters", clusters},
                          {"puzzles", puzzles},
                          {"failures", failures},
                          {"cells", cells}};

struct Flags {
  std::string kind;
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  std::vector<std::string> names;
  for (const Kind& k : kinds) names.emplace_back(k.name);
  add_choice(app, "--kind", flags->kind, "Only this kind of entry (default: every kind)",
             std::move(names));
  app.footer(
      "JSON: {\"entries\": [...]}, one object per preset with name (the catalog key that "
      "--model, --accelerator, --fabric and --link accept), display_name, kind (accelerator, "
      "link, model, device, node, track, cluster, layout-puzzle, failure-record, cell), source and "
      "source_kind (datasheet, paper, measured, "
      "didactic assumption), and the entry's figures in base units named by the key suffix: "
      "accelerators peak_<precision>_flop_per_s (dense; 0 = unsupported), hbm_capacity_bytes, "
      "hbm_bandwidth_bytes_per_s, tdp_w, price_usd_per_hour; links medium (wired or radio), "
      "bandwidth_bytes_per_s (per direction; a radio's uplink), latency_s, energy_per_bit_j; "
      "models parameters and the shape; devices compute_peak_flop_per_s, memory_bytes, "
      "active_power_w, battery_capacity_j; tracks fleet_size, sync_payload_bytes, the networks; "
      "clusters (kind cluster) nodes, node, accelerators, nic_bandwidth_bytes_per_s; puzzles "
      "(kind layout-puzzle, named by track) model, cluster, global_batch, seq_len, precision; "
      "failures (kind failure-record) accelerators, window_s, unexpected_interruptions, "
      "planned_interruptions, causes; cells (kind cell: cells and access points) radio, "
      "uplink_bytes_per_s and downlink_bytes_per_s shared by their clients. "
      "Every entry has a provenance object keyed by each numeric figure's JSON key: {kind, "
      "source}, the figure's own source. In the tables '~' marks a didactic assumption.");

  return [flags]() -> Report {
    Report report;
    report.json["entries"] = nlohmann::json::array();
    for (const Kind& k : kinds) {
      if (!flags->kind.empty() && flags->kind != k.name) continue;
      const Section section = k.section();
      for (const nlohmann::json& e : section.entries) report.json["entries"].push_back(e);
      if (!report.text.empty()) report.text += "\n";
      report.text += section.render();
    }
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "catalog",
     .summary = "Every preset (accelerators, links, models, devices, nodes, tracks, clusters, "
                "layout puzzles, failure records, cells) with its figures and provenance",
     .order = 0,
     .define = define});

}  // namespace
}  // namespace paradox::cli::catalog_command
