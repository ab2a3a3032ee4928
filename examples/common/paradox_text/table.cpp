#include "paradox_text/table.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace paradox::text {

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::add_row(std::vector<std::string> cells, std::string mark) {
  rows_.push_back(std::move(cells));
  marks_.push_back(std::move(mark));
}

void Table::align_left(std::size_t column) { left_columns_.push_back(column); }

void Table::indent(int spaces) { indent_ = static_cast<std::size_t>(std::max(spaces, 0)); }

std::string Table::render() const {
  std::size_t columns = headers_.size();
  for (const auto& row : rows_) columns = std::max(columns, row.size());
  if (columns == 0) return {};
  std::vector<std::size_t> width(columns, 0);
  const auto measure = [&width](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  };
  measure(headers_);
  for (const auto& row : rows_) measure(row);
  std::size_t mark_width = 0;
  for (const auto& mark : marks_) mark_width = std::max(mark_width, mark.size());
  // A mark column is the widest mark and one space.
  const std::string margin(indent_, ' ');
  const auto front = [&](const std::string& mark) {
    return margin + (mark_width == 0 ? std::string{}
                                     : mark + std::string(mark_width - mark.size() + 1, ' '));
  };

  const auto line = [&](const std::vector<std::string>& cells, const std::string& mark) {
    std::string out = front(mark);
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
    out += line(headers_, "");
    std::size_t total = 2 * (columns - 1);
    for (std::size_t w : width) total += w;
    out += front("") + std::string(total, '-') + '\n';
  }
  for (std::size_t r = 0; r < rows_.size(); ++r) out += line(rows_[r], marks_[r]);
  return out;
}

}  // namespace paradox::text
