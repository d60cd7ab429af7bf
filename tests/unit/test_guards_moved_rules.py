"""Both sides of the rules that now live in plain functions the pydantic validators call (so
mutation testing reaches them): a session's status, a way to join, where a series happens,
a note's dates, and where a checker answer leads."""

from __future__ import annotations

import pytest

from macros.learning.supervisors import Answer
from tests.helpers import EVENTS_VENUE, events_problem, events_series_text, load_events_text

CHANGE = "        changes:\n          - date: 2026-02-01\n            summary: Moved a week\n"


def with_first_session(lines: str) -> str:
    return events_series_text().replace("      - date: 2026-03-28\n", "      - date: 2026-03-28\n" + lines, 1)


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ("        status: moved\n" + CHANGE, "moved"),
        ('        moved_to:\n          start: "13:00"\n', "moved_to"),
        ("        status: cancelled\n" + CHANGE, "reason"),
        ("        status: cancelled\n        reason: Room closed.\n", "changes"),
        ('        status: moved\n        moved_to:\n          start: "13:00"\n          end: "13:30"\n', "changes"),
        ("        changes:\n          - date: 2026-02-02\n            summary: b\n"
         "          - date: 2026-02-01\n            summary: a\n", "oldest first"),
    ],
)  # fmt: skip
def test_a_session_whose_status_does_not_fit_is_refused(tmp_path, lines, field):
    message = events_problem(tmp_path, with_first_session(lines))
    assert "session 1" in message and field in message


@pytest.mark.parametrize(
    "lines",
    [
        '        status: moved\n        moved_to:\n          start: "13:00"\n          end: "13:30"\n' + CHANGE,
        "        status: cancelled\n        reason: Room closed.\n" + CHANGE,
        "        changes:\n          - date: 2026-02-01\n            summary: a\n"
        "          - date: 2026-02-01\n            summary: b\n",
    ],
)
def test_a_session_whose_status_fits_is_kept(tmp_path, lines):
    series = load_events_text(tmp_path, with_first_session(lines)).series[0]
    assert len(series.sessions) == 3


def test_a_series_needs_a_way_to_join(tmp_path):
    text = events_series_text()
    refused = events_problem(tmp_path, text.replace("      email: someone@example.org\n", "      instructions: Ask.\n"))
    how = refused.split("field 'join'", 1)[1]
    assert "email" in how and "link" in how
    by_link = text.replace("      email: someone@example.org\n", "      link: https://meet.example.org/a\n")
    assert load_events_text(tmp_path, by_link).series[0].join.link == "https://meet.example.org/a"
    assert load_events_text(tmp_path, text).series[0].join.email == "someone@example.org"


def test_a_series_happens_in_exactly_one_kind_of_place(tmp_path):
    both = events_series_text(place="    online: true\n" + EVENTS_VENUE)
    assert "choose one" in events_problem(tmp_path, both)
    assert "where it happens" in events_problem(tmp_path, events_series_text(place=""))
    noted = events_series_text(place="    location_note: The source does not say where.")
    assert load_events_text(tmp_path, noted).series[0].location_note
    assert load_events_text(tmp_path, events_series_text(place=EVENTS_VENUE)).series[0].venue.name == "Hub House"


def test_a_series_note_names_only_dates_of_its_sessions(tmp_path):
    note = "    notes:\n      - sessions: [{day}]\n        text: Bring a laptop.\n"
    refused = events_problem(tmp_path, events_series_text(extra=note.format(day="2026-03-29")))
    assert "2026-03-29" in refused and "2026-03-28" in refused
    assert "note 1 " in refused
    series = load_events_text(tmp_path, events_series_text(extra=note.format(day="2026-03-28"))).series[0]
    assert series.notes_for(series.sessions[0]) == ["Bring a laptop."]
    assert series.notes_for(series.sessions[1]) == []


@pytest.mark.parametrize(
    ("outcome", "leads_to"),
    [({"next": "q2"}, "question:q2"), ({"eligible": "gp"}, "eligible:gp"), ({"not_eligible": "no"}, "not-eligible:no")],
)
def test_an_answer_with_one_outcome_leads_there(outcome, leads_to):
    assert Answer(id="yes", text="Yes", **outcome).leads_to == leads_to


@pytest.mark.parametrize("outcome", [{}, {"next": "q2", "eligible": "gp"}, {"eligible": "gp", "not_eligible": "no"}])
def test_an_answer_needs_exactly_one_outcome(outcome):
    with pytest.raises(ValueError, match="exactly one") as caught:
        Answer(id="yes", text="Yes", **outcome)
    # It names what was written, and only when something was.
    assert ("wrote" in str(caught.value)) == bool(outcome)


def test_a_session_is_created_when_listed_and_modified_at_its_latest_change(tmp_path):
    from datetime import UTC, datetime

    from macros.events.occurrences import occurrences

    lines = (
        "        added: 2026-01-20\n        changes:\n          - date: 2026-02-01\n            summary: a\n"
        "          - date: 2026-02-10\n            summary: b\n"
    )
    first, second, _ = occurrences(load_events_text(tmp_path, with_first_session(lines)))
    assert first.created == datetime(2026, 1, 20, tzinfo=UTC)  # its own 'added'
    assert first.last_modified == datetime(2026, 2, 10, tzinfo=UTC)  # the latest change, not the first
    assert second.created == second.last_modified == datetime(2026, 1, 5, tzinfo=UTC)  # the series' 'added'
    assert (first.sequence, second.sequence) == (2, 0)


def test_two_series_need_two_ids(tmp_path):
    second = events_series_text().split("series:\n", 1)[1]
    refused = events_problem(tmp_path, events_series_text() + second)
    assert "series 1" in refused and "series 2" in refused and "'evening-drop-in'" in refused
    renamed = second.replace("evening-drop-in", "second-drop-in")
    events = load_events_text(tmp_path, events_series_text() + renamed)
    assert [series.id for series in events.series] == ["evening-drop-in", "second-drop-in"]


@pytest.mark.parametrize(
    ("where", "kept"),
    [
        ({"url": "https://www.rcot.co.uk/"}, True),
        ({"page": "supervision/index.md"}, True),
        ({"url": "https://www.rcot.co.uk/", "page": "supervision/index.md"}, False),
        ({}, False),
    ],
)
def test_a_roadmap_link_goes_to_a_website_or_a_page_never_both(where, kept):
    from pydantic import ValidationError

    from macros.learning.roadmap import StepLink

    if kept:
        assert StepLink(text="Read more", **where).text == "Read more"
    else:
        with pytest.raises(ValidationError, match="exactly one of 'url'"):
            StepLink(text="Read more", **where)
