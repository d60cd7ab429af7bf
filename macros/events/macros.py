"""Thin mkdocs-macros callers for the drop-in sessions, and the generated-files provider.

The data is loaded and validated once per build (core.datafiles caches it by content);
each macro only picks the part its page needs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from ..core.clock import build_instant
from ..core.escaping import markdown_inline_text
from ..core.generated import GeneratedFile
from ..core.project import Project
from .calendar_id import calendar_id
from .facts import SeriesFacts, facts_for
from .models import DATA_FILE, EventsFile, load_events
from .occurrences import occurrences
from .pages import (
    event_files,
    next_drop_in_panel,
    past_list,
    series_summaries,
    subscribe_section,
    upcoming_list,
)


def register(env) -> None:
    project = Project.from_config(env.conf)
    events = project.load(DATA_FILE, load_events)
    hub_name = project.hub.get("name", env.conf.get("site_name", ""))

    def page_url() -> str:
        return env.page.url if env.page is not None else ""

    for function in page_macros(events, build_instant(), page_url, project.site_url, hub_name).values():
        env.macro(function)  # registered under its own name


def page_macros(events: EventsFile, now: datetime, page_url: Callable[[], str], site_url: str, hub_name: str) -> dict:
    """The drop-in macros pages call, by name: plain functions of the data, the build's date
    and the page being rendered (`page_url()`), so a test renders a page's wording with them
    without MkDocs."""
    sessions = occurrences(events)

    def drop_in_series() -> str:
        """Each series: what it is, who it is for, how to join, who runs it."""
        return series_summaries(events)

    def upcoming_drop_ins() -> str:
        """Sessions still to come, soonest first (or a note offering the feed)."""
        return upcoming_list(sessions, now, page_url())

    def past_drop_ins() -> str:
        """Sessions that have ended, newest first."""
        return past_list(sessions, now, page_url())

    def drop_in_feeds() -> str:
        """The subscribe links for the all-sessions feed and each series' feed."""
        return subscribe_section(events, site_url, hub_name)

    def drop_in_facts(series_id: str | None = None) -> SeriesFacts:
        """Words about a series from its data, for prose. Whole sentences, which pages should use:
        `.offer_sentence` (who ran it, how often, which years, from the build's date),
        `.length_sentence`, `.where_sentence`. Words: `.kind` ("monthly online"), `.a_kind`,
        `.capitalised_kind`, `.rhythm`, `.place`, `.length`, `.time_of_day`, `.times`.
        Without an id: what every series shares (a word is left out when they differ)."""
        return FactsAsMarkdownText(facts_for(events, series_id, now))

    def next_drop_in() -> str:
        """The home page panel: the next session going ahead, or how to hear of new ones."""
        return next_drop_in_panel(sessions, now, page_url())

    return {
        function.__name__: function
        for function in (
            drop_in_series,
            upcoming_drop_ins,
            past_drop_ins,
            drop_in_feeds,
            drop_in_facts,
            next_drop_in,
        )
    }


def generated_event_files(project: Project) -> list[GeneratedFile]:
    """Session pages and .ics files, for hooks/generated_files.py."""
    events = project.load(DATA_FILE, load_events)
    hub_name = project.hub.get("name", "")
    files = event_files(
        events,
        build_instant(),
        project.site_url,
        hub_name,
        project.shown_data_file(DATA_FILE),
        calendar_id(project.hub),
    )
    return [GeneratedFile(name, content) for name, content in sorted(files.items())]


class FactsAsMarkdownText:
    """The facts as a page's Markdown gets them: every word shown as typed. A venue's name or
    a location note comes from the data file, so `<` or `*` in it stays text."""

    # What a page may read of it (macros/core/page_jinja.py): the facts' fields and properties.
    PAGE_FIELDS = frozenset(
        [field.name for field in dataclasses.fields(SeriesFacts)]
        + [name for name, member in vars(SeriesFacts).items() if isinstance(member, property)]
    )

    def __init__(self, facts: SeriesFacts):
        self._facts = facts

    def __getattr__(self, name: str):
        value = getattr(self._facts, name)
        return markdown_inline_text(value) if isinstance(value, str) else value

    def __str__(self) -> str:
        return markdown_inline_text(str(self._facts))
