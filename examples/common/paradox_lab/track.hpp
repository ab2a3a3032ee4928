/// @file
/// @brief The track a walk-through runs on: a catalog::Track (the story, the fleet on each
/// network as a Cluster, the model, the workload) that a scenario file may have edited, plus the
/// words a student types to pick each network.
///
/// The hardware types are the models' inputs: a part passes `network(track, choice)` (a Cluster)
/// straight to scaling::ScalingInput. catalog::Track, Node and Link hold std::string_view, so the
/// text a scenario puts into them is kept in the track's TextStore, which every copy shares.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/catalog/tracks.hpp"
#include "paradox/comm/collectives.hpp"
#include "paradox/hardware/cluster.hpp"
#include "paradox_text/flags.hpp"

namespace paradox::lab {

/// @brief Owns strings and hands out views of them that stay valid for as long as any copy of
/// the store lives (copies share one store; strings are never moved once kept).
class TextStore {
 public:
  /// Keeps `text`; the returned view is valid while any copy of this store lives.
  [[nodiscard]] std::string_view keep(std::string text);

 private:
  std::shared_ptr<std::deque<std::string>> texts_ = std::make_shared<std::deque<std::string>>();
};

/// The two sides of the part-1 network toggle.
enum class NetworkChoice { slow, fast };

/// @brief One fleet track (catalog/tracks.hpp), copied so that a scenario can change it.
struct LabTrack {
  catalog::Track track;       ///< views into the catalog or into `text`
  std::string worker_plural;  ///< "GPUs", "cars", "pairs of AR glasses", "hearables"
  /// Accepted spellings of the slow and the fast network besides slow|fast (normalised).
  std::array<std::vector<std::string>, 2> aliases;
  TextStore text;  ///< owns every string a scenario put into `track`
};

/// The four built-in track keys, in lab order.
[[nodiscard]] const std::vector<std::string>& track_keys();

/// The built-in track keys as an error message lists them: "cloud|edge|mobile|tiny".
[[nodiscard]] std::string track_key_spellings();

/// @brief The catalog track `key`.
/// @throws usage_error "<field.who>: <field.name> must be one of cloud|edge|mobile|tiny (got
///   moon)"
[[nodiscard]] LabTrack track_from_catalog(std::string_view key, const text::Field& field);

/// The fleet on one network: nodes x accelerators, the intra-node link, the node's NICs.
[[nodiscard]] const Cluster& network(const LabTrack& track, NetworkChoice choice);

/// @brief `network(track, choice)` with enough whole nodes for `workers` accelerators, so that
/// the scaling models accept every N up to `workers` (a fleet slider may go past the catalog's
/// fleet).
[[nodiscard]] Cluster fleet(const LabTrack& track, NetworkChoice choice, int workers);

/// The other side of the toggle.
[[nodiscard]] constexpr NetworkChoice other(NetworkChoice choice) {
  return choice == NetworkChoice::slow ? NetworkChoice::fast : NetworkChoice::slow;
}

/// "slow" or "fast", as the ledger and the scenario spell it.
[[nodiscard]] std::string_view to_string(NetworkChoice choice);

/// The network's display name: its NIC's (or radio's) name, "InfiniBand NDR 400 Gb/s".
[[nodiscard]] std::string network_name(const LabTrack& track, NetworkChoice choice);

/// @brief The network's name for a figure legend, with how its workers share the node's NICs:
/// "10 Gigabit Ethernet (TCP), 1 NIC per 8 GPUs"; the plain name when each has its own.
[[nodiscard]] std::string network_label(const LabTrack& track, NetworkChoice choice);

/// @brief The network as a student needs to read it: name, port rate and latency, and for nodes
/// of several workers how they share the NICs:
/// "10 Gigabit Ethernet (TCP) (10 Gb/s, 20 us; one NIC per node of 8 GPUs: 1.25 Gb/s per GPU)".
[[nodiscard]] std::string describe_network(const LabTrack& track, NetworkChoice choice);

/// @brief Picks a network from "slow", "fast" or one of the track's spellings (ethernet,
/// infiniband, 5g, wifi, ...), ignoring case, spaces, '-', '_', '.' and '/'.
/// @throws usage_error "<who>: --network must be one of slow|fast|ethernet|infiniband (got x)"
[[nodiscard]] NetworkChoice parse_network(const LabTrack& track, std::string_view text,
                                          const text::Field& field);

/// "slow|fast|ethernet|infiniband": what parse_network accepts, for --help and errors.
[[nodiscard]] std::string network_spellings(const LabTrack& track);

/// "1 GPU", "64 GPUs", "2 pairs of AR glasses".
[[nodiscard]] std::string count_of(int n, const LabTrack& track);

/// @brief The bytes a catalog model synchronises per step: 16-bit gradients for transformers
/// (bf16 mixed precision), the stored precision for edge models.
/// @throws usage_error "<who>: --model must be a catalog model (llama3-70b, ...) (got x)"
[[nodiscard]] Bytes gradient_of(std::string_view model_key, const text::Field& field);

/// @brief An all-reduce algorithm by its CLI spelling or a textbook alias ("halving-doubling",
/// "butterfly" = rabenseifner).
/// @throws usage_error "<who>: --algo must be one of ring|tree|...|butterfly (got x)"
[[nodiscard]] comm::Algorithm parse_algorithm(std::string_view text, const text::Field& field);

/// "GPUs" -> "GPUs", "cars" -> "Cars": an axis label.
[[nodiscard]] std::string capitalised(std::string text);

/// "GPU" -> "GPUs", "pair of AR glasses" -> "pairs of AR glasses".
[[nodiscard]] std::string plural_of(std::string_view noun);

/// Lower case without spaces, '-', '_', '.' or '/': "InfiniBand NDR" -> "infinibandndr".
[[nodiscard]] std::string normalise(std::string_view word);

/// @brief A file-name part made from free text (a scenario's track key): lower case letters,
/// digits, '_' and '-' only, every other run of characters one '-', at most 40 characters;
/// "custom" when nothing is left. "../../etc" -> "etc", "My Pod" -> "my-pod". Names built
/// from it never leave the output directory.
[[nodiscard]] std::string file_name_part(std::string_view text);

}  // namespace paradox::lab
