"""Drop-in sessions, second pass, as pure functions: the words pages use about a series
(rhythm, place, length, time of day), notes that belong to the sessions they name, a
session's own source, its "What changed" list, and the calendar id behind every UID."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from macros.core.datafiles import DataFileError
from macros.events.calendar_id import DEFAULT_CALENDAR_ID, calendar_id
from macros.events.facts import (
    UnknownSeries,
    all_series_facts,
    facts_for,
    length_text,
    rhythm_of_dates,
    series_facts,
    time_of_day,
)
from macros.events.ics import calendar_files, uid
from macros.events.models import load_events
from macros.events.occurrences import occurrences
from macros.events.pages import event_files
from tests.helpers import EVENTS_ONLINE as ONLINE
from tests.helpers import EVENTS_VENUE as VENUE
from tests.helpers import events_problem, load_events_text
from tests.helpers import events_series_text as series_text

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)  # the build's "today": joining links follow it
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
HUB_DATA = ROOT / "data" / "events.yaml"

load_text, problem = load_events_text, events_problem


# ---------------------------------------------------------------------------
# Words about a series
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([date(2023, 9, 21), date(2023, 10, 19), date(2023, 11, 16), date(2023, 12, 13)], "monthly"),
        ([date(2026, 12, 10), date(2027, 1, 14), date(2027, 2, 11)], "monthly"),  # across a new year
        ([date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)], "weekly"),
        ([date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 30)], "fortnightly"),
        ([date(2023, 9, 21), date(2023, 10, 19), date(2027, 1, 21)], ""),  # a gap of years: no rhythm
        ([date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)], ""),
        ([date(2023, 9, 21), date(2023, 10, 19)], ""),  # two sessions are too few to call it monthly
    ],
)
def test_the_rhythm_is_worked_out_from_the_dates(days, expected):
    assert rhythm_of_dates(days) == expected


@pytest.mark.parametrize(
    ("start", "end", "length", "when"),
    [
        (time(12, 30), time(13, 0), "30 minutes", "at lunchtime"),
        (time(18, 0), time(19, 30), "1 hour 30 minutes", "in the evening"),
        (time(9, 0), time(10, 0), "1 hour", "in the morning"),
        (time(14, 0), time(16, 0), "2 hours", "in the afternoon"),
    ],
)
def test_length_and_time_of_day(start, end, length, when):
    assert (length_text(start, end), time_of_day(start, end)) == (length, when)


def test_the_hubs_series_is_a_monthly_lunchtime_drop_in_whose_place_the_source_does_not_give():
    facts = facts_for(load_events(HUB_DATA), "rcot-drop-in")
    assert (facts.kind, facts.a_kind) == ("monthly", "a monthly")
    assert facts.capitalised_kind == "Monthly"
    assert facts.where_sentence == "The source does not say whether sessions are online or in person."
    assert facts.length_sentence == "Each session lasts 30 minutes at lunchtime, from 12:30 to 13:00 UK time."


def test_a_series_with_no_rhythm_or_place_to_state_is_just_a_drop_in(tmp_path):
    note = "    location_note: Not known.\n"
    series = load_text(tmp_path, series_text(extra="    rhythm: irregular\n").replace(ONLINE + "\n", note)).series[0]
    facts = series_facts(series)
    assert (facts.kind, facts.a_kind, facts.where_sentence) == ("", "a", "Not known.")


def test_an_evening_series_in_person_says_so(tmp_path):
    series = load_text(tmp_path, series_text("18:00", "19:30", VENUE)).series[0]
    facts = series_facts(series)
    assert (facts.kind, facts.a_kind) == ("monthly in-person", "a monthly in-person")
    assert facts.length_sentence == "Each session lasts 1 hour 30 minutes in the evening, from 18:00 to 19:30 UK time."
    assert facts.where_sentence == "Sessions are in person at Hub House, 1 High Street, Gloucester."


def test_an_explicit_rhythm_wins_and_irregular_says_nothing(tmp_path):
    weekly = load_text(tmp_path, series_text(extra="    rhythm: weekly\n")).series[0]
    assert series_facts(weekly).kind == "weekly online"
    irregular = load_text(tmp_path, series_text(extra="    rhythm: irregular\n")).series[0]
    assert (series_facts(irregular).kind, series_facts(irregular).a_kind) == ("online", "an online")
    message = problem(tmp_path, series_text(extra="    rhythm: every month\n"))
    assert "field 'rhythm': write one of 'weekly', 'fortnightly', 'monthly' or 'irregular'" in message


def test_facts_about_every_series_leave_out_what_they_do_not_share():
    facts = all_series_facts(load_events(FIXTURE))  # online at lunchtime, and in person in the evening
    assert facts.place == "online and in person" and facts.kind == "online and in-person"
    assert facts.capitalised_kind == "Online and in-person"
    assert (facts.length, facts.time_of_day, facts.length_sentence) == ("", "", "")


def test_asking_for_a_series_that_is_not_there_names_the_ids():
    with pytest.raises(UnknownSeries, match=r"'rcot-drop-ins'.*\(rcot-drop-in, cymraeg-gaidhlig\)"):
        facts_for(load_events(FIXTURE), "rcot-drop-ins")


# ---------------------------------------------------------------------------
# Notes belong to the sessions they name; a session can have its own source
# ---------------------------------------------------------------------------


def test_notes_show_only_on_the_sessions_they_name():
    series = load_events(FIXTURE).series[0]
    by_date = {s.date.isoformat(): series.notes_for(s) for s in series.sessions}
    assert by_date["2026-03-28"] == by_date["2026-03-29"] == ["Fixture dates, taken to be in 2026."]
    assert by_date["2026-12-10"] == ["This session is the last one this year."]
    assert by_date["2026-11-21"] == [] and by_date["2026-03-30"] == []


def test_year_note_stops_the_build_saying_where_the_note_goes_now(tmp_path):
    message = problem(tmp_path, series_text(extra="    year_note: We have taken these to be in 2023.\n"))
    assert re.search(r"data/events\.yaml:2: series 1 \(id 'evening-drop-in'\)", message), message
    assert "field 'year_note': notes about dates now go with the sessions they are about" in message
    assert "'note:' under each session" in message and "'notes:'" in message


def test_a_note_naming_a_date_that_is_not_a_session_says_which_dates_are(tmp_path):
    extra = "    notes:\n      - sessions: [2026-03-28, 2026-03-29]\n        text: About the dates.\n"
    message = problem(tmp_path, series_text(extra=extra))
    assert "note 1 names 2026-03-29, which is not the date of a session in this series" in message
    assert "(this series has: 2026-03-28, 2026-04-25, 2026-05-23)" in message


def test_the_session_page_names_its_own_source_where_it_has_one():
    files = event_files(
        load_events(FIXTURE), datetime(2026, 6, 1, tzinfo=UTC), "https://hub.example.org/", "Hub", "data/events.yaml"
    )
    own = files["events/rcot-drop-in/2026-12-10.md"].split("---", 2)[1]
    assert (
        '"title": "Newer fixture announcement"' in own and '"url": "https://announcements.example.org/december"' in own
    )
    assert "Fixture source" not in own
    assert '"title": "Fixture source"' in files["events/rcot-drop-in/2026-11-21.md"].split("---", 2)[1]


def test_what_changed_lists_the_changes_newest_first_with_their_dates():
    files = event_files(
        load_events(FIXTURE), datetime(2026, 6, 1, tzinfo=UTC), "https://hub.example.org/", "Hub", "data/events.yaml"
    )
    moved = files["events/rcot-drop-in/2026-10-26.md"]
    changes = re.findall(r'<li><time datetime="([\d-]+)">([^<]+)</time>: ([^<]+)</li>', moved)
    assert changes == [
        ("2026-10-02", "2 October 2026", "New time 13:00."),
        ("2026-10-01", "1 October 2026", "Moved to 2 November."),
    ]
    assert '<h2 id="what-changed">What changed</h2>' in moved
    assert "What changed" not in files["events/rcot-drop-in/2026-11-21.md"]  # no changes, no list


# ---------------------------------------------------------------------------
# The calendar id
# ---------------------------------------------------------------------------


def test_the_calendar_id_is_set_in_extra_hub_with_a_default_that_is_not_a_host_name():
    assert calendar_id({}) == DEFAULT_CALENDAR_ID == "ot-primary-care-hub.gloucestershire"
    assert calendar_id({"calendar_id": "other-hub.wales", "site_url": "https://x.example/"}) == "other-hub.wales"
    with pytest.raises(
        DataFileError, match=r"mkdocs\.yml: extra: hub:, field 'calendar_id': 'OT Hub!' cannot be a calendar id"
    ):
        calendar_id({"calendar_id": "OT Hub!"})


def test_uids_use_the_calendar_id_and_not_the_site_address():
    sessions = occurrences(load_events(FIXTURE))
    first = calendar_files(sessions, "https://hub.example.org/", "Hub", "hub.fixture", now=NOW)
    moved = calendar_files(sessions, "https://elsewhere.example.net/new/", "Hub", "hub.fixture", now=NOW)
    assert (
        uid(sessions[0], "hub.fixture") == f"{sessions[0].series.id}-{sessions[0].session.date.isoformat()}@hub.fixture"
    )
    for name in first:
        uids = lambda text: [line for line in text.split("\r\n") if line.startswith(("UID:", "SEQUENCE:", "DTSTAMP:"))]  # noqa: E731
        assert uids(first[name]) == uids(moved[name]) and uids(first[name]), name
        assert "example" not in "".join(line for line in uids(first[name]) if line.startswith("UID:"))
