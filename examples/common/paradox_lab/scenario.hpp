// Scenario files (TOML) let an instructor define or override a track and preset the controls
// without writing C++. Every value error names the file, the line and the key:
//   scenario examples/scenarios/x.toml:12: network.slow.bandwidth must be a bandwidth such as
//   50GB/s, 400Gb/s or 6Mbps (got "fast")
// Layout (every table and key optional; unknown keys are errors, so typos never pass silently):
//   description = "..."                 # shown in the banner
//   [track]    base = "cloud"  (built-in track to start from), name, role, story, worker_noun,
//              worker_plural, fleet_size, workers_per_node, model, sync_payload = "140GB",
//              compute_time_one_worker = "2h", global_batch = 1e6, batch_unit = "tokens",
//              provenance
//   [network.slow], [network.fast], [network.intra_node]
//              name, key, bandwidth = "10Gb/s", latency = "5us", source, aliases = ["eth"]
//   [controls] part-specific (checked by the walk-through with check_table)
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "paradox_lab/track.hpp"

namespace paradox::lab {

class Scenario {
 public:
  /// Reads and checks the file's structure; throws usage_error (syntax: "scenario FILE:LINE:COL:
  /// what") or invalid_input (a value or an unknown key, naming FILE:LINE and the key).
  [[nodiscard]] static Scenario load(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  /// [track] base, if given (validated against the built-in keys).
  [[nodiscard]] std::optional<std::string> base_track() const;

  /// `base` with every override of [track] and [network.*] applied.
  [[nodiscard]] LabTrack apply(LabTrack base) const;

  /// Top-level description, if any.
  [[nodiscard]] std::optional<std::string> description() const;

  /// Typed getters for dotted keys ("controls.nodes"); nullopt when absent; invalid_input
  /// naming FILE:LINE and the key when the value has the wrong type or is out of range.
  [[nodiscard]] std::optional<int> integer(std::string_view key, int lo, int hi) const;
  [[nodiscard]] std::optional<double> number(std::string_view key, double lo, double hi) const;
  [[nodiscard]] std::optional<std::string> text(std::string_view key) const;

  /// Every key of table `table_key` ("controls") must be one of `known`.
  void check_table(std::string_view table_key, std::initializer_list<std::string_view> known) const;

 private:
  Scenario(std::filesystem::path path, toml::table root)
      : path_(std::move(path)), root_(std::move(root)) {}
  [[nodiscard]] std::string where(const toml::node& node) const;

  std::filesystem::path path_;
  toml::table root_;
};

}  // namespace paradox::lab
