/// @file
/// @brief Strict readers of flag values, shared by the calculator and the walk-throughs:
/// whole numbers in decimal (no hex, no octal, no leading zeros, no sign but '-'), finite reals,
/// fractions in [0, 1], quantities with units ("50GB/s", "500ns") and choices. Every reader
/// turns bad input into one line naming who speaks, the flag (or scenario key), the rule and the
/// value: "paradox collective: --ranks must be a whole number in [1, 10000000] (got 0x10)".
///
/// The readers are plain functions over text and a Field, so that a walk-through reads a
/// scenario file's [controls] with exactly the rule of the matching flag; the add_* helpers
/// attach them to CLI11 options.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"
#include "paradox_text/errors.hpp"

namespace paradox::text {

/// @brief Where a value comes from, for its error message: who speaks and under which name.
struct Field {
  std::string who;   ///< "paradox collective", "part1_communication_wall", "scenario x.toml:12"
  std::string name;  ///< "--ranks", "controls.nodes"
};

/// Throws usage_error "<prefix>: <flag> must <rule> (got <value>)"; an empty value reads `""`.
[[noreturn]] void reject(const std::string& prefix, const std::string& flag,
                         const std::string& rule, const std::string& value);

/// Throws usage_error "<field.who>: <field.name> must <rule> (got <value>)".
[[noreturn]] void reject(const Field& field, const std::string& rule, const std::string& value);

/// @brief A whole number in [minimum, maximum], written in decimal: "64", "-3". Rejects "",
/// "+3", "3.0", "1e3", "0x10", "010" and values out of range or out of `int`.
[[nodiscard]] int parse_count(std::string_view text, const Field& field, int minimum, int maximum);

/// @brief A finite real in [minimum, maximum]: "0.5", "1e6", ".5". Rejects "", "nan", "inf",
/// "+1", "0x1p3" and trailing text.
[[nodiscard]] double parse_number(std::string_view text, const Field& field, double minimum,
                                  double maximum);

/// @brief A fraction, parse_number() in [0, 1].
[[nodiscard]] double parse_fraction(std::string_view text, const Field& field);

/// @brief A quantity with a unit, read by paradox::parse_quantity: "50GB/s", "400Gb/s", "5us"; a
/// plain number is in the base unit.
template <class Q>
[[nodiscard]] Q parse_quantity(std::string_view text, const Field& field, sign_rule sign) {
  try {
    return paradox::parse_quantity<Q>(std::string(text), field.name,
                                      {.sign = sign, .function = field.who});
  } catch (const invalid_input& error) {
    throw usage_error(error.what());  // already the whole line
  }
}

/// @brief One of `choices`, exactly as written (lower case).
[[nodiscard]] std::string parse_choice(std::string_view text, const Field& field,
                                       const std::vector<std::string>& choices);

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

/// How a quantity flag's value is written, for `--help`: the placeholder and the spellings.
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

/// "paradox collective" for the subcommand `collective` of the app `paradox`; the app's own
/// name for a top-level app ("paradox", "part1_communication_wall").
[[nodiscard]] std::string command_prefix(const CLI::App& app);

/// @brief Adds `flag` taking a quantity with a unit, read when the command line is parsed;
/// `target` keeps its initial value (the default) when the flag is absent.
/// @param description what the flag means, with its default; the accepted spellings are
/// appended
template <class Q>
CLI::Option* add_quantity(CLI::App& app, const std::string& flag, Q& target,
                          const std::string& description, sign_rule sign = sign_rule::positive) {
  Field field{command_prefix(app), flag};
  auto convert = [&target, field, sign](const std::string& text) {
    target = parse_quantity<Q>(text, field, sign);
  };
  return app
      .add_option_function<std::string>(flag, convert,
                                        description + ". Value: " + QuantityHelp<Q>::spelling)
      ->type_name(QuantityHelp<Q>::placeholder);
}

/// Adds `flag` taking a whole number in [minimum, maximum] (parse_count).
CLI::Option* add_count(CLI::App& app, const std::string& flag, int& target,
                       const std::string& description, int minimum, int maximum);

/// Adds `flag` taking a plain number in [lo, hi] (parse_number).
CLI::Option* add_number(CLI::App& app, const std::string& flag, double& target,
                        const std::string& description, double lo, double hi);

/// Adds `flag` taking a plain number in [0, 1] (parse_fraction).
CLI::Option* add_fraction(CLI::App& app, const std::string& flag, double& target,
                          const std::string& description);

/// Adds `flag` taking one of `choices` (exact, lower case).
CLI::Option* add_choice(CLI::App& app, const std::string& flag, std::string& target,
                        const std::string& description, std::vector<std::string> choices);

}  // namespace paradox::text
