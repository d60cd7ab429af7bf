"""What a change does to the site, in words an editor reads: pure functions over two built
sites and two copies of the data files. `make changes` (changes.py) builds them and prints
`change_summary(...)`.

    pages added, removed or changed (title, the sentences changed, old and new)
    sessions added, moved, cancelled, back on, confirmed or unconfirmed (dates in words)
    figures changed (old and new)
    downloads added, removed or changed
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from ..core.dates import long_date_with_weekday

# Files readers download; everything else in the site is pages, styles and scripts.
DOWNLOADS = (".docx", ".pdf", ".ics", ".doc", ".xlsx", ".csv")
# Parts of a page that are not its words: scripts, the edit links, the review footer, the
# phone's "Back to top" link.
_NOT_WORDS = (
    "//script | //style | //*[contains(@class, 'headerlink')] | //*[contains(@class, 'md-content__button')]"
    " | //*[contains(@class, 'hub-data-sources')] | //*[contains(@class, 'hub-review')]"
    " | //*[contains(@class, 'hub-back-to-top')]"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(£])")


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageText:
    title: str
    sentences: tuple[str, ...]


def page_text(document: str) -> PageText:
    """A built page's title and the sentences of its content (Material's article)."""
    tree = lxml_html.fromstring(document)
    article = tree.xpath("//article")
    root = article[0] if article else tree
    for element in root.xpath(_NOT_WORDS.replace("//", ".//")):
        element.drop_tree()
    h1 = root.xpath(".//h1")
    title = " ".join(h1[0].text_content().split()) if h1 else " ".join(tree.findtext(".//title") or "".split())
    blocks = root.xpath(".//p | .//li[not(.//p)] | .//td | .//th | .//dt | .//dd | .//h2 | .//h3 | .//h4 | .//summary")
    sentences: list[str] = []
    for block in blocks:
        text = " ".join(html.unescape(block.text_content()).split())
        for sentence in _SENTENCE_END.split(text):
            if sentence and sentence not in sentences:
                sentences.append(sentence)
    return PageText(title, tuple(sentences))


def site_pages(site_dir: Path) -> dict[str, PageText]:
    """Every page of a built site by its address ("roles/funding/"), redirect pages aside."""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        document = path.read_text(encoding="utf-8", errors="replace")
        if 'http-equiv="refresh"' in document[:2000]:
            continue  # mkdocs-redirects' page for an old address
        address = path.parent.relative_to(site_dir).as_posix()
        pages["" if address == "." else address + "/"] = page_text(document)
    return pages


@dataclass(frozen=True)
class PageChange:
    address: str
    title: str
    old_title: str
    removed: tuple[str, ...]  # sentences only in the old page
    added: tuple[str, ...]  # sentences only in the new page


@dataclass
class PagesChange:
    added: list[tuple[str, str]] = field(default_factory=list)  # (address, title)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[PageChange] = field(default_factory=list)


def compare_pages(old: Mapping[str, PageText], new: Mapping[str, PageText]) -> PagesChange:
    result = PagesChange()
    for address in sorted(set(new) - set(old)):
        result.added.append((address, new[address].title))
    for address in sorted(set(old) - set(new)):
        result.removed.append((address, old[address].title))
    for address in sorted(set(old) & set(new)):
        before, after = old[address], new[address]
        removed = tuple(s for s in before.sentences if s not in set(after.sentences))
        added = tuple(s for s in after.sentences if s not in set(before.sentences))
        if removed or added or before.title != after.title:
            result.changed.append(PageChange(address, after.title, before.title, removed, added))
    return result


# ---------------------------------------------------------------------------
# Sessions (data/events.yaml, read as plain data: the base may predate a field)
# ---------------------------------------------------------------------------


def is_confirmed(series: Mapping[str, Any], session: Mapping[str, Any]) -> bool:
    """Whether a session is confirmed: not unless neither it nor its series gives an
    `unconfirmed:` reason (the events model has no other field for it)."""
    return not (session.get("unconfirmed") or series.get("unconfirmed"))


@dataclass(frozen=True)
class SessionState:
    key: str  # "series-id/2026-12-10": the series and the session's original date
    title: str
    day: str  # when it happens now (ISO date), after any move
    start: str
    status: str
    confirmed: bool


def sessions_of(events: Mapping[str, Any] | None) -> dict[str, SessionState]:
    found = {}
    for series in (events or {}).get("series") or []:
        if not isinstance(series, Mapping):
            continue
        for session in series.get("sessions") or []:
            if not isinstance(session, Mapping) or "date" not in session:
                continue
            moved = session.get("moved_to") or {}
            key = f"{series.get('id')}/{session['date']}"
            found[key] = SessionState(
                key=key,
                title=str(series.get("title", series.get("id"))),
                day=str(moved.get("date") or session["date"]),
                start=str(moved.get("start") or session.get("start") or series.get("start") or ""),
                status=str(session.get("status", "scheduled")),
                confirmed=is_confirmed(series, session),
            )
    return found


def when_in_words(state: SessionState) -> str:
    """Thursday 10 December 2026 at 12:30 (core/dates.py); a date the model would refuse,
    which the base of a comparison may hold, as written."""
    try:
        day = long_date_with_weekday(date.fromisoformat(state.day))
    except ValueError:
        day = state.day
    return f"{day} at {state.start}" if state.start else day


def compare_sessions(old: Mapping[str, SessionState], new: Mapping[str, SessionState]) -> list[str]:
    lines = []
    for key in sorted(set(new) - set(old), key=lambda k: (new[k].day, k)):
        state = new[key]
        extra = " (not confirmed yet)" if not state.confirmed else ""
        lines.append(f"Added: {state.title}, {when_in_words(state)}{extra}.")
    for key in sorted(set(old) - set(new), key=lambda k: (old[k].day, k)):
        lines.append(f"Removed from the data: {old[key].title}, {when_in_words(old[key])}.")
    for key in sorted(set(old) & set(new), key=lambda k: (new[k].day, k)):
        before, after = old[key], new[key]
        name = f"{after.title}, {when_in_words(before)}"
        if after.status == "cancelled" and before.status != "cancelled":
            lines.append(f"Cancelled: {name}.")
        elif before.status == "cancelled" and after.status != "cancelled":
            lines.append(f"Back on (no longer cancelled): {after.title}, {when_in_words(after)}.")
        if (before.day, before.start) != (after.day, after.start) and after.status != "cancelled":
            lines.append(f"Moved: {name}, now {when_in_words(after)}.")
        if after.confirmed and not before.confirmed:
            lines.append(f"Confirmed: {after.title}, {when_in_words(after)}.")
        elif before.confirmed and not after.confirmed:
            lines.append(f"No longer confirmed: {after.title}, {when_in_words(after)}.")
    return lines


# ---------------------------------------------------------------------------
# Figures (data/figures.yaml, as plain data)
# ---------------------------------------------------------------------------


def figures_of(figures: Mapping[str, Any] | None) -> dict[tuple[str, str], tuple[str, str]]:
    """(figure title, label) -> (amount in words, period) for every value of every figure."""
    found = {}
    for figure in (figures or {}).get("figures") or []:
        if not isinstance(figure, Mapping):
            continue
        title = str(figure.get("title", figure.get("id")))
        for value in figure.get("values") or []:
            if isinstance(value, Mapping):
                found[(title, str(value.get("label", "")))] = (
                    _amount(value.get("amount")),
                    str(figure.get("period", "")),
                )
    return found


def _amount(amount: Any) -> str:
    return f"£{amount:,}" if isinstance(amount, int) and not isinstance(amount, bool) else str(amount)


def compare_figures(old: Mapping, new: Mapping) -> list[str]:
    lines = []
    for key in sorted(set(old) | set(new)):
        title, label = key
        name = f"{title}, {label}" if label else title
        if key not in old:
            lines.append(f"Added: {name}: {_with_period(new[key])}.")
        elif key not in new:
            lines.append(f"Removed: {name} (was {_with_period(old[key])}).")
        elif old[key] != new[key]:
            lines.append(f"Changed: {name}: {_with_period(old[key])}, now {_with_period(new[key])}.")
    return lines


def _with_period(value: tuple[str, str]) -> str:
    amount, period = value
    return f"{amount} ({period})" if period else amount


# ---------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------


def site_downloads(site_dir: Path) -> dict[str, str]:
    """Each downloadable file of a built site (by path) and a fingerprint of its content."""
    return {
        path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.suffix.lower() in DOWNLOADS
    }


def compare_downloads(old: Mapping[str, str], new: Mapping[str, str]) -> list[str]:
    lines = [f"Added: {path}" for path in sorted(set(new) - set(old))]
    lines += [f"Removed: {path}" for path in sorted(set(old) - set(new))]
    lines += [f"Changed: {path}" for path in sorted(set(old) & set(new)) if old[path] != new[path]]
    return lines


# ---------------------------------------------------------------------------
# The summary
# ---------------------------------------------------------------------------


@dataclass
class SiteChange:
    base: str
    pages: PagesChange
    sessions: list[str]
    figures: list[str]
    downloads: list[str]
    check_lines: list[str] = field(default_factory=list)  # `make check`'s findings and summary
    base_problem: str = ""  # why the site at the base could not be built, if it could not


def _quote(sentence: str) -> str:
    return f"“{sentence}”"


def change_summary(change: SiteChange, most_sentences: int = 20) -> str:
    """The change in Markdown: plain lines in a terminal, a tidy job summary on GitHub."""
    out = [f"# What this change does to the site (compared with {change.base})", ""]
    if change.base_problem:
        out += [f"The site at {change.base} could not be built ({change.base_problem}): every page counts as new.", ""]
    pages = change.pages
    out.append("## Pages")
    if not (pages.added or pages.removed or pages.changed):
        out.append("No page changed.")
    for address, title in pages.added:
        out.append(f"- Added: {title} ({address or 'home page'})")
    for address, title in pages.removed:
        out.append(f"- Removed: {title} ({address or 'home page'})")
    for page in pages.changed:
        renamed = f" (was titled {_quote(page.old_title)})" if page.old_title != page.title else ""
        out.append(f"- Changed: {page.title} ({page.address or 'home page'}){renamed}")
        shown = 0
        for sentence in page.removed:
            if shown < most_sentences:
                out.append(f"    - Old: {_quote(sentence)}")
            shown += 1
        for sentence in page.added:
            if shown < most_sentences:
                out.append(f"    - New: {_quote(sentence)}")
            shown += 1
        if shown > most_sentences:
            out.append(f"    - and {shown - most_sentences} more sentences")
    for heading, lines, none in (
        ("Drop-in sessions", change.sessions, "No session added, moved, cancelled or confirmed."),
        ("Figures", change.figures, "No figure changed."),
        ("Downloads", change.downloads, "No download changed."),
    ):
        out += ["", f"## {heading}"]
        out += [f"- {line}" for line in lines] if lines else [none]
    out += ["", "## make check"]
    out += [f"    {line}" for line in change.check_lines] if change.check_lines else ["(not run)"]
    return "\n".join(out) + "\n"
