# pkg-config consumer: `pkg-config --cflags paradox` against the install prefix must name the
# prefix's include directory, and a program built with exactly those flags must run.
#   cmake -DPREFIX=... -DCXX=... -DSOURCE=... -DWORK_DIR=... -P pkg_config.cmake
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/share/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags paradox OUTPUT_VARIABLE cflags
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags paradox failed (${result})")
endif()
message(STATUS "pkg-config --cflags paradox: ${cflags}")

file(REAL_PATH "${PREFIX}/include" expected_include)
separate_arguments(flags UNIX_COMMAND "${cflags}")
set(found_include FALSE)
foreach(flag IN LISTS flags)
  if(flag MATCHES "^-I(.*)$")
    file(REAL_PATH "${CMAKE_MATCH_1}" include_dir)
    if(include_dir STREQUAL expected_include)
      set(found_include TRUE)
    endif()
  endif()
endforeach()
if(NOT found_include)
  message(FATAL_ERROR "pkg-config flags '${cflags}' do not name ${expected_include}")
endif()

file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CXX}" ${flags} "${SOURCE}" -o "${WORK_DIR}/paradox_consumer"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "compiling with the pkg-config flags failed (${result})")
endif()
execute_process(COMMAND "${WORK_DIR}/paradox_consumer" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the pkg-config consumer returned ${result}")
endif()
