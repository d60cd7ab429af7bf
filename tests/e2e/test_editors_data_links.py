"""Every page whose words come from a data file links that file for editing, at the page's
foot after its review dates (issue 30: never above the heading, where a reader met it
before the content); a session page's own edit link opens data/events.yaml."""

from __future__ import annotations

import re

import pytest

from tests.helpers import PROJECT_ROOT

pytestmark = pytest.mark.e2e

EDIT = "https://github.com/example-training-hub/ot-primary-care-hub/edit/main/"

PAGES = {
    "events/": ["data/events.yaml"],
    "roles/funding/": ["data/figures.yaml"],
    "recruitment/job-description/": ["data/figures.yaml", "data/job_description.yaml"],
    "supervision/checker/": ["data/supervisors.yaml"],
    "training/roadmap/": ["data/roadmap.yaml"],
    "glossary/": ["data/glossary.yaml"],
}


def data_links(html: str) -> list[str]:
    block = re.search(r'<p class="hub-data-sources">(.*?)</p>', html, re.S)
    return re.findall(r'<a href="([^"]+)" rel="edit">edit ', block.group(1)) if block else []


@pytest.mark.parametrize(("page", "files"), PAGES.items())
def test_a_page_made_from_data_links_each_file_at_its_foot(hub_site, page, files):
    html = hub_site.read(page)
    assert data_links(html) == [EDIT + name for name in files]
    # the page's own pencil still opens the page's Markdown
    assert re.search(rf'href="{EDIT}docs/[^"]+\.md" title="Suggest a change to this page"', html)
    # below the heading, the content, the sources and the review dates, last in the article
    at = html.index('class="hub-data-sources"')
    assert html.index("<h1") < html.index('class="hub-review"') < at < html.index("</article>")


def test_no_page_shows_a_data_link_above_its_heading(hub_site):
    """Every built page (the generated session pages too): nothing of the editors' links
    comes before the h1."""
    problems = []
    for path in hub_site.site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if 'class="hub-data-sources"' in html and "<h1" in html:
            if html.index('class="hub-data-sources"') < html.index("<h1"):
                problems.append(str(path.relative_to(hub_site.site_dir)))
    assert not problems


def test_the_print_style_sheet_hides_the_data_links():
    css = (PROJECT_ROOT / "overrides/assets/stylesheets/hub.css").read_text(encoding="utf-8")
    assert css.count("{") == css.count("}"), "an unclosed rule swallows the rules after it"
    print_rules = css[css.index("@media print") :]
    hidden = print_rules[: print_rules.index("display: none !important")]
    assert ".hub-data-sources" in hidden


def test_a_page_without_data_has_no_data_link(hub_site):
    assert 'class="hub-data-sources"' not in hub_site.read("about/privacy/")


def test_a_session_page_is_edited_in_the_events_file(hub_site):
    session = next((hub_site.site_dir / "events").glob("*/20*/index.html"))
    html = session.read_text(encoding="utf-8")
    assert f'href="{EDIT}data/events.yaml" title="Suggest a change to this page"' in html
    assert "This page is made from" in html and data_links(html) == [EDIT + "data/events.yaml"]
