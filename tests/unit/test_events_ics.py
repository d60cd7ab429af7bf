"""The .ics files (written with icalendar): escaping, folding, the VTIMEZONE, stable UIDs and SEQUENCE, a golden
feed, 5,000 sessions end to end, and four independent parsers agreeing with zoneinfo."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from macros.events.ics import calendar_files, session_event
from macros.events.models import load_events
from macros.events.occurrences import occurrences
from macros.events.pages import event_files
from macros.events.timezone import vtimezone

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
GOLDEN = ROOT / "tests" / "fixtures" / "events" / "golden-all.ics"
PARSERS = ROOT / "tests" / "parsers"
SITE = "https://hub.example.org/"
# The build's "today", as the events fixture site is built: some sessions past, some to come.
NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
CALENDAR_ID = "test-hub.fixture"  # extra.hub.calendar_id: UIDs end @test-hub.fixture, whatever SITE is


@pytest.fixture(scope="module")
def fixture_files() -> dict[str, str]:
    return calendar_files(occurrences(load_events(FIXTURE)), SITE, "Test hub", CALENDAR_ID, now=NOW)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def one_event_with_description(text: str) -> bytes:
    """A fixture session whose series description is `text`, as icalendar serialises it (macros.events.ics.session_event)."""
    first = occurrences(load_events(FIXTURE))[0]
    series = first.series.model_copy(update={"description": text})
    return session_event(dataclasses.replace(first, series=series), SITE, NOW).to_ical()


def description_line(serialised: bytes) -> str:
    return next(line for line in unfold(serialised.decode("utf-8")) if line.startswith("DESCRIPTION:"))


def test_text_escaping():
    assert description_line(one_event_with_description("a, b; c\\d\nnew")).startswith(
        "DESCRIPTION:a\\, b\\; c\\\\d\\nnew"
    )


@pytest.mark.parametrize("text", ["a" * 200, "Gàidhlig ŵŷ " * 20, "🎉🧑‍⚕️" * 40, "x" * 74 + "é" * 3])
def test_folding_keeps_lines_within_75_octets_and_characters_whole(text):
    serialised = one_event_with_description(text)
    physical = serialised.split(b"\r\n")
    assert all(len(p) <= 75 for p in physical)
    start = next(i for i, p in enumerate(physical) if p.startswith(b"DESCRIPTION:"))
    end = next(i for i in range(start + 1, len(physical)) if not physical[i].startswith(b" "))
    pieces = physical[start:end]
    assert len(pieces) > 1
    for piece in pieces:
        piece.decode("utf-8")  # each piece is whole UTF-8 on its own: splits fall between characters
    assert b"".join([pieces[0], *(p[1:] for p in pieces[1:])]).decode("utf-8").startswith("DESCRIPTION:" + text)


def test_every_line_of_every_file_is_crlf_and_short(fixture_files):
    for name, text in fixture_files.items():
        assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), name
        assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), name


def zone_lines(serialised: bytes) -> tuple[str, ...]:
    return tuple(unfold(serialised.decode("utf-8"))[:-1])


def test_london_vtimezone_uses_yearly_rules():
    assert zone_lines(vtimezone("Europe/London", 2025, 2027)) == (
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "X-LIC-LOCATION:Europe/London",
        "BEGIN:DAYLIGHT",
        "DTSTART:20250330T010000",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20251026T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    )


def test_other_zones_get_their_own_rules_or_a_fixed_offset():
    new_york = zone_lines(vtimezone("America/New_York", 2025, 2027))
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" in new_york and "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU" in new_york
    assert "TZOFFSETTO:+0900" in zone_lines(vtimezone("Asia/Tokyo", 2025, 2027))


def test_a_zone_whose_rules_changed_in_range_is_refused_naming_the_series(tmp_path):
    from macros.core.datafiles import DataFileError

    text = FIXTURE.read_text(encoding="utf-8").replace(
        "    online: true\n    notes:", "    time_zone: Africa/Casablanca\n    online: true\n    notes:"
    )
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        DataFileError, match=r"series 'rcot-drop-in', field 'time_zone': the clock changes in Africa/Casablanca"
    ):
        event_files(load_events(path), datetime(2026, 1, 1, tzinfo=UTC), SITE, "Hub", "data/events.yaml")


def test_calendar_properties(fixture_files):
    lines = unfold(fixture_files["events/feeds/all.ics"])
    for expected in [
        "VERSION:2.0",
        "PRODID:-//Test hub//Drop-in sessions//EN",
        "METHOD:PUBLISH",
        "CALSCALE:GREGORIAN",
        "NAME:Test hub: all drop-in sessions",
        "X-WR-CALNAME:Test hub: all drop-in sessions",
        "URL;VALUE=URI:https://hub.example.org/events/",
        "SOURCE;VALUE=URI:https://hub.example.org/events/feeds/all.ics",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "X-WR-TIMEZONE:Europe/London",
    ]:
        assert expected in lines, expected
    assert any(line.startswith("X-WR-CALDESC:") for line in lines)
    assert any(line.startswith("DESCRIPTION:") for line in lines[:12])
    assert lines.count("BEGIN:VTIMEZONE") == 1


def test_calendar_names_are_escaped_text(fixture_files):
    """icalendar has no type for NAME and X-WR-CALNAME; left untyped they would go out unescaped."""
    lines = unfold(fixture_files["events/feeds/cymraeg-gaidhlig.ics"])
    title = load_events(FIXTURE).series[1].title
    escaped = title.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert f"NAME:{escaped}" in lines and f"X-WR-CALNAME:{escaped}" in lines


def test_one_file_per_session_per_series_and_for_the_hub(fixture_files):
    sessions = occurrences(load_events(FIXTURE))
    assert {o.ics_path for o in sessions} | {
        "events/feeds/all.ics",
        "events/feeds/rcot-drop-in.ics",
        "events/feeds/cymraeg-gaidhlig.ics",
    } == set(fixture_files)


def test_uids_stable_sequence_and_cancelled_sessions_stay(fixture_files):
    calendar = icalendar.Calendar.from_ical(fixture_files["events/feeds/rcot-drop-in.ics"])
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 8
    cancelled = events[f"rcot-drop-in-2026-03-30@{CALENDAR_ID}"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    assert str(cancelled["SUMMARY"]).startswith("Cancelled: ")
    moved = events[f"rcot-drop-in-2026-10-26@{CALENDAR_ID}"]  # UID keeps the original date
    assert int(moved["SEQUENCE"]) == 2 and moved.decoded("DTSTART").isoformat() == "2026-11-02T13:00:00+00:00"
    assert moved.decoded("LAST-MODIFIED") == moved.decoded("DTSTAMP")
    assert moved.decoded("LAST-MODIFIED").isoformat() == "2026-10-02T00:00:00+00:00"
    plain = events[f"rcot-drop-in-2026-03-29@{CALENDAR_ID}"]
    assert int(plain["SEQUENCE"]) == 0 and plain.decoded("DTSTAMP").isoformat() == "2026-01-05T00:00:00+00:00"
    description = str(plain["DESCRIPTION"])
    assert "https://hub.example.org/events/rcot-drop-in/2026-03-29/" in description
    # How to join is for sessions still to come (NOW is 25 October 2026), as on the pages.
    assert "drop-ins@example.org" not in description and "How to join" not in description
    upcoming = str(events[f"rcot-drop-in-2026-11-21@{CALENDAR_ID}"]["DESCRIPTION"])
    assert "How to join: Email drop-ins@example.org to join." in upcoming


def test_non_ascii_text_round_trips(fixture_files):
    calendar = icalendar.Calendar.from_ical(fixture_files["events/feeds/cymraeg-gaidhlig.ics"])
    event = next(iter(calendar.walk("VEVENT")))
    series = load_events(FIXTURE).series[1]
    assert str(event["SUMMARY"]) == series.title
    assert series.description in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Canolfan Iechyd Llanfair, Stryd Fawr, Llanfair, LL00 0AA"
    assert "mailto:cyswllt@example.org" in str(event["ORGANIZER"])


def test_the_same_data_gives_byte_identical_files(fixture_files):
    again = calendar_files(occurrences(load_events(FIXTURE)), SITE, "Test hub", CALENDAR_ID, now=NOW)
    assert again == fixture_files


def test_golden_feed(fixture_files):
    """The whole-hub feed from the fixture, byte for byte. After an intended change, run with
    UPDATE_GOLDEN=1 and read the diff before committing it."""
    produced = fixture_files["events/feeds/all.ics"].encode("utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_bytes(produced)
    assert produced == GOLDEN.read_bytes()


# ---------------------------------------------------------------------------
# Four parsers besides our own writer: each must agree with zoneinfo
# ---------------------------------------------------------------------------


def expected_instants() -> dict[str, tuple[str, str, str]]:
    result = {}
    for events_file in (FIXTURE, ROOT / "data" / "events.yaml"):
        for o in occurrences(load_events(events_file)):
            uid = f"{o.series.id}-{o.session.date.isoformat()}@{CALENDAR_ID}"
            status = "CANCELLED" if o.cancelled else "CONFIRMED" if o.confirmed else "TENTATIVE"
            result[uid] = (
                o.start_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                o.end_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                status,
            )
    return result


def utc(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_calendars(folder: Path) -> list[Path]:
    """Every calendar file of the fixture and of the hub's own data, written under `folder`."""
    paths = []
    for events_file in (FIXTURE, ROOT / "data" / "events.yaml"):
        files = calendar_files(occurrences(load_events(events_file)), SITE, "Test hub", CALENDAR_ID, now=NOW)
        for name, text in files.items():
            path = folder / events_file.parent.name / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            paths.append(path)
    return paths


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[Path]:
    return write_calendars(tmp_path_factory.mktemp("ics"))


def parse_with_icalendar(text: str):
    for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        yield str(event["UID"]), utc(event.decoded("DTSTART")), utc(event.decoded("DTEND")), str(event["STATUS"])


def parse_with_ical(text: str):
    for event in IcsCalendarStream.calendar_from_ics(text).events:
        yield event.uid, utc(event.dtstart), utc(event.dtend), str(event.status.value)


def parse_with_vobject(text: str):
    for event in vobject.readOne(text).vevent_list:
        yield event.uid.value, utc(event.dtstart.value), utc(event.dtend.value), event.status.value


@pytest.mark.parametrize("parser", [parse_with_icalendar, parse_with_ical, parse_with_vobject])
def test_python_parsers_agree_with_zoneinfo(written, parser):
    expected = expected_instants()
    for path in written:
        found = list(parser(path.read_text(encoding="utf-8")))
        assert found, path
        for uid, start, end, status in found:
            assert (start, end, status) == expected[uid], f"{parser.__name__} {path.name} {uid}"


# ---------------------------------------------------------------------------
# Confirmed or not: STATUS follows the data, and confirming is a change like any other
# ---------------------------------------------------------------------------


def _with(occurrence, **session_update):
    session = occurrence.session.model_copy(update=session_update)
    return dataclasses.replace(occurrence, session=session)


def test_a_session_is_confirmed_unless_the_data_says_why_not():
    first = next(o for o in occurrences(load_events(FIXTURE)) if not o.cancelled)
    assert first.confirmed and first.unconfirmed_reason == ""
    event = session_event(first, SITE, NOW)
    assert str(event["STATUS"]) == "CONFIRMED" and "NOT CONFIRMED" not in str(event["DESCRIPTION"])
    doubtful = _with(first, unconfirmed="The source gives no year.")
    assert not doubtful.confirmed
    event = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + session_event(doubtful, SITE, NOW).to_ical() + b"END:VCALENDAR\r\n"
    )
    vevent = next(iter(event.walk("VEVENT")))
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert "NOT CONFIRMED: The source gives no year." in str(vevent["DESCRIPTION"])


def test_a_series_can_say_none_of_its_sessions_is_confirmed():
    first = next(o for o in occurrences(load_events(FIXTURE)) if not o.cancelled)
    series = first.series.model_copy(update={"unconfirmed": "We have not heard from the organiser."})
    doubtful = dataclasses.replace(first, series=series)
    assert not doubtful.confirmed
    assert str(session_event(doubtful, SITE, NOW)["STATUS"]) == "TENTATIVE"


def test_a_cancelled_unconfirmed_session_is_cancelled():
    cancelled = next(o for o in occurrences(load_events(FIXTURE)) if o.cancelled)
    assert str(session_event(_with(cancelled, unconfirmed="No year given."), SITE, NOW)["STATUS"]) == "CANCELLED"


def test_confirming_a_session_raises_its_sequence():
    from macros.events.models import Change

    first = next(o for o in occurrences(load_events(FIXTURE)) if not o.cancelled and not o.session.changes)
    before = _with(first, unconfirmed="No year given.")
    after = _with(first, changes=[Change(date=date(2026, 12, 4), summary="Confirmed by the organiser")])
    old, new = session_event(before, SITE, NOW), session_event(after, SITE, NOW)
    assert str(old["STATUS"]) == "TENTATIVE" and str(new["STATUS"]) == "CONFIRMED"
    assert int(new["SEQUENCE"]) == int(old["SEQUENCE"]) + 1
    assert str(new["UID"]) == str(old["UID"])
