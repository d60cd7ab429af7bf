"""What the pages say about a series in prose, worked out from the data: how often it runs
(its rhythm), where (online or in person), how long each session lasts and the time of
day. The home page, the resources page and the drop-in page use these words instead of
typing them, so moving a series to the evening, in person, changes every page.

A rhythm is the series' `rhythm:` if the editor gives one, otherwise it is worked out
from the sessions' original dates: one session in each month in a row is "monthly", a
session every 7 days "weekly", every 14 days "fortnightly"; anything else (or fewer than
three sessions) says nothing about how often.

Which years sessions ran in, and whether more are to come, is worked out from the sessions
and the build's date (`offer_sentence`), so no page types a year or a rhythm: adding one
session in a new year changes every page that says when sessions run (issue 30).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from .models import EventsFile, Series
from .occurrences import Occurrence, is_past, occurrences, series_occurrences

# Fewer sessions than this are too few to call a rhythm without the editor saying so.
MIN_SESSIONS_FOR_RHYTHM = 3


def rhythm(series: Series) -> str:
    """'monthly', 'fortnightly', 'weekly' or '' (no regular rhythm to state)."""
    if series.rhythm is not None:
        return "" if series.rhythm == "irregular" else series.rhythm
    return rhythm_of_dates([session.date for session in series.sessions])


def rhythm_of_dates(days: list[date]) -> str:
    days = sorted(set(days))
    if len(days) < MIN_SESSIONS_FOR_RHYTHM:
        return ""
    gaps = {(later - earlier).days for earlier, later in zip(days, days[1:], strict=False)}
    if gaps == {7}:
        return "weekly"
    if gaps == {14}:
        return "fortnightly"
    months = [day.year * 12 + day.month for day in days]
    if all(later - earlier == 1 for earlier, later in zip(months, months[1:], strict=False)):
        return "monthly"
    return ""


def length_text(start: time, end: time) -> str:
    """30 minutes, 1 hour, 1 hour 30 minutes."""
    minutes = (datetime.combine(date.min, end) - datetime.combine(date.min, start)).seconds // 60
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours > 1 else ""))
    if minutes:
        parts.append(f"{minutes} minute" + ("s" if minutes > 1 else ""))
    return " ".join(parts)


def time_of_day(start: time, end: time) -> str:
    """'in the morning', 'at lunchtime', 'in the afternoon' or 'in the evening'."""
    if start >= time(17, 0):
        return "in the evening"
    if time(11, 30) <= start and end <= time(14, 0):
        return "at lunchtime"
    if end <= time(12, 30):
        return "in the morning"
    if start >= time(12, 0):
        return "in the afternoon" if end <= time(18, 0) else "in the afternoon and evening"
    return ""


def zone_words(zone_name: str) -> str:
    if zone_name == "Europe/London":
        return "UK time"
    return zone_name.rsplit("/", 1)[-1].replace("_", " ") + " time"


def _common(values: list[str]) -> str:
    """The value every series shares, or '' when they differ."""
    return values[0] if values and all(value == values[0] for value in values) else ""


def years_text(years: tuple[int, ...]) -> str:
    """2023; 2023 and 2027; 2023, 2024 and 2027."""
    words = [str(year) for year in sorted(set(years))]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _with_article(words: str) -> str:
    return ("an " if words[:1] in tuple("aeiou") else "a ") + words


@dataclass(frozen=True)
class Held:
    """When a series' sessions are held, as of the build: the years of the sessions that have
    ended and of those still to come (cancelled ones left out: they were not held), and how
    many were cancelled."""

    past_years: tuple[int, ...] = ()
    upcoming_years: tuple[int, ...] = ()
    cancelled: int = 0

    @property
    def past(self) -> int:
        return len(self.past_years)

    @property
    def upcoming(self) -> int:
        return len(self.upcoming_years)


def held(sessions: list[Occurrence], now: datetime) -> Held:
    going_ahead = [o for o in sessions if not o.cancelled]
    return Held(
        past_years=tuple(o.start.year for o in going_ahead if is_past(o, now)),
        upcoming_years=tuple(o.start.year for o in going_ahead if not is_past(o, now)),
        cancelled=len(sessions) - len(going_ahead),
    )


@dataclass(frozen=True)
class SeriesFacts:
    """Words about one series, or about all of them (a word only when every series agrees)."""

    rhythm: str  # monthly, or ''
    place: str  # online, in person, online and in person, or '' when a series' source does not say
    venue: str  # the venue's name and address when there is one venue, else ''
    length: str  # 30 minutes, or ''
    time_of_day: str  # at lunchtime, or ''
    times: str  # 12:30 to 13:00 UK time, or ''
    location_note: str = ""  # what the series says instead when its source does not say where
    organisers: tuple[str, ...] = ()  # each organiser's name once, in the data's order
    held: Held | None = None  # None: worked out without the build's date (no offer_sentence)

    @property
    def place_adjective(self) -> str:
        """online, in-person, or online and in-person: before a noun ('an in-person drop-in')."""
        return self.place.replace("in person", "in-person")

    @property
    def kind(self) -> str:
        """'monthly online', 'weekly in-person' or just 'online': before 'drop-in'."""
        return " ".join(part for part in (self.rhythm, self.place_adjective) if part)

    @property
    def capitalised_kind(self) -> str:
        """The kind at the start of a sentence: 'Monthly online', 'Online and in-person'."""
        return self.kind[:1].upper() + self.kind[1:]

    @property
    def a_kind(self) -> str:
        """The kind with its article: 'a monthly online', 'an in-person', 'an online'."""
        if not self.kind:
            return "a"
        return ("an " if self.kind[0] in "aeiou" else "a ") + self.kind

    @property
    def length_sentence(self) -> str:
        """'Each session lasts 30 minutes at lunchtime, from 12:30 to 13:00 UK time.' ('' if unknown)."""
        if not self.length:
            return ""
        sentence = f"Each session lasts {self.length}"
        if self.time_of_day:
            sentence += f" {self.time_of_day}"
        if self.times:
            sentence += f", from {self.times}"
        return sentence + "."

    @property
    def where_sentence(self) -> str:
        """'Sessions are online.' or 'Sessions are in person at Venue, Address.'"""
        if self.venue:
            return f"Sessions are in person at {self.venue}."
        if self.place:
            return f"Sessions are {self.place}."
        return self.location_note

    @property
    def offer_sentence(self) -> str:
        """Who ran the sessions, how often, and in which years, from the data and the build's
        date: 'The organiser, Royal College of Occupational Therapists (RCOT), ran monthly
        drop-in sessions in 2023.' The organiser's name is set off by commas, as data names
        need no "the" ("NHS England") or do ("the Royal College ..."). One session has no
        rhythm: alone, it is "a drop-in session" (or "an online drop-in session")."""
        if self.held is None or not self.organisers:
            return ""
        h = self.held
        many = len(self.organisers) > 1
        names = ", ".join(self.organisers[:-1]) + " and " + self.organisers[-1] if many else self.organisers[0]
        subject = f"The organisers, {names}," if many else f"The organiser, {names},"
        sessions = f"{self.kind} drop-in sessions".strip()
        one_session = _with_article(f"{self.place_adjective} drop-in session".strip())
        plan = "plan" if many else "plans"
        if h.past and h.upcoming:
            more = "another" if h.upcoming == 1 else "more"
            ran = one_session if h.past == 1 else sessions
            if set(h.past_years) == set(h.upcoming_years):
                return f"{subject} ran {ran} and {plan} {more} in {years_text(h.past_years)}."
            return (
                f"{subject} ran {ran} in {years_text(h.past_years)} "
                f"and {plan} {more} in {years_text(h.upcoming_years)}."
            )
        if h.past:
            ran = one_session if h.past == 1 else sessions
            return f"{subject} ran {ran} in {years_text(h.past_years)}."
        if h.upcoming:
            planned = one_session if h.upcoming == 1 else sessions
            return f"{subject} {plan} {planned} in {years_text(h.upcoming_years)}."
        if h.cancelled:
            return f"Every drop-in session of {subject[:1].lower()}{subject[1:]} was cancelled."
        return ""

    def __str__(self) -> str:
        return self.kind


def series_facts(series: Series, now: datetime | None = None) -> SeriesFacts:
    """Words about one series. With the build's date (`now`), also when sessions were held."""
    times = f"{series.start:%H:%M} to {series.end:%H:%M} {zone_words(series.time_zone)}"
    return SeriesFacts(
        rhythm=rhythm(series),
        place="online" if series.online else "in person" if series.venue else "",
        venue=f"{series.venue.name}, {series.venue.address}" if series.venue else "",
        length=length_text(series.start, series.end),
        time_of_day=time_of_day(series.start, series.end),
        times=times,
        location_note=series.location_note,
        organisers=(series.organiser.name,),
        held=None if now is None else held(series_occurrences(series), now),
    )


def all_series_facts(events: EventsFile, now: datetime | None = None) -> SeriesFacts:
    """What is true of every series: a word is left out when the series differ."""
    each = [series_facts(series) for series in events.series]
    places = sorted({facts.place for facts in each}, key=["online", "in person", ""].index)
    return SeriesFacts(
        rhythm=_common([facts.rhythm for facts in each]),
        place="" if "" in places else " and ".join(places),
        venue=_common([facts.venue for facts in each]) if places == ["in person"] else "",
        length=_common([facts.length for facts in each]),
        time_of_day=_common([facts.time_of_day for facts in each]),
        times=_common([facts.times for facts in each]),
        location_note=_common([facts.location_note for facts in each]),
        organisers=tuple(dict.fromkeys(series.organiser.name for series in events.series)),
        held=None if now is None else held(occurrences(events), now),
    )


class UnknownSeries(LookupError):
    def __init__(self, series_id: str, known: list[str]):
        super().__init__(
            f"a page asks for the drop-in series '{series_id}', which is not in data/events.yaml. "
            f"Use one of the series ids there ({', '.join(known)}), or remove the macro from the page"
        )


def facts_for(events: EventsFile, series_id: str | None = None, now: datetime | None = None) -> SeriesFacts:
    """One series' facts by its id, or, without an id, what every series shares. With the
    build's date (`now`), also when the sessions were held (`offer_sentence`)."""
    if series_id is None:
        return all_series_facts(events, now)
    for series in events.series:
        if series.id == series_id:
            return series_facts(series, now)
    raise UnknownSeries(series_id, [series.id for series in events.series])
