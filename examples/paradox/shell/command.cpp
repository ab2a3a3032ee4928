#include "shell/command.hpp"

#include <algorithm>
#include <utility>

namespace paradox::cli {

namespace {
// A function-local static, so registration from other translation units' initializers does
// not depend on the order in which those initializers run.
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

bool register_command(Command command) {
  registry().push_back(std::move(command));
  return true;
}

std::vector<Command> registered_commands() {
  std::vector<Command> sorted = registry();
  std::sort(sorted.begin(), sorted.end(), [](const Command& a, const Command& b) {
    return a.order != b.order ? a.order < b.order : a.name < b.name;
  });
  return sorted;
}

}  // namespace paradox::cli
