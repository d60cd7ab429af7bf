"""Printing (issue 6): every content page printed from Chromium (Playwright's page.pdf, which
uses the print style sheet) holds the page's content and none of the site's chrome: no
header, navigation, table of contents, search, "back to top" or footer text, and none of the
editors' links to the data files (issue 30).

The chrome's text is read from the page itself, so it follows the navigation as it grows;
a chrome line that also appears in the content (a section name in a sentence) is not used.
"""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.helpers import content_paths

pytestmark = pytest.mark.browser

CHROME = ".md-skip, .md-header, .md-tabs, .md-sidebar, .md-search, .md-top, .md-footer, .hub-data-sources"
# The page's own content: the article, less the editors' data links at its foot (chrome here).
CONTENT = """() => { const article = document.querySelector('article');
  const links = article.querySelector('.hub-data-sources');
  return links ? article.innerText.replace(links.innerText, '') : article.innerText; }"""


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def chrome_in_print(pdf_text: str, chrome_lines: list[str], content_text: str) -> list[str]:
    """The chrome lines (not also in the content) that the printed text contains."""
    printed, content = normalise(pdf_text), normalise(content_text)
    found = []
    for line in dict.fromkeys(normalise(line) for line in chrome_lines):
        if len(line) < 4 or line in content:
            continue
        if re.search(rf"(?<!\w){re.escape(line)}(?!\w)", printed):
            found.append(line)
    return found


def test_the_print_check_finds_chrome_in_a_printout():
    chrome = ["OT in Primary Care hub", "Search the hub", "Skip to content", "Training"]
    content = "Training for OTs. The roadmap explains it."
    printed = "OT in Primary Care hub\nSkip to content\nTraining for OTs. The roadmap explains it."
    assert chrome_in_print(printed, chrome, content) == ["OT in Primary Care hub", "Skip to content"]
    assert chrome_in_print(content, chrome, content) == []


@pytest.mark.slow
def test_every_content_page_prints_without_the_site_chrome(browser, hub_site, hub_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    problems = []
    try:
        paths = content_paths(hub_site.site_dir)
        assert len(paths) >= 15
        for path in paths:
            page.goto(hub_server.url(path), wait_until="load")
            chrome = page.evaluate(
                "(selector) => [...document.querySelectorAll(selector)].flatMap(e => (e.innerText || '').split('\\n'))",
                CHROME,
            )
            assert len([line for line in chrome if line.strip()]) >= 10, f"{path}: the site chrome was not found"
            content = page.evaluate(CONTENT)
            heading = page.evaluate("() => document.querySelector('article h1').innerText.replace('¶', '').trim()")
            pdf = page.pdf(format="A4", print_background=False)
            text = "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(pdf)).pages)
            if normalise(heading) not in normalise(text):
                problems.append(f"{path}: the printout lacks the page's heading {heading!r}")
            problems += [
                f"{path}: the printout shows site chrome: {line!r}" for line in chrome_in_print(text, chrome, content)
            ]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
