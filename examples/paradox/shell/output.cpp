#include "shell/output.hpp"

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>

namespace paradox::cli {

namespace {

// `child` (a path below its parent, "" for the number itself) joined under `step` ("key" or
// "[3]").
std::string under(std::string step, const std::string& child) {
  if (child.empty()) return step;
  return step + (child.front() == '[' ? "" : ".") + child;
}

// The path is built on the way out, only for the number found: a sweep's report has millions of
// finite numbers.
std::optional<std::string> find_non_finite(const nlohmann::json& json) {
  if (json.is_number_float()) {
    if (std::isfinite(json.get<double>())) return std::nullopt;
    return std::string{};
  }
  if (json.is_object()) {
    for (const auto& [key, value] : json.items()) {
      if (auto found = find_non_finite(value)) return under(key, *found);
    }
  } else if (json.is_array()) {
    for (std::size_t i = 0; i < json.size(); ++i) {
      if (auto found = find_non_finite(json[i])) {
        return under("[" + std::to_string(i) + "]", *found);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::string first_non_finite(const nlohmann::json& json) {
  const std::optional<std::string> found = find_non_finite(json);
  if (!found) return {};
  return found->empty() ? "(value)" : *found;
}

}  // namespace paradox::cli
