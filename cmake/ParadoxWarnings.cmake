# Warnings for paradox's own targets only (tests, examples, benchmarks); never global flags,
# never propagated to consumers of paradox::paradox.
add_library(paradox_warnings INTERFACE)
target_compile_options(paradox_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(PARADOX_WARNINGS_AS_ERRORS)
  target_compile_options(paradox_warnings INTERFACE -Werror)
endif()
