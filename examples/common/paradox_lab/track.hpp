// The track a walk-through runs on, as owned values: a catalog track (catalog/tracks.hpp) copied
// so that a scenario file can override any field, plus the lab vocabulary of its two networks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "paradox/units.hpp"

namespace paradox::lab {

/// A network of a track, with the words a student may type to pick it.
struct LabLink {
  std::string key;                   ///< catalog key ("ib-ndr"), may be empty
  std::string name;                  ///< display name ("InfiniBand NDR")
  Bandwidth bandwidth;               ///< per direction
  Seconds latency;                   ///< per message
  std::string source;                ///< provenance, for --math
  std::vector<std::string> aliases;  ///< accepted spellings besides slow|fast (normalised)
};

/// One fleet track (MODELS.md section 10), owned and editable.
struct LabTrack {
  std::string key;                  ///< "cloud" | "edge" | "mobile" | "tiny" (or a scenario's own)
  std::string name;                 ///< "Cloud Titan"
  std::string role;                 ///< "LLM architect"
  std::string story;                ///< banner paragraph
  std::string worker_noun;          ///< "GPU", "car", "pair of AR glasses", "hearable"
  std::string worker_plural;        ///< "GPUs", "cars", "pairs of AR glasses", "hearables"
  int fleet_size = 1;               ///< default --max-nodes
  int workers_per_node = 1;         ///< 8 GPUs per DGX node; 1 for devices
  std::string model_key;            ///< catalog model whose gradient is synchronised
  Bytes sync_payload;               ///< bytes all-reduced per synchronisation
  Seconds compute_time_one_worker;  ///< one worker's time for the global batch
  double global_batch = 0.0;  ///< samples per global step (0: unknown, plot relative throughput)
  std::string batch_unit;     ///< what a sample is ("tokens", "camera frames")
  LabLink intra_node;         ///< link inside a node
  LabLink slow_network;       ///< part-1 toggle, slow side
  LabLink fast_network;       ///< part-1 toggle, fast side
  std::string provenance;     ///< where the track's assumptions come from
};

/// The four built-in track keys, in lab order.
[[nodiscard]] const std::vector<std::string>& track_keys();

/// The built-in track keys as an error message lists them: "cloud|edge|mobile|tiny".
[[nodiscard]] std::string track_key_spellings();

/// The catalog track `key` as a LabTrack; throws invalid_input naming --track on an unknown key.
[[nodiscard]] LabTrack track_from_catalog(std::string_view key);

/// "GPU" -> "GPUs", "pair of AR glasses" -> "pairs of AR glasses".
[[nodiscard]] std::string plural_of(std::string_view noun);

/// Lower case without spaces, '-', '_' or '.': "InfiniBand NDR" -> "infinibandndr".
[[nodiscard]] std::string normalise(std::string_view word);

enum class NetworkChoice { slow, fast };

/// Picks a network from "slow", "fast" or a named spelling (ethernet, infiniband, 5g, wifi, ...);
/// throws invalid_input "<flag> must be one of slow|fast|ethernet|infiniband (got "x")".
[[nodiscard]] NetworkChoice parse_network(const LabTrack& track, std::string_view text,
                                          std::string_view flag = "--network");

/// The link behind a choice.
[[nodiscard]] const LabLink& network(const LabTrack& track, NetworkChoice choice);

/// "slow|fast|ethernet|infiniband": what parse_network accepts, for --help and errors.
[[nodiscard]] std::string network_spellings(const LabTrack& track);

}  // namespace paradox::lab
