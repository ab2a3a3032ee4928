/// @file
/// @brief Scenario files (TOML) let an instructor define or override a track and preset the
/// controls without writing C++. Every value error names the file, the line and the key:
///   scenario examples/scenarios/x.toml:12: network.slow.bandwidth must be a bandwidth such as
///   50GB/s, 400Gb/s or 6Mbps (got "fast")
///
/// Layout (every table and key optional; unknown keys are errors, so typos never pass silently):
///
///     description = "..."               # shown in the banner
///     [track]    base = "cloud" (built-in track to start from), key, name, role, story,
///                worker_noun, worker_plural, model, provenance, batch_unit (non-empty text);
///                fleet_size (workers, a multiple of workers_per_node), workers_per_node,
///                sync_payload = "140GB", compute_time_one_worker = "2h", global_batch = 1e6
///     [network.slow], [network.fast]   the two sides of the toggle: the node's NIC (or radio)
///                name, key, bandwidth = "10Gb/s" (per direction), latency = "5us", source,
///                aliases = ["eth"], nics_per_node (NICs the node's workers share)
///     [network.intra_node]             the link inside a node: name, key, bandwidth,
///                latency, source
///     [controls] the part's flags without "--" ("max-nodes" is max_nodes), each value read
///                exactly as the flag reads it
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paradox_lab/track.hpp"
#include "paradox_text/flags.hpp"

namespace paradox::lab {

class Scenario {
 public:
  /// @brief Reads the file and checks its structure (tables, known keys, [track] base).
  /// @throws usage_error "scenario FILE:LINE:COL: <syntax error>", "--scenario: cannot read
  ///   FILE (...)", or "scenario FILE:LINE: <key> must ... (got ...)"
  [[nodiscard]] static Scenario load(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  /// [track] base, if given (checked against the built-in keys by load()).
  [[nodiscard]] std::optional<std::string> base_track() const;

  /// Top-level description, if any (non-empty).
  [[nodiscard]] std::optional<std::string> description() const;

  /// @brief `base` with every override of [track] and [network.*] applied, all checked.
  [[nodiscard]] LabTrack apply(LabTrack base) const;

  /// A [controls] value as the matching flag would read it, and where it comes from.
  struct Control {
    std::string text;   ///< "64", "0.5", "slow", "0x10" (refused by the flag's reader)
    text::Field field;  ///< {"scenario FILE:LINE", "controls.nodes"}
  };

  /// @brief controls.<key>, if present. Strings are taken as written; integers in decimal, with
  /// the prefix of a hexadecimal, octal or binary literal kept (so that a count's reader refuses
  /// it); floats always with a '.' or an exponent (so that "64.0" is not a whole number).
  [[nodiscard]] std::optional<Control> control(std::string_view key) const;

  /// @brief controls.<key> as a list: each string of an array (each with its own line), or a
  /// single value; empty when absent. Items that are not strings are passed as control() would
  /// show them, so that the reader refuses them by name.
  [[nodiscard]] std::vector<Control> control_list(std::string_view key) const;

  /// Every key of [controls] must be one of `known`.
  void check_controls(const std::vector<std::string>& known) const;

 private:
  Scenario(std::filesystem::path path, toml::table root)
      : path_(std::move(path)), root_(std::move(root)) {}

  std::filesystem::path path_;
  toml::table root_;
};

}  // namespace paradox::lab
