# Gradient accumulation (scaling::ScalingInput::accumulation_steps): the MLSys textbook's
# "Gradient accumulation speedup" callout (vol. 2, distributed-training chapter): 8 workers,
# K = 4 micro-steps of 1.8 s, one 0.35 ms all-reduce (10 MB ring at 50 GB/s, no latency):
# T(8) = 4 x 1.8 s + 0.35 ms = 7.20035 s.
paradox_cli_test(scaling.accumulation --json --equal /accumulation_steps=4
                 --null /diminishing_returns_workers
                 --near-rel /points/7/step_time_s=7.20035@1e-12
                 --near-rel /points/7/compute_time_s=7.2@1e-12
                 -- scaling --compute-time 1.8s --gradient-size 10MB --bandwidth 50GB/s
                 --latency 0 --max-workers 8 --mode weak --accumulation-steps 4 --json)
paradox_cli_bad_input(scaling.accumulation_zero "--accumulation-steps must be a whole number"
                      -- scaling --compute-time 1.8s --gradient-size 10MB --bandwidth 50GB/s
                      --latency 0 --max-workers 8 --accumulation-steps 0)
