"""Run the benchmark: `make bench`, or `python -m benchmarks [--quick] [--only hub,serve]`.

Builds synthetic copies of the hub in a temporary folder, times them against plain
Material for MkDocs, times our pipelines alone and `mkdocs serve`, and writes
BENCHMARKS.md (between its result markers), benchmarks/results.json and
benchmarks/build-times.svg. `--quick` is a smoke run with tiny sizes that writes to a
temporary folder unless told where.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from tests.helpers import PROJECT_ROOT

from . import measure, pipelines, report
from .projects import Case, capture, make_ours, make_plain
from .synthetic import PAGES_PER_SECTION, synthetic_events_yaml

# In the order they run: the quick parts first, so an interrupted run has the most targets.
PARTS = ("hub", "pipelines", "serve", "imports", "sessions", "pages")
# The keys of results.json each part writes.
PART_KEYS = {
    "hub": ("hub",),
    "pipelines": ("events_pipeline", "job_description"),
    "serve": ("serve",),
    "imports": ("extra_imports",),
    "sessions": ("sessions",),
    "pages": ("pages",),
}

# (size, repeats[, "ours only"]): fewer repeats where one build takes tens of seconds, so
# the whole run stays near a quarter of an hour on 2 cores (one build of each at 5,000
# sessions, two at 1,000 pages, where single builds varied most from run to run). At 2,500
# sessions only our build is timed: it is there for the doubling target (2,500 to
# 5,000), and a plain twin would cost a capture build and another build.
FULL_PLAN = {
    "hub_repeats": 7,
    "pages": [(100, 3), (500, 2), (1000, 2)],
    "sessions": [(100, 3), (1000, 2), (2500, 1, "ours only"), (5000, 1)],
    "pipeline_sizes": [1000, 2500, 5000],
    "pipeline_repeats": 5,
    "jobdesc_repeats": (3, 5),
    "serve_edits": 5,
}
QUICK_PLAN = {
    "hub_repeats": 1,
    "pages": [(30, 1), (60, 1)],
    "sessions": [(50, 1), (80, 1, "ours only"), (100, 1)],
    "pipeline_sizes": [100],
    "pipeline_repeats": 1,
    "jobdesc_repeats": (1, 1),
    "serve_edits": 1,
}
SERVE_PAGE = ("roles/index.md", "roles/")
CACHE_DIR = ".cache"  # the content-keyed document cache, as the build keeps it


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repeat: checks the script runs")
    parser.add_argument("--only", help=f"comma-separated parts to run: {', '.join(PARTS)}")
    parser.add_argument("--output", type=Path, help="where results go (default: the repository)")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from results.json")
    args = parser.parse_args(argv)

    output = args.output or (Path(tempfile.mkdtemp(prefix="hub-bench-out-")) if args.quick else PROJECT_ROOT)
    paths = {
        "markdown": output / "BENCHMARKS.md",
        "json": output / "benchmarks" / "results.json",
        "plot": output / "benchmarks" / "build-times.svg",
    }
    if args.report_only:
        results = json.loads(paths["json"].read_text(encoding="utf-8"))
    else:
        parts = PARTS if not args.only else tuple(p.strip() for p in args.only.split(","))
        unknown = set(parts) - set(PARTS)
        if unknown:
            parser.error(f"unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
        command = (
            "make bench"
            if not argv and not sys.argv[1:]
            else "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
        )
        # With --only, the other parts' results are kept from the last run's results.json.
        previous = (
            json.loads(paths["json"].read_text(encoding="utf-8")) if args.only and paths["json"].exists() else None
        )

        def combined(new: dict) -> dict:
            return combine(previous, new, parts) if previous else new

        # The report is rewritten after each part, so an interrupted run still leaves results.
        plan = QUICK_PLAN if args.quick else FULL_PLAN
        results = combined(run(plan, parts, command, checkpoint=lambda partial: write(combined(partial), paths)))
    write(results, paths)
    print(f"\nWrote {paths['markdown']}, {paths['json']} and {paths['plot']}")
    for name, measured, ok in report.targets(results):
        print(f"  {'met   ' if ok else 'MISSED'}  {name}: {measured}")
    return 0


def combine(previous: dict, new: dict, parts: tuple[str, ...]) -> dict:
    """The last run's results with `parts` replaced by a new run's, saying which is which."""
    combined = {key: value for key, value in previous.items() if key != "remeasured"}
    for part in parts:
        for key in PART_KEYS[part]:
            if key in new:
                combined[key] = new[key]
    earlier = previous.get("remeasured", {}).get("earlier_date", previous.get("date"))
    combined["remeasured"] = {
        "parts": list(parts),
        "date": new.get("date"),
        "earlier_date": earlier,
        "load_note": new.get("load_note"),
    }
    return combined


def run(plan: dict, parts: tuple[str, ...], command: str, checkpoint=None) -> dict:
    started = time.perf_counter()
    load_before = os.getloadavg()
    results: dict = {"command": command, "machine": machine(), "plan": plan}

    def finish() -> dict:
        load_after = os.getloadavg()
        results["duration_minutes"] = (time.perf_counter() - started) / 60
        results["date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        results["load_note"] = (
            f"Load average (1 minute) {load_before[0]:.2f} at the start and {load_after[0]:.2f} at the"
            " end: above about 0.3, other work shared the two cores and the times are noisier (ours"
            " and plain builds are interleaved, so the ratios suffer less than the times)."
        )
        return results

    def done_part() -> None:
        if checkpoint is not None:
            checkpoint(finish())

    with tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch_name:
        scratch = Path(scratch_name)
        if "hub" in parts:
            say("The hub as it is")
            results["hub"] = run_case(Case("hub"), scratch, plan["hub_repeats"], cold_documents=True)
            done_part()
        if "pipelines" in parts:
            say("Our pipelines alone")
            results["events_pipeline"] = []
            for sessions in plan["pipeline_sizes"]:
                timing, (pages, calendars) = pipelines.time_events_pipeline(
                    synthetic_events_yaml(sessions), plan["pipeline_repeats"]
                )
                results["events_pipeline"].append(
                    {"sessions": sessions, "pages": pages, "calendars": calendars, "timing": timing.as_dict()}
                )
            cold, cached = plan["jobdesc_repeats"]
            results["job_description"] = {
                kind: timing.as_dict() for kind, timing in pipelines.time_job_description(cold, cached).items()
            }
            done_part()
        if "serve" in parts:
            say("mkdocs serve: from a saved edit to the page served")
            ours = make_ours(Case("serve"), scratch / "serve" / "ours")
            page, url = SERVE_PAGE
            results["serve"] = measure.serve_reload(ours, page, url, plan["serve_edits"]).as_dict()
            done_part()
        if "imports" in parts:
            say("What only our build imports")
            ours = make_ours(Case("imports"), scratch / "imports" / "ours")
            capture(ours, scratch / "imports" / "capture")
            plain = make_plain(ours, scratch / "imports" / "capture", scratch / "imports" / "plain")
            results["extra_imports"] = measure.extra_imports(
                measure.imported_modules(ours, scratch / "imports" / "site-ours"),
                measure.imported_modules(plain, scratch / "imports" / "site-plain"),
            )
            done_part()
        if "sessions" in parts:
            results["sessions"] = []
            for sessions, repeats, *only in plan["sessions"]:
                say(f"The hub + {sessions} sessions")
                case = Case(f"sessions-{sessions}", events_yaml=synthetic_events_yaml(sessions))
                row = run_case(case, scratch, repeats, count_session_links=True, with_plain=not only)
                results["sessions"].append({"sessions": sessions, "session_pages": sessions, **row})
                done_part()
        if "pages" in parts:
            results["pages"] = []
            for pages, repeats in plan["pages"]:
                say(f"The hub + {pages} pages")
                row = run_case(Case(f"pages-{pages}", pages=pages), scratch, repeats)
                results["pages"].append({"pages": pages, "per_section": PAGES_PER_SECTION, **row})
                done_part()
    return finish()


def run_case(
    case: Case,
    scratch: Path,
    repeats: int,
    cold_documents: bool = False,
    count_session_links: bool = False,
    with_plain: bool = True,
) -> dict:
    folder = scratch / case.name
    ours = make_ours(case, folder / "ours")
    # The capture build also warms what a second build finds: bytecode, the caches.
    capture(ours, folder / "capture")
    projects = {"ours": ours}
    if with_plain:
        projects["plain"] = make_plain(ours, folder / "capture", folder / "plain")
    before_each = {}
    if cold_documents:
        # Cold first, so the warm build after it finds the documents it cached.
        projects = {"ours_cold": ours, **projects}
        before_each["ours_cold"] = lambda: shutil.rmtree(ours / CACHE_DIR, ignore_errors=True)
    timings = measure.compare_builds(projects, folder, repeats, before_each)
    row = {name: timing.as_dict() for name, timing in timings.items()}
    row["pages_built"] = sum(1 for _ in (folder / "capture" / "pages").rglob("*.md"))
    if case.name == "hub":
        row["pages"] = row["pages_built"]
    if count_session_links:
        row["session_links_in_nav"] = session_links_in_nav(folder / "site-ours" / "index.html")
    shutil.rmtree(folder, ignore_errors=True)
    return row


def session_links_in_nav(home_page: Path) -> int:
    """Links to session pages among the home page's navigation links."""
    html = home_page.read_text(encoding="utf-8")
    links = re.findall(r'<a\b[^>]*class="md-nav__link[^"]*"[^>]*>', html)
    return sum(1 for link in links if re.search(r'href="[^"]*events/[^"/]+/\d{4}-\d{2}-\d{2}/?"', link))


def machine() -> dict:
    cpu = measure.cpu_model()
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    system = (
        platform.freedesktop_os_release().get("PRETTY_NAME", platform.system())
        if hasattr(platform, "freedesktop_os_release")
        else platform.system()
    )
    return {
        "description": f"{os.cpu_count()} cores ({cpu}){memory}, {system}",
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "macros": metadata.version("mkdocs-macros-plugin"),
    }


def write(results: dict, paths: dict[str, Path]) -> None:
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    paths["json"].write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    paths["plot"].write_text(report.plot_svg(results), encoding="utf-8")
    plot_link = os.path.relpath(paths["plot"], paths["markdown"].parent)
    existing = paths["markdown"].read_text(encoding="utf-8") if paths["markdown"].exists() else ("# Build benchmarks\n")
    paths["markdown"].write_text(
        report.replace_results(existing, report.results_markdown(results, plot_link)), encoding="utf-8"
    )


def say(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
