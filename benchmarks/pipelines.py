"""Our own pipelines timed alone, in this process: the drop-in sessions (load, validate,
render the session pages, write every .ics) and the job description's documents.

These call the hub's own functions (macros/), exactly as the build does.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tests.helpers import PROJECT_ROOT

from .measure import Timing, time_call
from .projects import BUILD_EPOCH

if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

SITE_URL = "https://hub.example.org/"
HUB_NAME = "Benchmark hub"
NOW = datetime.fromtimestamp(BUILD_EPOCH, tz=UTC)


def events_pipeline(events_path: Path, output_dir: Path) -> tuple[int, int]:
    """What the build does for the sessions before MkDocs takes over: load and validate the
    YAML, render every session page's source and every calendar, and write the .ics files
    (MkDocs renders the session pages from memory). Returns (pages rendered, .ics written)."""
    from macros.core import validated_cache
    from macros.events import models as events
    from macros.events import pages as event_pages

    validated_cache.forget_validated()  # the build's content-keyed cache: time a first load, not a cache hit
    data = events.load_events(events_path, "data/events.yaml")
    files = event_pages.event_files(data, NOW, SITE_URL, HUB_NAME, "data/events.yaml")
    folders: set[Path] = set()
    written = 0
    for name, content in files.items():
        if not name.endswith(".ics"):
            continue
        target = output_dir / name
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(content.encode("utf-8"))
        written += 1
    return len(files) - written, written


def time_events_pipeline(events_yaml: str, repeats: int) -> tuple[Timing, tuple[int, int]]:
    with tempfile.TemporaryDirectory(prefix="bench-events-") as scratch:
        path = Path(scratch) / "events.yaml"
        path.write_text(events_yaml, encoding="utf-8")
        written = (0, 0)
        runs = 0

        def run() -> None:
            # Each run writes into a new folder, as a build writes a fresh site; the folders
            # are deleted at the end, untimed.
            nonlocal written, runs
            runs += 1
            written = events_pipeline(path, Path(scratch) / f"site-{runs}")

        return time_call(run, repeats), written


def time_job_description(repeats_cold: int, repeats_cached: int) -> dict[str, Timing]:
    """The .docx and .pdf: rendered afresh (cold), and read from the content-keyed cache."""
    from macros.jobdesc import documents
    from macros.jobdesc.models import load_job_description

    path = PROJECT_ROOT / "data" / documents.DATA_FILE
    hub = {"name": HUB_NAME, "organisation": HUB_NAME}
    data = path.read_bytes()

    def load():
        return load_job_description(path, "data/" + documents.DATA_FILE)

    with tempfile.TemporaryDirectory(prefix="bench-jobdesc-") as scratch:
        cache = Path(scratch) / "cache"

        def empty_cache() -> None:
            documents._MEMORY.clear()
            shutil.rmtree(cache, ignore_errors=True)

        def cold() -> None:
            documents.cached_documents(load(), data, hub, NOW, cache)

        def cached() -> None:
            documents._MEMORY.clear()  # the on-disk cache, as a new build process sees it
            documents.cached_documents(load(), data, hub, NOW, cache)

        results = {"cold": time_call(cold, repeats_cold, setup=empty_cache)}
        results["cached"] = time_call(cached, repeats_cached)
    return results
