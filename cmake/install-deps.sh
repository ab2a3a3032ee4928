#!/usr/bin/env bash
# Installs everything paradox needs to build, test and document itself, from Debian 12 packages.
# Idempotent: when every package is already installed it runs no apt-get at all (fast, and works
# offline). Run as root, or as a user with sudo.
set -euo pipefail

packages=(
  cmake g++ make pkg-config       # toolchain; pkg-config for the paradox.pc consumer test
  libboost-dev                    # Boost.Units and Boost.Math (header-only)
  libeigen3-dev libspectra-dev    # dense and sparse eigenproblems (header-only)
  catch2 librapidcheck-dev        # unit tests and property tests
  libbenchmark-dev                # bench/
  libcli11-dev nlohmann-json3-dev libtomlplusplus-dev  # the calculator and scenario files
  gnuplot-nox                     # SVG figures
  doxygen                         # the docs target
  libjs-mathjax                   # formulas in the docs, rendered offline (no CDN needed)
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: missing packages (${missing[*]}); run this script as root" >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  "${missing[@]}"
