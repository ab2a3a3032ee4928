#include "shell/flags.hpp"

#include <charconv>
#include <cmath>
#include <system_error>
#include <utility>

namespace paradox::cli {

std::string command_prefix(const CLI::App& app) {
  if (app.get_parent() == nullptr) return "paradox";
  return "paradox " + app.get_name();
}

void reject(const std::string& prefix, const std::string& flag, const std::string& rule,
            const std::string& value) {
  throw usage_error(prefix + ": " + flag + " must " + rule + " (got " + value + ")");
}

std::string join(const std::vector<std::string>& words, const std::string& glue) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += glue;
    out += word;
  }
  return out;
}

CLI::Option* add_count(CLI::App& app, const std::string& flag, int& target,
                       const std::string& description, int minimum, int maximum) {
  const std::string prefix = command_prefix(app);
  const std::string rule =
      "be a whole number in [" + std::to_string(minimum) + ", " + std::to_string(maximum) + "]";
  auto convert = [&target, prefix, flag, rule, minimum, maximum](const std::string& text) {
    // from_chars rejects "+3" and parses "3x" as 3: require the whole text to be the number.
    long long value = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, value);
    if (text.empty() || error != std::errc{} || end != last || value < minimum || value > maximum)
      reject(prefix, flag, rule, text);
    target = static_cast<int>(value);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("N");
}

CLI::Option* add_fraction(CLI::App& app, const std::string& flag, double& target,
                          const std::string& description) {
  const std::string prefix = command_prefix(app);
  auto convert = [&target, prefix, flag](const std::string& text) {
    double value = 0.0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, value);
    // The negated comparison also rejects NaN.
    if (text.empty() || error != std::errc{} || end != last || !(value >= 0.0 && value <= 1.0))
      reject(prefix, flag, "be a number in [0, 1]", text);
    target = value;
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("FRACTION");
}

CLI::Option* add_choice(CLI::App& app, const std::string& flag, std::string& target,
                        const std::string& description, std::vector<std::string> choices) {
  const std::string prefix = command_prefix(app);
  const std::string names = join(choices, "|");
  auto convert = [&target, prefix, flag, names,
                  choices = std::move(choices)](const std::string& text) {
    for (const std::string& choice : choices) {
      if (choice == text) {
        target = text;
        return;
      }
    }
    reject(prefix, flag, "be one of " + names, text);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name(names);
}

}  // namespace paradox::cli
