/// @file
/// @brief The sync family: stragglers and the synchronous step as an order statistic, sync vs
/// async vs stale-synchronous SGD, staleness and its convergence cost, and the cost of waiting.
#pragma once

#include "paradox/sync/convergence.hpp"
#include "paradox/sync/cost.hpp"
#include "paradox/sync/distributions.hpp"
#include "paradox/sync/monte_carlo.hpp"
#include "paradox/sync/order_statistics.hpp"
#include "paradox/sync/sgd_modes.hpp"

namespace paradox::sync {

/// @defgroup sync Synchronisation
/// @brief Stragglers, synchronous / asynchronous / stale-synchronous SGD, staleness, and what
/// waiting at the barrier costs.
///
/// Each worker's step time X is a random variable (MODELS.md sec. 6): deterministic,
/// exponential, shifted exponential or log-normal, with "a fraction f of workers slowed by
/// factor k" on top, either per step (transient stragglers) or per worker (persistent ones).
/// A synchronous step waits for the slowest of N workers, so it lasts \f$E[\max_i X_i]\f$
/// (\f$H_N/\mu\f$ for exponentials of rate \f$\mu\f$); backup workers wait for the N-th of
/// N + b, K-sync for the K-th of N. Asynchronous SGD has no barrier (throughput is the sum of
/// the workers' rates) but its updates are about N - 1 updates stale; stale-synchronous
/// parallel lets workers run s clocks ahead. Stale gradients need more samples to reach a
/// target and a smaller learning rate to stay stable; the barrier's idle time has a price.
///
/// Headers:
/// - distributions.hpp: StepTime (Shape, Persistence), cdf(), mean(), quantile(),
///   slow_workers();
/// - order_statistics.hpp: expected_max(), expected_order_statistic(),
///   expected_step_with_backup(), expected_step_k_sync(), order_statistic_quantile(),
///   harmonic_number(), probability_any_slow() (Dean & Barroso's fan-out tail);
/// - monte_carlo.hpp: simulate_max(), simulate_order_statistic() with a seed;
/// - sgd_modes.hpp: Fleet, sync_samples_per_second(), async_samples_per_second(),
///   simulate_ssp(), mean_async_staleness(), simulate_async_staleness();
/// - convergence.hpp: StalenessPenalty, staleness_penalty_ratio(), time_to_target(),
///   critical_learning_rate(), divergence_staleness();
/// - cost.hpp: waiting_cost() (idle accelerator-hours, dollars per month), TrainingOption,
///   evaluate(), sync_option(), async_option(), compare().
///
/// Example: 100 workers with exponential step times of mean 1 s wait \f$H_{100} = 5.19\f$ s per
/// synchronous step; a 5 % fleet of GPUs persistently 2x slow makes every step 2 s:
/// @code
/// using namespace paradox;
/// const sync::StepTime exp1{.shape = sync::Shape::exponential, .mean = 1.0 * seconds};
/// const Seconds step = sync::expected_max(exp1, 100);  // 5.187 s
/// const sync::Fleet fleet{.step_time = {.mean = 1.0 * seconds, .slow_fraction = 0.05,
///                                       .slowdown_ratio = 2.0,
///                                       .persistence = sync::Persistence::per_worker},
///                         .workers = 100};
/// const double sync_rate = sync::sync_samples_per_second(fleet);    // 50 samples/s
/// const double async_rate = sync::async_samples_per_second(fleet);  // 97.5 samples/s
/// @endcode
/// @{
/// @}

}  // namespace paradox::sync
