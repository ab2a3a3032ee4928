# Checks that paradox.hpp reaches every public header (run by tests/umbrella/tests.cmake).
#
#   cmake -DCXX=<C++ compiler> -DROOT=<dir holding paradox/> [-DINCLUDES=dir|dir|...]
#         -P check_umbrella.cmake
#
# Rules (ARCHITECTURE.md, "The library, one family per folder"):
#   1. every family folder paradox/<f>/ has its entry header paradox/<f>/<f>.hpp (units/ is the
#      exception: its entry header is paradox/units.hpp);
#   2. paradox.hpp includes entry headers only, plus units.hpp, units/parse.hpp and error.hpp;
#   3. each entry header reaches every header of its folder;
#   4. paradox.hpp reaches every header except the opt-in ones (io.hpp, units/literals.hpp,
#      figures/**), and none of those.
# "Reaches" is what the compiler's -H lists when it preprocesses the header (-E -H), so an
# include hidden behind a macro or a condition counts only if it is really taken.
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS CXX ROOT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_umbrella.cmake: -D${var}=... is required")
  endif()
endforeach()

set(opt_in_headers io.hpp units/literals.hpp)
set(opt_in_folders figures)
set(umbrella_extras error.hpp units.hpp units/parse.hpp)

file(REAL_PATH "${ROOT}/paradox" library)
set(flags -std=c++20 "-I${ROOT}")
string(REPLACE "|" ";" include_dirs "${INCLUDES}")
foreach(dir IN LISTS include_dirs)
  if(dir)
    list(APPEND flags "-I${dir}")
  endif()
endforeach()

# The headers of the library, relative to paradox/ ("comm/ring.hpp").
file(GLOB_RECURSE all_headers RELATIVE "${library}" "${library}/*.hpp")
list(SORT all_headers)

# reached(<header> <out-var>): the library headers that preprocessing <header> opens.
function(reached header out)
  execute_process(COMMAND "${CXX}" ${flags} -E -H -x c++ "${library}/${header}"
                  OUTPUT_QUIET
                  ERROR_VARIABLE listing
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "preprocessing paradox/${header} failed:\n${listing}")
  endif()
  string(REPLACE "\r" "" listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  set(found)
  foreach(line IN LISTS lines)
    # -H prints one line per opened header: dots for the depth, a space, the path.
    if(line MATCHES "^\\.+ (.+)$")
      file(REAL_PATH "${CMAKE_MATCH_1}" path)
      cmake_path(IS_PREFIX library "${path}" NORMALIZE inside)
      if(inside)
        file(RELATIVE_PATH relative "${library}" "${path}")
        list(APPEND found "${relative}")
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES found)
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

set(failures)

# Rule 1: the family folders and their entry headers.
file(GLOB children RELATIVE "${library}" "${library}/*")
set(families)
foreach(child IN LISTS children)
  if(IS_DIRECTORY "${library}/${child}" AND NOT child STREQUAL "units")
    list(APPEND families "${child}")
    if(NOT EXISTS "${library}/${child}/${child}.hpp")
      list(APPEND failures "family folder paradox/${child}/ has no entry header "
                           "paradox/${child}/${child}.hpp\n")
    endif()
  endif()
endforeach()

# Rule 2: what paradox.hpp includes directly.
file(STRINGS "${library}/paradox.hpp" include_lines REGEX "^[ \t]*#[ \t]*include")
foreach(line IN LISTS include_lines)
  if(line MATCHES "\"paradox/([^\"]+)\"")
    set(target "${CMAKE_MATCH_1}")
    set(allowed FALSE)
    if(target IN_LIST umbrella_extras)
      set(allowed TRUE)
    elseif(target MATCHES "^([^/]+)/([^/]+)\\.hpp$" AND CMAKE_MATCH_1 STREQUAL CMAKE_MATCH_2
           AND NOT CMAKE_MATCH_1 IN_LIST opt_in_folders)
      set(allowed TRUE)
    endif()
    if(NOT allowed)
      list(APPEND failures "paradox.hpp includes paradox/${target}: include the family's entry "
                           "header instead (paradox/<family>/<family>.hpp)\n")
    endif()
  endif()
endforeach()

# Rule 3: each entry header reaches its folder.
foreach(family IN LISTS families)
  if(NOT EXISTS "${library}/${family}/${family}.hpp")
    continue()
  endif()
  reached("${family}/${family}.hpp" from_entry)
  foreach(header IN LISTS all_headers)
    if(header MATCHES "^${family}/" AND NOT header IN_LIST from_entry
       AND NOT header STREQUAL "${family}/${family}.hpp")
      list(APPEND failures "not reachable from paradox/${family}/${family}.hpp:\n"
                           "  paradox/${header} (include it in the entry header)\n")
    endif()
  endforeach()
endforeach()

# Rule 4: the umbrella reaches everything but the opt-in headers, and none of those.
reached(paradox.hpp from_umbrella)
foreach(header IN LISTS all_headers)
  set(opt_in FALSE)
  if(header IN_LIST opt_in_headers)
    set(opt_in TRUE)
  endif()
  foreach(folder IN LISTS opt_in_folders)
    if(header MATCHES "^${folder}/")
      set(opt_in TRUE)
    endif()
  endforeach()
  if(header STREQUAL "paradox.hpp")
    continue()
  elseif(opt_in AND header IN_LIST from_umbrella)
    list(APPEND failures "opt-in header reached from paradox/paradox.hpp:\n"
                         "  paradox/${header} (the umbrella must not include it)\n")
  elseif(NOT opt_in AND NOT header IN_LIST from_umbrella)
    list(APPEND failures "not reachable from paradox/paradox.hpp:\n"
                         "  paradox/${header} (include it in its family's entry header)\n")
  endif()
endforeach()

if(failures)
  string(JOIN "" report ${failures})
  message(FATAL_ERROR "umbrella check failed:\n${report}")
endif()
list(LENGTH all_headers count)
list(LENGTH from_umbrella reached_count)
message(STATUS "umbrella check passed: ${reached_count} of ${count} headers reached from "
               "paradox.hpp, the rest opt-in")
