"""A series whose source does not say where it happens: `location_note` instead of
`online: true` or a venue, so the hub does not claim what no source says (issue 13). The
place is then "not known" in words and calendars get no LOCATION (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.core.datafiles import DataFileError
from macros.events.models import load_events
from macros.events.occurrences import occurrences
from macros.events.pages import json_ld
from macros.events.wording import location_text, place_text
from tests.helpers import events_series_text, load_events_text

ROOT = Path(__file__).resolve().parents[2]

NOTE = "    location_note: The source does not say whether sessions are online or in person."


def load(tmp_path, where: str):
    return load_events_text(tmp_path, events_series_text(place=where))


def test_the_hubs_drop_ins_do_not_claim_to_be_online():
    series = load_events(ROOT / "data/events.yaml").series[0]
    assert not series.online and series.venue is None
    assert location_text(series) == ""
    assert place_text(series) == "Not known. The source does not say whether sessions are online or in person."
    assert "online" not in series.description.lower()


def test_a_location_note_is_shown_with_the_place_not_known_and_left_out_of_the_structured_data(tmp_path):
    events = load(tmp_path, NOTE)
    occurrence = occurrences(events)[0]
    assert location_text(events.series[0]) == ""
    assert place_text(events.series[0]) == "Not known. " + NOTE.split(": ", 1)[1]
    data = json_ld(occurrence, "https://hub.example.org/")
    assert "location" not in data and "eventAttendanceMode" not in data


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (NOTE + "\n    online: true", "choose one: 'online: true' for an online series"),
        ("    online: false", "say where it happens"),
    ],
)
def test_one_way_of_saying_where_is_required(tmp_path, where, expected):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, where)
    assert expected in str(caught.value)
