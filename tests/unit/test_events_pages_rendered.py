"""The drop-in pages' parts, each compared whole with what a reader is given: a session's view,
the lists and the home page's panel, the subscribe section and its feeds, a session's page,
and every file the events make (macros/events/pages.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from macros.events.ics import calendar_files
from macros.events.models import load_events
from macros.events.occurrences import next_session, occurrences
from macros.events.pages import (
    Feed,
    SessionView,
    event_files,
    feeds,
    next_drop_in_panel,
    past_list,
    session_page,
    session_view,
    subscribe_section,
    upcoming_list,
)

SITE = "https://hub.example.org/"
# One online series: a session with its own joining link on 25 April 2026 (12:30 to 13:00
# BST), and one moved from 23 to 30 May with the reason and the change.
EVENTS = """\
series:
  - id: evening
    title: Evening drop-in
    organiser:
      name: Hub team
    audience: [GPs]
    description: A drop-in.
    join:
      email: someone@example.org
    start: "12:30"
    end: "13:00"
    online: true
    added: 2026-01-05
    source:
      title: Source
      publisher: Publisher
      url: https://example.org/source
    sessions:
      - date: 2026-04-25
        join_link: https://meet.example.org/a
      - date: 2026-05-23
        status: moved
        moved_to:
          date: 2026-05-30
        reason: The room was double-booked.
        changes:
          - date: 2026-04-01
            summary: Moved to 30 May.
"""
BEFORE = datetime(2026, 4, 1, tzinfo=UTC)
DURING = datetime(2026, 4, 25, 11, 45, tzinfo=UTC)  # 12:45 BST on 25 April: the first session is on
AFTER = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture
def events(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS, encoding="utf-8")
    return load_events(path, "data/events.yaml")


def test_a_sessions_view_says_whether_it_is_on_now_where_it_is_and_where_it_moved_from(events):
    on_now, moved = occurrences(events)
    assert session_view(on_now, DURING, "events/") == SessionView(
        occurrence=on_now,
        href="evening/2026-04-25/",
        date_text="Saturday 25 April 2026",
        time_text="12:30 to 13:00 UK time (BST)",
        past=False,
        happening_now=True,
        moved_from="",
        location="Online",
        place="Online",
        join_link="https://meet.example.org/a",
    )
    assert session_view(moved, DURING, "") == SessionView(
        occurrence=moved,
        href="events/evening/2026-05-23/",
        date_text="Saturday 30 May 2026",
        time_text="12:30 to 13:00 UK time (BST)",
        past=False,
        happening_now=False,
        moved_from="Saturday 23 May 2026 at 12:30",
        location="Online",
        place="Online",
        join_link="",
    )


def test_the_upcoming_list_marks_the_session_on_now_and_the_one_moved(events):
    assert (
        upcoming_list(occurrences(events), DURING, "events/")
        == """\
<ul class="hub-sessions hub-sessions--upcoming">
  <li class="hub-session-card">
    <p class="hub-session-card__when">
      <a href="evening/2026-04-25/">Saturday 25 April 2026</a>
<strong class="hub-tag">Happening now</strong>    </p>
    <p class="hub-session-card__time">12:30 to 13:00 UK time (BST), online</p>
    <p class="hub-session-card__title">Evening drop-in, run by Hub team</p>
  </li>
  <li class="hub-session-card">
    <p class="hub-session-card__when">
      <a href="evening/2026-05-23/">Saturday 30 May 2026</a>
<strong class="hub-tag hub-tag--moved">Moved</strong>    </p>
    <p class="hub-session-card__time">12:30 to 13:00 UK time (BST), online</p>
    <p class="hub-session-card__title">Evening drop-in, run by Hub team</p>
    <p class="hub-session-card__status">Moved from Saturday 23 May 2026 at 12:30. The room was double-booked.</p>
  </li>
</ul>"""
    )


def test_the_past_list_is_marked_past_newest_first(events):
    assert (
        past_list(occurrences(events), AFTER, "events/")
        == """\
<ul class="hub-sessions hub-sessions--past">
  <li class="hub-session-card">
    <p class="hub-session-card__when">
      <a href="evening/2026-05-23/">Saturday 30 May 2026</a>
<strong class="hub-tag hub-tag--moved">Moved</strong>    </p>
    <p class="hub-session-card__time">12:30 to 13:00 UK time (BST), online</p>
    <p class="hub-session-card__title">Evening drop-in, run by Hub team</p>
    <p class="hub-session-card__status">Moved from Saturday 23 May 2026 at 12:30. The room was double-booked.</p>
  </li>
  <li class="hub-session-card">
    <p class="hub-session-card__when">
      <a href="evening/2026-04-25/">Saturday 25 April 2026</a>
    </p>
    <p class="hub-session-card__time">12:30 to 13:00 UK time (BST), online</p>
    <p class="hub-session-card__title">Evening drop-in, run by Hub team</p>
  </li>
</ul>"""
    )
    assert past_list(occurrences(events), BEFORE, "events/") == "<p>No sessions have taken place yet.</p>"


def test_the_home_panel_shows_the_next_session(events):
    assert (
        next_drop_in_panel(occurrences(events), DURING, "")
        == """\
<div class="hub-next-session">
  <p class="hub-next-session__label">Next drop-in session</p>
  <p class="hub-next-session__when"><a href="events/evening/2026-04-25/">Saturday 25 April 2026</a></p>
  <p>12:30 to 13:00 UK time (BST), online. Evening drop-in, run by Hub team.</p>
</div>"""
    )


def test_with_one_series_the_hubs_feed_is_named_for_the_hub_and_offered_by_webcal_and_outlook(events):
    all_ics = "https%3A%2F%2Fhub.example.org%2Fevents%2Ffeeds%2Fall.ics&name=Test%20hub%3A%20all%20drop-in%20sessions"
    [feed] = feeds(events, SITE, "Test hub")
    assert feed == Feed(
        "Test hub: all drop-in sessions",
        "https://hub.example.org/events/feeds/all.ics",
        "webcal://hub.example.org/events/feeds/all.ics",
        feed.outlook,
    )
    assert [(link.label, link.url) for link in feed.outlook] == [
        (
            "Outlook on the web (work or school account, including NHSmail)",
            f"https://outlook.office.com/calendar/0/addfromweb?url={all_ics}",
        ),
        ("Outlook on the web (personal account)", f"https://outlook.live.com/calendar/0/addfromweb?url={all_ics}"),
    ]
    assert (
        subscribe_section(events, SITE, "Test hub")
        == """\
<div class="hub-feeds">
  <div class="hub-feed hub-feed--recommended">
    <h3 id="feed-1">Test hub: all drop-in sessions</h3>
    <p class="hub-feed__why">This is the calendar to subscribe to. It has every drop-in session this site lists, and any series added later will appear in it too.</p>
    <p class="hub-feed__copy">
      Calendar address:<br>
      <code class="hub-feed__address" id="feed-1-address">https://hub.example.org/events/feeds/all.ics</code>
    </p>
    <div class="hub-feed__actions">
      <button type="button" class="md-button hub-feed__button" data-hub-copy="https://hub.example.org/events/feeds/all.ics" aria-describedby="feed-1" hidden>Copy address</button>
      <span class="hub-feed__status" role="status" aria-live="polite"></span>
    </div>
    <ul class="hub-calendar-actions">
      <li><a href="webcal://hub.example.org/events/feeds/all.ics">Subscribe in Apple Calendar</a> (iPhone, iPad and Mac)</li>
      <li><a href="https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fhub.example.org%2Fevents%2Ffeeds%2Fall.ics&amp;name=Test%20hub%3A%20all%20drop-in%20sessions" rel="noopener">Subscribe in Outlook on the web (work or school account, including NHSmail)</a></li>
      <li><a href="https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fhub.example.org%2Fevents%2Ffeeds%2Fall.ics&amp;name=Test%20hub%3A%20all%20drop-in%20sessions" rel="noopener">Subscribe in Outlook on the web (personal account)</a></li>
    </ul>
  </div>
</div>"""
    )


def test_a_session_page_with_its_own_joining_link_offers_it_and_the_calendar_links_carry_it(events):
    assert (
        session_page(occurrences(events)[0], BEFORE, SITE)
        == """\
---
title: "Evening drop-in: Saturday 25 April 2026"
description: "Evening drop-in on Saturday 25 April 2026, 12:30 to 13:00 UK time (BST), organised by Hub team."
sources: [{"title": "Source", "publisher": "Publisher", "url": "https://example.org/source"}]
---

<div class="hub-session">
  <dl class="hub-facts">
    <dt>Date</dt>
    <dd>Saturday 25 April 2026</dd>
    <dt>Time</dt>
    <dd>12:30 to 13:00 UK time (BST)</dd>
    <dt>Where</dt>
    <dd>Online</dd>
    <dt>Who it is for</dt>
    <dd>GPs</dd>
    <dt>Run by</dt>
    <dd>Hub team</dd>
  </dl>
  <p>A drop-in.</p>
  <h2 id="how-to-join">How to join</h2>
  <p>
Email <a href="mailto:someone@example.org">someone@example.org</a>.  </p>
  <p class="hub-session__join-link">Joining link for this session: <a href="https://meet.example.org/a">https://meet.example.org/a</a></p>
  <h2 id="add-to-your-calendar">Add to your calendar</h2>
  <ul class="hub-calendar-actions">
    <li><a href="../2026-04-25.ics" download class="hub-calendar-actions__ics">Download a calendar file (.ics)</a> for Apple Calendar, Outlook and most other calendars</li>
    <li><a href="https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Evening%20drop-in&amp;dates=20260425T113000Z%2F20260425T120000Z&amp;details=A%20drop-in.%0A%0AHow%20to%20join%3A%20Email%20someone%40example.org%20to%20join.%0A%0AJoining%20link%20for%20this%20session%3A%20https%3A%2F%2Fmeet.example.org%2Fa%0A%0ADetails%3A%20https%3A%2F%2Fhub.example.org%2Fevents%2Fevening%2F2026-04-25%2F&amp;location=Online" rel="noopener" class="hub-calendar-actions__google">Add to Google Calendar</a></li>
    <li><a href="https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&amp;rru=addevent&amp;subject=Evening%20drop-in&amp;startdt=2026-04-25T11%3A30%3A00Z&amp;enddt=2026-04-25T12%3A00%3A00Z&amp;body=A%20drop-in.%3Cbr%3E%3Cbr%3EHow%20to%20join%3A%20Email%20someone%40example.org%20to%20join.%3Cbr%3E%3Cbr%3EJoining%20link%20for%20this%20session%3A%20https%3A%2F%2Fmeet.example.org%2Fa%3Cbr%3E%3Cbr%3EDetails%3A%20https%3A%2F%2Fhub.example.org%2Fevents%2Fevening%2F2026-04-25%2F&amp;location=Online" rel="noopener" class="hub-calendar-actions__outlook">Add to Outlook (work or school account)</a></li>
    <li><a href="https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&amp;rru=addevent&amp;subject=Evening%20drop-in&amp;startdt=2026-04-25T11%3A30%3A00Z&amp;enddt=2026-04-25T12%3A00%3A00Z&amp;body=A%20drop-in.%3Cbr%3E%3Cbr%3EHow%20to%20join%3A%20Email%20someone%40example.org%20to%20join.%3Cbr%3E%3Cbr%3EJoining%20link%20for%20this%20session%3A%20https%3A%2F%2Fmeet.example.org%2Fa%3Cbr%3E%3Cbr%3EDetails%3A%20https%3A%2F%2Fhub.example.org%2Fevents%2Fevening%2F2026-04-25%2F&amp;location=Online" rel="noopener" class="hub-calendar-actions__outlook">Add to Outlook.com (personal account)</a></li>
  </ul>
  <p>The times in these links are exact, so your calendar shows the session at the right time in your own time zone.</p>
  <p><a href="../../">All drop-in sessions</a> · <a href="../../#subscribe">Subscribe to the drop-in calendar</a> so changes reach you</p>
  <script type="application/ld+json">
{"@context":"https://schema.org","@type":"Event","name":"Evening drop-in","description":"A drop-in.","startDate":"2026-04-25T12:30:00+01:00","endDate":"2026-04-25T13:00:00+01:00","eventStatus":"https://schema.org/EventScheduled","url":"https://hub.example.org/events/evening/2026-04-25/","inLanguage":"en-GB","audience":{"@type":"Audience","audienceType":"GPs"},"eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode","location":{"@type":"VirtualLocation","url":"https://meet.example.org/a"},"organizer":{"@type":"Organization","name":"Hub team"}}
  </script>
</div>
"""
    )


def test_a_moved_session_page_without_its_own_link_says_where_it_moved_from(events):
    assert (
        session_page(occurrences(events)[1], BEFORE, SITE)
        == """\
---
title: "Evening drop-in: Saturday 30 May 2026"
description: "Evening drop-in on Saturday 30 May 2026, 12:30 to 13:00 UK time (BST), organised by Hub team."
sources: [{"title": "Source", "publisher": "Publisher", "url": "https://example.org/source"}]
---

<div class="hub-session">
  <div class="admonition info">
    <p class="admonition-title">This session has moved</p>
    <p>It was on Saturday 23 May 2026 at 12:30. It is now on Saturday 30 May 2026, 12:30 to 13:00 UK time (BST). The room was double-booked.</p>
  </div>
  <dl class="hub-facts">
    <dt>Date</dt>
    <dd>Saturday 30 May 2026</dd>
    <dt>Time</dt>
    <dd>12:30 to 13:00 UK time (BST)</dd>
    <dt>Where</dt>
    <dd>Online</dd>
    <dt>Who it is for</dt>
    <dd>GPs</dd>
    <dt>Run by</dt>
    <dd>Hub team</dd>
  </dl>
  <p>A drop-in.</p>
  <h2 id="what-changed">What changed</h2>
  <ul class="hub-changes">
    <li><time datetime="2026-04-01">1 April 2026</time>: Moved to 30 May.</li>
  </ul>
  <h2 id="how-to-join">How to join</h2>
  <p>
Email <a href="mailto:someone@example.org">someone@example.org</a>.  </p>
  <h2 id="add-to-your-calendar">Add to your calendar</h2>
  <ul class="hub-calendar-actions">
    <li><a href="../2026-05-23.ics" download class="hub-calendar-actions__ics">Download a calendar file (.ics)</a> for Apple Calendar, Outlook and most other calendars</li>
    <li><a href="https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Evening%20drop-in&amp;dates=20260530T113000Z%2F20260530T120000Z&amp;details=A%20drop-in.%0A%0AHow%20to%20join%3A%20Email%20someone%40example.org%20to%20join.%0A%0ADetails%3A%20https%3A%2F%2Fhub.example.org%2Fevents%2Fevening%2F2026-05-23%2F&amp;location=Online" rel="noopener" class="hub-calendar-actions__google">Add to Google Calendar</a></li>
    <li><a href="https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&amp;rru=addevent&amp;subject=Evening%20drop-in&amp;startdt=2026-05-30T11%3A30%3A00Z&amp;enddt=2026-05-30T12%3A00%3A00Z&amp;body=A%20drop-in.%3Cbr%3E%3Cbr%3EHow%20to%20join%3A%20Email%20someone%40example.org%20to%20join.%3Cbr%3E%3Cbr%3EDetails%3A%20https%3A%2F%2Fhub.example.org%2Fevents%2Fevening%2F2026-05-23%2F&amp;location=Online" rel="noopener" class="hub-calendar-actions__outlook">Add to Outlook (work or school account)</a></li>
    <li><a href="https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&amp;rru=addevent&amp;subject=Evening%20drop-in&amp;startdt=2026-05-30T11%3A30%3A00Z&amp;enddt=2026-05-30T12%3A00%3A00Z&amp;body=A%20drop-in.%3Cbr%3E%3Cbr%3EHow%20to%20join%3A%20Email%20someone%40example.org%20to%20join.%3Cbr%3E%3Cbr%3EDetails%3A%20https%3A%2F%2Fhub.example.org%2Fevents%2Fevening%2F2026-05-23%2F&amp;location=Online" rel="noopener" class="hub-calendar-actions__outlook">Add to Outlook.com (personal account)</a></li>
  </ul>
  <p>The times in these links are exact, so your calendar shows the session at the right time in your own time zone.</p>
  <p><a href="../../">All drop-in sessions</a> · <a href="../../#subscribe">Subscribe to the drop-in calendar</a> so changes reach you</p>
  <script type="application/ld+json">
{"@context":"https://schema.org","@type":"Event","name":"Evening drop-in","description":"A drop-in.","startDate":"2026-05-30T12:30:00+01:00","endDate":"2026-05-30T13:00:00+01:00","eventStatus":"https://schema.org/EventRescheduled","url":"https://hub.example.org/events/evening/2026-05-23/","inLanguage":"en-GB","audience":{"@type":"Audience","audienceType":"GPs"},"previousStartDate":"2026-05-23T12:30:00+01:00","eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode","location":{"@type":"VirtualLocation","url":"https://hub.example.org/events/evening/2026-05-23/"},"organizer":{"@type":"Organization","name":"Hub team"}}
  </script>
</div>
"""
    )


def test_the_events_files_are_the_calendars_for_the_hub_and_its_calendar_id_and_each_sessions_page(events):
    sessions = occurrences(events)
    files = event_files(events, BEFORE, SITE, "Test hub", "data/events.yaml", "calendar.example")
    calendars = calendar_files(sessions, SITE, "Test hub", "calendar.example", now=BEFORE)
    pages = {o.page_source: session_page(o, BEFORE, SITE, next_up=next_session(sessions, BEFORE)) for o in sessions}
    assert files == {**calendars, **pages}
    assert sorted(files) == [
        "events/evening/2026-04-25.ics",
        "events/evening/2026-04-25.md",
        "events/evening/2026-05-23.ics",
        "events/evening/2026-05-23.md",
        "events/feeds/all.ics",
        "events/feeds/evening.ics",
    ]
    named = ("PRODID:", "NAME:", "X-WR-CALNAME:", "URL;", "SOURCE;", "UID:")
    assert [line for line in files["events/feeds/all.ics"].splitlines() if line.startswith(named)] == [
        "PRODID:-//Test hub//Drop-in sessions//EN",
        "NAME:Test hub: all drop-in sessions",
        "X-WR-CALNAME:Test hub: all drop-in sessions",
        "URL;VALUE=URI:https://hub.example.org/events/",
        "SOURCE;VALUE=URI:https://hub.example.org/events/feeds/all.ics",
        "UID:evening-2026-04-25@calendar.example",
        "URL;VALUE=URI:https://hub.example.org/events/evening/2026-04-25/",
        "UID:evening-2026-05-23@calendar.example",
        "URL;VALUE=URI:https://hub.example.org/events/evening/2026-05-23/",
    ]
