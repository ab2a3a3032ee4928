# `paradox layout` (CLI.md): one 3D-parallel layout of a catalog model on catalog nodes.
# Worked case: Llama 3 70B on 64 H100 SXM (8 DGX H100), tp 8 x pp 4, global batch 64 sequences:
# dp = 64 / (8 x 4) = 2, microbatches = 64 / (2 x 1) = 32, and the 1F1B bubble
# (pp-1)/(m + pp - 1) = 3/35 (MODELS.md sec. 4 test value); with v = 4 it is 3/(128 + 3).
# The achievable fraction is given, so that the checks do not move with the catalog's figure.
set(layout_70b --model llama3-70b --accelerator h100-sxm --gpus 64 --global-batch 64)

paradox_cli_test(layout.help
                 --stdout-has --model --stdout-has --accelerator --stdout-has --gpus
                 --stdout-has --tp --stdout-has --pp --stdout-has --global-batch
                 --stdout-has --gpus-per-node --stdout-has --fabric --stdout-has --seq
                 --stdout-has --micro-batch --stdout-has --virtual --stdout-has --zero
                 --stdout-has --recompute --stdout-has --sequence-parallel
                 --stdout-has "default: 8" --stdout-has "default: ib-ndr"
                 --stdout-has step_time_s --stdout-has memory_per_gpu_bytes
                 -- layout --help)
paradox_cli_test(layout.listed_in_help --stdout-has layout -- --help)
paradox_cli_test(layout.table --stdout-has "step time" --stdout-has "tensor parallel"
                 --stdout-has "memory per GPU" --stdout-has "0.08571" --stdout-has "8 nodes"
                 --stdout-has "tp 8 x pp 4 x dp 2"
                 -- layout ${layout_70b} --tp 8 --pp 4 --achievable-fraction 0.5)
paradox_cli_test(layout.llama3_70b_64_h100 --json
                 --equal /dp=2 --equal /tp=8 --equal /pp=4 --equal /cp=1 --equal /microbatches=32
                 --equal /micro_batch=1 --equal /virtual=1 --equal /zero=0
                 --equal /recompute=none --equal /schedule=1f1b --equal /nodes=8
                 --near /bubble_fraction=0.085714285714285715 --near /achievable_fraction=0.5
                 --near /capacity_bytes=80e9 --equal /fits=false
                 --equal /tensor_level=node --equal /pipeline_level=rack
                 --equal /data_level=rack --equal /context_level=node
                 --ratio /hfu:/mfu=1 --near-rel /context_parallel_s=0@0
                 --key /step_time_s --key /tokens_per_s --key /mfu --key /memory_per_gpu_bytes
                 --key /compute_s --key /tensor_parallel_s --key /pipeline_p2p_s --key /bubble_s
                 --key /data_parallel_s --key /weights_bytes --key /gradients_bytes
                 --key /optimizer_bytes --key /activations_bytes --key /headroom_bytes
                 -- layout ${layout_70b} --tp 8 --pp 4 --achievable-fraction 0.5 --json)
# The catalog's achievable fraction is the default (H100 has one).
paradox_cli_test(layout.catalog_fraction --json --equal /dp=2
                 --near /bubble_fraction=0.085714285714285715 --key /achievable_fraction
                 -- layout ${layout_70b} --tp 8 --pp 4 --json)
# Interleaved, v = 4: 3/131; full recomputation, sequence parallelism and ZeRO-1 fit in 80 GB.
paradox_cli_test(layout.interleaved_fits --json --equal /schedule=interleaved --equal /virtual=4
                 --near /bubble_fraction=0.022900763358778626 --equal /fits=true
                 --equal /recompute=full --equal /sequence_parallel=true --equal /zero=1
                 -- layout ${layout_70b} --tp 8 --pp 4 --virtual 4 --recompute full
                 --sequence-parallel --zero 1 --achievable-fraction 0.5 --json)
# hfu beside mfu (issue 10): full recomputation repeats the forward pass, one third of the
# 6N + attention model FLOPs, so hfu / mfu = 4/3; the table prints both.
paradox_cli_test(layout.hfu_with_full_recomputation --json --equal /recompute=full
                 --ratio /hfu:/mfu=1.3333333333333333 --key /mfu --key /hfu
                 -- layout ${layout_70b} --tp 8 --pp 4 --recompute full --achievable-fraction 0.5
                 --json)
paradox_cli_test(layout.hfu_in_table --stdout-has "MFU" --stdout-has "HFU"
                 --stdout-has "with recomputed FLOPs"
                 -- layout ${layout_70b} --tp 8 --pp 4 --recompute full --achievable-fraction 0.5)
# Four GPUs per node: a tensor-parallel group of 8 spans two nodes.
paradox_cli_test(layout.tp_across_nodes --json --equal /nodes=16 --equal /tensor_level=rack
                 --equal /fabric=ib-hdr
                 -- layout ${layout_70b} --tp 8 --pp 4 --gpus-per-node 4 --fabric ib-hdr
                 --achievable-fraction 0.5 --json)
paradox_cli_test(layout.seq_override --json --equal /seq=4096 --equal /dp=8 --equal /microbatches=8
                 -- layout ${layout_70b} --tp 8 --pp 1 --seq 4096 --achievable-fraction 0.5 --json)
# Huge but valid: a clean answer (finite, no null), never a crash.
paradox_cli_test(layout.huge_cluster --json --key /step_time_s --equal /fits=false
                 -- layout --model llama3-70b --accelerator h100-sxm --gpus 99999992 --tp 8
                 --pp 1 --global-batch 99999992 --seq 16777216 --achievable-fraction 0.5 --json)

# Every required flag missing in turn.
paradox_cli_bad_input(layout.missing_model "--model is required"
                      -- layout --accelerator h100-sxm --gpus 64 --global-batch 64 --tp 8 --pp 4)
paradox_cli_bad_input(layout.missing_accelerator "--accelerator is required"
                      -- layout --model llama3-70b --gpus 64 --global-batch 64 --tp 8 --pp 4)
paradox_cli_bad_input(layout.missing_gpus "--gpus is required"
                      -- layout --model llama3-70b --accelerator h100-sxm --global-batch 64
                      --tp 8 --pp 4)
paradox_cli_bad_input(layout.missing_global_batch "--global-batch is required"
                      -- layout --model llama3-70b --accelerator h100-sxm --gpus 64 --tp 8 --pp 4)
paradox_cli_bad_input(layout.missing_tp "--tp is required" -- layout ${layout_70b} --pp 4)
paradox_cli_bad_input(layout.missing_pp "--pp is required" -- layout ${layout_70b} --tp 8)

# Layouts that do not divide, each naming its rule.
paradox_cli_bad_input(layout.dp_must_divide
                      "paradox layout: --gpus must be divisible by --tp x --pp = 24 (dp = gpus / (tp x pp)) (got 64)"
                      -- layout ${layout_70b} --tp 8 --pp 3)
paradox_cli_bad_input(layout.batch_must_divide
                      "paradox layout: --global-batch must be divisible by dp x --micro-batch = 2 x 1"
                      -- layout --model llama3-70b --accelerator h100-sxm --gpus 64
                      --global-batch 63 --tp 8 --pp 4)
paradox_cli_bad_input(layout.micro_batch_must_divide "--global-batch must be divisible by dp x --micro-batch = 2 x 3"
                      -- layout ${layout_70b} --tp 8 --pp 4 --micro-batch 3)
paradox_cli_bad_input(layout.gpus_per_node_must_divide
                      "paradox layout: --gpus must be a multiple of --gpus-per-node = 8 (got 60)"
                      -- layout --model llama3-70b --accelerator h100-sxm --gpus 60
                      --global-batch 60 --tp 4 --pp 1)
paradox_cli_bad_input(layout.heads_must_divide "heads must be divisible by tensor_parallel"
                      -- layout --model llama3-70b --accelerator h100-sxm --gpus 48
                      --global-batch 48 --tp 3 --pp 1)
paradox_cli_bad_input(layout.layers_must_divide
                      "layers must be divisible by pipeline_parallel x virtual_stages = 12 (got 80)"
                      -- layout ${layout_70b} --tp 8 --pp 4 --virtual 3)
paradox_cli_bad_input(layout.virtual_needs_stages "--virtual must be 1 when --pp = 1"
                      -- layout ${layout_70b} --tp 8 --pp 1 --virtual 2)
paradox_cli_bad_input(layout.interleaving_needs_divisible_microbatches
                      "--virtual must be 1 unless microbatches = 2 is divisible by --pp = 4"
                      -- layout ${layout_70b} --tp 8 --pp 4 --micro-batch 16 --virtual 2)
paradox_cli_bad_input(layout.sequence_parallel_needs_tp "--sequence-parallel needs --tp >= 2"
                      -- layout ${layout_70b} --tp 1 --pp 1 --sequence-parallel)
paradox_cli_bad_input(layout.sequence_parallel_seq_must_divide
                      "seq_len must be divisible by tensor_parallel x context_parallel = 8 (got 8191)"
                      -- layout ${layout_70b} --tp 8 --pp 4 --seq 8191 --sequence-parallel)

# Bad values.
paradox_cli_bad_input(layout.unknown_model "paradox layout: --model must be one of"
                      -- layout --model llama9 --accelerator h100-sxm --gpus 64 --global-batch 64
                      --tp 8 --pp 4)
paradox_cli_bad_input(layout.unknown_accelerator "paradox layout: --accelerator must be one of"
                      -- layout --model llama3-70b --accelerator h100 --gpus 64 --global-batch 64
                      --tp 8 --pp 4)
paradox_cli_bad_input(layout.accelerator_without_node
                      "paradox layout: --accelerator must be one with a catalog node"
                      -- layout --model llama3-70b --accelerator v100 --gpus 64 --global-batch 64
                      --tp 8 --pp 4)
paradox_cli_bad_input(layout.unknown_fabric "paradox layout: --fabric must be one of"
                      -- layout ${layout_70b} --tp 8 --pp 4 --fabric lte)
paradox_cli_bad_input(layout.unknown_recompute
                      "paradox layout: --recompute must be one of none|selective|full (got partial)"
                      -- layout ${layout_70b} --tp 8 --pp 4 --recompute partial)
paradox_cli_bad_input(layout.zero_out_of_range "paradox layout: --zero must be a whole number in [0, 3] (got 4)"
                      -- layout ${layout_70b} --tp 8 --pp 4 --zero 4)
paradox_cli_bad_input(layout.unknown_layer_split "paradox layout: --layer-split must be one of"
                      -- layout ${layout_70b} --tp 8 --pp 4 --layer-split uneven)
paradox_cli_bad_input(layout.zero_tp "paradox layout: --tp must" -- layout ${layout_70b} --tp 0 --pp 4)
paradox_cli_bad_input(layout.fractional_pp "paradox layout: --pp must be a whole number"
                      -- layout ${layout_70b} --tp 8 --pp 2.5)
paradox_cli_bad_input(layout.zero_achievable_fraction
                      # (no closing bracket here: CMake would not split the arguments after it)
                      "paradox layout: --achievable-fraction must be in (0, 1"
                      -- layout ${layout_70b} --tp 8 --pp 4 --achievable-fraction 0)
paradox_cli_bad_input(layout.achievable_fraction_above_one "paradox layout: --achievable-fraction must"
                      -- layout ${layout_70b} --tp 8 --pp 4 --achievable-fraction 1.5)
paradox_cli_bad_input(layout.gpus_beyond_int "paradox layout: --gpus must be a whole number in"
                      -- layout --model llama3-70b --accelerator h100-sxm --gpus 99999999999
                      --global-batch 64 --tp 8 --pp 4)
paradox_cli_bad_input(layout.seq_too_long "paradox layout: --seq must be a whole number in"
                      -- layout ${layout_70b} --tp 8 --pp 4 --seq 1e9)
