/// @file
/// @brief The prediction "lock": the question is asked before any number is shown. In a
/// terminal the student types the answer; --predict answers it non-interactively; with neither
/// (stdin is a pipe or a file and no --predict) the question is skipped and the program says
/// so. The verdict compares the locked answer with the models' answer.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paradox_text/flags.hpp"

namespace paradox::lab {

/// One multiple-choice answer: picked by its letter ((a), (b), ... in order), its key or a word.
struct Choice {
  std::string key;                 ///< "less": what the ledger records
  std::string text;                ///< "no, less than 8x faster": what the question shows
  std::vector<std::string> words;  ///< other accepted words, lower case ("no")
};

struct PredictionPrompt {
  std::string question;         ///< "If you move from 8 GPUs to 64 GPUs, ...?"
  std::vector<Choice> choices;  ///< (a), (b), ...
  /// Non-empty: a positive number is an answer too (a trailing "x" allowed), and this line says
  /// so under the choices: "or type the speedup you expect, e.g. 5.5".
  std::string number_hint{};
};

enum class PredictionSource { flag, terminal, skipped };

struct Prediction {
  /// The accepted answer: a choice's key, or a number as text.number(x, 4) prints it; empty when
  /// skipped.
  std::optional<std::string> answer;
  PredictionSource source = PredictionSource::skipped;
};

/// "--predict", "terminal" or "skipped", as the ledger records it.
[[nodiscard]] const char* to_string(PredictionSource source);

/// True when standard input is an interactive terminal.
[[nodiscard]] bool stdin_is_terminal();

/// @brief A typed answer normalised (a choice's key, or the number), or nullopt when it is none.
[[nodiscard]] std::optional<std::string> accept(const PredictionPrompt& prompt,
                                                std::string_view typed);

/// @brief Checks a --predict value against the prompt before anything is printed.
/// @throws usage_error "<who>: --predict must be one of a|b|c, exact|less|more or a number such
///   as 5.5 (got maybe)"
void check_prediction(const PredictionPrompt& prompt, const std::optional<std::string>& predict,
                      const text::Field& field);

/// @brief Asks (or takes --predict) and locks the prediction. In a terminal, up to three
/// attempts; end of input or three bad answers skip the question.
/// @throws usage_error as check_prediction() for a --predict the prompt does not accept
[[nodiscard]] Prediction lock_prediction(const PredictionPrompt& prompt,
                                         const std::optional<std::string>& predict,
                                         const text::Field& field, bool interactive,
                                         std::istream& in, std::ostream& out);

/// How a model's answer compares with a reference (the ideal speedup): the words of the
/// verdict and the ledger's key. "Exactly" means what it says, within a relative 1e-9.
enum class Comparison { exact, less, more };

/// `value` against `reference`: exact when within a relative 1e-9.
[[nodiscard]] Comparison compare(double value, double reference);

/// "exact", "less", "more": the ledger's and --predict's spelling.
[[nodiscard]] const char* key_of(Comparison c);

/// "exactly 8x", "less than 8x", "more than 8x".
[[nodiscard]] std::string relative_to(Comparison c, const std::string& reference);

/// @brief What the student locked, in words: "less than 8x" for the key "less", "5.5x" for a
/// typed number (with `unit` after it), "(nothing)" when skipped.
[[nodiscard]] std::string predicted_text(const Prediction& prediction, const std::string& reference,
                                         const std::string& unit);

/// @brief The verdict on a prediction: "correct" or "not quite" for a choice (against
/// `actual_key`), "correct (within 10%)" or "off by 23.5%" for a number (against
/// `actual_number`), "no prediction locked" when skipped.
[[nodiscard]] std::string verdict(const Prediction& prediction, std::string_view actual_key,
                                  double actual_number);

}  // namespace paradox::lab
