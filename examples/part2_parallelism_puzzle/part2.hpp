// Part 2's shared shapes: the tries a student types (tries.cpp), the plan computed before
// anything is printed (plan.cpp), its figures (figures.cpp) and the Math Peek (math_peek.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paradox/catalog/clusters.hpp"
#include "paradox/parallel/layout.hpp"
#include "paradox/parallel/search.hpp"
#include "paradox/parallel/step_time.hpp"
#include "paradox_lab/session.hpp"
#include "paradox_lab/track.hpp"
#include "paradox_text/flags.hpp"

namespace paradox::part2 {

inline constexpr int max_tries = 10;         // the lab's "10-iteration rule"
inline constexpr double bubble_target = 0.10;  // "bubble time below 10%"
inline constexpr int search_top = 5;          // the best layouts shown

/// One try as typed, e.g. "tp=8,pp=4,mb=1": the layout's knobs; the data-parallel degree is
/// derived (d = N / (tp pp)) and so is the micro-batch count unless given (m = B / (d mb)).
struct TrySpec {
  std::string text;  ///< as typed, without spaces
  text::Field field;  ///< where it came from (--try, controls.try, the prompt)
  int tensor = 1;
  int pipeline = 1;
  std::optional<int> data;  ///< dp=, checked against N / (tp pp)
  int micro_batch = 1;
  std::optional<int> microbatches;
  int virtual_stages = 1;
  int zero = 0;
  parallel::Recomputation recompute = parallel::Recomputation::none;
  bool sequence_parallel = false;
  std::optional<pipeline::Schedule> schedule;  ///< default: interleaved when v > 1, else 1F1B
};

/// The try syntax, for --help and errors.
[[nodiscard]] std::string try_syntax();

/// @brief Reads one try; every bad key or value is a usage_error naming the try's origin.
[[nodiscard]] TrySpec parse_try(std::string_view text, const text::Field& field);

/// What is trained on what: the track's layout puzzle as a parallel::TrainingJob.
struct Puzzle {
  const catalog::LayoutPuzzle* preset = nullptr;
  const catalog::ClusterPreset* cluster = nullptr;
  parallel::TrainingJob job{};
  std::int64_t devices = 0;
  std::string device_noun;    ///< "GPU", "SoC", "device", "earbud"
  std::string device_plural;  ///< "GPUs", ...
};

[[nodiscard]] Puzzle puzzle_of(const lab::LabTrack& track, std::optional<int> global_batch,
                               const text::Field& batch_field);

/// One try, run: the layout built from it, and the models' evaluation or the rule it breaks.
struct TryResult {
  TrySpec spec;
  parallel::Layout layout{};
  std::optional<parallel::Evaluation> evaluation;
  std::string reason;  ///< the library's one line when a layout rule is broken
  [[nodiscard]] bool valid() const { return evaluation.has_value(); }
  [[nodiscard]] bool solves() const {
    return evaluation && evaluation->fits && evaluation->bubble_fraction <= bubble_target + 1e-12;
  }
};

/// @brief Builds the layout of a try and evaluates it. A try whose degrees do not divide the
/// cluster (or whose micro-batch count cannot be derived) is a usage_error; a layout rule the
/// library refuses is a result (reason), so that it counts as a try.
[[nodiscard]] TryResult run_try(const Puzzle& p, const TrySpec& spec);

/// The part's controls.
struct Controls {
  std::vector<TrySpec> tries;
  std::optional<int> global_batch;
};

/// One row of the prediction's answer: the weights at a pipeline degree.
struct WeightsRow {
  int pipeline = 1;
  int tensor = 1;
  int data = 1;
  Bytes per_device{};  ///< the most loaded device's weights
  Bytes cluster{};     ///< d copies of every weight
};

/// One row of the micro-batch reflection.
struct MicrobatchRow {
  int microbatches = 1;
  int micro_batch = 1;
  std::optional<parallel::Evaluation> evaluation;
  std::string reason;
};

/// Everything the session shows that does not depend on prompts typed later.
struct Plan {
  Puzzle puzzle;
  parallel::SearchResult search;
  std::vector<WeightsRow> weights;  ///< for the prediction's answer
  std::vector<TryResult> tries;     ///< from --try or the scenario (the prompt adds more)
};

/// The student's best try and what follows from it (the reflection, the figures).
struct Outcome {
  std::optional<std::size_t> best;  ///< index into the tries
  parallel::Layout reference{};     ///< best try's layout, else the search's best, else a default
  std::string reference_origin;     ///< "your try 3", "the search's best", ...
  std::optional<parallel::Evaluation> reference_evaluation;
  std::vector<MicrobatchRow> reflection;
};

[[nodiscard]] Plan evaluate(const lab::Session& s, const Controls& c);
[[nodiscard]] Outcome outcome(const Plan& p, const std::vector<TryResult>& tries);

/// "tp=8 pp=4 dp=32 mb=1 m=64 1f1b zero=1 recompute=selective sp": a layout in try syntax.
[[nodiscard]] std::string describe(const parallel::Layout& l);

/// Adds the five figures to the session (memory heatmap, bubble gauge, pipeline schedule,
/// parallelism map, micro-batch reflection).
void add_figures(lab::Session& s, const Plan& p, const std::vector<TryResult>& tries,
                 const Outcome& o);

/// Prints the formulas used, with their sources and the run's numbers (--math).
void math_peek(std::ostream& out, const Plan& p, const Outcome& o);

}  // namespace paradox::part2
