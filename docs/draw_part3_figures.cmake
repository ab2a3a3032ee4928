# Runs the part-3 walk-through to draw its figures for the docs (see docs/CMakeLists.txt): the
# cloud track with examples/scenarios/part3_cloud.toml, non-interactive.
#   cmake -DEXE=<part3_sync_audit> -DSCENARIO=<part3_cloud.toml> -DOUT=<dir>
#         -P draw_part3_figures.cmake
execute_process(COMMAND "${EXE}" --scenario "${SCENARIO}" --predict yes --out "${OUT}"
                INPUT_FILE /dev/null
                RESULT_VARIABLE status
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
foreach(figure throughput time_to_target cost_of_waiting checkpoint_overhead)
  if(NOT status EQUAL 0 OR NOT EXISTS "${OUT}/part3_cloud_${figure}.svg")
    message(FATAL_ERROR "part3_sync_audit did not draw ${figure} (status ${status}):\n"
                        "${err}\n${out}")
  endif()
endforeach()
