#include "shell/output.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
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

std::string find_non_finite(const nlohmann::json& json, const std::string& path) {
  if (json.is_number_float()) {
    return std::isfinite(json.get<double>()) ? std::string{} : (path.empty() ? "(value)" : path);
  }
  if (json.is_object()) {
    for (const auto& [key, value] : json.items()) {
      std::string found = find_non_finite(value, path.empty() ? key : path + "." + key);
      if (!found.empty()) return found;
    }
  } else if (json.is_array()) {
    for (std::size_t i = 0; i < json.size(); ++i) {
      std::string found = find_non_finite(json[i], path + "[" + std::to_string(i) + "]");
      if (!found.empty()) return found;
    }
  }
  return {};
}

}  // namespace

std::string first_non_finite(const nlohmann::json& json) { return find_non_finite(json, ""); }

}  // namespace paradox::cli
