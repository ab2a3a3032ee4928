# Checks what one part-2 walk-through run left behind (cmake -P):
#   -DDIR=<--out directory> -DTRACK=<track key> -DLEDGER=<--ledger file>
# Every figure has a non-empty SVG, CSV and gnuplot script (and its data file), and
# the ledger's last line is this run with the models' answer "decrease".
include("${CMAKE_CURRENT_LIST_DIR}/lab_outputs.cmake")
# Box-only figures (heat map, gauge, map) have no series, hence an empty gnuplot .dat.
paradox_check_figures("${DIR}" "part2_${TRACK}_"
  "memory_heatmap;bubble_gauge;pipeline_schedule;parallelism_map;microbatch_reflection"
  "svg;csv;gp;dat" EMPTY_OK dat)
paradox_last_ledger_entry("${LEDGER}" part2_parallelism_puzzle "${TRACK}" last)
string(JSON answer GET "${last}" results answer)
string(JSON tries LENGTH "${last}" choices tries)
if(NOT answer STREQUAL "decrease" OR tries LESS 1)
  message(FATAL_ERROR "ledger entry lacks the answer or the tries: ${last}")
endif()
