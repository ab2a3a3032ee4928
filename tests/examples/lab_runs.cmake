# What the walk-through tests of every lab part share. Included by tests/examples/tests.cmake
# before the parts' own files (part1 in tests.cmake, part2.cmake, part3.cmake).

set(PARADOX_LAB_TESTS "${CMAKE_CURRENT_LIST_DIR}")

# paradox_lab_run(<part> <name> <arguments separated by |> <exit status> [-D<check>=<value>...])
# One run of the walk-through <part> (its target name), checked by run_expect.cmake (which lists
# the checks). The test is examples.<part>.<name>; it runs after the part's clean fixture
# (<part>_clean, see paradox_lab_outputs_dir).
function(paradox_lab_run part name args expected_exit)
  add_test(NAME examples.${part}.${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:${part}> "-DARGS=${args}"
                   -DEXPECT_EXIT=${expected_exit} ${ARGN} -P "${PARADOX_LAB_TESTS}/run_expect.cmake")
  set_tests_properties(examples.${part}.${name} PROPERTIES FIXTURES_REQUIRED ${part}_clean)
endfunction()

# paradox_lab_outputs_dir(<part> <directory>): the test examples.<part>.clean empties the
# directory the part's runs write to, once, before any of them (fixture <part>_clean).
function(paradox_lab_outputs_dir part dir)
  add_test(NAME examples.${part}.clean COMMAND ${CMAKE_COMMAND} -E rm -rf "${dir}")
  set_tests_properties(examples.${part}.clean PROPERTIES FIXTURES_SETUP ${part}_clean)
endfunction()

# paradox_lab_file_checks(<part> <directory> <arguments separated by |>): what every part does
# with its files when something goes wrong, run with the given answers (e.g. --predict): a
# ledger that cannot be written leaves no figures behind; an --out that is a file, or under
# one, is refused before anything is written; a closed standard output is an error, not a
# silent success. Each: one line on stderr, exit status 2.
function(paradox_lab_file_checks part dir answers)
  set(file_not_dir "${PARADOX_LAB_TESTS}/run_expect.cmake")
  paradox_lab_run(${part} files.failed_ledger_leaves_no_figures
    "${answers}|--out|${dir}/ledger_failed|--ledger|${dir}" 2
    "-DSTDERR_MATCH=--ledger: .* is a directory" -DONE_LINE_STDERR=ON
    "-DABSENT=${dir}/ledger_failed")
  paradox_lab_run(${part} files.out_is_a_file "${answers}|--out|${file_not_dir}" 2
    "-DSTDERR_MATCH=--out: .* is not a directory" -DONE_LINE_STDERR=ON)
  paradox_lab_run(${part} files.out_under_a_file "${answers}|--out|${file_not_dir}/figures" 2
    "-DSTDERR_MATCH=--out: .*(not a directory|cannot)" -DONE_LINE_STDERR=ON)
  paradox_lab_run(${part} files.closed_stdout_is_an_error
    "${answers}|--out|${dir}/full_stdout|--ledger|${dir}/full_stdout.jsonl" 2
    -DOUTPUT_FILE=/dev/full "-DSTDERR_MATCH=cannot write to standard output" -DONE_LINE_STDERR=ON
    "-DABSENT=${dir}/full_stdout|${dir}/full_stdout.jsonl")
endfunction()

# paradox_lab_track_run(<part> <directory> <track> <arguments separated by |> <stdout regex>
#                       <check script> [-D<check>=<value>...])
# A track's full run: the arguments plus --out <directory>/<track> and --ledger
# <directory>/ledger_<track>.jsonl, its output matched against the regex (exit status 0); then
# examples.<part>.<track>.outputs runs <check script> (in tests/examples) with -DDIR, -DTRACK,
# -DLEDGER and the extra -D values on what the run left.
function(paradox_lab_track_run part dir track args stdout_match check_script)
  set(out "${dir}/${track}")
  set(ledger "${dir}/ledger_${track}.jsonl")
  paradox_lab_run(${part} ${track} "${args}|--out|${out}|--ledger|${ledger}" 0
                  "-DSTDOUT_MATCH=${stdout_match}")
  set_tests_properties(examples.${part}.${track} PROPERTIES FIXTURES_SETUP ${part}_${track})
  add_test(NAME examples.${part}.${track}.outputs
           COMMAND ${CMAKE_COMMAND} -DDIR=${out} -DTRACK=${track} -DLEDGER=${ledger} ${ARGN}
                   -P "${PARADOX_LAB_TESTS}/${check_script}")
  set_tests_properties(examples.${part}.${track}.outputs PROPERTIES FIXTURES_REQUIRED
                                                                    ${part}_${track})
endfunction()
