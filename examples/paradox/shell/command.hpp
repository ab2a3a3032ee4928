/// @file
/// @brief The calculator's command registry: each command lives in its own source file under
/// commands/ and registers itself, so adding a command means adding one file.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "paradox_text/errors.hpp"

namespace paradox::cli {

/// What a command prints: one JSON object (with `--json`) or text for a person.
struct Report {
  nlohmann::json json = nlohmann::json::object();
  std::string text;
};

/// Computes the report once the command line has been parsed into the command's flags.
using Runner = std::function<Report()>;

/// One subcommand of `paradox`.
struct Command {
  std::string name;     ///< "collective"
  std::string summary;  ///< one line for `paradox --help`
  int order = 0;        ///< position in `paradox --help` (ties broken by name)
  /// Adds the command's flags to its CLI11 subcommand and returns the runner that reads them.
  std::function<Runner(CLI::App&)> define;
};

/// Bad command-line input: the message is the whole line printed to stderr, and the calculator
/// exits with status 2. The project's one usage error (paradox_text/errors.hpp).
using usage_error = text::usage_error;

/// Adds a command to the registry; called from a namespace-scope initializer in each command's
/// source file. Returns true so the call can initialise a variable.
bool register_command(Command command);

/// Every registered command, sorted by order then name.
[[nodiscard]] std::vector<Command> registered_commands();

}  // namespace paradox::cli
