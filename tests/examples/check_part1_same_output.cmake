# Runs part 1 and compares its standard output with a committed expectation, byte for byte
# (cmake -P): -DEXE=<program> -DARGS=<arguments separated by |> -DEXPECTED=<file>.
# The Cloud track's output was recorded before the edge tracks moved to their own patterns
# (issue 12): it must not change.
string(REPLACE "|" ";" arguments "${ARGS}")
execute_process(COMMAND "${EXE}" ${arguments} INPUT_FILE /dev/null RESULT_VARIABLE status
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "exit status ${status}: ${err}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT out STREQUAL expected)
  get_filename_component(stem "${EXPECTED}" NAME)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/${stem}.actual" "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED} (see ${CMAKE_CURRENT_BINARY_DIR}/${stem}.actual)")
endif()
