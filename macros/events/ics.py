"""Calendar files (RFC 5545 with the RFC 7986 calendar properties) for the drop-in sessions.

icalendar builds and serialises them: the calendars, their properties, the events and the
time zone, so escaping and the 75-octet folding are icalendar's. How it is used:

- The time zone (timezone.py) is an icalendar Timezone whose STANDARD and DAYLIGHT observances carry
  yearly RRULEs worked out from zoneinfo (the last Sunday of March and of October for
  Europe/London), built and serialised once per build. Not add_missing_timezones(): its
  long RDATE lists are misread for winter dates by ical.js (Thunderbird's parser) and vobject.
- Every value comes from the data (UID, DTSTAMP, LAST-MODIFIED, SEQUENCE), never Event.new()
  or Calendar.new(), which add a random UID and the clock's DTSTAMP; output is serialised
  with sorted=False, so properties keep the order written here and the same data gives the
  same bytes.
- Each event is serialised once and those bytes are reused in its own file, its series feed
  and the all-sessions feed, spliced into the calendar before END:VCALENDAR. That keeps
  5,000 sessions fast.

The tests read every file back with icalendar, ical, vobject and ical.js.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import (
    Calendar,
    Event,
    vCalAddress,
    vDatetime,
    vDuration,
    vInt,
    vText,
    vUri,
)
from icalendar.parser import Contentline

from ..core.dates import long_date_with_weekday as long_date
from ..core.urls import absolute
from .calendar_id import DEFAULT_CALENDAR_ID
from .occurrences import ALL_SESSIONS_FEED, EVENTS_PAGE, Occurrence, is_past, joining_link, series_feed_path
from .timezone import vtimezone
from .wording import (
    all_sessions_feed_name,
    audience_sentence,
    join_sentence,
    location_text,
    moved_from,
    place_text,
    when,
)

REFRESH = timedelta(hours=12)  # how often subscribed calendars should look again
# X-PUBLISHED-TTL is read as a duration string; given a timedelta icalendar would add VALUE=DURATION.
PUBLISHED_TTL = vDuration(REFRESH).to_ical().decode("ascii")  # PT12H


# ---------------------------------------------------------------------------
# Events and calendars
# ---------------------------------------------------------------------------


def uid(occurrence: Occurrence, calendar_id: str = DEFAULT_CALENDAR_ID) -> str:
    """Stable: the series id and the session's original date, at the hub's calendar id
    (never the site's host name, which may change: see calendar_id.py)."""
    return f"{occurrence.series.id}-{occurrence.session.date.isoformat()}@{calendar_id}"


def summary(occurrence: Occurrence) -> str:
    prefix = "Cancelled: " if occurrence.cancelled else ""
    return prefix + occurrence.series.title


def description(occurrence: Occurrence, site_url: str, now: datetime) -> str:
    """What a calendar shows under the title: status, the place when it is not known (there is
    no LOCATION then), how to join while the session is to come, and the session's page."""
    series = occurrence.series
    session = occurrence.session
    paragraphs = []
    if occurrence.cancelled:
        paragraphs.append(f"CANCELLED: {session.reason}")
    if occurrence.moved:
        moved = f"MOVED from {moved_from(occurrence)} to {when(occurrence)}."
        paragraphs.append(moved + (f" {session.reason}" if session.reason else ""))
    if not occurrence.cancelled and not occurrence.confirmed:
        paragraphs.append(f"NOT CONFIRMED: {occurrence.unconfirmed_reason}")
    paragraphs.append(series.description)
    if not location_text(series):
        paragraphs.append(f"Where: {place_text(series)}")
    paragraphs.append(f"For: {audience_sentence(series.audience)}.")
    if not occurrence.cancelled and not is_past(occurrence, now):
        paragraphs.append(f"How to join: {join_sentence(series.join)}")
    if session.join_link and joining_link(occurrence, now):
        paragraphs.append(f"Joining link for this session: {session.join_link}")
    paragraphs.extend(series.notes_for(session))
    paragraphs.append(f"Organised by {series.organiser.name}.")
    paragraphs.append(f"Details: {absolute(site_url, occurrence.page_url)}")
    return "\n\n".join(paragraphs)


def _parameter(value: str) -> str:
    """A parameter value as every parser reads it: a double quote (which icalendar would write
    as RFC 6868's ^', unknown to older parsers) becomes an apostrophe."""
    return value.replace('"', "'")


def _stamp(moment: datetime) -> vDatetime:
    """A UTC DATE-TIME (DTSTAMP, CREATED, LAST-MODIFIED): 20260105T000000Z."""
    return vDatetime(moment.astimezone(UTC))


def _local(moment: datetime, zone_name: str) -> vDatetime:
    """A local DATE-TIME with TZID=zone_name, the TZID of the VTIMEZONE in the same file."""
    value = vDatetime(moment.replace(tzinfo=None))
    value.params["TZID"] = zone_name
    return value


class _SeriesValues:
    """The property values every event of one series shares, built once per series."""

    def __init__(self, occurrence: Occurrence):
        series = occurrence.series
        location = location_text(series)
        self.location = vText(location) if location else None
        self.organizer = None
        if series.organiser.email:
            self.organizer = vCalAddress(
                f"mailto:{series.organiser.email}", params={"CN": _parameter(series.organiser.name)}
            )


_CONFIRMED, _CANCELLED, _TENTATIVE = vText("CONFIRMED"), vText("CANCELLED"), vText("TENTATIVE")
_OPAQUE, _PUBLIC = vText("OPAQUE"), vText("PUBLIC")


def conference(link: str) -> vUri:
    """RFC 7986 CONFERENCE: a joining link, as a URI with what it offers and a label."""
    return vUri(link, params={"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"], "LABEL": "Join online"})


def session_event(
    occurrence: Occurrence,
    site_url: str,
    now: datetime,
    shared: _SeriesValues | None = None,
    calendar_id: str = DEFAULT_CALENDAR_ID,
) -> Event:
    """The session as an icalendar Event. Every value comes from the data: no random UID,
    no DTSTAMP of the build's clock, so the same data gives the same bytes on the same day.

    `now` decides what is only for a session still to come, as on its page: how to join, and
    its joining link (CONFERENCE and a line in the description). A link appearing or going
    changes neither the UID nor the SEQUENCE (RFC 5545 raises SEQUENCE for times and status,
    not for a link), so a calendar replaces its copy and never shows the session twice.

    Values are given as icalendar's own types (so nothing is guessed) and set directly, in the
    order they are written; Component.add() would only re-check each type, which at 5,000
    sessions costs a noticeable part of the build.
    """
    shared = shared or _SeriesValues(occurrence)
    component = Event()  # not Event.new(), which adds a random UID and DTSTAMP=now
    component["UID"] = vText(uid(occurrence, calendar_id))
    modified = _stamp(occurrence.last_modified)
    created = modified if occurrence.created == occurrence.last_modified else _stamp(occurrence.created)
    component["DTSTAMP"] = modified  # the data's last change, not the build's clock
    component["CREATED"] = created
    component["LAST-MODIFIED"] = modified
    component["SEQUENCE"] = vInt(occurrence.sequence)
    component["DTSTART"] = _local(occurrence.start, occurrence.series.time_zone)
    component["DTEND"] = _local(occurrence.end, occurrence.series.time_zone)
    component["SUMMARY"] = vText(summary(occurrence))
    component["DESCRIPTION"] = vText(description(occurrence, site_url, now))
    if shared.location is not None:
        component["LOCATION"] = shared.location
    component["URL"] = vUri(absolute(site_url, occurrence.page_url), params={"VALUE": "URI"})
    if shared.organizer is not None:
        component["ORGANIZER"] = shared.organizer
    link = joining_link(occurrence, now)
    if link:
        component["CONFERENCE"] = conference(link)
    if occurrence.cancelled:
        component["STATUS"] = _CANCELLED
    else:
        component["STATUS"] = _CONFIRMED if occurrence.confirmed else _TENTATIVE
    component["TRANSP"] = _OPAQUE
    component["CLASS"] = _PUBLIC
    return component


_BEGIN, _END = b"BEGIN:VCALENDAR\r\n", b"END:VCALENDAR\r\n"


def _line_bytes(line: Contentline) -> bytes:
    """One content line as icalendar writes it (escaped, folded at 75 octets), any control
    character in it made a space first."""
    if _CONTROL.search(line):
        line = Contentline(_CONTROL.sub(" ", line))
    return line.to_ical()


# No calendar file ever holds a control byte: one parser refuses a whole feed for a single
# \v. The data files refuse them already (macros/core/yaml_safety.py); this is the last guard.
# Tab is allowed in iCalendar TEXT; line breaks inside a value are written as \n by then.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _component_bytes(component) -> bytes:
    """component.to_ical(sorted=False), each line through _line_bytes."""
    return b"".join(_line_bytes(line) + b"\r\n" for line in component.content_lines(sorted=False) if line)


def _properties(*properties: tuple[str, Any]) -> bytes:
    """Calendar properties as icalendar's content lines: escaped, parameters quoted, folded.

    Calendar.content_line() is what Calendar.to_ical() serialises each property with; used
    line by line here so the pieces of a calendar that every file shares can be serialised
    once and spliced in (see calendar_bytes).
    """
    lines = (_CALENDAR.content_line(name, value, sorted=False) for name, value in properties)
    return b"".join(_line_bytes(line) + b"\r\n" for line in lines)


_CALENDAR = Calendar()  # not Calendar.new(), which adds a random UID


def calendar_head(prodid: str) -> bytes:
    """The properties every calendar file starts with."""
    return _properties(
        ("VERSION", vText("2.0")),
        ("PRODID", vText(prodid)),
        ("CALSCALE", vText("GREGORIAN")),
        ("METHOD", vText("PUBLISH")),
    )


def calendar_tail(default_zone: str) -> bytes:
    """The properties every calendar file ends its own properties with: how often to refresh, its zone."""
    return _properties(
        ("REFRESH-INTERVAL", vDuration(REFRESH, params={"VALUE": "DURATION"})),
        ("X-PUBLISHED-TTL", vText(PUBLISHED_TTL)),
        ("X-WR-TIMEZONE", vText(default_zone)),
    )


def calendar_bytes(
    *,
    name: str,
    about: str,
    page_url: str,
    head: bytes,
    tail: bytes,
    zones: list[bytes],
    events: list[bytes],
    source_url: str | None = None,
) -> bytes:
    """A whole VCALENDAR: the RFC 7986 properties and their older X-WR- twins, zones, events.

    Everything is serialised by icalendar; the pieces every file shares are serialised once
    per build and spliced in: the head and tail properties (calendar_head, calendar_tail),
    the VTIMEZONEs, and the events, each serialised once and reused in its own file, its
    series feed and the all-sessions feed, before END:VCALENDAR. Serialising them again for
    every file would make 5,000 sessions several times slower.
    """
    title, text = vText(name), vText(about)
    own = [
        # icalendar has no type for NAME and the X-WR- properties: vText makes them escaped TEXT.
        ("NAME", title),
        ("X-WR-CALNAME", title),
        ("DESCRIPTION", text),
        ("X-WR-CALDESC", text),
        ("URL", vUri(page_url, params={"VALUE": "URI"})),
    ]
    if source_url:
        own.append(("SOURCE", vUri(source_url, params={"VALUE": "URI"})))
    return b"".join([_BEGIN, head, _properties(*own), tail, *zones, *events, _END])


def year_range(sessions: list[Occurrence]) -> tuple[int, int]:
    """The years a VTIMEZONE must cover: from the year before the first session to the year after the last."""
    years = [o.start.year for o in sessions] + [o.original_start.year for o in sessions]
    return min(years) - 1, max(years) + 1


def calendar_files(
    sessions: list[Occurrence],
    site_url: str,
    hub_name: str,
    calendar_id: str = DEFAULT_CALENDAR_ID,
    *,
    now: datetime,
) -> dict[str, str]:
    """Every .ics file: one per session, one per series and one with all sessions, by site path.
    `now` is the build's "today": joining links are in the events still to come (session_event)."""
    if not sessions:
        return {}
    first, last = year_range(sessions)
    zone_names = sorted({o.series.time_zone for o in sessions})
    zones = {name: vtimezone(name, first, last) for name in zone_names}
    default_zone = "Europe/London" if "Europe/London" in zones else zone_names[0]
    head = calendar_head(f"-//{hub_name}//Drop-in sessions//EN")
    tails = {name: calendar_tail(name) for name in zone_names}
    events_page = absolute(site_url, EVENTS_PAGE)
    shared: dict[str, _SeriesValues] = {}
    events: dict[str, bytes] = {}
    for o in sessions:  # each event serialised once, reused in the three files it belongs to
        values = shared.get(o.series.id) or shared.setdefault(o.series.id, _SeriesValues(o))
        events[o.key] = _component_bytes(session_event(o, site_url, now, values, calendar_id))
    files: dict[str, bytes] = {}

    for o in sessions:
        files[o.ics_path] = calendar_bytes(
            name=f"{o.series.title}, {long_date(o.original_start)}",
            about=f"{o.series.title}: {when(o)}. Organised by {o.series.organiser.name}.",
            page_url=absolute(site_url, o.page_url),
            head=head,
            tail=tails[o.series.time_zone],
            zones=[zones[o.series.time_zone]],
            events=[events[o.key]],
        )

    by_series: dict[str, list[Occurrence]] = {}
    for o in sessions:
        by_series.setdefault(o.series.id, []).append(o)
    for group in by_series.values():
        series = group[0].series
        path = series_feed_path(series)
        files[path] = calendar_bytes(
            name=series.title,
            about=f"{series.description} Organised by {series.organiser.name}. From {hub_name}.",
            page_url=events_page,
            head=head,
            tail=tails[series.time_zone],
            zones=[zones[series.time_zone]],
            events=[events[o.key] for o in group],
            source_url=absolute(site_url, path),
        )

    path = ALL_SESSIONS_FEED
    files[path] = calendar_bytes(
        name=all_sessions_feed_name(hub_name),
        about=f"Every drop-in session listed by {hub_name}, kept up to date: "
        "moved and cancelled sessions update in your calendar.",
        page_url=events_page,
        head=head,
        tail=tails[default_zone],
        zones=[zones[name] for name in zone_names],
        events=[events[o.key] for o in sessions],
        source_url=absolute(site_url, path),
    )
    return {name: content.decode("utf-8") for name, content in files.items()}
