"""Sessions in words: dates, times, places and how to join, the same on the pages and in
the calendar files."""

from __future__ import annotations

from datetime import datetime

from ..core.dates import long_date_with_weekday
from .models import Join, Series
from .occurrences import Occurrence


def zone_label(moment: datetime) -> str:
    """'UK time (BST)' for London, otherwise the zone's own name and abbreviation."""
    abbreviation = moment.tzname() or ""
    name = str(moment.tzinfo)
    if name == "Europe/London":
        return f"UK time ({abbreviation})"
    place = name.rsplit("/", 1)[-1].replace("_", " ")
    return f"{place} time ({abbreviation})"


def time_range(start: datetime, end: datetime) -> str:
    """12:30 to 13:00 UK time (BST); the date too when the session ends on another day."""
    if start.date() == end.date():
        return f"{start:%H:%M} to {end:%H:%M} {zone_label(start)}"
    return f"{start:%H:%M} {zone_label(start)} to {long_date_with_weekday(end)} {end:%H:%M} {zone_label(end)}"


def when(occurrence: Occurrence) -> str:
    """Thursday 21 September 2023, 12:30 to 13:00 UK time (BST)."""
    return f"{long_date_with_weekday(occurrence.start)}, {time_range(occurrence.start, occurrence.end)}"


def moved_from(occurrence: Occurrence) -> str:
    """What a moved session used to be: 'Thursday 16 November 2023 at 12:30'."""
    return f"{long_date_with_weekday(occurrence.original_start)} at {occurrence.original_start:%H:%M}"


def audience_sentence(audience: list[str]) -> str:
    if len(audience) == 1:
        return audience[0]
    return ", ".join(audience[:-1]) + " and " + audience[-1]


def join_sentence(join: Join) -> str:
    """How to join, as one plain sentence for the feeds."""
    parts = []
    if join.instructions:
        parts.append(join.instructions)
    else:
        if join.email:
            parts.append(f"Email {join.email} to join.")
        if join.link:
            parts.append(f"Join online at {join.link}")
    if join.instructions and join.email and join.email not in join.instructions:
        parts.append(f"Email: {join.email}")
    if join.instructions and join.link and join.link not in join.instructions:
        parts.append(f"Link: {join.link}")
    return " ".join(parts)


def location_text(series: Series) -> str:
    """A calendar's LOCATION: the venue's name and address, or "Online"; '' when the data does
    not say where (a calendar then gets no LOCATION: a place, never a sentence)."""
    if series.venue:
        return f"{series.venue.name}, {series.venue.address}"
    if series.online:
        return "Online"
    return ""


PLACE_NOT_KNOWN = "Not known"


def place_text(series: Series) -> str:
    """Where, for the pages and a calendar's description: the LOCATION, else that the place is
    not known, followed by the series' note saying why."""
    return location_text(series) or f"{PLACE_NOT_KNOWN}. {series.location_note}"


def all_sessions_feed_name(hub_name: str) -> str:
    return f"{hub_name}: all drop-in sessions"


def offset_iso(moment: datetime) -> str:
    """ISO 8601 with the UTC offset, as schema.org wants: 2023-09-21T12:30:00+01:00."""
    return moment.isoformat(timespec="seconds")
