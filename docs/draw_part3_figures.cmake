# Runs the part-3 walk-through to draw its figures for the docs (see docs/CMakeLists.txt),
# non-interactive, from one scenario: by default the cloud track with
# examples/scenarios/part3_cloud.toml and its four figures; the fleet page (fleet_tracks.md)
# passes a device track's scenario, its key and the figures it needs.
#   cmake -DEXE=<part3_sync_audit> -DSCENARIO=<part3_cloud.toml> -DOUT=<dir>
#         [-DTRACK=<key>] [-DFIGURES=<name;name...>] -P draw_part3_figures.cmake
if(NOT DEFINED TRACK)
  set(TRACK cloud)
endif()
if(NOT DEFINED FIGURES)
  set(FIGURES throughput time_to_target cost_of_waiting checkpoint_overhead)
endif()
execute_process(COMMAND "${EXE}" --scenario "${SCENARIO}" --predict yes --out "${OUT}"
                INPUT_FILE /dev/null
                RESULT_VARIABLE status
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
foreach(figure IN LISTS FIGURES)
  if(NOT status EQUAL 0 OR NOT EXISTS "${OUT}/part3_${TRACK}_${figure}.svg")
    message(FATAL_ERROR "part3_sync_audit did not draw ${TRACK} ${figure} (status ${status}):\n"
                        "${err}\n${out}")
  endif()
endforeach()
