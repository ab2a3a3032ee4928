// A plain-text table: a header row, a rule, right-aligned numeric columns.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace paradox::lab {

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows{};
  /// Columns aligned left (default: the first column left, the others right).
  std::vector<bool> left_aligned{};
  /// Rows to flag with a marker in front (e.g. the slider's N); same size as rows or empty.
  std::vector<std::string> row_marks{};
};

/// Prints the table with two spaces between columns, indented by `indent` spaces.
void print(std::ostream& out, const Table& table, int indent = 2);

}  // namespace paradox::lab
