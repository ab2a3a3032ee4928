# --- params -------------------------------------------------------------------------------------
# Expected counts are derived independently of the code: Megatron-LM eq. 2 expanded by hand
# (Narayanan et al. 2021), the Llama count from the released architecture (Dubey et al. 2024).
paradox_cli_test(params.help
                 --stdout-has --layers --stdout-has --hidden --stdout-has --vocab
                 --stdout-has --seq --stdout-has --arch --stdout-has --heads
                 --stdout-has --kv-heads --stdout-has --ffn-hidden --stdout-has "default: gpt"
                 --stdout-has parameters
                 -- params --help)
paradox_cli_test(params.table --stdout-has "174.6B" --stdout-has "token embedding"
                 --stdout-has "Megatron-LM eq. 2"
                 -- params --layers 96 --hidden 12288 --vocab 51200 --seq 2048)
# GPT-3 shape as Megatron-LM counts it: L(12h^2 + 13h) + (V + s) h with L = 96, h = 12,288,
# V = 51,200, s = 2048: 96 x 1,812,099,072 + 53,248 x 12,288 = 174,615,822,336.
paradox_cli_test(params.gpt3_eq2 --json --near /parameters=174615822336
                 --equal /arch=gpt --near /embedding_parameters=629145600
                 --near /position_embedding_parameters=25165824
                 --near /per_layer_parameters=1812099072 --equal /layers=96
                 --near-rel /lm_head_parameters=0@0 --near-rel /final_norm_parameters=0@0
                 -- params --layers 96 --hidden 12288 --vocab 51200 --seq 2048 --json)
# Megatron-LM table 1, last row: 128 layers of 25,600 (160 heads), 1,008.0B parameters as
# printed (to half of its last digit, 0.05B).
paradox_cli_test(params.megatron_1t_table1 --json --near-rel /parameters=1008.0e9@4.9e-5
                 -- params --layers 128 --hidden 25600 --vocab 51200 --seq 2048 --json)
# Llama 3 8B: 32 x (2 x 4096^2 + 2 x 4096 x 1024 + 3 x 4096 x 14,336 + 2 x 4096) + 4096
# + 2 x 128,256 x 4096 = 8,030,261,248 (model card: 8.03B).
paradox_cli_test(params.llama3_8b --json --near /parameters=8030261248 --equal /arch=llama
                 --near /lm_head_parameters=525336576 --near /final_norm_parameters=4096
                 --near-rel /position_embedding_parameters=0@0
                 -- params --arch llama --layers 32 --hidden 4096 --heads 32 --kv-heads 8
                 --ffn-hidden 14336 --vocab 128256 --seq 8192 --json)
# Llama 3 70B (table 3 shape: 80 layers of 8192, 64 heads, 8 KV heads, FFN 28,672): the model
# card's 70.6B, to the printed digit.
paradox_cli_test(params.llama3_70b --json --near-rel /parameters=70.6e9@7.1e-4
                 -- params --arch llama --layers 80 --hidden 8192 --heads 64 --kv-heads 8
                 --ffn-hidden 28672 --vocab 128256 --seq 8192 --json)
# Without --kv-heads there is no grouped-query attention: kv heads = heads. One layer of
# h = 64, 8 heads of 8 (8 KV heads x 8 = 64), f = 172: 2 x 64^2 + 2 x 64 x 64 + 3 x 64 x 172
# + 2 x 64 = 49,536; two layers, final norm 64 and 2 x 1000 x 64 embeddings: 227,136.
paradox_cli_test(params.llama_kv_heads_default --json --near /parameters=227136
                 --near /per_layer_parameters=49536
                 -- params --arch llama --layers 2 --hidden 64 --heads 8 --ffn-hidden 172
                 --vocab 1000 --seq 128 --json)

paradox_cli_bad_input(params.zero_layers "paradox params: --layers must be a whole number"
                      -- params --layers 0 --hidden 64 --vocab 100 --seq 16)
paradox_cli_bad_input(params.missing_vocab "--vocab is required"
                      -- params --layers 2 --hidden 64 --seq 16)
paradox_cli_bad_input(params.unknown_arch "paradox params: --arch must be one of gpt|llama"
                      -- params --arch mamba --layers 2 --hidden 64 --vocab 100 --seq 16)
paradox_cli_bad_input(params.heads_need_llama "paradox params: --heads needs --arch llama"
                      -- params --layers 2 --hidden 64 --vocab 100 --seq 16 --heads 8)
paradox_cli_bad_input(params.ffn_needs_llama "paradox params: --ffn-hidden needs --arch llama"
                      -- params --layers 2 --hidden 64 --vocab 100 --seq 16 --ffn-hidden 256)
paradox_cli_bad_input(params.llama_needs_heads "paradox params: --heads is required with --arch llama"
                      -- params --arch llama --layers 2 --hidden 64 --vocab 100 --seq 16
                      --ffn-hidden 172)
paradox_cli_bad_input(params.llama_needs_ffn "paradox params: --ffn-hidden is required with --arch llama"
                      -- params --arch llama --layers 2 --hidden 64 --vocab 100 --seq 16
                      --heads 8)
paradox_cli_bad_input(params.heads_divide_hidden
                      "paradox params: --hidden must be divisible by --heads = 8 (got 65)"
                      -- params --arch llama --layers 2 --hidden 65 --heads 8 --ffn-hidden 172
                      --vocab 100 --seq 16)
paradox_cli_bad_input(params.kv_heads_divide_heads
                      "paradox params: --heads must be divisible by --kv-heads = 3 (got 8)"
                      -- params --arch llama --layers 2 --hidden 64 --heads 8 --kv-heads 3
                      --ffn-hidden 172 --vocab 100 --seq 16)
paradox_cli_bad_input(params.fractional_hidden "paradox params: --hidden must be a whole number"
                      -- params --layers 2 --hidden 64.5 --vocab 100 --seq 16)
