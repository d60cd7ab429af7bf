"""Drop-in sessions end to end: build copies of the hub with the fixture events file and a
fixed SOURCE_DATE_EPOCH, then read the drop-in page, the session pages, their JSON-LD,
the home page panel and the feeds as a reader and a calendar would get them."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import icalendar
import pytest
import vobject

from macros.events.ics import calendar_files
from macros.events.models import load_events
from macros.events.occurrences import occurrences
from tests.helpers import EVENTS_FIXTURE, EVENTS_FIXTURE_EPOCH, EVENTS_FIXTURE_SITE_URL, build_site, copy_project

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PARSERS = ROOT / "tests" / "parsers"
FAR_FUTURE_EPOCH = int(datetime(2031, 1, 1, tzinfo=UTC).timestamp())


@pytest.fixture(scope="module")
def fixture_builds(events_fixture_site, tmp_path_factory):
    """The fixture project built on one date (the session's shared build), again on that
    date (to compare bytes) and once years later."""
    builds = {"first": events_fixture_site}
    for name, epoch in [("again", EVENTS_FIXTURE_EPOCH), ("later", FAR_FUTURE_EPOCH)]:
        site = build_site(events_fixture_site.root, tmp_path_factory.mktemp(f"events-{name}") / "site", epoch)
        assert site.returncode == 0, site.output
        builds[name] = site
    return builds


@pytest.fixture(scope="module")
def site(events_fixture_site):
    return events_fixture_site


@pytest.fixture(scope="module")
def sessions():
    return {o.key: o for o in occurrences(load_events(EVENTS_FIXTURE))}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def hrefs(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def session_links(html: str) -> list[str]:
    """Links in a section, without its heading's own permalink."""
    return [href for href in hrefs(html) if not href.startswith("#")]


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def section(html: str, heading_id: str) -> str:
    """The HTML from the <h2> with `heading_id` to the next <h2>."""
    part = html.split(f'<h2 id="{heading_id}">', 1)[1]
    return part.split("<h2", 1)[0]


def test_upcoming_soonest_first_and_past_newest_first(site):
    page = article(site.read("events/"))
    upcoming = session_links(section(page, "upcoming-sessions"))
    past = session_links(section(page, "past-sessions"))
    assert upcoming == [
        "rcot-drop-in/2026-10-26/",  # moved to Monday 2 November, keeps its address
        "rcot-drop-in/2026-11-21/",
        "rcot-drop-in/2026-12-10/",
        "cymraeg-gaidhlig/2027-01-20/",
    ]
    assert past == [
        "rcot-drop-in/2026-10-25/",  # 09:00 to 10:00 GMT today: over by noon
        "rcot-drop-in/2026-10-24/",
        "cymraeg-gaidhlig/2026-07-15/",
        "rcot-drop-in/2026-03-30/",
        "rcot-drop-in/2026-03-29/",
        "rcot-drop-in/2026-03-28/",
        "cymraeg-gaidhlig/2026-01-15/",
    ]
    assert "Monday 2 November 2026" in section(page, "upcoming-sessions")
    assert "13:00 to 13:30 UK time (GMT)" in section(page, "upcoming-sessions")
    assert "Moved from Monday 26 October 2026 at 12:30." in section(page, "upcoming-sessions")


def test_cancelled_sessions_stay_listed_struck_through_with_the_reason(site):
    past = section(article(site.read("events/")), "past-sessions")
    assert "<del>Monday 30 March 2026</del>" in past
    assert ">Cancelled</strong>" in past and "This session is cancelled: The speaker is unwell." in past


def test_years_later_nothing_is_upcoming_and_the_feed_is_offered(fixture_builds):
    page = article(fixture_builds["later"].read("events/"))
    upcoming = section(page, "upcoming-sessions")
    assert "No drop-in sessions are booked at the moment." in upcoming
    assert "whether new dates are planned" in upcoming and "mailto:drop-ins@example.org" in upcoming
    assert 'href="#subscribe"' in upcoming and 'id="subscribe"' in page
    home = article(fixture_builds["later"].read(""))
    assert "No drop-in sessions are booked at the moment." in home
    assert 'href="events/#subscribe"' in home


def test_the_home_page_panel_shows_the_next_session_going_ahead(site):
    home = article(site.read(""))
    panel = home.split('class="hub-next-session"', 1)[1].split("</div>", 1)[0]
    assert 'href="events/rcot-drop-in/2026-10-26/"' in panel and "Monday 2 November 2026" in panel
    assert "13:00 to 13:30 UK time (GMT)" in panel


def test_every_session_has_a_page_with_details_and_matching_json_ld(site, sessions):
    for key, o in sessions.items():
        html = site.read(f"events/{key}/")
        body = article(html)
        assert o.series.organiser.name.replace("'", "&#39;") in body
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(scripts) == 1, key
        data = json.loads(scripts[0])
        assert data["@type"] == "Event" and data["name"] == o.series.title
        assert datetime.fromisoformat(data["startDate"]) == o.start_utc
        assert datetime.fromisoformat(data["endDate"]) == o.end_utc
        assert re.search(r"[+-]\d\d:\d\d$", data["startDate"]), "startDate needs its UTC offset"
        expected_status = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "moved": "EventRescheduled"}
        assert data["eventStatus"] == "https://schema.org/" + expected_status[o.status]
        assert data["organizer"]["name"] == o.series.organiser.name
        if o.series.online:
            assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
            assert data["location"]["@type"] == "VirtualLocation"
        else:
            assert data["location"] == {
                "@type": "Place",
                "name": o.series.venue.name,
                "address": {"@type": "PostalAddress", "streetAddress": o.series.venue.address},
            }
        assert data["url"] == f"{EVENTS_FIXTURE_SITE_URL}events/{key}/"


def test_upcoming_session_pages_offer_ics_google_and_outlook_with_utc_instants(site, sessions):
    o = sessions["rcot-drop-in/2026-12-10"]  # 12:30 GMT = 12:30 UTC
    body = article(site.read("events/rcot-drop-in/2026-12-10/"))
    links = hrefs(body)
    assert "../2026-12-10.ics" in links
    assert any("dates=20261210T123000Z%2F20261210T130000Z" in link for link in links if "calendar.google.com" in link)
    outlook = [link for link in links if "/calendar/0/deeplink/compose" in link]
    assert {urlparse(link).netloc for link in outlook} == {"outlook.office.com", "outlook.live.com"}
    assert all(
        "startdt=2026-12-10T12%3A30%3A00Z" in link and "enddt=2026-12-10T13%3A00%3A00Z" in link for link in outlook
    )
    assert "mailto:drop-ins@example.org" in links
    assert o.series.notes_for(o.session) == ["This session is the last one this year."]
    assert "This session is the last one this year." in body


def test_past_and_cancelled_session_pages_say_so_without_add_actions(site):
    past = article(site.read("events/rcot-drop-in/2026-10-24/"))
    assert "This session has taken place." in past and "Add to Google Calendar" not in past
    cancelled = site.read("events/rcot-drop-in/2026-03-30/")
    assert "<h1" in cancelled and "Cancelled: OT drop-in for GP practices: Monday 30 March 2026" in cancelled
    assert "This session is cancelled" in cancelled and "The speaker is unwell." in cancelled


def test_every_link_on_the_event_pages_resolves(site, sessions):
    pages = ["events/", ""] + [f"events/{key}/" for key in sessions]
    missing = []
    for page in pages:
        for href in hrefs(article(site.read(page))):
            parsed = urlparse(href)
            if parsed.scheme or href.startswith("#"):
                continue
            target = urlparse(urljoin(f"http://x/{page}", href)).path.lstrip("/")
            path = site.site_dir / target
            if target.endswith("/") or target == "":
                path = path / "index.html"
            if not path.exists():
                missing.append(f"{page}: {href}")
    assert not missing


def test_feeds_are_in_the_site_and_match_the_generator(site, sessions):
    expected = calendar_files(
        list(sessions.values()),
        EVENTS_FIXTURE_SITE_URL,
        "OT in Primary Care hub",
        "ot-primary-care-hub.gloucestershire",
        now=datetime.fromtimestamp(EVENTS_FIXTURE_EPOCH, tz=UTC),
    )
    for name, text in expected.items():
        assert (site.site_dir / name).read_bytes() == text.encode("utf-8"), name
    assert (site.site_dir / "events/feeds/all.ics").exists()


def test_subscribe_section_gives_https_webcal_and_outlook_for_each_feed_and_no_google_cid_link(site):
    page = article(site.read("events/"))
    subscribe = page.split('id="subscribe"', 1)[1]
    links = hrefs(subscribe)
    for feed in ("all", "rcot-drop-in", "cymraeg-gaidhlig"):
        https = f"{EVENTS_FIXTURE_SITE_URL}events/feeds/{feed}.ics"
        assert https not in links  # plain text to copy: a link would download a copy that never updates
        assert https.replace("https://", "webcal://") in links
        assert '<code class="hub-feed__address" id="' in subscribe and f">{https}</code>" in subscribe
        for host in ("outlook.office.com", "outlook.live.com"):
            assert any(
                link.startswith(
                    f"https://{host}/calendar/0/addfromweb?url=https%3A%2F%2Ffixture-hub.example.net%2Fevents%2Ffeeds%2F{feed}.ics"
                )
                for link in links
            )
    assert not [link for link in links if "calendar.google.com" in link]  # "?cid=" fails for some addresses
    assert "every 12 to 24 hours" in subscribe
    for app in ("Outlook", "Google Calendar", "Apple Calendar"):
        assert f"<summary>{app}" in subscribe


def test_no_address_uses_the_placeholder_site_url_when_site_url_changes(site):
    for path in (site.site_dir / "events").rglob("*"):
        if path.is_file():
            assert "ot-primary-care.example.org" not in path.read_text(encoding="utf-8"), path


def test_the_same_sources_and_date_give_byte_identical_output(fixture_builds):
    first, again = fixture_builds["first"].site_dir, fixture_builds["again"].site_dir
    files = sorted(p.relative_to(first) for p in (first / "events").rglob("*") if p.is_file())
    assert len(files) > 20
    for relative in files + [Path("index.html")]:
        assert (first / relative).read_bytes() == (again / relative).read_bytes(), relative


@pytest.mark.slow
def test_every_built_ics_parses_the_same_in_vobject_icalendar_and_ical_js(site, sessions):
    expected = {
        f"{o.series.id}-{o.session.date.isoformat()}@ot-primary-care-hub.gloucestershire": o for o in sessions.values()
    }
    files = sorted((site.site_dir / "events").rglob("*.ics"))
    assert len(files) == len(sessions) + 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        for event in vobject.readOne(text).vevent_list:
            o = expected[event.uid.value]
            assert (event.dtstart.value.astimezone(UTC), event.dtend.value.astimezone(UTC)) == (o.start_utc, o.end_utc)
        for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
            o = expected[str(event["UID"])]
            assert event.decoded("DTSTART") == o.start_utc
    result = subprocess.run(
        ["node", str(PARSERS / "parse_ics.mjs"), *map(str, files)], capture_output=True, text=True, check=True
    )
    for events in json.loads(result.stdout).values():
        for event in events:
            o = expected[event["uid"]]
            assert event["start"] == o.start_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
            assert event["end"] == o.end_utc.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------
# The hub's own data, built on its own date (2026-11-21): every session is in 2023
# ---------------------------------------------------------------------------


def test_the_hub_lists_the_four_rcot_sessions_as_past_and_offers_the_feed(hub_site):
    page = article(hub_site.read("events/"))
    assert "No drop-in sessions are booked at the moment." in section(page, "upcoming-sessions")
    past = section(page, "past-sessions")
    assert session_links(past) == [
        "rcot-drop-in/2023-12-13/",
        "rcot-drop-in/2023-11-16/",
        "rcot-drop-in/2023-10-19/",
        "rcot-drop-in/2023-09-21/",
    ]
    for text in (
        "Wednesday 13 December 2023",
        "Thursday 16 November 2023",
        "Thursday 19 October 2023",
        "Thursday 21 September 2023",
        "12:30 to 13:00 UK time (BST)",
        "12:30 to 13:00 UK time (GMT)",
    ):
        assert text in past, text
    assert "weekdays fit" in page and "2023" in page
    assert "https://ot-primary-care.example.org/events/feeds/all.ics" in page
    assert "No drop-in sessions are booked at the moment." in article(hub_site.read(""))


def test_the_hubs_session_pages_and_feeds_exist(hub_site):
    for day in ("2023-09-21", "2023-10-19", "2023-11-16", "2023-12-13"):
        assert "genevieve.smyth@rcot.co.uk" in hub_site.read(f"events/rcot-drop-in/{day}/")
        text = (hub_site.site_dir / f"events/rcot-drop-in/{day}.ics").read_text(encoding="utf-8")
        assert f"DTSTART;TZID=Europe/London:{day.replace('-', '')}T123000" in text
    feed = (hub_site.site_dir / "events/feeds/all.ics").read_text(encoding="utf-8")
    assert feed.count("BEGIN:VEVENT") == 4


def test_a_long_series_id_and_a_join_link_with_a_line_break_stop_the_build_with_messages(tmp_path):
    text = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8")
    long_id = "-".join(["drop-in"] * 40)[:300].strip("-")
    broken = text.replace("  - id: rcot-drop-in\n", f"  - id: {long_id}\n").replace(
        "      email: genevieve.smyth@rcot.co.uk\n",
        '      email: genevieve.smyth@rcot.co.uk\n      link: "https://meet.example.org/x\\r\\nDTSTART:20200101"\n',
    )
    lines = broken.splitlines()
    id_line = lines.index(f"  - id: {long_id}") + 1
    link_line = next(number for number, line in enumerate(lines, 1) if line.startswith('      link: "https://meet'))
    root = copy_project(tmp_path / "project", {"data/events.yaml": broken})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    # A long value is cut in the message (the whole of it would bury the advice).
    shown_id = f"{long_id[:60]}... ({len(long_id) - 60} more characters)"
    assert (
        f"data/events.yaml:{id_line}: series 1 (id '{shown_id}'), field 'id': the id 'drop-in-drop-in-drop...' is "
        in (built.output)
    ), built.output
    assert "characters long; keep ids to 60 characters or fewer" in built.output
    assert (
        f"data/events.yaml:{link_line}: series 1 (id '{shown_id}'), field 'join', field 'link': "
        "'https://meet.example.org/x\\r\\nDTSTART:20200101' is not a web address we can link to."
    ) in built.output, built.output
    assert "Traceback" not in built.output and "File name too long" not in built.output
