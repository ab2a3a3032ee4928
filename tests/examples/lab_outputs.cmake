# What the output checks of every lab part share (check_part*_outputs.cmake include it).

# paradox_check_figures(<directory> <file stem prefix> <figures> <extensions>
#                       [EMPTY_OK <extension>...])
# Every <directory>/<prefix><figure>.<extension> exists and is not empty (except the EMPTY_OK
# extensions), and every figure's SVG is an SVG document.
function(paradox_check_figures dir prefix figures extensions)
  cmake_parse_arguments(arg "" "" "EMPTY_OK" ${ARGN})
  foreach(figure IN LISTS figures)
    foreach(ext IN LISTS extensions)
      set(file "${dir}/${prefix}${figure}.${ext}")
      if(NOT EXISTS "${file}")
        message(FATAL_ERROR "missing ${file}")
      endif()
      file(SIZE "${file}" size)
      list(FIND arg_EMPTY_OK "${ext}" empty_ok)  # (IN_LIST needs a policy a -P script lacks)
      if(size EQUAL 0 AND empty_ok EQUAL -1)
        message(FATAL_ERROR "empty ${file}")
      endif()
    endforeach()
    file(READ "${dir}/${prefix}${figure}.svg" svg LIMIT 2000)
    if(NOT svg MATCHES "<svg")
      message(FATAL_ERROR "${prefix}${figure}.svg is not an SVG")
    endif()
  endforeach()
endfunction()

# paradox_last_ledger_entry(<ledger> <part> <track> <output variable>)
# The ledger's last line, which must be a run of <part> on <track>.
function(paradox_last_ledger_entry ledger part track out)
  file(STRINGS "${ledger}" lines)
  list(GET lines -1 last)
  string(JSON got_part GET "${last}" part)
  string(JSON got_track GET "${last}" track)
  if(NOT got_part STREQUAL "${part}" OR NOT got_track STREQUAL "${track}")
    message(FATAL_ERROR "ledger entry is not this run: ${last}")
  endif()
  set(${out} "${last}" PARENT_SCOPE)
endfunction()
