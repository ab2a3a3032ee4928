#include "paradox_lab/ledger.hpp"

#include <chrono>
#include <ctime>
#include <fstream>
#include <system_error>

#include "paradox_lab/error.hpp"

namespace paradox::lab {

std::string utc_timestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

void append_ledger(const std::filesystem::path& path, const nlohmann::json& entry) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec)
    throw usage_error("--ledger: cannot create directory " + path.parent_path().string() + ": " +
                      ec.message());
  std::ofstream out(path, std::ios::app);
  if (!out) throw usage_error("--ledger: cannot open " + path.string() + " for appending");
  // JSON Lines: one object per line, so the file stays appendable and greppable.
  out << entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out.close();
  if (!out) throw usage_error("--ledger: cannot write " + path.string());
}

}  // namespace paradox::lab
