/// @file
/// @brief One plain-text table for the calculator and the walk-throughs: a header row, a rule,
/// text columns left-aligned and number columns right-aligned, optional row marks in front.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace paradox::text {

/// @brief A text table. The first column is left-aligned, the others right-aligned (they hold
/// numbers) unless align_left() says otherwise; columns are two spaces apart and lines carry no
/// trailing spaces.
///
/// Rows may carry a mark (">" for the row the student chose, "*" for a threshold); when any row
/// has one, a mark column is printed in front of every line.
class Table {
 public:
  Table() = default;
  /// @param headers column titles, printed with a rule under them
  explicit Table(std::vector<std::string> headers);

  /// Appends a row; shorter rows are padded with empty cells.
  /// @param mark text in front of the row ("", ">", "*", ">*")
  void add_row(std::vector<std::string> cells, std::string mark = {});

  /// Left-aligns column `column` (0-based), for text rather than numbers.
  void align_left(std::size_t column);

  /// Indents every line by `spaces` spaces (a table inside a walk-through section).
  void indent(int spaces);

  /// The table as lines ending in '\n'; an empty string when it has neither headers nor rows.
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::string> marks_;
  std::vector<std::size_t> left_columns_{0};
  std::size_t indent_ = 0;
};

}  // namespace paradox::text
