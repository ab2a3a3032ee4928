#include "paradox_lab/prediction.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <istream>
#include <ostream>
#include <system_error>

#include "paradox_text/format.hpp"

namespace paradox::lab {

namespace {

// A typed number is a speedup or a count: anything outside (0, 1e9) is not a prediction.
constexpr double largest_number = 1e9;
// A numeric prediction within this share of the models' answer is called correct.
constexpr double tolerance = 0.10;

std::string letter(std::size_t i) { return std::string(1, static_cast<char>('a' + i)); }

std::string rule(const PredictionPrompt& prompt) {
  std::vector<std::string> letters;
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < prompt.choices.size(); ++i) {
    letters.push_back(letter(i));
    keys.push_back(prompt.choices[i].key);
  }
  std::string text = "be one of " + text::join(letters, "|") + ", " + text::join(keys, "|");
  if (!prompt.number_hint.empty()) text += " or a number such as 5.5";
  return text;
}

void show_question(const PredictionPrompt& prompt, std::ostream& out) {
  out << "  " << prompt.question << "\n";
  for (std::size_t i = 0; i < prompt.choices.size(); ++i)
    out << "    (" << letter(i) << ") " << prompt.choices[i].text << "\n";
  if (!prompt.number_hint.empty()) out << "    " << prompt.number_hint << "\n";
}

}  // namespace

bool stdin_is_terminal() { return isatty(STDIN_FILENO) == 1; }

const char* to_string(PredictionSource source) {
  switch (source) {
    case PredictionSource::flag:
      return "--predict";
    case PredictionSource::terminal:
      return "terminal";
    case PredictionSource::skipped:
      return "skipped";
  }
  return "skipped";
}

std::optional<std::string> accept(const PredictionPrompt& prompt, std::string_view typed) {
  std::string word;
  for (char c : typed) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (word.empty()) return std::nullopt;
  for (std::size_t i = 0; i < prompt.choices.size(); ++i) {
    const Choice& c = prompt.choices[i];
    if (word == letter(i) || word == c.key ||
        std::find(c.words.begin(), c.words.end(), word) != c.words.end())
      return c.key;
  }
  if (prompt.number_hint.empty()) return std::nullopt;
  if (word.back() == 'x') word.pop_back();
  double value = 0.0;
  const char* last = word.data() + word.size();
  const auto [end, error] = std::from_chars(word.data(), last, value);
  if (word.empty() || error != std::errc{} || end != last) return std::nullopt;
  if (!(value > 0.0 && value < largest_number)) return std::nullopt;
  return text::number(value, 4);
}

void check_prediction(const PredictionPrompt& prompt, const std::optional<std::string>& predict,
                      const text::Field& field) {
  if (predict && !accept(prompt, *predict)) text::reject(field, rule(prompt), *predict);
}

Prediction lock_prediction(const PredictionPrompt& prompt,
                           const std::optional<std::string>& predict, const text::Field& field,
                           bool interactive, std::istream& in, std::ostream& out) {
  check_prediction(prompt, predict, field);
  out << "PREDICTION LOCK\n";
  show_question(prompt, out);
  if (predict) {
    const std::optional<std::string> answer = accept(prompt, *predict);
    out << "  Locked (--predict): " << *answer << "\n\n";
    return {answer, PredictionSource::flag};
  }
  if (!interactive) {
    out << "  (stdin is not a terminal and --predict was not given: prediction skipped)\n\n";
    return {std::nullopt, PredictionSource::skipped};
  }
  for (int attempt = 0; attempt < 3; ++attempt) {
    out << "  Your prediction: " << std::flush;
    std::string line;
    if (!std::getline(in, line)) break;
    if (const auto answer = accept(prompt, line)) {
      out << "  Locked: " << *answer << "\n\n";
      return {answer, PredictionSource::terminal};
    }
    out << "  Not an answer I understand: pick a letter";
    if (!prompt.number_hint.empty()) out << ", " << prompt.number_hint;
    out << ".\n";
  }
  out << "\n  (no prediction locked: skipped)\n\n";
  return {std::nullopt, PredictionSource::skipped};
}

Comparison compare(double value, double reference) {
  if (std::fabs(value - reference) <= 1e-9 * std::fabs(reference)) return Comparison::exact;
  return value < reference ? Comparison::less : Comparison::more;
}

const char* key_of(Comparison c) {
  switch (c) {
    case Comparison::exact:
      return "exact";
    case Comparison::less:
      return "less";
    case Comparison::more:
      return "more";
  }
  return "less";
}

std::string relative_to(Comparison c, const std::string& reference) {
  switch (c) {
    case Comparison::exact:
      return "exactly " + reference;
    case Comparison::less:
      return "less than " + reference;
    case Comparison::more:
      return "more than " + reference;
  }
  return reference;
}

std::string predicted_text(const Prediction& prediction, const std::string& reference,
                           const std::string& unit) {
  if (!prediction.answer) return "(nothing)";
  for (const Comparison c : {Comparison::exact, Comparison::less, Comparison::more})
    if (*prediction.answer == key_of(c)) return relative_to(c, reference);
  return *prediction.answer + unit;
}

std::string verdict(const Prediction& prediction, std::string_view actual_key,
                    double actual_number) {
  if (!prediction.answer) return "no prediction locked";
  const std::string& answer = *prediction.answer;
  double guessed = 0.0;
  const char* last = answer.data() + answer.size();
  if (std::from_chars(answer.data(), last, guessed).ptr != last)
    return answer == actual_key ? "correct" : "not quite";
  const double error = std::fabs(guessed - actual_number) / std::fabs(actual_number);
  if (error <= tolerance) return "correct (within " + text::percent(tolerance, 0) + ")";
  return "off by " + text::percent(error);
}

}  // namespace paradox::lab
