#include "paradox_lab/track.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "paradox/catalog/tracks.hpp"
#include "paradox/error.hpp"

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

// "Dubey et al. 2024 (paper)": the source and its kind, for --math.
std::string describe(const Provenance& p) {
  return std::string(p.source) + " (" + std::string(to_string(p.kind)) + ")";
}

LabLink from_link(const Link& link, std::vector<std::string> aliases) {
  LabLink l{.key = std::string(link.key),
            .name = std::string(link.name),
            .bandwidth = link.bandwidth,
            .latency = link.latency,
            .source = describe(link.provenance),
            .aliases = std::move(aliases)};
  l.aliases.push_back(normalise(l.name));
  if (!l.key.empty()) l.aliases.push_back(normalise(l.key));
  return l;
}

}  // namespace

const std::vector<std::string>& track_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const catalog::Track& t : catalog::tracks) k.emplace_back(t.key);
    return k;
  }();
  return keys;
}

std::string track_key_spellings() {
  std::string list;
  for (const auto& k : track_keys()) list += (list.empty() ? "" : "|") + k;
  return list;
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

LabTrack track_from_catalog(std::string_view key) {
  const auto& all = catalog::tracks;
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const catalog::Track& t) { return t.key == key; });
  if (it == all.end())
    throw invalid_input("lab", "--track", "be one of " + track_key_spellings(),
                        "\"" + std::string(key) + "\"");
  const catalog::Track& t = *it;
  std::vector<std::string> slow;
  std::vector<std::string> fast;
  const auto& words = vocabulary();
  if (const auto v = std::find_if(words.begin(), words.end(),
                                  [&](const Vocabulary& w) { return w.track == t.key; });
      v != words.end()) {
    slow = v->slow;
    fast = v->fast;
  }
  return LabTrack{
      .key = std::string(t.key),
      .name = std::string(t.name),
      .role = std::string(t.role),
      .story = std::string(t.story),
      .worker_noun = std::string(t.worker_noun),
      .worker_plural = plural_of(t.worker_noun),
      .fleet_size = t.fleet_size,
      .workers_per_node = t.workers_per_node,
      .model_key = std::string(t.model_key),
      .sync_payload = t.sync_payload,
      .compute_time_one_worker = t.compute_time_one_worker,
      .global_batch = t.workload.global_batch,
      .batch_unit = std::string(t.workload.batch_unit),
      .intra_node = from_link(t.intra_node, {}),
      .slow_network = from_link(t.slow_network, slow),
      .fast_network = from_link(t.fast_network, fast),
      .provenance = describe(t.provenance),
  };
}

std::string network_spellings(const LabTrack& track) {
  std::string text = "slow|fast";
  for (const LabLink* l : {&track.slow_network, &track.fast_network}) {
    if (!l->aliases.empty()) text += "|" + l->aliases.front();
  }
  return text;
}

NetworkChoice parse_network(const LabTrack& track, std::string_view text, std::string_view flag) {
  const std::string word = normalise(text);
  const auto named = [&](const LabLink& l) {
    return std::find(l.aliases.begin(), l.aliases.end(), word) != l.aliases.end();
  };
  if (word == "slow") return NetworkChoice::slow;
  if (word == "fast") return NetworkChoice::fast;
  const bool slow = named(track.slow_network);
  const bool fast = named(track.fast_network);
  if (slow != fast) return slow ? NetworkChoice::slow : NetworkChoice::fast;
  throw invalid_input("lab", flag, "be one of " + network_spellings(track),
                      "\"" + std::string(text) + "\"");
}

const LabLink& network(const LabTrack& track, NetworkChoice choice) {
  return choice == NetworkChoice::slow ? track.slow_network : track.fast_network;
}

}  // namespace paradox::lab
