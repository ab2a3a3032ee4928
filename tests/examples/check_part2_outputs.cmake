# Checks what one part-2 walk-through run left behind (cmake -P):
#   -DDIR=<--out directory> -DTRACK=<track key> -DLEDGER=<--ledger file>
# Every figure has a non-empty SVG, CSV and gnuplot script (and its data file), and
# the ledger's last line is this run with the models' answer "decrease".
foreach(figure memory_heatmap bubble_gauge pipeline_schedule parallelism_map microbatch_reflection)
  foreach(ext svg csv gp dat)
    set(file "${DIR}/part2_${TRACK}_${figure}.${ext}")
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "missing ${file}")
    endif()
    file(SIZE "${file}" size)
    # Box-only figures (heat map, gauge, map) have no series, hence an empty gnuplot .dat.
    if(size EQUAL 0 AND NOT ext STREQUAL "dat")
      message(FATAL_ERROR "empty ${file}")
    endif()
  endforeach()
  file(READ "${DIR}/part2_${TRACK}_${figure}.svg" svg LIMIT 2000)
  if(NOT svg MATCHES "<svg")
    message(FATAL_ERROR "part2_${TRACK}_${figure}.svg is not an SVG")
  endif()
endforeach()
file(STRINGS "${LEDGER}" ledger_lines)
list(GET ledger_lines -1 last)
string(JSON part GET "${last}" part)
string(JSON track GET "${last}" track)
string(JSON answer GET "${last}" results answer)
string(JSON tries LENGTH "${last}" choices tries)
if(NOT part STREQUAL "part2_parallelism_puzzle" OR NOT track STREQUAL "${TRACK}"
   OR NOT answer STREQUAL "decrease" OR tries LESS 1)
  message(FATAL_ERROR "ledger entry is not this run: ${last}")
endif()
