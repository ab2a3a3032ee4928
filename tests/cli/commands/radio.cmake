# --- radio --------------------------------------------------------------------------------------
# time_s = promotion + latency + S/t, energy_j = promotion + transfer + tail, joules_per_bit =
# P(t)/t (tail excluded), tail_energy_j (CLI.md; docs/energy.md). LTE coefficients: Huang et al.
# 2012 as quoted in the catalog.
paradox_cli_test(radio.help --stdout-has --link --stdout-has --size --stdout-has --direction
                 --stdout-has --throughput --stdout-has joules_per_bit -- radio --help)
paradox_cli_test(radio.listed --stdout-has radio -- --help)
paradox_cli_test(radio.table --stdout-has "17.81 J" --stdout-has "653.1 nJ/bit"
                 -- radio --link lte --size 1MB)
# LTE, 1 MB up at 6 Mb/s: 0.3149 J promotion + 3.91838 W x 1.3333 s + 1.06 W x 11.576 s tail.
paradox_cli_test(radio.lte_up --json --near /time_s=1.6284333333333332
                 --near /energy_j=17.809969736666666 --near-rel /joules_per_bit=6.530633333333333e-07@1e-9
                 --near /tail_energy_j=12.27056 --near /promotion_energy_j=0.31490307
                 --near /transfer_energy_j=5.224506666666667 --equal /direction=up
                 -- radio --link lte --size 1MB --json)
# Down at 13 Mb/s: alpha_d = 51.97 mW/Mbps: 151.05 nJ/bit.
paradox_cli_test(radio.lte_down --json --near-rel /joules_per_bit=1.5105e-07@1e-4
                 -- radio --link lte --size 1MB --direction down --json)
# At 1 Mb/s the base power is spread over fewer bits: 438.39 + 1288.04 nJ/bit.
paradox_cli_test(radio.throughput --json --near-rel /joules_per_bit=1.72643e-06@1e-9
                 --near /throughput_bytes_per_s=125000
                 -- radio --link lte --size 1MB --throughput 1Mbps --json)
# BLE 1M (nRF52840, 4.6 mA RX at 3 V over 0.8 Mb/s): 17.25 nJ/bit, no tail; 8,536 B down.
paradox_cli_test(radio.ble_down --json --near-rel /joules_per_bit=1.725e-08@1e-9
                 --near /energy_j=0.001177968 --near /time_s=0.09286 --near-rel /tail_energy_j=0@0
                 -- radio --link ble-1m --size 8536 --direction down --json)
# Zero bytes wake nothing.
paradox_cli_test(radio.zero --json --near-rel /energy_j=0@0 --near-rel /time_s=0@0
                 --key /joules_per_bit -- radio --link lte --size 0 --json)

paradox_cli_bad_input(radio.missing_size "--size is required" -- radio --link lte)
paradox_cli_bad_input(radio.unknown_link "paradox radio: --link must be one of" -- radio --link 6g --size 1)
paradox_cli_bad_input(radio.negative_size "paradox radio: --size must be" -- radio --link lte --size=-1)
paradox_cli_bad_input(radio.zero_throughput "paradox radio: --throughput must be"
                      -- radio --link lte --size 1 --throughput 0)
paradox_cli_bad_input(radio.bad_direction "paradox radio: --direction must be one of"
                      -- radio --link lte --size 1 --direction sideways)
paradox_cli_bad_input(radio.bad_unit "paradox radio: --size" -- radio --link lte --size 1parsec)
