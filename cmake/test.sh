#!/usr/bin/env bash
# README command (b): install the dependencies, then configure, build and run the whole test
# suite with the dev preset (warnings as errors). The suite includes the consumer projects and
# the check that every public header compiles on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash cmake/install-deps.sh
cmake --preset dev
# The per-header translation units are not part of `all`; build them here, in parallel with the
# rest, so that the CTest check paradox.headers_self_contained finds them up to date.
cmake --build --preset dev --target all all_verify_interface_header_sets
ctest --preset dev
