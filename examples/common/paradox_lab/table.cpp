#include "paradox_lab/table.hpp"

#include <algorithm>
#include <string>

namespace paradox::lab {

void print(std::ostream& out, const Table& table, int indent) {
  const std::size_t columns = table.headers.size();
  std::vector<std::size_t> width(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) width[c] = table.headers[c].size();
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < columns && c < row.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  std::size_t mark_width = 0;
  for (const auto& m : table.row_marks) mark_width = std::max(mark_width, m.size());

  const auto left = [&](std::size_t c) {
    return c < table.left_aligned.size() ? table.left_aligned[c] : c == 0;
  };
  const auto line = [&](const std::vector<std::string>& cells, const std::string& mark) {
    std::string text(static_cast<std::size_t>(std::max(indent, 0)), ' ');
    if (mark_width > 0) text += mark + std::string(mark_width - mark.size() + 1, ' ');
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      const std::string pad(width[c] - cell.size(), ' ');
      text += left(c) ? cell + pad : pad + cell;
      if (c + 1 < columns) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(table.headers, "");
  std::size_t total = 0;
  for (std::size_t c = 0; c < columns; ++c) total += width[c] + (c + 1 < columns ? 2 : 0);
  out << std::string(static_cast<std::size_t>(std::max(indent, 0)), ' ')
      << std::string(mark_width > 0 ? mark_width + 1 : 0, ' ') << std::string(total, '-') << '\n';
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    line(table.rows[r], r < table.row_marks.size() ? table.row_marks[r] : "");
}

}  // namespace paradox::lab
