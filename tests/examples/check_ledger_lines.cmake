# Checks that a JSON Lines ledger has exactly LINES lines, each one JSON object (cmake -P):
#   -DLEDGER=<file> -DLINES=<count>
file(STRINGS "${LEDGER}" lines)
list(LENGTH lines count)
if(NOT count EQUAL LINES)
  message(FATAL_ERROR "${LEDGER} has ${count} lines, expected ${LINES}")
endif()
foreach(line IN LISTS lines)
  string(JSON type ERROR_VARIABLE error TYPE "${line}")
  if(error OR NOT type STREQUAL "OBJECT")
    message(FATAL_ERROR "not one JSON object per line: ${line} (${error})")
  endif()
endforeach()
