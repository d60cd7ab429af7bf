"""What search engines read about a session, compared whole: the schema.org Event each session
page carries and the page's front matter (macros/events/pages.py: json_ld, session_page)."""

from __future__ import annotations

from datetime import UTC, datetime

from macros.events.models import load_events
from macros.events.occurrences import occurrences
from macros.events.pages import json_ld, session_page
from tests.unit.test_events_ics import FIXTURE, SITE


def first(series_id: str):
    return next(o for o in occurrences(load_events(FIXTURE)) if o.series.id == series_id)


def test_a_session_at_a_venue_names_the_place_and_the_organisers_email():
    assert json_ld(first("cymraeg-gaidhlig"), SITE) == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Sesiwn galw heibio Cymraeg / Seisean Gàidhlig 🎉 — a long title, with commas; semicolons and a "
        "backslash \\ to fold past seventy-five octets",
        "description": "Croeso i bawb. Fàilte oirbh uile! Emoji: 🧑\u200d⚕️ 🗓️",
        "startDate": "2026-01-15T18:00:00+00:00",
        "endDate": "2026-01-15T19:30:00+00:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "url": "https://hub.example.org/events/cymraeg-gaidhlig/2026-01-15/",
        "inLanguage": "en-GB",
        "audience": {"@type": "Audience", "audienceType": "ymarferwyr cyffredinol"},
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Canolfan Iechyd Llanfair",
            "address": {"@type": "PostalAddress", "streetAddress": "Stryd Fawr, Llanfair, LL00 0AA"},
        },
        "organizer": {
            "@type": "Organization",
            "name": "Bwrdd Iechyd Prifysgol Aneurin Bevan, Ysbyty Ystrad Fawr",
            "email": "cyswllt@example.org",
        },
    }


def test_an_online_session_points_to_its_page_and_the_organisers_site():
    assert json_ld(first("rcot-drop-in"), SITE) == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "OT drop-in for GP practices",
        "description": "A drop-in for GP practice teams; questions welcome, no slides.",
        "startDate": "2026-03-28T12:30:00+00:00",
        "endDate": "2026-03-28T13:00:00+00:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "url": "https://hub.example.org/events/rcot-drop-in/2026-03-28/",
        "inLanguage": "en-GB",
        "audience": {"@type": "Audience", "audienceType": "GPs and practice nurses"},
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": "https://hub.example.org/events/rcot-drop-in/2026-03-28/"},
        "organizer": {"@type": "Organization", "name": "Royal College of Occupational Therapists",
                      "url": "https://www.rcot.co.uk/"},
    }  # fmt: skip


FRONT_MATTER = (
    "---\n"
    'title: "OT drop-in for GP practices: Saturday 28 March 2026"\n'
    'description: "OT drop-in for GP practices on Saturday 28 March 2026, 12:30 to 13:00 UK time (GMT), organised '
    'by Royal College of Occupational Therapists."\n'
    'sources: [{"title": "Fixture source", "publisher": "Test publisher", "url": '
    '"https://example.org/fixture-source"}]\n'
)


def test_a_session_pages_front_matter_leaves_search_once_the_session_is_past():
    session = first("rcot-drop-in")
    before = session_page(session, datetime(2026, 1, 1, tzinfo=UTC), SITE)
    after = session_page(session, datetime(2026, 12, 1, tzinfo=UTC), SITE)
    assert before.startswith(FRONT_MATTER + "---\n\n")
    assert after.startswith(FRONT_MATTER + 'search: {"exclude": true}\n---\n\n')
