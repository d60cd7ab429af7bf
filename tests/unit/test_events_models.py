"""data/events.yaml validation: every mistake an editor can make stops the build with a
message naming the file, the series and session, the field and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.events.models import load_events
from tests.helpers import events_problem, load_events_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "events.yaml"

GOOD = """\
series:
  - id: rcot-drop-in
    title: OT drop-in
    organiser:
      name: Royal College of Occupational Therapists
    audience: [GPs]
    description: A drop-in.
    join:
      email: someone@example.org
    start: "12:30"
    end: "13:00"
    online: true
    added: 2026-01-05
    source:
      title: Source
      publisher: Publisher
      url: https://example.org/source
    sessions:
      - date: 2026-03-28
      - date: 2026-04-25
"""


load, problem = load_events_text, events_problem


def test_the_good_file_and_the_fixture_load(tmp_path):
    assert load(tmp_path, GOOD).series[0].sessions[1].date.isoformat() == "2026-04-25"
    assert len(load_events(FIXTURE).series) == 2


def test_the_hubs_own_data_loads_with_the_four_rcot_sessions_in_2023():
    events = load_events(Path(__file__).resolve().parents[2] / "data" / "events.yaml")
    series = events.series[0]
    assert [s.date.isoformat() for s in series.sessions] == ["2023-09-21", "2023-10-19", "2023-11-16", "2023-12-13"]
    assert (series.start.isoformat(), series.end.isoformat()) == ("12:30:00", "13:00:00")
    assert series.join.email == "genevieve.smyth@rcot.co.uk"
    # The note about the assumed year names every session it is about.
    assert [note.sessions for note in series.notes] == [[s.date for s in series.sessions]]
    assert all("2023" in series.notes_for(s)[0] and "weekdays" in series.notes_for(s)[0] for s in series.sessions)


def test_the_2023_sessions_say_why_they_are_not_confirmed_and_a_date_alone_is_confirmed(tmp_path):
    from macros.events.occurrences import occurrences

    events = load_events(Path(__file__).resolve().parents[2] / "data" / "events.yaml")
    shipped = occurrences(events)
    assert len(shipped) == 4 and not any(o.confirmed for o in shipped)
    assert all("no year" in o.unconfirmed_reason and "weekdays" in o.unconfirmed_reason for o in shipped)
    assert events.series[0].unconfirmed is None  # the doubt is the sessions', not the series'
    added = occurrences(load(tmp_path, GOOD))
    assert all(o.confirmed and o.unconfirmed_reason == "" for o in added)


BAD = [
    pytest.param(
        GOOD.replace("      - date: 2026-04-25", "      - date: 2026-04-25\n        unconfirmed: [no, year]"),
        r"data/events\.yaml:\d+: series 1 \(id 'rcot-drop-in'\), session 2 \(date '2026-04-25'\), field 'unconfirmed'",
        id="unconfirmed-not-text",
    ),
    pytest.param(
        GOOD.replace('start: "12:30"', "start: 12:30"),
        r'data/events\.yaml:10: series 1 \(id \'rcot-drop-in\'\), field \'start\': write the time in quotes, like "12:30"\. '
        r"Without quotes YAML reads 12:30 as the number 750",
        id="time-without-quotes",
    ),
    pytest.param(
        GOOD.replace('end: "13:00"', 'end: "12:00"'),
        r"data/events\.yaml:11: series 1 \(id 'rcot-drop-in'\), field 'end': the end time 12:00 is not after the "
        r"start time 12:30; check both times",
        id="end-not-after-start",
    ),
    pytest.param(
        GOOD.replace(
            "      - date: 2026-04-25", '      - date: 2026-04-25\n        start: "14:00"\n        end: "13:30"'
        ),
        r"data/events\.yaml:22: series 1 \(id 'rcot-drop-in'\), session 2 \(date '2026-04-25'\), field 'end': "
        r"the end time 13:30 is not after the start time 14:00",
        id="session-end-not-after-start",
    ),
    pytest.param(
        GOOD.replace("    online: true", "    online: true\n    time_zone: Europe/Londn"),
        r"field 'time_zone': 'Europe/Londn' is not a time zone we know.*Europe/London",
        id="unknown-time-zone",
    ),
    pytest.param(
        GOOD.replace("2026-04-25", "2026-02-30"),
        r"data/events\.yaml:20: series 1 \(id 'rcot-drop-in'\), session 2 \(date '2026-02-30'\), field 'date': "
        r"'2026-02-30' is not a real date",
        id="impossible-date",
    ),
    pytest.param(
        GOOD + GOOD.removeprefix("series:\n"),
        r"series 1 and series 2 both have the id 'rcot-drop-in': give each series its own id",
        id="duplicate-series-id",
    ),
    pytest.param(
        GOOD.replace("2026-04-25", "2026-03-28"),
        r"data/events\.yaml:20: series 1 \(id 'rcot-drop-in'\), session 2 \(date '2026-03-28'\), field 'date': "
        r"this session has the same date as session 1",
        id="duplicate-session-date",
    ),
    pytest.param(
        GOOD.replace("    description: A drop-in.\n", ""),
        r"series 1 \(id 'rcot-drop-in'\), field 'description': this required field is missing",
        id="missing-field",
    ),
    pytest.param(
        GOOD.replace("      - date: 2026-04-25", "      - date: 2026-04-25\n        statsu: cancelled"),
        r"data/events\.yaml:21: series 1 \(id 'rcot-drop-in'\), session 2 \(date '2026-04-25'\), field 'statsu': "
        r"'statsu' is not a field we know\. Check its spelling.*status",
        id="unknown-key",
    ),
    pytest.param(
        GOOD.replace("someone@example.org", "someone.example.org"),
        r"field 'email': 'someone\.example\.org' is not an email address",
        id="malformed-email",
    ),
    pytest.param(
        GOOD.replace("      email: someone@example.org", "      link: meet.example.org/x"),
        r"field 'link': 'meet\.example\.org/x' is not a web address.*https://",
        id="malformed-url",
    ),
    pytest.param(
        GOOD.replace("      - date: 2026-04-25", "      - date: 2026-04-25\n        status: cancelled"),
        r"session 2 \(date '2026-04-25'\).*a cancelled session needs a 'reason'",
        id="cancelled-without-reason",
    ),
    pytest.param(
        GOOD.replace(
            "      - date: 2026-04-25", "      - date: 2026-04-25\n        status: cancelled\n        reason: Ill."
        ),
        r"a cancelled session needs an entry under 'changes:'",
        id="cancelled-without-change",
    ),
    pytest.param(
        GOOD.replace(
            "      - date: 2026-04-25",
            "      - date: 2026-04-25\n        status: moved\n        changes: [{date: 2026-04-01, summary: x}]",
        ),
        r"marked 'moved' but says nowhere where to: add 'moved_to:'",
        id="moved-without-target",
    ),
    pytest.param(
        GOOD.replace("      - date: 2026-04-25", "      - date: 2026-04-25\n        status: postponed"),
        r"field 'status': write one of 'scheduled', 'cancelled' or 'moved'; you wrote 'postponed'",
        id="unknown-status",
    ),
    pytest.param(
        GOOD.replace(
            "      - date: 2026-04-25", '      - date: 2026-03-29\n        start: "01:30"\n        end: "02:30"'
        ),
        r"data/events\.yaml:21: series 1 \(id 'rcot-drop-in'\), session 2 \(date '2026-03-29'\), field 'start': "
        r"01:30 on 2026-03-29 does not exist: the clocks go forward then",
        id="time-skipped-by-clock-change",
    ),
    pytest.param(
        GOOD.replace("id: rcot-drop-in", "id: RCOT Drop-in"),
        r"field 'id': 'RCOT Drop-in' cannot be an id: use lower-case letters",
        id="bad-id",
    ),
    pytest.param(
        GOOD.replace("    online: true\n", ""),
        r"say where it happens: add 'online: true', or a 'venue'",
        id="no-place",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_each_mistake_stops_with_a_message_naming_file_entry_field_and_fix(tmp_path, text, expected):
    message = problem(tmp_path, text)
    assert message.startswith("data/events.yaml"), message
    assert re.search(expected, message), message


def test_the_unquoted_time_case_is_real_yaml_behaviour():
    # The reason the message exists: PyYAML reads 12:30 as 750.
    assert yaml.safe_load("start: 12:30") == {"start": 750}


def test_a_session_on_a_clock_change_day_at_a_real_time_is_fine(tmp_path):
    events = load(tmp_path, GOOD.replace("2026-04-25", "2026-10-25"))
    assert events.series[0].sessions[1].date.isoformat() == "2026-10-25"
