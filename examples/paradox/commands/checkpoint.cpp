// `paradox checkpoint`: how often to checkpoint a job (Young 1974, Daly 2006) given the time a
// checkpoint stops training and the job's MTBF, with the expected overhead and goodput.

#include <memory>
#include <string>

#include "paradox/reliability/reliability.hpp"
#include "shell/command.hpp"
#include "shell/flags.hpp"
#include "shell/output.hpp"
#include "shell/show.hpp"

namespace paradox::cli::checkpoint_command {
namespace {

struct Flags {
  Seconds write_time{};
  Seconds mtbf{};
  Seconds restart{};
  Seconds interval{};
};

Runner define(CLI::App& app) {
  auto flags = std::make_shared<Flags>();
  add_quantity(app, "--write-time", flags->write_time,
               "Time training stops to write one checkpoint (delta), e.g. checkpoint size / "
               "storage bandwidth")
      ->required();
  add_quantity(app, "--mtbf", flags->mtbf,
               "Mean time between failures of the whole job (M), e.g. from 'paradox mtbf'")
      ->required();
  add_quantity(app, "--restart", flags->restart,
               "Time from a failure to training again: detection, rescheduling, reload (R) "
               "(default: 0)",
               Sign::non_negative);
  CLI::Option* interval = add_quantity(
      app, "--interval", flags->interval,
      "Also evaluate this checkpoint interval (compute time between checkpoints) (default: "
      "none)");
  app.footer(
      "JSON keys: young_interval_s = sqrt(2 delta M) (Young 1974); daly_interval_s = sqrt(2 "
      "delta M)[1 + sqrt(delta/(2M))/3 + delta/(18M)] - delta for delta < 2M, else M (Daly "
      "2006, eq. 37); overhead_fraction = delta/tau + (tau/2 + R)/M at Young's interval (the "
      "minimum of this first-order model); also daly_overhead_fraction (the same at Daly's "
      "interval), goodput_fraction = max(0, 1 - overhead_fraction), daly_goodput_fraction, "
      "write_time_s, mtbf_s, restart_s, and with --interval: interval_s, "
      "interval_overhead_fraction, interval_goodput_fraction. The overhead model assumes "
      "delta, tau, R << M; above 1 the job makes no progress.");

  return [flags, interval]() -> Report {
    const reliability::CheckpointInput in{
        .checkpoint_cost = flags->write_time, .mtbf = flags->mtbf, .restart = flags->restart};
    const reliability::CheckpointPlan plan = reliability::evaluate(in);

    Report report;
    report.json["young_interval_s"] = value_in<second_unit>(plan.young_interval);
    report.json["daly_interval_s"] = value_in<second_unit>(plan.daly_interval);
    report.json["overhead_fraction"] = plan.young_overhead_fraction;
    report.json["daly_overhead_fraction"] = plan.daly_overhead_fraction;
    report.json["goodput_fraction"] = plan.young_goodput_fraction;
    report.json["daly_goodput_fraction"] = plan.daly_goodput_fraction;
    report.json["write_time_s"] = value_in<second_unit>(in.checkpoint_cost);
    report.json["mtbf_s"] = value_in<second_unit>(in.mtbf);
    report.json["restart_s"] = value_in<second_unit>(in.restart);

    Table table({"interval", "tau", "overhead", "goodput", "model"});
    table.add_row({"Young", show(plan.young_interval), number(plan.young_overhead_fraction, 4),
                   number(plan.young_goodput_fraction, 4), "sqrt(2 delta M), the optimum"});
    table.add_row({"Daly", show(plan.daly_interval), number(plan.daly_overhead_fraction, 4),
                   number(plan.daly_goodput_fraction, 4),
                   "higher order; M when delta >= 2M"});
    if (interval->count() > 0) {
      const double overhead = reliability::overhead_fraction(in, flags->interval);
      const double goodput = reliability::goodput_fraction(overhead);
      report.json["interval_s"] = value_in<second_unit>(flags->interval);
      report.json["interval_overhead_fraction"] = overhead;
      report.json["interval_goodput_fraction"] = goodput;
      table.add_row({"given", show(flags->interval), number(overhead, 4), number(goodput, 4),
                     "--interval"});
    }
    report.text = "checkpoint cost delta = " + show(in.checkpoint_cost) +
                  ", MTBF M = " + show(in.mtbf) + ", restart R = " + show(in.restart) +
                  "\noverhead = delta/tau + (tau/2 + R)/M, goodput = 1 - overhead\n" +
                  table.render();
    return report;
  };
}

[[maybe_unused]] const bool registered = register_command(
    {.name = "checkpoint",
     .summary = "Optimum checkpoint interval (Young, Daly) with the expected overhead and goodput",
     .order = 70,
     .define = define});

}  // namespace
}  // namespace paradox::cli::checkpoint_command
