"""What a subscriber's calendar holds, read back with icalendar, for the cases the shipped
fixture does not cover (macros/events/ics.py): stamps in UTC whatever the machine's clock,
a time zone other than the UK's, a session moved without a reason, an organiser with no
email address, a session changed after it was added."""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from macros.events.ics import _stamp, calendar_files, year_range
from macros.events.occurrences import occurrences

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import events_series_text, load_events_text  # noqa: E402

SITE = "https://hub.example.org/"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def calendars(tmp_path, text: str) -> dict[str, icalendar.Calendar]:
    sessions = occurrences(load_events_text(tmp_path, text))
    files = calendar_files(sessions, SITE, "Test hub", "test.hub", now=NOW)
    return {path: icalendar.Calendar.from_ical(content) for path, content in files.items()}


def first_event(calendar: icalendar.Calendar) -> icalendar.Event:
    return next(iter(calendar.walk("VEVENT")))


@pytest.fixture
def new_york_clock():
    """The machine's own clock set to New York: the calendars must not follow it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_stamps_are_written_in_utc_whatever_the_machine_s_time_zone(new_york_clock):
    assert _stamp(datetime(2026, 7, 1, 9, 0, tzinfo=UTC)).to_ical() == b"20260701T090000Z"


def test_the_time_zone_covers_the_year_before_the_first_session_to_the_year_after_the_last(tmp_path):
    text = events_series_text().replace("      - date: 2026-05-23\n", "      - date: 2028-05-23\n")
    assert year_range(occurrences(load_events_text(tmp_path, text))) == (2025, 2029)


def test_a_series_in_another_time_zone_names_it_for_the_whole_feed(tmp_path):
    text = events_series_text().replace("    online: true\n", "    online: true\n    time_zone: Europe/Paris\n")
    feeds = calendars(tmp_path, text)
    feed = feeds["events/feeds/all.ics"]
    assert str(feed["X-WR-TIMEZONE"]) == "Europe/Paris"
    assert [str(zone["TZID"]) for zone in feed.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert first_event(feed)["DTSTART"].params["TZID"] == "Europe/Paris"


def test_a_session_moved_without_a_reason_says_only_where_it_moved(tmp_path):
    moved = (
        "      - date: 2026-03-28\n        status: moved\n        moved_to:\n          date: 2026-04-02\n"
        "        changes:\n          - date: 2026-03-01\n            summary: Moved to 2 April.\n"
    )
    text = events_series_text().replace("      - date: 2026-03-28\n", moved)
    event = first_event(calendars(tmp_path, text)["events/feeds/all.ics"])
    first_paragraph = str(event["DESCRIPTION"]).split("\n\n")[0]
    assert (
        first_paragraph
        == "MOVED from Saturday 28 March 2026 at 12:30 to Thursday 2 April 2026, 12:30 to 13:00 UK time (BST)."
    )
    assert str(event["SUMMARY"]) == "Evening drop-in"


def test_an_organiser_without_an_email_address_is_left_out(tmp_path):
    event = first_event(calendars(tmp_path, events_series_text())["events/feeds/all.ics"])
    assert "ORGANIZER" not in event
    with_email = events_series_text().replace("      name: Hub\n", "      name: Hub\n      email: hub@nhs.net\n")
    event = first_event(calendars(tmp_path, with_email)["events/feeds/all.ics"])
    assert str(event["ORGANIZER"]) == "mailto:hub@nhs.net"
    assert event["ORGANIZER"].params["CN"] == "Hub"


def test_a_session_changed_after_it_was_added_keeps_its_creation_date(tmp_path):
    changed = (
        "      - date: 2026-03-28\n        changes:\n          - date: 2026-02-10\n            summary: New time.\n"
    )
    text = events_series_text().replace("      - date: 2026-03-28\n", changed)
    event = first_event(calendars(tmp_path, text)["events/feeds/all.ics"])
    assert event["CREATED"].to_ical() == b"20260105T000000Z"
    assert event["LAST-MODIFIED"].to_ical() == event["DTSTAMP"].to_ical() == b"20260210T000000Z"
    assert event["SEQUENCE"] == 1


def test_every_calendar_says_what_it_is_and_stays_public_and_busy(tmp_path):
    for path, calendar in calendars(tmp_path, events_series_text()).items():
        assert calendar["VERSION"] == "2.0" and calendar["CALSCALE"] == "GREGORIAN", path
        assert calendar["METHOD"] == "PUBLISH" and calendar["PRODID"] == "-//Test hub//Drop-in sessions//EN", path
        assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION", path
        assert str(calendar["X-PUBLISHED-TTL"]) == "PT12H", path
        for event in calendar.walk("VEVENT"):
            assert (str(event["TRANSP"]), str(event["CLASS"])) == ("OPAQUE", "PUBLIC"), path
            assert event["URL"].params["VALUE"] == "URI", path


def test_with_series_in_two_zones_the_all_sessions_feed_keeps_uk_time_as_its_own(tmp_path):
    london = events_series_text()
    new_york = (
        events_series_text()
        .replace("series:\n", "")
        .replace("id: evening-drop-in", "id: new-york-drop-in")
        .replace("    online: true\n", "    online: true\n    time_zone: America/New_York\n")
    )
    feed = calendars(tmp_path, london + new_york)["events/feeds/all.ics"]
    assert str(feed["X-WR-TIMEZONE"]) == "Europe/London"
    assert sorted(str(zone["TZID"]) for zone in feed.walk("VTIMEZONE")) == ["America/New_York", "Europe/London"]
