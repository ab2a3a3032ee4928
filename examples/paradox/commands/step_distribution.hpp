/// @file
/// @brief What `paradox stragglers` and `paradox sync` share: the flags that describe one
/// worker's random step time (--distribution, --shift, --sigma, --slow-fraction, --slowdown,
/// --persistence), their cross-checks, and the sync::StepTime they build.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "paradox/sync/sync.hpp"
#include "paradox/units.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/show.hpp"

namespace paradox::cli::step_distribution {

/// The step-time flags as read from the command line; the mean comes from the command's own
/// flag (--mean or --step-time).
struct Flags {
  std::string distribution = "exponential";
  Seconds shift{};
  double sigma = 0.5;
  double slow_fraction = 0.0;
  double slowdown = 1.0;
  std::string persistence = "per-step";
  CLI::Option* shift_option = nullptr;
  CLI::Option* sigma_option = nullptr;
};

/// Adds the step-time flags to `app`; `mean_flag` names the command's mean step-time flag.
inline void add(CLI::App& app, Flags& flags, const std::string& mean_flag) {
  add_choice(app, "--distribution", flags.distribution,
             "One worker's step time: deterministic (always " + mean_flag +
                 "), exponential (mean " + mean_flag +
                 "), shifted-exponential (--shift plus an "
                 "exponential, mean " +
                 mean_flag + "), lognormal (mean " + mean_flag +
                 ", log-sd --sigma), bimodal (deterministic " + mean_flag +
                 ", a fraction --slow-fraction slowed by --slowdown) (default: exponential)",
             {"deterministic", "exponential", "shifted-exponential", "lognormal", "bimodal"});
  flags.shift_option = add_quantity(
      app, "--shift", flags.shift,
      "Shifted exponential: the minimum step time, below " + mean_flag + " (default: 0 s)",
      Sign::non_negative);
  flags.sigma_option =
      add_number(app, "--sigma", flags.sigma,
                 "Log-normal: standard deviation of ln(step time) (default: 0.5)", 0.0, 10.0);
  add_fraction(app, "--slow-fraction", flags.slow_fraction,
               "f, the share of workers (or of steps, see --persistence) that straggle "
               "(default: 0)");
  add_number(app, "--slowdown", flags.slowdown,
             "k, a straggler's step time over a healthy one (default: 1)", 1.0, 1e6);
  add_choice(app, "--persistence", flags.persistence,
             "per-step: each worker is slow with probability f at every step (transient); "
             "per-worker: round(f N) workers are slow at every step (persistent) "
             "(default: per-step)",
             {"per-step", "per-worker"});
}

/// The step-time distribution the flags describe, with mean `mean` (given as `mean_flag`).
/// --shift and --sigma belong to one distribution each, and a shift must stay below the mean.
[[nodiscard]] inline sync::StepTime build(const std::string& prefix, const Flags& flags,
                                          Seconds mean, const std::string& mean_flag) {
  const std::string& name = flags.distribution;
  if (flags.shift_option->count() > 0 && name != "shifted-exponential")
    throw usage_error(prefix + ": --shift needs --distribution shifted-exponential");
  if (flags.sigma_option->count() > 0 && name != "lognormal")
    throw usage_error(prefix + ": --sigma needs --distribution lognormal");
  if (name == "shifted-exponential" && !(flags.shift < mean))
    reject(prefix, "--shift", "be below " + mean_flag + " = " + show(mean), show(flags.shift));

  sync::StepTime dist{.mean = mean,
                      .slow_fraction = flags.slow_fraction,
                      .slowdown_ratio = flags.slowdown,
                      .persistence = flags.persistence == "per-worker"
                                         ? sync::Persistence::per_worker
                                         : sync::Persistence::per_step};
  if (name == "exponential") dist.shape = sync::Shape::exponential;
  if (name == "shifted-exponential") {
    dist.shape = sync::Shape::shifted_exponential;
    dist.shift = flags.shift;
  }
  if (name == "lognormal") {
    dist.shape = sync::Shape::lognormal;
    dist.sigma = flags.sigma;
  }
  return dist;
}

}  // namespace paradox::cli::step_distribution
