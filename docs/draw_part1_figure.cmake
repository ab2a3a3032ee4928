# Runs the part-1 walk-through to draw its figure for the docs (see docs/CMakeLists.txt).
#   cmake -DEXE=<part1_communication_wall> -DOUT=<dir> -P draw_part1_figure.cmake
execute_process(COMMAND "${EXE}" --track cloud --predict b --out "${OUT}"
                INPUT_FILE /dev/null
                RESULT_VARIABLE status
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT EXISTS "${OUT}/part1_cloud_scaling_efficiency.svg")
  message(FATAL_ERROR "part1_communication_wall did not draw the figure (status ${status}):\n"
                      "${err}\n${out}")
endif()
