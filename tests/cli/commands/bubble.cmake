# --- bubble -------------------------------------------------------------------------------------
# bubble_fraction = (p-1)/(v m + p - 1), bubble_overhead = (p-1)/(v m) (CLI.md).
paradox_cli_test(bubble.help --stdout-has --stages --stdout-has --microbatches
                 --stdout-has --virtual --stdout-has "default: 1" --stdout-has --layers
                 --stdout-has bubble_fraction --stdout-has bubble_overhead
                 -- bubble --help)
paradox_cli_test(bubble.listed --stdout-has bubble -- --help)
paradox_cli_test(bubble.table --stdout-has "bubble fraction" --stdout-has "0.2727"
                 --stdout-has "0.375" --stdout-has 1f1b
                 -- bubble --stages 4 --microbatches 8)
# p = 4, m = 8: 3/11 of the step idle, 3/8 over ideal compute; the first 1F1B stage holds 4.
paradox_cli_test(bubble.p4_m8 --json --near /bubble_fraction=0.27272727272727271
                 --near /bubble_overhead=0.375 --equal /schedule=1f1b --equal /stages=4
                 --equal /microbatches=8 --equal /virtual_stages=1
                 --near /pipeline_efficiency=0.72727272727272729
                 --near /first_stage_microbatches_in_flight=4 --equal /p2p_sends_per_step=48
                 -- bubble --stages 4 --microbatches 8 --json)
# Interleaved, v = 4: 3/35 and 3/32; p2p sends 2 m (p v - 1) = 240.
paradox_cli_test(bubble.p4_m8_v4 --json --near /bubble_fraction=0.085714285714285715
                 --near /bubble_overhead=0.09375 --equal /schedule=interleaved
                 --equal /p2p_sends_per_step=240
                 -- bubble --stages 4 --microbatches 8 --virtual 4 --json)
# GPipe's M = 4K rule (Huang et al. 2019, sec. 2.3): p = 4, m = 16 gives 3/19.
paradox_cli_test(bubble.p4_m16 --json --near /bubble_fraction=0.15789473684210525
                 --near /bubble_overhead=0.1875
                 -- bubble --stages 4 --microbatches 16 --virtual 1 --json)
# The relation f = x / (1 + x), checked on the output: f / x = 1 / (1 + x) = 1 / 1.1875.
paradox_cli_test(bubble.fraction_over_overhead --json
                 --ratio /bubble_fraction:/bubble_overhead=0.84210526315789469
                 -- bubble --stages 4 --microbatches 16 --json)
# MLSys textbook, vol. 2 distributed training, "Engineering Calculation: Pipeline Efficiency":
# P = 8, M = 4: overhead 175%, efficiency 1/(1 + 1.75) = 36%.
paradox_cli_test(bubble.textbook_p8_m4 --json --near /bubble_overhead=1.75
                 --near-rel /pipeline_efficiency=0.36@0.02
                 -- bubble --stages 8 --microbatches 4 --json)
paradox_cli_test(bubble.one_stage --json --near-rel /bubble_fraction=0@0
                 --near-rel /bubble_overhead=0@0 --equal /p2p_sends_per_step=0
                 -- bubble --stages 1 --microbatches 1 --json)
paradox_cli_test(bubble.layers --json --equal /layers_per_chunk=2
                 -- bubble --stages 4 --microbatches 8 --virtual 2 --layers 16 --json)

paradox_cli_bad_input(bubble.missing_stages "--stages is required" -- bubble --microbatches 8)
paradox_cli_bad_input(bubble.zero_stages "paradox bubble: --stages must"
                      -- bubble --stages 0 --microbatches 8)
paradox_cli_bad_input(bubble.zero_microbatches "paradox bubble: --microbatches must"
                      -- bubble --stages 4 --microbatches 0)
paradox_cli_bad_input(bubble.fractional_virtual "--virtual must be a whole number"
                      -- bubble --stages 4 --microbatches 8 --virtual 1.5)
paradox_cli_bad_input(bubble.zero_virtual "paradox bubble: --virtual must"
                      -- bubble --stages 4 --microbatches 8 --virtual 0)
paradox_cli_bad_input(bubble.interleaved_needs_divisible_microbatches
                      "paradox bubble: --microbatches must be divisible by --stages = 4"
                      -- bubble --stages 4 --microbatches 6 --virtual 2)
paradox_cli_bad_input(bubble.layers_must_divide
                      "paradox bubble: --layers must be divisible by --stages x --virtual = 8 (got 30)"
                      -- bubble --stages 4 --microbatches 8 --virtual 2 --layers 30)
paradox_cli_bad_input(bubble.unknown_flag "paradox bubble: unknown flag '--schedule'"
                      -- bubble --stages 4 --microbatches 8 --schedule gpipe)
