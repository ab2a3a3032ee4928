# Umbrella reachability (included from tests/CMakeLists.txt). ARCHITECTURE.md: every family
# folder has an entry header <family>/<family>.hpp that includes the family's headers, and
# paradox.hpp includes the entry headers only; every public header except the opt-in ones
# (io.hpp, units/literals.hpp, figures/**) is reachable from paradox.hpp.
#
#   umbrella.reaches_every_header  the check on include/paradox, with the compiler's -H
#                                  listing of what paradox.hpp and each entry header include;
#                                  the header list is globbed when the test runs, so a new
#                                  header fails it without re-configuring
#   umbrella.detects_orphan        the same check on a small fixture tree with one header that
#                                  nothing includes: it must name that header
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  message(STATUS "umbrella tests need a compiler with -H (GCC or Clang); skipped")
  return()
endif()

set(_paradox_umbrella_script "${CMAKE_CURRENT_SOURCE_DIR}/umbrella/check_umbrella.cmake")
add_test(NAME umbrella.reaches_every_header
         COMMAND "${CMAKE_COMMAND}" "-DCXX=${CMAKE_CXX_COMPILER}"
                 "-DINCLUDES=$<JOIN:$<TARGET_PROPERTY:paradox,INTERFACE_INCLUDE_DIRECTORIES>,|>"
                 "-DROOT=${PROJECT_SOURCE_DIR}/include" -P "${_paradox_umbrella_script}")
add_test(NAME umbrella.detects_orphan
         COMMAND "${CMAKE_COMMAND}" "-DCXX=${CMAKE_CXX_COMPILER}"
                 "-DROOT=${CMAKE_CURRENT_SOURCE_DIR}/umbrella/fixture" -P
                 "${_paradox_umbrella_script}")
set_tests_properties(umbrella.reaches_every_header umbrella.detects_orphan PROPERTIES LABELS
                                                                                    umbrella)
# The check must fail on the fixture, and for the right reason: it names the orphan header.
set_tests_properties(umbrella.detects_orphan
                     PROPERTIES PASS_REGULAR_EXPRESSION "not reachable from paradox/paradox.hpp:[^a-z]*paradox/widgets/orphan\\.hpp")
