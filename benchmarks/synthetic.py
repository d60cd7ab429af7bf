"""Synthetic content for the benchmark: content pages in sections, and drop-in sessions.

Pure functions: numbers in, text out. The text looks like the hub's own pages (headings,
lists, a table, an admonition, abbreviations from the glossary, links between pages) so
that MkDocs and Material do the work they do on real pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

SYNTHETIC_DIR = "library"  # under docs/: docs/library/section-01/page-0001.md
PAGES_PER_SECTION = 25

_TOPICS = (
    "falls prevention",
    "frailty reviews",
    "fit notes",
    "vocational rehabilitation",
    "persistent pain",
    "anxiety and low mood",
    "home adaptations",
    "carer support",
    "long-term conditions",
    "social prescribing",
    "supervision records",
    "induction plans",
)


@dataclass(frozen=True)
class SyntheticPage:
    path: str  # relative to docs/
    title: str
    text: str


def section_name(index: int) -> str:
    return f"section-{index + 1:02d}"


def synthetic_pages(count: int, per_section: int = PAGES_PER_SECTION) -> list[SyntheticPage]:
    """`count` content pages, `per_section` to a section; each section's first page is its index."""
    pages = []
    for number in range(count):
        section, position = divmod(number, per_section)
        folder = f"{SYNTHETIC_DIR}/{section_name(section)}"
        name = "index.md" if position == 0 else f"page-{number + 1:04d}.md"
        topic = _TOPICS[number % len(_TOPICS)]
        title = f"Section {section + 1}: overview" if position == 0 else f"{topic.capitalize()} {number + 1}"
        # Link to the next page in the section, so link validation has work to do.
        last_in_section = position == per_section - 1 or number == count - 1
        next_link = None if last_in_section else f"page-{number + 2:04d}.md"
        pages.append(SyntheticPage(f"{folder}/{name}", title, _page_text(title, topic, number, next_link)))
    return pages


def _page_text(title: str, topic: str, number: int, next_link: str | None) -> str:
    # Every tenth page opts in to macros, as the hub's data-driven pages do.
    macros = number % 10 == 0
    front = [
        "---",
        f'title: "{title}"',  # quoted: a colon in a title is YAML syntax
        f"description: Synthetic benchmark page {number + 1} on {topic}.",
        "owner: Benchmark",
        "last_reviewed: 2026-11-21",
        "review_in: 12 months",
    ]
    if macros:
        front.append("render_macros: true")
    front.append("---")
    site = "{{ config.site_name }}" if macros else "this hub"
    paragraph = (
        f"An occupational therapist (OT) in a primary care network (PCN) can help with {topic}. "
        "The Additional Roles Reimbursement Scheme (ARRS) funds the post, and the GP practice "
        "agrees the caseload with the OT at the start of each quarter. Notes are kept in the "
        "practice record, and the multidisciplinary team (MDT) reviews referrals every week."
    )
    body = [
        f"# {title}",
        "",
        f"This page is part of the benchmark's synthetic library on {site}. {paragraph}",
        "",
        "## What the OT does",
        "",
        paragraph,
        "",
        "- assesses how the person manages at home and at work",
        "- agrees goals with the person and their carers",
        "- refers on to specialist services when needed",
        "- writes fit notes (AHP health and work reports) where the person is off work",
        "",
        "## Who to contact",
        "",
        "| Need | Contact | When |",
        "| --- | --- | --- |",
        "| A referral | The practice OT | Monday to Friday |",
        "| Supervision | The PCN clinical lead | Monthly |",
        "| Funding | The training hub | Any time |",
        "",
        '!!! note "Before you refer"',
        "",
        "    Check the person has agreed to the referral and knows what an OT does.",
        "",
        "## Further reading",
        "",
        paragraph,
        "",
    ]
    if next_link:
        body += [f"Next: [the next page in this section]({next_link}).", ""]
    return "\n".join(front + body)


def synthetic_nav(pages: list[SyntheticPage], per_section: int = PAGES_PER_SECTION) -> dict:
    """The nav entry for the synthetic pages: one top-level item, one section per folder."""
    sections: list[dict] = []
    for start in range(0, len(pages), per_section):
        chunk = pages[start : start + per_section]
        sections.append({f"Section {start // per_section + 1}": [page.path for page in chunk]})
    return {"Library": sections}


# --- drop-in sessions for data/events.yaml ---

SESSIONS_PER_SERIES = 250
FIRST_SESSION = date(2024, 1, 4)  # a Thursday; weekly sessions then run past the build date


def synthetic_events_yaml(sessions: int, per_series: int = SESSIONS_PER_SERIES) -> str:
    """An events file with `sessions` sessions in series of `per_series`, weekly from 2024.

    A mix like a real hub's: most scheduled, some cancelled or moved (with the change
    recorded), some with their own times or a note; past and upcoming around 2026-11-21.
    """
    if sessions < 1:
        raise ValueError("a benchmark events file needs at least one session")
    lines = ["# Synthetic drop-in sessions written by the benchmark (benchmarks/synthetic.py).", "series:"]
    for series_index, first in enumerate(range(0, sessions, per_series)):
        count = min(per_series, sessions - first)
        lines += _series_lines(series_index, count)
    return "\n".join(lines) + "\n"


def _series_lines(index: int, count: int) -> list[str]:
    number = index + 1
    online = index % 3 != 2
    lines = [
        f"  - id: benchmark-series-{number:03d}",
        f"    title: Benchmark drop-in {number}",
        "    organiser:",
        "      name: Gloucestershire Primary Care Training Hub",
        "      email: training.hub@example.org",
        "    audience:",
        "      - GPs",
        "      - practice managers",
        "    description: >-",
        f"      A synthetic series of short drop-ins ({number}) about occupational therapists",
        "      in primary care, written by the benchmark.",
        "    join:",
        "      email: training.hub@example.org",
        "      link: https://example.org/join",
        '    start: "12:30"',
        '    end: "13:00"',
        "    time_zone: Europe/London",
    ]
    if online:
        lines.append("    online: true")
    else:
        lines += ["    venue:", "      name: Sanger House", "      address: Brockworth, Gloucester GL3 4FE"]
    lines += [
        "    added: 2023-01-02",
        "    source:",
        "      title: Benchmark data",
        "      publisher: The hub's benchmark script",
        "      url: https://example.org/benchmark",
        "    sessions:",
    ]
    start = FIRST_SESSION + timedelta(days=index % 5)
    for position in range(count):
        day = start + timedelta(weeks=position)
        lines.append(f"      - date: {day.isoformat()}")
        if position % 20 == 19:
            lines += [
                "        status: cancelled",
                "        reason: The speaker is unwell.",
                "        changes:",
                "          - date: 2023-06-01",
                "            summary: Cancelled because the speaker is unwell.",
            ]
        elif position % 25 == 24:
            lines += [
                "        status: moved",
                "        moved_to:",
                '          start: "13:00"',
                '          end: "13:30"',
                "        reason: The room is booked until 13:00.",
                "        changes:",
                "          - date: 2023-06-01",
                "            summary: Moved half an hour later.",
            ]
        elif position % 11 == 5:
            lines += ['        start: "09:30"', '        end: "10:00"']
        if position % 7 == 3:
            lines.append(f"        note: Session {position + 1} of the series; bring your questions.")
    return lines
