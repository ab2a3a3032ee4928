#!/usr/bin/env bash
# README command (a): install the dependencies, build the release preset and run the lab's
# three walk-throughs in order (part 1 the communication wall, part 2 the parallelism puzzle,
# part 3 the synchronisation audit) on the Cloud Titan track, non-interactively: each part's
# prediction is answered by --predict. Figures (SVG + CSV) go to out/figures/.
#   bash cmake/lab.sh                                  # parts 1-3, cloud track
#   bash cmake/lab.sh --track tiny                     # parts 1-3 on another track
#   bash cmake/lab.sh --part 2 --track edge --predict decrease --try tp=1,pp=4
# Arguments are passed to every part run; --part N runs part N only. A part gets its default
# prediction unless the arguments give --predict (each part asks its own question: part 1 a
# speedup or a|b|c, part 2 increase|decrease|same, part 3 yes|no|same).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

parts=(part1_communication_wall part2_parallelism_puzzle part3_sync_audit)
declare -A predict=([part1_communication_wall]=4 [part2_parallelism_puzzle]=decrease
                    [part3_sync_audit]=yes)

args=()
only=""
while (($# > 0)); do
  if [[ "$1" == "--part" ]]; then
    if [[ $# -lt 2 || ! "$2" =~ ^[123]$ ]]; then
      echo "lab: --part must be 1, 2 or 3 (got ${2:-nothing})" >&2
      exit 2
    fi
    only=${parts[$(($2 - 1))]}
    shift 2
  else
    args+=("$1")
    shift
  fi
done
if [[ -n "$only" ]]; then
  parts=("$only")
fi
has_track=0
has_predict=0
for a in "${args[@]+"${args[@]}"}"; do
  [[ "$a" == "--track" ]] && has_track=1
  [[ "$a" == "--predict" ]] && has_predict=1
done

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
  run=(--out out/figures)
  ((has_track)) || run+=(--track cloud)
  ((has_predict)) || run+=(--predict "${predict[$part]}")
  run+=("${args[@]+"${args[@]}"}")
  echo "lab: $part ${run[*]}"
  # No terminal input: questions are answered by the flags, nothing waits for a keyboard.
  "$program" "${run[@]}" </dev/null
done
echo "lab: figures are in out/figures/"
