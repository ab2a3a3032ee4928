# Runs the part-2 walk-through to draw its figures for the docs (see docs/CMakeLists.txt): the
# cloud track with the tries of examples/scenarios/part2_cloud.toml, non-interactive.
#   cmake -DEXE=<part2_parallelism_puzzle> -DSCENARIO=<part2_cloud.toml> -DOUT=<dir>
#         -P draw_part2_figures.cmake
execute_process(COMMAND "${EXE}" --scenario "${SCENARIO}" --predict decrease --out "${OUT}"
                INPUT_FILE /dev/null
                RESULT_VARIABLE status
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
foreach(figure memory_heatmap bubble_gauge pipeline_schedule parallelism_map microbatch_reflection)
  if(NOT status EQUAL 0 OR NOT EXISTS "${OUT}/part2_cloud_${figure}.svg")
    message(FATAL_ERROR "part2_parallelism_puzzle did not draw ${figure} (status ${status}):\n"
                        "${err}\n${out}")
  endif()
endforeach()
