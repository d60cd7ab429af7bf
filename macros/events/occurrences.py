"""Sessions as the pages and feeds see them: each session of each series with its times
worked out (after any move) and its addresses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from .models import EventsFile, Series, Session, original_times, planned_times

EVENTS_PAGE = "events/"
FEEDS_FOLDER = "events/feeds"
ALL_SESSIONS_FEED = f"{FEEDS_FOLDER}/all.ics"


def series_feed_path(series: Series) -> str:
    return f"{FEEDS_FOLDER}/{series.id}.ics"


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
    def unconfirmed_reason(self) -> str:
        """Why the session is not confirmed (its own reason, else its series'), or ''."""
        return self.session.unconfirmed or self.series.unconfirmed or ""

    @property
    def confirmed(self) -> bool:
        """A session is confirmed unless the data says why it is not."""
        return not self.unconfirmed_reason

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
        """The date of the session's latest recorded change, else when it was listed."""
        added = self.session.added or self.series.added
        latest = self.session.changes[-1].date if self.session.changes else added
        return datetime.combine(max(added, latest), time(0), tzinfo=UTC)

    @property
    def created(self) -> datetime:
        """When the session was first listed: its own 'added', else its series'."""
        return datetime.combine(self.session.added or self.series.added, time(0), tzinfo=UTC)


def occurrences(events: EventsFile) -> list[Occurrence]:
    """Every session of every series, soonest first."""
    result = [occurrence for series in events.series for occurrence in series_occurrences(series)]
    return sorted(result, key=lambda o: (o.start_utc, o.key))


def series_occurrences(series: Series) -> list[Occurrence]:
    """Each session of one series worked out, in the data's order."""
    zone = ZoneInfo(series.time_zone)
    result = []
    for session in series.sessions:
        day, start, end = planned_times(series, session)
        original_day, original_start, _ = original_times(series, session)
        result.append(
            Occurrence(
                series=series,
                session=session,
                start=datetime.combine(day, start, tzinfo=zone),
                end=datetime.combine(day, end, tzinfo=zone),
                original_start=datetime.combine(original_day, original_start, tzinfo=zone),
            )
        )
    return result


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


def joining_link(occurrence: Occurrence, now: datetime) -> str:
    """The link to join the session by, its own or else its series': only while it is still to
    come or under way. Once it has ended, or when it is cancelled, there is none to offer."""
    if occurrence.cancelled or is_past(occurrence, now):
        return ""
    return occurrence.session.join_link or occurrence.series.join.link or ""
