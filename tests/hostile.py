"""A hostile-text corpus and the checks that a built site shows it as text (issue 12).

Shared by tests/e2e/test_hostile_text.py and tests/browser/test_hostile_text_browser.py:
the corpus, how it is put into the data files and front matter of a copy of the hub,
and the checks on the built HTML, search index, calendars and JSON-LD.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import yaml

from macros.jobdesc.models import FIELD_NAMES
from tests.helpers import build_site, copy_project

# Every tag or attribute the corpus could make carries `data-hostile` or an on* handler,
# so finding one in a parsed page means editors' text became markup.
MARKER = "data-hostile"
FRAGMENTS = (
    "<img src=x onerror=alert('hostile') data-hostile>",
    "<script data-hostile>alert('hostile')</script>",
    "\"><svg/onload=alert('hostile') data-hostile>",
    "'><iframe data-hostile src=javascript:alert('hostile')></iframe>",
    "</script><script data-hostile>alert('hostile')</script>",
    "<!-- hostile --> ]]> &amp; &lt;b&gt; Q&A for GPs <under 5 years> & nurses",
    "[a link](javascript:alert('hostile')) **bold** `code`",
    "{{ 7*7 }} {% raw %} {# hostile #}",
    "\r\n\r\n<script data-hostile>alert('hostile')</script>\n",
    "\u202eright to left\u202c zero\u200bwidth",
    "\U0001f469\u200d\u2695\ufe0f \U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
    "Gŵyl Dewi, tŷ; Gàidhlig: òran, cèilidh",
)
CORPUS = " ".join(FRAGMENTS)
LONG_LENGTH = 10_000
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]+")


def hostile_text(label: str, *, long: bool = False, one_line: bool = False) -> str:
    """The corpus, led by a label that says which field holds it. `long`: 10,000 characters.
    `one_line`: no line breaks and no curly brackets, for fields whose rules refuse them."""
    text = f"{label} {CORPUS}"
    if long:
        text = (text + " ") * (LONG_LENGTH // len(text) + 1)
        text = text[:LONG_LENGTH].rstrip()
    if one_line:
        text = LINE_BREAKS.sub(" ", text).replace("{", "(").replace("}", ")")
    return text


def shown(text: str) -> str:
    """Text as a reader sees it: runs of white space are one space."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Putting the corpus into a copy of the hub
# ---------------------------------------------------------------------------


@dataclass
class Injection:
    """What was typed where: label -> (file, field path, text)."""

    typed: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def text_of(self, label: str) -> str:
        return self.typed[label][2]

    def labels_in(self, file: str, path: str) -> list[str]:
        return [label for label, (where, key, _) in self.typed.items() if where == file and key == path]


def replace_fields(data, text_paths: set[str], long_paths: set[str], file: str, injection: Injection, one_line: bool):
    """Put a labelled copy of the corpus into every string at a dotted path ("series.[].title")."""

    def walk(node, path: str):
        if isinstance(node, dict):
            return {key: walk(value, f"{path}.{key}" if path else str(key)) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(item, f"{path}.[]") for item in node]
        if isinstance(node, str) and path in text_paths:
            label = f"HX{len(injection.typed) + 1:03d}"
            text = hostile_text(label, long=path in long_paths, one_line=one_line)
            injection.typed[label] = (file, path, text)
            return text
        return node

    return walk(data, "")


def dump_yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
FRONT_MATTER_TEXT = {
    "title",
    "description",
    "owner",
    "subtitle",
    "sources.[].title",
    "sources.[].publisher",
    "sources.[].note",
}


def inject_front_matter(docs: Path, injection: Injection, one_line: bool) -> int:
    """The corpus in every text field of every page's front matter (a title added where none)."""
    count = 0
    for page in sorted(docs.rglob("*.md")):
        source = page.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(source)
        if not match:
            continue
        meta = yaml.safe_load(match.group(1)) or {}
        meta.setdefault("title", "Title")
        meta.setdefault("subtitle", "Subtitle")
        for source_entry in meta.get("sources") or []:
            source_entry.setdefault("note", "Note")
        shown_as = f"docs/{page.relative_to(docs).as_posix()}"
        meta = replace_fields(meta, FRONT_MATTER_TEXT, {"description"}, shown_as, injection, one_line)
        page.write_text(f"---\n{dump_yaml(meta)}---\n{source[match.end() :]}", encoding="utf-8")
        count += 1
    return count


# ---------------------------------------------------------------------------
# Which fields, and the build
# ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
EVENTS_FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
# 25 October 2026, 12:00 UTC: the fixture has past, cancelled, moved and upcoming sessions.
EVENTS_EPOCH = int(datetime(2026, 10, 25, 12, tzinfo=UTC).timestamp())

EVENTS_TEXT = {
    "series.[].title",
    "series.[].organiser.name",
    "series.[].audience.[]",
    "series.[].description",
    "series.[].join.instructions",
    "series.[].year_note",
    "series.[].venue.name",
    "series.[].venue.address",
    "series.[].source.title",
    "series.[].source.publisher",
    "series.[].sessions.[].reason",
    "series.[].sessions.[].note",
    "series.[].sessions.[].changes.[].summary",
}
GLOSSARY_TEXT = {"terms.[].stands_for", "terms.[].meaning"}
JOB_DESCRIPTION_TEXT = {
    "title",
    "source.title",
    "source.publisher",
    "source.note",
    "post_details.[].label",
    "post_details.[].text",
    "job_scope.[]",
    "key_duties.[]",
    "administration_and_professional.[]",
    "supervision.[]",
    "person_specification.[].title",
    "person_specification.[].essential.[].text",
    "person_specification.[].desirable.[].text",
    *(f"fields.{name}.{part}" for name in FIELD_NAMES for part in ("label", "hint", "default")),
} - {
    # Not free text: they must repeat data/figures.yaml's band 7 range and pay year, and a
    # build that finds otherwise stops with the file and field (tests/unit/test_figures.py).
    "fields.salary.default",
    "fields.pay_year.default",
}
ROADMAP_TEXT = {
    "evidence_types.[].name",
    "sources.[].title",
    "sources.[].publisher",
    "steps.[].title",
    "steps.[].summary",
    "steps.[].who_signs",
    "steps.[].typical_time",
    "steps.[].needs.[].text",
    "steps.[].notes.[].text",
    "steps.[].links.[].text",
}
SUPERVISORS_TEXT = {
    "sources.[].title",
    "sources.[].publisher",
    "routes.[].who",
    "routes.[].note",
    "not_eligible.[].title",
    "not_eligible.[].why",
    "next_steps.[].text",
    "next_steps.[].link.text",
    "questions.[].text",
    "questions.[].hint",
    "questions.[].answers.[].text",
    "workload.intro",
    "workload.items.[]",
}
# Per group: data file -> (text fields, fields given the 10,000-character corpus).
# "front-matter" is every content page's front matter (FRONT_MATTER_TEXT).
GROUPS = {
    "events": {"data/events.yaml": (EVENTS_TEXT, {"series.[].description"})},
    "front-matter": {},
    "glossary": {"data/glossary.yaml": (GLOSSARY_TEXT, {"terms.[].meaning"})},
    "job-description": {"data/job_description.yaml": (JOB_DESCRIPTION_TEXT, {"key_duties.[]"})},
    "learning": {
        "data/roadmap.yaml": (ROADMAP_TEXT, {"steps.[].summary"}),
        "data/supervisors.yaml": (SUPERVISORS_TEXT, {"workload.intro"}),
    },
}


@dataclass
class HostileBuild:
    groups: list[str]
    site_dir: Path
    injection: Injection
    one_line: bool  # the full corpus was refused: this build has the one-line corpus
    refusal: str  # what the refused build printed ("" if the full corpus built)

    @property
    def group(self) -> str:
        return self.groups[0]


def prepare(groups: list[str], destination: Path, one_line: bool) -> tuple[Path, Injection]:
    root = copy_project(destination)
    injection = Injection()
    for group in groups:
        if group == "front-matter":
            assert inject_front_matter(root / "docs", injection, one_line) > 10
            continue
        for file, (text_paths, long_paths) in GROUPS[group].items():
            source = EVENTS_FIXTURE if file == "data/events.yaml" else root / file
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            if file == "data/events.yaml":
                for series in data["series"]:
                    for session in series["sessions"]:
                        session.setdefault("note", "A note.")
            data = replace_fields(data, text_paths, long_paths, file, injection, one_line)
            (root / file).write_text(dump_yaml(data), encoding="utf-8")
    return root, injection


def names_file_and_field(output: str, injection: Injection) -> bool:
    files = {file for file, _, _ in injection.typed.values()}
    fields = {path.rsplit(".", 1)[-1].strip("[]") for _, path, _ in injection.typed.values()}
    return any(file in output for file in files) and any(f"'{name}'" in output for name in fields if name)


def build_hostile_site(groups: list[str], base: Path) -> HostileBuild:
    """Build with the corpus in every text field of `groups`. A refusal must be a message
    naming the file and the field; the one-line corpus is then built and must pass."""
    epoch = {"epoch": EVENTS_EPOCH} if "events" in groups else {}
    root, injection = prepare(groups, base / "full", one_line=False)
    site = build_site(root, base / "full-site", **epoch)
    if site.returncode == 0:
        return HostileBuild(groups, site.site_dir, injection, False, "")
    assert "Traceback" not in site.output, site.output[-3000:]
    assert names_file_and_field(site.output, injection), site.output[-3000:]
    root, injection = prepare(groups, base / "one-line", one_line=True)
    one_line = build_site(root, base / "one-line-site", **epoch)
    assert one_line.returncode == 0, one_line.output[-3000:]
    return HostileBuild(groups, one_line.site_dir, injection, True, site.output)


# ---------------------------------------------------------------------------
# Page bodies (issue 19): what only code may hold stops the build
# ---------------------------------------------------------------------------

BODY_PAGE = "docs/about/privacy.md"
# Each payload, alone on a line of a page's body, and what the build and `make check` say.
PAGE_BODY_PAYLOADS = (
    ("<script>window.hostileX=1</script>", "the HTML element <script> is not allowed in a page"),
    ('<img src=x onerror="window.hostileY=1">', "the HTML element <img> is not allowed in a page"),
    ("[Contact](javascript:window.hostileZ=1)", "the address 'javascript:window.hostileZ=1' is not allowed"),
    ("![x](JaVaScRiPt:window.hostileZ=1)", "the address 'JaVaScRiPt:window.hostileZ=1' is not allowed"),
    ("[x](java&#115;cript:window.hostileZ=1)", "the address 'java&#115;cript:window.hostileZ=1' is not allowed"),
    ("[x](data:text/html,<b>x</b>)", "the address 'data:text/html,<b>x</b>' is not allowed"),
    ("<svg/onload=window.hostileX=1>", "the HTML element <svg> is not allowed in a page"),
    ('<span onmouseover="window.hostileX=1">x</span>', "<span onmouseover=...> runs code in the reader's browser"),
    ('<div style="background:url(x)">x</div>', "the attribute style= on <div> is not allowed"),
    ("<iframe srcdoc='<script>x</script>'></iframe>", "the HTML element <iframe> is not allowed in a page"),
    ('<form action="https://example.org"><input></form>', "the HTML element <form> is not allowed in a page"),
    ('<base href="https://example.org/">', "the HTML element <base> is not allowed in a page"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">', "the HTML element <meta> is not allowed"),
    ('A paragraph {: onclick="window.hostileX=1" }', "the attribute onclick= in {: ... } runs code"),
    ("[x]: javascript:window.hostileZ=1", "the address 'javascript:window.hostileZ=1' is not allowed"),
)
# Payloads put together by a page's macros, so the source check cannot see them: the
# sanitiser and the Content-Security-Policy behind it must stop them (resources.md renders macros).
MACRO_PAGE = "docs/resources.md"
ASSEMBLED_PAYLOADS = (
    '{{ "%sscript%swindow.hostileX=1%s/script%s" | format("<", ">", "<", ">") }}',
    '{{ "%simg src=\'../assets/images/logo.svg\' onerror=\'window.hostileY=1\' data-hostile%s" | format("<", ">") }}',
    '{{ "[assembled link](java" ~ "script:window.hostileZ=1)" }}',
    '{{ "%sa href=\'javascript:window.hostileZ=1\' data-hostile%sassembled anchor%s/a%s" | format("<", ">", "<", ">") }}',
)
HOSTILE_GLOBALS = ("hostileX", "hostileY", "hostileZ")


def page_body_project(destination: Path) -> tuple[Path, dict[str, int]]:
    """A copy of the hub with every PAGE_BODY_PAYLOADS line in BODY_PAGE: payload -> its line."""
    text = (ROOT / BODY_PAGE).read_text(encoding="utf-8")
    lines: dict[str, int] = {}
    body = text.rstrip("\n") + "\n"
    for payload, _ in PAGE_BODY_PAYLOADS:
        body += "\n" + payload + "\n"
        lines[payload] = body.count("\n")
    return copy_project(destination, {BODY_PAGE: body}), lines


def assembled_project(destination: Path) -> Path:
    """A copy of the hub whose MACRO_PAGE assembles ASSEMBLED_PAYLOADS at build time."""
    text = (ROOT / MACRO_PAGE).read_text(encoding="utf-8")
    return copy_project(destination, {MACRO_PAGE: text + "\n" + "\n\n".join(ASSEMBLED_PAYLOADS) + "\n"})


# ---------------------------------------------------------------------------
# Reading the built site
# ---------------------------------------------------------------------------

JSON_SCRIPT_TYPES = {"application/json", "application/ld+json"}
HANDLER = re.compile(r"^on[a-z]+$", re.I)


def payload_markup(root) -> list[str]:
    """Every element or attribute under `root` (an lxml tree) that the corpus made."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower()
        for name, value in element.attrib.items():
            if name.lower() == MARKER or HANDLER.match(name):
                found.append(f"<{tag} {name}=...>")
            if name.lower() in {"href", "src", "action", "formaction"} and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{tag} {name}={value[:40]!r}>")
        if tag in {"iframe", "object", "embed"}:
            found.append(f"<{tag}>")
        if tag == "img" and element.get("src") == "x":
            found.append("<img src=x>")
        if tag in {"strong", "b"} and (element.text_content() or "").strip() == "bold":
            found.append("<strong>bold</strong> from **bold**")
        if tag == "script":
            body = element.text or ""
            kind = (element.get("type") or "").lower()
            if kind in JSON_SCRIPT_TYPES:
                try:
                    json.loads(body)
                except ValueError as error:
                    found.append(f"<script type={kind}> that is not JSON: {error}")
            elif "hostile" in body:
                found.append("<script> holding the corpus")
    return found


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def parse_html(path: Path):
    import lxml.html

    return lxml.html.document_fromstring(path.read_bytes())


def parse_fragment(html: str):
    """How the browser reads a search result's title or text: as HTML, inside an element."""
    import lxml.html

    return lxml.html.fragment_fromstring(html or "", create_parent="div")


# The only tags Material's search index keeps from a page (material/plugins/search/plugin.py).
SEARCH_INDEX_TAGS = {"div", "p", "code", "pre", "li", "ol", "ul", "sub", "sup"}


def search_index_problems(site_dir: Path) -> list[str]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            fragment = parse_fragment(doc[key])
            for element in fragment.iter():
                if isinstance(element.tag, str) and element.tag.lower() not in SEARCH_INDEX_TAGS:
                    problems.append(f"{doc['location']} {key}: <{element.tag}> in the search index")
            problems += [f"{doc['location']} {key}: {item}" for item in payload_markup(fragment)]
    return problems


def search_entries(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def json_ld_blocks(tree) -> list:
    return [
        json.loads(script.text or "") for script in tree.iter("script") if script.get("type") == "application/ld+json"
    ]


def parse_ics_three_ways(path: Path) -> list[str]:
    """Read a calendar file with icalendar, ical and vobject: the SUMMARY of each event, per parser."""
    import icalendar
    import vobject
    from ical.calendar_stream import IcsCalendarStream

    text = path.read_text(encoding="utf-8")
    first = [str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    second = [event.summary for event in IcsCalendarStream.calendar_from_ics(text).events]
    third = [event.summary.value for event in vobject.readOne(text).vevent_list]
    assert first == second == third, f"{path.name}: the three parsers read different titles"
    return first
