"""Dates and times as readers see them, in one place for every page, feed and document.

English names come from tables, not strftime's %A and %B, so the machine's locale cannot
change what the pages say. The hub's readers are in the UK: "today" is a UK date.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: date | datetime) -> str:
    """21 November 2026: the GOV.UK and NHS style, no leading zero."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date_with_weekday(day: date | datetime) -> str:
    """Thursday 21 September 2023: for sessions, where the weekday helps."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def build_date(instant: datetime) -> date:
    """The build's date in the UK, where editors and readers are."""
    return instant.astimezone(UK).date()
