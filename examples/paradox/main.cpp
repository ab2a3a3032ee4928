// The `paradox` calculator: one subcommand per model family, a table for people by default and
// one JSON object with --json. The contract (commands, flags, keys, exit codes) is CLI.md.
//
// Exit status: 0 on success (and for --help), 2 on bad input with exactly one line on stderr,
// 1 for an internal error (a bug).

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "paradox/error.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"

namespace {

constexpr int bad_input = 2;
constexpr int internal_error = 1;

// One line, whatever the message: CLI11 and the models never mean to print more than one, and
// the contract (one line on stderr) must hold even if they do.
int fail(const std::string& message) {
  std::string line = message;
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::cerr << line << '\n';
  return bad_input;
}

const CLI::App* chosen_command(const CLI::App& app) {
  const auto chosen = app.get_subcommands();
  return chosen.empty() ? nullptr : chosen.front();
}

int parse_failure(const CLI::App& app, const CLI::ParseError& error,
                  const std::vector<std::string>& names) {
  const CLI::App* command = chosen_command(app);
  const std::string prefix = paradox::cli::command_prefix(command == nullptr ? app : *command);
  const std::string see_help = " (see " + prefix + " --help)";
  const std::vector<std::string> extras =
      command == nullptr ? app.remaining() : command->remaining();
  // CLI11 checks required subcommands before leftovers, so `paradox frobnicate` arrives here as
  // "a subcommand is required"; the leftover word is the better message.
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr ||
      (command == nullptr && !extras.empty())) {
    const std::string first = extras.empty() ? std::string{"?"} : extras.front();
    if (command == nullptr && !first.starts_with("-")) {
      return fail("paradox: unknown command '" + first +
                  "' (commands: " + paradox::cli::join(names, ", ") + ")");
    }
    return fail(prefix + ": unknown " + (first.starts_with("-") ? "flag" : "argument") + " '" +
                first + "'" + see_help);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && command == nullptr) {
    return fail("paradox: a command is required (commands: " + paradox::cli::join(names, ", ") +
                ")");
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    // CLI11 says "--ranks: 1 required N missing" or "--ranks: At Most 1 required but received 2".
    const std::string what = error.what();
    const std::string flag = what.substr(0, what.find(':'));
    if (what.find("missing") != std::string::npos)
      return fail(prefix + ": " + flag + " needs a value" + see_help);
    if (what.find("received") != std::string::npos)
      return fail(prefix + ": " + flag + " was given more than once" + see_help);
  }
  return fail(prefix + ": " + error.what() + see_help);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"paradox: ask one model of distributed training one question.", "paradox"};
  app.require_subcommand(1);
  app.footer(
      "Dimensioned flags take a plain number in the base unit (bytes, seconds, bytes/s, FLOP/s, "
      "joules, watts) or a number with a unit: 1GB, 1GiB, 500ns, 2ms, 50GB/s, 400Gb/s, 400Gbps, "
      "989TFLOP/s, 50000h, 30mW (k M G T P decimal, Ki Mi Gi Ti binary; b = bit, B = byte).\n"
      "Bad input prints one line to stderr and exits with status 2.\n"
      "Run 'paradox <command> --help' for a command's flags.");
  bool json = false;
  app.add_flag("--json", json, "Print one JSON object (base SI units) instead of a table");

  std::map<std::string, paradox::cli::Runner> runners;
  std::vector<std::string> names;
  for (const paradox::cli::Command& command : paradox::cli::registered_commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    sub->add_flag("--json", json, "Print one JSON object (base SI units) instead of a table");
    runners[command.name] = command.define(*sub);
    names.push_back(command.name);
  }

  std::string prefix = "paradox";
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
      return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
      return app.exit(help);
    } catch (const CLI::ParseError& error) {
      return parse_failure(app, error, names);
    }

    const CLI::App* command = chosen_command(app);
    prefix = paradox::cli::command_prefix(*command);
    const paradox::cli::Report report = runners.at(command->get_name())();

    // Every report is checked, also when only the table is printed: the table shows the same
    // numbers, and an overflow to infinity is the input's fault, not a result.
    const std::string bad = paradox::cli::first_non_finite(report.json);
    if (!bad.empty()) {
      return fail(prefix + ": the result " + bad +
                  " is not finite for these inputs (values too large or too small)");
    }
    if (json) {
      std::cout << report.json.dump(2) << '\n';
    } else {
      std::cout << report.text;
    }
    return 0;
  } catch (const paradox::cli::usage_error& error) {
    return fail(error.what());
  } catch (const paradox::invalid_input& error) {
    return fail(prefix + ": " + error.what());
  } catch (const std::exception& error) {
    std::cerr << prefix << ": internal error: " << error.what() << '\n';
    return internal_error;
  }
}
