# Runs of the lab walk-throughs (examples/part*), non-interactive: --predict answers the
# prediction lock, --out writes the figure into the build tree, --ledger a JSON Lines file.
if(NOT TARGET part1_communication_wall)
  return()
endif()

set(_p1 "$<TARGET_FILE:part1_communication_wall>")
set(_p1_out "${CMAKE_CURRENT_BINARY_DIR}/examples/part1")
set(_p1_expect "${CMAKE_CURRENT_SOURCE_DIR}/examples/run_expect.cmake")
set(_p1_prefix "examples.part1_communication_wall")

# paradox_part1_run(<name> <arguments separated by |> <exit status> [-D<check>=<value>...]): one
# run of the walk-through, checked by run_expect.cmake (which lists the checks).
function(paradox_part1_run name args expected_exit)
  add_test(NAME ${_p1_prefix}.${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=${_p1} "-DARGS=${args}" -DEXPECT_EXIT=${expected_exit}
                   ${ARGN} -P ${_p1_expect})
endfunction()

add_test(NAME ${_p1_prefix}.clean COMMAND ${CMAKE_COMMAND} -E rm -rf "${_p1_out}")
set_tests_properties(${_p1_prefix}.clean PROPERTIES FIXTURES_SETUP part1_clean)

foreach(track cloud edge mobile tiny)
  paradox_part1_run(${track}
    "--track|${track}|--nodes|64|--predict|b|--math|--out|${_p1_out}/${track}|--ledger|${_p1_out}/ledger_${track}.jsonl"
    0 "-DSTDOUT_MATCH=PREDICTION LOCK.*THE ANSWER.*SCALING TABLE.*DIMINISHING RETURNS.*VERDICT.*MATH PEEK.*FIGURE")
  set_tests_properties(${_p1_prefix}.${track} PROPERTIES FIXTURES_REQUIRED part1_clean
                                                         FIXTURES_SETUP part1_${track})
  add_test(NAME ${_p1_prefix}.${track}.outputs
           COMMAND ${CMAKE_COMMAND} -DDIR=${_p1_out}/${track}
                   -DSTEM=part1_${track}_scaling_efficiency
                   -DLEDGER=${_p1_out}/ledger_${track}.jsonl -DTRACK=${track}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/examples/check_part1_outputs.cmake)
  set_tests_properties(${_p1_prefix}.${track}.outputs PROPERTIES FIXTURES_REQUIRED part1_${track})
endforeach()

# Named networks are accepted beside slow|fast.
foreach(pair "cloud|infiniband" "cloud|ethernet" "edge|5g" "edge|wifi" "mobile|tether"
        "mobile|wifi" "tiny|ble1m" "tiny|ble2m")
  string(REPLACE "|" ";" parts "${pair}")
  list(GET parts 0 track)
  list(GET parts 1 net)
  paradox_part1_run(network.${track}.${net} "--track|${track}|--network|${net}|--predict|5.5" 0
                    "-DSTDOUT_MATCH=THE ANSWER")
endforeach()

# stdin is not a terminal and --predict is absent: the question is skipped, and it says so.
paradox_part1_run(no_terminal_skips_prediction "--track|tiny" 0 -DINPUT_FILE=/dev/null
                  "-DSTDOUT_MATCH=not a terminal.*prediction skipped")

paradox_part1_run(help --help 0
  "-DSTDOUT_MATCH=--track.*--scenario.*--predict.*--math.*--ledger.*--out.*--nodes.*--network.*--max-nodes.*--overlap.*--model.*--algo")

# The verdict line words the models' comparison with the ideal, whatever was predicted: never
# "exact than 8x", never a speedup that prints as the ideal next to "less than" (7.9996 is not
# "8x"), and an ideal of 9/8 prints as 1.125x. Run directly so that the output is matched.
foreach(case "predict_8|--predict|8|You predicted: 8x. the models say 7[.]97x, less than the ideal 8x[.] Verdict: correct"
             "predict_a|--predict|a|You predicted: exactly 8x. the models say 7[.]97x, less than the ideal 8x[.] Verdict: not quite"
             "predict_c|--predict|c|You predicted: more than 8x. the models say 7[.]97x, less than the ideal 8x[.] Verdict: not quite"
             "near_ideal|--overlap|0.9|--predict|a|speedup +7[.]99[0-9]*x [(]ideal 8x: 99[.]9[0-9]*% of it[)].*the models say 7[.]99[0-9]*x, less than the ideal 8x"
             "hidden_allreduce|--overlap|1|--predict|a|hides entirely behind the compute.*the models say 8x, exactly the ideal 8x[.] Verdict: correct"
             "ideal_9_over_8|--nodes|9|--predict|b|the models say 1[.]1248x, less than the ideal 1[.]125x[.] Verdict: correct")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 name)
  list(GET parts -1 expected)
  list(REMOVE_AT parts 0 -1)
  add_test(NAME ${_p1_prefix}.verdict.cloud_fast.${name}
           COMMAND part1_communication_wall --track cloud --network fast ${parts})
  set_tests_properties(${_p1_prefix}.verdict.cloud_fast.${name} PROPERTIES
    PASS_REGULAR_EXPRESSION "${expected}"
    FAIL_REGULAR_EXPRESSION "(exact|exactly) than;say 8x, (less|more) than;ideal 1[.]12x;nothing to all-reduce")
endforeach()

# Bad input: one line on stderr, exit status 2.
foreach(case "nodes_zero|--nodes|0|--nodes must be a whole number in .2, 10000000. .got 0."
             "nodes_not_a_number|--nodes|abc|--nodes"
             "overlap_out_of_range|--overlap|1.5|--overlap must be a number in .0, 1. .got 1.5."
             "unknown_track|--track|moon|--track must be one of cloud"
             "unknown_network|--network|carrier-pigeon|--network must be one of slow.fast"
             "unknown_algo|--algo|bogus|--algo must be one of"
             "unknown_model|--model|gpt-9|--model must be a catalog model"
             "bad_prediction|--predict|maybe|--predict must be one of"
             "nodes_above_max|--nodes|128|--max-nodes|64|--nodes must be <= --max-nodes"
             "unknown_flag|--frobnicate|frobnicate"
             "missing_scenario|--scenario|/nonexistent/x.toml|cannot read")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 name)
  list(GET parts -1 expected)
  list(REMOVE_AT parts 0 -1)
  if(NOT "--predict" IN_LIST parts)
    list(APPEND parts --predict b)  # so that an error cannot hide behind a skipped question
  endif()
  string(REPLACE ";" "|" args "${parts}")
  paradox_part1_run(bad_input.${name} "${args}" 2 "-DSTDERR_MATCH=${expected}"
                    -DONE_LINE_STDERR=ON)
endforeach()

# Scenario files: the shipped examples run; broken ones name the file, line and key, exit 2.
foreach(scenario cloud_slow_ethernet edge_rural_lte)
  paradox_part1_run(scenario.${scenario}
                    "--scenario|${PROJECT_SOURCE_DIR}/examples/scenarios/${scenario}.toml|--predict|b"
                    0 "-DSTDOUT_MATCH=Scenario: .*THE ANSWER")
endforeach()
set(_p1_cloud_slow_ethernet "${PROJECT_SOURCE_DIR}/examples/scenarios/cloud_slow_ethernet.toml")
paradox_part1_run(scenario.overrides_apply "--scenario|${_p1_cloud_slow_ethernet}|--predict|b" 0
  "-DSTDOUT_MATCH=Cloud Titan on a budget.*up to 256 GPUs.*On 10 GbE, shared with storage, 8 GPUs -> 64 GPUs")
paradox_part1_run(scenario.flags_win
                  "--scenario|${_p1_cloud_slow_ethernet}|--network|ib|--nodes|32|--predict|b" 0
                  "-DSTDOUT_MATCH=On InfiniBand[^\n]*, 8 GPUs -> 32 GPUs")
foreach(case "malformed_scenario|malformed_scenario.toml:9: network.slow.bandwidth must be a bandwidth"
             "syntax_error_scenario|syntax_error_scenario.toml:3:[0-9]+: "
             "unknown_key_scenario|unknown_key_scenario.toml:3: network.fast.bandwith must be a known key")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 name)
  list(GET parts 1 expected)
  paradox_part1_run(scenario.${name}
                    "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/examples/${name}.toml|--predict|b" 2
                    "-DSTDERR_MATCH=${expected}" -DONE_LINE_STDERR=ON)
endforeach()

# Unit tests of the shared lab helpers (examples/common).
if(TARGET paradox_lab_common)
  add_executable(test.examples.lab_common
                 "${CMAKE_CURRENT_SOURCE_DIR}/examples/lab_common_checks.cpp"
                 "${CMAKE_CURRENT_SOURCE_DIR}/examples/text_checks.cpp")
  target_link_libraries(test.examples.lab_common PRIVATE paradox_lab_common paradox_catch_main
                                                         paradox_warnings)
  add_test(NAME examples.lab_common COMMAND test.examples.lab_common)
endif()
