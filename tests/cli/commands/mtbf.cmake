# --- mtbf ---------------------------------------------------------------------------------------
# node_mtbf_s = 1 / sum(COUNT/MTTF), fleet_mtbf_s = node_mtbf_s / --nodes (CLI.md).
paradox_cli_test(mtbf.help --stdout-has --component --stdout-has NAME:COUNT:MTTF
                 --stdout-has --nodes --stdout-has "default: 1" --stdout-has --window
                 --stdout-has node_mtbf_s --stdout-has fleet_mtbf_s
                 -- mtbf --help)
paradox_cli_test(mtbf.listed --stdout-has mtbf -- --help)
paradox_cli_test(mtbf.table --stdout-has "node MTBF" --stdout-has "5263.16 h"
                 --stdout-has "fleet MTBF" --stdout-has gpu --stdout-has 0.8421
                 -- mtbf --component gpu:8:50000h --component nic:2:100000h
                 --component psu:2:200000h)
# 8/50,000 + 2/100,000 + 2/200,000 = 1.9e-4 per hour: 5,263.16 h per node; 1,250 nodes: 4.21 h;
# in one day 5.7 failures expected, P(at least one) = 1 - exp(-5.7).
paradox_cli_test(mtbf.components --json --near /node_mtbf_s=18947368.42105263
                 --near /fleet_mtbf_s=15157.894736842105 --equal /nodes=1250
                 --array-size /components=3 --equal /components/@gpu/count=8
                 --near /components/@gpu/mttf_s=180000000
                 --near /components/@gpu/rate_share=0.8421052631578948
                 --near /components/@nic/rate_share=0.10526315789473685
                 --near /window_s=86400 --near /expected_failures=5.7
                 --near /failure_probability=0.9966540345425288
                 -- mtbf --component gpu:8:50000h --component nic:2:100000h
                 --component psu:2:200000h --nodes 1250 --window 1d --json)
# MLSys textbook (vol. II, "Scale transforms failure"): 10,000 GPUs at 50,000 h, 5 h.
paradox_cli_test(mtbf.textbook_10k_gpus --json --near /fleet_mtbf_s=18000
                 --near /node_mtbf_s=180000000
                 -- mtbf --component gpu:1:50000h --nodes 10000 --json)
# Llama 3 405B (Dubey et al. 2024, table 5): 50,677.0 GPU-hours per GPU on 2,048 nodes of 8
# give back the observed 54 d / 419 = 11,135.08 s.
paradox_cli_test(mtbf.llama3_per_gpu --json --near /fleet_mtbf_s=11135.08353221957
                 -- mtbf --component gpu:8:50677.00238663484h --nodes 2048 --json)
paradox_cli_test(mtbf.equals_spelling --json --near /node_mtbf_s=7200
                 -- mtbf --component=gpu:1:3h --component=nic:1:6h --json)
paradox_cli_test(mtbf.no_window_no_probability --json --key /fleet_mtbf_s
                 -- mtbf --component gpu:8:50000h --json)

paradox_cli_bad_input(mtbf.missing_component "paradox mtbf: --component is required" -- mtbf)
paradox_cli_bad_input(mtbf.two_parts
                      "paradox mtbf: --component must be NAME:COUNT:MTTF, e.g. gpu:8:50000h (got gpu:8)"
                      -- mtbf --component gpu:8)
paradox_cli_bad_input(mtbf.four_parts "paradox mtbf: --component must be NAME:COUNT:MTTF"
                      -- mtbf --component gpu:8:1h:2)
paradox_cli_bad_input(mtbf.empty_name
                      "paradox mtbf: --component NAME must be non-empty (got :8:1h)"
                      -- mtbf --component :8:1h)
paradox_cli_bad_input(mtbf.duplicate_name "paradox mtbf: --component NAME must be unique (got gpu)"
                      -- mtbf --component gpu:8:1h --component gpu:2:1h)
paradox_cli_bad_input(mtbf.zero_count
                      "paradox mtbf: --component COUNT must be a whole number in [1, 1000000000] (got 0)"
                      -- mtbf --component gpu:0:1h)
paradox_cli_bad_input(mtbf.fractional_count "paradox mtbf: --component COUNT must be a whole number"
                      -- mtbf --component gpu:2.5:1h)
paradox_cli_bad_input(mtbf.leading_zero_count "paradox mtbf: --component COUNT must be a whole number"
                      -- mtbf --component gpu:08:1h)
paradox_cli_bad_input(mtbf.empty_count "paradox mtbf: --component COUNT must be a whole number"
                      -- mtbf --component gpu::1h)
paradox_cli_bad_input(mtbf.negative_mttf "paradox mtbf: --component MTTF must be > 0"
                      -- mtbf --component gpu:8:-1h)
paradox_cli_bad_input(mtbf.zero_mttf "paradox mtbf: --component MTTF must be > 0"
                      -- mtbf --component gpu:8:0)
paradox_cli_bad_input(mtbf.mttf_wrong_dimension "paradox mtbf: --component MTTF must be a time"
                      -- mtbf --component gpu:8:5GB)
paradox_cli_bad_input(mtbf.mttf_garbage "paradox mtbf: --component MTTF must be"
                      -- mtbf --component gpu:8:soon)
paradox_cli_bad_input(mtbf.empty_mttf "paradox mtbf: --component MTTF must be"
                      -- mtbf --component gpu:8:)
paradox_cli_bad_input(mtbf.rate_overflow
                      "paradox mtbf: node mtbf: failure rate must be finite (got inf 1/s)"
                      -- mtbf --component gpu:8:1e-320 --component nic:8:1e-320)
paradox_cli_bad_input(mtbf.zero_nodes "paradox mtbf: --nodes must be a whole number"
                      -- mtbf --component gpu:8:1h --nodes 0)
paradox_cli_bad_input(mtbf.negative_window "paradox mtbf: --window must be > 0"
                      -- mtbf --component gpu:8:1h --window=-1h)
paradox_cli_bad_input(mtbf.missing_value "paradox mtbf: --component needs a value"
                      -- mtbf --component gpu:8:1h --component)
paradox_cli_bad_input(mtbf.stray_argument "paradox mtbf: unknown argument 'a'"
                      -- mtbf --component gpu:8:1h a)
paradox_cli_bad_input(mtbf.unknown_flag "paradox mtbf: unknown flag '--frobnicate'"
                      -- mtbf --component gpu:8:1h --frobnicate 1)
