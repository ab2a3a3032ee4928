# CLI tests: run the built `paradox` calculator (target paradox_cli) through cli_check, which
# checks the exit status, the one-line stderr on bad input, and the JSON keys and values.
# Test names: cli.<command>.<case>. Run: ctest -R '^cli\.' --output-on-failure
if(NOT TARGET paradox_cli)
  # Visible, not silent: the configure log says so and CTest lists the group as skipped.
  set(paradox_cli_skip_reason "the paradox calculator is not built (PARADOX_BUILD_EXAMPLES=OFF)")
  message(STATUS "paradox: CLI tests skipped: ${paradox_cli_skip_reason}")
  add_test(NAME cli.skipped COMMAND ${CMAKE_COMMAND} -E echo
                                    "SKIPPED: CLI tests: ${paradox_cli_skip_reason}")
  set_tests_properties(cli.skipped PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED:")
  return()
endif()

add_executable(paradox_cli_check "${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_check.cpp")
target_link_libraries(paradox_cli_check PRIVATE nlohmann_json::nlohmann_json paradox_warnings)
target_compile_features(paradox_cli_check PRIVATE cxx_std_20)

# paradox_cli_test(<name> <checks...> -- <paradox arguments...>): see cli_check.cpp for checks.
function(paradox_cli_test name)
  add_test(NAME cli.${name} COMMAND paradox_cli_check --exe $<TARGET_FILE:paradox_cli> ${ARGN})
endfunction()

# Bad input: exit status 2 and exactly one line on stderr, naming the problem.
function(paradox_cli_bad_input name expected_text)
  paradox_cli_test(${name} --exit 2 --stderr-lines 1 --stderr-has "${expected_text}" ${ARGN})
endfunction()

set(worked_collective --op allreduce --ranks 8 --size 1GB --latency 500ns)

# --- the shell ----------------------------------------------------------------------------------
paradox_cli_test(help --stdout-has catalog --stdout-has collective --stdout-has scaling
                 --stdout-has --json -- --help)
paradox_cli_bad_input(no_command "paradox: a command is required" --)
paradox_cli_bad_input(unknown_command "paradox: unknown command 'frobnicate'" -- frobnicate)
paradox_cli_bad_input(unknown_top_level_flag "paradox: unknown flag '--frobnicate'"
                      -- --frobnicate)
# --json is accepted before the command as well as after it.
paradox_cli_test(json_before_command --json --key /time_s
                 -- --json collective ${worked_collective} --bandwidth 50GB/s)

# --- collective ---------------------------------------------------------------------------------
paradox_cli_test(collective.help
                 --stdout-has --op --stdout-has --ranks --stdout-has --size
                 --stdout-has --bandwidth --stdout-has --latency --stdout-has --algo
                 --stdout-has --gpus-per-node --stdout-has --intra-bandwidth
                 --stdout-has --intra-latency --stdout-has "default: ring" --stdout-has 50GB/s
                 -- collective --help)
paradox_cli_test(collective.table --stdout-has "35.007" --stdout-has busbw --stdout-has ring
                 -- collective ${worked_collective} --bandwidth 50GB/s)
# Worked value (issue 3; ring all-reduce, Patarasuk & Yuan 2009): 2(p-1) alpha +
# 2(p-1)/p n/beta = 14 x 500 ns + 1.75 x 1 GB / 50 GB/s = 35.007 ms; nccl-tests busbw factor
# for all-reduce 2(n-1)/n = 1.75.
paradox_cli_test(collective.ring_allreduce_worked_value --json
                 --near /time_s=0.035007 --equal /algorithm=ring
                 --near /algbw_bytes_per_s=28565715428.3429
                 --ratio /busbw_bytes_per_s:/algbw_bytes_per_s=1.75
                 -- collective ${worked_collective} --bandwidth 50GB/s --json)
paradox_cli_test(collective.gigabits_per_second_equal_bytes --json --near /time_s=0.035007
                 -- collective ${worked_collective} --bandwidth 400Gb/s --json)
paradox_cli_test(collective.gbps_spelling --json --near /time_s=0.035007
                 -- collective ${worked_collective} --bandwidth 400Gbps --json)
paradox_cli_test(collective.plain_numbers_are_base_units --json --near /time_s=0.035007
                 -- collective --op allreduce --ranks 8 --size 1e9 --bandwidth 5e10
                 --latency 5e-7 --json)
paradox_cli_test(collective.auto_reports_resolved_algorithm --json --key /algorithm
                 --key /time_s --key /algbw_bytes_per_s --key /busbw_bytes_per_s
                 -- collective ${worked_collective} --bandwidth 50GB/s --algo auto --json)
paradox_cli_test(collective.hierarchical --json --equal /algorithm=hierarchical --key /time_s
                 -- collective --op allreduce --ranks 64 --gpus-per-node 8 --size 1GB
                 --bandwidth 50GB/s --latency 5us --intra-bandwidth 450GB/s --intra-latency 1us
                 --algo hierarchical --json)
# nccl-tests busbw factors: all-gather and reduce-scatter (n-1)/n, broadcast 1.
paradox_cli_test(collective.allgather_busbw_factor --json
                 --ratio /busbw_bytes_per_s:/algbw_bytes_per_s=0.875
                 -- collective --op allgather --ranks 8 --size 1GB --bandwidth 50GB/s
                 --latency 500ns --json)
paradox_cli_test(collective.broadcast_busbw_factor --json
                 --ratio /busbw_bytes_per_s:/algbw_bytes_per_s=1
                 -- collective --op broadcast --ranks 8 --size 1GB --bandwidth 50GB/s
                 --latency 500ns --json)
# One rank moves nothing: zero time, and the bandwidths are null rather than infinite.
paradox_cli_test(collective.one_rank --json --near-rel /time_s=0@0 --null /algbw_bytes_per_s
                 --null /busbw_bytes_per_s
                 -- collective --op allreduce --ranks 1 --size 1GB --bandwidth 50GB/s
                 --latency 500ns --json)

paradox_cli_bad_input(collective.unknown_flag "paradox collective: unknown flag '--frobnicate'"
                      -- collective ${worked_collective} --bandwidth 50GB/s --frobnicate 3)
paradox_cli_bad_input(collective.zero_ranks "paradox collective: --ranks must"
                      -- collective --op allreduce --ranks 0 --size 1GB --bandwidth 50GB/s
                      --latency 500ns)
paradox_cli_bad_input(collective.fractional_ranks "--ranks must be a whole number"
                      -- collective --op allreduce --ranks 2.5 --size 1GB --bandwidth 50GB/s
                      --latency 500ns)
paradox_cli_bad_input(collective.negative_size "paradox collective: --size must be > 0"
                      -- collective --op allreduce --ranks 8 --size -1GB --bandwidth 50GB/s
                      --latency 500ns)
paradox_cli_bad_input(collective.negative_size_with_equals "--size must be > 0"
                      -- collective --op allreduce --ranks 8 --size=-1GB --bandwidth 50GB/s
                      --latency 500ns)
paradox_cli_bad_input(collective.bandwidth_wrong_dimension "paradox collective: --bandwidth must"
                      -- collective ${worked_collective} --bandwidth 5ms)
paradox_cli_bad_input(collective.bandwidth_garbage "paradox collective: --bandwidth must"
                      -- collective ${worked_collective} --bandwidth garbage)
paradox_cli_bad_input(collective.zero_bandwidth "--bandwidth must be > 0"
                      -- collective ${worked_collective} --bandwidth 0)
paradox_cli_bad_input(collective.negative_latency "--latency must be >= 0"
                      -- collective --op allreduce --ranks 8 --size 1GB --bandwidth 50GB/s
                      --latency=-1us)
paradox_cli_bad_input(collective.missing_required_flag "--latency is required"
                      -- collective --op allreduce --ranks 8 --size 1GB --bandwidth 50GB/s)
paradox_cli_bad_input(collective.missing_value "paradox collective: --ranks needs a value"
                      -- collective --op allreduce --size 1GB --bandwidth 50GB/s
                      --latency 500ns --ranks)
paradox_cli_bad_input(collective.flag_given_twice "--ranks was given more than once"
                      -- collective ${worked_collective} --bandwidth 50GB/s --ranks 4)
paradox_cli_bad_input(collective.ranks_beyond_int "--ranks must be a whole number in"
                      -- collective --op allreduce --ranks 99999999999 --size 1GB
                      --bandwidth 50GB/s --latency 500ns)
paradox_cli_bad_input(collective.unsupported_algorithm_for_op
                      "--algo must be one of ring|auto for --op alltoall (got tree)"
                      -- collective --op alltoall --algo tree --ranks 8 --size 1GB
                      --bandwidth 50GB/s --latency 500ns)
paradox_cli_bad_input(collective.hierarchical_layout_must_divide
                      "--ranks must be divisible by --gpus-per-node = 3"
                      -- collective --op allreduce --algo hierarchical --gpus-per-node 3
                      --intra-bandwidth 450GB/s --ranks 8 --size 1GB --bandwidth 50GB/s
                      --latency 500ns)
paradox_cli_bad_input(collective.unknown_op "--op must be one of"
                      -- collective --op allsmash --ranks 8 --size 1GB --bandwidth 50GB/s
                      --latency 500ns)
paradox_cli_bad_input(collective.unknown_algorithm "--algo must be one of"
                      -- collective ${worked_collective} --bandwidth 50GB/s --algo quantum)
paradox_cli_bad_input(collective.hierarchical_needs_intra_link "--intra-bandwidth is required"
                      -- collective --op allreduce --ranks 64 --gpus-per-node 8 --size 1GB
                      --bandwidth 50GB/s --latency 5us --algo hierarchical)
paradox_cli_bad_input(collective.overflow_is_rejected "paradox collective:"
                      -- collective --op allreduce --ranks 8 --size 1e300 --bandwidth 1e-300
                      --latency 0)

# --- scaling ------------------------------------------------------------------------------------
set(scaling_job --compute-time 1s --gradient-size 1GB --bandwidth 50GB/s --latency 500ns)
paradox_cli_test(scaling.help
                 --stdout-has --compute-time --stdout-has --gradient-size
                 --stdout-has --bandwidth --stdout-has --latency --stdout-has --max-workers
                 --stdout-has --overlap --stdout-has --mode --stdout-has "default: strong"
                 --stdout-has diminishing_returns_workers
                 -- scaling --help)
paradox_cli_test(scaling.table --stdout-has speedup --stdout-has efficiency
                 -- scaling ${scaling_job} --max-workers 16)
# Strong scaling, N = 2: T(2) = 1 s / 2 + ring all-reduce over 2 ranks
# (2 x 500 ns + 1 GB / 50 GB/s = 0.020001 s), so S(2) = 1 / 0.520001.
paradox_cli_test(scaling.strong_worked_value --json --array-size /points=16
                 --equal /points/0/workers=1 --near /points/0/speedup=1
                 --near /points/0/efficiency=1 --equal /points/1/workers=2
                 --near /points/1/speedup=1.9230732248591830
                 --near /points/1/efficiency=0.9615366124295915
                 --near /points/0/marginal_speedup=0.9230732248591830
                 --key /points/15/marginal_speedup --key /diminishing_returns_workers
                 -- scaling ${scaling_job} --max-workers 16 --json)
# With nothing to all-reduce, strong scaling is ideal: no diminishing returns (null).
paradox_cli_test(scaling.no_diminishing_returns_is_null --json --null /diminishing_returns_workers
                 --near /points/7/speedup=8 --near /points/7/efficiency=1
                 -- scaling --compute-time 1s --gradient-size 0 --bandwidth 50GB/s
                 --latency 500ns --max-workers 8 --json)
# 10 GbE and a 1 GB gradient: two workers spend 0.8 s all-reducing to save 0.5 s of compute,
# so a second worker already gains less than 0.5x.
paradox_cli_test(scaling.slow_network_diminishes_at_once --json
                 --equal /diminishing_returns_workers=1
                 -- scaling --compute-time 1s --gradient-size 1GB --bandwidth 10Gb/s
                 --latency 5us --max-workers 8 --json)
# Weak scaling on a fast link: every worker adds almost a whole worker's throughput.
paradox_cli_test(scaling.weak_mode --json --array-size /points=4 --near /points/0/speedup=1
                 --null /diminishing_returns_workers
                 -- scaling ${scaling_job} --max-workers 4 --mode weak --overlap 0.5 --json)
# With 8 GPUs per node the fleet grows a node at a time (scaling::diminishing_returns): on
# 50 GB/s NICs, one per GPU, 4 nodes still each add more than 0.5 per GPU.
paradox_cli_test(scaling.multi_node --json --array-size /points=32
                 --null /diminishing_returns_workers --equal /diminishing_returns_step=8
                 -- scaling ${scaling_job} --max-workers 32 --gpus-per-node 8
                 --intra-bandwidth 450GB/s --intra-latency 1us --json)

# One 50 GB/s NIC shared by the node's 8 GPUs: each gets 6.25 GB/s across nodes. T(N) for
# N = 8k: 1 s / N + 14 x 1 us + 2 (7/8) 1 GB / 450 GB/s + 2 (k-1) 500 ns + 2 (k-1)/k 1 GB /
# 50 GB/s (the whole buffer through the one NIC). (S(16) - S(8)) / 8 = 0.477 < 0.5, so the
# first node is already the knee.
paradox_cli_test(scaling.shared_nic --json --equal /diminishing_returns_workers=8
                 --equal /diminishing_returns_step=8
                 -- scaling ${scaling_job} --max-workers 32 --gpus-per-node 8
                 --intra-bandwidth 450GB/s --intra-latency 1us --nics-per-node 1 --json)
paradox_cli_test(scaling.nics_need_gpus_per_node --exit 2
                 --stderr-has "paradox scaling: --nics-per-node needs --gpus-per-node"
                 -- scaling ${scaling_job} --max-workers 32 --nics-per-node 1)

# T(N) = 1 s / N + 2(N-1) x 500 ns + 2(N-1)/N x 20 ms (ring all-reduce, Patarasuk & Yuan
# 2009; Thakur et al. 2005, "Optimization of Collective Communication Operations in MPICH"):
# S(11) - S(10) = 0.504, S(12) - S(11) = 0.476, so the knee is N = 11.
paradox_cli_test(scaling.ring_knee --json --equal /diminishing_returns_workers=11
                 --near-rel /points/10/marginal_speedup=0.476@1e-3
                 -- scaling ${scaling_job} --max-workers 32 --json)
# auto is never slower than the ring, and here no steeper: the same knee.
paradox_cli_test(scaling.algorithm_choice --json --equal /algorithm=auto --array-size /points=32
                 --equal /diminishing_returns_workers=11
                 -- scaling ${scaling_job} --max-workers 32 --algo auto --json)

paradox_cli_bad_input(scaling.zero_max_workers "paradox scaling: --max-workers must"
                      -- scaling ${scaling_job} --max-workers 0)
paradox_cli_bad_input(scaling.overlap_above_one "paradox scaling: --overlap must be a number in [0, 1]"
                      -- scaling ${scaling_job} --max-workers 8 --overlap 1.5)
paradox_cli_bad_input(scaling.unknown_mode "paradox scaling: --mode must be one of strong|weak"
                      -- scaling ${scaling_job} --max-workers 8 --mode sideways)
paradox_cli_bad_input(scaling.compute_time_wrong_dimension "paradox scaling: --compute-time must"
                      -- scaling --compute-time 5GB --gradient-size 1GB --bandwidth 50GB/s
                      --latency 500ns --max-workers 8)
paradox_cli_bad_input(scaling.missing_required_flag "--max-workers is required"
                      -- scaling ${scaling_job})
paradox_cli_bad_input(scaling.gpus_per_node_needs_intra_link "--intra-bandwidth is required"
                      -- scaling ${scaling_job} --max-workers 16 --gpus-per-node 8)

# --- catalog ------------------------------------------------------------------------------------
paradox_cli_test(catalog.help --stdout-has --kind --stdout-has accelerators
                 --stdout-has source_kind -- catalog --help)
paradox_cli_test(catalog.table --stdout-has h100-sxm --stdout-has ib-ndr --stdout-has eth-10g
                 --stdout-has llama3-70b --stdout-has gpt3-175b --stdout-has a100-80gb
                 --stdout-has "Cloud Titan" --stdout-has sources: --stdout-has datasheet
                 -- catalog)
# Every entry, of every kind, has its key as name, a kind and a source.
paradox_cli_test(catalog.json_every_entry_has_name_kind_source --json --min-size /entries=30
                 --each-has /entries=name --each-has /entries=kind --each-has /entries=source
                 --each-has /entries=source_kind --each-has /entries=display_name
                 -- catalog --json)
paradox_cli_test(catalog.accelerators --json --equal /entries/0/name=h100-sxm
                 --equal /entries/0/kind=accelerator --each-has /entries=hbm_capacity_bytes
                 --each-has /entries=hbm_bandwidth_bytes_per_s
                 --each-has /entries=peak_bf16_flop_per_s --each-has /entries=tdp_w
                 --each-has /entries=price_usd_per_hour
                 -- catalog --kind accelerators --json)
paradox_cli_test(catalog.links --json --each-has /entries=bandwidth_bytes_per_s
                 --each-has /entries=latency_s --each-has /entries=medium
                 --stdout-has "\"ib-ndr\"" --stdout-has "\"eth-10g\"" --stdout-has "\"ble-2m\""
                 -- catalog --kind links --json)
paradox_cli_test(catalog.models --json --each-has /entries=parameters
                 --stdout-has "\"llama3-405b\"" --stdout-has "\"mobilenetv2\""
                 -- catalog --kind models --json)
paradox_cli_test(catalog.devices --json --each-has /entries=compute_peak_flop_per_s
                 --each-has /entries=memory_bytes -- catalog --kind devices --json)
paradox_cli_test(catalog.nodes --json --each-has /entries=accelerators_per_node
                 -- catalog --kind nodes --json)
paradox_cli_test(catalog.tracks --json --array-size /entries=4 --equal /entries/0/name=cloud
                 --equal /entries/0/kind=track --each-has /entries=fleet_size
                 --each-has /entries=sync_payload_bytes --each-has /entries=slow_network
                 -- catalog --kind tracks --json)
# Catalog values by name (/entries/@KEY/...), against figures retyped from the sources, not
# from the catalog headers: a wrong digit in the catalog or in the JSON conversion fails here.
# NVIDIA H100 datasheet (SXM): 80 GB, 3.35 TB/s, BF16 1,979 TFLOPS with sparsity -> 989 dense;
# HGX/DGX B200: 64 TB/s HBM3e for 8 GPUs -> 8 TB/s; A100 has no FP8 (0 = unsupported);
# Jouppi et al. 2023 (TPU v4): 32 GiB = 32 x 2^30 B, no TDP published, 192 W measured.
paradox_cli_test(catalog.accelerator_values --json
                 --near /entries/@h100-sxm/hbm_capacity_bytes=80e9
                 --near /entries/@h100-sxm/hbm_bandwidth_bytes_per_s=3.35e12
                 --near /entries/@h100-sxm/peak_bf16_flop_per_s=989e12
                 --near /entries/@h100-sxm/tdp_w=700
                 --near /entries/@b200/hbm_bandwidth_bytes_per_s=8e12
                 --near /entries/@b200/hbm_capacity_bytes=180e9
                 --near-rel /entries/@a100-80gb/peak_fp8_flop_per_s=0@0
                 --near /entries/@a100-80gb/hbm_bandwidth_bytes_per_s=2039e9
                 --near /entries/@tpu-v4/hbm_capacity_bytes=34359738368
                 --equal "/entries/@h100-sxm/provenance/hbm_capacity_bytes/kind=datasheet"
                 --equal "/entries/@h100-sxm/provenance/price_usd_per_hour/kind=didactic assumption"
                 --equal /entries/@tpu-v4/provenance/tdp_w/kind=measured
                 --equal /entries/@tpu-v4/provenance/hbm_capacity_bytes/kind=paper
                 -- catalog --kind accelerators --json)
# Wired: ConnectX-7 NDR 400 Gb/s = 50 GB/s; IEEE 802.3 10 Gb/s = 1.25 GB/s with a didactic
# 20 us latency and 300 pJ/bit; PCIe 4.0 x16 16 GT/s x 16 x 128/130 / 8 B.
# Radios: nRF52840 4.8 mA TX / 4.6 mA RX at 3 V over the Bluetooth SIG's 800 kb/s LE 1M
# maximum = 18 / 17.25 nJ/bit; Huang et al. 2012 LTE alpha_u 438.39 mW/Mbps, beta 1288.04 mW,
# tail 11.576 s; Wi-Fi alpha_u 283.17 mW/Mbps.
paradox_cli_test(catalog.link_values --json
                 --near /entries/@ib-ndr/bandwidth_bytes_per_s=50e9
                 --near /entries/@ib-ndr/latency_s=2e-6
                 --near /entries/@nvlink4/bandwidth_bytes_per_s=450e9
                 --near /entries/@pcie4-x16/bandwidth_bytes_per_s=31507692307.692307
                 --near /entries/@eth-10g/bandwidth_bytes_per_s=1.25e9
                 --near /entries/@eth-10g/latency_s=20e-6
                 --near /entries/@eth-10g/energy_per_bit_j=300e-12
                 --equal "/entries/@eth-10g/provenance/latency_s/kind=didactic assumption"
                 --equal "/entries/@eth-10g/provenance/energy_per_bit_j/kind=didactic assumption"
                 --equal /entries/@eth-10g/provenance/bandwidth_bytes_per_s/kind=datasheet
                 --equal /entries/@eth-10g/medium=wired
                 --near /entries/@ble-1m/bandwidth_bytes_per_s=1e5
                 --near /entries/@ble-1m/alpha_uplink_j_per_bit=18e-9
                 --near /entries/@ble-1m/alpha_downlink_j_per_bit=17.25e-9
                 --near /entries/@ble-1m/latency_s=7.5e-3
                 --equal /entries/@ble-1m/provenance/alpha_uplink_j_per_bit/kind=datasheet
                 --equal "/entries/@ble-2m/provenance/alpha_downlink_j_per_bit/kind=didactic assumption"
                 --near /entries/@lte/alpha_uplink_j_per_bit=438.39e-9
                 --near /entries/@lte/beta_w=1.28804
                 --near /entries/@lte/tail_time_s=11.576
                 --near /entries/@lte/bandwidth_bytes_per_s=750e3
                 --near /entries/@wifi/alpha_uplink_j_per_bit=283.17e-9
                 --equal /entries/@lte/medium=radio
                 -- catalog --kind links --json)
# ARM-software/ML-KWS-for-MCU ds_cnn.h: 22,604 int8 weights; Dubey et al. 2024 table 3: Llama 3
# 70B has 80 layers of 8,192 and 8 KV heads (70.6e9 parameters, model card); Sandler et al.
# 2018: 300M multiply-adds = 600 MFLOP; Narayanan et al. 2021 table 1: 1,008.0B parameters.
paradox_cli_test(catalog.model_values --json
                 --near /entries/@kws-dscnn/parameters=22604
                 --near /entries/@kws-dscnn/model_bytes=22604
                 --near /entries/@kws-dscnn/flops_per_inference_flop=5.4e6
                 --equal /entries/@llama3-70b/layers=80
                 --equal /entries/@llama3-70b/hidden=8192
                 --equal /entries/@llama3-70b/kv_heads=8
                 --near /entries/@llama3-70b/parameters=70.6e9
                 --near /entries/@mobilenetv2/flops_per_inference_flop=600e6
                 --near /entries/@megatron-1t/parameters=1008e9
                 --equal /entries/@kws-dscnn/provenance/parameters/kind=paper
                 --equal "/entries/@noise-profile/provenance/parameters/kind=didactic assumption"
                 -- catalog --kind models --json)
# Jetson AGX Orin 64GB: 2048 cores x 2 x 1.3 GHz, 64 GB, 60 W; nRF5340: 128 MHz x 1 FLOP,
# 512 KB RAM; the hearable's 0.2 Wh = 720 J and the phone's 15.4 Wh are didactic.
paradox_cli_test(catalog.device_values --json
                 --near /entries/@drive-orin/compute_peak_flop_per_s=5.3248e12
                 --near /entries/@drive-orin/memory_bytes=64e9
                 --near /entries/@drive-orin/active_power_w=60
                 --near-rel /entries/@drive-orin/battery_capacity_j=0@0
                 --near /entries/@hearable/compute_peak_flop_per_s=128e6
                 --near /entries/@hearable/memory_bytes=524288
                 --near /entries/@hearable/battery_capacity_j=720
                 --near /entries/@phone/battery_capacity_j=55440
                 --equal /entries/@hearable/provenance/memory_bytes/kind=datasheet
                 --equal "/entries/@hearable/provenance/battery_capacity_j/kind=didactic assumption"
                 -- catalog --kind devices --json)
# DGX H100 datasheet: 8 GPUs, 8 ConnectX-7 compute ports; the lab's 10 GbE server: one NIC.
paradox_cli_test(catalog.node_values --json
                 --equal /entries/@dgx-h100/accelerators_per_node=8
                 --equal /entries/@dgx-h100/nics_per_node=8
                 --equal /entries/@dgx-h100/nic_link=ib-ndr
                 --near /entries/@dgx-h100/nic_bandwidth_bytes_per_s=50e9
                 --equal /entries/@h100-10gbe/nics_per_node=1
                 --equal /entries/@h100-10gbe/nic_link=eth-10g
                 --equal /entries/@dgx-a100/intra_node_link=nvlink3
                 -- catalog --kind nodes --json)
# Tracks: 128 nodes x 8 GPUs; 2 B x 70.6e9 BF16 gradients; 10 Gb/s shared by 8 GPUs =
# 156.25 MB/s each; T1 = 6 x 70.6e9 x 2048 x 8192 / (989e12 x 0.40) = 17,964.68 s; Tiny
# Pioneer: 10,000 x (2 x 87,503 + 4 x 2,134) FLOP / (128e6 x 0.25) = 57.356875 s.
paradox_cli_test(catalog.track_values --json
                 --equal /entries/@cloud/fleet_size=1024
                 --equal /entries/@edge/fleet_size=10000
                 --equal /entries/@mobile/fleet_size=1000
                 --equal /entries/@tiny/fleet_size=100
                 --near /entries/@cloud/sync_payload_bytes=141.2e9
                 --near /entries/@cloud/slow_network/bandwidth_per_worker_bytes_per_s=156.25e6
                 --near /entries/@cloud/fast_network/bandwidth_per_worker_bytes_per_s=50e9
                 --near-rel /entries/@cloud/compute_time_one_worker_s=17964.683259858@1e-9
                 --near /entries/@tiny/compute_time_one_worker_s=57.356875
                 --near /entries/@tiny/sync_payload_bytes=8536
                 --near /entries/@tiny/power_budget_w=1e-3
                 --near /entries/@mobile/sync_payload_bytes=13.6e6
                 --near /entries/@edge/control_loop_period_s=0.010
                 --equal "/entries/@cloud/provenance/fleet_size/kind=didactic assumption"
                 -- catalog --kind tracks --json)
paradox_cli_bad_input(catalog.unknown_kind "paradox catalog: --kind must be one of"
                      -- catalog --kind gpus)

# --- one file per further command: tests/cli/commands/<command>.cmake ---------------------------
file(GLOB paradox_cli_command_tests CONFIGURE_DEPENDS
     "${CMAKE_CURRENT_SOURCE_DIR}/cli/commands/*.cmake")
foreach(file IN LISTS paradox_cli_command_tests)
  include("${file}")
endforeach()
