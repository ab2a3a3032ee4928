/// @file
/// @brief The skeleton every lab part shares: the common flags (--track, --scenario, --predict,
/// --math, --ledger, --out), flags-over-scenario-over-track precedence, the prediction lock,
/// the banner, figure output, the ledger envelope and error handling. A part's main.cpp holds
/// only its content: its controls, the question, the instruments, the verdict wording and its
/// figures.
///
/// A part runs in two phases, so that everything is checked before anything is printed:
///
///     lab::Session session({.program = "part1_communication_wall", ...});
///     session.add_count("--nodes", controls.nodes, "N, the workers you scale to", 2, 1000);
///     return session.run(argc, argv, prepare, present);
///
/// - `Plan prepare(lab::Session&)` reads the controls and the track, evaluates the models,
///   states the question (ask()) and adds the figures (add_figure()). It prints nothing; any
///   error it throws is reported as one line and nothing is written.
/// - `void present(lab::Session&, const Plan&)` prints the session after the banner: it locks
///   the prediction (lock()) and records the ledger's choices and results (record()).
///
/// Then the session writes the files (all or nothing, see Outputs) and says where they are.
/// Exit status: 0, or 2 with exactly one line on stderr for anything the user can fix (a flag,
/// a scenario key, an unwritable --out or --ledger, a closed stdout); 1 for a bug.
#pragma once

#include <CLI/CLI.hpp>
#include <deque>
#include <functional>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "paradox/figures/figure.hpp"
#include "paradox/figures/svg.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/scenario.hpp"
#include "paradox_lab/track.hpp"
#include "paradox_text/flags.hpp"

namespace paradox::lab {

/// What a part is called and says about itself.
struct PartInfo {
  std::string program;      ///< "part1_communication_wall": the executable and the ledger's part
  std::string file_prefix;  ///< "part1": figure files are <prefix>_<track>_<figure>.svg
  std::string title;        ///< "PART 1 - THE COMMUNICATION WALL", in the banner
  std::string about;        ///< the --help description
  /// Printed when --out is absent: "(add --out DIR to draw ... vs {workers} ...)"; {workers}
  /// becomes the track's worker plural.
  std::string figure_hint;
};

class Session {
 public:
  explicit Session(PartInfo info);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  /// @name The part's controls: a flag, and the scenario key [controls] <flag without "--", '-'
  /// as '_'>, read by the same rule. A flag given on the command line wins over the scenario;
  /// the target's initial value is the default.
  /// @{
  void add_count(const std::string& flag, int& target, const std::string& help, int minimum,
                 int maximum);
  void add_count(const std::string& flag, std::optional<int>& target, const std::string& help,
                 int minimum, int maximum);
  void add_fraction(const std::string& flag, double& target, const std::string& help);
  /// Text the part checks itself once the track is known (a network name, a model key); it
  /// names the value's origin in its errors with field().
  void add_text(const std::string& flag, std::string& target, const std::string& help,
                const std::string& placeholder);
  void add_text(const std::string& flag, std::optional<std::string>& target,
                const std::string& help, const std::string& placeholder);
  /// A repeatable flag (`--try A --try B`), or in a scenario an array of strings
  /// (`try = ["A", "B"]`) or one string; each value is handed to `read` with its origin, in
  /// order. Flags given on the command line replace the scenario's list.
  void add_list(const std::string& flag,
                std::function<void(const std::string&, const text::Field&)> read,
                const std::string& help, const std::string& placeholder);
  /// Where a control's value came from: {program, "--network"} or {"scenario F:LINE",
  /// "controls.network"}.
  [[nodiscard]] text::Field field(const std::string& flag) const;
  /// @}

  /// @name What the common flags resolved to (valid from prepare on).
  /// @{
  [[nodiscard]] const LabTrack& track() const { return track_; }
  [[nodiscard]] const std::optional<std::string>& description() const { return description_; }
  [[nodiscard]] bool math() const { return math_; }
  [[nodiscard]] bool writes_figures() const { return out_.has_value(); }
  [[nodiscard]] const std::string& program() const { return info_.program; }
  /// @}

  /// @brief States the prediction question (prepare phase); a --predict it does not accept is
  /// an error now, before anything is printed.
  void ask(PredictionPrompt prompt);
  /// @brief Adds a figure, written to --out as <prefix>_<track>_<name>.svg/.csv with its gnuplot
  /// script and data, drawn at `svg`'s size. Ignored without --out. Figures added in the prepare
  /// phase are drawn before anything is printed; a part whose figures depend on answers typed
  /// in the present phase (prompts in a terminal) adds them there, and they are drawn after it.
  void add_figure(const std::string& name, figures::Figure figure, figures::SvgOptions svg = {});

  /// The stream the session is printed to.
  [[nodiscard]] std::ostream& out();
  /// @brief Prints the question and locks the prediction (present phase).
  Prediction lock();
  /// @brief The part's entries of the ledger line (present phase): the controls as set, the
  /// models' results and the verdict.
  void record(nlohmann::json choices, nlohmann::json results, std::string verdict);

  /// @brief Parses the command line and runs the two phases; returns the exit status.
  template <class Prepare, class Present>
  int run(int argc, char** argv, Prepare prepare, Present present) {
    std::optional<std::invoke_result_t<Prepare, Session&>> plan;
    return run_phases(
        argc, argv, [&] { plan.emplace(prepare(*this)); }, [&] { present(*this, *plan); });
  }

 private:
  // One control: its flag's raw text (CLI11 writes it) is read after the scenario is known.
  struct Control {
    std::string flag;               ///< "--max-nodes"
    std::string key;                ///< "max_nodes"
    std::string text;               ///< the flag's value, if given
    CLI::Option* option = nullptr;  ///< count() > 0 when given
    std::function<void(const std::string&, const text::Field&)> read;
    text::Field source;  ///< where the value read came from
    bool list = false;   ///< a repeatable flag (add_list): `texts` holds its values
    std::vector<std::string> texts{};
  };
  Control& add_control(const std::string& flag, const std::string& help,
                       const std::string& placeholder,
                       std::function<void(const std::string&, const text::Field&)> read);
  int run_phases(int argc, char** argv, const std::function<void()>& prepare,
                 const std::function<void()>& present);
  void resolve();
  void banner();
  int fail(const std::string& message) const;

  PartInfo info_;
  CLI::App app_;
  std::deque<Control> controls_;
  // The common flags, as given.
  std::string track_key_ = "cloud";
  std::optional<std::string> scenario_path_;
  std::optional<std::string> predict_;
  bool math_ = false;
  std::optional<std::string> ledger_;
  std::optional<std::string> out_;
  // Resolved.
  std::optional<Scenario> scenario_;
  LabTrack track_;
  std::optional<std::string> description_;
  std::optional<PredictionPrompt> prompt_;
  struct PendingFigure {
    std::string name;
    figures::Figure figure;
    figures::SvgOptions svg;
  };
  std::vector<PendingFigure> figures_;
  Prediction prediction_;
  nlohmann::json choices_ = nlohmann::json::object();
  nlohmann::json results_ = nlohmann::json::object();
  std::string verdict_;
};

}  // namespace paradox::lab
