"""The calendar files read by Thunderbird's parser, ical.js (run by node; `npm ci` in
tests/parsers installs it), and the events pipeline at 5,000 sessions, from the data file to
every file written. The Python parsers' checks of the same files are unit tests
(tests/unit/test_events_ics.py, tests/unit/test_events_place_and_joining.py)."""

from __future__ import annotations

import json
import posixpath
import subprocess
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from macros.core import datafiles
from macros.events import calendar_links
from macros.events.models import load_events
from macros.events.pages import event_files
from macros.events.timezone import vtimezone
from tests.unit.test_events_ics import FIXTURE, SITE, expected_instants, write_calendars
from tests.unit.test_events_place_and_joining import LINK, LINKED_UID, link_calendars, linked_calendars

ROOT = Path(__file__).resolve().parents[2]
PARSERS = ROOT / "tests" / "parsers"

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def ical_js(paths: list[Path]) -> dict:
    if not (PARSERS / "node_modules" / "ical.js").exists():
        pytest.fail("ical.js is not installed: run `npm ci` in tests/parsers (make test does this)")
    result = subprocess.run(
        ["node", str(PARSERS / "parse_ics.mjs"), *map(str, paths)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_ical_js_agrees_with_zoneinfo(tmp_path):
    written = write_calendars(tmp_path)
    expected = expected_instants()
    parsed = ical_js(written)
    assert len(parsed) == len(written)
    for path, events in parsed.items():
        assert events, path
        for event in events:
            assert (event["start"], event["end"]) == expected[event["uid"]][:2], f"{path} {event['uid']}"
            assert event["status"] == expected[event["uid"]][2]
            assert event["zone"] in ("Europe/London",)


def test_ical_js_reads_the_joining_link_back_from_every_calendar_file(tmp_path):
    paths = []
    (tmp_path / "data").mkdir()
    for when, name, text in linked_calendars(link_calendars(tmp_path / "data")):
        path = tmp_path / when / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    for path, events in ical_js(paths).items():
        event = next(e for e in events if e["uid"] == LINKED_UID)
        expected = LINK if "/before/" in path else None
        assert (event["conference"], event["location"], event["sequence"]) == (expected, "Online", 0), path
        assert event["conferenceFeature"] == ("AUDIO,VIDEO" if expected else None), path


# ---------------------------------------------------------------------------
# Scale: the pipeline at 5,000 sessions (its speed is measured by make bench)
# ---------------------------------------------------------------------------


def many_sessions_yaml(count: int) -> str:
    """The fixture's first series with `count` daily sessions, as an editor would write it."""
    text = FIXTURE.read_text(encoding="utf-8")
    head = text[: text.index("    sessions:\n")]
    first = date(2026, 1, 1)
    sessions = "".join(f"      - date: {first + timedelta(days=i)}\n" for i in range(count))
    return head + "    sessions:\n" + sessions


def run_pipeline(path: Path, site: Path) -> tuple[float, dict[str, str]]:
    """Load and validate, render every session page and write every .ics, from cold caches.

    Returns the CPU time of this process, which other work sharing the machine does not add to.
    """
    datafiles.forget_validated()
    vtimezone.cache_clear()
    calendar_links._encode.cache_clear()
    started = time.process_time()
    events = load_events(path)
    files = event_files(events, datetime(2026, 6, 1, tzinfo=UTC), SITE, "Hub", "data/events.yaml")
    calendars = {name: text for name, text in files.items() if name.endswith(".ics")}
    for folder in {posixpath.dirname(name) for name in calendars}:
        (site / folder).mkdir(parents=True, exist_ok=True)
    for name, text in calendars.items():
        with open(site / name, "wb") as handle:
            handle.write(text.encode("utf-8"))
    return time.process_time() - started, files


def test_five_thousand_sessions_load_validate_render_and_write_every_file(tmp_path):
    """The whole pipeline at 5,000 sessions. How long it takes is measured by `make bench`
    (scripts, not tests, measure speed: a timed test fails on a busy machine)."""
    path = tmp_path / "events.yaml"
    path.write_text(many_sessions_yaml(5000), encoding="utf-8")
    _, files = run_pipeline(path, tmp_path / "site")
    assert len(load_events(path).series[0].sessions) == 5000
    assert len(files) == 5000 * 2 + 2  # a page and an .ics per session, a series feed, the hub feed
    assert len(list((tmp_path / "site").rglob("*.ics"))) == 5000 + 2
