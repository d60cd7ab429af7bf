"""Drop-in sessions: the data model for data/events.yaml, validated with messages for editors.

Editors write series (a run of sessions with the same title, organiser and times) and,
in each, the sessions by date. A session's original date is its identity: its page
address, its calendar UID and its .ics file name come from the series id and that date,
so moving or cancelling a session never changes them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ..core.datafiles import load_data_file
from ..core.fields import Email, SingleLine, Source, Text, WebAddress, check_id

# Fields are called `date`, which would hide the type inside a model: annotate with Day.
Day = date

YEAR_NOTE_MOVED = (
    "field 'year_note': notes about dates now go with the sessions they are about. Move the text "
    "to 'note:' under each session it concerns, or to the series' 'notes:' list as an entry with "
    "'sessions:' (the dates it is about) and 'text:', then delete 'year_note'"
)

# Series ids become folder names next to these (events/feeds/), so they cannot be used as ids.
RESERVED_SERIES_IDS = ("feeds", "all")


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
            f'write the time in quotes, like "{written}". Without quotes YAML reads {written} as the number {value}'
        )
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return time(int(match[1]), int(match[2]))
    raise ValueError(
        f'{value!r} is not a time we can read. Write it on the 24-hour clock in quotes, for example "12:30" or "09:00"'
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
    value = check_id(value)
    if value in RESERVED_SERIES_IDS:
        raise ValueError(f"'{value}' is kept for the site's own use; choose another id, such as {value}-sessions")
    return value


LocalTime = Annotated[time, BeforeValidator(_read_local_time)]
TimeZoneName = Annotated[str, BeforeValidator(_read_time_zone)]
SeriesId = Annotated[str, BeforeValidator(_read_series_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Organiser(_Strict):
    name: SingleLine
    url: WebAddress | None = None
    email: Email | None = None


class Join(_Strict):
    email: Email | None = None
    link: WebAddress | None = None
    instructions: str = ""

    @model_validator(mode="after")
    def _one_way_in(self):
        check_way_in(self)
        return self


def check_way_in(join: Join) -> None:
    if not join.email and not join.link:
        raise ValueError("say how to join: give 'email' (an address to write to) or 'link' (a web address), or both")


class Venue(_Strict):
    name: SingleLine
    address: Text


class Change(_Strict):
    date: Day
    summary: SingleLine


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
    source: Source | None = None  # only where it differs from the series' source
    # Why this session is not confirmed; left out, the session is confirmed.
    unconfirmed: SingleLine | None = None
    # The link to join this session online (https); pages and calendars show it only until it ends.
    join_link: WebAddress | None = None
    changes: list[Change] = []

    @model_validator(mode="after")
    def _status_fits(self):
        check_session_status(self)
        return self


def check_session_status(session: Session) -> None:
    if session.status == "moved" and session.moved_to is None:
        raise ValueError(
            "this session is marked 'moved' but says nowhere where to: add 'moved_to:' with the new "
            "'date', 'start' or 'end'"
        )
    if session.status != "moved" and session.moved_to is not None:
        raise ValueError(
            f"'moved_to' is only for moved sessions: set 'status: moved', or remove 'moved_to' "
            f"(this session's status is '{session.status}')"
        )
    if session.status == "cancelled" and not session.reason:
        raise ValueError("a cancelled session needs a 'reason' (one sentence that readers will see)")
    if session.status in ("cancelled", "moved") and not session.changes:
        raise ValueError(
            f"a {session.status} session needs an entry under 'changes:' (the date of the change and "
            "a one-line summary): it tells subscribed calendars to update"
        )
    dates = [change.date for change in session.changes]
    if dates != sorted(dates):
        raise ValueError("list the 'changes' oldest first, so the newest change is last")


class SeriesNote(_Strict):
    """A note about some of a series' sessions, shown with each session it names."""

    sessions: list[Day] = Field(min_length=1)
    text: Text


Rhythm = Literal["weekly", "fortnightly", "monthly", "irregular"]


class Series(_Strict):
    id: SeriesId
    title: SingleLine
    organiser: Organiser
    audience: list[SingleLine] = Field(min_length=1)
    description: Text
    join: Join
    start: LocalTime
    end: LocalTime
    time_zone: TimeZoneName = "Europe/London"
    online: bool = False
    venue: Venue | None = None
    # When no source says where sessions happen: a sentence saying so. The pages and the
    # calendars' descriptions say the place is not known and show it; calendars get no LOCATION.
    location_note: str = ""
    rhythm: Rhythm | None = None  # None: worked out from the sessions' dates (see facts.py)
    notes: list[SeriesNote] = []
    # Why none of this series' sessions is confirmed; left out, each session says for itself.
    unconfirmed: SingleLine | None = None
    added: Day
    source: Source
    sessions: list[Session] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _year_note_moved(cls, data):
        if isinstance(data, dict) and "year_note" in data:
            raise ValueError(YEAR_NOTE_MOVED)
        return data

    @model_validator(mode="after")
    def _consistent(self):
        check_series_place_and_notes(self)
        return self

    def notes_for(self, session: Session) -> list[str]:
        """The notes about this session: its own 'note', then any series note naming its date."""
        found = [session.note] if session.note else []
        return found + [note.text for note in self.notes if session.date in note.sessions]


def check_series_place_and_notes(series: Series) -> None:
    if sum(map(bool, (series.online, series.venue, series.location_note))) > 1:
        raise ValueError(
            "choose one: 'online: true' for an online series, a 'venue' for one in a building, "
            "or a 'location_note' when the source does not say"
        )
    if not series.online and not series.venue and not series.location_note:
        raise ValueError(
            "say where it happens: add 'online: true', or a 'venue' with a 'name' and an 'address'. "
            "If no source says, add a 'location_note' saying so: the pages and calendars then say the "
            "place is not known"
        )
    session_dates = [session.date for session in series.sessions]
    for number, note in enumerate(series.notes, start=1):
        unknown = [day.isoformat() for day in note.sessions if day not in session_dates]
        if unknown:
            raise ValueError(
                f"note {number} names {', '.join(unknown)}, which is not the date of a session in this "
                f"series. List the sessions' original dates under the note's 'sessions:' "
                f"(this series has: {', '.join(day.isoformat() for day in session_dates)})"
            )


class EventsFile(_Strict):
    series: list[Series] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self):
        check_series_ids_unique(self)
        return self


def check_series_ids_unique(events: EventsFile) -> None:
    seen: dict[str, int] = {}
    for number, series in enumerate(events.series, start=1):
        if series.id in seen:
            raise ValueError(
                f"series {seen[series.id]} and series {number} both have the id '{series.id}': "
                "give each series its own id"
            )
        seen[series.id] = number


def session_problems(events: EventsFile) -> list[tuple[tuple, str]]:
    """Checks that concern one session of a series, each pointing at that session's line (and
    field), not the series' line: a cross-check for load_data_file."""
    problems: list[tuple[tuple, str]] = []
    for s_index, series in enumerate(events.series):
        if series.end <= series.start:
            problems.append((("series", s_index, "end"), (
                f"the end time {series.end:%H:%M} is not after the start time {series.start:%H:%M}; "
                "check both times (24-hour clock)"
            )))  # fmt: skip
            continue  # every session would say the same
        seen: dict[Day, int] = {}
        zone = ZoneInfo(series.time_zone)
        for index, session in enumerate(series.sessions):
            number = index + 1

            def at(*field: str, index=index, s_index=s_index) -> tuple:
                return ("series", s_index, "sessions", index, *field)

            if session.date in seen:
                problems.append((at("date"), (
                    f"this session has the same date as session {seen[session.date]}: each date may appear once "
                    "in a series. Delete the copy, or, if the session moved, use 'status: moved' and 'moved_to'"
                )))  # fmt: skip
                continue
            seen[session.date] = number
            day, start, end = planned_times(series, session)
            moved = session.moved_to is not None
            if end <= start:
                field = ("moved_to",) if moved else ("end",) if session.end else ()
                problems.append((at(*field), (
                    f"the end time {end:%H:%M} is not after the start time {start:%H:%M}; "
                    "check 'start' and 'end' (24-hour clock)"
                )))  # fmt: skip
                continue
            if moved and (day, start, end) == original_times(series, session):
                problems.append((at("moved_to"), (
                    "'moved_to' gives the same date and times as before; give the new 'date', 'start' or 'end'"
                )))  # fmt: skip
                continue
            for name, moment in (("start", start), ("end", end)):
                problem = _local_time_problem(datetime.combine(day, moment), zone)
                if problem:
                    field = ("moved_to",) if moved else (name,) if getattr(session, name) else ("date",)
                    problems.append((at(*field), f"{moment:%H:%M} on {day.isoformat()} {problem}"))
            if session.join_link and not (series.online or series.venue):
                problems.append((at("join_link"), (
                    "a joining link is for a session people join online, but this series does not say where its "
                    "sessions happen: put 'online: true' (or a 'venue', for sessions in a building that people "
                    "can also join online) on the series in place of its 'location_note', or remove 'join_link'"
                )))  # fmt: skip
            first_known = session.added or series.added
            if session.changes and session.changes[0].date < first_known:
                problems.append((at("changes", 0, "date"), (
                    f"a change is dated {session.changes[0].date.isoformat()}, before the session was "
                    f"added ({first_known.isoformat()}); check the dates"
                )))  # fmt: skip
    return problems


def original_times(series: Series, session: Session) -> tuple[date, time, time]:
    return session.date, session.start or series.start, session.end or series.end


def planned_times(series: Series, session: Session) -> tuple[date, time, time]:
    """The date and times a session happens on, after any move."""
    day, start, end = original_times(series, session)
    # check_session_status allows 'moved_to' only on a moved session, so it alone says "moved".
    if session.moved_to is not None:
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

DATA_FILE = "events.yaml"


def load_events(path: Path, shown_as: str | None = None) -> EventsFile:
    """Read and validate data/events.yaml (the same content is validated once per build)."""
    return load_data_file(path, EventsFile, shown_as, checks=(session_problems,))
