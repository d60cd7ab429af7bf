"""Behaviour the hub's rules guard, written as users meet it.

Mutation testing (mutmut, `make mutation`) showed these could change without a test
noticing: a checker that loops for ever, a warning that vanishes, a calendar titled "None",
one bad session hiding the checks on the next. Each test here fails if that happens.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import markdown
import pytest
from icalendar.parser.content_line import Contentline

from macros.core.escaping import markdown_inline_text
from macros.core.fields import check_id, check_web_address
from macros.core.problems import DataFileError
from macros.events.ics import _line_bytes, calendar_files
from macros.events.models import load_events
from macros.events.occurrences import occurrences
from macros.figures.models import load_figures
from macros.figures.wording import out_of_date_report
from macros.learning.supervisors import load_supervisors, workload_panel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import events_series_text, load_events_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
SITE = "https://hub.example.org/"
NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)  # the build's "today": joining links follow it


# ---------------------------------------------------------------------------
# Calendars: what a subscriber's calendar shows
# ---------------------------------------------------------------------------


def plain(value) -> str:
    """A TEXT value as a calendar shows it: RFC 5545's escapes undone (icalendar leaves NAME's as written)."""
    text = str(value)
    for written, shown in (("\\,", ","), ("\\;", ";"), ("\\n", "\n"), ("\\\\", "\\")):
        text = text.replace(written, shown)
    return text


@pytest.fixture(scope="module")
def fixture_calendars() -> dict[str, icalendar.Calendar]:
    files = calendar_files(occurrences(load_events(FIXTURE)), SITE, "Test hub", "test-hub.fixture", now=NOW)
    return {path: icalendar.Calendar.from_ical(text) for path, text in files.items()}


def test_a_session_calendar_is_named_for_its_session_never_none(fixture_calendars):
    sessions = occurrences(load_events(FIXTURE))
    for o in sessions:
        calendar = fixture_calendars[o.ics_path]
        name = plain(calendar["NAME"])
        assert name == plain(calendar["X-WR-CALNAME"])
        assert name.startswith(o.series.title + ", ") and "None" not in name
        about = plain(calendar["DESCRIPTION"])
        assert about.startswith(o.series.title + ": ") and f"Organised by {o.series.organiser.name}." in about
        assert "None" not in about


def test_a_series_feed_says_what_it_is_and_where_it_lives(fixture_calendars):
    events = load_events(FIXTURE)
    for series in events.series:
        path = f"events/feeds/{series.id}.ics"
        calendar = fixture_calendars[path]
        assert plain(calendar["NAME"]) == series.title
        about = plain(calendar["DESCRIPTION"])
        assert about.startswith(series.description.strip()[:40]) and "From Test hub." in about
        assert str(calendar["SOURCE"]) == SITE + path
        assert plain(calendar["X-WR-CALDESC"]) == about


@pytest.mark.parametrize("length", [74, 75, 147, 148, 149, 221, 222, 223, 296, 400])
def test_long_lines_fold_without_empty_continuation_lines(length):
    line = "DESCRIPTION:" + ("abcdefghij" * 50)[: length - len("DESCRIPTION:")]
    folded = _line_bytes(Contentline(line)).decode("ascii")
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.strip() for piece in pieces), pieces  # an empty continuation line is a broken feed
    assert folded.replace("\r\n ", "") == line


def test_an_organiser_name_with_double_quotes_reads_back_in_a_parser(tmp_path):
    text = events_series_text().replace(
        "      name: Hub\n", '      name: The "Hub" team\n      email: hub@example.org\n'
    )
    events = load_events_text(tmp_path, text)
    files = calendar_files(occurrences(events), SITE, "Test hub", now=NOW)
    calendar = icalendar.Calendar.from_ical(files["events/feeds/evening-drop-in.ics"])
    organisers = {str(event["ORGANIZER"].params["CN"]) for event in calendar.walk("VEVENT")}
    assert organisers == {"The 'Hub' team"}


def test_a_series_of_one_session_gives_its_three_calendars(tmp_path):
    text = events_series_text().replace("      - date: 2026-04-25\n      - date: 2026-05-23\n", "")
    events = load_events_text(tmp_path, text)
    files = calendar_files(occurrences(events), SITE, "Test hub", now=NOW)
    assert sorted(files) == [
        "events/evening-drop-in/2026-03-28.ics",
        "events/feeds/all.ics",
        "events/feeds/evening-drop-in.ics",
    ]
    for text in files.values():
        assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == 1


# ---------------------------------------------------------------------------
# Events data: every mistake reported, not only the first
# ---------------------------------------------------------------------------


def _problems(tmp_path, text) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load_events_text(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def test_a_session_that_ends_when_it_starts_is_refused(tmp_path):
    text = events_series_text().replace(
        "      - date: 2026-04-25\n", '      - date: 2026-04-25\n        start: "14:00"\n        end: "14:00"\n'
    )
    (message,) = _problems(tmp_path, text)
    assert "session 2 (date '2026-04-25'), field 'end': the end time 14:00 is not after the start time 14:00" in message


def test_one_bad_session_does_not_hide_the_mistakes_in_later_sessions(tmp_path):
    text = (
        events_series_text()
        .replace(
            "      - date: 2026-04-25\n", '      - date: 2026-04-25\n        start: "14:00"\n        end: "13:00"\n'
        )
        .replace(
            "      - date: 2026-05-23\n", '      - date: 2026-05-23\n        start: "15:00"\n        end: "15:00"\n'
        )
    )
    messages = _problems(tmp_path, text)
    assert len(messages) == 2
    assert "session 2 (date '2026-04-25')" in messages[0] and "session 3 (date '2026-05-23')" in messages[1]


def test_a_repeated_date_does_not_hide_a_later_sessions_mistake(tmp_path):
    text = (
        events_series_text()
        .replace("      - date: 2026-04-25\n", "      - date: 2026-03-28\n")
        .replace(
            "      - date: 2026-05-23\n", '      - date: 2026-05-23\n        start: "15:00"\n        end: "14:00"\n'
        )
    )
    messages = _problems(tmp_path, text)
    assert any("has the same date as session 1" in m for m in messages)
    assert any("session 3 (date '2026-05-23'), field 'end'" in m for m in messages)


def test_a_bad_series_does_not_hide_the_next_series_mistakes(tmp_path):
    first = events_series_text(start="13:00", end="12:00")
    second = (
        events_series_text()
        .split("series:\n", 1)[1]
        .replace("evening-drop-in", "morning-drop-in")
        .replace("      - date: 2026-04-25\n", "      - date: 2026-03-28\n")
    )
    messages = _problems(tmp_path, first + second)
    assert any("series 1 (id 'evening-drop-in'), field 'end'" in m for m in messages)
    assert any("series 2 (id 'morning-drop-in')" in m and "same date as session 1" in m for m in messages)


@pytest.mark.parametrize("written", ["noon", "12.30", "1230", "24:00"])
def test_a_time_the_hub_cannot_read_gets_the_hubs_message(tmp_path, written):
    (message,) = _problems(tmp_path, events_series_text(start=written))
    assert "field 'start'" in message and "is not a time we can read" in message


def test_a_session_ending_in_the_hour_the_clocks_skip_is_refused(tmp_path):
    text = events_series_text().replace(
        "      - date: 2026-03-28\n", '      - date: 2026-03-29\n        start: "00:30"\n        end: "01:30"\n'
    )
    (message,) = _problems(tmp_path, text)
    assert "field 'end'" in message and "01:30 on 2026-03-29 does not exist: the clocks go forward then" in message


# ---------------------------------------------------------------------------
# Ids, web addresses and text placed in Markdown
# ---------------------------------------------------------------------------


def test_an_id_of_60_characters_is_kept_and_61_refused():
    assert check_id("a" * 60) == "a" * 60
    with pytest.raises(ValueError, match="is 61 characters long; keep ids to 60 characters or fewer"):
        check_id("a" * 61)


@pytest.mark.parametrize("address", ["https://[abc.com/", "https://[::1", "https://exa mple.org/"])
def test_a_malformed_address_gets_the_hubs_message_not_a_crash(address):
    with pytest.raises(ValueError, match="is not a web address we can link to"):
        check_web_address(address)


def test_a_good_address_is_kept_as_typed():
    assert check_web_address("https://www.rcot.co.uk/a?b=c") == "https://www.rcot.co.uk/a?b=c"


@pytest.mark.parametrize("typed", ["<script>alert(1)</script>", "a > b", "<b>bold</b> & co"])
def test_text_placed_in_markdown_carries_no_raw_angle_brackets(typed):
    placed = markdown_inline_text(typed)
    assert "<" not in placed and ">" not in placed
    html = markdown.markdown(placed)
    assert "<script" not in html and "<b>" not in html


# ---------------------------------------------------------------------------
# Figures: a current figure does not hide an expired one's warning
# ---------------------------------------------------------------------------

FIGURE = """\
  - id: {id}
    title: {title}
    period: {period}
    starts: {starts}
    ends: {ends}
    unit: a year
    values:
      - label: Entry
        amount: 47810
    source:
      title: Pay scales
      publisher: NHS Employers
      year: 2025
      url: https://www.nhsemployers.org/
      checked: 2026-12-04
    check_with: NHS Employers
    check_url: https://www.nhsemployers.org/
"""


def test_a_current_figure_listed_first_does_not_hide_a_later_expired_one(tmp_path):
    text = (
        "figures:\n"
        + FIGURE.format(id="current", title="Current pay", period="2026/27", starts="2026-04-01", ends="2027-03-31")
        + FIGURE.format(id="expired", title="Old pay", period="2024/25", starts="2024-04-01", ends="2025-03-31")
    )
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    figures = load_figures(path, "data/figures.yaml")
    report = out_of_date_report(figures, {"current": 5, "expired": 22}, [], date(2026, 12, 4), "data/figures.yaml")
    assert [(item.line, "(expired)" in item.message) for item in report] == [(22, True)]


# ---------------------------------------------------------------------------
# The supervisor checker: it can never go round in circles
# ---------------------------------------------------------------------------

CHECKER = """\
sources:
  - id: seed
    title: Source
    publisher: A training hub
    url: https://example.org/source
    checked: 2026-12-04
routes:
  - id: gp
    who: a GP
    next_steps: [contact]
    sources: [seed]
not_eligible:
  - id: no-route
    title: None of the routes applies
    why: You need to be a GP.
    next_steps: [contact]
    sources: [seed]
next_steps:
  - id: contact
    text: Ask the hub.
    contact_hub: true
questions:
  - id: gp
    text: Are you a GP?
    answers:
      - id: "yes"
        text: "Yes"
        {yes}
      - id: "no"
        text: "No"
        not_eligible: no-route
workload:
  intro: Plan for
  items: [a daily debrief of 20 minutes]
  sources: [seed]
"""


def _checker_problems(tmp_path, outcome: str) -> list[str]:
    path = tmp_path / "supervisors.yaml"
    path.write_text(CHECKER.format(yes=outcome), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_supervisors(path, "data/supervisors.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_an_answer_that_leads_back_to_its_own_question_is_refused(tmp_path):
    messages = _checker_problems(tmp_path, "next: gp")
    assert any("'gp' is not further down the list" in m and "never goes round in circles" in m for m in messages)


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        ("next: nurse", "'nurse' is not an id in 'questions'"),
        ("eligible: nurse", "'nurse' is not an id in 'routes'"),
        ("not_eligible: nurse", "'nurse' is not an id in 'not_eligible'"),
    ],
)
def test_an_answer_naming_something_unknown_says_what_is_known(tmp_path, outcome, expected):
    messages = _checker_problems(tmp_path, outcome)
    assert any(expected in m for m in messages), messages


def test_the_workload_panel_shows_each_item_and_its_dated_source(tmp_path):
    path = tmp_path / "supervisors.yaml"
    path.write_text(CHECKER.format(yes="eligible: gp"), encoding="utf-8")
    html = workload_panel(load_supervisors(path, "data/supervisors.yaml"))
    assert "<p>Plan for:</p>" in html
    assert "<li>a daily debrief of 20 minutes</li>" in html
    assert "A training hub" in html and "(checked 4 December 2026)" in html


def test_a_figure_warning_names_the_dataclass_fields_it_reports():
    # The report items are what `make check` prints: file, line and message, nothing else.
    from macros.figures.wording import OutOfDate

    assert [field.name for field in dataclasses.fields(OutOfDate)] == ["file", "line", "message"]


def test_json_in_a_script_element_cannot_end_it_and_reads_in_any_javascript_parser():
    from macros.core.escaping import script_json

    written = script_json({"k": "</script><!--&\u2028\u2029é"})
    assert written == '{"k":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029é"}'
