"""Whatever text reaches the generators comes out readable (issue 19): session pages keep
their front matter whatever the title holds, and no calendar file holds a control byte.

The data files refuse these characters (tests/unit/test_yaml_safety.py); these tests give
the generators the text directly, as a model built without the YAML pass would."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from macros.events.models import load_events
from macros.events.pages import event_files, front_matter_value

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "events.yaml"
AWKWARD = ["\x7f", "\x0b", "\x1b", "\x00", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff", '"', "\\", ": #", "\U0001f469"]


def files_with(title_extra: str, description_extra: str = "") -> dict[str, str]:
    events = load_events(FIXTURE)
    first = events.series[0]
    changed = first.model_copy(update={"title": f"Drop{title_extra}in", "description": f"About{description_extra} it"})
    events = events.model_copy(update={"series": [changed, *events.series[1:]]})
    return event_files(events, datetime(2026, 6, 1, tzinfo=UTC), "https://hub.example.org/", "Hub", "data/events.yaml")


@pytest.mark.parametrize("character", AWKWARD)
def test_a_session_page_keeps_its_front_matter_whatever_the_title_holds(character):
    files = files_with(character)
    first = load_events(FIXTURE).series[0].id
    pages = [text for path, text in files.items() if path.startswith(f"events/{first}/") and path.endswith(".md")]
    assert pages
    for text in pages:
        body, meta = get_data(text)
        assert meta["title"].removeprefix("Cancelled: ").startswith(f"Drop{character}in: "), text[:200]
        assert meta["sources"] and not body.startswith("---")


@pytest.mark.parametrize("value", ["a\x7fb", "line\u2028break", "plain", 'quote " and \\ back', 'x: "y" # z'])
def test_a_front_matter_value_reads_back_as_written(value):
    _, meta = get_data(f"---\ntitle: {front_matter_value(value)}\n---\n")
    assert meta == {"title": value}


def test_no_calendar_file_holds_a_control_byte():
    files = files_with("\x7f\x0b", "\x0b\x1b\x01\x85\u2028")
    calendars = {path: c if isinstance(c, bytes) else c.encode() for path, c in files.items() if path.endswith(".ics")}
    assert calendars
    for path, content in calendars.items():
        data = content
        # CR LF end every line; tab is allowed in TEXT; nothing else below 0x20, no DEL, no C1.
        stray = re.findall(
            rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|(?<!\r)\n|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]", data
        )
        assert not stray, (path, stray[:5])
    assert any(b"Drop  in" in content.replace(b"\r\n ", b"") for content in calendars.values())
