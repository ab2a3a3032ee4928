#include "paradox_lab/session.hpp"

#include <algorithm>
#include <exception>
#include <iostream>
#include <utility>

#include "paradox/error.hpp"
#include "paradox_lab/outputs.hpp"
#include "paradox_text/errors.hpp"
#include "paradox_text/format.hpp"

namespace paradox::lab {

namespace {
constexpr int exit_internal_error = 1;
constexpr std::size_t banner_width = 78;
}  // namespace

Session::Session(PartInfo info) : info_(std::move(info)), app_(info_.about, info_.program) {
  app_.add_option("--track", track_key_,
                  "Fleet track: " + track_key_spellings() +
                      " (default: the scenario's base, "
                      "else cloud)")
      ->type_name("TRACK");
  app_.add_option("--scenario", scenario_path_,
                  "TOML scenario file overriding the track's numbers and presetting the controls "
                  "(see examples/scenarios/); flags given on the command line win")
      ->type_name("FILE");
  app_.add_option("--predict", predict_,
                  "Answer the prediction without a prompt (a letter, a keyword or a number). "
                  "Without it the question is asked when stdin is a terminal, skipped otherwise")
      ->type_name("ANSWER");
  app_.add_flag("--math", math_, "Print the formulas used, with their sources (Math Peek)");
  app_.add_option("--ledger", ledger_,
                  "Append this run (choices, prediction and results) as one JSON line to FILE")
      ->type_name("FILE");
  app_.add_option("--out", out_,
                  "Write the figures (SVG via gnuplot, CSV, gnuplot script and data) to DIR; "
                  "default: no files are written")
      ->type_name("DIR");
}

Session::~Session() = default;

Session::Control& Session::add_control(
    const std::string& flag, const std::string& help, const std::string& placeholder,
    std::function<void(const std::string&, const text::Field&)> read) {
  std::string key = flag.substr(flag.find_first_not_of('-'));
  std::replace(key.begin(), key.end(), '-', '_');
  Control& c = controls_.emplace_back(Control{.flag = flag,
                                              .key = key,
                                              .text = {},
                                              .option = nullptr,
                                              .read = std::move(read),
                                              .source = {}});
  c.option = app_.add_option(flag, c.text, help)->type_name(placeholder);
  return c;
}

void Session::add_count(const std::string& flag, int& target, const std::string& help, int minimum,
                        int maximum) {
  add_control(flag, help + " (default " + std::to_string(target) + ")", "N",
              [&target, minimum, maximum](const std::string& value, const text::Field& f) {
                target = text::parse_count(value, f, minimum, maximum);
              });
}

void Session::add_count(const std::string& flag, std::optional<int>& target,
                        const std::string& help, int minimum, int maximum) {
  add_control(flag, help, "N",
              [&target, minimum, maximum](const std::string& value, const text::Field& f) {
                target = text::parse_count(value, f, minimum, maximum);
              });
}

void Session::add_fraction(const std::string& flag, double& target, const std::string& help) {
  add_control(flag, help + " (default " + text::number(target) + ")", "FRACTION",
              [&target](const std::string& value, const text::Field& f) {
                target = text::parse_fraction(value, f);
              });
}

void Session::add_text(const std::string& flag, std::string& target, const std::string& help,
                       const std::string& placeholder) {
  add_control(flag, help + " (default " + target + ")", placeholder,
              [&target](const std::string& value, const text::Field&) { target = value; });
}

void Session::add_text(const std::string& flag, std::optional<std::string>& target,
                       const std::string& help, const std::string& placeholder) {
  add_control(flag, help, placeholder,
              [&target](const std::string& value, const text::Field&) { target = value; });
}

void Session::add_list(const std::string& flag,
                       std::function<void(const std::string&, const text::Field&)> read,
                       const std::string& help, const std::string& placeholder) {
  std::string key = flag.substr(flag.find_first_not_of('-'));
  std::replace(key.begin(), key.end(), '-', '_');
  Control& c = controls_.emplace_back(Control{.flag = flag,
                                              .key = key,
                                              .text = {},
                                              .option = nullptr,
                                              .read = std::move(read),
                                              .source = {},
                                              .list = true,
                                              .texts = {}});
  c.option = app_.add_option(flag, c.texts, help)
                 ->type_name(placeholder)
                 ->expected(1)
                 ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                 ->allow_extra_args(false);
}

text::Field Session::field(const std::string& flag) const {
  for (const Control& c : controls_) {
    if (c.flag == flag) return c.source.name.empty() ? text::Field{info_.program, flag} : c.source;
  }
  return {info_.program, flag};
}

void Session::resolve() {
  const auto given = [&](const std::string& flag) { return app_.count(flag) > 0; };
  if (scenario_path_) scenario_ = Scenario::load(*scenario_path_);
  std::string key = track_key_;
  if (scenario_ && !given("--track")) key = scenario_->base_track().value_or(key);
  track_ = track_from_catalog(key, {info_.program, "--track"});
  if (scenario_) {
    std::vector<std::string> keys;
    for (const Control& c : controls_) keys.push_back(c.key);
    scenario_->check_controls(keys);
    track_ = scenario_->apply(std::move(track_));
    description_ = scenario_->description();
  }
  // Flags given on the command line win over the scenario's [controls], which win over the
  // part's defaults (often the track's own numbers).
  for (Control& c : controls_) {
    if (c.list) {
      if (c.option->count() > 0) {
        c.source = {info_.program, c.flag};
        for (const std::string& value : c.texts) c.read(value, c.source);
      } else if (scenario_) {
        for (const Scenario::Control& value : scenario_->control_list(c.key)) {
          c.source = value.field;
          c.read(value.text, value.field);
        }
      }
      continue;
    }
    if (c.option->count() > 0) {
      c.source = {info_.program, c.flag};
      c.read(c.text, c.source);
    } else if (scenario_) {
      if (auto value = scenario_->control(c.key)) {
        c.source = value->field;
        c.read(value->text, c.source);
      }
    }
  }
}

void Session::ask(PredictionPrompt prompt) {
  check_prediction(prompt, predict_, {info_.program, "--predict"});
  prompt_ = std::move(prompt);
}

void Session::add_figure(const std::string& name, figures::Figure figure,
                         figures::SvgOptions svg) {
  if (out_) figures_.push_back({name, std::move(figure), std::move(svg)});
}

std::ostream& Session::out() { return std::cout; }

Prediction Session::lock() {
  prediction_ = lock_prediction(*prompt_, predict_, {info_.program, "--predict"},
                                stdin_is_terminal(), std::cin, std::cout);
  return prediction_;
}

void Session::record(nlohmann::json choices, nlohmann::json results, std::string verdict) {
  choices_ = std::move(choices);
  results_ = std::move(results);
  verdict_ = std::move(verdict);
}

void Session::banner() {
  const catalog::Track& t = track_.track;
  const std::string rule(banner_width, '=');
  const std::string left = " " + info_.title;
  const std::string right = "track: " + std::string(t.name);
  // "track: ..." starts in column 55 unless the title is longer.
  const std::size_t gap = left.size() < 52 ? 54 - left.size() : 2;
  std::cout << rule << "\n" << left << std::string(gap, ' ') << right << "\n" << rule << "\n";
  std::cout << " You are the " << t.role << ". " << t.story << "\n";
  if (description_) std::cout << " Scenario: " << *description_ << "\n";
  std::cout << "\n";
}

int Session::fail(const std::string& message) const {
  std::cerr << text::one_line(info_.program, message) << '\n';
  return text::exit_bad_input;
}

int Session::run_phases(int argc, char** argv, const std::function<void()>& prepare,
                        const std::function<void()>& present) {
  try {
    try {
      app_.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
      return app_.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
      return app_.exit(help);
    } catch (const CLI::ParseError& error) {
      return fail(text::describe_parse_error(info_.program, app_, error));
    }
    resolve();
    Outputs outputs(out_, ledger_);
    prepare();
    std::vector<FigureFiles> files;
    const std::string stem = info_.file_prefix + "_" + file_name_part(track_.track.key) + "_";
    for (const PendingFigure& f : figures_)
      files.push_back(outputs.stage(f.figure, f.name, stem + f.name, f.svg));
    const std::size_t staged = figures_.size();

    banner();
    present();
    // Figures the present phase added (from answers typed at a prompt).
    for (std::size_t i = staged; i < figures_.size(); ++i)
      files.push_back(
          outputs.stage(figures_[i].figure, figures_[i].name, stem + figures_[i].name,
                        figures_[i].svg));
    if (!out_ && !info_.figure_hint.empty()) {
      std::string hint = info_.figure_hint;
      if (const auto at = hint.find("{workers}"); at != std::string::npos)
        hint.replace(at, 9, track_.worker_plural);
      std::cout << hint << "\n";
    }
    std::cout.flush();
    if (!std::cout) throw text::usage_error("cannot write to standard output");

    nlohmann::json figure_json = nlohmann::json::object();
    for (const FigureFiles& f : files)
      figure_json[f.name] = {{"csv", f.csv.string()},
                             {"svg", f.svg ? nlohmann::json(f.svg->string()) : nullptr}};
    const nlohmann::json entry = {
        {"part", info_.program},
        {"time", utc_timestamp()},
        {"track", std::string(track_.track.key)},
        {"scenario", scenario_path_ ? nlohmann::json(*scenario_path_) : nullptr},
        {"choices", choices_},
        {"prediction",
         {{"answer", prediction_.answer ? nlohmann::json(*prediction_.answer) : nullptr},
          {"source", to_string(prediction_.source)}}},
        {"results", results_},
        {"verdict", verdict_},
        {"figures", figure_json}};
    outputs.commit(entry);

    if (!files.empty()) std::cout << "FIGURE" << (files.size() > 1 ? "S" : "") << "\n";
    for (const FigureFiles& f : files) {
      std::cout << "  " << f.csv.string() << "\n";
      if (f.svg) {
        std::cout << "  " << f.svg->string() << " (gnuplot script and data beside it)\n";
      } else {
        std::cout << "  SVG not drawn: " << f.svg_problem << "\n";
        std::cerr << text::one_line(info_.program, "warning: SVG not drawn: " + f.svg_problem)
                  << "\n";
      }
    }
    if (!files.empty()) std::cout << "\n";
    if (ledger_) std::cout << "Ledger: appended this run to " << *ledger_ << "\n";
    std::cout.flush();
    if (!std::cout) throw text::usage_error("cannot write to standard output");
    return 0;
  } catch (const text::usage_error& error) {
    return fail(error.what());
  } catch (const invalid_input& error) {
    return fail(error.what());
  } catch (const std::exception& error) {
    std::cerr << text::one_line(info_.program, std::string("internal error: ") + error.what())
              << '\n';
    return exit_internal_error;
  }
}

}  // namespace paradox::lab
