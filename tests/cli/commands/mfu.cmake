# --- mfu ----------------------------------------------------------------------------------------
# PaLM 540B (Chowdhery et al. 2022, appendix B and tables 3, 22): N = 540.35e9, L = 118, H = 48,
# Q = 256, T = 2048, 238.3k tokens/s on 6144 TPU v4 chips of 275 TFLOP/s: 45.7% MFU without
# attention, 46.2% with it. Expected values computed by hand from those inputs:
# 6N = 3,242,100,000,000; 12 L H Q T = 35,634,806,784; peak = 6144 x 275e12 = 1.6896e18.
set(palm_run --tokens-per-second 238.3e3 --chips 6144 --peak 275TFLOP/s --params 540.35e9)
set(palm_attention --layers 118 --heads 48 --head-dim 256 --seq 2048)

paradox_cli_test(mfu.help
                 --stdout-has --tokens-per-second --stdout-has --chips --stdout-has --peak
                 --stdout-has --params --stdout-has --layers --stdout-has --heads
                 --stdout-has --head-dim --stdout-has --seq --stdout-has --causal
                 --stdout-has --recompute --stdout-has "TFLOP/s" --stdout-has flops_per_token
                 --stdout-has "default: full"
                 -- mfu --help)
paradox_cli_test(mfu.table --stdout-has "46.2%" --stdout-has "MFU" --stdout-has "3.278 TFLOP"
                 -- mfu ${palm_run} ${palm_attention})
paradox_cli_test(mfu.palm_without_attention --json
                 --near /mfu=0.4572635120738636 --near-rel /mfu=0.457@1.1e-3
                 --near /flops_per_token=3242100000000 --equal /attention=excluded
                 --near /peak_flop_per_s=1.6896e18
                 -- mfu ${palm_run} --json)
paradox_cli_test(mfu.palm_with_attention --json
                 --near /mfu=0.4622894202513182 --near-rel /mfu=0.462@1.1e-3
                 --near /flops_per_token=3277734806784 --equal /attention=full
                 --near /model_flop_per_s=781084204456627200
                 -- mfu ${palm_run} ${palm_attention} --json)
# Causal: 6 L H Q T = 17,817,403,392 instead of 12 L H Q T.
paradox_cli_test(mfu.causal_halves_attention --json --near /flops_per_token=3259917403392
                 --equal /attention=causal --near /mfu=0.45977646616259094
                 -- mfu ${palm_run} ${palm_attention} --causal --json)
# HFU only when --recompute is given. Full recomputation adds one forward pass, a third of
# 6N + 12 L H Q T: HFU = 238.3e3 x (4/3) x 3,277,734,806,784 / 1.6896e18.
paradox_cli_test(mfu.hfu_full --json --near /hfu=0.6163858936684242
                 --near /mfu=0.4622894202513182 --equal /recompute=full
                 --near /recomputed_flops_per_token=1092578268928
                 -- mfu ${palm_run} ${palm_attention} --recompute full --json)
# Selective (Korthikanti et al. 2022): the attention term once more, 35,634,806,784 per token.
paradox_cli_test(mfu.hfu_selective --json --near /hfu=0.4673153284287727
                 --near /recomputed_flops_per_token=35634806784
                 -- mfu ${palm_run} ${palm_attention} --recompute selective --json)
paradox_cli_test(mfu.hfu_none_equals_mfu --json --ratio /hfu:/mfu=1
                 -- mfu ${palm_run} --recompute none --json)
paradox_cli_test(mfu.no_hfu_without_recompute --json --stdout-has "\"mfu\""
                 --stdout-has "\"flops_per_token\""
                 -- mfu ${palm_run} --json)
# GPT-3 on 1024 A100s at Megatron-LM's 140 TFLOP/s per GPU (sec. 5.1), i.e. 1024 x 140e12 /
# (8 x 175e9) = 102,400 tokens/s with full recomputation: MFU 6 x 175e9 x 102,400 /
# (1024 x 312e12) = 33.7%, HFU 8/6 of it = 44.9% (the paper's "45% of peak").
paradox_cli_test(mfu.megatron_gpt3 --json --near /mfu=0.33653846153846156
                 -- mfu --tokens-per-second 102400 --chips 1024 --peak 312TFLOP/s
                 --params 175e9 --json)

paradox_cli_bad_input(mfu.zero_chips "paradox mfu: --chips must be a whole number"
                      -- mfu --tokens-per-second 1e5 --chips 0 --peak 275TFLOP/s --params 1e9)
paradox_cli_bad_input(mfu.zero_throughput
                      "paradox mfu: --tokens-per-second must be a number > 0 (got 0)"
                      -- mfu --tokens-per-second 0 --chips 8 --peak 275TFLOP/s --params 1e9)
paradox_cli_bad_input(mfu.garbage_throughput
                      "paradox mfu: --tokens-per-second must be a number > 0 (got fast)"
                      -- mfu --tokens-per-second fast --chips 8 --peak 275TFLOP/s --params 1e9)
paradox_cli_bad_input(mfu.negative_params "paradox mfu: --params must be a number > 0 (got -1)"
                      -- mfu --tokens-per-second 1e5 --chips 8 --peak 275TFLOP/s --params=-1)
paradox_cli_bad_input(mfu.nan_params "paradox mfu: --params must be a number > 0 (got nan)"
                      -- mfu --tokens-per-second 1e5 --chips 8 --peak 275TFLOP/s --params nan)
paradox_cli_bad_input(mfu.peak_wrong_dimension "paradox mfu: --peak must"
                      -- mfu --tokens-per-second 1e5 --chips 8 --peak 80GB --params 1e9)
paradox_cli_bad_input(mfu.zero_peak "paradox mfu: --peak must be > 0"
                      -- mfu --tokens-per-second 1e5 --chips 8 --peak 0 --params 1e9)
paradox_cli_bad_input(mfu.missing_params "--params is required"
                      -- mfu --tokens-per-second 1e5 --chips 8 --peak 275TFLOP/s)
paradox_cli_bad_input(mfu.partial_attention
                      "paradox mfu: --head-dim is required with the other attention flags"
                      -- mfu ${palm_run} --layers 118 --heads 48 --seq 2048)
paradox_cli_bad_input(mfu.causal_needs_attention "paradox mfu: --causal needs the attention term"
                      -- mfu ${palm_run} --causal)
paradox_cli_bad_input(mfu.selective_needs_attention
                      "paradox mfu: --recompute selective needs the attention term"
                      -- mfu ${palm_run} --recompute selective)
paradox_cli_bad_input(mfu.unknown_recompute
                      "paradox mfu: --recompute must be one of none|selective|full (got some)"
                      -- mfu ${palm_run} --recompute some)
paradox_cli_bad_input(mfu.overflow_is_rejected "paradox mfu:"
                      -- mfu --tokens-per-second 1e300 --chips 8 --peak 275TFLOP/s
                      --params 1e300)
