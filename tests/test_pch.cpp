// The host of the test executables' precompiled header (see CMakeLists.txt): no code.
