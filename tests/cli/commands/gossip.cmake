# --- gossip -------------------------------------------------------------------------------------
# lambda2, lambda_min of the mixing matrix, rho = max(|lambda2|, |lambda_min|), spectral_gap =
# 1 - rho, rounds_to_epsilon = ceil(log(1/eps)/log(1/rho)) (CLI.md; docs/decentralized.md).
paradox_cli_test(gossip.help --stdout-has --topology --stdout-has --nodes --stdout-has --weights
                 --stdout-has --degree --stdout-has --seed --stdout-has --epsilon
                 --stdout-has "default: 1e-3" --stdout-has lambda2 --stdout-has rounds_to_epsilon
                 -- gossip --help)
paradox_cli_test(gossip.listed --stdout-has gossip -- --help)
paradox_cli_test(gossip.table --stdout-has lambda2 --stdout-has "0.872678" --stdout-has 51
                 -- gossip --topology ring --nodes 10)
# Ring of 10, Metropolis: lambda_k = 1/3 + (2/3) cos(2 pi k/10): lambda2 = 0.87268, lambda_min =
# -1/3; log(1000)/log(1/0.87268) = 50.7: 51 rounds.
paradox_cli_test(gossip.ring_closed_form --json
                 --near /lambda2=0.8726779962499649 --near /lambda_min=-0.3333333333333333
                 --near /rho=0.8726779962499649 --near /spectral_gap=0.1273220037500351
                 --equal /rounds_to_epsilon=51 --equal /method=closed-form --equal /edges=10
                 --equal /connected=true
                 -- gossip --topology ring --nodes 10 --json)
# max-degree on a 2-regular ring is Metropolis (1/3 each); lazy maps lambda to (1 + lambda)/2.
paradox_cli_test(gossip.ring_max_degree --json --near /lambda2=0.8726779962499649
                 -- gossip --topology ring --nodes 10 --weights max-degree --json)
paradox_cli_test(gossip.ring_lazy --json --near /lambda2=0.9363389981249824
                 --near /lambda_min=0.3333333333333333 --equal /rounds_to_epsilon=106
                 -- gossip --topology ring --nodes 10 --weights lazy-metropolis --json)
# Torus 10 x 10: W = (I + A)/5, lambda2 = (3 + 2 cos(pi/5))/5 = 0.92361, lambda_min = -0.6.
paradox_cli_test(gossip.torus_closed_form --json --near /lambda2=0.923606797749979
                 --near /lambda_min=-0.6 --equal /rounds_to_epsilon=87 --equal /torus_rows=10
                 --equal /torus_cols=10 --equal /edges=200
                 -- gossip --topology torus --nodes 100 --json)
# Complete graph: W = J, one round.
paradox_cli_test(gossip.complete --json --near-rel /lambda2=0@0 --near /spectral_gap=1
                 --equal /rounds_to_epsilon=1
                 -- gossip --topology complete --nodes 8 --json)
# Star of 100 (a phone and 99 hearables): lambda2 = 1 - 1/100, 688 rounds.
paradox_cli_test(gossip.star --json --near /lambda2=0.99 --near-rel /lambda_min=0@0
                 --equal /rounds_to_epsilon=688
                 -- gossip --topology star --nodes 100 --json)
# Built graphs: dense below 1000 nodes, Lanczos above.
paradox_cli_test(gossip.random_regular_dense --json --equal /method=dense --equal /degree=4
                 --equal /seed=7 --equal /edges=400 --equal /connected=true --key /lambda2
                 --key /rounds_to_epsilon
                 -- gossip --topology random-regular --nodes 200 --degree 4 --seed 7 --json)
paradox_cli_test(gossip.random_regular_lanczos --json --equal /method=lanczos
                 --equal /eigensolver_converged=true --equal /edges=6000
                 -- gossip --topology random-regular --nodes 2000 --degree 6 --json)
paradox_cli_test(gossip.random_geometric --json --key /radius --key /spectral_gap
                 -- gossip --topology random-geometric --nodes 300 --seed 3 --json)
paradox_cli_test(gossip.erdos_renyi --json --key /probability --key /spectral_gap
                 -- gossip --topology erdos-renyi --nodes 300 --probability 0.05 --json)
# A disconnected graph: lambda2 = 1, gap 0, never converges (rounds_to_epsilon null).
paradox_cli_test(gossip.disconnected --json --equal /connected=false --near /lambda2=1
                 --near-rel /spectral_gap=0@0 --equal /converges=false --null /rounds_to_epsilon
                 -- gossip --topology random-geometric --nodes 50 --radius 0.01 --json)
paradox_cli_test(gossip.disconnected_table --stdout-has disconnected --stdout-has never
                 -- gossip --topology random-geometric --nodes 50 --radius 0.01)
# Without the +1 an even ring is periodic: lambda_min = -1.
paradox_cli_test(gossip.periodic_chain --json --near /lambda_min=-1 --null /rounds_to_epsilon
                 -- gossip --topology ring --nodes 10 --weights metropolis-hastings-chain --json)
# Huge rings come from the closed form: 10^7 nodes, gap (4/3) sin^2(pi/10^7).
paradox_cli_test(gossip.huge_ring --json --near-rel /spectral_gap=1.3159472535e-13@1e-9
                 --equal /method=closed-form
                 -- gossip --topology ring --nodes 10000000 --json)
# Bytes: ring of 10, 1 MB: 20 MB a round, 51 rounds; the hub moves 2 N S = 20 MB once.
paradox_cli_test(gossip.bytes --json --near /gossip_bytes_per_round=2e7
                 --near /gossip_total_bytes=1.02e9 --near /star_total_bytes=2e7
                 --near /gossip_busiest_node_bytes_per_round=2e6
                 -- gossip --topology ring --nodes 10 --model-size 1MB --json)

paradox_cli_bad_input(gossip.missing_topology "--topology is required" -- gossip --nodes 10)
paradox_cli_bad_input(gossip.unknown_topology "paradox gossip: --topology must be one of"
                      -- gossip --topology hypercube --nodes 10)
paradox_cli_bad_input(gossip.one_node "paradox gossip: --nodes must be a whole number in [2, 10000000] (got 1)"
                      -- gossip --topology ring --nodes 1)
paradox_cli_bad_input(gossip.too_many_nodes "paradox gossip: --nodes must be a whole number in [2, 10000000]"
                      -- gossip --topology ring --nodes 100000000)
paradox_cli_bad_input(gossip.huge_random "paradox gossip: --nodes must be <= 1000000 for --topology random-regular"
                      -- gossip --topology random-regular --nodes 5000000)
paradox_cli_bad_input(gossip.zero_epsilon "paradox gossip: --epsilon must be"
                      -- gossip --topology ring --nodes 10 --epsilon 0)
paradox_cli_bad_input(gossip.epsilon_one "paradox gossip: --epsilon must be"
                      -- gossip --topology ring --nodes 10 --epsilon 1)
paradox_cli_bad_input(gossip.unknown_weights "paradox gossip: --weights must be one of"
                      -- gossip --topology ring --nodes 10 --weights uniform)
paradox_cli_bad_input(gossip.degree_with_ring "paradox gossip: --degree must go with --topology random-regular (got ring)"
                      -- gossip --topology ring --nodes 10 --degree 3)
paradox_cli_bad_input(gossip.seed_with_ring "paradox gossip: --seed must go with a random topology (got ring)"
                      -- gossip --topology ring --nodes 10 --seed 3)
paradox_cli_bad_input(gossip.degree_too_large "paradox gossip: --degree must be < --nodes = 10 (got 10)"
                      -- gossip --topology random-regular --nodes 10 --degree 10)
paradox_cli_bad_input(gossip.odd_stubs "paradox gossip: --degree must make --nodes x --degree even"
                      -- gossip --topology random-regular --nodes 11 --degree 3)
paradox_cli_bad_input(gossip.prime_torus "paradox gossip: --nodes must be rows x cols with rows, cols >= 3 for --topology torus"
                      -- gossip --topology torus --nodes 7)
paradox_cli_bad_input(gossip.negative_radius "paradox gossip: --radius must be"
                      -- gossip --topology random-geometric --nodes 10 --radius=-1)
paradox_cli_bad_input(gossip.bad_probability "paradox gossip: --probability must be"
                      -- gossip --topology erdos-renyi --nodes 10 --probability 2)
paradox_cli_bad_input(gossip.fractional_nodes "paradox gossip: --nodes must be a whole number"
                      -- gossip --topology ring --nodes 10.5)
paradox_cli_bad_input(gossip.unknown_flag "paradox gossip: unknown flag '--frobnicate'"
                      -- gossip --topology ring --nodes 10 --frobnicate 1)
