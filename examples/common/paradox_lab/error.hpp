// Errors a walk-through reports as one line on stderr with exit status 2 (besides
// paradox::invalid_input from the models and CLI11's parse errors).
#pragma once

#include <stdexcept>
#include <string>

namespace paradox::lab {

/// Bad input that is not a model parameter: an unreadable scenario file, an unwritable ledger.
class usage_error : public std::runtime_error {
 public:
  explicit usage_error(const std::string& message) : std::runtime_error(message) {}
};

/// Exit status for bad input (CLI.md): one line on stderr, then exit 2.
inline constexpr int exit_bad_input = 2;

}  // namespace paradox::lab
