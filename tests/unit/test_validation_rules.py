"""Issue 12, validation half: one-line fields, one web-address rule, page links inside docs/,
id lengths, session checks at the session's line, pages read as UTF-8 (a byte-order mark
allowed), an editor's file at a generated path, and `make check` lines GitHub cannot read
as workflow commands. Each message is asserted with its file, line and field."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from macros.core.clashes import editor_file_clashes
from macros.core.datafiles import DataFileError
from macros.core.fields import SingleLine, WebAddress
from macros.core.generated import PROVIDER_CONCERNS, GeneratedFile
from macros.editorial.check import check_config_file
from macros.editorial.findings import Finding
from macros.editorial.frontmatter import check_page_file
from macros.events.models import load_events
from macros.glossary.terms import load_glossary
from macros.learning.roadmap import load_roadmap

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_events_models import GOOD  # noqa: E402
from test_roadmap_pathway import VALID as ROADMAP  # noqa: E402


def events_problems(tmp_path, text) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_events(path, "data/events.yaml")
    return [str(problem) for problem in caught.value.problems]


ONE_LINE = "this text runs over more than one line (it starts '{}'). Put it all on one line"


# ---------------------------------------------------------------------------
# One-line fields
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "where", "start"),
    [
        ("    title: OT drop-in\n", "    title: |\n      OT drop-in\n      <script>x</script>\n", 3,
         "series 1 (id 'rcot-drop-in'), field 'title'", "OT drop-in"),
        ("    title: OT drop-in\n", "    title: |\n      OT drop-in\n", 3,
         "series 1 (id 'rcot-drop-in'), field 'title'", "OT drop-in"),
        ("      name: Royal College of Occupational Therapists\n",
         '      name: "Royal College\\n::error file=x::pwned"\n', 5,
         "series 1 (id 'rcot-drop-in'), field 'organiser', field 'name'", "Royal College"),
        ("      publisher: Publisher\n", "      publisher: >\n        Pub\n\n        lisher\n", 16,
         "series 1 (id 'rcot-drop-in'), field 'source', field 'publisher'", "Pub"),
    ],
)  # fmt: skip
def test_a_line_break_in_a_one_line_events_field_names_file_line_and_field(tmp_path, old, new, line, where, start):
    assert old in GOOD
    (message,) = events_problems(tmp_path, GOOD.replace(old, new))
    assert message.startswith(f"data/events.yaml:{line}: {where}: {ONE_LINE.format(start)}, with no '|' or '>'")
    assert "\n" not in message


def test_a_glossary_expansion_over_two_lines_is_refused(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "terms:\n  - term: AfC\n    stands_for: |\n      Agenda for Change\n\n      <script>alert(1)</script>\n"
    )
    with pytest.raises(DataFileError) as caught:
        load_glossary(path, "data/glossary.yaml")
    assert str(caught.value).startswith(
        "data/glossary.yaml:3: term 1 (term 'AfC'), field 'stands_for': " + ONE_LINE.format("Agenda for Change")
    )


@pytest.mark.parametrize("key", ["title", "description", "owner"])
def test_a_front_matter_field_over_two_lines_is_refused(tmp_path, key):
    values = {"title": "Page", "description": "A page.", "owner": "Hub (hub@nhs.net)"}
    values[key] = '"First line\\n::error::second"'
    header = "".join(f"{name}: {value}\n" for name, value in values.items())
    page = tmp_path / "page.md"
    page.write_text(f"---\n{header}last_reviewed: 2026-01-01\nreview_in: 12 months\n---\n\n# Page\n")
    (problem,) = check_page_file(page, "docs/page.md").problems
    line = 2 + list(values).index(key)
    assert str(problem).startswith(f"docs/page.md:{line}: field '{key}': " + ONE_LINE.format("First line"))
    assert "\n" not in str(problem)


def test_a_source_title_in_front_matter_over_two_lines_is_refused(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: Page\ndescription: A page.\nowner: Hub\nlast_reviewed: 2026-01-01\nreview_in: 12 months\n"
        "sources:\n  - title: |\n      A\n      B\n    publisher: RCOT\n    checked: 2026-12-04\n---\n\n# Page\n"
    )
    (problem,) = check_page_file(page, "docs/page.md").problems
    assert str(problem).startswith(
        f"docs/page.md:8: source 1 (title 'A\\nB\\n'), field 'title': {ONE_LINE.format('A')}"
    )


@pytest.mark.parametrize(
    "text",
    ["Q&A for GPs <under 5 years> & nurses", "Gofal sylfaenol: Cymraeg ŵ ŷ", "Cùram-slàinte", "\u202eRTL\u200b", "🙂" * 50,
     "{{ 7 * 7 }} {% raw %}", "x" * 10_000],
)  # fmt: skip
def test_one_line_text_is_accepted_as_typed(text):
    assert TypeAdapter(SingleLine).validate_python(text) == text


@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n", "\v", "\f", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize(("before", "after"), [("A", "B"), ("Title", ""), ("", "::error::x")])
def test_any_line_break_is_refused(before, newline, after):
    with pytest.raises(ValidationError, match="Put it all on one line"):
        TypeAdapter(SingleLine).validate_python(before + newline + after)


# ---------------------------------------------------------------------------
# Web addresses, page links and ids
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    ["https://meet.example.org/a\r\nX-INJECT:1", "https://meet.example.org/a\nb", 'https://a.example/"><svg/onload=x>',
     "http://meet.example.org/", "https://localhost/", "javascript:alert(1)"],
)  # fmt: skip
def test_a_join_link_that_is_not_a_safe_web_address_is_refused_at_its_line(tmp_path, link):
    text = GOOD.replace("      email: someone@example.org\n", "      link: " + _yaml_string(link) + "\n")
    (message,) = events_problems(tmp_path, text)
    assert message.startswith("data/events.yaml:9: series 1 (id 'rcot-drop-in'), field 'join', field 'link': ")
    assert "is not a web address we can link to. Copy the full address from your browser" in message
    assert "\n" not in message and "\r" not in message


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n") + '"'


@pytest.mark.parametrize("character", [" ", "\t", "\x00", "\x1f", "\x7f", '"', "'", "<", ">", "\\", "`"])
def test_a_web_address_never_holds_unsafe_characters(character):
    with pytest.raises(ValidationError, match="is not a web address we can link to"):
        TypeAdapter(WebAddress).validate_python(f"https://a.example/x{character}y")


def test_a_300_character_series_id_gets_a_message_not_a_file_system_error(tmp_path):
    long_id = "-".join(["drop-in"] * 38)[:300].strip("-")
    (message,) = events_problems(tmp_path, GOOD.replace("id: rcot-drop-in", f"id: {long_id}"))
    assert message.startswith(
        f"data/events.yaml:2: series 1 (id '{long_id[:60]}... ({len(long_id) - 60} more characters)'), "
        "field 'id': the id 'drop-in-drop-in-drop...' is "
        f"{len(long_id)} characters long; keep ids to 60 characters or fewer"
    )


@pytest.mark.parametrize(
    "page", ["../README.md", "/supervision/index.md", "supervision/../../README.md", "https://a.example/x.md"]
)
def test_a_roadmap_page_link_outside_docs_is_refused(tmp_path, page):
    path = tmp_path / "roadmap.yaml"
    path.write_text(ROADMAP.replace("page: supervision/index.md", f"page: {page!r}"))
    with pytest.raises(DataFileError) as caught:
        load_roadmap(path, "data/roadmap.yaml", docs_dir=ROOT / "docs")
    assert str(caught.value) == (
        f"data/roadmap.yaml:29: step 2 (id 'stage-1'), link 1, field 'page': '{page}' is not a page of this site: "
        "write its file under docs/, as it appears there, such as supervision/index.md (no '..', no '/' at the "
        "start, no web address)"
    )


def test_a_roadmap_page_link_to_a_missing_page_is_refused(tmp_path):
    path = tmp_path / "roadmap.yaml"
    path.write_text(ROADMAP.replace("page: supervision/index.md", "page: supervision/nope.md"))
    with pytest.raises(DataFileError) as caught:
        load_roadmap(path, "data/roadmap.yaml", docs_dir=ROOT / "docs")
    assert str(caught.value).startswith(
        "data/roadmap.yaml:29: step 2 (id 'stage-1'), link 1, field 'page': there is no page docs/supervision/nope.md"
    )


# ---------------------------------------------------------------------------
# Session checks at the session's line
# ---------------------------------------------------------------------------

SESSION_2 = "      - date: 2026-04-25\n"


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        ('      - date: 2026-10-25\n        start: "01:30"\n        end: "02:30"\n',
         "data/events.yaml:21: series 1 (id 'rcot-drop-in'), session 2 (date '2026-10-25'), field 'start': "
         "01:30 on 2026-10-25 happens twice: the clocks go back then. Choose another time"),
        ("      - date: 2026-04-25\n        status: moved\n        moved_to: {date: 2026-04-25}\n"
         "        changes: [{date: 2026-04-01, summary: Moved}]\n",
         "data/events.yaml:22: series 1 (id 'rcot-drop-in'), session 2 (date '2026-04-25'), field 'moved_to': "
         "'moved_to' gives the same date and times as before; give the new 'date', 'start' or 'end'"),
        ("      - date: 2026-04-25\n        status: cancelled\n        reason: Ill.\n"
         "        changes:\n          - date: 2025-12-01\n            summary: Cancelled\n",
         "data/events.yaml:24: series 1 (id 'rcot-drop-in'), session 2 (date '2026-04-25'), change 1 "
         "(date '2025-12-01'), field 'date': a change is dated 2025-12-01, before the session was added "
         "(2026-01-05); check the dates"),
        ('      - date: 2026-04-25\n        status: moved\n        moved_to: {start: "14:00"}\n'
         "        changes: [{date: 2026-04-01, summary: Moved}]\n",
         "data/events.yaml:22: series 1 (id 'rcot-drop-in'), session 2 (date '2026-04-25'), field 'moved_to': "
         "the end time 13:00 is not after the start time 14:00"),
    ],
)  # fmt: skip
def test_a_session_check_points_at_the_sessions_line_and_field(tmp_path, session, expected):
    (message,) = events_problems(tmp_path, GOOD.replace(SESSION_2, session))
    assert message.startswith(expected), message


def test_every_session_problem_is_reported_not_only_the_first(tmp_path):
    text = GOOD.replace(SESSION_2, SESSION_2 + "      - date: 2026-03-28\n      - date: 2026-04-25\n")
    messages = events_problems(tmp_path, text)
    assert [m.split(": ", 1)[0] for m in messages] == ["data/events.yaml:21", "data/events.yaml:22"]
    assert all("this session has the same date as session" in m for m in messages)


# ---------------------------------------------------------------------------
# Encodings: pages and mkdocs.yml
# ---------------------------------------------------------------------------

PAGE = "---\ntitle: Café\ndescription: A page.\nowner: Hub\nlast_reviewed: 2026-01-01\nreview_in: 12 months\n---\n\n# Café\n"


def test_a_latin_1_page_names_file_and_line_and_says_save_as_utf8(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes(PAGE.encode("latin-1"))
    (problem,) = check_page_file(page, "docs/page.md").problems
    assert str(problem) == (
        "docs/page.md:2: this file is not saved as UTF-8 (a character on this line cannot be read). "
        "Save it again with the encoding set to UTF-8 in your editor"
    )


def test_a_page_with_a_byte_order_mark_is_read_as_the_build_reads_it(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes(b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode("utf-8"))
    checked = check_page_file(page, "docs/page.md")
    assert checked.problems == []
    assert checked.meta.title == "Café"


def test_a_latin_1_mkdocs_yml_is_named_with_its_line(tmp_path):
    (tmp_path / "mkdocs.yml").write_bytes("site_name: Hub\n# Café\n".encode("latin-1"))
    (finding,) = check_config_file(tmp_path)
    assert str(finding).startswith("mkdocs.yml:2: error: this file is not saved as UTF-8")


# ---------------------------------------------------------------------------
# Template syntax in a page that renders macros
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# An editor's file at a generated path
# ---------------------------------------------------------------------------


def _events_provider(project):  # stands in for the events concern's provider
    return []


def test_an_editors_file_at_a_generated_path_names_both(monkeypatch):
    from macros.core.concerns import Concern

    monkeypatch.setitem(PROVIDER_CONCERNS, _events_provider, Concern("events", {"events.yaml": None}))
    made = [
        (_events_provider, GeneratedFile("events/feeds/all.ics", "")),
        (_events_provider, GeneratedFile("events/talks/2026-01-01.md", "")),
        (_events_provider, GeneratedFile("events/talks/2026-01-01.ics", "")),
    ]
    editors = ["events/feeds/all.ics", "events/talks/2026-01-01/index.md", "events/index.md", "events/talks.ics"]
    problems = [str(p) for p in editor_file_clashes(made, editors)]
    code = _events_provider.__module__.replace(".", "/") + ".py"
    assert problems == [
        f"docs/events/feeds/all.ics:1: the build generates this path itself: the events part of the hub ({code}) "
        "makes it from data/events.yaml, and it would replace this file without a word. Delete or rename this "
        "file; to change what is generated there, edit data/events.yaml",
        "docs/events/talks/2026-01-01/index.md:1: the build generates events/talks/2026-01-01.md, which lands at "
        f"the same address (events/talks/2026-01-01/) as this file: the events part of the hub ({code}) makes it from data/events.yaml, "
        "and it would replace this file without a word. Delete or rename this file; to change what is generated "
        "there, edit data/events.yaml",
    ]


@pytest.mark.parametrize(
    "editors_file",
    [
        "events/talks/2026-01-01.markdown",
        "events/talks/2026-01-01.mdown",
        "events/talks/2026-01-01/index.md",
        "events/talks/2026-01-01/README.md",
        "events/talks/2026-01-01/index.markdown",
        "events/talks/2026-01-01/index.html",
    ],
)
def test_a_hand_made_file_in_any_form_at_a_generated_page_is_refused_naming_both(editors_file):
    made = [(_events_provider, GeneratedFile("events/talks/2026-01-01.md", ""))]
    (problem,) = editor_file_clashes(made, [editors_file, "events/talks/2026-01-01/notes.html", "events/talks.md"])
    assert problem.file == f"docs/{editors_file}"
    assert problem.message.startswith(
        "the build generates events/talks/2026-01-01.md, which lands at the same address "
        "(events/talks/2026-01-01/) as this file"
    )


def test_a_hand_made_home_page_in_html_clashes_with_a_generated_home_page():
    made = [(_events_provider, GeneratedFile("index.md", ""))]
    (problem,) = editor_file_clashes(made, ["index.html"])
    assert "(the home page)" in problem.message


# ---------------------------------------------------------------------------
# `make check` output and GitHub workflow commands
# ---------------------------------------------------------------------------

HOSTILE = "Title\n::error file=.github/workflows/publish.yml,line=1::pwned\r\n::set-output name=x::y 100%"


def test_a_finding_prints_on_one_line_whatever_the_editor_wrote():
    text = str(Finding("docs/a.md", 3, "error", f"'{HOSTILE}' is wrong"))
    assert text.splitlines() == [text]
    assert not any(line.startswith("::") for line in text.splitlines())


def test_a_github_annotation_escapes_data_and_properties_as_github_documents():
    annotation = Finding("docs/a,b::c.md", 3, "error", HOSTILE).github_annotation()
    assert annotation == (
        "::error file=docs/a%2Cb%3A%3Ac.md,line=3::Title%0A::error file=.github/workflows/publish.yml,line=1::pwned"
        "%0D%0A::set-output name=x::y 100%25"
    )
    assert "\n" not in annotation and "\r" not in annotation


def test_a_data_problem_holding_a_line_break_prints_on_one_line(tmp_path):
    text = GOOD.replace("    title: OT drop-in\n", '    title: "OT\\n::error::x"\n')
    (message,) = events_problems(tmp_path, text)
    assert "\n" not in message and message.startswith("data/events.yaml:3:")
