#include "shell/output.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

namespace paradox::cli {

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::align_left(std::size_t column) { left_columns_.push_back(column); }

void Table::add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

std::string Table::render() const {
  std::size_t columns = headers_.size();
  for (const auto& row : rows_) columns = std::max(columns, row.size());
  std::vector<std::size_t> width(columns, 0);
  auto measure = [&width](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  };
  measure(headers_);
  for (const auto& row : rows_) measure(row);

  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string cell = i < cells.size() ? cells[i] : std::string{};
      const std::string pad(width[i] - cell.size(), ' ');
      if (i > 0) out += "  ";
      const bool left =
          std::find(left_columns_.begin(), left_columns_.end(), i) != left_columns_.end();
      out += left ? cell + pad : pad + cell;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + '\n';
  };

  std::string out;
  if (!headers_.empty()) {
    out += line(headers_);
    std::size_t total = 0;
    for (std::size_t w : width) total += w;
    out += std::string(total + 2 * (columns - 1), '-') + '\n';
  }
  for (const auto& row : rows_) out += line(row);
  return out;
}

std::string number(double value, int significant) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", significant, value);
  return buffer;
}

std::string count(double value, int significant) {
  struct Step {
    double scale;
    const char* suffix;
  };
  constexpr Step steps[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
  for (const Step& step : steps) {
    if (std::fabs(value) >= step.scale)
      return number(value / step.scale, significant) + step.suffix;
  }
  return number(value, significant);
}

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
