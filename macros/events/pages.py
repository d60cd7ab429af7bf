"""What the drop-in pages show: the session pages generated from data/events.yaml, the
lists on the drop-in page, the subscribe section and the home page's "next drop-in" panel.

Pure functions: they take the validated data, the build's "now" and the site's address,
and return text. Markup is in macros/events/templates/.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from ..core.dates import long_date as change_date
from ..core.dates import long_date_with_weekday as long_date
from ..core.escaping import script_json
from ..core.problems import DataFileError, DataProblem
from ..core.templating import render_template, template_environment
from ..core.urls import absolute, relative_url, webcal
from .calendar_id import DEFAULT_CALENDAR_ID
from .calendar_links import google_event_link, outlook_event_links, outlook_subscribe_links
from .facts import series_facts
from .ics import calendar_files
from .models import EventsFile, Series
from .occurrences import (
    ALL_SESSIONS_FEED,
    EVENTS_PAGE,
    Occurrence,
    in_progress,
    is_past,
    joining_link,
    next_session,
    occurrences,
    series_feed_path,
    split_upcoming_past,
)
from .timezone import UnsupportedTimeZone
from .wording import (
    all_sessions_feed_name,
    audience_sentence,
    join_sentence,
    location_text,
    moved_from,
    offset_iso,
    place_text,
    time_range,
    when,
)

SUBSCRIBE_ANCHOR = "subscribe"


@dataclass(frozen=True)
class SessionView:
    occurrence: Occurrence
    href: str  # the session's page, relative to the page showing it
    date_text: str
    time_text: str
    past: bool
    happening_now: bool
    moved_from: str
    location: str  # the calendar's LOCATION: '' when the place is not known
    place: str  # where, in words: the location, or that it is not known and why
    join_link: str  # the joining link while the session is to come, else ''

    @property
    def series(self) -> Series:
        return self.occurrence.series

    @property
    def session(self):
        return self.occurrence.session

    @property
    def notes(self) -> list[str]:
        """The session's own note and the series' notes that name it: none if nothing names it."""
        return self.series.notes_for(self.session)

    @property
    def changes(self) -> list[tuple[str, str, str]]:
        """The session's changes, newest first: (YYYY-MM-DD, '1 October 2026', summary)."""
        ordered = sorted(enumerate(self.session.changes), key=lambda item: (item[1].date, item[0]), reverse=True)
        return [(c.date.isoformat(), change_date(c.date), c.summary) for _, c in ordered]


def session_view(occurrence: Occurrence, now: datetime, page_url: str) -> SessionView:
    return SessionView(
        occurrence=occurrence,
        href=relative_url(page_url, occurrence.page_url),
        date_text=long_date(occurrence.start),
        time_text=time_range(occurrence.start, occurrence.end),
        past=is_past(occurrence, now),
        happening_now=in_progress(occurrence, now),
        moved_from=moved_from(occurrence) if occurrence.moved else "",
        location=location_text(occurrence.series),
        place=place_text(occurrence.series),
        join_link=joining_link(occurrence, now),
    )


# ---------------------------------------------------------------------------
# The drop-in page and the home page panel
# ---------------------------------------------------------------------------


def upcoming_list(sessions: list[Occurrence], now: datetime, page_url: str) -> str:
    """Sessions still to come or, with none, the invitation (who to ask, then the calendar)."""
    upcoming = split_upcoming_past(sessions, now)[0]
    return _session_list(upcoming, "upcoming", now, page_url, "" if upcoming else invitation(sessions, page_url))


def past_list(sessions: list[Occurrence], now: datetime, page_url: str) -> str:
    return _session_list(split_upcoming_past(sessions, now)[1], "past", now, page_url)


def _session_list(
    sessions: list[Occurrence], kind: str, now: datetime, page_url: str, invitation_html: str = ""
) -> str:
    return render_template(
        "events/list.html",
        sessions=[session_view(o, now, page_url) for o in sessions],
        kind=kind,
        invitation=invitation_html,
    )


def series_summaries(events: EventsFile) -> str:
    return render_template(
        "events/series.html",
        all_series=events.series,
        audience_sentence=audience_sentence,
        facts={series.id: series_facts(series) for series in events.series},
        note_dates={
            (series.id, number): _dates_in_words([day for day in note.sessions])
            for series in events.series
            for number, note in enumerate(series.notes)
        },
    )


def _dates_in_words(days) -> str:
    words = [change_date(day) for day in sorted(days)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class Feed:
    name: str
    https: str
    webcal: str
    outlook: list


def feeds(events: EventsFile, site_url: str, hub_name: str) -> list[Feed]:
    """The feeds to offer: the all-sessions feed first, the one to pick (every series is in it,
    and any series added later). A series' own feed is offered only while there are several
    series to choose from; with one, it would hold the same sessions and only make readers
    choose. It is built either way (ics.calendar_files), so those subscribed to it keep it."""
    entries = [(all_sessions_feed_name(hub_name), ALL_SESSIONS_FEED)]
    if len(events.series) > 1:
        entries += [(series.title, series_feed_path(series)) for series in events.series]
    result = []
    for name, path in entries:
        url = absolute(site_url, path)
        # No Google "?cid=" link: it fails for some addresses; the page says to copy the address instead.
        result.append(Feed(name, url, webcal(url), outlook_subscribe_links(url, name)))
    return result


def subscribe_section(events: EventsFile, site_url: str, hub_name: str) -> str:
    return render_template("events/subscribe.html", feeds=feeds(events, site_url, hub_name))


def next_drop_in_panel(sessions: list[Occurrence], now: datetime, page_url: str) -> str:
    """The next session going ahead or, with none, the invitation (see invitation)."""
    upcoming = next_session(sessions, now)
    return render_template(
        "events/next.html",
        view=session_view(upcoming, now, page_url) if upcoming else None,
        invitation="" if upcoming else invitation(sessions, page_url),
    )


def invitation(sessions: list[Occurrence], page_url: str) -> Markup:
    """With nothing booked: who to ask about new dates and how, then the calendar, offered
    for what it can do (new dates announced here appear in it), not as news of sessions."""
    all_series = list({o.series.id: o.series for o in sessions}.values())
    subscribe = f"{EVENTS_PAGE}#{SUBSCRIBE_ANCHOR}"
    href = f"#{SUBSCRIBE_ANCHOR}" if page_url == EVENTS_PAGE else relative_url(page_url, subscribe)
    # A macro of an autoescaping template returns Markup: safe to place in another template as it is.
    macros = template_environment().get_template("events/invitation.html").module
    return macros.invitation(all_series, contact_email, href)


def contact_email(series: Series) -> str:
    """The address to ask about a series: the joining address, else the organiser's."""
    return series.join.email or series.organiser.email or ""


# ---------------------------------------------------------------------------
# One page per session
# ---------------------------------------------------------------------------


def json_ld(occurrence: Occurrence, site_url: str, join_link: str = "") -> dict:
    """schema.org Event for the session's page; `join_link` is the link the page offers, if any."""
    series = occurrence.series
    status = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "moved": "EventRescheduled"}
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": series.title,
        "description": series.description,
        "startDate": offset_iso(occurrence.start),
        "endDate": offset_iso(occurrence.end),
        "eventStatus": f"https://schema.org/{status[occurrence.status]}",
        "url": absolute(site_url, occurrence.page_url),
        "inLanguage": "en-GB",
        "audience": {"@type": "Audience", "audienceType": audience_sentence(series.audience)},
    }
    if occurrence.moved:
        data["previousStartDate"] = offset_iso(occurrence.original_start)
    if series.online:
        where = join_link or absolute(site_url, occurrence.page_url)
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": where}
    elif series.venue:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": series.venue.name,
            "address": {"@type": "PostalAddress", "streetAddress": series.venue.address},
        }
    organiser: dict = {"@type": "Organization", "name": series.organiser.name}
    if series.organiser.url:
        organiser["url"] = series.organiser.url
    if series.organiser.email:
        organiser["email"] = series.organiser.email
    data["organizer"] = organiser
    return data


@dataclass(frozen=True)
class SeriesParts:
    """HTML shared by every session page of a series (already escaped)."""

    facts: Markup
    about: Markup
    join: Markup


def series_parts(series: Series) -> SeriesParts:
    # Macros of an autoescaping template return Markup: safe to place in the page as they are.
    macros = template_environment().get_template("events/session_parts.html").module
    return SeriesParts(
        facts=macros.facts(series, place_text(series), audience_sentence(series.audience)),
        about=macros.about(series),
        join=macros.join(series),
    )


def session_page(
    occurrence: Occurrence,
    now: datetime,
    site_url: str,
    parts: SeriesParts | None = None,
    next_up: Occurrence | None = None,
) -> str:
    """The Markdown source (front matter and an HTML body) of one session's page. `next_up` is
    the series' next session going ahead: a past session's page points to it, or, with none,
    says that nothing is booked and who to ask."""
    series = occurrence.series
    parts = parts or series_parts(series)
    page_url = occurrence.page_url
    view = session_view(occurrence, now, page_url)
    # Short details for the Google and Outlook links: long ones make addresses too long for some browsers.
    own_link = f"\n\nJoining link for this session: {view.join_link}" if occurrence.session.join_link else ""
    shared = f"{series.description}\n\nHow to join: {join_sentence(series.join)}{own_link}\n\nDetails: "
    details = (shared, absolute(site_url, page_url))
    title = f"{series.title}: {long_date(occurrence.start)}"
    if occurrence.cancelled:
        title = f"Cancelled: {title}"
    front_matter = {
        "title": title,
        "description": f"{series.title} on {when(occurrence)}, organised by {series.organiser.name}.",
        "sources": [_source(occurrence.session.source or series.source)],
    }
    if view.past:
        # A reader searching "next drop-in" wants sessions to come: a past session's page
        # stays on the drop-in page's list of past sessions, out of the search index.
        front_matter["search"] = {"exclude": True}
    show_actions = not occurrence.cancelled and not view.past
    body = render_template(
        "events/session.html",
        view=view,
        parts=parts,
        show_actions=show_actions,
        ics_href=relative_url(page_url, occurrence.ics_path),
        google=google_event_link(series.title, occurrence.start, occurrence.end, details, view.location),
        outlook=outlook_event_links(series.title, occurrence.start, occurrence.end, details, view.location),
        events_href=relative_url(page_url, EVENTS_PAGE),
        subscribe_href=relative_url(page_url, f"{EVENTS_PAGE}#{SUBSCRIBE_ANCHOR}"),
        next_view=session_view(next_up, now, page_url) if next_up else None,
        contact_email=contact_email,
        json_ld=script_json(json_ld(occurrence, site_url, view.join_link)),
    )
    # JSON is valid YAML, and quoting every value keeps editors' text from being read as YAML syntax.
    header = "\n".join(f"{key}: {front_matter_value(value)}" for key, value in front_matter.items())
    return f"---\n{header}\n---\n\n{body}\n"


# Characters YAML's reader refuses raw (a \x7f in a title lost every session page its front
# matter): written as \u escapes, which a YAML double-quoted string reads back as they were.
_UNREADABLE_IN_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def front_matter_value(value) -> str:
    """`value` as one line of YAML that always parses back to `value` (JSON, which YAML reads)."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNREADABLE_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _source(source) -> dict:
    entry = {"title": source.title, "publisher": source.publisher}
    if source.url:
        entry["url"] = source.url
    if source.note:
        entry["note"] = source.note
    if source.checked:
        entry["checked"] = source.checked.isoformat()
    return entry


def event_files(
    events: EventsFile,
    now: datetime,
    site_url: str,
    hub_name: str,
    shown_as: str,
    calendar_id: str = DEFAULT_CALENDAR_ID,
) -> dict[str, str]:
    """Every generated file for the events: session pages (.md) and calendars (.ics), by site path."""
    sessions = occurrences(events)
    try:
        files = calendar_files(sessions, site_url, hub_name, calendar_id, now=now)
    except UnsupportedTimeZone as error:
        users = [f"series '{series.id}'" for series in events.series if series.time_zone == error.zone_name]
        where = ", ".join(users + ["field 'time_zone'"])
        raise DataFileError([DataProblem(shown_as, None, where, str(error))]) from None
    parts = {series.id: series_parts(series) for series in events.series}
    next_up = {
        series.id: next_session([o for o in sessions if o.series.id == series.id], now) for series in events.series
    }
    for occurrence in sessions:
        series_id = occurrence.series.id
        files[occurrence.page_source] = session_page(occurrence, now, site_url, parts[series_id], next_up[series_id])
    return files
