# --- stragglers ---------------------------------------------------------------------------------
# expected_step_s = E[slowest of N] (CLI.md); exponential: H_N x mean.
paradox_cli_test(stragglers.help --stdout-has --workers --stdout-has --distribution
                 --stdout-has --mean --stdout-has --shift --stdout-has --sigma
                 --stdout-has --slow-fraction --stdout-has --slowdown --stdout-has --backup
                 --stdout-has --wait-for --stdout-has --slow-probability
                 --stdout-has expected_step_s --stdout-has p_any_slow
                 -- stragglers --help)
paradox_cli_test(stragglers.listed --stdout-has stragglers -- --help)
paradox_cli_test(stragglers.table --stdout-has "expected step" --stdout-has "5.187"
                 -- stragglers --workers 100)
# H_100 = 5.18737751763962 (exponential of mean 1 s).
paradox_cli_test(stragglers.exponential_h100 --json --near /expected_step_s=5.18737751763962
                 --near /mean_step_s=1 --equal /distribution=exponential --equal /workers=100
                 --key /p50_step_s --key /p99_step_s --key /idle_fraction
                 -- stragglers --workers 100 --json)
paradox_cli_test(stragglers.exponential_mean_2s --json --near /expected_step_s=10.37475503527924
                 -- stragglers --workers 100 --mean 2s --json)
# Dean & Barroso 2013, The Tail at Scale: p = 1 %, fan-out 100 -> 63 %.
paradox_cli_test(stragglers.tail_at_scale --json --near /p_any_slow=0.63396765872677049
                 -- stragglers --workers 100 --slow-probability 0.01 --json)
# Shifted exponential: shift + (mean - shift) H_N = 0.5 + 0.5 x 5.18737751763962.
paradox_cli_test(stragglers.shifted_exponential --json --near /expected_step_s=3.09368875881981
                 -- stragglers --workers 100 --distribution shifted-exponential --shift 0.5s
                 --json)
# Bimodal, per step: 1 + (2 - 1)(1 - 0.95^100) = 1.99408; per worker: 5 slow GPUs make every step 2 s.
paradox_cli_test(stragglers.bimodal_per_step --json --near /expected_step_s=1.994079470779666
                 -- stragglers --workers 100 --distribution bimodal --slow-fraction 0.05
                 --slowdown 2 --json)
paradox_cli_test(stragglers.bimodal_per_worker --json --near /expected_step_s=2
                 --equal /slow_workers=5 --near /idle_fraction=0.475
                 -- stragglers --workers 100 --distribution bimodal --slow-fraction 0.05
                 --slowdown 2 --persistence per-worker --json)
# Backup workers: the 100th of 105 exponentials, H_105 - H_5; K-sync: fastest 1 of 8, 1/8 s.
paradox_cli_test(stragglers.backup --json --near-rel /expected_step_s=2.9525970278@1e-9
                 --near /all_workers_step_s=5.18737751763962 --equal /backup=5
                 -- stragglers --workers 100 --backup 5 --json)
paradox_cli_test(stragglers.k_sync --json --near /expected_step_s=0.125 --equal /wait_for=1
                 -- stragglers --workers 8 --wait-for 1 --json)
paradox_cli_test(stragglers.lognormal --json --near-rel /expected_step_s=4.53536949925@1e-8
                 -- stragglers --workers 1000 --distribution lognormal --sigma 0.5 --json)
paradox_cli_test(stragglers.monte_carlo --json --key /monte_carlo_step_s
                 --key /monte_carlo_standard_error_s
                 -- stragglers --workers 100 --monte-carlo 1000 --seed 7 --json)
paradox_cli_test(stragglers.one_worker --json --near /expected_step_s=1 --near-rel /idle_fraction=0@0
                 -- stragglers --workers 1 --distribution deterministic --json)

paradox_cli_bad_input(stragglers.missing_workers "--workers is required" -- stragglers)
paradox_cli_bad_input(stragglers.zero_workers "paradox stragglers: --workers must"
                      -- stragglers --workers 0)
paradox_cli_bad_input(stragglers.unknown_distribution "--distribution must be one of"
                      -- stragglers --workers 4 --distribution weibull)
paradox_cli_bad_input(stragglers.negative_mean "--mean must be > 0"
                      -- stragglers --workers 4 --mean=-1s)
paradox_cli_bad_input(stragglers.mean_wrong_unit "paradox stragglers: --mean must"
                      -- stragglers --workers 4 --mean 5GB)
paradox_cli_bad_input(stragglers.slow_fraction_above_one "--slow-fraction must"
                      -- stragglers --workers 4 --slow-fraction 1.5)
paradox_cli_bad_input(stragglers.slowdown_below_one "--slowdown must"
                      -- stragglers --workers 4 --slowdown 0.5)
paradox_cli_bad_input(stragglers.sigma_nan "--sigma must"
                      -- stragglers --workers 4 --distribution lognormal --sigma nan)
paradox_cli_bad_input(stragglers.sigma_without_lognormal "--sigma needs --distribution lognormal"
                      -- stragglers --workers 4 --sigma 1)
paradox_cli_bad_input(stragglers.shift_without_shifted "--shift needs --distribution"
                      -- stragglers --workers 4 --shift 1s)
paradox_cli_bad_input(stragglers.shift_above_mean "--shift must be below --mean"
                      -- stragglers --workers 4 --distribution shifted-exponential --shift 2s)
paradox_cli_bad_input(stragglers.wait_for_above_workers "--wait-for must be <= --workers = 4"
                      -- stragglers --workers 4 --wait-for 5)
paradox_cli_bad_input(stragglers.backup_and_wait_for "--backup and --wait-for cannot be combined"
                      -- stragglers --workers 4 --wait-for 2 --backup 1)
paradox_cli_bad_input(stragglers.negative_backup "--backup must"
                      -- stragglers --workers 4 --backup -1)
paradox_cli_bad_input(stragglers.slow_probability_above_one "--slow-probability must"
                      -- stragglers --workers 4 --slow-probability 2)
paradox_cli_bad_input(stragglers.unknown_persistence "--persistence must be one of"
                      -- stragglers --workers 4 --persistence forever)
