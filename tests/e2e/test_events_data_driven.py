"""Drop-in sessions, second pass, end to end: copies of the hub built with changed data or
a changed site address, read as a reader and a calendar would get them.

- Move the hub's series to 18:00 to 19:30, in person: every page that described it
  (home, resources, drop-in page) says so, and none still says lunchtime, 30 minutes or
  online.
- Add a 2027 session to the series whose notes are about 2023: it shows no 2023 note.
- A moved or cancelled session's page lists its changes, newest first, with their dates.
- The same data under two different site_url values: every .ics has the same UIDs,
  SEQUENCEs and DTSTAMPs (and ical.js reads the same events from both).
- Issue 22: the shipped 2023 sessions are TENTATIVE with no LOCATION in every calendar file,
  read back by icalendar, ical, vobject and ical.js; with nothing booked the home page and
  the drop-in page say who to ask before offering the one recommended feed (the series feed
  still works); a session added with only its date is confirmed and shown without doubt; an
  online session's joining link is on its page and in its calendars until it ends, and the
  pages and calendars agree.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import build_site, copy_project

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
HUB_DATA = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8")
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
PARSERS = ROOT / "tests" / "parsers"
PLACEHOLDER = "https://ot-primary-care.example.org/"
CALENDAR_ID = re.search(r"^\s+calendar_id: (\S+)$", CONFIG, re.M)[1]
SITE_A = "https://fixture-hub.example.net/"
SITE_B = "https://www.moved-hub.example.com/ot/"
FIXTURE_EPOCH = int(datetime(2026, 10, 25, 12, 0, tzinfo=UTC).timestamp())


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


EVENING_IN_PERSON = changed(
    changed(HUB_DATA, 'start: "12:30"\n    end: "13:00"', 'start: "18:00"\n    end: "19:30"'),
    "    location_note: The source does not say whether sessions are online or in person.\n",
    "    venue:\n      name: Sandford Education Centre\n      address: Keynsham Road, Cheltenham, GL53 7PX\n",
)
# An editor adds a session with only its date, as the last entry of the file.
assert HUB_DATA.endswith("\n")
WITH_2027_SESSION = HUB_DATA + "      - date: 2027-01-21\n"
# The series turns out to be online, and the 2027 session has a joining link.
JOIN_LINK = "https://meet.example.org/rcot-drop-in-january"
ONLINE_WITH_LINK = (
    changed(
        HUB_DATA,
        "    location_note: The source does not say whether sessions are online or in person.\n",
        "    online: true\n",
    )
    + f"      - date: 2027-01-21\n        join_link: {JOIN_LINK}\n"
)
# 1 February 2027: after the 2027 session.
AFTER_2027_EPOCH = int(datetime(2027, 2, 1, 9, 0, tzinfo=UTC).timestamp())


def build(tmp_path_factory, name: str, data: str, site_url: str = PLACEHOLDER, epoch: int | None = None):
    root = copy_project(
        tmp_path_factory.mktemp(f"{name}-project") / "project",
        {
            "data/events.yaml": data,
            "mkdocs.yml": changed(CONFIG, PLACEHOLDER, site_url) if site_url != PLACEHOLDER else CONFIG,
        },
    )
    site = build_site(root, tmp_path_factory.mktemp(f"{name}-site") / "site", *([epoch] if epoch else []))
    assert site.returncode == 0, site.output
    return site


@pytest.fixture(scope="module")
def evening(tmp_path_factory):
    return build(tmp_path_factory, "evening", EVENING_IN_PERSON)


@pytest.fixture(scope="module")
def with_2027(tmp_path_factory):
    return build(tmp_path_factory, "with-2027", WITH_2027_SESSION)


@pytest.fixture(scope="module")
def online_with_link(tmp_path_factory):
    """The series online with a joining link for its 2027 session: built before it (the hub's
    own date, 21 November 2026) and after it (1 February 2027)."""
    return {
        "before": build(tmp_path_factory, "link-before", ONLINE_WITH_LINK),
        "after": build(tmp_path_factory, "link-after", ONLINE_WITH_LINK, epoch=AFTER_2027_EPOCH),
    }


@pytest.fixture(scope="module")
def fixture_sites(tmp_path_factory):
    """The fixture built on one date at two site addresses."""
    data = FIXTURE.read_text(encoding="utf-8")
    return (
        build(tmp_path_factory, "site-a", data, SITE_A, FIXTURE_EPOCH),
        build(tmp_path_factory, "site-b", data, SITE_B, FIXTURE_EPOCH),
    )


def article_text(page: str) -> str:
    """The page's article as plain text, one space between words."""
    body = page.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))
    return text.replace(" .", ".").replace(" ,", ",").replace(" :", ":").replace("( ", "(").replace(" )", ")")


def meta_description(page: str) -> str:
    return html.unescape(re.search(r'<meta name="description" content="([^"]*)"', page)[1])


def between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def drop_in_statements(site) -> dict[str, str]:
    """Every passage that describes the drop-in series, page by page."""
    home = article_text(site.read(""))
    resources = article_text(site.read("resources/"))
    events_html = site.read("events/")
    events = article_text(events_html)
    return {
        "home": between(home, "Drop-in sessions ¶", "Next drop-in session"),
        "resources": re.search(r"The hub also lists drop-in sessions for GP practice staff\. [^.]*\.", resources)[0],
        "drop-in page": between(events, "Drop-in sessions ¶", "How to join"),
        "drop-in page description": meta_description(events_html),
    }


# ---------------------------------------------------------------------------
# The pages follow the data
# ---------------------------------------------------------------------------


def test_the_hub_describes_its_monthly_lunchtime_series_from_the_data(hub_site):
    said = drop_in_statements(hub_site)
    assert "ran monthly drop-in sessions in 2023." in said["home"]
    assert "Each session lasts 30 minutes at lunchtime, from 12:30 to 13:00 UK time." in said["home"]
    assert said["resources"].endswith("ran monthly drop-in sessions in 2023.")
    assert (
        said["drop-in page"]
        .strip()
        .startswith(
            "The organiser, Royal College of Occupational Therapists (RCOT), ran monthly drop-in sessions in 2023. "
            "At each session, GP practice teams"
        )
    )
    assert "The source does not say whether sessions are online or in person." in said["drop-in page"]
    assert "Usually 12:30 to 13:00 UK time (30 minutes, at lunchtime)" in said["drop-in page"]


def test_moving_the_series_to_the_evening_in_person_changes_every_page_that_described_it(evening):
    said = drop_in_statements(evening)
    assert "ran monthly in-person drop-in sessions in 2023." in said["home"]
    assert "Each session lasts 1 hour 30 minutes in the evening, from 18:00 to 19:30 UK time." in said["home"]
    assert said["resources"].endswith("ran monthly in-person drop-in sessions in 2023.")
    assert "ran monthly in-person drop-in sessions in 2023. At each session, GP practice teams" in said["drop-in page"]
    assert "Usually 18:00 to 19:30 UK time (1 hour 30 minutes, in the evening)" in said["drop-in page"]
    assert "In person at Sandford Education Centre, Keynsham Road, Cheltenham, GL53 7PX" in said["drop-in page"]
    stale = re.compile(r"lunchtime|(?<!hour )30 minutes|30-minute|12:30|13:00|\bonline\b", re.I)
    for page, text in said.items():
        assert not stale.findall(text), f"{page} still says {stale.findall(text)}: {text}"
    session = article_text(evening.read("events/rcot-drop-in/2023-10-19/"))
    assert "18:00 to 19:30 UK time (BST)" in session and "Sandford Education Centre" in session


def read_with_ical_js(paths: list[Path]) -> dict[str, list[dict]]:
    result = subprocess.run(
        ["node", str(PARSERS / "parse_ics.mjs"), *map(str, paths)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_every_calendar_file_marks_the_2023_sessions_tentative_and_their_pages_say_not_confirmed(hub_site):
    import icalendar
    import vobject
    from ical.calendar_stream import IcsCalendarStream

    files = sorted(hub_site.site_dir.rglob("*.ics"))
    assert len(files) == 6  # four sessions, the series' feed and the hub's
    for path in files:
        text = path.read_bytes().decode("utf-8")
        statuses = [
            [str(e["STATUS"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")],
            [str(e.status.value) for e in IcsCalendarStream.calendar_from_ics(text).events],
            [e.status.value for e in vobject.readOne(text).vevent_list],
        ]
        for found in statuses:
            assert found and set(found) == {"TENTATIVE"}, (path, found)
        # No place is known: no LOCATION at all (never a sentence), and the description says so.
        locations = [
            ["LOCATION" in e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")],
            [e.location is not None for e in IcsCalendarStream.calendar_from_ics(text).events],
            [hasattr(e, "location") for e in vobject.readOne(text).vevent_list],
        ]
        assert all(found and not any(found) for found in locations), (path, locations)
        for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
            assert "Where: Not known. The source does not say whether" in str(event["DESCRIPTION"])
    for path, events in read_with_ical_js(files).items():
        assert len(events) in (1, 4), path
        for event in events:
            assert (event["status"], event["location"], event["conference"]) == ("TENTATIVE", None, None), path
            assert "NOT CONFIRMED: The source gives no year" in event["description"], path
    for day in ("2023-09-21", "2023-10-19", "2023-11-16", "2023-12-13"):
        page = article_text(hub_site.read(f"events/rcot-drop-in/{day}/"))
        assert "This session is not confirmed The source gives no year; we worked it out from the weekdays." in page
    past = between(article_text(hub_site.read("events/")), "Past sessions ¶", "¶")
    assert past.count("Not confirmed") == 4


def test_the_drop_in_pages_description_states_no_fact_that_the_data_could_change(hub_site):
    description = meta_description(hub_site.read("events/"))
    assert not re.search(r"monthly|weekly|online|in person|lunchtime|evening|minutes?|hours?|\d", description, re.I)


# ---------------------------------------------------------------------------
# Notes belong to the sessions they name
# ---------------------------------------------------------------------------


def test_a_2027_session_in_a_series_with_2023_notes_shows_no_2023_note(with_2027):
    new = article_text(with_2027.read("events/rcot-drop-in/2027-01-21/"))
    assert "Thursday 21 January 2027" in new
    assert "2023" not in new and "Note:" not in new
    old = article_text(with_2027.read("events/rcot-drop-in/2023-10-19/"))
    assert "Note: The source lists these dates without a year. We have taken them to be in 2023" in old
    ics = (with_2027.site_dir / "events/rcot-drop-in/2027-01-21.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "2023" not in ics and "without a year" not in ics
    old_ics = (with_2027.site_dir / "events/rcot-drop-in/2023-10-19.ics").read_bytes().decode("utf-8")
    assert "without a year" in old_ics.replace("\r\n ", "")
    upcoming = between(article_text(with_2027.read("events/")), "Upcoming sessions ¶", "About the sessions ¶")
    assert "Thursday 21 January 2027" in upcoming and "2023" not in upcoming
    # A session added with only its date is confirmed: no doubt on its page, the list, the home page or its calendar.
    assert "not confirmed" not in new.lower(), new
    assert "not confirmed" not in upcoming.lower(), upcoming
    home_next = between(article_text(with_2027.read("")), "Next drop-in session", "¶")
    assert "Thursday 21 January 2027" in home_next and "not confirmed" not in home_next.lower()
    assert "STATUS:CONFIRMED" in ics and "TENTATIVE" not in ics and "NOT CONFIRMED" not in ics
    assert "This session is not confirmed" in old and "STATUS:TENTATIVE" in old_ics
    # One session in 2027 after four in 2023 is no longer a monthly rhythm, and 2023 is no longer the only
    # year (issue 30): the home, drop-in and resources pages all say so, each sentence starting with a capital.
    for page, said in drop_in_statements(with_2027).items():
        if page == "drop-in page description":
            continue
        assert "ran drop-in sessions in 2023 and plans another in 2027." in said, (page, said)
        assert "monthly" not in said.lower() and "offered them in 2023" not in said, (page, said)
        assert all(s[:1].isupper() for s in re.split(r"(?<=\.) ", said.strip()) if s), (page, said)


# ---------------------------------------------------------------------------
# What changed, newest first
# ---------------------------------------------------------------------------


def test_a_moved_sessions_page_lists_its_changes_newest_first_with_their_dates(fixture_sites):
    site, _ = fixture_sites
    moved = site.read("events/rcot-drop-in/2026-10-26/")
    changes = between(moved, '<h2 id="what-changed">What changed', "</ul>")
    items = re.findall(r'<li><time datetime="([\d-]+)">([^<]+)</time>: ([^<]+)</li>', changes)
    assert items == [
        ("2026-10-02", "2 October 2026", "New time 13:00."),
        ("2026-10-01", "1 October 2026", "Moved to 2 November."),
    ]
    cancelled = article_text(site.read("events/rcot-drop-in/2026-03-30/"))
    assert "What changed 20 March 2026: Cancelled because the speaker is unwell." in cancelled
    assert "What changed" not in site.read("events/rcot-drop-in/2026-11-21/")


def test_a_session_with_its_own_source_names_it_at_the_foot_of_its_page(fixture_sites):
    site, _ = fixture_sites
    sources = between(site.read("events/rcot-drop-in/2026-12-10/"), 'id="hub-sources-heading"', "</aside>")
    assert '<a href="https://announcements.example.org/december">Newer fixture announcement</a>' in sources
    assert "Fixture source" not in sources
    assert "Fixture source" in between(
        site.read("events/rcot-drop-in/2026-11-21/"), 'id="hub-sources-heading"', "</aside>"
    )


# ---------------------------------------------------------------------------
# Calendar ids that survive a move to a new address
# ---------------------------------------------------------------------------


def identity_lines(text: str) -> list[str]:
    lines = text.replace("\r\n ", "").split("\r\n")
    return [line for line in lines if line.startswith(("UID:", "SEQUENCE:", "DTSTAMP:"))]


def test_two_builds_with_different_site_urls_give_the_same_uids_sequences_and_dtstamps(fixture_sites):
    a, b = fixture_sites
    files_a = sorted(p.relative_to(a.site_dir) for p in a.site_dir.rglob("*.ics"))
    files_b = sorted(p.relative_to(b.site_dir) for p in b.site_dir.rglob("*.ics"))
    assert files_a == files_b and len(files_a) > 10
    for relative in files_a:
        text_a = (a.site_dir / relative).read_bytes().decode("utf-8")
        text_b = (b.site_dir / relative).read_bytes().decode("utf-8")
        assert identity_lines(text_a) == identity_lines(text_b), relative
        assert identity_lines(text_a), relative
        uids = [line for line in identity_lines(text_a) if line.startswith("UID:")]
        assert all(line.endswith(f"@{CALENDAR_ID}") for line in uids), uids
        # The addresses did change: the test would mean nothing otherwise.
        assert SITE_A in text_a and SITE_B in text_b.replace("\r\n ", "") and SITE_A not in text_b, relative


def test_ical_js_reads_the_same_events_from_both_builds(fixture_sites):
    read = {}
    for site in fixture_sites:
        files = sorted(site.site_dir.rglob("*.ics"))
        result = subprocess.run(
            ["node", str(PARSERS / "parse_ics.mjs"), *map(str, files)], capture_output=True, text=True, check=True
        )
        read[site.site_dir] = {
            str(Path(path).relative_to(site.site_dir)): sorted(
                (e["uid"], e["status"], e["start"], e["end"]) for e in events
            )
            for path, events in json.loads(result.stdout).items()
        }
    first, second = read.values()
    assert first == second and all(first.values())


# ---------------------------------------------------------------------------
# Issue 22: an honest invitation, one feed, no doubt on a new session, the joining link
# ---------------------------------------------------------------------------


def test_with_nothing_booked_the_home_and_drop_in_pages_say_who_to_ask_before_the_calendar(hub_site):
    ask = (
        "No drop-in sessions are booked at the moment. Ask the organiser, Royal College of Occupational "
        "Therapists (RCOT), whether new dates are planned: email genevieve.smyth@rcot.co.uk. Subscribe to the "
        "drop-in calendar: if new dates are announced here, they will appear in your calendar."
    )
    home = article_text(hub_site.read(""))
    assert ask in between(home, "Drop-in sessions ¶", "Questions ¶")
    events = article_text(hub_site.read("events/"))
    # The drop-in page leads with it: the first section after the opening paragraph.
    assert events.index(ask) < events.index("About the sessions ¶") < events.index("Past sessions ¶")
    assert 'href="mailto:genevieve.smyth@rcot.co.uk"' in hub_site.read("")
    for page in (home, events):
        assert "We do not know whether" not in page and "still run" not in page
        assert "as soon as they are announced" not in page


def test_a_past_session_page_says_nothing_is_booked_and_links_to_no_empty_list(hub_site):
    html = hub_site.read("events/rcot-drop-in/2023-12-13/")
    page = article_text(html)
    assert "This date has passed. No later sessions are booked." in page
    assert "Ask the organiser, Royal College of Occupational Therapists (RCOT), whether new dates are planned" in page
    assert "See the next sessions" not in page and "has taken place" not in page
    assert "if new dates are announced here, they will appear in your calendar" in page


def test_one_feed_is_offered_and_the_series_feed_still_works_for_its_subscribers(hub_site):
    import icalendar

    subscribe = between(article_text(hub_site.read("events/")), "Subscribe to the calendar ¶", "How to subscribe ¶")
    assert "This is the calendar to subscribe to." in subscribe
    assert "events/feeds/all.ics" in subscribe and "rcot-drop-in.ics" not in subscribe
    assert "rcot-drop-in.ics" not in hub_site.read("events/")
    feeds = {
        name: (hub_site.site_dir / "events/feeds" / name).read_bytes().decode("utf-8")
        for name in ("all.ics", "rcot-drop-in.ics")
    }
    uids = {
        name: sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT"))
        for name, text in feeds.items()
    }
    assert uids["all.ics"] == uids["rcot-drop-in.ics"] and len(uids["all.ics"]) == 4
    source = re.search(r"^SOURCE;VALUE=URI:(.*)$", feeds["rcot-drop-in.ics"].replace("\r\n ", ""), re.M)[1].strip()
    assert source == PLACEHOLDER + "events/feeds/rcot-drop-in.ics"


def test_a_session_added_with_only_its_date_shows_no_doubt_anywhere(with_2027):
    home = article_text(with_2027.read(""))
    panel = between(home, "Next drop-in session", "¶")
    assert "Thursday 21 January 2027" in panel
    new = article_text(with_2027.read("events/rcot-drop-in/2027-01-21/"))
    upcoming = between(article_text(with_2027.read("events/")), "Upcoming sessions ¶", "About the sessions ¶")
    for text in (between(home, "Drop-in sessions ¶", "Questions ¶"), upcoming, new):
        for doubt in (
            "not confirmed",
            "do not know",
            "whether sessions are running",
            "still run",
            "No drop-in sessions are booked",
            "has taken place",
        ):
            assert doubt.lower() not in text.lower(), (doubt, text)
    assert "How to join Email Genevieve Smyth at RCOT to join." in new
    # The 2023 pages now point to it rather than saying nothing is booked.
    old = article_text(with_2027.read("events/rcot-drop-in/2023-12-13/"))
    assert "The next session is on Thursday 21 January 2027." in old and "No later sessions" not in old


def place_on_page(page: str) -> str:
    return between(page, " Where ", " Who it is for ")


def test_pages_and_calendars_agree_on_status_place_and_joining_link(hub_site, with_2027, online_with_link):
    import icalendar

    for site in (hub_site, with_2027, *online_with_link.values()):
        for ics in sorted(site.site_dir.glob("events/rcot-drop-in/*.ics")):
            event = next(iter(icalendar.Calendar.from_ical(ics.read_bytes().decode("utf-8")).walk("VEVENT")))
            page = article_text(site.read(f"events/rcot-drop-in/{ics.stem}/"))
            tentative = str(event["STATUS"]) == "TENTATIVE"
            assert tentative == ("This session is not confirmed" in page), (site.site_dir, ics.name)
            place = place_on_page(page)
            if "LOCATION" in event:
                assert place == str(event["LOCATION"]) == "Online", (site.site_dir, ics.name)
            else:
                assert place.startswith("Not known."), (site.site_dir, ics.name, place)
            link = str(event.get("CONFERENCE", ""))
            assert (f"Joining link for this session: {JOIN_LINK}" in page) == (link == JOIN_LINK), (
                site.site_dir,
                ics.name,
            )


def test_the_joining_link_is_on_the_page_and_in_every_calendar_until_the_session_ends(online_with_link):
    before, after = online_with_link["before"], online_with_link["after"]
    page = before.read("events/rcot-drop-in/2027-01-21/")
    assert f'<a href="{JOIN_LINK}">{JOIN_LINK}</a>' in page
    assert json.loads(re.search(r'ld\+json">(.*?)</script>', page, re.S)[1])["location"]["url"] == JOIN_LINK
    assert JOIN_LINK not in after.read("events/rcot-drop-in/2027-01-21/")
    assert "This session has taken place. No later sessions are booked." in article_text(
        after.read("events/rcot-drop-in/2027-01-21/")
    )
    uid = "rcot-drop-in-2027-01-21@" + CALENDAR_ID
    names = ["events/rcot-drop-in/2027-01-21.ics", "events/feeds/all.ics", "events/feeds/rcot-drop-in.ics"]
    read = {
        when: read_with_ical_js([site.site_dir / name for name in names]) for when, site in online_with_link.items()
    }
    for when, files in read.items():
        for path, events in files.items():
            event = next(e for e in events if e["uid"] == uid)
            expected = JOIN_LINK if when == "before" else None
            assert (event["conference"], event["location"], event["status"]) == (expected, "Online", "CONFIRMED"), path
            assert (JOIN_LINK in event["description"]) == (when == "before"), path
            others = [e for e in events if e["uid"] != uid]
            assert all(e["conference"] is None and e["location"] == "Online" for e in others), path
    # The link going changes neither the UID nor the SEQUENCE nor DTSTAMP: no calendar shows it twice.
    for name in names:
        identity = [identity_lines((site.site_dir / name).read_bytes().decode("utf-8")) for site in (before, after)]
        assert identity[0] == identity[1] and identity[0], name


# ---------------------------------------------------------------------------
# Search (issue 30): a past session's page is left out of the index, one to come is in it
# ---------------------------------------------------------------------------


def indexed_pages(site) -> set[str]:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#", 1)[0] for doc in index["docs"]}


def test_past_sessions_pages_are_out_of_search_and_one_to_come_is_in(hub_site, with_2027):
    assert not [path for path in indexed_pages(hub_site) if path.startswith("events/rcot-drop-in/")]
    assert {"events/", ""} <= indexed_pages(hub_site)
    sessions = {path for path in indexed_pages(with_2027) if path.startswith("events/rcot-drop-in/")}
    assert sessions == {"events/rcot-drop-in/2027-01-21/"}
    # Still published and listed: only search leaves them out.
    assert (with_2027.site_dir / "events/rcot-drop-in/2023-10-19/index.html").is_file()
    assert 'href="rcot-drop-in/2023-10-19/"' in with_2027.read("events/")


def test_the_cost_calculator_is_found_by_its_name(hub_site):
    index = json.loads((hub_site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for page in ("roles/funding/", "recruitment/hiring-an-ot/"):
        assert "calculator" in titles[f"{page}#cost-calculator-heading"].lower().split()


def test_with_two_series_the_pages_name_both_organisers_and_the_years_from_the_data(fixture_sites):
    """The fixture (two series, online and in person, built on 25 October 2026 with sessions
    before and after it, into 2027): one sentence names both organisers and the years."""
    site, _ = fixture_sites
    opening = between(article_text(site.read("events/")), "Drop-in sessions ¶", "Upcoming sessions").strip()
    assert opening.startswith(
        "The organisers, Royal College of Occupational Therapists and Bwrdd Iechyd Prifysgol Aneurin Bevan, "
        "Ysbyty Ystrad Fawr, ran online and in-person drop-in sessions in 2026 and plan more in 2026 and 2027."
    ), opening
    home = between(article_text(site.read("")), "Drop-in sessions ¶", "Next drop-in session")
    assert "plan more in 2026 and 2027." in home and "monthly" not in home.lower()
