#include "paradox_lab/track.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "paradox/catalog/models.hpp"
#include "paradox/io.hpp"

namespace paradox::lab {

namespace {

// The words a student uses for each track's two networks (besides slow|fast and the links' own
// names): "ethernet vs infiniband" in the cloud, "5g vs wifi" for cars, and so on.
struct Vocabulary {
  std::string_view track;
  std::vector<std::string> slow;
  std::vector<std::string> fast;
};

const std::vector<Vocabulary>& vocabulary() {
  static const std::vector<Vocabulary> words = {
      {"cloud", {"ethernet", "eth", "10gbe", "tengige"}, {"infiniband", "ib", "ibndr", "ndr"}},
      {"edge", {"5g", "5guplink", "cellular", "uplink"}, {"wifi", "depotwifi", "depot"}},
      {"mobile", {"tether", "phonetether", "phone"}, {"wifi", "wlan"}},
      {"tiny", {"ble1m", "1m", "le1m"}, {"ble2m", "2m", "le2m"}},
  };
  return words;
}

std::size_t index(NetworkChoice choice) { return choice == NetworkChoice::slow ? 0 : 1; }

}  // namespace

std::string_view TextStore::keep(std::string text) { return texts_->emplace_back(std::move(text)); }

const std::vector<std::string>& track_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const catalog::Track& t : catalog::tracks) k.emplace_back(t.key);
    return k;
  }();
  return keys;
}

std::string track_key_spellings() { return text::join(track_keys(), "|"); }

LabTrack track_from_catalog(std::string_view key, const text::Field& field) {
  const auto& all = catalog::tracks;
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const catalog::Track& t) { return t.key == key; });
  if (it == all.end()) text::reject(field, "be one of " + track_key_spellings(), std::string(key));
  LabTrack lab{
      .track = *it, .worker_plural = plural_of(it->worker_noun), .aliases = {}, .text = {}};
  const auto& words = vocabulary();
  if (const auto v = std::find_if(words.begin(), words.end(),
                                  [&](const Vocabulary& w) { return w.track == key; });
      v != words.end()) {
    lab.aliases = {v->slow, v->fast};
  }
  for (const NetworkChoice c : {NetworkChoice::slow, NetworkChoice::fast}) {
    const Link& nic = network(lab, c).node.nic;
    lab.aliases[index(c)].push_back(normalise(nic.name));
    if (!nic.key.empty()) lab.aliases[index(c)].push_back(normalise(nic.key));
  }
  return lab;
}

const Cluster& network(const LabTrack& track, NetworkChoice choice) {
  return choice == NetworkChoice::slow ? track.track.slow : track.track.fast;
}

Cluster fleet(const LabTrack& track, NetworkChoice choice, int workers) {
  Cluster cluster = network(track, choice);
  const int g = std::max(cluster.node.accelerators_per_node, 1);
  cluster.nodes = std::max(cluster.nodes, (std::max(workers, 1) + g - 1) / g);
  return cluster;
}

std::string_view to_string(NetworkChoice choice) {
  return choice == NetworkChoice::slow ? "slow" : "fast";
}

std::string network_name(const LabTrack& track, NetworkChoice choice) {
  return std::string(network(track, choice).node.nic.name);
}

std::string network_label(const LabTrack& track, NetworkChoice choice) {
  const Node& node = network(track, choice).node;
  std::string label = network_name(track, choice);
  if (node.accelerators_per_node > node.nics_per_node)
    label += ", " + std::to_string(node.nics_per_node) + " NIC" +
             (node.nics_per_node == 1 ? "" : "s") + " per " +
             std::to_string(node.accelerators_per_node) + " " + track.worker_plural;
  return label;
}

std::string describe_network(const LabTrack& track, NetworkChoice choice) {
  const Cluster& c = network(track, choice);
  const Link& nic = c.node.nic;
  std::string text = network_name(track, choice) + " (" + format_bits(nic.bandwidth) + ", " +
                     paradox::to_string(nic.latency);
  const int g = c.node.accelerators_per_node;
  const int k = c.node.nics_per_node;
  if (g > 1) {
    const std::string workers = std::to_string(g) + " " + track.worker_plural;
    if (k == g) {
      text += "; one NIC per " + std::string(track.track.worker_noun);
    } else {
      text += "; " + (k == 1 ? std::string("one NIC") : std::to_string(k) + " NICs") +
              " per node of " + workers + ": " +
              format_bits(effective_inter_node_bandwidth_per_accelerator(c)) + " per " +
              std::string(track.track.worker_noun);
    }
  }
  return text + ")";
}

std::string network_spellings(const LabTrack& track) {
  std::string text = "slow|fast";
  for (const auto& words : track.aliases) {
    if (!words.empty()) text += "|" + words.front();
  }
  return text;
}

NetworkChoice parse_network(const LabTrack& track, std::string_view text,
                            const text::Field& field) {
  const std::string word = normalise(text);
  if (word == "slow") return NetworkChoice::slow;
  if (word == "fast") return NetworkChoice::fast;
  const auto named = [&](NetworkChoice c) {
    const auto& words = track.aliases[index(c)];
    return !word.empty() && std::find(words.begin(), words.end(), word) != words.end();
  };
  const bool slow = named(NetworkChoice::slow);
  const bool fast = named(NetworkChoice::fast);
  // A word naming both networks (two scenario links called alike) picks neither.
  if (slow != fast) return slow ? NetworkChoice::slow : NetworkChoice::fast;
  text::reject(field, "be one of " + network_spellings(track), std::string(text));
}

std::string count_of(int n, const LabTrack& track) {
  return std::to_string(n) + " " +
         (n == 1 ? std::string(track.track.worker_noun) : track.worker_plural);
}

Bytes gradient_of(std::string_view model_key, const text::Field& field) {
  for (const auto& m : catalog::transformer_models)
    if (m.key == model_key) return m.published_parameters * 2.0 * bytes;
  for (const auto& m : catalog::edge_models)
    if (m.key == model_key) return model_bytes(m);
  text::reject(field,
               "be a catalog model (" + catalog::list_keys(catalog::transformer_models) + ", " +
                   catalog::list_keys(catalog::edge_models) + ")",
               std::string(model_key));
}

comm::Algorithm parse_algorithm(std::string_view text, const text::Field& field) {
  if (const auto algorithm = comm::parse_algorithm(text)) return *algorithm;
  std::vector<std::string> names = text::spellings(comm::all_algorithms);
  for (const auto& a : comm::algorithm_aliases) names.emplace_back(a.alias);
  text::reject(field, "be one of " + text::join(names, "|"), std::string(text));
}

std::string capitalised(std::string text) {
  if (!text.empty())
    text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  return text;
}

std::string normalise(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '/') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string plural_of(std::string_view noun) {
  if (noun.empty()) return "workers";
  // "pair of AR glasses" -> "pairs of AR glasses": the head noun takes the plural.
  if (const auto of = noun.find(" of "); of != std::string_view::npos)
    return plural_of(noun.substr(0, of)) + std::string(noun.substr(of));
  const char last = noun.back();
  if (last == 's' || last == 'x' || last == 'h') return std::string(noun) + "es";
  return std::string(noun) + "s";
}

std::string file_name_part(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (c == '_' || c == '-') {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 40) break;
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '_')) out.pop_back();
  while (!out.empty() && (out.front() == '-' || out.front() == '_')) out.erase(0, 1);
  return out.empty() ? "custom" : out;
}

}  // namespace paradox::lab
