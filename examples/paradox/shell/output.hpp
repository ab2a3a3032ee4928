/// @file
/// @brief Printing for the calculator: aligned text tables for people, and the finiteness check
/// every JSON report passes before it is printed (nlohmann::json would print NaN as null).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace paradox::cli {

/// A text table: the first column left-aligned, the others right-aligned (they hold numbers)
/// unless align_left() says otherwise.
class Table {
 public:
  Table() = default;
  /// @param headers column titles, printed with a rule under them
  explicit Table(std::vector<std::string> headers);

  /// Appends a row; shorter rows are padded with empty cells.
  void add_row(std::vector<std::string> cells);

  /// Left-aligns column `column` (0-based), for text rather than numbers.
  void align_left(std::size_t column);

  /// The table as lines ending in '\n'; an empty string when it has neither headers nor rows.
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> left_columns_{0};
};

/// A plain number for a table: up to `significant` significant digits, no trailing zeros.
[[nodiscard]] std::string number(double value, int significant = 4);

/// A count with a magnitude suffix, as parameter counts are written: "175B", "38.6k", "1.01T".
[[nodiscard]] std::string count(double value, int significant = 3);

/// Path of the first non-finite number in `json` ("points[3].speedup"), empty if none.
[[nodiscard]] std::string first_non_finite(const nlohmann::json& json);

}  // namespace paradox::cli
