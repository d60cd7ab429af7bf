"""The editors' workflow in built HTML: review footer, overdue notice, /api/pages.json,
redirects, Jinja in prose, and front matter mistakes stopping the build."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from macros.core.urls import page_url as url_of
from macros.editorial.frontmatter import check_page_file, content_pages
from tests.helpers import copy_project

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# 15 June 2027: pages reviewed on 21 November 2026 with `review_in: 6 months` are overdue,
# those with 12 months are not.
OVERDUE_EPOCH = int(datetime(2027, 6, 15, 12, tzinfo=UTC).timestamp())

# A provider of a generated page with no front matter, as the session pages are made.
GENERATED_PAGE_PROVIDER = """

from macros.core import generated


def _editors_test_generated_page(project):
    yield generated.GeneratedFile("editors-test/generated-test.md", "# A generated session\\n\\nNo front matter.\\n")


generated.PROVIDERS.append(_editors_test_generated_page)
"""


def notice_of(html: str) -> str | None:
    match = re.search(r"<div [^>]*data-hub-review-notice[^>]*>.*?</div>", html, re.S)
    return match.group(0) if match else None


def footer_of(html: str) -> str:
    match = re.search(r'<div class="hub-review"[^>]*>.*?</div>', html, re.S)
    assert match, "no review footer"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0))).strip()


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory, site_builder):
    root = tmp_path_factory.mktemp("editors-overdue") / "project"
    copy_project(root)
    # A page that does not opt in to macros (many do: they show figures or drop-in facts from the data).
    typed = root / "docs" / "case-studies" / "ayrshire-and-arran.md"
    assert "render_macros: true" not in typed.read_text()
    typed.write_text(typed.read_text() + "\n\nType {{ like this }} and {% this %} and {# this #}: it stays as typed.\n")
    init = root / "macros" / "__init__.py"
    init.write_text(init.read_text() + GENERATED_PAGE_PROVIDER)
    config = root / "mkdocs.yml"
    text = config.read_text()
    if "\nnot_in_nav: |\n" in text:  # add to the patterns already there
        text = text.replace("\nnot_in_nav: |\n", "\nnot_in_nav: |\n  /editors-test/\n", 1)
    else:
        text += "\nnot_in_nav: |\n  /editors-test/\n"
    config.write_text(text)
    site = site_builder(root, root.parent / "site", OVERDUE_EPOCH)
    assert site.returncode == 0, site.output
    return site


def test_every_page_ends_with_its_review_dates(hub_site):
    html = hub_site.read("roles/")
    assert footer_of(html) == "Page last reviewed: 4 December 2026 Next review due: 4 December 2027"
    assert html.index('class="hub-source"') < html.index('class="hub-review"')
    assert '<time datetime="2027-12-04">' in html


def test_a_current_page_carries_the_notice_hidden_for_the_browser_to_recheck(hub_site):
    html = hub_site.read("roles/")
    notice = notice_of(html)
    assert notice is not None and " hidden>" in notice
    assert 'data-hub-next-review="2027-12-04"' in notice
    assert re.search(r'<script src="[./]*assets/javascripts/review-date.js', html)


def test_an_overdue_page_shows_the_notice_and_its_footer(overdue_site):
    html = overdue_site.read("resources/")
    notice = notice_of(html)
    assert notice is not None and "hidden" not in notice.split(">", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", notice))
    assert "This page may be out of date" in text
    assert "It was due to be reviewed on 21 May 2027." in text
    assert "Gloucestershire Primary Care Training Hub (glccg.pcwc@nhs.net)" in text
    assert footer_of(html) == "Page last reviewed: 21 November 2026 Next review due: 21 May 2027"
    # A page with a 12-month review period is not overdue on the same day.
    assert " hidden>" in notice_of(overdue_site.read("roles/"))


def test_the_pages_list_marks_the_overdue_page(overdue_site):
    pages = {page["path"]: page for page in json.loads(overdue_site.read("api/pages.json"))["pages"]}
    assert pages["docs/resources.md"]["review_status"] == "overdue"
    assert pages["docs/roles/index.md"]["review_status"] == "current"


def test_jinja_typed_in_a_page_that_does_not_opt_in_is_shown_as_typed(overdue_site):
    html = overdue_site.read("case-studies/ayrshire-and-arran/")
    assert "Type {{ like this }} and {% this %} and {# this #}: it stays as typed." in html


def test_generated_pages_need_no_front_matter_and_get_no_review_footer(overdue_site):
    html = overdue_site.read("editors-test/generated-test/")
    assert "A generated session" in html
    assert 'class="hub-review"' not in html
    paths = [page["path"] for page in json.loads(overdue_site.read("api/pages.json"))["pages"]]
    assert not any("generated-test" in path for path in paths)


def test_the_pages_list_matches_the_pages(hub_site):
    document = json.loads(hub_site.read("api/pages.json"))
    assert document["built_on"] == "2026-11-21"
    pages = document["pages"]
    sources = content_pages(ROOT / "docs")
    assert [page["path"] for page in pages] == [p.relative_to(ROOT).as_posix() for p in sources]
    for page in pages:
        src = page["path"].removeprefix("docs/")
        check = check_page_file(ROOT / page["path"], page["path"])
        assert page["url"] == "https://ot-primary-care.example.org/" + url_of(src)
        assert page["edit_url"].endswith("/edit/main/docs/" + src)
        html = hub_site.read(url_of(src))
        # The title and dates in the list are the ones the page shows.
        shown = html.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"')
        assert re.search(rf"<(title|h1)[^>]*>{re.escape(page['title'])}", shown), page["title"]
        assert page["owner"] == check.meta.owner
        assert page["last_reviewed"] == check.meta.last_reviewed.isoformat()
        assert f'<time datetime="{page["next_review"]}">' in html
        assert page["review_status"] == "current"
        assert [s["title"] for s in page["sources"]] == [s.title for s in check.meta.sources]


def test_a_moved_page_redirects_to_its_new_address(hub_site):
    html = hub_site.read("roles/fcp/")
    assert '<meta http-equiv="refresh" content="0; url=../first-contact-practitioner/">' in html
    assert (hub_site.site_dir / "roles/first-contact-practitioner/index.html").exists()


def test_a_typo_in_a_macro_name_stops_the_build_naming_the_page(make_project, site_builder, tmp_path):
    page = (ROOT / "docs" / "glossary.md").read_text()
    assert "render_macros: true" in page and "{{ glossary_terms_table() }}" in page
    root = make_project({"docs/glossary.md": page.replace("glossary_terms_table", "glossary_term_tabel")})
    site = site_builder(root, tmp_path / "site")
    assert site.returncode != 0 and "Traceback" not in site.output
    line = page.splitlines().index("{{ glossary_terms_table() }}") + 1
    (reported,) = [text for text in site.output.splitlines() if text.startswith("docs/glossary.md:")]
    assert reported.startswith(
        f"docs/glossary.md:{line}: there is no macro or value called 'glossary_term_tabel' (check the spelling): "
        "the page may use drop_in_facts, "
    )


def test_a_front_matter_mistake_stops_the_build_with_file_and_line(make_project, site_builder, tmp_path):
    page = (ROOT / "docs" / "roles" / "funding.md").read_text()
    root = make_project({"docs/roles/funding.md": page.replace("last_reviewed:", "last_reviwed:", 1)})
    site = site_builder(root, tmp_path / "site")
    assert site.returncode != 0
    assert (
        "docs/roles/funding.md:5: 'last_reviwed' is not a front matter key we know. Did you mean 'last_reviewed'?"
        in site.output
    )


def test_a_preview_dated_before_the_reviews_still_builds(site_builder, tmp_path):
    # SOURCE_DATE_EPOCH in the past previews the hub as it was (for example the drop-in
    # lists); a last_reviewed after that date is not a mistake there.
    site = site_builder(ROOT, tmp_path / "site", int(datetime(2026, 10, 1, 12, tzinfo=UTC).timestamp()))
    assert site.returncode == 0, site.output
    pages = json.loads(site.read("api/pages.json"))["pages"]
    assert len(pages) == len(content_pages(ROOT / "docs"))
    assert footer_of(site.read("roles/")) == "Page last reviewed: 4 December 2026 Next review due: 4 December 2027"
