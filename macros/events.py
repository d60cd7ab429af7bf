"""Drop-in sessions: the data model for data/events.yaml and what the pages need from it.

Editors write series (a run of sessions with the same title, organiser and times) and,
in each, the sessions by date. A session's original date is its identity: its page
address, its calendar UID and its .ics file name come from the series id and that date,
so moving or cancelling a session never changes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .datafiles import load_data_file

# Fields are called `date`, which would hide the type inside a model: annotate with Day.
Day = date

# Series ids become folder names next to these, so they cannot be used as ids.
RESERVED_SERIES_IDS = ("feeds", "all")
FEEDS_FOLDER = "events/feeds"
ALL_SESSIONS_FEED = f"{FEEDS_FOLDER}/all.ics"
EVENTS_PAGE = "events/"


# ---------------------------------------------------------------------------
# Field types, each with a message that says how to fix a wrong value
# ---------------------------------------------------------------------------


def _read_local_time(value) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, bool):
        raise ValueError('write a time in quotes, for example "12:30"')
    if isinstance(value, int):
        # YAML 1.1 reads 12:30 without quotes as a base-60 number: 12 * 60 + 30 = 750.
        hours, minutes = divmod(value, 60)
        written = f"{hours}:{minutes:02d}" if 0 <= hours < 24 else str(value)
        raise ValueError(
            f'write the time in quotes, like "{written}". Without quotes YAML reads '
            f"{written} as the number {value}"
        )
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return time(int(match[1]), int(match[2]))
    raise ValueError(
        f'{value!r} is not a time we can read. Write it on the 24-hour clock in quotes, '
        'for example "12:30" or "09:00"'
    )


EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _read_email(value) -> str:
    if isinstance(value, str) and EMAIL.fullmatch(value.strip()):
        return value.strip()
    raise ValueError(
        f"{value!r} is not an email address. Write it in full, for example name@nhs.net, "
        "with no spaces and no 'mailto:'"
    )


def _read_web_address(value) -> str:
    if isinstance(value, str):
        parsed = urlparse(value.strip())
        if parsed.scheme == "https" and "." in parsed.netloc and " " not in value.strip():
            return value.strip()
    raise ValueError(
        f"{value!r} is not a web address we can link to. Write it in full, starting with "
        "https://, for example https://www.rcot.co.uk/"
    )


def _read_time_zone(value) -> str:
    if isinstance(value, str):
        try:
            ZoneInfo(value)
            return value
        except (ZoneInfoNotFoundError, ValueError):
            pass
    lower = str(value).lower().replace(" ", "_")
    suggestions = sorted(name for name in available_timezones() if lower in name.lower())[:3]
    hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
    raise ValueError(
        f"{value!r} is not a time zone we know. Use a name from the IANA time zone list, "
        f"such as Europe/London (UK time), or leave 'time_zone' out for UK time.{hint}"
    )


def _read_series_id(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError(
            f"{value!r} cannot be an id: use lower-case letters, numbers and single hyphens, "
            "for example rcot-drop-in. The id is part of web addresses: never change it once published"
        )
    if value in RESERVED_SERIES_IDS:
        raise ValueError(f"'{value}' is kept for the site's own use; choose another id, such as {value}-sessions")
    return value


LocalTime = Annotated[time, BeforeValidator(_read_local_time)]
Email = Annotated[str, BeforeValidator(_read_email)]
WebAddress = Annotated[str, BeforeValidator(_read_web_address)]
TimeZoneName = Annotated[str, BeforeValidator(_read_time_zone)]
SeriesId = Annotated[str, BeforeValidator(_read_series_id)]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Organiser(_Strict):
    name: Text
    url: WebAddress | None = None
    email: Email | None = None


class Join(_Strict):
    email: Email | None = None
    link: WebAddress | None = None
    instructions: str = ""

    @model_validator(mode="after")
    def _one_way_in(self):
        if not self.email and not self.link:
            raise ValueError(
                "say how to join: give 'email' (an address to write to) or 'link' (a web address), or both"
            )
        return self


class Venue(_Strict):
    name: Text
    address: Text


class Source(_Strict):
    title: Text
    publisher: Text
    url: WebAddress | None = None


class Change(_Strict):
    date: Day
    summary: Text


class MovedTo(_Strict):
    date: Day | None = None
    start: LocalTime | None = None
    end: LocalTime | None = None


Status = Literal["scheduled", "cancelled", "moved"]


class Session(_Strict):
    date: Day
    start: LocalTime | None = None
    end: LocalTime | None = None
    status: Status = "scheduled"
    moved_to: MovedTo | None = None
    reason: str = ""
    note: str = ""
    added: Day | None = None
    changes: list[Change] = []

    @model_validator(mode="after")
    def _status_fits(self):
        if self.status == "moved" and self.moved_to is None:
            raise ValueError(
                "this session is marked 'moved' but says nowhere where to: add 'moved_to:' with the new "
                "'date', 'start' or 'end'"
            )
        if self.status != "moved" and self.moved_to is not None:
            raise ValueError(
                f"'moved_to' is only for moved sessions: set 'status: moved', or remove 'moved_to' "
                f"(this session's status is '{self.status}')"
            )
        if self.status == "cancelled" and not self.reason:
            raise ValueError("a cancelled session needs a 'reason' (one sentence that readers will see)")
        if self.status in ("cancelled", "moved") and not self.changes:
            raise ValueError(
                f"a {self.status} session needs an entry under 'changes:' (the date of the change and "
                "a one-line summary): it tells subscribed calendars to update"
            )
        dates = [change.date for change in self.changes]
        if dates != sorted(dates):
            raise ValueError("list the 'changes' oldest first, so the newest change is last")
        return self


class Series(_Strict):
    id: SeriesId
    title: Text
    organiser: Organiser
    audience: list[Text] = Field(min_length=1)
    description: Text
    join: Join
    start: LocalTime
    end: LocalTime
    time_zone: TimeZoneName = "Europe/London"
    online: bool = False
    venue: Venue | None = None
    # When the source does not say where sessions happen: a sentence saying so, shown instead.
    location_note: str = ""
    year_note: str = ""
    added: Day
    source: Source
    sessions: list[Session] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self):
        if sum(map(bool, (self.online, self.venue, self.location_note))) > 1:
            raise ValueError(
                "choose one: 'online: true' for an online series, a 'venue' for one in a building, "
                "or a 'location_note' when the source does not say"
            )
        if not self.online and not self.venue and not self.location_note:
            raise ValueError("say where it happens: add 'online: true', or a 'venue' with a 'name' and an 'address'")
        if self.end <= self.start:
            raise ValueError(
                f"field 'end': the end time {self.end:%H:%M} is not after the start time {self.start:%H:%M}; "
                "check both times (24-hour clock)"
            )
        seen: dict[Day, int] = {}
        zone = ZoneInfo(self.time_zone)
        for number, session in enumerate(self.sessions, start=1):
            where = f"session {number} ({session.date.isoformat()})"
            if session.date in seen:
                raise ValueError(
                    f"{where} has the same date as session {seen[session.date]}: each date may appear once in a "
                    "series. Delete the copy, or, if the session moved, use 'status: moved' and 'moved_to'"
                )
            seen[session.date] = number
            day, start, end = _planned(self, session)
            if end <= start:
                raise ValueError(
                    f"{where}: the end time {end:%H:%M} is not after the start time {start:%H:%M}; "
                    "check 'start' and 'end' (24-hour clock)"
                )
            if session.moved_to is not None and (day, start, end) == _original(self, session):
                raise ValueError(
                    f"{where}: 'moved_to' gives the same date and times as before; give the new "
                    "'date', 'start' or 'end'"
                )
            for moment in (start, end):
                problem = _local_time_problem(datetime.combine(day, moment), zone)
                if problem:
                    raise ValueError(f"{where}: {moment:%H:%M} on {day.isoformat()} {problem}")
            first_known = session.added or self.added
            if session.changes and session.changes[0].date < first_known:
                raise ValueError(
                    f"{where}: a change is dated {session.changes[0].date.isoformat()}, before the session was "
                    f"added ({first_known.isoformat()}); check the dates"
                )
        return self


class EventsFile(_Strict):
    series: list[Series] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self):
        seen: dict[str, int] = {}
        for number, series in enumerate(self.series, start=1):
            if series.id in seen:
                raise ValueError(
                    f"series {seen[series.id]} and series {number} both have the id '{series.id}': "
                    "give each series its own id"
                )
            seen[series.id] = number
        return self


def _original(series: Series, session: Session) -> tuple[date, time, time]:
    return session.date, session.start or series.start, session.end or series.end


def _planned(series: Series, session: Session) -> tuple[date, time, time]:
    """The date and times a session happens on, after any move."""
    day, start, end = _original(series, session)
    if session.status == "moved" and session.moved_to is not None:
        day = session.moved_to.date or day
        start = session.moved_to.start or start
        end = session.moved_to.end or end
    return day, start, end


def _local_time_problem(local: datetime, zone: ZoneInfo) -> str:
    """Say so if a wall-clock time is skipped or happens twice when the clocks change."""
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return ""
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != local:
        return "does not exist: the clocks go forward then. Choose another time"
    return "happens twice: the clocks go back then. Choose another time"


# ---------------------------------------------------------------------------
# Loading: once per build, whoever asks first (the macros or the generated-files hook)
# ---------------------------------------------------------------------------

_loaded: dict[tuple[str, bytes], EventsFile] = {}


def load_events(path: Path, shown_as: str | None = None) -> EventsFile:
    """Read and validate data/events.yaml. The same file content is validated only once."""
    try:
        key = (str(path.resolve()), path.read_bytes())
    except FileNotFoundError:
        key = None
    if key is not None and key in _loaded:
        return _loaded[key]
    events = load_data_file(path, EventsFile, shown_as)
    _loaded.clear()  # keep only the current version (mkdocs serve rebuilds after each edit)
    if key is not None:
        _loaded[key] = events
    return events


# ---------------------------------------------------------------------------
# Sessions as the pages and feeds see them
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """One session of a series, with everything worked out: times in UTC, its addresses."""

    series: Series
    session: Session
    start: datetime  # aware, in the series' time zone
    end: datetime
    original_start: datetime

    @property
    def key(self) -> str:
        return f"{self.series.id}/{self.session.date.isoformat()}"

    @property
    def status(self) -> str:
        return self.session.status

    @property
    def cancelled(self) -> bool:
        return self.session.status == "cancelled"

    @property
    def moved(self) -> bool:
        return self.session.status == "moved"

    @property
    def start_utc(self) -> datetime:
        return self.start.astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        return self.end.astimezone(UTC)

    @property
    def page_url(self) -> str:
        """Site-relative address of the session's page: events/rcot-drop-in/2023-09-21/."""
        return f"events/{self.key}/"

    @property
    def page_source(self) -> str:
        return f"events/{self.key}.md"

    @property
    def ics_path(self) -> str:
        return f"events/{self.key}.ics"

    @property
    def sequence(self) -> int:
        """Rises with every recorded change, so calendars replace their old copy."""
        return len(self.session.changes)

    @property
    def last_modified(self) -> datetime:
        added = self.session.added or self.series.added
        latest = self.session.changes[-1].date if self.session.changes else added
        return datetime.combine(max(added, latest), time(0), tzinfo=UTC)

    @property
    def created(self) -> datetime:
        return datetime.combine(self.session.added or self.series.added, time(0), tzinfo=UTC)


def occurrences(events: EventsFile) -> list[Occurrence]:
    """Every session of every series, soonest first."""
    result = []
    for series in events.series:
        zone = ZoneInfo(series.time_zone)
        for session in series.sessions:
            day, start, end = _planned(series, session)
            original_day, original_start, _ = _original(series, session)
            result.append(
                Occurrence(
                    series=series,
                    session=session,
                    start=datetime.combine(day, start, tzinfo=zone),
                    end=datetime.combine(day, end, tzinfo=zone),
                    original_start=datetime.combine(original_day, original_start, tzinfo=zone),
                )
            )
    return sorted(result, key=lambda o: (o.start_utc, o.key))


def split_upcoming_past(sessions: list[Occurrence], now: datetime) -> tuple[list[Occurrence], list[Occurrence]]:
    """Upcoming (soonest first) and past (newest first). A session is upcoming until it ends."""
    ordered = sorted(sessions, key=lambda o: (o.start_utc, o.key))
    upcoming = [o for o in ordered if o.end_utc > now]
    past = [o for o in reversed(ordered) if o.end_utc <= now]
    return upcoming, past


def next_session(sessions: list[Occurrence], now: datetime) -> Occurrence | None:
    """The next session that is going ahead (cancelled ones are skipped), or None."""
    upcoming, _ = split_upcoming_past(sessions, now)
    return next((o for o in upcoming if not o.cancelled), None)


def is_past(occurrence: Occurrence, now: datetime) -> bool:
    return occurrence.end_utc <= now


def in_progress(occurrence: Occurrence, now: datetime) -> bool:
    return occurrence.start_utc <= now < occurrence.end_utc


# ---------------------------------------------------------------------------
# Words: dates and times as readers see them
# ---------------------------------------------------------------------------


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(day: date | datetime) -> str:
    """Thursday 21 September 2023: weekday and year always, no leading zero.

    English names from tables, not strftime, so the machine's locale cannot change the pages.
    """
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


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
    return f"{start:%H:%M} {zone_label(start)} to {long_date(end)} {end:%H:%M} {zone_label(end)}"


def when(occurrence: Occurrence) -> str:
    """Thursday 21 September 2023, 12:30 to 13:00 UK time (BST)."""
    return f"{long_date(occurrence.start)}, {time_range(occurrence.start, occurrence.end)}"


def moved_from(occurrence: Occurrence) -> str:
    """What a moved session used to be: 'Thursday 16 November 2023 at 12:30'."""
    return f"{long_date(occurrence.original_start)} at {occurrence.original_start:%H:%M}"


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
    if series.venue:
        return f"{series.venue.name}, {series.venue.address}"
    if series.location_note:
        return series.location_note
    return "Online"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def webcal(url: str) -> str:
    return "webcal://" + url.split("://", 1)[1]


def all_sessions_feed_name(hub_name: str) -> str:
    return f"{hub_name}: all drop-in sessions"


def series_feed_path(series: Series) -> str:
    return f"{FEEDS_FOLDER}/{series.id}.ics"


def offset_iso(moment: datetime) -> str:
    """ISO 8601 with the UTC offset, as schema.org wants: 2023-09-21T12:30:00+01:00."""
    return moment.isoformat(timespec="seconds")
