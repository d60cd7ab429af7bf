"""Time things: a build in its own process (wall time and peak memory), `mkdocs serve`'s
reload after a page edit, and a function in this process."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import stop_process

from .projects import build_env


@dataclass
class Timing:
    """Repeated measurements of one thing: seconds, and peak memory in MiB where known."""

    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # user + system time of the process

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float | None:
        return max(self.peak_mib) if self.peak_mib else None

    @property
    def repeats(self) -> int:
        return len(self.seconds)

    def as_dict(self) -> dict:
        return {"seconds": self.seconds, "peak_mib": self.peak_mib, "cpu_seconds": self.cpu_seconds}


class BuildFailed(RuntimeError):
    pass


# Runs `mkdocs` and, as it exits, writes its peak resident memory (VmHWM, which starts
# afresh at exec) to a file. wait4's ru_maxrss would not do: Linux carries it across exec,
# so a child counts the benchmark's own memory at the moment it was started.
_PEAK_MEMORY_WRAPPER = """
import atexit, runpy, sys
out = sys.argv[1]
sys.argv = ["mkdocs", *sys.argv[2:]]
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                with open(out, "w") as report:
                    report.write(line.split()[1])
atexit.register(_peak)
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def build_arguments(root: Path, site_dir: Path) -> list[str]:
    """MkDocs' arguments for one quiet strict build of `root` into `site_dir`."""
    return ["build", "--strict", "--clean", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)]


def timed_build(root: Path, site_dir: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """One strict, clean build of `root` in a child process: (wall seconds, peak RSS in MiB,
    CPU seconds). CPU time is what the build itself cost, whatever else the machine was doing."""
    peak_file = site_dir.parent / f"{site_dir.name}.peak"
    peak_file.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-c",
        _PEAK_MEMORY_WRAPPER,
        str(peak_file),
        *build_arguments(root, site_dir),
    ]
    log = site_dir.parent / f"{site_dir.name}.log"
    with open(log, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=root, env=env or build_env(), stdout=output, stderr=subprocess.STDOUT)
        # wait4 gives this child's own resource usage (getrusage(RUSAGE_CHILDREN) would
        # give the maximum over every child so far).
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BuildFailed(f"the build of {root} failed:\n{log.read_text(errors='replace')}")
    peak_kib = int(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss  # both KiB
    return elapsed, peak_kib / 1024, usage.ru_utime + usage.ru_stime


def compare_builds(
    projects: dict[str, Path],
    scratch: Path,
    repeats: int,
    before_each: dict[str, Callable[[], None]] | None = None,
) -> dict[str, Timing]:
    """Build each project `repeats` times, interleaved (a, b, a, b...) so drift hits all alike."""
    timings = {name: Timing() for name in projects}
    for _ in range(repeats):
        for name, root in projects.items():
            if before_each and name in before_each:
                before_each[name]()
            seconds, peak, cpu = timed_build(root, scratch / f"site-{name}")
            timings[name].seconds.append(seconds)
            timings[name].peak_mib.append(peak)
            timings[name].cpu_seconds.append(cpu)
    return timings  # the last sites stay in `scratch` for the caller to inspect


def time_call(function: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None) -> Timing:
    """Wall and CPU time (this process's, so other work on the machine barely counts);
    `setup` runs untimed before each call."""
    timing = Timing()
    for _ in range(repeats):
        if setup is not None:
            setup()
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        timing.seconds.append(time.perf_counter() - started)
        timing.cpu_seconds.append(time.process_time() - started_cpu)
    return timing


# --- mkdocs serve ---


def cpu_model(unknown: str = "unknown CPU") -> str:
    """The processor's name from /proc/cpuinfo (Linux), or `unknown`."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return unknown


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def serve_reload(root: Path, page: str, url_path: str, edits: int, timeout: float = 60.0) -> Timing:
    """Start `mkdocs serve` on `root`, then `edits` times: append a marker to docs/`page` and
    time from the saved file to the served page containing it (polled every 20 ms)."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "-f",
        str(root / "mkdocs.yml"),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    log = root.parent / "serve.log"
    url = f"http://127.0.0.1:{port}/{url_path.lstrip('/')}"
    timing = Timing()
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=root, env=build_env(), stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_for(lambda: _get(url) is not None, timeout, process, log, "the first serve")
            source = root / "docs" / page
            original = source.read_text(encoding="utf-8")
            for number in range(edits):
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                marker = f"Benchmark edit {number} {time.time_ns()}"
                source.write_text(f"{original}\n\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                _wait_for(lambda m=marker: m in (_get(url) or ""), timeout, process, log, f"edit {number} to appear")
                timing.seconds.append(time.perf_counter() - saved)
            source.write_text(original, encoding="utf-8")
        finally:
            stop_process(process)
    return timing


def _wait_for(condition: Callable[[], bool], timeout: float, process, log: Path, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if condition():
            return
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped while waiting for {what}:\n{log.read_text()}")
        time.sleep(0.02)
    raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}:\n{log.read_text()}")


# --- what our build imports that plain Material does not ---


def imported_modules(root: Path, site_dir: Path, runs: int = 3) -> dict[str, float]:
    """Each module a build imports, with its own import time in seconds (python -X importtime):
    the least over `runs` builds, which is the least disturbed by other work."""
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "mkdocs",
        *build_arguments(root, site_dir),
    ]
    best: dict[str, float] = {}
    for _ in range(runs):
        result = subprocess.run(command, cwd=root, env=build_env(), capture_output=True, text=True, timeout=1800)
        if result.returncode != 0:
            raise BuildFailed(f"the build of {root} failed:\n{result.stdout}{result.stderr}")
        for name, seconds in parse_importtime(result.stderr).items():
            best[name] = min(seconds, best.get(name, seconds))
    return best


def parse_importtime(text: str) -> dict[str, float]:
    """`import time:  self | cumulative | name` lines (microseconds) to {name: self seconds}."""
    modules: dict[str, float] = {}
    for line in text.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue  # the header line
        modules[parts[2].strip()] = int(parts[0]) / 1e6
    return modules


def extra_imports(ours: dict[str, float], plain: dict[str, float]) -> dict[str, float]:
    """Import time of the modules only our build loads, summed by top-level package."""
    groups: dict[str, float] = {}
    for name, seconds in ours.items():
        if name not in plain:
            top = name.split(".")[0]
            groups[top] = groups.get(top, 0.0) + seconds
    return dict(sorted(groups.items(), key=lambda item: -item[1]))
