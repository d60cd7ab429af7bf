"""The smaller parts of the drop-in pages, compared whole: a session page's front matter values,
dates in words, a source's entry, and the refusal of a time zone with no one yearly rule
(macros/events/pages.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from macros.core.problems import DataFileError, DataProblem
from macros.events.models import load_events
from macros.events.pages import _dates_in_words, _source, event_files, front_matter_value
from tests.unit.test_events_ics import FIXTURE, SITE


def test_a_front_matter_value_is_one_line_of_json_with_unreadable_characters_escaped():
    assert front_matter_value('a\x7fb\u2028c\x00\ufeff\x9f\u00e9"') == '"a\\u007fb\\u2028c\\u0000\\ufeff\\u009fé\\""'
    assert front_matter_value({"search": {"exclude": True}}) == '{"search": {"exclude": true}}'


@pytest.mark.parametrize(
    ("days", "words"),
    [
        ([date(2026, 3, 1)], "1 March 2026"),
        ([date(2026, 3, 2), date(2026, 3, 1)], "1 March 2026 and 2 March 2026"),
        ([date(2026, 3, 3), date(2026, 3, 1), date(2026, 3, 2)], "1 March 2026, 2 March 2026 and 3 March 2026"),
    ],
)
def test_the_days_a_note_names_are_written_in_order_in_words(days, words):
    assert _dates_in_words(days) == words


def test_a_sources_entry_carries_only_what_the_source_has():
    bare = SimpleNamespace(title="T", publisher="P", url="", note="", checked=None)
    assert _source(bare) == {"title": "T", "publisher": "P"}
    full = SimpleNamespace(title="T", publisher="P", url="https://x.example", note="N", checked=date(2026, 1, 2))
    assert _source(full) == {
        "title": "T", "publisher": "P", "url": "https://x.example", "note": "N", "checked": "2026-01-02"
    }  # fmt: skip


def test_a_time_zone_with_no_one_yearly_rule_is_refused_naming_each_series_using_it(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "    online: true\n    notes:", "    time_zone: Africa/Casablanca\n    online: true\n    notes:"
    )
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as refused:
        event_files(load_events(path), datetime(2026, 1, 1, tzinfo=UTC), SITE, "Hub", "data/events.yaml")
    assert refused.value.problems == [
        DataProblem(
            "data/events.yaml", None, "series 'rcot-drop-in', field 'time_zone'",
            "the clock changes in Africa/Casablanca do not follow one yearly rule between 2025 and 2028, so "
            "calendars could show these sessions at the wrong time. Use a time zone such as Europe/London",
        )
    ]  # fmt: skip
