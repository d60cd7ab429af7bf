"""Every page whose words come from a data file links that file for editing, beside the
page's own edit link; a session page's own edit link opens data/events.yaml."""

from __future__ import annotations

import re

import pytest

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
def test_a_page_made_from_data_links_each_file_beside_its_edit_link(hub_site, page, files):
    html = hub_site.read(page)
    assert data_links(html) == [EDIT + name for name in files]
    # beside the page's own pencil, which still opens the page's Markdown
    assert re.search(rf'href="{EDIT}docs/[^"]+\.md" title="Suggest a change to this page"', html)
    assert html.index('class="hub-data-sources"') < html.index("<h1")


def test_a_page_without_data_has_no_data_link(hub_site):
    assert 'class="hub-data-sources"' not in hub_site.read("about/privacy/")


def test_a_session_page_is_edited_in_the_events_file(hub_site):
    session = next((hub_site.site_dir / "events").glob("*/20*/index.html"))
    html = session.read_text(encoding="utf-8")
    assert f'href="{EDIT}data/events.yaml" title="Suggest a change to this page"' in html
    assert "This page is made from" in html and data_links(html) == [EDIT + "data/events.yaml"]
