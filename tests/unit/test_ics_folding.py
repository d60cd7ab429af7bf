"""The calendars' content lines are icalendar's own (escaped and folded at 75 octets by it),
with the last guard against control characters (macros/events/ics.py _line_bytes)."""

from __future__ import annotations

from icalendar.parser.content_line import Contentline

from macros.events.ics import _line_bytes


def test_short_lines_are_not_folded_and_long_ones_are_as_icalendar_folds_them():
    assert _line_bytes(Contentline("SUMMARY:Drop-in")) == b"SUMMARY:Drop-in"
    assert _line_bytes(Contentline("X" * 74)) == b"X" * 74
    # 74 octets, then a continuation line: its leading space makes 75.
    assert _line_bytes(Contentline("X" * 75)) == b"X" * 74 + b"\r\n X"


def test_a_control_character_that_reaches_a_calendar_line_is_a_space():
    assert _line_bytes(Contentline("SUMMARY:a\x0bb\x85c\u2028d\x7fe\tf")) == b"SUMMARY:a b c d e\tf"
