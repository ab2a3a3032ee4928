#include "paradox_lab/prediction.hpp"

#include <unistd.h>

#include <istream>
#include <ostream>

#include "paradox/error.hpp"

namespace paradox::lab {

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

namespace {

void show_question(const PredictionPrompt& prompt, std::ostream& out) {
  out << "  " << prompt.question << "\n";
  for (const auto& [key, text] : prompt.choices) out << "    (" << key << ") " << text << "\n";
  if (!prompt.free_form_hint.empty()) out << "    " << prompt.free_form_hint << "\n";
}

}  // namespace

Prediction lock_prediction(const PredictionPrompt& prompt,
                           const std::optional<std::string>& predict_flag, bool interactive,
                           std::istream& in, std::ostream& out) {
  out << "PREDICTION LOCK\n";
  show_question(prompt, out);
  if (predict_flag) {
    const auto accepted = prompt.accept(*predict_flag);
    if (!accepted) {
      std::string choices;
      for (const auto& c : prompt.choices) choices += c.first + "|";
      throw invalid_input("prediction", "--predict", "be one of " + choices + "<number>",
                          "\"" + *predict_flag + "\"");
    }
    out << "  Locked (--predict): " << *accepted << "\n\n";
    return {accepted, PredictionSource::flag};
  }
  if (!interactive) {
    out << "  (stdin is not a terminal and --predict was not given: prediction skipped)\n\n";
    return {std::nullopt, PredictionSource::skipped};
  }
  for (int attempt = 0; attempt < 3; ++attempt) {
    out << "  Your prediction: " << std::flush;
    std::string line;
    if (!std::getline(in, line)) break;
    if (const auto accepted = prompt.accept(line)) {
      out << "  Locked: " << *accepted << "\n\n";
      return {accepted, PredictionSource::terminal};
    }
    out << "  Not an answer I understand.";
    if (!prompt.free_form_hint.empty()) out << " Pick a letter, " << prompt.free_form_hint;
    out << "\n";
  }
  out << "\n  (no prediction locked: skipped)\n\n";
  return {std::nullopt, PredictionSource::skipped};
}

}  // namespace paradox::lab
