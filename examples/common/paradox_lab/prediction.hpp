// The prediction "lock": the question is asked before any number is shown. In a terminal the
// student types the answer; --predict answers it non-interactively; with neither (stdin is a
// pipe or a file and no --predict) the question is skipped and the program says so.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paradox::lab {

struct PredictionPrompt {
  std::string question;  ///< "If you move from 8 GPUs to 64 GPUs, ...?"
  std::vector<std::pair<std::string, std::string>> choices;  ///< {"a", "yes, exactly 8x"}, ...
  std::string free_form_hint;  ///< "or type the speedup you expect, e.g. 5.5"
  /// Normalises a typed answer, or returns nullopt when it is not acceptable.
  std::function<std::optional<std::string>(const std::string&)> accept;
};

enum class PredictionSource { flag, terminal, skipped };

struct Prediction {
  std::optional<std::string> answer;  ///< the accepted (normalised) answer; empty if skipped
  PredictionSource source = PredictionSource::skipped;
};

/// True when standard input is an interactive terminal.
[[nodiscard]] bool stdin_is_terminal();

/// Asks (or takes --predict) and locks the prediction. A --predict value that `accept` rejects
/// throws invalid_input naming --predict. In a terminal, up to three attempts; end of input or
/// three bad answers skip the question.
[[nodiscard]] Prediction lock_prediction(const PredictionPrompt& prompt,
                                         const std::optional<std::string>& predict_flag,
                                         bool interactive, std::istream& in, std::ostream& out);

[[nodiscard]] const char* to_string(PredictionSource source);

}  // namespace paradox::lab
