/// @file
/// @brief Flag helpers shared by every calculator command: quantities written with units
/// ("50GB/s", "500ns"), counts, fractions and choices. They are the project's one set of strict
/// flag readers (examples/common/paradox_text/flags.hpp), named here as the commands use them;
/// bad input becomes one line naming the command, the flag, the rule and the value:
/// "paradox collective: --bandwidth must be > 0 (got -5GB/s)".
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "paradox/error.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"
#include "paradox_text/flags.hpp"
#include "shell/command.hpp"

namespace paradox::cli {

/// Which values a quantity flag accepts (parse_quantity's sign rule).
using Sign = sign_rule;

using text::add_choice;
using text::add_count;
using text::add_fraction;
using text::add_number;
using text::add_quantity;
using text::command_prefix;
using text::join;
using text::QuantityHelp;
using text::reject;
using text::spellings;

}  // namespace paradox::cli
