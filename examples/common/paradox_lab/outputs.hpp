/// @file
/// @brief The files a walk-through writes (--out figures, the --ledger line), all or nothing.
///
/// Figures are drawn into a hidden staging folder inside --out and renamed into place only after
/// the ledger line has been appended; a run that fails anywhere (a bad flag found late, an
/// unwritable ledger, a full disk, standard output closed) leaves no new file behind: the
/// staging folder and any folder the run created are removed, and a ledger line already
/// appended is cut off again.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "paradox/figures/figure.hpp"
#include "paradox/figures/svg.hpp"

namespace paradox::lab {

/// Current UTC time as ISO 8601 ("2026-11-27T01:42:08Z").
[[nodiscard]] std::string utc_timestamp();

/// @brief Appends `entry` as one JSON line to `path`, creating the file and its folders. A file
/// that does not end in a newline gets one first, so two records never share a line.
/// @return the file's size before the append (0 if it did not exist), for undoing it
/// @throws usage_error "--ledger: cannot ..." when the file cannot be written
std::uintmax_t append_ledger(const std::filesystem::path& path, const nlohmann::json& entry);

/// What one staged figure will be once committed.
struct FigureFiles {
  std::string name;                          ///< "scaling_efficiency"
  std::filesystem::path csv;                 ///< final path of the CSV
  std::optional<std::filesystem::path> svg;  ///< final path of the SVG; none if not drawn
  std::string svg_problem;                   ///< why the SVG was not drawn (gnuplot missing, ...)
};

class Outputs {
 public:
  /// @brief Checks, before anything is printed or written, that --out is (or can become) a
  /// folder and that --ledger is (or can become) a writable file.
  /// @throws usage_error "--out: ... is not a directory", "--ledger: ... is a directory", ...
  Outputs(std::optional<std::filesystem::path> out, std::optional<std::filesystem::path> ledger);
  Outputs(const Outputs&) = delete;
  Outputs& operator=(const Outputs&) = delete;
  /// Removes whatever was staged and not committed.
  ~Outputs();

  /// @brief Writes the figure's CSV, SVG, gnuplot script and data under `stem` into the staging
  /// folder. A missing gnuplot is not an error: the SVG is then reported as not drawn.
  /// @throws usage_error "--out: cannot write ..." when the folder cannot be written
  FigureFiles stage(const figures::Figure& figure, const std::string& name,
                    const std::string& stem, const figures::SvgOptions& svg = {});

  /// @brief Appends the ledger line (if --ledger) and moves the staged files into --out.
  /// @throws usage_error when either fails; nothing new is left behind then
  void commit(const nlohmann::json& ledger_entry);

 private:
  void discard() noexcept;

  std::optional<std::filesystem::path> out_;
  std::optional<std::filesystem::path> ledger_;
  std::filesystem::path staging_;
  std::optional<std::filesystem::path> created_;  ///< the first folder of --out this run made
  std::vector<std::filesystem::path> staged_;     ///< file names inside staging_
  bool committed_ = false;
};

}  // namespace paradox::lab
