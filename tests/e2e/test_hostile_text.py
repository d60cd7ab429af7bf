"""What editors type is shown as typed, never run (issue 12), end to end.

A hostile-text corpus (HTML, script, attribute break-outs, Jinja, CR/LF, right-to-left
and zero-width characters, emoji, Welsh and Gaelic, 10,000 characters: tests/hostile.py)
goes into every text field of a group of data files or front matter, and the hub is
built once per group. Either the build stops with a message naming the file and the
field, or the built site holds the text as text: no element or attribute the corpus made
in any page or in the search index, every .ics read by three parsers, every JSON-LD
block valid JSON, and the text shown as typed where readers see it.

When the full corpus stops a build (a rule refuses line breaks or curly brackets in a
field), the group is built again with a one-line corpus so the output is still checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import (
    GROUPS,
    build_hostile_site,
    html_files,
    json_ld_blocks,
    parse_fragment,
    parse_html,
    parse_ics_three_ways,
    payload_markup,
    search_entries,
    search_index_problems,
    shown,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", params=list(GROUPS))
def hostile_build(request, tmp_path_factory):
    return build_hostile_site([request.param], tmp_path_factory.mktemp(f"hostile-{request.param}"))


def test_no_page_holds_markup_the_text_made(hostile_build):
    problems = []
    for path in html_files(hostile_build.site_dir):
        problems += [f"{path.relative_to(hostile_build.site_dir)}: {item}" for item in payload_markup(parse_html(path))]
    assert not problems, "\n".join(problems[:40])


def test_the_search_index_holds_the_text_as_text(hostile_build):
    assert not search_index_problems(hostile_build.site_dir)
    # The browser reads a result's title as HTML: one made from editors' text shows it as typed.
    injection = hostile_build.injection
    checked = 0
    for doc in search_entries(hostile_build.site_dir):
        title = shown(parse_fragment(doc["title"]).text_content())
        for label in injection.typed:
            if label in title:
                typed = shown(injection.text_of(label))
                assert typed in title or title.endswith(typed[: len(title)]), (doc["location"], title[:80])
                checked += 1
    if hostile_build.group == "events":
        assert checked  # the session pages' titles come from the data


def test_every_calendar_reads_the_same_in_three_parsers(hostile_build):
    calendars = sorted(hostile_build.site_dir.rglob("*.ics"))
    assert calendars
    summaries = [summary for path in calendars for summary in parse_ics_three_ways(path)]
    if hostile_build.group == "events":
        titles = [
            hostile_build.injection.text_of(label)
            for label in hostile_build.injection.labels_in("data/events.yaml", "series.[].title")
        ]
        for title in titles:
            assert any(shown(summary).endswith(shown(title)) for summary in summaries), title[:40]


def test_every_json_ld_block_is_json_and_holds_the_text_exactly(hostile_build):
    names = []
    for path in html_files(hostile_build.site_dir):
        names += [block.get("name") for block in json_ld_blocks(parse_html(path))]
    if hostile_build.group == "events":
        titles = {
            hostile_build.injection.text_of(label)
            for label in hostile_build.injection.labels_in("data/events.yaml", "series.[].title")
        }
        assert titles and titles <= set(names)


def _page(site_dir: Path, url: str):
    return parse_html(site_dir / url / "index.html")


def _text(tree, xpath: str) -> str:
    found = tree.xpath(xpath)
    assert found, xpath
    value = found[0] if isinstance(found[0], str) else found[0].text_content()
    return shown(value.replace("\u00b6", ""))  # the heading's permalink sign


@pytest.mark.parametrize("hostile_build", ["events"], indirect=True)
def test_a_session_page_shows_its_title_as_typed(hostile_build):
    injection = hostile_build.injection
    title = shown(injection.text_of(injection.labels_in("data/events.yaml", "series.[].title")[0]))
    tree = _page(hostile_build.site_dir, "events/rcot-drop-in/2026-11-21")
    assert _text(tree, "//h1").startswith(title)
    assert _text(tree, "//title").startswith(title)
    assert _text(tree, "//meta[@property='og:title']/@content").startswith(title)
    assert title in _text(tree, "//meta[@name='description']/@content")
    organiser = shown(injection.text_of(injection.labels_in("data/events.yaml", "series.[].organiser.name")[0]))
    assert organiser in _text(tree, "//meta[@name='description']/@content")
    assert organiser in _text(tree, "//dl[contains(@class, 'hub-facts')]")


@pytest.mark.parametrize("hostile_build", ["front-matter"], indirect=True)
def test_a_content_page_shows_its_front_matter_as_typed(hostile_build):
    injection = hostile_build.injection
    page = "docs/about/accessibility.md"  # in the navigation without a title of its own there
    title = shown(injection.text_of(injection.labels_in(page, "title")[0]))
    description = shown(injection.text_of(injection.labels_in(page, "description")[0]))
    owner = shown(injection.text_of(injection.labels_in(page, "owner")[0]))
    subtitle = shown(injection.text_of(injection.labels_in(page, "subtitle")[0]))
    tree = _page(hostile_build.site_dir, "about/accessibility")
    assert _text(tree, "//title").startswith(title)
    assert _text(tree, "//meta[@name='description']/@content") == description
    assert _text(tree, "//meta[@property='og:description']/@content") == description
    assert _text(tree, "//header//*[contains(@class, 'md-header__topic')][2]") == title
    publishers = injection.labels_in(page, "sources.[].publisher")
    sources = _text(tree, "//aside[contains(@class, 'hub-source')]") if publishers else ""
    for label in publishers:
        assert shown(injection.text_of(label)) in sources
    # The review notice (hidden until the page is overdue) names the owner.
    assert owner in _text(tree, "//*[@data-hub-review-notice]")
    # Another page's navigation shows this page's title and subtitle as typed.
    other = _page(hostile_build.site_dir, "roles")
    assert f"{title} {subtitle}" in {shown(link.text_content()) for link in other.xpath("//nav//a")}


@pytest.mark.parametrize("hostile_build", ["glossary"], indirect=True)
def test_the_glossary_tooltips_stay_one_line(hostile_build):
    injection = hostile_build.injection
    tree = _page(hostile_build.site_dir, "roles/funding")
    titles = {shown(abbr.get("title")) for abbr in tree.iter("abbr")}
    typed = {
        shown(injection.text_of(label)) for label in injection.labels_in("data/glossary.yaml", "terms.[].stands_for")
    }
    assert titles and titles <= typed
    glossary = _page(hostile_build.site_dir, "glossary")
    table = shown(glossary.xpath("//table[contains(@class, 'hub-glossary')]")[0].text_content())
    assert all(text in table for text in typed)


@pytest.mark.parametrize("hostile_build", ["job-description"], indirect=True)
def test_the_job_description_documents_hold_the_text(hostile_build):
    import subprocess

    import docx2txt

    injection = hostile_build.injection
    duty = shown(injection.text_of(injection.labels_in("data/job_description.yaml", "key_duties.[]")[0]))
    folder = hostile_build.site_dir / "recruitment"
    word = shown(docx2txt.process(str(folder / "primary-care-ot-job-description.docx")))
    assert duty[:2000] in word
    assert "<script data-hostile>alert('hostile')</script>" in word
    # pdftotext (poppler), not the library that wrote it; lines wrap, and break at hyphens.
    pdf = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(folder / "primary-care-ot-job-description.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pdf = shown(pdf)
    for fragment in ("<img src=x", "onerror=alert('hostile')", "Q&A for GPs <under 5 years> &", "&amp; &lt;b&gt;"):
        assert fragment in pdf, fragment
    page = _page(hostile_build.site_dir, "recruitment/job-description")
    assert duty[:200] in shown(page.xpath("//article")[0].text_content())


# --- Page bodies (issue 19) -------------------------------------------------------------


def test_what_only_code_may_hold_in_a_page_body_stops_the_build_with_file_and_line(tmp_path):
    from hostile import BODY_PAGE, PAGE_BODY_PAYLOADS, page_body_project

    from tests.helpers import build_site

    root, lines = page_body_project(tmp_path / "project")
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "Traceback" not in built.output
    for payload, message in PAGE_BODY_PAYLOADS:
        assert f"{BODY_PAGE}:{lines[payload]}: {message}" in built.output, (payload, built.output[-3000:])


def test_script_a_pages_macros_would_put_together_stops_the_build_at_each_line(tmp_path):
    # A page's Jinja may only call the hub's macros (issue 28): filters, ~ and typed text that
    # assembled script are refused, each at its own line, before anything is rendered.
    from hostile import ASSEMBLED_PAYLOADS, MACRO_PAGE, assembled_project

    from tests.helpers import PROJECT_ROOT, build_site

    built = build_site(assembled_project(tmp_path / "project"), tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.output
    first = (PROJECT_ROOT / MACRO_PAGE).read_text(encoding="utf-8").count("\n") + 2
    lines = [first + 2 * number for number in range(len(ASSEMBLED_PAYLOADS))]
    reported = [text for text in built.output.splitlines() if text.startswith(MACRO_PAGE + ":")]
    assert [int(text.split(":")[1]) for text in reported] == lines, built.output[-3000:]
    assert not (tmp_path / "site" / "resources" / "index.html").exists()

