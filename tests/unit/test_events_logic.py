"""Drop-in session logic: UTC instants across the clock changes, the upcoming/past split,
the words on the pages, calendar links, session pages and JSON-LD."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest

from macros.core.dates import long_date_with_weekday as long_date
from macros.core.urls import relative_url
from macros.events.calendar_links import (
    google_event_link,
    outlook_event_links,
    outlook_subscribe_links,
)
from macros.events.models import load_events
from macros.events.occurrences import next_session, occurrences, split_upcoming_past
from macros.events.pages import json_ld, next_drop_in_panel, session_page, upcoming_list
from macros.events.wording import time_range

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "events.yaml"
SITE = "https://hub.example.org/"


@pytest.fixture(scope="module")
def sessions():
    return {o.key: o for o in occurrences(load_events(FIXTURE))}


@pytest.mark.parametrize(
    ("key", "start_utc", "end_utc", "label"),
    [
        ("rcot-drop-in/2026-03-28", "2026-03-28T12:30:00+00:00", "2026-03-28T13:00:00+00:00", "GMT"),
        ("rcot-drop-in/2026-03-29", "2026-03-29T11:30:00+00:00", "2026-03-29T12:00:00+00:00", "BST"),
        ("rcot-drop-in/2026-03-30", "2026-03-30T11:30:00+00:00", "2026-03-30T12:00:00+00:00", "BST"),
        ("rcot-drop-in/2026-10-24", "2026-10-24T11:30:00+00:00", "2026-10-24T12:00:00+00:00", "BST"),
        ("rcot-drop-in/2026-10-25", "2026-10-25T09:00:00+00:00", "2026-10-25T10:00:00+00:00", "GMT"),
        ("rcot-drop-in/2026-10-26", "2026-11-02T13:00:00+00:00", "2026-11-02T13:30:00+00:00", "GMT"),
        ("cymraeg-gaidhlig/2026-07-15", "2026-07-15T17:00:00+00:00", "2026-07-15T18:30:00+00:00", "BST"),
    ],
)
def test_utc_instants_on_both_sides_of_the_clock_changes(sessions, key, start_utc, end_utc, label):
    o = sessions[key]
    assert o.start_utc.isoformat() == start_utc
    assert o.end_utc.isoformat() == end_utc
    assert f"UK time ({label})" in time_range(o.start, o.end)
    # The same instants as Python's zoneinfo gives from the wall-clock time.
    assert o.start == o.start_utc.astimezone(ZoneInfo("Europe/London"))


def test_a_moved_session_keeps_its_original_instant_for_its_history(sessions):
    moved = sessions["rcot-drop-in/2026-10-26"]  # the Monday after the clocks go back: 12:30 GMT
    assert moved.original_start.astimezone(UTC).isoformat() == "2026-10-26T12:30:00+00:00"


def test_dates_carry_weekday_and_year_and_times_say_uk_time(sessions):
    o = sessions["rcot-drop-in/2026-03-29"]
    assert long_date(o.start) == "Sunday 29 March 2026"
    assert time_range(o.start, o.end) == "12:30 to 13:00 UK time (BST)"


def test_upcoming_soonest_first_and_past_newest_first(sessions):
    now = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
    upcoming, past = split_upcoming_past(list(sessions.values()), now)
    assert [o.key for o in upcoming] == [
        "rcot-drop-in/2026-10-26",
        "rcot-drop-in/2026-11-21",
        "rcot-drop-in/2026-12-10",
        "cymraeg-gaidhlig/2027-01-20",
    ]
    assert [o.key for o in past][:2] == ["rcot-drop-in/2026-10-25", "rcot-drop-in/2026-10-24"]
    assert len(upcoming) + len(past) == len(sessions)


def test_a_session_later_today_is_upcoming_and_one_that_has_ended_is_past(sessions):
    o = sessions["rcot-drop-in/2026-11-21"]  # 15:00 to 15:30 GMT
    all_sessions = list(sessions.values())
    for now, upcoming in [
        (datetime(2026, 11, 21, 0, 0, tzinfo=UTC), True),
        (datetime(2026, 11, 21, 14, 59, tzinfo=UTC), True),
        (datetime(2026, 11, 21, 15, 10, tzinfo=UTC), True),  # under way: still worth showing
        (datetime(2026, 11, 21, 15, 30, tzinfo=UTC), False),
        (datetime(2026, 11, 21, 23, 0, tzinfo=UTC), False),
    ]:
        coming, gone = split_upcoming_past(all_sessions, now)
        assert (o in coming) is upcoming and (o in gone) is not upcoming, now


def test_the_next_session_skips_cancelled_ones(sessions):
    now = datetime(2026, 3, 29, 13, 0, tzinfo=UTC)  # after the 29th, before the cancelled 30th
    assert next_session(list(sessions.values()), now).key == "cymraeg-gaidhlig/2026-07-15"
    assert next_session(list(sessions.values()), datetime(2030, 1, 1, tzinfo=UTC)) is None


def test_google_and_outlook_links_carry_utc_instants(sessions):
    o = sessions["rcot-drop-in/2026-03-29"]
    google = parse_qs(urlparse(google_event_link("T", o.start, o.end, "D", "Online")).query)
    assert google["dates"] == ["20260329T113000Z/20260329T120000Z"]
    assert google["action"] == ["TEMPLATE"]
    hosts = set()
    for link in outlook_event_links("T", o.start, o.end, "D", "Online"):
        parsed = urlparse(link.url)
        hosts.add(parsed.netloc)
        query = parse_qs(parsed.query)
        assert query["startdt"] == ["2026-03-29T11:30:00Z"] and query["enddt"] == ["2026-03-29T12:00:00Z"]
        assert query["rru"] == ["addevent"]
        assert query["body"] == ["D"]
    assert hosts == {"outlook.office.com", "outlook.live.com"}


def test_subscribe_links_carry_the_feed_address():
    feed = "https://hub.example.org/events/feeds/all.ics"
    for link in outlook_subscribe_links(feed, "All sessions"):
        query = parse_qs(urlparse(link.url).query)
        assert query["url"] == [feed] and query["name"] == ["All sessions"]
        assert urlparse(link.url).path == "/calendar/0/addfromweb"


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("events/", "events/rcot-drop-in/2026-03-29/", "rcot-drop-in/2026-03-29/"),
        ("", "events/rcot-drop-in/2026-03-29/", "events/rcot-drop-in/2026-03-29/"),
        ("events/rcot-drop-in/2026-03-29/", "events/rcot-drop-in/2026-03-29.ics", "../2026-03-29.ics"),
        ("events/rcot-drop-in/2026-03-29/", "events/#subscribe", "../../#subscribe"),
    ],
)
def test_relative_urls(page, target, expected):
    assert relative_url(page, target) == expected


def test_json_ld_for_each_status(sessions):
    scheduled = json_ld(sessions["rcot-drop-in/2026-03-29"], SITE)
    assert scheduled["startDate"] == "2026-03-29T12:30:00+01:00" and scheduled["endDate"] == "2026-03-29T13:00:00+01:00"
    assert scheduled["eventStatus"] == "https://schema.org/EventScheduled"
    assert scheduled["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert scheduled["location"]["@type"] == "VirtualLocation"
    assert scheduled["organizer"] == {
        "@type": "Organization",
        "name": "Royal College of Occupational Therapists",
        "url": "https://www.rcot.co.uk/",
    }
    assert json_ld(sessions["rcot-drop-in/2026-03-30"], SITE)["eventStatus"] == "https://schema.org/EventCancelled"
    moved = json_ld(sessions["rcot-drop-in/2026-10-26"], SITE)
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"] == "2026-10-26T12:30:00+00:00"
    in_person = json_ld(sessions["cymraeg-gaidhlig/2026-07-15"], SITE)
    assert in_person["location"]["@type"] == "Place"
    assert in_person["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_a_session_page_has_front_matter_actions_and_parseable_json_ld(sessions):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    page = session_page(sessions["rcot-drop-in/2026-03-29"], now, SITE)
    assert page.startswith('---\ntitle: "OT drop-in for GP practices: Sunday 29 March 2026"\n')
    assert 'href="../2026-03-29.ics" download' in page
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert json.loads(script)["startDate"] == "2026-03-29T12:30:00+01:00"
    cancelled = session_page(sessions["rcot-drop-in/2026-03-30"], now, SITE)
    assert "This session is cancelled" in cancelled and "<del>Monday 30 March 2026</del>" in cancelled
    assert ".ics" not in cancelled.split("<script")[0].replace("feeds/", "")
    past = session_page(sessions["rcot-drop-in/2026-03-29"], now + timedelta(days=365), SITE)
    assert "This session has taken place" in past and "Add to Google Calendar" not in past


def test_the_empty_upcoming_list_says_so_and_offers_the_feed(sessions):
    html = upcoming_list(list(sessions.values()), datetime(2030, 1, 1, tzinfo=UTC), "events/")
    assert "No drop-in sessions are booked at the moment." in html and 'href="#subscribe"' in html
    panel = next_drop_in_panel(list(sessions.values()), datetime(2030, 1, 1, tzinfo=UTC), "")
    assert "No drop-in sessions are booked" in panel and 'href="events/#subscribe"' in panel


def test_cancelled_sessions_stay_listed_struck_through_with_the_reason(sessions):
    html = upcoming_list(list(sessions.values()), datetime(2026, 3, 1, tzinfo=UTC), "events/")
    assert "<del>Monday 30 March 2026</del>" in html
    assert "Cancelled</strong>" in html and "The speaker is unwell." in html
