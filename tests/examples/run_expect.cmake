# Runs a program and checks its exit status and output. Usage (cmake -P):
#   -DEXE=<program> -DARGS=<arguments separated by |> -DEXPECT_EXIT=<status>
#   [-DSTDOUT_MATCH=<regex>] [-DSTDERR_MATCH=<regex>] [-DONE_LINE_STDERR=ON]
#   [-DINPUT_FILE=<file fed to stdin, e.g. /dev/null so that stdin is not a terminal>]
string(REPLACE "|" ";" arguments "${ARGS}")
if(NOT DEFINED INPUT_FILE)
  set(INPUT_FILE /dev/null)
endif()
execute_process(COMMAND "${EXE}" ${arguments}
                INPUT_FILE "${INPUT_FILE}"
                RESULT_VARIABLE status
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT "${status}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED STDOUT_MATCH AND NOT out MATCHES "${STDOUT_MATCH}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_MATCH}':\n${out}")
endif()
if(DEFINED STDERR_MATCH AND NOT err MATCHES "${STDERR_MATCH}")
  message(FATAL_ERROR "stderr does not match '${STDERR_MATCH}':\n${err}")
endif()
if(ONE_LINE_STDERR)
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines count)
  if(NOT count EQUAL 1 OR NOT err MATCHES "\n$")
    message(FATAL_ERROR "stderr must be exactly one line, got:\n${err}")
  endif()
endif()
