"""Links that open a session or a feed in Google Calendar and Outlook.

Each link carries the session's start and end as UTC instants (the trailing Z), so the
reader's calendar shows the right local time whatever its own time zone setting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import quote

GOOGLE_EVENT = "https://calendar.google.com/calendar/render"


@dataclass(frozen=True)
class OutlookAccount:
    host: str
    event_label: str  # beside a session: add this one event
    subscribe_label: str  # beside a feed: subscribe to the calendar


# Work or school accounts (NHSmail among them) and personal accounts use different hosts.
OUTLOOK_ACCOUNTS = (
    OutlookAccount(
        "https://outlook.office.com",
        "Outlook (work or school account)",
        "Outlook on the web (work or school account, including NHSmail)",
    ),
    OutlookAccount(
        "https://outlook.live.com", "Outlook.com (personal account)", "Outlook on the web (personal account)"
    ),
)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@lru_cache(maxsize=4096)
def _encode(text: str) -> str:
    # Titles, places and the shared part of the details repeat across a series: encode each once.
    return quote(text, safe="")


def _query(params: dict[str, str | Sequence[str]]) -> str:
    """A query string. A value may be given in parts (encoded separately, then joined)."""
    return "&".join(
        f"{key}=" + (_encode(value) if isinstance(value, str) else "".join(map(_encode, value)))
        for key, value in params.items()
    )


Details = str | Sequence[str]


def google_event_link(title: str, start: datetime, end: datetime, details: Details, location: str) -> str:
    dates = f"{start.astimezone(UTC):%Y%m%dT%H%M%SZ}/{end.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return (
        GOOGLE_EVENT
        + "?"
        + _query({"action": "TEMPLATE", "text": title, "dates": dates, "details": details, "location": location})
    )


def outlook_event_links(title: str, start: datetime, end: datetime, details: Details, location: str) -> list[Link]:
    query = _query(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": title,
            "startdt": f"{start.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
            "enddt": f"{end.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
            # Outlook shows the body as HTML: line breaks must be <br>.
            "body": [part.replace("\n", "<br>") for part in ([details] if isinstance(details, str) else details)],
            "location": location,
        }
    )
    return [
        Link(account.event_label, f"{account.host}/calendar/0/deeplink/compose?{query}") for account in OUTLOOK_ACCOUNTS
    ]


def outlook_subscribe_links(feed_url: str, name: str) -> list[Link]:
    """Outlook's "add calendar from the web" screen, pre-filled with the feed and its name."""
    query = _query({"url": feed_url, "name": name})
    return [
        Link(account.subscribe_label, f"{account.host}/calendar/0/addfromweb?{query}") for account in OUTLOOK_ACCOUNTS
    ]
