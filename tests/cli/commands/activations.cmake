# `paradox activations` (CLI.md): activation memory per transformer layer (Korthikanti et al.
# 2022, "Reducing Activation Recomputation in Large Transformer Models", table 2).
# A GPT-3 175B layer (Brown et al. 2020, table 2.1: s = 2048, h = 12288, a = 96), b = 1:
# sbh = 25,165,824; 5as/h = 80. By hand: no parallelism 114 sbh = 2,868,903,936 B;
# t = 8: 23 sbh = 578,813,952; t = 8 with sequence parallelism: 14.25 sbh = 358,612,992;
# t = 8 selective: 13 sbh = 327,155,712; t = 8, sequence parallel, selective: 4.25 sbh =
# 106,954,752; full recomputation: 2 sbh = 50,331,648.
set(gpt3_layer --seq 2048 --micro-batch 1 --hidden 12288 --heads 96)

paradox_cli_test(activations.help
                 --stdout-has --seq --stdout-has --micro-batch --stdout-has --hidden
                 --stdout-has --heads --stdout-has --tp --stdout-has --sequence-parallel
                 --stdout-has --recompute --stdout-has --layers --stdout-has "default: none"
                 --stdout-has "default: 1" --stdout-has bytes_per_layer
                 -- activations --help)
paradox_cli_test(activations.table --stdout-has "2.869 GB" --stdout-has "per layer"
                 -- activations ${gpt3_layer})
paradox_cli_test(activations.no_parallelism --json --near /bytes_per_layer=2868903936
                 --near /bytes=2868903936 -- activations ${gpt3_layer} --json)
paradox_cli_test(activations.tensor_parallel --json --near /bytes_per_layer=578813952
                 -- activations ${gpt3_layer} --tp 8 --json)
paradox_cli_test(activations.sequence_parallel --json --near /bytes_per_layer=358612992
                 -- activations ${gpt3_layer} --tp 8 --sequence-parallel --json)
paradox_cli_test(activations.selective --json --near /bytes_per_layer=327155712
                 --equal /recompute=selective
                 -- activations ${gpt3_layer} --tp 8 --recompute selective --json)
# 96 layers: 96 x 106,954,752 = 10,267,656,192 B (sec. 4.2.3: the first 1F1B stage's total).
paradox_cli_test(activations.sequence_parallel_selective_96_layers --json
                 --near /bytes_per_layer=106954752 --near /bytes=10267656192 --equal /layers=96
                 -- activations ${gpt3_layer} --tp 8 --sequence-parallel --recompute selective
                 --layers 96 --json)
paradox_cli_test(activations.full --json --near /bytes_per_layer=50331648
                 -- activations ${gpt3_layer} --tp 8 --recompute full --json)

paradox_cli_bad_input(activations.tp_does_not_divide_heads
                      "paradox activations: --heads must be divisible by --tp = 5 (got 96)"
                      -- activations ${gpt3_layer} --tp 5)
paradox_cli_bad_input(activations.zero_seq "paradox activations: --seq must"
                      -- activations --seq 0 --micro-batch 1 --hidden 12288 --heads 96)
paradox_cli_bad_input(activations.fractional_hidden "paradox activations: --hidden must be a whole number"
                      -- activations --seq 2048 --micro-batch 1 --hidden 1.5 --heads 96)
paradox_cli_bad_input(activations.unknown_recompute
                      "paradox activations: --recompute must be one of none|selective|full"
                      -- activations ${gpt3_layer} --recompute some)
paradox_cli_bad_input(activations.missing_heads "--heads is required"
                      -- activations --seq 2048 --micro-batch 1 --hidden 12288)
paradox_cli_bad_input(activations.zero_layers "paradox activations: --layers must"
                      -- activations ${gpt3_layer} --layers 0)
