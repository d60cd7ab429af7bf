"""When a session counts as under way or over, and a moved session's first time as
calendars and search engines read it (macros/events/occurrences.py)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from macros.events.occurrences import in_progress, is_past, occurrences
from macros.events.pages import json_ld

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import events_series_text, load_events_text  # noqa: E402

SITE = "https://hub.example.org/"


def first_session(tmp_path, extra_session: str = ""):
    text = events_series_text().replace("      - date: 2026-03-28\n", "      - date: 2026-03-28\n" + extra_session)
    return occurrences(load_events_text(tmp_path, text))[0]


def test_a_session_is_under_way_from_its_first_minute_until_it_ends(tmp_path):
    session = first_session(tmp_path)  # 28 March 2026, 12:30 to 13:00 (GMT)
    start = datetime(2026, 3, 28, 12, 30, tzinfo=UTC)
    end = datetime(2026, 3, 28, 13, 0, tzinfo=UTC)
    assert not in_progress(session, start - timedelta(seconds=1))
    assert in_progress(session, start)
    assert in_progress(session, end - timedelta(seconds=1))
    assert not in_progress(session, end)
    assert not is_past(session, end - timedelta(seconds=1))
    assert is_past(session, end)


def test_a_moved_session_s_first_time_keeps_its_uk_clock_time_and_offset(tmp_path):
    moved = (
        "        status: moved\n"
        "        moved_to:\n"
        "          date: 2026-04-02\n"
        "        reason: The room was double-booked.\n"
        "        changes:\n"
        "          - date: 2026-03-01\n"
        "            summary: Moved to 2 April.\n"
    )
    session = first_session(tmp_path, moved)
    assert session.original_start.isoformat() == "2026-03-28T12:30:00+00:00"
    assert json_ld(session, SITE)["previousStartDate"] == "2026-03-28T12:30:00+00:00"
    assert json_ld(session, SITE)["startDate"] == "2026-04-02T12:30:00+01:00"
