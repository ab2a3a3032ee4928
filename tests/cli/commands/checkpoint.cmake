# --- checkpoint ---------------------------------------------------------------------------------
# young_interval_s = sqrt(2 delta M), daly_interval_s (Daly 2006, eq. 37), overhead_fraction =
# delta/tau + (tau/2 + R)/M at Young's interval (CLI.md; docs/reliability.md).
paradox_cli_test(checkpoint.help --stdout-has --write-time --stdout-has --mtbf
                 --stdout-has --restart --stdout-has "default: 0" --stdout-has --interval
                 --stdout-has young_interval_s --stdout-has daly_interval_s
                 --stdout-has overhead_fraction
                 -- checkpoint --help)
paradox_cli_test(checkpoint.listed --stdout-has checkpoint -- --help)
paradox_cli_test(checkpoint.table --stdout-has Young --stdout-has Daly --stdout-has "2 h"
                 --stdout-has "0.09028"
                 -- checkpoint --write-time 5min --mtbf 24h --restart 10min)
# MODELS.md sec. 7: delta = 60 s, M = 50,000 h give Young's tau = 146,969 s.
paradox_cli_test(checkpoint.models_test_value --json
                 --near /young_interval_s=146969.3845669907
                 --near /daly_interval_s=146929.38728864596
                 --near /overhead_fraction=0.0008164965809277261
                 --near /goodput_fraction=0.9991835034190722
                 --near /write_time_s=60 --near /mtbf_s=180000000 --near-rel /restart_s=0@0
                 -- checkpoint --write-time 60 --mtbf 50000h --json)
# Daly 2006, fig. 3 (delta = 5 min, M = 24 h, R = 10 min): "The new model predicts tau_opt =
# 117 min"; Young's 120 min; the overhead at Young's 300/7200 + (3600 + 600)/86400 = 0.09028.
paradox_cli_test(checkpoint.daly_figure_3 --json
                 --near /daly_interval_s=7001.388888888888 --near-rel /daly_interval_s=7020@0.0043
                 --near /young_interval_s=7200
                 --near /overhead_fraction=0.090277777777777776
                 -- checkpoint --write-time 5min --mtbf 24h --restart 10min --json)
# delta >= 2M: Daly's interval is M.
paradox_cli_test(checkpoint.daly_is_m_beyond_2m --json --near /daly_interval_s=3600
                 -- checkpoint --write-time 3h --mtbf 1h --json)
# Llama 3 405B's fleet MTBF (54 d / 419 = 11,135 s) and a 60 s checkpoint: Young 1,155.9 s.
paradox_cli_test(checkpoint.llama3_record --json --near /young_interval_s=1155.9455107687163
                 -- checkpoint --write-time 60 --mtbf 11135.08353221957 --json)
# --interval: 300/3600 + (1800 + 600)/86400 = 0.11111.
paradox_cli_test(checkpoint.given_interval --json --near /interval_s=3600
                 --near /interval_overhead_fraction=0.1111111111111111
                 --near /interval_goodput_fraction=0.8888888888888889
                 -- checkpoint --write-time 5min --mtbf 24h --restart 10min --interval 1h --json)
# An overhead above 1 leaves no goodput, never a negative one.
paradox_cli_test(checkpoint.no_progress --json --near-rel /goodput_fraction=0@0
                 --near-rel /daly_goodput_fraction=0@0
                 -- checkpoint --write-time 10h --mtbf 1h --json)

paradox_cli_bad_input(checkpoint.missing_mtbf "--mtbf is required" -- checkpoint --write-time 60)
paradox_cli_bad_input(checkpoint.missing_write_time "--write-time is required"
                      -- checkpoint --mtbf 1h)
paradox_cli_bad_input(checkpoint.zero_write_time "paradox checkpoint: --write-time must be > 0"
                      -- checkpoint --write-time 0 --mtbf 1h)
paradox_cli_bad_input(checkpoint.negative_mtbf "paradox checkpoint: --mtbf must be > 0"
                      -- checkpoint --write-time 60 --mtbf=-1h)
paradox_cli_bad_input(checkpoint.nan_mtbf "paradox checkpoint: --mtbf must be a finite time"
                      -- checkpoint --write-time 60 --mtbf nan)
paradox_cli_bad_input(checkpoint.mtbf_wrong_dimension "paradox checkpoint: --mtbf must be a time"
                      -- checkpoint --write-time 60 --mtbf 5GB)
paradox_cli_bad_input(checkpoint.negative_restart "paradox checkpoint: --restart must be >= 0"
                      -- checkpoint --write-time 60 --mtbf 1h --restart=-1s)
paradox_cli_bad_input(checkpoint.zero_interval "paradox checkpoint: --interval must be > 0"
                      -- checkpoint --write-time 60 --mtbf 1h --interval 0)
paradox_cli_bad_input(checkpoint.overflow
                      "paradox checkpoint: checkpoint overhead: overhead must be finite (got inf)"
                      -- checkpoint --write-time 1e300 --mtbf 1e-300 --interval 1e-300)
paradox_cli_bad_input(checkpoint.missing_value "paradox checkpoint: --mtbf needs a value"
                      -- checkpoint --write-time 60 --mtbf)
paradox_cli_bad_input(checkpoint.given_twice "--mtbf was given more than once"
                      -- checkpoint --write-time 60 --mtbf 1h --mtbf 2h)
paradox_cli_bad_input(checkpoint.unknown_flag "paradox checkpoint: unknown flag '--frobnicate'"
                      -- checkpoint --write-time 60 --mtbf 1h --frobnicate 1)
