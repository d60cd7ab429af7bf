"""How long the whole suite takes, measured as the lean-house issue asks: `bash .ci/run` (the
README's test command) on a fresh clone of a commit, with its wall time and the
processor-seconds of everything it starts, Chromium's processes included.

    .venv/bin/python scripts/suite_time.py            # HEAD
    .venv/bin/python scripts/suite_time.py 0c3705a    # any commit

The processor-seconds come from a cgroup of the run's own (cgroup v1 `cpuacct.usage`, or
v2 `cpu.stat`), so other work on the machine is not counted; `time` would miss Chromium's
processes, and /proc/stat counts everything. Where no cgroup can be made (not root), only
the wall time is given. It prints the failed tests, pytest's summary line, the wall time of the whole run and
the processor-seconds, and exits with the run's status. Runs of one commit scatter by 5 to
10% on a shared machine: compare several."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CGROUP_V1 = Path("/sys/fs/cgroup/cpuacct")
CGROUP_V2 = Path("/sys/fs/cgroup")


def make_cgroup(name: str) -> tuple[Path, Callable[[], float]] | None:
    """A new cgroup and a function reading its processor-seconds, or None."""
    try:
        if (CGROUP_V1 / "cpuacct.usage").exists():
            group = CGROUP_V1 / name
            group.mkdir()
            return group, lambda: int((group / "cpuacct.usage").read_text()) / 1e9
        if (CGROUP_V2 / "cgroup.controllers").exists():
            group = CGROUP_V2 / name
            group.mkdir()

            def used() -> float:
                stat = dict(line.split() for line in (group / "cpu.stat").read_text().splitlines())
                return int(stat["usage_usec"]) / 1e6

            return group, used
    except OSError:
        return None
    return None


def main(commit: str = "HEAD") -> int:
    with tempfile.TemporaryDirectory(prefix="suite-time-") as folder:
        clone = Path(folder) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", commit], check=True)
        cgroup = make_cgroup(f"suite-time-{os.getpid()}")
        # The shell joins the cgroup before it starts the run, so every process of the run is in it.
        join = f"echo $$ > {cgroup[0] / 'cgroup.procs'}; " if cgroup else ""
        started = time.monotonic()
        run = subprocess.run(
            ["bash", "-c", join + "exec bash .ci/run"], cwd=clone, capture_output=True, text=True
        )  # fmt: skip
        wall = time.monotonic() - started
        lines = run.stdout.splitlines()
        summary = [line for line in lines if re.search(r"\b(passed|failed|error)", line)]
        print(*[line for line in lines if line.startswith(("FAILED", "ERROR"))], sep="\n")
        print(summary[-1] if summary else run.stdout[-2000:] + run.stderr[-2000:])
        print(f"commit {commit}: whole .ci/run {wall:.0f} s wall", end="")
        if cgroup:
            print(f", {cgroup[1]():.0f} processor-seconds")
            try:
                cgroup[0].rmdir()
            except OSError:  # a process of the run still lives: the empty group stays behind
                pass
        else:
            print(" (no cgroup could be made: processor-seconds not measured)")
        return run.returncode


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
