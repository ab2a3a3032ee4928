#include "paradox_text/errors.hpp"

#include <string>
#include <vector>

namespace paradox::text {

std::string one_line(std::string_view program, std::string_view message) {
  std::string line(message);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  const std::string head = std::string(program) + ":";
  if (!line.starts_with(head)) line = head + " " + line;
  return line;
}

std::string describe_parse_error(std::string_view prefix, const CLI::App& app,
                                 const CLI::ParseError& error) {
  const std::string who(prefix);
  const std::string see_help = " (see " + who + " --help)";
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    const std::vector<std::string> extras = app.remaining();
    const std::string first = extras.empty() ? std::string{"?"} : extras.front();
    return who + ": unknown " + (first.starts_with("-") ? "flag" : "argument") + " '" + first +
           "'" + see_help;
  }
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    // CLI11 says "--nodes: 1 required N missing" or "--nodes: At Most 1 required but received 2".
    const std::string flag = what.substr(0, what.find(':'));
    if (what.find("missing") != std::string::npos)
      return who + ": " + flag + " needs a value" + see_help;
    if (what.find("received") != std::string::npos)
      return who + ": " + flag + " was given more than once" + see_help;
  }
  return who + ": " + what + see_help;
}

}  // namespace paradox::text
