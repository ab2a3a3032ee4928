#include "paradox_text/flags.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <system_error>
#include <utility>

namespace paradox::text {

namespace {

// `text` read as a T when the whole text is the number. std::from_chars reads decimal only
// (no "0x", no octal), refuses a leading '+' or space and reports where it stopped, so "3x" and
// "0x10" are refused here rather than read as 3 and 0.
template <class T>
std::optional<T> whole_text_as(std::string_view text) {
  T value{};
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(text.data(), last, value);
  if (text.empty() || error != std::errc{} || end != last) return std::nullopt;
  return value;
}

std::string range(double lo, double hi) {
  return "[" + paradox::detail::describe(lo) + ", " + paradox::detail::describe(hi) + "]";
}

}  // namespace

void reject(const std::string& prefix, const std::string& flag, const std::string& rule,
            const std::string& value) {
  throw usage_error(prefix + ": " + flag + " must " + rule + " (got " +
                    (value.empty() ? std::string("\"\"") : value) + ")");
}

void reject(const Field& field, const std::string& rule, const std::string& value) {
  reject(field.who, field.name, rule, value);
}

int parse_count(std::string_view text, const Field& field, int minimum, int maximum) {
  std::string rule =
      "be a whole number in [" + std::to_string(minimum) + ", " + std::to_string(maximum) + "]";
  // "010" is 8 to C and to a shell's arithmetic and 10 to a person: refused, never guessed.
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (digits.size() > 1 && digits.front() == '0') {
    reject(field, rule + ", in decimal without leading zeros", std::string(text));
  }
  const std::optional<long long> value = whole_text_as<long long>(text);
  if (!value || *value < minimum || *value > maximum) reject(field, rule, std::string(text));
  return static_cast<int>(*value);
}

double parse_number(std::string_view text, const Field& field, double minimum, double maximum) {
  const std::optional<double> value = whole_text_as<double>(text);
  // The negated comparison also refuses NaN; the range is finite, so infinities fail too.
  if (!value || !(*value >= minimum && *value <= maximum))
    reject(field, "be a number in " + range(minimum, maximum), std::string(text));
  return *value;
}

double parse_fraction(std::string_view text, const Field& field) {
  return parse_number(text, field, 0.0, 1.0);
}

std::string parse_choice(std::string_view text, const Field& field,
                         const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), text) == choices.end())
    reject(field, "be one of " + join(choices, "|"), std::string(text));
  return std::string(text);
}

std::string join(const std::vector<std::string>& words, const std::string& glue) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += glue;
    out += word;
  }
  return out;
}

std::string command_prefix(const CLI::App& app) {
  if (app.get_parent() == nullptr) return app.get_name();
  return command_prefix(*app.get_parent()) + " " + app.get_name();
}

CLI::Option* add_count(CLI::App& app, const std::string& flag, int& target,
                       const std::string& description, int minimum, int maximum) {
  Field field{command_prefix(app), flag};
  auto convert = [&target, field, minimum, maximum](const std::string& text) {
    target = parse_count(text, field, minimum, maximum);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("N");
}

CLI::Option* add_number(CLI::App& app, const std::string& flag, double& target,
                        const std::string& description, double lo, double hi) {
  Field field{command_prefix(app), flag};
  auto convert = [&target, field, lo, hi](const std::string& text) {
    target = parse_number(text, field, lo, hi);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("NUMBER");
}

CLI::Option* add_fraction(CLI::App& app, const std::string& flag, double& target,
                          const std::string& description) {
  Field field{command_prefix(app), flag};
  auto convert = [&target, field](const std::string& text) {
    target = parse_fraction(text, field);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("FRACTION");
}

CLI::Option* add_choice(CLI::App& app, const std::string& flag, std::string& target,
                        const std::string& description, std::vector<std::string> choices) {
  Field field{command_prefix(app), flag};
  const std::string names = join(choices, "|");
  auto convert = [&target, field, choices = std::move(choices)](const std::string& text) {
    target = parse_choice(text, field, choices);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name(names);
}

}  // namespace paradox::text
