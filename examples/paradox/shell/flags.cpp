#include "shell/flags.hpp"

#include <charconv>
#include <optional>
#include <system_error>
#include <utility>

namespace paradox::cli {

namespace {
// `text` read as a T when the whole text is the number: from_chars rejects "+3" but reads "3x"
// as 3.
template <class T>
std::optional<T> whole_number(const std::string& text) {
  T value{};
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(text.data(), last, value);
  if (text.empty() || error != std::errc{} || end != last) return std::nullopt;
  return value;
}
}  // namespace

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
    const std::optional<long long> value = whole_number<long long>(text);
    if (!value || *value < minimum || *value > maximum) reject(prefix, flag, rule, text);
    target = static_cast<int>(*value);
  };
  return app.add_option_function<std::string>(flag, convert, description)->type_name("N");
}

CLI::Option* add_fraction(CLI::App& app, const std::string& flag, double& target,
                          const std::string& description) {
  const std::string prefix = command_prefix(app);
  auto convert = [&target, prefix, flag](const std::string& text) {
    const std::optional<double> value = whole_number<double>(text);
    // The negated comparison also rejects NaN.
    if (!value || !(*value >= 0.0 && *value <= 1.0))
      reject(prefix, flag, "be a number in [0, 1]", text);
    target = *value;
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
