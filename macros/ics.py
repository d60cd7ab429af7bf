"""Calendar files (RFC 5545 with the RFC 7986 calendar properties) for the drop-in sessions.

Written by hand rather than with icalendar's serialiser for two reasons: the time zone
must be a VTIMEZONE with yearly RRULEs (icalendar writes long RDATE lists, which ical.js,
Thunderbird's parser, and vobject misread for winter dates), and each event is written
once and reused in its own file, its series feed and the all-sessions feed, which keeps
thousands of sessions fast. The tests read every file back with icalendar, ical,
vobject and ical.js.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from .events import (
    ALL_SESSIONS_FEED,
    EVENTS_PAGE,
    Occurrence,
    absolute,
    all_sessions_feed_name,
    audience_sentence,
    join_sentence,
    location_text,
    long_date,
    moved_from,
    series_feed_path,
    utc_stamp,
    when,
)

CRLF = "\r\n"
REFRESH = "PT12H"  # how often subscribed calendars should look again


# ---------------------------------------------------------------------------
# Content lines: escaping and folding
# ---------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def parameter(value: str) -> str:
    """A parameter value, quoted when it holds a colon, semicolon or comma (no quotes allowed inside)."""
    value = value.replace('"', "'")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line so no physical line is longer than 75 octets (RFC 5545 3.1).

    Breaks fall between characters, never inside a UTF-8 sequence, so Welsh, Gaelic and
    emoji survive. Continuation lines start with one space, which counts in the 75.
    """
    if len(line) <= limit and (line.isascii() or len(line.encode("utf-8")) <= limit):
        return line
    if line.isascii():  # the common case: one octet per character, so slice
        pieces = [line[:limit]] + [line[i : i + limit - 1] for i in range(limit, len(line), limit - 1)]
        return (CRLF + " ").join(pieces)
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    budget = limit
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > budget:
            pieces.append("".join(current))
            current, size, budget = [], 0, limit - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def content_line(name: str, value: str, **params: str) -> str:
    head = name + "".join(f";{key.replace('_', '-').upper()}={val}" for key, val in params.items())
    return fold(f"{head}:{value}")


def text_line(name: str, value: str, **params: str) -> str:
    return content_line(name, escape_text(value), **params)


def local_stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


# ---------------------------------------------------------------------------
# VTIMEZONE with RRULEs, worked out from the zone's own transitions
# ---------------------------------------------------------------------------


class UnsupportedTimeZone(ValueError):
    def __init__(self, zone_name: str, message: str):
        self.zone_name = zone_name
        super().__init__(message)


def _transitions(zone: ZoneInfo, year: int) -> list[tuple[datetime, timedelta, timedelta]]:
    """Every change of UTC offset in `year`: (the UTC instant, offset before, offset after)."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    before = moment.astimezone(zone).utcoffset()
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while moment < end:
        following = moment + timedelta(days=1)
        after = following.astimezone(zone).utcoffset()
        if after != before:
            low, high = int(moment.timestamp()) // 60, int(following.timestamp()) // 60
            while high - low > 1:
                middle = (low + high) // 2
                offset = datetime.fromtimestamp(middle * 60, UTC).astimezone(zone).utcoffset()
                low, high = (middle, high) if offset == before else (low, middle)
            found.append((datetime.fromtimestamp(high * 60, UTC), before, after))
            before = after
        moment = following
    return found


def _offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{minutes:02d}"


def _weekday_rule(day: datetime) -> str:
    """BYDAY for the nth (or last) weekday of its month: 2SU, -1SU."""
    code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.weekday()]
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


@cache
def vtimezone(zone_name: str, first_year: int, last_year: int) -> tuple[str, ...]:
    """The VTIMEZONE lines for `zone_name`, valid for every year from first_year to last_year.

    Each observance is one yearly RRULE (such as the last Sunday of March), checked to
    hold in every one of those years. Built once per zone and range per build.
    """
    zone = ZoneInfo(zone_name)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone_name}", f"X-LIC-LOCATION:{zone_name}"]
    rules: dict[tuple[timedelta, timedelta], list[tuple[int, str, str, str]]] = {}
    first_onset: dict[tuple[timedelta, timedelta], datetime] = {}
    names: dict[tuple[timedelta, timedelta], str] = {}
    for year in range(first_year, last_year + 1):
        for instant, before, after in _transitions(zone, year):
            wall = (instant + before).replace(tzinfo=None)  # onset in the old offset, as RFC 5545 wants
            key = (before, after)
            rules.setdefault(key, []).append((wall.month, _weekday_rule(wall), f"{wall:%H%M%S}", str(year)))
            first_onset.setdefault(key, wall)
            names[key] = instant.astimezone(zone).tzname() or zone_name
    if not rules:
        offset = datetime(first_year, 6, 1, tzinfo=zone).utcoffset()
        name = datetime(first_year, 6, 1, tzinfo=zone).tzname() or zone_name
        lines += [
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{_offset(offset)}",
            f"TZOFFSETTO:{_offset(offset)}",
            f"TZNAME:{name}",
            "END:STANDARD",
        ]
    for key in sorted(rules, key=lambda k: first_onset[k]):
        before, after = key
        years = rules[key]
        patterns = {(month, byday, clock) for month, byday, clock, _ in years}
        if len(patterns) != 1 or len(years) != last_year - first_year + 1:
            raise UnsupportedTimeZone(
                zone_name,
                f"the clock changes in {zone_name} do not follow one yearly rule between {first_year} "
                f"and {last_year}, so calendars could show these sessions at the wrong time. "
                "Use a time zone such as Europe/London"
            )
        month, byday, _ = patterns.pop()
        kind = "DAYLIGHT" if after > before else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{local_stamp(first_onset[key])}",
            f"TZOFFSETFROM:{_offset(before)}",
            f"TZOFFSETTO:{_offset(after)}",
            f"TZNAME:{names[key]}",
            f"RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY={byday}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return tuple(lines)


# ---------------------------------------------------------------------------
# Events and calendars
# ---------------------------------------------------------------------------


def uid(occurrence: Occurrence, site_url: str) -> str:
    """Stable: the series id and the session's original date, at the site's host name."""
    host = site_url.split("://", 1)[-1].split("/", 1)[0] or "localhost"
    return f"{occurrence.series.id}-{occurrence.session.date.isoformat()}@{host}"


def summary(occurrence: Occurrence) -> str:
    prefix = "Cancelled: " if occurrence.cancelled else ""
    return prefix + occurrence.series.title


def description(occurrence: Occurrence, site_url: str) -> str:
    """What a calendar shows under the title: status, how to join and the session's page."""
    series = occurrence.series
    session = occurrence.session
    paragraphs = []
    if occurrence.cancelled:
        paragraphs.append(f"CANCELLED: {session.reason}")
    if occurrence.moved:
        moved = f"MOVED from {moved_from(occurrence)} to {when(occurrence)}."
        paragraphs.append(moved + (f" {session.reason}" if session.reason else ""))
    paragraphs.append(series.description)
    paragraphs.append(f"For: {audience_sentence(series.audience)}.")
    if not occurrence.cancelled:
        paragraphs.append(f"How to join: {join_sentence(series.join)}")
    if session.note:
        paragraphs.append(session.note)
    paragraphs.append(f"Organised by {series.organiser.name}.")
    paragraphs.append(f"Details: {absolute(site_url, occurrence.page_url)}")
    return "\n\n".join(paragraphs)


def event_lines(occurrence: Occurrence, site_url: str) -> list[str]:
    series = occurrence.series
    zone = series.time_zone
    lines = [
        "BEGIN:VEVENT",
        content_line("UID", uid(occurrence, site_url)),
        f"DTSTAMP:{utc_stamp(occurrence.last_modified)}",
        f"CREATED:{utc_stamp(occurrence.created)}",
        f"LAST-MODIFIED:{utc_stamp(occurrence.last_modified)}",
        f"SEQUENCE:{occurrence.sequence}",
        content_line("DTSTART", local_stamp(occurrence.start), TZID=parameter(zone)),
        content_line("DTEND", local_stamp(occurrence.end), TZID=parameter(zone)),
        text_line("SUMMARY", summary(occurrence)),
        text_line("DESCRIPTION", description(occurrence, site_url)),
        text_line("LOCATION", location_text(series)),
        content_line("URL", absolute(site_url, occurrence.page_url), VALUE="URI"),
    ]
    if series.organiser.email:
        lines.append(content_line("ORGANIZER", f"mailto:{series.organiser.email}", CN=parameter(series.organiser.name)))
    if series.join.link and not occurrence.cancelled:
        lines.append(
            content_line("CONFERENCE", series.join.link, VALUE="URI", FEATURE="VIDEO", LABEL=parameter("Join online"))
        )
    lines += [
        "STATUS:CANCELLED" if occurrence.cancelled else "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "CLASS:PUBLIC",
        "END:VEVENT",
    ]
    return lines


def calendar_text(
    *,
    name: str,
    about: str,
    page_url: str,
    prodid: str,
    default_zone: str,
    zones: list[tuple[str, ...]],
    events: list[list[str]],
    source_url: str | None = None,
) -> str:
    """A whole VCALENDAR: the RFC 7986 properties and their older X-WR- twins, zones, events."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        text_line("PRODID", prodid),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        text_line("NAME", name),
        text_line("X-WR-CALNAME", name),
        text_line("DESCRIPTION", about),
        text_line("X-WR-CALDESC", about),
        content_line("URL", page_url, VALUE="URI"),
    ]
    if source_url:
        lines.append(content_line("SOURCE", source_url, VALUE="URI"))
    lines += [
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
        content_line("X-WR-TIMEZONE", default_zone),
    ]
    for zone in zones:
        lines.extend(zone)
    for event in events:
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return CRLF.join(lines) + CRLF


def year_range(sessions: list[Occurrence]) -> tuple[int, int]:
    """The years a VTIMEZONE must cover: from the year before the first session to the year after the last."""
    years = [o.start.year for o in sessions] + [o.original_start.year for o in sessions]
    return min(years) - 1, max(years) + 1


def calendar_files(sessions: list[Occurrence], site_url: str, hub_name: str) -> dict[str, str]:
    """Every .ics file: one per session, one per series and one with all sessions, by site path."""
    if not sessions:
        return {}
    first, last = year_range(sessions)
    zone_names = sorted({o.series.time_zone for o in sessions})
    zones = {name: vtimezone(name, first, last) for name in zone_names}
    default_zone = "Europe/London" if "Europe/London" in zones else zone_names[0]
    prodid = f"-//{hub_name}//Drop-in sessions//EN"
    events_page = absolute(site_url, EVENTS_PAGE)
    events = {o.key: event_lines(o, site_url) for o in sessions}
    files: dict[str, str] = {}

    for o in sessions:
        files[o.ics_path] = calendar_text(
            name=f"{o.series.title}, {long_date(o.original_start)}",
            about=f"{o.series.title}: {when(o)}. Organised by {o.series.organiser.name}.",
            page_url=absolute(site_url, o.page_url),
            prodid=prodid,
            default_zone=o.series.time_zone,
            zones=[zones[o.series.time_zone]],
            events=[events[o.key]],
        )

    by_series: dict[str, list[Occurrence]] = {}
    for o in sessions:
        by_series.setdefault(o.series.id, []).append(o)
    for group in by_series.values():
        series = group[0].series
        path = series_feed_path(series)
        files[path] = calendar_text(
            name=series.title,
            about=f"{series.description} Organised by {series.organiser.name}. From {hub_name}.",
            page_url=events_page,
            prodid=prodid,
            default_zone=series.time_zone,
            zones=[zones[series.time_zone]],
            events=[events[o.key] for o in group],
            source_url=absolute(site_url, path),
        )

    path = ALL_SESSIONS_FEED
    files[path] = calendar_text(
        name=all_sessions_feed_name(hub_name),
        about=f"Every drop-in session listed by {hub_name}, kept up to date: "
        "moved and cancelled sessions update in your calendar.",
        page_url=events_page,
        prodid=prodid,
        default_zone=default_zone,
        zones=[zones[name] for name in zone_names],
        events=[events[o.key] for o in sessions],
        source_url=absolute(site_url, path),
    )
    return files
