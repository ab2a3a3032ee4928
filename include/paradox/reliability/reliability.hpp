/// @file
/// @brief The reliability family: how often a fleet fails, what a checkpoint costs, how often
/// to take one (Young, Daly) and what the failures and checkpoints leave of the run (goodput).
#pragma once

#include "paradox/reliability/checkpoint_cost.hpp"
#include "paradox/reliability/checkpoint_interval.hpp"
#include "paradox/reliability/mtbf.hpp"

namespace paradox::reliability {

/// @defgroup reliability Reliability
/// @brief Fleet MTBF from component MTTFs, the chance of a failure in a window, checkpoint
/// write time, the optimum checkpoint interval (Young 1974, Daly 2006), and the expected
/// overhead and goodput.
///
/// Notation (MODELS.md sec. 7): M the job's mean time between failures (MTBF), \f$\delta\f$
/// the time training stops per checkpoint, \f$\tau\f$ the compute time between checkpoints,
/// R the restart time after a failure, S the checkpoint size. Failures are independent and
/// exponential (a Poisson process); a synchronous job fails when any of its parts does.
///
/// Headers:
/// - mtbf.hpp: node_mtbf() (\f$1/M_\mathrm{node} = \sum n_i/\mathrm{MTTF}_i\f$), fleet_mtbf(),
///   failure_probability() (\f$1 - e^{-T/M}\f$), expected_failures(), observed_mtbf() of a
///   failure record (catalog::failure_records), evaluate() of a FleetInput;
/// - checkpoint_interval.hpp: young_interval() (\f$\sqrt{2\delta M}\f$), daly_interval()
///   (Daly 2006, eq. 37), overhead_fraction() (\f$\delta/\tau + (\tau/2 + R)/M\f$),
///   goodput_fraction(), evaluate() of a CheckpointInput;
/// - checkpoint_cost.hpp: checkpoint_cost(), write time S / storage bandwidth (S from
///   memory::checkpoint_size()), synchronous or asynchronous (CheckFreq's snapshot + persist),
///   and checkpoint_input() for the interval models.
///
/// Example: Llama 3 405B's record (419 interruptions in 54 days), a 60 s checkpoint:
/// @code
/// using namespace paradox;
/// const reliability::ObservedMtbf m = reliability::observed_mtbf(
///     {.window = 54.0 * days, .failures = 419, .units = 16384});   // 3.09 h per fleet
/// const reliability::CheckpointPlan plan =
///     reliability::evaluate({.checkpoint_cost = 60.0 * seconds, .mtbf = m.fleet_mtbf});
/// const double minutes = value_in<minute_unit>(plan.young_interval);  // 19.3 min
/// @endcode
/// @{
/// @}

}  // namespace paradox::reliability
