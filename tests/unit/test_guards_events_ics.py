"""Calendar files as a calendar app reads them: titled after the session (never "None"), a series
feed that says what it is and where it comes from, folding that never writes an empty line, an
organiser name with a double quote, and a series of one session."""

from __future__ import annotations

import icalendar
import pytest

from macros.events.ics import _line_bytes, calendar_files
from macros.events.occurrences import occurrences
from tests.helpers import events_series_text, load_events_text

SITE = "https://hub.example.org/"


def files_for(tmp_path, text: str) -> dict[str, str]:
    return calendar_files(occurrences(load_events_text(tmp_path, text)), SITE, "Test hub")


def one_session(text: str) -> str:
    return text.replace("      - date: 2026-04-25\n      - date: 2026-05-23\n", "")


def as_text(content) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


@pytest.mark.parametrize("length", [74, 75, 148, 149, 222, 223])
def test_a_long_line_folds_without_an_empty_continuation_line(length):
    line = "DESCRIPTION:" + "x" * (length - len("DESCRIPTION:"))
    folded = _line_bytes(line).decode("ascii")
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.strip() for piece in pieces), pieces
    assert folded.replace("\r\n ", "") == line


def test_a_series_of_one_session_gets_its_session_file_and_its_feed(tmp_path):
    files = files_for(tmp_path, one_session(events_series_text()))
    calendars = [icalendar.Calendar.from_ical(as_text(content)) for content in files.values()]
    with_events = [c for c in calendars if c.walk("VEVENT")]
    assert len(with_events) == len(files) == 3  # the session's own file, the series feed, all sessions
    assert all(len(c.walk("VEVENT")) == 1 for c in with_events)


def test_every_calendar_is_titled_and_described_in_words(tmp_path):
    files = files_for(tmp_path, events_series_text())
    for path, content in files.items():
        calendar = icalendar.Calendar.from_ical(as_text(content))
        for name in ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC"):
            value = str(calendar.get(name, ""))
            assert value and value != "None" and "None" not in value.split(), (path, name, value)
    session_files = [c for p, c in files.items() if p.count("/") > 1 and "2026-03-28" in p]
    assert session_files, list(files)
    session = icalendar.Calendar.from_ical(as_text(session_files[0]))
    assert "Evening drop-in" in str(session["NAME"]) and "28 March 2026" in str(session["NAME"])
    assert "Hub" in str(session["DESCRIPTION"])


def test_the_series_feed_says_what_it_is_and_where_it_is_kept(tmp_path):
    files = files_for(tmp_path, events_series_text())
    feeds = [icalendar.Calendar.from_ical(as_text(c)) for c in files.values()]
    series_feeds = [c for c in feeds if str(c.get("NAME")) == "Evening drop-in"]
    assert len(series_feeds) == 1
    feed = series_feeds[0]
    assert "A drop-in." in str(feed["DESCRIPTION"]) and "Test hub" in str(feed["DESCRIPTION"])
    assert str(feed["SOURCE"]).startswith(SITE) and str(feed["SOURCE"]).endswith(".ics")
    assert len(feed.walk("VEVENT")) == 3


def test_an_organiser_name_with_a_double_quote_keeps_every_parser_reading_the_organiser(tmp_path):
    text = events_series_text().replace(
        "    organiser:\n      name: Hub\n",
        '    organiser:\n      name: The "Hub" team\n      email: hub@example.org\n',
    )
    files = files_for(tmp_path, text)
    content = as_text(next(iter(files.values())))
    organiser_line = next(line for line in content.replace("\r\n ", "").split("\r\n") if line.startswith("ORGANIZER"))
    assert "CN=" in organiser_line and "The 'Hub' team" in organiser_line
    assert organiser_line.endswith(":mailto:hub@example.org")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["ORGANIZER"]) == "mailto:hub@example.org"
