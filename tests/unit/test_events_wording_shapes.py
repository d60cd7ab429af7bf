"""Issue 30: the drop-in wording is right for every shape of data an editor can write.

Hypothesis writes data/events.yaml files of every shape (one session, regular and irregular
dates, dates across a new year, several series with the same or different organisers,
cancelled, moved and unconfirmed sessions, none still to come), loads each with the hub's
own loader, renders the real pages' Markdown (docs/index.md, docs/events/index.md and
docs/resources.md) with the drop-in macros the build registers, and the session pages the
build generates, and reads every sentence:

- it starts with a capital letter (or a number), leaves no slot empty ("in .", "a  drop-in")
  and has its subject (not "Place not known." or "Sessions where ...");
- the years it names are years of the data's sessions; the years said to have had sessions
  ("ran ... in 2023") are the years of sessions that took place before the build, those
  said to be planned are the years of those still to come, and none is left out;
- a rhythm word (weekly, fortnightly, monthly) is only said of sessions that have that rhythm.

The expected facts are worked out here from the generated dates, not by the hub's code.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Environment, StrictUndefined

from macros.events.facts import facts_for
from macros.events.macros import page_macros
from macros.events.models import load_events
from macros.events.pages import event_files

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "home": ROOT / "docs" / "index.md",
    "drop-in": ROOT / "docs" / "events" / "index.md",
    "resources": ROOT / "docs" / "resources.md",
}
HUB = {"contact_name": "Training Hub team", "contact_email": "hub@example.org", "name": "Hub"}
SITE = "https://hub.example.org/"
ORGANISERS = ["Royal College of Occupational Therapists (RCOT)", "NHS England", "Gloucestershire Training Hub"]
RHYTHMS = ("weekly", "fortnightly", "monthly")
YEAR = re.compile(r"\b(20\d\d)\b")
UK = ZoneInfo("Europe/London")

SHAPES = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# ---------------------------------------------------------------------------
# Event files of every shape
# ---------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


@st.composite
def session_dates(draw) -> list[date]:
    shape = draw(st.sampled_from(["one", "weekly", "fortnightly", "monthly", "irregular", "new year"]))
    first = draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 6, 1)))
    count = draw(st.integers(min_value=2, max_value=5))
    if shape == "one":
        return [first]
    if shape == "weekly":
        return [first + timedelta(days=7 * n) for n in range(count)]
    if shape == "fortnightly":
        return [first + timedelta(days=14 * n) for n in range(count)]
    if shape == "monthly":
        return [add_months(first, n) for n in range(count)]
    if shape == "new year":
        start = date(first.year, draw(st.sampled_from([11, 12])), min(first.day, 28))
        return [add_months(start, n) for n in range(count)]
    gaps = draw(st.lists(st.integers(min_value=1, max_value=900), min_size=1, max_size=4))
    days = [first]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    return days


@st.composite
def series_entry(draw, number: int) -> dict:
    days = draw(session_dates())
    hour = draw(st.integers(min_value=8, max_value=19))
    minutes = draw(st.sampled_from([0, 30]))
    length = draw(st.sampled_from([30, 60, 90]))
    start = datetime(2000, 1, 1, hour, minutes)
    sessions = []
    for day in days:
        kind = draw(st.sampled_from(["scheduled"] * 4 + ["cancelled", "moved", "unconfirmed"]))
        sessions.append((day, kind))
    return {
        "id": f"series-{number}",
        "organiser": draw(st.sampled_from(ORGANISERS)),
        "start": f"{start:%H:%M}",
        "end": f"{start + timedelta(minutes=length):%H:%M}",
        "place": draw(st.sampled_from(["online", "venue", "unknown"])),
        "rhythm": draw(st.sampled_from([None, None, None, "irregular", *RHYTHMS])),
        "sessions": sessions,
    }


events_data = st.integers(min_value=1, max_value=3).flatmap(
    lambda count: st.tuples(*[series_entry(number) for number in range(1, count + 1)])
)
build_instants = st.datetimes(min_value=datetime(2022, 6, 1), max_value=datetime(2029, 6, 1)).map(
    lambda moment: moment.replace(tzinfo=UTC)
)


def events_yaml(all_series) -> str:
    lines = ["series:"]
    for series in all_series:
        lines += [
            f"  - id: {series['id']}",
            f"    title: Drop-in {series['id']}",
            "    organiser:",
            f'      name: "{series["organiser"]}"',
            "    audience: [GPs, practice nurses]",
            "    description: A drop-in to ask about occupational therapists in primary care.",
            "    join:",
            "      email: someone@example.org",
            f'    start: "{series["start"]}"',
            f'    end: "{series["end"]}"',
        ]
        lines += {
            "online": ["    online: true"],
            "venue": ["    venue:", "      name: Hub House", "      address: 1 High Street, Gloucester"],
            "unknown": ["    location_note: The source does not say where sessions happen."],
        }[series["place"]]
        if series["rhythm"]:
            lines.append(f"    rhythm: {series['rhythm']}")
        lines += [
            "    added: 2022-01-05",
            "    source:",
            "      title: Source",
            "      publisher: Publisher",
            "      url: https://www.rcot.co.uk/",
            "      checked: 2026-12-04",
            "    sessions:",
        ]
        for day, kind in series["sessions"]:
            lines.append(f"      - date: {day.isoformat()}")
            if kind == "cancelled":
                lines += [
                    "        status: cancelled",
                    "        reason: The speaker is unwell.",
                    "        changes:",
                    "          - date: 2022-02-01",
                    "            summary: Cancelled.",
                ]
            elif kind == "moved":
                lines += [
                    "        status: moved",
                    "        moved_to:",
                    f"          date: {(day + timedelta(days=1)).isoformat()}",
                    "        reason: The room was double-booked.",
                    "        changes:",
                    "          - date: 2022-02-01",
                    "            summary: Moved to the next day.",
                ]
            elif kind == "unconfirmed":
                lines.append("        unconfirmed: The organiser has not confirmed it yet.")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# What the data says, worked out here
# ---------------------------------------------------------------------------


def planned_day(day: date, kind: str) -> date:
    return day + timedelta(days=1) if kind == "moved" else day


def rhythm_expected(series: dict) -> str:
    if series["rhythm"]:
        return "" if series["rhythm"] == "irregular" else series["rhythm"]
    days = sorted({day for day, _ in series["sessions"]})
    if len(days) < 3:
        return ""
    gaps = {(b - a).days for a, b in zip(days, days[1:], strict=False)}
    if gaps == {7}:
        return "weekly"
    if gaps == {14}:
        return "fortnightly"
    months = [d.year * 12 + d.month for d in days]
    return "monthly" if all(b - a == 1 for a, b in zip(months, months[1:], strict=False)) else ""


def ended(series: dict, day: date, now: datetime) -> bool:
    """Whether a session on `day` had ended at `now`."""
    hours, minutes = map(int, series["end"].split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=UK) <= now


def years_said(all_series, now: datetime) -> tuple[set[int], set[int], set[int]]:
    """Years of sessions that took place, years of those to come, and every year a page may name."""
    past, upcoming, any_year = set(), set(), set()
    for series in all_series:
        for day, kind in series["sessions"]:
            actual = planned_day(day, kind)
            any_year |= {day.year, actual.year}
            if kind == "cancelled":
                continue
            (past if ended(series, actual, now) else upcoming).add(actual.year)
    return past, upcoming, any_year


# ---------------------------------------------------------------------------
# Reading the pages
# ---------------------------------------------------------------------------


def render_page(path: Path, macros: dict) -> str:
    source = path.read_text(encoding="utf-8").split("---", 2)[2]
    environment = Environment(undefined=StrictUndefined, autoescape=False)  # noqa: S701 (pages' own text)
    environment.globals.update(macros, hub=HUB)
    body = environment.from_string(source).render()
    return markdown.markdown(body, extensions=["md_in_html", "attr_list", "admonition", "tables", "def_list"])


def blocks(page_html: str) -> list[str]:
    """The page's text, one block (paragraph, list item, heading, table cell) a line."""
    page_html = re.sub(r"<script.*?</script>|<!--.*?-->", " ", page_html, flags=re.S).replace("\n", " ")
    page_html = re.sub(r"</?(p|li|h\d|dt|dd|div|ul|ol|dl|summary|details|td|th|br)\b[^>]*>", "\n", page_html)
    text = html.unescape(re.sub(r"<[^>]+>", "", page_html))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def sentences(block: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+(?=\S)", block) if part]


# Sentences that leave out their subject, as the pages once wrote them.
NO_SUBJECT = re.compile(r"^(?:Place not known|Sessions where|Drop-in sessions where|Offered|Ran|Runs|Plans)\b")
EMPTY_SLOT = re.compile(r"\b(in|on|from|by|of|and|at|the|a|an|to)\s*[.,;:]|\s[.,;:]|\(\s*\)|\bNone\b| {2}")


def sentence_problems(where: str, text_blocks: list[str]) -> list[str]:
    problems = []
    for block in text_blocks:
        for sentence in sentences(block):
            if not re.match(r"[A-Z0-9\"“(]", sentence):
                problems.append(f"{where}: starts without a capital: {sentence!r}")
            if EMPTY_SLOT.search(sentence):
                problems.append(f"{where}: a slot is empty: {sentence!r}")
            if NO_SUBJECT.match(sentence):
                problems.append(f"{where}: a sentence without its subject: {sentence!r}")
    return problems


def section(text_blocks: list[str], first: str, end: str) -> list[str]:
    start = next(i for i, block in enumerate(text_blocks) if block.startswith(first))
    stop = next(i for i, block in enumerate(text_blocks) if i > start and block.startswith(end))
    return text_blocks[start + 1 : stop]


Y = r"\d{4}(?:(?:, | and )\d{4})*"
WHO = r"The organisers?, (?P<names>.+?),"
OFFER_SHAPES = [
    re.compile(
        rf"^{WHO} ran (?P<ran>.+?) in (?P<past>{Y}) and (?P<verb>plans?) (?:another|more) in (?P<upcoming>{Y})\.$"
    ),
    re.compile(rf"^{WHO} ran (?P<ran>.+?) and (?P<verb>plans?) (?:another|more) in (?P<both>{Y})\.$"),
    re.compile(rf"^{WHO} ran (?P<ran>.+?) in (?P<past>{Y})\.$"),
    re.compile(rf"^{WHO} (?P<verb>plans?) (?P<planned>.+?) in (?P<upcoming>{Y})\.$"),
    re.compile(r"^Every drop-in session of the organisers?, (?P<names>.+?), was cancelled\.$"),
]


def years_in(words: str | None) -> set[int]:
    return {int(year) for year in YEAR.findall(words or "")}


def offer_problems(sentence: str, all_series, now: datetime) -> list[str]:
    """The organiser sentence names the organisers and the years sessions were held and are
    planned, with the verb that fits (one organiser "plans", several "plan")."""
    past, upcoming, _ = years_said(all_series, now)
    organisers = list(dict.fromkeys(series["organiser"] for series in all_series))
    match = next((m for m in (shape.match(sentence) for shape in OFFER_SHAPES) if m), None)
    if match is None:
        return [f"the organiser sentence has another shape: {sentence!r}"]
    found = match.groupdict()
    problems = []
    expected = ", ".join(organisers[:-1]) + " and " + organisers[-1] if len(organisers) > 1 else organisers[0]
    if found["names"] != expected:
        problems.append(f"names {found['names']!r}, not the organisers {organisers}")
    if found.get("verb") and found["verb"] != ("plan" if len(organisers) > 1 else "plans"):
        problems.append(f"{found['verb']!r} does not agree with {len(organisers)} organiser(s): {sentence!r}")
    said_past = years_in(found.get("past") or found.get("both"))
    said_upcoming = years_in(found.get("upcoming") or found.get("both"))
    if said_past != past or said_upcoming != upcoming:
        problems.append(f"says {said_past} held and {said_upcoming} to come, but the data has {past} and {upcoming}")
    if found.get("ran") and (found["ran"].startswith(("a ", "an ")) != (past_sessions(all_series, now) == 1)):
        problems.append(f"one session or several? {sentence!r}")
    return problems


def past_sessions(all_series, now: datetime) -> int:
    return sum(
        1
        for series in all_series
        for day, kind in series["sessions"]
        if kind != "cancelled" and ended(series, planned_day(day, kind), now)
    )


def rhythm_problems(where: str, text_blocks: list[str], allowed: set[str]) -> list[str]:
    said = {word for block in text_blocks for word in RHYTHMS if re.search(rf"\b{word}\b", block, re.I)}
    return [f"{where} says {word!r}, which the dates do not show" for word in said - allowed]


# ---------------------------------------------------------------------------
# The property
# ---------------------------------------------------------------------------


@SHAPES
@given(all_series=events_data, now=build_instants)
def test_every_sentence_about_the_drop_ins_fits_the_data(tmp_path_factory, all_series, now):
    folder = tmp_path_factory.mktemp("events")
    path = folder / "events.yaml"
    path.write_text(events_yaml(all_series), encoding="utf-8")
    events = load_events(path, "data/events.yaml")
    past, upcoming, any_year = years_said(all_series, now)
    rhythms = {rhythm_expected(series) for series in all_series}
    common_rhythm = rhythms if len(rhythms) == 1 else {""}
    problems: list[str] = []

    for name, page_path in PAGES.items():
        url = {"home": "", "drop-in": "events/", "resources": "resources/"}[name]
        text = blocks(render_page(page_path, page_macros(events, now, lambda url=url: url, SITE, "Hub")))
        if name == "home":
            text = section(text, "Drop-in sessions", "Questions")
        elif name == "drop-in":
            text = section(text, "Drop-in sessions", "Subscribe to the calendar")
        else:
            text = [block for block in text if "drop-in" in block]
        problems += sentence_problems(name, text)
        # The opening words about the series: the organiser sentence, the rhythm they all share.
        opening = text[0]
        offer = next((s for s in sentences(opening) if s.startswith(("The organiser", "Every drop-in"))), None)
        if offer is None:
            problems.append(f"{name}: no sentence says who runs the sessions and when: {opening!r}")
        else:
            problems += [f"{name}: {problem}" for problem in offer_problems(offer, all_series, now)]
        problems += rhythm_problems(f"{name} opening", [opening], common_rhythm - {""})
        problems += rhythm_problems(name, text, rhythms - {""})
        problems += [
            f"{name}: its opening names {year}, but no session going ahead is in {year}"
            for year in sorted(years_in(opening) - past - upcoming)
        ]
        problems += [
            f"{name} names {year}, a year with no session"
            for year in sorted({int(y) for block in text for y in YEAR.findall(block)} - any_year)
        ]

    files = event_files(events, now, SITE, "Hub", "data/events.yaml")
    by_id = {series["id"]: series for series in all_series}
    for name, content in sorted(files.items()):
        if not name.endswith(".md"):
            continue
        body = content.split("---", 2)[2]
        text = [block for block in blocks(body)]
        problems += sentence_problems(name, text)
        series = by_id[name.split("/")[1]]
        problems += [
            f"{name} names {year}, a year with no session"
            for year in sorted({int(y) for block in text for y in YEAR.findall(block)} - any_year - {2022})
        ]
        problems += rhythm_problems(name, text, {rhythm_expected(series)} - {""})
    assert not problems, "\n".join(dict.fromkeys(problems)) + "\n\n" + events_yaml(all_series) + f"\nnow: {now}"


def test_the_hubs_own_data_says_monthly_sessions_ran_in_2023():
    """The shipped data, built on 21 November 2026: the sentence the pages open with."""
    events = load_events(ROOT / "data" / "events.yaml")
    facts = facts_for(events, None, datetime(2026, 11, 21, tzinfo=UTC))
    assert facts.offer_sentence == (
        "The organiser, Royal College of Occupational Therapists (RCOT), ran monthly drop-in sessions in 2023."
    )
    assert facts_for(events, None).offer_sentence == ""  # without the build's date it says nothing


def test_one_real_session_added_in_2027_changes_the_years_and_drops_the_rhythm(tmp_path):
    """Issue 30's case: the editor adds 21 January 2027, as CONTRIBUTING says."""
    path = tmp_path / "events.yaml"
    path.write_text((ROOT / "data" / "events.yaml").read_text(encoding="utf-8") + "      - date: 2027-01-21\n")
    events = load_events(path, "data/events.yaml")
    now = datetime(2026, 12, 7, tzinfo=UTC)
    macros = page_macros(events, now, lambda: "events/", SITE, "Hub")
    text = blocks(render_page(PAGES["drop-in"], macros))
    opening = section(text, "Drop-in sessions", "Subscribe to the calendar")[0]
    assert opening.startswith(
        "The organiser, Royal College of Occupational Therapists (RCOT), ran drop-in sessions in 2023 "
        "and plans another in 2027. At each session,"
    )
    assert "monthly" not in opening.lower()
    after = facts_for(events, None, datetime(2027, 2, 1, tzinfo=UTC))
    assert after.offer_sentence.endswith("ran drop-in sessions in 2023 and 2027.")
