#!/usr/bin/env bash
# README command (a): install the dependencies, build the release preset and run the lab
# walk-through for the default track, non-interactively. Figures go to out/figures/.
#   bash cmake/lab.sh                 # part 1, Cloud Titan track, prediction "4x"
#   bash cmake/lab.sh --track tiny    # any arguments replace the default --track/--predict
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Lab parts in order, with the default answer to each part's prediction question.
parts=(part1_communication_wall)
declare -A predict=([part1_communication_wall]=4)

bash cmake/install-deps.sh
cmake --preset release
cmake --build --preset release --target "${parts[@]}"
mkdir -p out/figures

for part in "${parts[@]}"; do
  # The path of each example program, written at generate time (see examples/CMakeLists.txt).
  program=$(sed -n "s/^$part=//p" build/release/paradox-programs.txt)
  if [[ -z "$program" || ! -x "$program" ]]; then
    echo "lab: no program for target $part in build/release/paradox-programs.txt" >&2
    exit 1
  fi
  if (($# > 0)); then
    echo "lab: $part --out out/figures $*"
    "$program" --out out/figures "$@"
  else
    # No terminal input: the prediction is answered by --predict.
    echo "lab: $part --track cloud --predict ${predict[$part]} --out out/figures"
    "$program" --track cloud --predict "${predict[$part]}" --out out/figures </dev/null
  fi
done
echo "lab: figures are in out/figures/"
