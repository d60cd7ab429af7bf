"""Issue 22: a place or none, a joining link while a session is to come, an honest invitation
and one feed to recommend.

- A calendar's LOCATION is a venue (name and address) or "Online", never a sentence; when the
  data does not say where, there is no LOCATION and the description and the page say so.
- A session's own `join_link` (https) is on its page and in its calendar event (CONFERENCE,
  RFC 7986) only until it ends; UID and SEQUENCE do not change when it goes.
- With nothing booked, the drop-in lists and the home page say who to ask and how before
  offering the calendar; past session pages say plainly that nothing is booked.
- With one series the subscribe section offers one feed; the series' feed is still built.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from macros.events.ics import calendar_files, description, session_event
from macros.events.models import load_events
from macros.events.occurrences import joining_link, occurrences
from macros.events.pages import (
    contact_email,
    event_files,
    feeds,
    invitation,
    json_ld,
    next_drop_in_panel,
    session_page,
    subscribe_section,
    upcoming_list,
)
from macros.events.wording import location_text, place_text
from tests.helpers import EVENTS_VENUE, events_problem, events_series_text, load_events_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
HUB_DATA = ROOT / "data" / "events.yaml"
PARSERS = ROOT / "tests" / "parsers"
SITE = "https://hub.example.org/"
LINK = "https://meet.example.org/evening-2026-04-25"
NOTE = "    location_note: No source says whether sessions are online or in person."
# The series' sessions are on 28 March, 25 April and 23 May 2026, 12:30 to 13:00 UK time (BST).
BEFORE = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
DURING = datetime(2026, 4, 25, 11, 45, tzinfo=UTC)  # 12:45 BST on the session's day
AT_THE_END = datetime(2026, 4, 25, 12, 0, tzinfo=UTC)  # 13:00 BST: it has just ended
AFTER = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def series_text(place: str = "    online: true", link: str | None = LINK, join: str | None = None) -> str:
    text = events_series_text(place=place)
    if link:
        text = text.replace("      - date: 2026-04-25\n", f"      - date: 2026-04-25\n        join_link: {link}\n")
    if join:
        text = text.replace("      email: someone@example.org\n", join)
    return text


def session(tmp_path, day: str = "2026-04-25", **options):
    events = load_events_text(tmp_path, series_text(**options))
    return next(o for o in occurrences(events) if o.session.date.isoformat() == day)


def event_of(occurrence, now) -> icalendar.Event:
    """The session's event as a calendar reads it back (serialised, then parsed)."""
    text = b"BEGIN:VCALENDAR\r\n" + session_event(occurrence, SITE, now).to_ical() + b"END:VCALENDAR\r\n"
    return next(iter(icalendar.Calendar.from_ical(text).walk("VEVENT")))


def text_of(html: str) -> str:
    """The words a reader sees, one space between them."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    return text.replace(" .", ".").replace(" :", ":").replace(" ,", ",")


# ---------------------------------------------------------------------------
# The data: every new field's valid and invalid cases, with the message
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("place", ["    online: true", EVENTS_VENUE])
def test_a_joining_link_loads_for_an_online_or_in_person_series(tmp_path, place):
    events = load_events_text(tmp_path, series_text(place=place))
    assert [s.join_link for s in events.series[0].sessions] == [None, LINK, None]


BAD_LINKS = [
    pytest.param(
        series_text(link="http://meet.example.org/x"),
        r"data/events\.yaml:\d+: series 1 \(id 'evening-drop-in'\), session 2 \(date '2026-04-25'\), "
        r"field 'join_link': 'http://meet\.example\.org/x' is not a web address we can link to.*https://",
        id="http-not-https",
    ),
    pytest.param(
        series_text(link="meet.example.org/x"),
        r"session 2 \(date '2026-04-25'\), field 'join_link': 'meet\.example\.org/x' is not a web address",
        id="no-scheme",
    ),
    pytest.param(
        series_text(link='"javascript:alert(1)"'),
        r"session 2 \(date '2026-04-25'\), field 'join_link': 'javascript:alert\(1\)' is not a web address",
        id="javascript",
    ),
    pytest.param(
        series_text(place=NOTE),
        r"data/events\.yaml:\d+: series 1 \(id 'evening-drop-in'\), session 2 \(date '2026-04-25'\), "
        r"field 'join_link': a joining link is for a session people join online, but this series does not "
        r"say where its sessions happen: put 'online: true'.*or remove 'join_link'",
        id="link-but-place-not-known",
    ),
    pytest.param(
        series_text(place="    online: false", link=None),
        r"field 'online'|say where it happens: add 'online: true', or a 'venue' with a 'name' and an 'address'\. "
        r"If no source says, add a 'location_note' saying so",
        id="no-place-at-all",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_LINKS)
def test_a_wrong_joining_link_or_place_stops_with_file_entry_field_and_fix(tmp_path, text, expected):
    message = events_problem(tmp_path, text)
    assert message.startswith("data/events.yaml"), message
    assert re.search(expected, message, re.S), message


def test_the_joining_link_problem_points_at_the_join_link_line(tmp_path):
    text = series_text(place=NOTE)
    line = text.splitlines().index(f"        join_link: {LINK}") + 1
    assert f"data/events.yaml:{line}: " in events_problem(tmp_path, text)


def test_the_shipped_data_says_nothing_about_online_or_in_person():
    series = load_events(HUB_DATA).series[0]
    assert not series.online and series.venue is None and series.location_note
    assert location_text(series) == ""
    assert place_text(series) == f"Not known. {series.location_note}"
    assert all(s.join_link is None for s in series.sessions)


# ---------------------------------------------------------------------------
# Where, in words and in LOCATION
# ---------------------------------------------------------------------------


def test_location_is_a_venue_or_online_and_empty_when_not_known(tmp_path):
    venue = load_events_text(tmp_path, series_text(place=EVENTS_VENUE)).series[0]
    assert location_text(venue) == place_text(venue) == "Hub House, 1 High Street, Gloucester"
    online = load_events_text(tmp_path, series_text()).series[0]
    assert location_text(online) == place_text(online) == "Online"
    unknown = load_events_text(tmp_path, series_text(place=NOTE, link=None)).series[0]
    assert location_text(unknown) == ""
    assert place_text(unknown) == "Not known. No source says whether sessions are online or in person."


def test_a_calendar_has_no_location_and_says_so_when_the_place_is_not_known(tmp_path):
    o = session(tmp_path, place=NOTE, link=None)
    event = event_of(o, BEFORE)
    assert "LOCATION" not in event
    assert "Where: Not known. No source says whether sessions are online or in person." in str(event["DESCRIPTION"])


@pytest.mark.parametrize(
    ("place", "location"), [(EVENTS_VENUE, "Hub House, 1 High Street, Gloucester"), ("    online: true", "Online")]
)
def test_a_calendar_location_is_the_venue_or_online_and_the_description_has_no_where(tmp_path, place, location):
    event = event_of(session(tmp_path, place=place, link=None), BEFORE)
    assert str(event["LOCATION"]) == location
    assert "Where:" not in str(event["DESCRIPTION"])


def test_no_calendar_from_the_shipped_data_or_the_fixture_has_a_sentence_in_location():
    for path, allowed in (
        (HUB_DATA, set()),
        (FIXTURE, {"Online", "Canolfan Iechyd Llanfair, Stryd Fawr, Llanfair, LL00 0AA"}),
    ):
        files = calendar_files(occurrences(load_events(path)), SITE, "Hub", now=BEFORE)
        for name, text in files.items():
            events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
            assert events, name
            locations = {str(e["LOCATION"]) for e in events if "LOCATION" in e}
            assert locations <= allowed, (name, locations)
            if not allowed:
                assert "LOCATION" not in text.replace("X-LIC-LOCATION", ""), name


# ---------------------------------------------------------------------------
# The joining link: only while the session is to come
# ---------------------------------------------------------------------------


def test_the_joining_link_is_the_sessions_own_while_it_is_to_come_or_under_way(tmp_path):
    o = session(tmp_path)
    assert joining_link(o, BEFORE) == LINK
    assert joining_link(o, DURING) == LINK
    assert joining_link(o, AT_THE_END) == ""
    assert joining_link(o, AFTER) == ""


def test_without_its_own_link_a_session_has_its_series_link_and_without_either_none(tmp_path):
    join = "      link: https://meet.example.org/series\n"
    o = session(tmp_path, link=None, join=join)
    assert joining_link(o, BEFORE) == "https://meet.example.org/series"
    assert joining_link(o, AFTER) == ""
    assert joining_link(session(tmp_path, link=None), BEFORE) == ""
    own = session(tmp_path, join=join)
    assert joining_link(own, BEFORE) == LINK  # its own link before its series'


def test_a_cancelled_session_has_no_joining_link(tmp_path):
    o = session(tmp_path)
    cancelled = dataclasses.replace(o, session=o.session.model_copy(update={"status": "cancelled", "reason": "Ill."}))
    assert joining_link(cancelled, BEFORE) == ""
    event = event_of(cancelled, BEFORE)
    assert "CONFERENCE" not in event
    assert "How to join" not in str(event["DESCRIPTION"]) and "Joining link" not in str(event["DESCRIPTION"])


def test_the_calendar_event_has_the_link_while_the_session_is_to_come_and_not_after(tmp_path):
    o = session(tmp_path)
    before, after = event_of(o, BEFORE), event_of(o, AFTER)
    assert str(before["LOCATION"]) == str(after["LOCATION"]) == "Online"
    conference = before["CONFERENCE"]
    assert str(conference) == LINK
    assert conference.params["VALUE"] == "URI" and conference.params["LABEL"] == "Join online"
    assert list(conference.params["FEATURE"]) == ["AUDIO", "VIDEO"]
    assert f"Joining link for this session: {LINK}" in str(before["DESCRIPTION"])
    assert "How to join: Email someone@example.org to join." in str(before["DESCRIPTION"])
    assert "CONFERENCE" not in after
    assert LINK not in str(after["DESCRIPTION"]) and "How to join" not in str(after["DESCRIPTION"])
    # The same event either way: a calendar replaces its copy, it never shows two.
    assert str(before["UID"]) == str(after["UID"])
    assert int(before["SEQUENCE"]) == int(after["SEQUENCE"]) == 0
    assert before.decoded("DTSTAMP") == after.decoded("DTSTAMP")
    assert event_of(o, DURING)["CONFERENCE"] == LINK


def test_a_series_link_goes_in_conference_without_the_sessions_own_line(tmp_path):
    o = session(tmp_path, link=None, join="      link: https://meet.example.org/series\n")
    event = event_of(o, BEFORE)
    assert str(event["CONFERENCE"]) == "https://meet.example.org/series"
    assert "Joining link for this session" not in str(event["DESCRIPTION"])
    assert "Join online at https://meet.example.org/series" in str(event["DESCRIPTION"])


def test_a_session_without_a_link_has_no_conference_and_no_link_line(tmp_path):
    o = session(tmp_path, link=None)
    event = event_of(o, BEFORE)
    assert "CONFERENCE" not in event and "Joining link" not in str(event["DESCRIPTION"])


def test_description_follows_the_builds_today(tmp_path):
    o = session(tmp_path)
    assert f"Joining link for this session: {LINK}" in description(o, SITE, BEFORE)
    assert "Joining link" not in description(o, SITE, AFTER)


def link_calendars(folder: Path) -> dict[str, dict[str, str]]:
    """Every calendar file of the series with a joining link, built before and after it."""
    events = load_events_text(folder, series_text())
    return {
        when: calendar_files(occurrences(events), SITE, "Hub", now=now)
        for when, now in (("before", BEFORE), ("after", AFTER))
    }


@pytest.fixture(scope="module")
def link_files(tmp_path_factory) -> dict[str, dict[str, str]]:
    return link_calendars(tmp_path_factory.mktemp("link"))


LINKED_UID = "evening-drop-in-2026-04-25@ot-primary-care-hub.gloucestershire"


def linked_calendars(link_files: dict[str, dict[str, str]]):
    """(before or after, file name, text) of the files holding the linked session."""
    for when, files in link_files.items():
        for name, text in files.items():
            if "2026-04-25" in name or "feeds/" in name:
                yield when, name, text


def test_every_python_parser_reads_the_link_back_from_every_calendar_file(link_files):
    for when, name, text in linked_calendars(link_files):
        read = {
            "icalendar": {
                str(e["UID"]): str(e.get("CONFERENCE", "")) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")
            },
            "ical": {
                e.uid: (e.conference[0].uri if e.conference else "")
                for e in IcsCalendarStream.calendar_from_ics(text).events
            },
            "vobject": {
                e.uid.value: (e.conference.value if hasattr(e, "conference") else "")
                for e in vobject.readOne(text).vevent_list
            },
        }
        for parser, found in read.items():
            assert found[LINKED_UID] == (LINK if when == "before" else ""), (parser, when, name)
            assert set(found.values()) <= {LINK, ""}, (parser, when, name)
    features = [
        e.conference[0].feature
        for e in IcsCalendarStream.calendar_from_ics(link_files["before"]["events/feeds/all.ics"]).events
        if e.conference
    ]
    assert [[f.value for f in feature] for feature in features] == [["AUDIO", "VIDEO"]]


# ---------------------------------------------------------------------------
# The session's page: the link while it is to come; past pages say nothing is booked
# ---------------------------------------------------------------------------


def test_a_sessions_page_shows_its_link_while_it_is_to_come_and_not_after(tmp_path):
    o = session(tmp_path)
    before, after = session_page(o, BEFORE, SITE), session_page(o, AFTER, SITE)
    assert f'Joining link for this session: <a href="{LINK}">{LINK}</a>' in before
    assert LINK not in after
    assert json.loads(re.search(r'ld\+json">(.*?)</script>', before, re.S)[1])["location"]["url"] == LINK
    page_url = "https://hub.example.org/events/evening-drop-in/2026-04-25/"
    assert json.loads(re.search(r'ld\+json">(.*?)</script>', after, re.S)[1])["location"]["url"] == page_url
    others = session_page(session(tmp_path, day="2026-05-23"), BEFORE, SITE)
    assert "Joining link for this session" not in others and "Joining%20link" not in others
    assert "Add to Google Calendar" in others  # the links are there, without a joining link in them


def test_the_google_and_outlook_links_carry_the_joining_link_only_while_it_is_to_come(tmp_path):
    o = session(tmp_path)
    encoded = "https%3A%2F%2Fmeet.example.org%2Fevening-2026-04-25"
    assert encoded in session_page(o, BEFORE, SITE)
    assert "Joining%20link%20for%20this%20session" in session_page(o, BEFORE, SITE)


def test_json_ld_url_is_the_link_given_else_the_page(tmp_path):
    o = session(tmp_path)
    assert json_ld(o, SITE, LINK)["location"] == {"@type": "VirtualLocation", "url": LINK}
    assert json_ld(o, SITE)["location"]["url"] == "https://hub.example.org/events/evening-drop-in/2026-04-25/"


def test_a_past_sessions_page_says_nothing_is_booked_and_who_to_ask(tmp_path):
    o = session(tmp_path)
    page = text_of(session_page(o, AFTER, SITE))
    assert "This session has taken place. No later sessions are booked." in page
    assert "Ask the organiser, Hub, whether new dates are planned: email someone@example.org." in page
    assert "if new dates are announced here, they will appear in your calendar" in page
    assert "See the next sessions" not in page and "so changes reach you" not in page


def test_a_past_sessions_page_links_to_the_next_session_when_there_is_one(tmp_path):
    events = load_events_text(tmp_path, series_text())
    first, second, _ = occurrences(events)
    html = session_page(first, BEFORE, SITE, next_up=second)
    assert 'The next session is on <a href="../2026-04-25/">Saturday 25 April 2026</a>.' in html
    assert "No later sessions are booked" not in html and "Ask the organiser" not in html
    assert "so changes reach you" in html


def test_each_past_page_points_to_the_next_session_of_its_own_series():
    now = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
    files = event_files(load_events(FIXTURE), now, SITE, "Hub", "data/events.yaml")
    past = text_of(files["events/rcot-drop-in/2026-10-24.md"])
    # The next one going ahead: the session of 26 October, moved to 2 November.
    assert "The next session is on Monday 2 November 2026." in past
    assert 'href="../2026-10-26/"' in files["events/rcot-drop-in/2026-10-24.md"]
    welsh = text_of(files["events/cymraeg-gaidhlig/2026-07-15.md"])
    assert "The next session is on Wednesday 20 January 2027." in welsh
    later = event_files(load_events(FIXTURE), datetime(2031, 1, 1, tzinfo=UTC), SITE, "Hub", "data/events.yaml")
    assert "No later sessions are booked." in text_of(later["events/rcot-drop-in/2026-10-24.md"])


def test_an_unconfirmed_past_session_is_not_said_to_have_taken_place(tmp_path):
    o = session(tmp_path)
    doubtful = dataclasses.replace(o, session=o.session.model_copy(update={"unconfirmed": "No year given."}))
    page = text_of(session_page(doubtful, AFTER, SITE))
    assert "This date has passed. No later sessions are booked." in page and "has taken place" not in page


def test_a_cancelled_past_sessions_page_says_nothing_is_booked(tmp_path):
    o = session(tmp_path)
    cancelled = dataclasses.replace(o, session=o.session.model_copy(update={"status": "cancelled", "reason": "Ill."}))
    page = text_of(session_page(cancelled, AFTER, SITE))
    assert "No later sessions are booked." in page and "has taken place" not in page


def test_an_upcoming_sessions_page_says_nothing_about_past_or_booking(tmp_path):
    page = text_of(session_page(session(tmp_path), BEFORE, SITE))
    assert "No later sessions" not in page and "has taken place" not in page and "Ask the organiser" not in page


# ---------------------------------------------------------------------------
# The invitation: who to ask and how, then the calendar
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("join", "organiser", "expected"),
    [
        (None, "", "Ask the organiser, Hub, whether new dates are planned: email someone@example.org."),
        (
            "      link: https://meet.example.org/series\n",
            "      email: hub@example.org\n",
            "Ask the organiser, Hub, whether new dates are planned: email hub@example.org.",
        ),
        (
            "      link: https://meet.example.org/series\n",
            "      url: https://hub.example.org/about\n",
            "Ask the organiser, Hub, whether new dates are planned: see their website.",
        ),
        ("      link: https://meet.example.org/series\n", "", "Ask the organiser, Hub, whether new dates are planned."),
    ],
)
def test_who_to_ask_comes_from_the_data(tmp_path, join, organiser, expected):
    text = series_text(link=None, join=join).replace("      name: Hub\n", "      name: Hub\n" + organiser)
    events = load_events_text(tmp_path, text)
    html = invitation(occurrences(events), "")
    said = text_of(html)
    assert said.startswith("No drop-in sessions are booked at the moment. " + expected), said
    assert said.endswith(
        "Subscribe to the drop-in calendar: if new dates are announced here, they will appear in your calendar."
    ), said
    assert 'href="events/#subscribe"' in html
    if "website" in expected:
        assert '<a href="https://hub.example.org/about">their website</a>' in html


def test_contact_email_is_the_joining_address_else_the_organisers(tmp_path):
    events = load_events_text(tmp_path, series_text(link=None))
    series = events.series[0]
    assert contact_email(series) == "someone@example.org"
    no_join_email = series.model_copy(update={"join": series.join.model_copy(update={"email": None})})
    assert contact_email(no_join_email) == ""
    organiser = no_join_email.organiser.model_copy(update={"email": "hub@example.org"})
    assert contact_email(no_join_email.model_copy(update={"organiser": organiser})) == "hub@example.org"
    both = series.model_copy(update={"organiser": organiser})
    assert contact_email(both) == "someone@example.org"  # the joining address first


def test_with_several_series_each_line_names_its_series():
    sessions = occurrences(load_events(FIXTURE))
    said = text_of(invitation(sessions, "events/"))
    assert "OT drop-in for GP practices: ask the organiser, Royal College of Occupational Therapists," in said
    assert "a backslash \\ to fold past seventy-five octets: ask the organiser, Bwrdd Iechyd" in said
    assert "email drop-ins@example.org" in said and "email cyswllt@example.org" in said


def test_the_invitation_links_to_the_subscribe_section_on_its_own_page_and_from_elsewhere():
    sessions = occurrences(load_events(FIXTURE))
    assert 'href="#subscribe"' in invitation(sessions, "events/")
    assert 'href="events/#subscribe"' in invitation(sessions, "")
    assert 'href="../../#subscribe"' in invitation(sessions, "events/rcot-drop-in/2026-03-29/")


def test_with_nothing_upcoming_the_list_and_the_home_panel_invite_and_otherwise_they_do_not():
    sessions = occurrences(load_events(FIXTURE))
    later = datetime(2030, 1, 1, tzinfo=UTC)
    for html in (upcoming_list(sessions, later, "events/"), next_drop_in_panel(sessions, later, "")):
        said = text_of(html)
        assert said.index("No drop-in sessions are booked") < said.index("sk the organiser") < said.index("Subscribe")
    earlier = datetime(2026, 3, 1, tzinfo=UTC)
    for html in (upcoming_list(sessions, earlier, "events/"), next_drop_in_panel(sessions, earlier, "")):
        assert "No drop-in sessions are booked" not in html and "sk the organiser" not in html


def test_the_home_panel_says_place_not_known_for_a_session_without_a_place(tmp_path):
    events = load_events_text(tmp_path, series_text(place=NOTE, link=None))
    said = text_of(next_drop_in_panel(occurrences(events), BEFORE, ""))
    assert "12:30 to 13:00 UK time (BST). The place is not known." in said  # a sentence with its subject
    listed = text_of(upcoming_list(occurrences(events), BEFORE, "events/"))
    assert "12:30 to 13:00 UK time (BST). The place is not known" in listed


# ---------------------------------------------------------------------------
# One feed to recommend
# ---------------------------------------------------------------------------


def test_with_one_series_one_feed_is_offered_and_both_are_built(tmp_path):
    events = load_events_text(tmp_path, series_text())
    offered = feeds(events, SITE, "Hub")
    assert [feed.https for feed in offered] == ["https://hub.example.org/events/feeds/all.ics"]
    html = subscribe_section(events, SITE, "Hub")
    assert "This is the calendar to subscribe to. It has every drop-in session this site lists, and any" in html
    assert "evening-drop-in.ics" not in html and "Only interested in one of the series" not in html
    files = calendar_files(occurrences(events), SITE, "Hub", now=BEFORE)
    for name in ("events/feeds/all.ics", "events/feeds/evening-drop-in.ics"):
        assert len(list(icalendar.Calendar.from_ical(files[name]).walk("VEVENT"))) == 3, name


def test_with_several_series_the_hub_feed_comes_first_and_each_series_has_its_own():
    events = load_events(FIXTURE)
    offered = [feed.https.rsplit("/", 1)[1] for feed in feeds(events, SITE, "Hub")]
    assert offered == ["all.ics", "rcot-drop-in.ics", "cymraeg-gaidhlig.ics"]
    said = text_of(subscribe_section(events, SITE, "Hub"))
    assert said.index("This is the calendar to subscribe to") < said.index("Only interested in one of the series?")
    assert "from all the series above" in said


def test_a_session_added_later_reaches_the_recommended_feed(tmp_path):
    text = series_text() + "      - date: 2026-06-27\n"
    files = calendar_files(occurrences(load_events_text(tmp_path, text)), SITE, "Hub", now=BEFORE)
    assert "UID:evening-drop-in-2026-06-27@" in files["events/feeds/all.ics"]
    assert "STATUS:CONFIRMED" in files["events/evening-drop-in/2026-06-27.ics"]


def test_the_times_are_right(tmp_path):
    """The instants the tests above rely on: 25 April 2026 is in BST (UTC+1)."""
    o = session(tmp_path)
    assert o.start_utc == datetime(2026, 4, 25, 11, 30, tzinfo=UTC)
    assert o.end_utc == AT_THE_END and BEFORE < o.start_utc < DURING < o.end_utc < AFTER - timedelta(days=1)
