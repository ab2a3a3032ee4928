# `paradox zero` (CLI.md): model states per device under ZeRO stages 0-3.
# Values derived by hand from Rajbhandari et al. 2020 (ZeRO), sec. 5 and fig. 1: 7.5B parameters,
# Nd = 64, K = 12: stage 0 16 Psi = 120 GB; stage 1 4 Psi + 12 Psi/64 = 31.40625 GB; stage 2
# 2 Psi + 14 Psi/64 = 16.640625 GB; stage 3 16 Psi/64 = 1.875 GB (the figure prints 120, 31.4,
# 16.6, 1.9).
set(zero_fig1 --params 7.5e9 --dp 64)

paradox_cli_test(zero.help
                 --stdout-has --params --stdout-has --dp --stdout-has --stage
                 --stdout-has --weight-bytes --stdout-has --grad-bytes
                 --stdout-has --optimizer-bytes --stdout-has --variant
                 --stdout-has "default: 2" --stdout-has "default: 12"
                 --stdout-has "default: paper" --stdout-has bytes_per_device
                 -- zero --help)
paradox_cli_test(zero.listed_in_help --stdout-has zero -- --help)
paradox_cli_test(zero.table --stdout-has "31.41 GB" --stdout-has "optimizer states"
                 -- zero ${zero_fig1} --stage 1)
paradox_cli_test(zero.fig1_stage0 --json --near /bytes_per_device=120e9
                 --near /weights_bytes=15e9 --near /gradients_bytes=15e9
                 --near /optimizer_bytes=90e9 --near /communication_bytes_per_step=30e9
                 -- zero ${zero_fig1} --stage 0 --json)
paradox_cli_test(zero.fig1_stage1 --json --near /bytes_per_device=31.40625e9
                 --near /optimizer_bytes=1.40625e9 --equal /stage=1 --equal /variant=paper
                 -- zero ${zero_fig1} --stage 1 --json)
paradox_cli_test(zero.fig1_stage2 --json --near /bytes_per_device=16.640625e9
                 --near /gradients_bytes=234375000 --near /weights_bytes=15e9
                 -- zero ${zero_fig1} --stage 2 --json)
# Stage 3 all-gathers the parameters twice: 3 Psi x 2 B = 45 GB per step (ZeRO sec. 7.2.2).
paradox_cli_test(zero.fig1_stage3 --json --near /bytes_per_device=1.875e9
                 --near /weights_bytes=234375000 --near /communication_bytes_per_step=45e9
                 -- zero ${zero_fig1} --stage 3 --json)
# DeepSpeed's estimator (deepspeed/runtime/zero/stage_1_and_2.py):
# 2 x 7.5e9 + 18 x 7.5e9 / 64 = 17.109375e9 bytes.
paradox_cli_test(zero.deepspeed_variant --json --near /bytes_per_device=17.109375e9
                 --equal /variant=deepspeed
                 -- zero ${zero_fig1} --stage 2 --variant deepspeed --json)
# SGD with momentum (K = 8) on 4 ranks, stage 1: 4 x 1e9 + 8e9 / 4 = 6e9.
paradox_cli_test(zero.optimizer_bytes --json --near /bytes_per_device=6e9
                 -- zero --params 1e9 --dp 4 --stage 1 --optimizer-bytes 8 --json)
# One rank: every stage is 16 Psi.
paradox_cli_test(zero.one_rank --json --near /bytes_per_device=16e9
                 -- zero --params 1e9 --dp 1 --stage 3 --json)

paradox_cli_bad_input(zero.stage_out_of_range "paradox zero: --stage must"
                      -- zero ${zero_fig1} --stage 4)
paradox_cli_bad_input(zero.zero_dp "paradox zero: --dp must" -- zero --params 1e9 --dp 0 --stage 1)
paradox_cli_bad_input(zero.zero_params "paradox zero: --params must be > 0"
                      -- zero --params 0 --dp 8 --stage 1)
paradox_cli_bad_input(zero.negative_params "paradox zero: --params must"
                      -- zero --params -7.5e9 --dp 8 --stage 1)
paradox_cli_bad_input(zero.garbage_params "paradox zero: --params must"
                      -- zero --params lots --dp 8 --stage 1)
paradox_cli_bad_input(zero.zero_weight_bytes "paradox zero: --weight-bytes must be > 0"
                      -- zero ${zero_fig1} --stage 1 --weight-bytes 0)
paradox_cli_bad_input(zero.negative_optimizer_bytes "paradox zero: --optimizer-bytes must"
                      -- zero ${zero_fig1} --stage 1 --optimizer-bytes -4)
paradox_cli_bad_input(zero.unknown_variant "paradox zero: --variant must be one of paper|deepspeed"
                      -- zero ${zero_fig1} --stage 2 --variant megatron)
paradox_cli_bad_input(zero.missing_stage "--stage is required" -- zero ${zero_fig1})
