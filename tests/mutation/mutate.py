#!/usr/bin/env python3
"""Mutation testing for paradox: does the test suite catch a wrong formula or a wrong figure?

Each mutant (declared as data in mutants.toml next to this script) replaces one exact piece of
text in one file. For each mutant, in a private copy of the source tree, the script applies it,
rebuilds only the test targets that run the mutant's declared tests, runs those tests and
restores the file. A mutant is

  caught (test)     a declared test fails (or times out);
  caught (compile)  the mutated code does not build;
  survived          it builds and every declared test passes: a behaviour no test pins;
  stale             its original text no longer occurs exactly once: update mutants.toml;
  error             none of its declared tests exists in the copy's build.

The working tree is never touched: the copy lives in a work directory (a temporary one, or
--work-dir to keep it and its build between runs; only changed files are re-copied, so a
second run rebuilds little). The build is configured once, without -Werror, benchmarks, docs,
consumer projects or the header check.

Usage (from anywhere; nice it, it is slow on 2 cores):
  nice python3 tests/mutation/mutate.py                  # every mutant, copy of HEAD
  python3 tests/mutation/mutate.py --list                # names, files and declared tests
  nice python3 tests/mutation/mutate.py ring tree.       # only mutants whose name contains
                                                         # "ring" or "tree." (or matches a glob)
  nice python3 tests/mutation/mutate.py --working-tree   # copy the working tree, not HEAD
  nice python3 tests/mutation/mutate.py --work-dir /tmp/paradox-mutation   # keep the build
  python3 tests/mutation/mutate.py --check               # originals occur exactly once (CTest)

Exit status: 0 when every selected mutant is caught; 1 when one survives, is stale or errs;
2 on a usage, setup or baseline failure (the unmutated tests must pass first).
"""

from __future__ import annotations

import argparse
import dataclasses
import fnmatch
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REPO = HERE.parent.parent
DEFAULT_MUTANTS = HERE / "mutants.toml"
REQUIRED_KEYS = ("name", "file", "original", "replacement", "tests")


@dataclasses.dataclass
class Mutant:
    name: str
    file: str
    original: str
    replacement: str
    tests: list[str]
    why: str = ""


@dataclasses.dataclass
class Outcome:
    mutant: Mutant
    status: str  # caught-test, caught-compile, survived, stale, error
    detail: str = ""
    seconds: float = 0.0


# --- the mutants file ---------------------------------------------------------------------------


def load_mutants(path: Path) -> list[Mutant]:
    """Parses mutants.toml; raises ValueError naming the entry on a malformed one."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("mutant", [])
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: no [[mutant]] entries")
    mutants, seen = [], set()
    for index, entry in enumerate(entries, start=1):
        where = f"{path.name}: mutant #{index} ({entry.get('name', 'unnamed')})"
        missing = [key for key in REQUIRED_KEYS if key not in entry]
        if missing:
            raise ValueError(f"{where}: missing {', '.join(missing)}")
        unknown = set(entry) - set(REQUIRED_KEYS) - {"why"}
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if entry["name"] in seen:
            raise ValueError(f"{where}: the name is declared twice")
        seen.add(entry["name"])
        if entry["original"] == entry["replacement"]:
            raise ValueError(f"{where}: the replacement equals the original")
        if not entry["original"]:
            raise ValueError(f"{where}: the original is empty")
        tests = entry["tests"]
        if not isinstance(tests, list) or not tests or not all(isinstance(t, str) for t in tests):
            raise ValueError(f"{where}: tests must be a non-empty list of CTest names")
        mutants.append(Mutant(**{key: entry[key] for key in REQUIRED_KEYS},
                              why=entry.get("why", "")))
    return mutants


def occurrences(root: Path, mutant: Mutant) -> int:
    path = root / mutant.file
    if not path.is_file():
        return -1
    return path.read_text(encoding="utf-8").count(mutant.original)


def select(mutants: list[Mutant], patterns: list[str]) -> list[Mutant]:
    if not patterns:
        return mutants
    return [m for m in mutants
            if any(p in m.name or fnmatch.fnmatchcase(m.name, p) for p in patterns)]


def check(root: Path, mutants: list[Mutant]) -> int:
    """The fast CTest check: every original occurs exactly once in its file."""
    bad = 0
    for mutant in mutants:
        count = occurrences(root, mutant)
        if count != 1:
            bad += 1
            found = "the file does not exist" if count < 0 else f"found {count} times"
            print(f"STALE {mutant.name}: original text in {mutant.file}: {found}")
    print(f"{len(mutants) - bad}/{len(mutants)} mutants apply (original found exactly once)")
    return 1 if bad else 0


# --- the private copy and its build -------------------------------------------------------------


def source_files(repo: Path, working_tree: bool) -> dict[str, bytes]:
    """The files to copy: HEAD's tree (git archive), or the working tree's tracked and
    untracked-but-not-ignored files."""
    if not working_tree:
        archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", "HEAD"],
                                 check=True, capture_output=True).stdout
        files = {}
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                if member.isfile():
                    files[member.name] = tar.extractfile(member).read()
        return files
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True, capture_output=True).stdout.decode().split("\0")
    files = {}
    for name in filter(None, listing):
        path = repo / name
        if path.is_file() and not path.is_symlink():
            files[name] = path.read_bytes()
    return files


def sync_copy(files: dict[str, bytes], dest: Path) -> int:
    """Makes dest hold exactly `files`, rewriting only what differs (so that make's timestamps
    rebuild only what changed, and a mutant left behind by an interrupted run is undone)."""
    dest.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, content in files.items():
        path = dest / name
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed += 1
    for path in sorted(dest.rglob("*"), reverse=True):
        relative = path.relative_to(dest).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
            changed += 1
    return changed


def run(command: list[str], log: Path | None = None, timeout: float | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if log is not None:
        log.write_text(f"$ {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return result


def configure(source: Path, build: Path, log_dir: Path) -> None:
    """Configures the copy once (a build dir with a Makefile is reused and regenerated). If the examples do not
    configure (the tree is changing under other engineers), retries without them: mutants that
    declare only CLI or walk-through tests then report an error instead of blocking the rest."""
    if (build / "Makefile").is_file():
        # Regenerate for the files the sync changed (new tests must be in CTestTestfile.cmake
        # before the plan reads it); start afresh if that no longer works.
        # Examples are asked for again, in case an earlier run had to leave them out.
        regenerate = ["cmake", "-DPARADOX_BUILD_EXAMPLES=ON", str(build)]
        if run(regenerate, log_dir / "configure.log").returncode == 0:
            return
        shutil.rmtree(build, ignore_errors=True)
    command = ["cmake", "-S", str(source), "-B", str(build), "-G", "Unix Makefiles",
               # -O0 without -g: the fastest builds; the tests do not need speed or a debugger.
               "-DCMAKE_BUILD_TYPE=Debug", "-DCMAKE_CXX_FLAGS_DEBUG=-O0",
               # A mutant that only trips a warning is not a caught mutant.
               "-DPARADOX_WARNINGS_AS_ERRORS=OFF", "-DPARADOX_BUILD_BENCHMARKS=OFF",
               "-DPARADOX_BUILD_DOCS=OFF", "-DPARADOX_TEST_CONSUMERS=OFF",
               "-DPARADOX_TEST_HEADERS=OFF"]
    if run(command, log_dir / "configure.log").returncode == 0:
        return
    shutil.rmtree(build, ignore_errors=True)
    print(f"warning: configure failed (see {log_dir / 'configure.log'}); retrying without the "
          "examples: CLI and walk-through tests are unavailable", flush=True)
    if run(command + ["-DPARADOX_BUILD_EXAMPLES=OFF"], log_dir / "configure.log").returncode:
        shutil.rmtree(build, ignore_errors=True)
        raise SystemExit(f"configure failed: see {log_dir / 'configure.log'}")


def ctest_commands(build: Path) -> dict[str, list[str]]:
    """Every CTest test and its command, read from the generated CTestTestfile.cmake files
    (`ctest --show-only=json-v1` omits the command of a test whose executable is not built)."""
    commands = {}
    pattern = re.compile(r"^add_test\(\[=\[(.+?)\]=\] (.*)\)$")
    for testfile in build.rglob("CTestTestfile.cmake"):
        for line in testfile.read_text(encoding="utf-8").splitlines():
            match = pattern.match(line)
            if match:
                arguments = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(2))
                commands[match.group(1)] = arguments
    if not commands:
        raise SystemExit(f"no CTest tests found in {build}")
    return commands


def build_targets(build: Path) -> set[str]:
    result = run(["cmake", "--build", str(build), "--target", "help"])
    return {line[4:].split()[0] for line in result.stdout.splitlines() if line.startswith("... ")}


def targets_of(command: list[str], targets: set[str]) -> set[str]:
    """The build targets a test's command runs: its executable and any executable argument
    (paradox_cli_check --exe .../paradox_cli, cmake -DEXE=.../part1_communication_wall)."""
    found = set()
    for argument in command:
        for piece in argument.split("="):
            name = Path(piece).name
            if name in targets:
                found.add(name)
    return found


class Plan:
    """Which CTest tests and build targets each mutant needs, from the configured build."""

    def __init__(self, build: Path):
        self.commands = ctest_commands(build)
        self.targets = build_targets(build)

    def tests_for(self, mutant: Mutant) -> tuple[list[str], list[str]]:
        """(matched test names, declared patterns that match nothing)."""
        matched, unmatched = [], []
        for pattern in mutant.tests:
            regex = re.compile(pattern)
            names = [n for n in self.commands if regex.fullmatch(n)]
            if not names:
                unmatched.append(pattern)
            matched += [n for n in names if n not in matched]
        return matched, unmatched

    def targets_for(self, tests: list[str]) -> list[str]:
        found: set[str] = set()
        for name in tests:
            found |= targets_of(self.commands[name], self.targets)
        return sorted(found)


def make(build: Path, targets: list[str], jobs: int, log: Path) -> bool:
    if not targets:
        return True
    command = ["cmake", "--build", str(build), "--parallel", str(jobs), "--target", *targets]
    return run(command, log).returncode == 0


def ctest(build: Path, tests: list[str], jobs: int, timeout: int, log: Path) -> tuple[bool, str]:
    regex = "^(" + "|".join(re.escape(t) for t in tests) + ")$"
    command = ["ctest", "--test-dir", str(build), "-R", regex, "-j", str(jobs),
               "--timeout", str(timeout), "--no-tests=error"]
    result = run(command, log)
    failed = re.findall(r"^\s*\d+ - (\S+) \(", result.stdout, flags=re.MULTILINE)
    return result.returncode == 0, ", ".join(failed)


# --- one mutant ---------------------------------------------------------------------------------


def mutate_one(mutant: Mutant, source: Path, build: Path, plan: Plan, args,
               log_dir: Path) -> Outcome:
    started = time.monotonic()
    path = source / mutant.file
    count = occurrences(source, mutant)
    if count != 1:
        found = "file missing" if count < 0 else f"original found {count} times"
        return Outcome(mutant, "stale", found)
    tests, unmatched = plan.tests_for(mutant)
    if not tests:
        return Outcome(mutant, "error", "no declared test exists: " + ", ".join(unmatched))
    targets = plan.targets_for(tests)
    original = path.read_text(encoding="utf-8")
    log_stem = log_dir / re.sub(r"[^A-Za-z0-9_.-]", "_", mutant.name)
    try:
        path.write_text(original.replace(mutant.original, mutant.replacement, 1),
                        encoding="utf-8")
        if not make(build, targets, args.jobs, Path(f"{log_stem}.build.log")):
            status, detail = "caught-compile", f"build of {', '.join(targets)} failed"
        else:
            passed, failed = ctest(build, tests, args.jobs, args.timeout,
                                   Path(f"{log_stem}.ctest.log"))
            status = "survived" if passed else "caught-test"
            detail = f"ran {', '.join(tests)}" if passed else f"failed: {failed or '?'}"
    finally:
        # A fresh write (newer than the mutant's objects) makes the next build recompile them.
        path.write_text(original, encoding="utf-8")
    if unmatched:
        detail += f" (declared but absent: {', '.join(unmatched)})"
    return Outcome(mutant, status, detail, time.monotonic() - started)


def baseline(mutants: list[Mutant], build: Path, plan: Plan, args, log_dir: Path) -> None:
    tests: list[str] = []
    for mutant in mutants:
        tests += [t for t in plan.tests_for(mutant)[0] if t not in tests]
    if not tests:
        return
    targets = plan.targets_for(tests)
    print(f"baseline: building {len(targets)} targets and running {len(tests)} tests unmutated",
          flush=True)
    if not make(build, targets, args.jobs, log_dir / "baseline.build.log"):
        raise SystemExit(f"baseline build failed: see {log_dir / 'baseline.build.log'}")
    passed, failed = ctest(build, tests, args.jobs, args.timeout, log_dir / "baseline.ctest.log")
    if not passed:
        raise SystemExit(f"baseline tests fail without any mutant ({failed}): every mutant would "
                         f"look caught. See {log_dir / 'baseline.ctest.log'}")


def report(outcomes: list[Outcome], log_dir: Path) -> int:
    labels = {"caught-test": "CAUGHT", "caught-compile": "CAUGHT (compile)",
              "survived": "SURVIVED", "stale": "STALE", "error": "ERROR"}
    print()
    for outcome in outcomes:
        print(f"{labels[outcome.status]:17} {outcome.mutant.name:44} {outcome.detail}")
    counts = {status: sum(o.status == status for o in outcomes) for status in labels}
    caught = counts["caught-test"] + counts["caught-compile"]
    scored = caught + counts["survived"]
    score = f"{100.0 * caught / scored:.1f}%" if scored else "n/a"
    print(f"\nscore: {caught}/{scored} caught ({score}); {counts['caught-test']} by a test, "
          f"{counts['caught-compile']} by the compiler, {counts['survived']} survived, "
          f"{counts['stale']} stale, {counts['error']} errors")
    for outcome in outcomes:
        if outcome.status == "survived" and outcome.mutant.why:
            print(f"  survivor {outcome.mutant.name}: {outcome.mutant.why}")
    summary = [{"name": o.mutant.name, "file": o.mutant.file, "status": o.status,
                "detail": o.detail, "seconds": round(o.seconds, 1)} for o in outcomes]
    (log_dir / "report.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"logs and report.json: {log_dir}")
    return 0 if caught == len(outcomes) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="*",
                        help="run only mutants whose name contains or glob-matches one of these")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--check", action="store_true",
                        help="only check that every original occurs exactly once (fast)")
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="the source tree")
    parser.add_argument("--mutants", type=Path, default=DEFAULT_MUTANTS)
    parser.add_argument("--working-tree", action="store_true",
                        help="copy the working tree (with uncommitted edits) instead of HEAD")
    parser.add_argument("--work-dir", type=Path,
                        help="keep the copy and its build here (default: a temporary directory)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=300, help="seconds per test")
    parser.add_argument("--no-nice", action="store_true", help="do not lower the priority")
    args = parser.parse_args()

    try:
        mutants = load_mutants(args.mutants)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        print(f"mutate.py: {error}", file=sys.stderr)
        return 2
    selected = select(mutants, args.patterns)
    if args.check:
        return check(args.repo, selected)
    if args.list:
        for mutant in selected:
            print(f"{mutant.name:44} {mutant.file:44} {' '.join(mutant.tests)}")
        print(f"{len(selected)} mutants")
        return 0
    if not selected:
        print(f"mutate.py: no mutant matches {' '.join(args.patterns)}", file=sys.stderr)
        return 2
    if not args.no_nice:
        os.nice(10)

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="paradox-mutation-"))
    source, build = work / "src", work / "build"
    log_dir = work / "logs" / time.strftime("%Y%m%d-%H%M%S")
    log_dir.mkdir(parents=True, exist_ok=True)
    what = "working tree" if args.working_tree else "HEAD"
    changed = sync_copy(source_files(args.repo.resolve(), args.working_tree), source)
    print(f"copy of {what} in {source} ({changed} files written); build in {build}", flush=True)
    configure(source, build, log_dir)
    plan = Plan(build)
    applicable = [m for m in selected if occurrences(source, m) == 1]
    baseline(applicable, build, plan, args, log_dir)

    outcomes = []
    for number, mutant in enumerate(selected, start=1):
        print(f"[{number}/{len(selected)}] {mutant.name} ...", end=" ", flush=True)
        outcome = mutate_one(mutant, source, build, plan, args, log_dir)
        print(f"{outcome.status} ({outcome.seconds:.0f} s)", flush=True)
        outcomes.append(outcome)
    status = report(outcomes, log_dir)
    if args.work_dir is None:
        shutil.rmtree(source, ignore_errors=True)
        shutil.rmtree(build, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
