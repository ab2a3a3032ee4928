# Mutation testing (included from tests/CMakeLists.txt). The mutation run itself is slow and on
# demand, never part of ctest:
#   nice python3 tests/mutation/mutate.py [name-filter...] [--list] [--work-dir DIR]
# (see docs/mutation.md). What runs here is the cheap guard against rot: every mutant declared
# in tests/mutation/mutants.toml must still find its original text exactly once in its file, so
# that a formula edited without its mutant fails this test instead of silently dropping the
# mutant. Needs Python >= 3.11 (tomllib), as in Debian's python3.
find_package(Python3 3.11 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "Python >= 3.11 not found: no mutation.mutants_apply test")
  return()
endif()

add_test(NAME mutation.mutants_apply
         COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/mutation/mutate.py" --check
                 --repo "${PROJECT_SOURCE_DIR}")
set_tests_properties(mutation.mutants_apply PROPERTIES LABELS mutation TIMEOUT 10)
