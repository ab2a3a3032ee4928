#!/usr/bin/env bash
# README command (b): install the dependencies, then configure, build and run the whole test
# suite under AddressSanitizer + UndefinedBehaviorSanitizer (asan preset: every finding fatal,
# warnings as errors). The suite includes the consumer projects and the check that every public
# header compiles on its own. One sanitized build runs everything: a second, plain debug build
# of the same tests would find nothing this one misses (the dev preset is for working on the
# code: faster to build, no sanitizer runtime).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash cmake/install-deps.sh
cmake --preset asan
# The per-header translation units are not part of `all`; build them here, in parallel with the
# rest, so that the CTest check paradox.headers_self_contained finds them up to date.
cmake --build --preset asan --target all all_verify_interface_header_sets
ctest --preset asan
