# Fixture for the find_package and pkg-config consumers: a fresh install of the library component
# of the current build tree into PREFIX (the example programs need not be built for it).
#   cmake -DBINARY_DIR=... -DPREFIX=... -P install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${PREFIX}"
                        --component library
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result})")
endif()
