"""Drop-in sessions, second pass, end to end: copies of the hub built with changed data or
a changed site address, read as a reader and a calendar would get them.

- Move the hub's series to 18:00 to 19:30, in person: every page that described it
  (home, resources, drop-in page) says so, and none still says lunchtime, 30 minutes or
  online.
- Add a 2027 session to the series whose notes are about 2023: it shows no 2023 note.
- A moved or cancelled session's page lists its changes, newest first, with their dates.
- The same data under two different site_url values: every .ics has the same UIDs,
  SEQUENCEs and DTSTAMPs (and ical.js reads the same events from both).
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
        "resources": re.search(r"[^.]*drop-in sessions for GP practice staff", resources)[0],
        "drop-in page": between(events, "Drop-in sessions ¶", "How to join"),
        "drop-in page description": meta_description(events_html),
    }


# ---------------------------------------------------------------------------
# The pages follow the data
# ---------------------------------------------------------------------------


def test_the_hub_describes_its_monthly_lunchtime_series_from_the_data(hub_site):
    said = drop_in_statements(hub_site)
    assert "offered a monthly drop-in" in said["home"]
    assert "Each session lasts 30 minutes at lunchtime, from 12:30 to 13:00 UK time." in said["home"]
    assert said["resources"].endswith("offered monthly drop-in sessions for GP practice staff")
    assert "Monthly sessions where GP practice teams" in said["drop-in page"]
    assert "The source does not say whether sessions are online or in person." in said["drop-in page"]
    assert "Usually 12:30 to 13:00 UK time (30 minutes, at lunchtime)" in said["drop-in page"]


def test_moving_the_series_to_the_evening_in_person_changes_every_page_that_described_it(evening):
    said = drop_in_statements(evening)
    assert "offered a monthly in-person drop-in" in said["home"]
    assert "Each session lasts 1 hour 30 minutes in the evening, from 18:00 to 19:30 UK time." in said["home"]
    assert said["resources"].endswith("offered monthly in-person drop-in sessions for GP practice staff")
    assert "Monthly in-person sessions where GP practice teams" in said["drop-in page"]
    assert "Usually 18:00 to 19:30 UK time (1 hour 30 minutes, in the evening)" in said["drop-in page"]
    assert "In person at Sandford Education Centre, Keynsham Road, Cheltenham, GL53 7PX" in said["drop-in page"]
    stale = re.compile(r"lunchtime|(?<!hour )30 minutes|30-minute|12:30|13:00|\bonline\b", re.I)
    for page, text in said.items():
        assert not stale.findall(text), f"{page} still says {stale.findall(text)}: {text}"
    session = article_text(evening.read("events/rcot-drop-in/2023-10-19/"))
    assert "18:00 to 19:30 UK time (BST)" in session and "Sandford Education Centre" in session


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
    upcoming = between(article_text(with_2027.read("events/")), "Upcoming sessions ¶", "Past sessions ¶")
    assert "Thursday 21 January 2027" in upcoming and "2023" not in upcoming
    # A session added with only its date is confirmed: no doubt on its page, the list, the home page or its calendar.
    assert "not confirmed" not in new.lower(), new
    assert "not confirmed" not in upcoming.lower(), upcoming
    home_next = between(article_text(with_2027.read("")), "Next drop-in session", "¶")
    assert "Thursday 21 January 2027" in home_next and "not confirmed" not in home_next.lower()
    assert "STATUS:CONFIRMED" in ics and "TENTATIVE" not in ics and "NOT CONFIRMED" not in ics
    assert "This session is not confirmed" in old and "STATUS:TENTATIVE" in old_ics
    # One session in 2027 after four in 2023 is no longer a monthly rhythm: the home page stops saying so.
    assert "offered a drop-in" in drop_in_statements(with_2027)["home"]


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
