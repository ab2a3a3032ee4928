# --- federated ----------------------------------------------------------------------------------
# round_time_s = download + E[slowest of K trainings] (min with the deadline) + upload;
# round_energy_j over the K sampled clients; dropped_fraction = 1 - F(deadline); total_* = R x
# the round (CLI.md; docs/energy.md). BLE 1M: 100 kB/s, 7.5 ms, 14.4 mW up, 13.8 mW down.
paradox_cli_test(federated.help --stdout-has --clients --stdout-has --sampled --stdout-has --model-size
                 --stdout-has --link --stdout-has --local-compute --stdout-has --deadline
                 --stdout-has --compression-bits --stdout-has --rounds --stdout-has round_time_s
                 -- federated --help)
paradox_cli_test(federated.listed --stdout-has federated -- --help)
paradox_cli_test(federated.table --stdout-has "local training" --stdout-has "3 rounds"
                 -- federated --clients 100 --sampled 10 --model-size 100kB --link ble-1m
                    --local-compute 2s --compute-power 10mW --rounds 3)
# Download 1.0075 s, training 2 s, upload 1.0075 s = 4.015 s; 10 x (13.8 + 20 + 14.4) mJ.
paradox_cli_test(federated.ble --json --near /round_time_s=4.015 --near /round_energy_j=0.482
                 --near-rel /dropped_fraction=0@0 --near /total_time_s=12.045
                 --near /total_energy_j=1.446 --near /upload_bytes_per_client=100000
                 -- federated --clients 100 --sampled 10 --model-size 100kB --link ble-1m
                    --local-compute 2s --compute-power 10mW --rounds 3 --json)
# 8-bit updates: 25 kB up, 0.2575 s.
paradox_cli_test(federated.compressed --json --near /upload_time_s=0.2575
                 --near /upload_bytes_per_client=25000 --near /round_time_s=3.265
                 -- federated --clients 100 --sampled 10 --model-size 100kB --link ble-1m
                    --local-compute 2s --compression-bits 8 --json)
# Exponential training of mean 1 s, deadline 2 s: e^-2 of the clients are dropped.
paradox_cli_test(federated.deadline --json --near /dropped_fraction=0.1353352832366127
                 --near /compute_time_s=2 --near /reporting_clients=8.646647167633873
                 -- federated --clients 100 --sampled 10 --model-size 100kB --link ble-1m
                    --local-compute 1s --distribution exponential --deadline 2s --json)
# Without a deadline the round waits for E[max of 10 exponentials] = H_10 = 2.929 s.
paradox_cli_test(federated.stragglers --json --near /compute_time_s=2.9289682539682538
                 -- federated --clients 100 --sampled 10 --model-size 100kB --link ble-1m
                    --local-compute 1s --distribution exponential --json)
# Edge Guardian: 100 cars share a 100 Mb/s 5G cell uplink: 1 Mb/s each for 102.4 MB.
paradox_cli_test(federated.shared_cell --json --near /upload_time_s=819.225
                 --near /upload_rate_bytes_per_s=125000
                 -- federated --clients 10000 --sampled 100 --model-size 102.4MB --link 5g-lowband
                    --cell-uplink 100Mbps --json)

paradox_cli_bad_input(federated.missing_link "--link is required"
                      -- federated --clients 10 --sampled 1 --model-size 1MB)
paradox_cli_bad_input(federated.sampled_above_clients "paradox federated: --sampled must be <= --clients = 10 (got 11)"
                      -- federated --clients 10 --sampled 11 --model-size 1MB --link lte)
paradox_cli_bad_input(federated.deadline_alone "paradox federated: --deadline needs --local-compute"
                      -- federated --clients 10 --sampled 1 --model-size 1MB --link lte --deadline 5s)
paradox_cli_bad_input(federated.zero_bits "paradox federated: --compression-bits must be a whole number in [1, 32] (got 0)"
                      -- federated --clients 10 --sampled 1 --model-size 1MB --link lte --compression-bits 0)
paradox_cli_bad_input(federated.zero_rounds "paradox federated: --rounds must be a whole number"
                      -- federated --clients 10 --sampled 1 --model-size 1MB --link lte --rounds 0)
paradox_cli_bad_input(federated.zero_cell "paradox federated: --cell-uplink must be"
                      -- federated --clients 10 --sampled 1 --model-size 1MB --link lte --cell-uplink 0)
paradox_cli_bad_input(federated.unknown_link "paradox federated: --link must be one of"
                      -- federated --clients 10 --sampled 1 --model-size 1MB --link 6g)
paradox_cli_bad_input(federated.zero_deadline "paradox federated: --deadline must be"
                      -- federated --clients 10 --sampled 1 --model-size 1MB --link lte --local-compute 1s --deadline 0)
