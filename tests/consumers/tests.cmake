# Consumer projects: paradox used the three ways a downstream CMake project uses it, plus
# pkg-config. Each is a separate project configured and built by CTest with the same compiler.
# Included from tests/CMakeLists.txt, so CMAKE_CURRENT_SOURCE_DIR is tests/.
if(NOT PARADOX_TEST_CONSUMERS)
  return()
endif()

set(PARADOX_CONSUMERS_DIR "${CMAKE_CURRENT_SOURCE_DIR}/consumers")
set(PARADOX_CONSUMERS_BINARY_DIR "${PROJECT_BINARY_DIR}/consumers")
set(PARADOX_CONSUMER_PREFIX "${PROJECT_BINARY_DIR}/consumer-prefix")

add_test(NAME consumers.install
         COMMAND "${CMAKE_COMMAND}" "-DBINARY_DIR=${PROJECT_BINARY_DIR}"
                 "-DPREFIX=${PARADOX_CONSUMER_PREFIX}" -P "${PARADOX_CONSUMERS_DIR}/install.cmake")
set_tests_properties(consumers.install PROPERTIES FIXTURES_SETUP paradox_consumer_prefix)

function(paradox_add_consumer_test name)
  add_test(NAME consumers.${name}
           COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${PARADOX_CONSUMERS_DIR}/${name}"
                   "${PARADOX_CONSUMERS_BINARY_DIR}/${name}" --build-generator "${CMAKE_GENERATOR}"
                   --build-makeprogram "${CMAKE_MAKE_PROGRAM}" --build-noclean
                   --build-options "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}" ${ARGN}
                   --test-command paradox_consumer)
endfunction()

paradox_add_consumer_test(find_package "-DCMAKE_PREFIX_PATH=${PARADOX_CONSUMER_PREFIX}")
set_tests_properties(consumers.find_package PROPERTIES FIXTURES_REQUIRED paradox_consumer_prefix)
paradox_add_consumer_test(add_subdirectory "-DPARADOX_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
paradox_add_consumer_test(fetchcontent "-DPARADOX_SOURCE_DIR=${PROJECT_SOURCE_DIR}")

add_test(NAME consumers.pkg_config
         COMMAND "${CMAKE_COMMAND}" "-DPREFIX=${PARADOX_CONSUMER_PREFIX}"
                 "-DCXX=${CMAKE_CXX_COMPILER}" "-DSOURCE=${PARADOX_CONSUMERS_DIR}/consumer.cpp"
                 "-DWORK_DIR=${PARADOX_CONSUMERS_BINARY_DIR}/pkg_config" -P
                 "${PARADOX_CONSUMERS_DIR}/pkg_config.cmake")
set_tests_properties(consumers.pkg_config PROPERTIES FIXTURES_REQUIRED paradox_consumer_prefix)
