// Issue 10, fidelity: paradox predicts published training runs from their layout alone.
// Every run of the validation set (tests/parallel/published_runs.hpp, with its citation) is
// predicted with the catalog's calibration and compared with the published figure; the goal is
// a mean absolute error of at most 5% and no run off by more than 15%. docs/fidelity.md
// tabulates the same numbers.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "paradox/catalog/accelerators.hpp"
#include "parallel/published_runs.hpp"

using namespace paradox;
using namespace parallel_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

struct Outcome {
  double predicted = 0.0;
  double error = 0.0;
};

Outcome outcome(const PublishedRun& run) {
  const double p = predicted(run, evaluate_run(run));
  return {p, throughput_error(run, p)};
}

/// rms of the log error over the A100 runs used for the fit, at a fraction and a traffic.
double a100_fit_rms(double fraction, double passes) {
  double squares = 0.0;
  int n = 0;
  for (PublishedRun run : published_runs()) {
    if (!run.fitted || run.job.cluster.node.accelerator.key != catalog::a100_80gb.key) continue;
    run.job.achievable_fraction = fraction;
    run.job.activation_traffic_passes = passes;
    squares += std::pow(std::log1p(outcome(run).error), 2);
    ++n;
  }
  return std::sqrt(squares / n);
}

}  // namespace

TEST_CASE("every published run is predicted within 15%, and within 5% on average") {
  const std::vector<PublishedRun> runs = published_runs();
  REQUIRE(runs.size() == 22);
  double total = 0.0;
  double held_out = 0.0;
  int held_out_runs = 0;
  for (const PublishedRun& run : runs) {
    const Outcome o = outcome(run);
    INFO(std::string(run.id) << " (" << run.citation << "): published " << run.published
                             << ", predicted " << o.predicted << ", error " << 100.0 * o.error
                             << "%");
    CHECK(std::abs(o.error) <= 0.15);
    total += std::abs(o.error);
    if (!run.fitted) {
      held_out += std::abs(o.error);
      ++held_out_runs;
    }
  }
  const double mae = total / static_cast<double>(runs.size());
  INFO("mean absolute error " << 100.0 * mae << "%, held out " << 100.0 * held_out / held_out_runs
                              << "% over " << held_out_runs << " runs");
  CHECK(mae <= 0.05);
  CHECK(held_out_runs == 11);
  // The runs not used for fitting: within 6% on average (5.3% measured).
  CHECK(held_out / held_out_runs <= 0.06);
}

TEST_CASE("the per-run errors are pinned, so a model change shows up run by run") {
  // Throughput error in %, predicted over published minus one (docs/fidelity.md, table 1).
  struct Pin {
    std::string_view id;
    double error_percent;
  };
  const Pin pins[] = {
      {"megatron21-1.7b", -3.6},         {"megatron21-3.6b", -2.9},
      {"megatron21-7.5b", -3.7},         {"megatron21-18.4b", 2.6},
      {"megatron21-39.1b", 8.3},         {"megatron21-76.1b", 11.1},
      {"megatron21-145.6b", 8.8},        {"megatron21-310.1b", 7.8},
      {"megatron21-529.6b", 2.5},        {"megatron21-1t", 2.2},
      {"korthikanti22-22b-full", 3.4},   {"korthikanti22-22b-sp", 7.1},
      {"korthikanti22-175b-full", -0.2}, {"korthikanti22-175b-sp", 2.0},
      {"korthikanti22-530b-full", -6.5}, {"korthikanti22-530b-sp", -3.3},
      {"korthikanti22-1t-full", -5.8},   {"korthikanti22-1t-sp", -4.4},
      {"korthikanti22-530b-dp8", -0.7},  {"llama3-405b-8k", 0.0},
      {"llama3-405b-16k", 0.2},          {"llama3-405b-16k-cp16", 14.8},
  };
  const std::vector<PublishedRun> runs = published_runs();
  REQUIRE(runs.size() == std::size(pins));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    INFO(runs[i].citation);
    CHECK(runs[i].id == pins[i].id);
    CHECK_THAT(100.0 * outcome(runs[i]).error, WithinAbs(pins[i].error_percent, 0.06));
  }
}

TEST_CASE("the A100 calibration is the least-squares fit on its stated subset") {
  // catalog::a100_80gb.achievable_fraction (0.685) and TrainingJob's default
  // activation_traffic_passes (6.5) minimise the rms log error over the fitted A100 runs on a
  // grid of 0.005 and 0.5: each neighbour is worse.
  const double f = catalog::a100_80gb.achievable_fraction;
  const double k = parallel::TrainingJob{}.activation_traffic_passes;
  CHECK(f == 0.685);
  CHECK(k == 6.5);
  const double best = a100_fit_rms(f, k);
  CHECK(best < 0.052);  // rms log error 5.1%
  CHECK(best < a100_fit_rms(f - 0.005, k));
  CHECK(best < a100_fit_rms(f + 0.005, k));
  CHECK(best < a100_fit_rms(f, k - 0.5));
  CHECK(best < a100_fit_rms(f, k + 0.5));
}

TEST_CASE("the H100 calibration reproduces Llama 3's first row and predicts the others") {
  // Dubey et al. 2024, table 4: 430 TFLOP/s on 8,192 GPUs is the fit; 400 on 16,384 GPUs is a
  // prediction, as is 380 at 128K context with CP 16 (over-predicted: see docs/fidelity.md).
  const std::vector<PublishedRun> runs = published_runs();
  const PublishedRun& fit = runs[19];
  REQUIRE(fit.id == "llama3-405b-8k");
  REQUIRE(fit.fitted);
  CHECK_THAT(outcome(fit).predicted, WithinRel(430.0, 0.002));
  CHECK_THAT(outcome(runs[20]).predicted, WithinRel(400.0, 0.01));
  CHECK(outcome(runs[21]).error > 0.10);  // the long-context row: effects paradox lacks
}

TEST_CASE(
    "without the memory-bound terms, the A100 runs keep the size trend one fraction "
    "cannot follow") {
  // The effect the activation traffic models: with it off (and the fraction refitted), small
  // models are over-predicted and large ones under-predicted (Megatron-LM 2021 table 1,
  // 1.7B vs 1T), as the 0.545 calibration of the first version of this model was.
  PublishedRun small = published_runs()[0];
  PublishedRun large = published_runs()[9];
  for (PublishedRun* run : {&small, &large}) {
    run->job.activation_traffic_passes = 0.0;
    run->job.achievable_fraction = 0.545;
  }
  CHECK(outcome(small).error > 0.10);
  CHECK(outcome(large).error < -0.10);
  // With it on, both are within 4%.
  CHECK(std::abs(outcome(published_runs()[0]).error) < 0.04);
  CHECK(std::abs(outcome(published_runs()[9]).error) < 0.04);
}

TEST_CASE("the validation set cites a table and row for every run and fits in memory") {
  for (const PublishedRun& run : published_runs()) {
    INFO(run.id);
    const bool cited = run.citation.find("table") != std::string_view::npos ||
                       run.citation.find("sec.") != std::string_view::npos;
    CHECK(cited);
    CHECK(run.published > 0.0);
    CHECK(evaluate_run(run).fits);
  }
}
