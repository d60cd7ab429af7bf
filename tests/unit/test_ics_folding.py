"""The fast path that writes the calendars' content lines gives exactly icalendar's bytes."""

from __future__ import annotations

import random

import pytest
from icalendar.parser.content_line import Contentline

from macros.events.ics import _fold_ascii, _line_bytes

PIECES = ["a", "Z", " ", ",", ";", ":", "\\", "\\n", "\\,", "^", "^^", "12:30", "é", "ŵ", "✓", "😀"]


def _random_lines(count: int, ascii_only: bool):
    chooser = random.Random(20261121)
    pieces = [piece for piece in PIECES if piece.isascii()] if ascii_only else PIECES
    for _ in range(count):
        length = chooser.choice([1, 10, 73, 74, 75, 76, 147, 148, 149, 150, 400])
        text = "".join(chooser.choice(pieces) for _ in range(length))[:length]
        yield Contentline(f"DESCRIPTION:{text}")


@pytest.mark.parametrize("ascii_only", [True, False])
def test_every_line_is_written_as_icalendar_writes_it(ascii_only):
    for line in _random_lines(3000, ascii_only):
        assert _line_bytes(line) == line.to_ical(), line


@pytest.mark.parametrize(
    ("position", "char"),
    [(position, char) for position in range(70, 80) for char in ("\\", "^", "a", "X")]
    + [(position, char) for position in range(144, 152) for char in ("\\", "^")],
)
def test_an_escape_at_the_fold_is_moved_as_icalendar_moves_it(position, char):
    text = "x" * position + char + "n" + "y" * 100
    line = Contentline(text)
    assert _fold_ascii(text).encode("ascii") == line.to_ical()


def test_short_lines_are_not_folded():
    assert _line_bytes(Contentline("SUMMARY:Drop-in")) == b"SUMMARY:Drop-in"
    assert b"\r\n " not in _line_bytes(Contentline("X" * 74))
    assert b"\r\n " in _line_bytes(Contentline("X" * 75))
