/// @file
/// @brief One usage error for the calculator and the walk-throughs, and the one-line rule:
/// bad input prints exactly one line on stderr, naming the program, the flag or key, the rule
/// and the value, and the program exits with status 2 (CLI.md).
#pragma once

#include <CLI/CLI.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace paradox::text {

/// @brief Bad input that is not a model parameter (a flag's value, a file that cannot be read
/// or written). The message is the whole line: "paradox collective: --ranks must be a whole
/// number in [1, 10000000] (got 0x10)".
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Exit status for bad input: one line on stderr, then exit 2.
inline constexpr int exit_bad_input = 2;

/// @brief `message` as one line of `program`'s stderr: line breaks become spaces, and
/// "<program>: " is put in front unless the message already starts with it (the shared flag
/// parsers name the program themselves; model errors name only the model).
[[nodiscard]] std::string one_line(std::string_view program, std::string_view message);

/// @brief CLI11's parse error in the project's words: "unknown flag '--frobnicate' (see
/// part1 --help)", "--nodes needs a value", "--nodes was given more than once". Errors raised by
/// the strict flag parsers (flags.hpp) pass through unchanged.
/// @param prefix who speaks: "paradox collective", "part1_communication_wall"
/// @param app the app (or subcommand) that was parsed, for its leftover arguments
[[nodiscard]] std::string describe_parse_error(std::string_view prefix, const CLI::App& app,
                                               const CLI::ParseError& error);

}  // namespace paradox::text
