"""data/events.yaml's times, time zones and per-session checks as an editor meets them
(macros/events/models.py): the exact message for a time YAML misread, the time zone it
suggests, and which entry and field each session problem points at."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from macros.events.models import EventsFile, session_problems

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import events_problem, events_series_text, load_events_text  # noqa: E402


def problem_for(tmp_path, **times) -> str:
    return events_problem(tmp_path, events_series_text(**times))


@pytest.mark.parametrize(
    "written, shown",
    [
        ("12:30", '"12:30". Without quotes YAML reads 12:30 as the number 750'),
        ("30", '"0:30". Without quotes YAML reads 0:30 as the number 30'),  # a bare number
        ("23:59", '"23:59". Without quotes YAML reads 23:59 as the number 1439'),
        ("24:00", '"1440". Without quotes YAML reads 1440 as the number 1440'),
    ],
)
def test_a_time_without_quotes_says_how_to_write_it(tmp_path, written, shown):
    text = events_series_text().replace('    start: "12:30"', f"    start: {written}")
    assert f"write the time in quotes, like {shown}" in events_problem(tmp_path, text)


def test_yes_or_no_for_a_time_asks_for_a_time_in_quotes(tmp_path):
    text = events_series_text().replace('    start: "12:30"', "    start: yes")
    assert "field 'start': write a time in quotes, for example \"12:30\"" in events_problem(tmp_path, text)


@pytest.mark.parametrize("written", ["12:60", "24:00", "7:5"])
def test_a_time_off_the_24_hour_clock_is_refused(tmp_path, written):
    assert f"'{written}' is not a time we can read" in problem_for(tmp_path, start=written)


@pytest.mark.parametrize("written", ["12:59", "23:00", "07:05", " 9:15 "])
def test_a_time_on_the_24_hour_clock_is_read(tmp_path, written):
    load_events_text(tmp_path, events_series_text(start=written, end="23:59"))


def time_zone_problem(tmp_path, written: str) -> str:
    text = events_series_text().replace("    online: true\n", f"    online: true\n    time_zone: {written}\n")
    return events_problem(tmp_path, text)


def test_a_time_zone_written_loosely_gets_the_name_to_use(tmp_path):
    assert time_zone_problem(tmp_path, "london").endswith(
        "or leave 'time_zone' out for UK time. Did you mean Europe/London?"
    )
    assert "Did you mean Europe/Isle_of_Man?" in time_zone_problem(tmp_path, "Isle of Man")


def test_at_most_three_time_zones_are_suggested(tmp_path):
    message = time_zone_problem(tmp_path, "america/argentina")
    assert message.endswith(
        "Did you mean America/Argentina/Buenos_Aires or America/Argentina/Catamarca or America/Argentina/ComodRivadavia?"
    )


def test_a_time_zone_like_no_other_gets_no_suggestion(tmp_path):
    assert time_zone_problem(tmp_path, "Atlantis/Lost").endswith("or leave 'time_zone' out for UK time.")


@pytest.mark.parametrize("reserved", ["feeds", "all"])
def test_a_series_id_the_site_uses_itself_is_refused_with_another_to_use(tmp_path, reserved):
    text = events_series_text().replace("id: evening-drop-in", f"id: {reserved}")
    assert f"'{reserved}' is kept for the site's own use; choose another id, such as {reserved}-sessions" in (
        events_problem(tmp_path, text)
    )


def test_a_series_that_ends_when_it_starts_is_refused(tmp_path):
    assert "the end time 12:30 is not after the start time 12:30" in problem_for(tmp_path, start="12:30", end="12:30")


# --- which entry and field a session's problem points at ------------------------------------


def problems_of(text: str) -> list[tuple]:
    data = EventsFile.model_validate(yaml.safe_load(text))
    return session_problems(data)


def with_first_session(extra: str) -> str:
    return events_series_text().replace("      - date: 2026-03-28\n", "      - date: 2026-03-28\n" + extra)


def test_a_session_starting_after_the_series_ends_points_at_the_session_itself():
    [(loc, message)] = problems_of(with_first_session('        start: "14:00"\n'))
    assert loc == ("series", 0, "sessions", 0)
    assert message == "the end time 13:00 is not after the start time 14:00; check 'start' and 'end' (24-hour clock)"


def test_a_skipped_time_points_at_the_field_that_gives_it():
    own_start = with_first_session('        start: "01:30"\n').replace("2026-03-28", "2026-03-29", 1)
    [(loc, message)] = problems_of(own_start)
    assert loc == ("series", 0, "sessions", 0, "start")
    assert message == "01:30 on 2026-03-29 does not exist: the clocks go forward then. Choose another time"
    series_times = events_series_text(start="01:15", end="01:45").replace("2026-03-28", "2026-03-29", 1)
    assert [loc for loc, _ in problems_of(series_times)] == [
        ("series", 0, "sessions", 0, "date"),
        ("series", 0, "sessions", 0, "date"),
    ]
    moved = with_first_session(
        "        status: moved\n        moved_to:\n          date: 2026-03-29\n"
        '          start: "01:10"\n          end: "01:40"\n'
        "        reason: Room.\n        changes:\n          - date: 2026-03-01\n            summary: Moved.\n"
    )
    assert [loc for loc, _ in problems_of(moved)] == [("series", 0, "sessions", 0, "moved_to")] * 2


def test_a_repeated_time_when_the_clocks_go_back_is_named_too():
    back = with_first_session('        start: "01:15"\n        end: "01:45"\n').replace("2026-03-28", "2026-10-25", 1)
    messages = [message for _, message in problems_of(back)]
    assert messages == [
        "01:15 on 2026-10-25 happens twice: the clocks go back then. Choose another time",
        "01:45 on 2026-10-25 happens twice: the clocks go back then. Choose another time",
    ]


def test_a_repeated_date_and_a_later_mistake_are_both_reported():
    text = with_first_session("      - date: 2026-03-28\n").replace(
        "      - date: 2026-05-23\n", '      - date: 2026-05-23\n        start: "14:00"\n'
    )
    assert [loc for loc, _ in problems_of(text)] == [("series", 0, "sessions", 1, "date"), ("series", 0, "sessions", 3)]


def test_a_change_dated_the_day_the_session_was_added_is_fine():
    text = with_first_session("        changes:\n          - date: 2026-01-05\n            summary: Time set.\n")
    assert problems_of(text) == []
    earlier = text.replace("          - date: 2026-01-05\n", "          - date: 2026-01-04\n")
    assert [loc for loc, _ in problems_of(earlier)] == [("series", 0, "sessions", 0, "changes", 0, "date")]


def test_a_series_ending_when_it_starts_is_one_problem_at_its_end_not_one_per_session():
    assert problems_of(events_series_text(start="12:30", end="12:30")) == [
        (("series", 0, "end"), "the end time 12:30 is not after the start time 12:30; check both times (24-hour clock)")
    ]


def test_a_move_to_the_same_time_does_not_hide_a_later_session_s_mistake():
    same = (
        "        status: moved\n        moved_to:\n          date: 2026-03-28\n"
        "        changes:\n          - date: 2026-03-01\n            summary: Moved.\n"
    )
    text = with_first_session(same).replace(
        "      - date: 2026-05-23\n", '      - date: 2026-05-23\n        start: "14:00"\n'
    )
    assert [loc for loc, _ in problems_of(text)] == [
        ("series", 0, "sessions", 0, "moved_to"),
        ("series", 0, "sessions", 2),
    ]
