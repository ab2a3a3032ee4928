# Compile-fail tests of the unit system (included from tests/CMakeLists.txt).
#
# Each case is built twice, by CTest, through `cmake --build`:
#   units.compile_fail.<case>          with PARADOX_COMPILE_FAIL defined: the build must FAIL;
#   units.compile_fail.<case>.control  without it: the build must SUCCEED, which proves that the
#                                      failure above is the dimension error, not a typo.
# The targets are EXCLUDE_FROM_ALL so that a normal build never tries them. The tests share a
# resource lock: two `cmake --build` runs in one build tree must not overlap.
set(PARADOX_COMPILE_FAIL_CASES bytes_plus_seconds bandwidth_as_flop_rate
                               value_in_wrong_dimension double_as_bytes)

get_property(paradox_multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
set(paradox_config_args)
if(paradox_multi_config)
  set(paradox_config_args --config $<CONFIG>)
endif()

foreach(case IN LISTS PARADOX_COMPILE_FAIL_CASES)
  set(source "${CMAKE_CURRENT_SOURCE_DIR}/units/compile_fail/${case}.cpp")
  foreach(variant IN ITEMS fail control)
    set(target "units.compile_fail.${case}")
    if(variant STREQUAL "control")
      string(APPEND target ".control")
    endif()
    add_executable(${target} EXCLUDE_FROM_ALL ${source})
    target_link_libraries(${target} PRIVATE paradox::paradox paradox_warnings)
    if(variant STREQUAL "fail")
      target_compile_definitions(${target} PRIVATE PARADOX_COMPILE_FAIL)
    endif()
    add_test(NAME ${target}
             COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target ${target}
                     ${paradox_config_args})
    set_tests_properties(${target} PROPERTIES RESOURCE_LOCK paradox_build_tree LABELS
                                              compile_fail)
    if(variant STREQUAL "fail")
      set_tests_properties(${target} PROPERTIES WILL_FAIL ON)
    endif()
  endforeach()
endforeach()
