// Part 1's shared shapes: the plan main.cpp computes before printing anything, and the Math
// Peek (math_peek.cpp), the part's page of formulas.
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paradox/scaling/diminishing_returns.hpp"
#include "paradox/scaling/strong_weak.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/session.hpp"
#include "paradox_lab/track.hpp"

namespace paradox::part1 {

using lab::Comparison;
using lab::NetworkChoice;

inline constexpr double threshold = 0.5;  // the lab's "less than 0.5x marginal speedup"
inline constexpr std::array networks{NetworkChoice::slow, NetworkChoice::fast};

// The lab's sliders and toggles; a scenario's [controls] sets the same names.
struct Controls {
  int nodes = 64;
  std::string network = "slow";
  std::optional<int> max_nodes;  // default: the track's fleet
  double overlap = 0.0;
  std::optional<std::string> model;  // default: the track's model and payload
  std::string algo = "ring";
};

// Everything the session shows, computed before anything is printed.
struct Plan {
  NetworkChoice choice = NetworkChoice::slow;
  int nodes = 64, base = 8, max_nodes = 64, per_node = 1;
  std::string model_key;
  std::array<scaling::ScalingInput, 2> input{};  // slow, fast: the track's clusters
  std::array<std::optional<scaling::DiminishingReturns>, 2> knee{};
  scaling::ScalingPoint from{}, to{};  // on the chosen network, at 8 and at N
  double speedup = 1.0, other_speedup = 1.0, ideal = 1.0;
  Comparison relation = Comparison::exact;
  std::string ideal_text, speedup_text;
  std::vector<scaling::ScalingPoint> rows;
  std::vector<double> marginal;  // per row, per worker of the next growth step
  [[nodiscard]] const scaling::ScalingInput& chosen() const { return input[at(choice)]; }
  static std::size_t at(NetworkChoice c) { return c == NetworkChoice::slow ? 0 : 1; }
};

/// Reads the controls against the track and evaluates the models: everything the session shows,
/// before anything is printed. Errors name the flag or scenario key the value came from.
[[nodiscard]] Plan evaluate(const lab::Session& s, const Controls& c);

/// Prints the formulas used, with their sources and the run's numbers plugged in (--math).
void math_peek(std::ostream& out, const lab::LabTrack& t, const Plan& p);

}  // namespace paradox::part1
