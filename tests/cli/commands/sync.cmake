# --- sync ---------------------------------------------------------------------------------------
# Per mode: samples_per_s, time_to_target_s, idle_fraction, dollars_per_month (CLI.md).
set(sync_fleet5 --workers 100 --step-time 1s --distribution bimodal --slow-fraction 0.05
                --slowdown 2 --persistence per-worker)
paradox_cli_test(sync.help --stdout-has --workers --stdout-has --step-time --stdout-has --mode
                 --stdout-has --staleness-bound --stdout-has --price --stdout-has --steps-to-target
                 --stdout-has samples_per_s --stdout-has dollars_per_month
                 -- sync --help)
paradox_cli_test(sync.listed --stdout-has sync -- --help)
paradox_cli_test(sync.table --stdout-has samples/s --stdout-has async --stdout-has ssp
                 -- sync ${sync_fleet5} --price 2 --steps-to-target 1000)
# 5 % of 100 GPUs persistently 2x slow: sync 100 / 2 s = 50 samples/s, idle 47.5 %; async
# 95 + 5/2 = 97.5 samples/s with staleness 99 (penalty sqrt(100) = 10); SSP capped at the
# stragglers' pace. 10^4 steps x 100 samples: sync 2 x 10^4 s, async 10^7 / 97.5 s.
# Idle dollars: 0.475 x 100 x 730 h x $2/h = $69,350.
paradox_cli_test(sync.persistent_stragglers --json
                 --near /sync/samples_per_s=50 --near /sync/idle_fraction=0.475
                 --near /sync/time_to_target_s=20000 --near /sync/dollars_per_month=69350
                 --near /async/samples_per_s=97.5 --near /async/mean_staleness=99
                 --near-rel /async/idle_fraction=0@0
                 --near /async/time_to_target_s=102564.10256410256
                 --near-rel /ssp/samples_per_s=50@1e-3 --key /ssp/mean_staleness
                 --near /fleet_dollars_per_month=146000 --near /expected_step_s=2
                 --equal /fastest_to_target=sync --equal /workers=100
                 -- sync ${sync_fleet5} --price "$2/h" --steps-to-target 10000 --json)
# Without the staleness penalty async wins.
paradox_cli_test(sync.no_penalty --json --equal /fastest_to_target=async
                 --near /async/samples_to_target_ratio=1 --null /sync/dollars_per_month
                 --null /async/dollars_per_month --null /ssp/dollars_per_month
                 --null /fleet_dollars_per_month
                 -- sync ${sync_fleet5} --steps-to-target 10000 --staleness-exponent 0 --json)
# Without --price and --steps-to-target those keys are null.
paradox_cli_test(sync.nulls --json --null /sync/dollars_per_month --null /sync/time_to_target_s
                 --null /fleet_dollars_per_month --null /fastest_to_target
                 --null /async/dollars_per_month --null /async/time_to_target_s
                 --null /ssp/dollars_per_month --null /ssp/time_to_target_s
                 --near /sync/samples_per_s=4.7327070676310319
                 -- sync --workers 16 --step-time 1s --json)
# SSP with bound 0 is sync: with exponential times, 16 / H_16 in expectation (3 sigma ~ 1 %).
paradox_cli_test(sync.ssp_bound_zero --json --near-rel /ssp/samples_per_s=4.7327070676@0.01
                 --near-rel /ssp/mean_staleness=0@0
                 --null /ssp/time_to_target_s --null /ssp/dollars_per_month
                 --null /fleet_dollars_per_month --null /fastest_to_target
                 -- sync --workers 16 --step-time 1s --mode ssp --staleness-bound 0 --json)
paradox_cli_test(sync.async_only --json --near /async/samples_per_s=32
                 --null /async/time_to_target_s --null /async/dollars_per_month
                 --null /fleet_dollars_per_month --null /fastest_to_target
                 -- sync --workers 16 --step-time 1s --batch-per-worker 2 --mode async --json)

paradox_cli_bad_input(sync.missing_step_time "--step-time is required" -- sync --workers 4)
paradox_cli_bad_input(sync.zero_workers "paradox sync: --workers must"
                      -- sync --workers 0 --step-time 1s)
paradox_cli_bad_input(sync.zero_step_time "--step-time must be > 0"
                      -- sync --workers 4 --step-time 0)
paradox_cli_bad_input(sync.unknown_mode "--mode must be one of"
                      -- sync --workers 4 --step-time 1s --mode lockstep)
paradox_cli_bad_input(sync.negative_bound "--staleness-bound must"
                      -- sync --workers 4 --step-time 1s --staleness-bound -1)
paradox_cli_bad_input(sync.negative_price "--price must"
                      -- sync --workers 4 --step-time 1s --price=-2)
paradox_cli_bad_input(sync.price_wrong_unit "paradox sync: --price must"
                      -- sync --workers 4 --step-time 1s --price 5GB/s)
paradox_cli_bad_input(sync.zero_steps_to_target "--steps-to-target must"
                      -- sync --workers 4 --step-time 1s --steps-to-target 0)
paradox_cli_bad_input(sync.exponent_too_large "--staleness-exponent must"
                      -- sync --workers 4 --step-time 1s --staleness-exponent 9)
paradox_cli_bad_input(sync.sigma_without_lognormal "--sigma needs --distribution lognormal"
                      -- sync --workers 4 --step-time 1s --sigma 1)
paradox_cli_bad_input(sync.simulation_too_large "--steps must be <= 1e9 / --workers"
                      -- sync --workers 1000000 --step-time 1s --steps 10000)
