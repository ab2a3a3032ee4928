/// @file
/// @brief Flag helpers shared by every calculator command: quantities written with units
/// ("50GB/s", "500ns"), counts, fractions and choices. Each checks its value while the command
/// line is parsed and turns bad input into one line naming the command, the flag, the rule and
/// the value: "paradox collective: --bandwidth must be > 0 (got -5GB/s)".
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"
#include "shell/command.hpp"

namespace paradox::cli {

/// Which values a quantity flag accepts (parse_quantity's sign rule).
using Sign = sign_rule;

/// How a flag's value is written, for `--help`: the placeholder and the accepted spellings.
template <class Q>
struct QuantityHelp;

template <>
struct QuantityHelp<Bytes> {
  static constexpr const char* placeholder = "SIZE";
  static constexpr const char* spelling = "a plain number in bytes, or 1GB, 1GiB, 512MiB, 400Gb";
};
template <>
struct QuantityHelp<Seconds> {
  static constexpr const char* placeholder = "TIME";
  static constexpr const char* spelling =
      "a plain number in seconds, or 500ns, 5us, 2ms, 1.5s, 50000h";
};
template <>
struct QuantityHelp<Bandwidth> {
  static constexpr const char* placeholder = "RATE";
  static constexpr const char* spelling = "a plain number in bytes/s, or 50GB/s, 400Gb/s, 400Gbps";
};
template <>
struct QuantityHelp<FlopRate> {
  static constexpr const char* placeholder = "FLOP/S";
  static constexpr const char* spelling = "a plain number in FLOP/s, or 989TFLOP/s, 1.2PFLOP/s";
};
template <>
struct QuantityHelp<FlopCount> {
  static constexpr const char* placeholder = "FLOP";
  static constexpr const char* spelling = "a plain number in FLOP, or 3.1e23FLOP, 5TFLOP";
};
template <>
struct QuantityHelp<Watts> {
  static constexpr const char* placeholder = "POWER";
  static constexpr const char* spelling = "a plain number in watts, or 700W, 30mW, 1kW";
};
template <>
struct QuantityHelp<Joules> {
  static constexpr const char* placeholder = "ENERGY";
  static constexpr const char* spelling = "a plain number in joules, or 2.4kJ, 5mJ, 10Wh";
};

/// "paradox collective" for the subcommand `app`, "paradox" for the top-level app.
[[nodiscard]] std::string command_prefix(const CLI::App& app);

/// Throws usage_error "<prefix>: <flag> must <rule> (got <value>)".
[[noreturn]] void reject(const std::string& prefix, const std::string& flag,
                         const std::string& rule, const std::string& value);

/// Adds `flag` taking a quantity with a unit, parsed with parse_quantity when the command line
/// is read; `target` keeps its initial value (the default) when the flag is absent.
/// @param description what the flag means, with its default; the accepted spellings are
/// appended
template <class Q>
CLI::Option* add_quantity(CLI::App& app, const std::string& flag, Q& target,
                          const std::string& description, Sign sign = Sign::positive) {
  const std::string prefix = command_prefix(app);
  auto convert = [&target, prefix, flag, sign](const std::string& text) {
    try {
      target = parse_quantity<Q>(text, flag, {.sign = sign, .function = prefix});
    } catch (const invalid_input& error) {
      // Already the whole line: "paradox collective: --size must be > 0 (got "-1GB")".
      throw usage_error(error.what());
    }
  };
  return app
      .add_option_function<std::string>(flag, convert,
                                        description + ". Value: " + QuantityHelp<Q>::spelling)
      ->type_name(QuantityHelp<Q>::placeholder);
}

/// Adds `flag` taking a whole number in [minimum, maximum].
CLI::Option* add_count(CLI::App& app, const std::string& flag, int& target,
                       const std::string& description, int minimum, int maximum);

/// Adds `flag` taking a plain number in [0, 1].
CLI::Option* add_fraction(CLI::App& app, const std::string& flag, double& target,
                          const std::string& description);

/// Adds `flag` taking one of `choices` (exact, lower case).
CLI::Option* add_choice(CLI::App& app, const std::string& flag, std::string& target,
                        const std::string& description, std::vector<std::string> choices);

/// "a|b|c".
[[nodiscard]] std::string join(const std::vector<std::string>& words, const std::string& glue);

/// The spelling of each of `values` (enumerators with a `to_string` found by argument-dependent
/// lookup), as add_choice takes them.
template <class Range>
[[nodiscard]] std::vector<std::string> spellings(const Range& values) {
  std::vector<std::string> names;
  for (const auto value : values) names.emplace_back(to_string(value));
  return names;
}

}  // namespace paradox::cli
