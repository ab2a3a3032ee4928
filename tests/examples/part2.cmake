# Runs of the part-2 walk-through (examples/part2_parallelism_puzzle), non-interactive:
# --predict answers the prediction, --try gives the layouts, --out and --ledger go to the build
# tree. Included by tests/examples/tests.cmake.
if(NOT TARGET part2_parallelism_puzzle)
  return()
endif()

set(_p2 "$<TARGET_FILE:part2_parallelism_puzzle>")
set(_p2_out "${CMAKE_CURRENT_BINARY_DIR}/examples/part2")
set(_p2_prefix "examples.part2_parallelism_puzzle")

paradox_lab_outputs_dir(part2_parallelism_puzzle "${_p2_out}")

# Each track: a few tries (one solving the puzzle on the track's cluster, one breaking a layout
# rule or not fitting), --math, the five figures and the ledger.
set(_p2_tries_cloud "--try|tp=8,pp=4,mb=1|--try|tp=8,pp=8,recompute=full|--try|tp=16,pp=1")
set(_p2_tries_edge "--try|tp=1,pp=2|--try|tp=1,pp=4,recompute=selective|--try|tp=2,pp=2,zero=1")
set(_p2_tries_mobile "--try|tp=1,pp=1|--try|tp=1,pp=2,recompute=full")
set(_p2_tries_tiny "--try|tp=1,pp=2|--try|tp=1,pp=2,recompute=full|--try|tp=2,pp=1,recompute=full")
foreach(track cloud edge mobile tiny)
  paradox_lab_track_run(part2_parallelism_puzzle "${_p2_out}" ${track}
    "--track|${track}|--predict|decrease|${_p2_tries_${track}}|--math"
    "PREDICTION LOCK.*THE ANSWER.*Decrease.*Verdict: correct.*TRY 1 of 10.*memory .* per .*bubble .*MFU .*step parts.*SOLVED.*THE SEARCH.*Best [1-5] by MFU.*Your best: try.*REFLECTION.*Your MFU is only.*MATH PEEK.*FIGURES"
    check_part2_outputs.cmake)
endforeach()

# A rule the library refuses is a try, not a crash: its one-line reason is printed.
paradox_lab_run(part2_parallelism_puzzle rule_broken_counts_as_a_try "--predict|b|--try|tp=16,pp=1" 0
  "-DSTDOUT_MATCH=TRY 1 of 10: tp=16,pp=1.*breaks a rule: layout: kv_heads must be divisible by tensor_parallel = 16 .got 8.*counts as a try.*Not solved in 1 try")
# No tries and stdin not a terminal: nothing blocks, the search and reflection still run.
paradox_lab_run(part2_parallelism_puzzle no_terminal_no_tries "--track|tiny" 0 -DINPUT_FILE=/dev/null
  "-DSTDOUT_MATCH=prediction skipped.*no tries given.*THE SEARCH.*REFLECTION")
paradox_lab_run(part2_parallelism_puzzle help --help 0
  "-DSTDOUT_MATCH=--track.*--scenario.*--predict.*--math.*--ledger.*--out.*--try.*tp=T.*--global-batch")

# Hostile input: one line on stderr, exit status 2, no files left.
set(_p2_eleven "")
foreach(i RANGE 1 11)
  string(APPEND _p2_eleven "|--try|tp=8,pp=8,recompute=full")
endforeach()
foreach(case "try_no_equals|--try|tp8|--try must be tp.pp.dp.mb.m.v.zero.recompute.sp.schedule=VALUE pairs separated by commas .e.g. tp=8,pp=4,mb=1. .got tp8."
             "try_unknown_key|--try|tp=8,pq=4|--try must use only the keys tp.pp[^(]*.got tp=8,pq=4: unknown key pq."
             "try_key_twice|--try|tp=8,tp=4|--try must give each key once .got tp=8,tp=4: tp twice."
             "try_hex|--try|tp=0x8|--try tp must be a whole number in .1, 1048576., in decimal without leading zeros .got 0x8."
             "try_zero_degree|--try|tp=0|--try tp must be a whole number in .1, 1048576. .got 0."
             "try_bad_recompute|--try|recompute=some|--try recompute must be one of none.selective.full .got some."
             "try_empty|--try|<empty>|--try must be tp.*=VALUE pairs .*.got \"\"."
             "try_does_not_divide|--try|tp=8,pp=3|--try tp=8,pp=3 must have tp x pp dividing the 1024 GPUs .dp = GPUs / .tp x pp.. .got tp x pp = 24."
             "try_dp_mismatch|--try|tp=8,pp=8,dp=8|--try tp=8,pp=8,dp=8 must have dp = 1024 / .tp x pp. = 16 .got dp=8."
             "try_batch_does_not_divide|--try|tp=8,pp=8,mb=3|--try tp=8,pp=8,mb=3 must have dp x mb dividing the global batch of 2048 sequences"
             "eleven_tries${_p2_eleven}|--try must be given at most 10 times .the 10-iteration rule. .got 11 tries."
             "unknown_track|--track|moon|--track must be one of cloud.edge.mobile.tiny .got moon."
             "bad_prediction|--predict|maybe|--predict must be one of a.b.c, increase.decrease.same .got maybe."
             "global_batch_zero|--global-batch|0|--global-batch must be a whole number in .1, 100000000. .got 0."
             "part1_network_scenario|--scenario|${CMAKE_CURRENT_SOURCE_DIR}/examples/part2_network_scenario.toml|scenario: .network.[*]., track.fleet_size and track.workers_per_node are part 1's")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 name)
  list(GET parts -1 expected)
  list(REMOVE_AT parts 0 -1)
  if(NOT "--predict" IN_LIST parts)
    list(APPEND parts --predict b)
  endif()
  list(APPEND parts --out "${_p2_out}/bad_${name}")
  string(REPLACE ";" "|" args "${parts}")
  paradox_lab_run(part2_parallelism_puzzle bad_input.${name} "${args}" 2 "-DSTDERR_MATCH=${expected}" -DONE_LINE_STDERR=ON
                    "-DABSENT=${_p2_out}/bad_${name}")
endforeach()

# The shipped scenarios run; a scenario's try list is read like --try, and its errors name the
# file, the line and the key.
foreach(scenario part2_cloud part2_edge part2_mobile part2_tiny)
  paradox_lab_run(part2_parallelism_puzzle scenario.${scenario}
    "--scenario|${PROJECT_SOURCE_DIR}/examples/scenarios/${scenario}.toml|--predict|b" 0
    "-DSTDOUT_MATCH=Scenario: .*TRY 1 of 10.*THE SEARCH")
endforeach()
paradox_lab_run(part2_parallelism_puzzle scenario.flags_replace_the_try_list
  "--scenario|${PROJECT_SOURCE_DIR}/examples/scenarios/part2_cloud.toml|--try|tp=8,pp=16,recompute=full|--predict|b" 0
  "-DSTDOUT_MATCH=TRY 1 of 10: tp=8,pp=16,recompute=full.*Solved at try 1[.]")
paradox_lab_run(part2_parallelism_puzzle scenario.bad_try
  "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/examples/part2_bad_try_scenario.toml|--predict|b|--out|${_p2_out}/bad_scenario" 2
  "-DSTDERR_MATCH=part2_bad_try_scenario.toml:5: controls.try must use only the keys [^(]*.got tp=8,pipeline=4: unknown key pipeline."
  -DONE_LINE_STDERR=ON "-DABSENT=${_p2_out}/bad_scenario")

# Files: a failed ledger leaves no figures, a bad --out is refused, a closed stdout is an error.
paradox_lab_file_checks(part2_parallelism_puzzle "${_p2_out}" "--predict|b")
