// The lab ledger: one JSON object per run appended to a JSON Lines file (--ledger FILE).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace paradox::lab {

/// Current UTC time as ISO 8601 ("2026-11-27T01:42:08Z").
[[nodiscard]] std::string utc_timestamp();

/// Appends `entry` as one line to `path` (created with its directories if missing). Throws
/// lab::usage_error with a one-line message when the file cannot be written.
void append_ledger(const std::filesystem::path& path, const nlohmann::json& entry);

}  // namespace paradox::lab
