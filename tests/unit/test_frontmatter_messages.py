"""What an editor reads for each front matter mistake, compared whole (macros/editorial/frontmatter.py)."""

from __future__ import annotations

import pytest

from macros.editorial.frontmatter import PLACEHOLDERS, check_page_text, content_pages, page_title
from tests.unit.test_editors_pagemeta import GOOD, TODAY


def changed(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


def messages(text: str) -> list[str]:
    return [str(problem) for problem in check_page_text(text, "docs/x.md", TODAY).problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# Title\n",
            [
                "docs/x.md:1: the page has no front matter (an opening '---' line is missing). Start the page with a '---' line, the keys (title, description, owner, last_reviewed, review_in), then another '---' line: copy them from CONTRIBUTING.md"
            ],
            id="no opening",
        ),
        pytest.param(
            "---\ntitle: x\n",
            [
                "docs/x.md:1: the page has no front matter (a closing '---' line is missing). Start the page with a '---' line, the keys (title, description, owner, last_reviewed, review_in), then another '---' line: copy them from CONTRIBUTING.md"
            ],
            id="no closing",
        ),
        pytest.param(
            changed("owner: Training Hub (hub@nhs.net)", "owner: Training Hub: hub"),
            [
                "docs/x.md:4: YAML cannot read the ': ' on this line. If the line is an entry of a list or menu, it may have lost its '- ' (a dash may be missing); otherwise put text containing a colon in quotes, for example title: \"Recruiting: an OT\""
            ],
            id="yaml error",
        ),
        pytest.param(
            "---\n- a\n- b\n---\nText\n",
            ["docs/x.md:2: the front matter must be 'key: value' lines, one a line"],
            id="list",
        ),
        pytest.param(
            changed("owner:", "ownr:"),
            [
                "docs/x.md:4: 'ownr' is not a front matter key we know. Did you mean 'owner'? Check its spelling or remove it. The keys allowed are: title, description, sources, owner, last_reviewed, review_in, next_review, render_macros, hide, search, status, template, icon, subtitle."
            ],
            id="unknown suggest",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12 months\nzzz: 1"),
            [
                "docs/x.md:7: 'zzz' is not a front matter key we know. Check its spelling or remove it. The keys allowed are: title, description, sources, owner, last_reviewed, review_in, next_review, render_macros, hide, search, status, template, icon, subtitle."
            ],
            id="unknown no suggest",
        ),
        pytest.param(
            changed("description: How to recruit an occupational therapist.\n", ""),
            [
                "docs/x.md:1: the page has no 'description'. Add 'description:' with one sentence saying what the page tells the reader (search engines and link previews show it)"
            ],
            id="missing description",
        ),
        pytest.param(
            changed("last_reviewed: 2026-01-10\n", ""),
            [
                "docs/x.md:1: the page has no 'last_reviewed'. Add 'last_reviewed: YYYY-MM-DD', the date someone last checked the page is right"
            ],
            id="missing last_reviewed",
        ),
        pytest.param(
            changed("review_in: 12 months\n", ""),
            [
                "docs/x.md:1: the page has no review date. Add 'review_in: 12 months' (or 6 months, 2 years...) or 'next_review: YYYY-MM-DD' under last_reviewed"
            ],
            id="no review",
        ),
        pytest.param(
            changed("review_in: 12 months\n", "review_in: 12 months\nnext_review: 2027-01-01\n"),
            [
                "docs/x.md:1: the page has both review_in and next_review. Keep one: review_in counts from last_reviewed, next_review is a fixed date"
            ],
            id="both",
        ),
        pytest.param(
            changed("review_in: 12 months\n", "next_review: 2026-01-10\n"),
            ["docs/x.md:1: next_review (2026-01-10) must be after last_reviewed (2026-01-10)"],
            id="next before",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12"),
            [
                "docs/x.md:6: field 'review_in': '12' is not a review period we can read. Write a number and a unit, for example '12 months', '6 months', '1 year' or '8 weeks'"
            ],
            id="review_in 12",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12 months\nicon: material/no-such-icon"),
            [
                "docs/x.md:7: field 'icon': 'material/no-such-icon' is not an icon the theme has, so the build would stop. Copy its name from https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/ with '/' for the first '-', for example 'material/account-group', or delete the line"
            ],
            id="icon",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12 months\nicon: " + "a" * 120),
            [
                "docs/x.md:7: field 'icon': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' is not an icon the theme has, so the build would stop. Copy its name from https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/ with '/' for the first '-', for example 'material/account-group', or delete the line"
            ],
            id="icon long",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12 months\nicon: material/account-group"), [], id="icon ok"
        ),
        pytest.param(
            changed("last_reviewed: 2026-01-10", "last_reviewed: 2026-11-22"),
            [
                "docs/x.md:5: field 'last_reviewed': 2026-11-22 is in the future. Write the date you last checked the page, today (2026-11-21) or earlier"
            ],
            id="future",
        ),
        pytest.param(
            changed("How to recruit an occupational therapist.", PLACEHOLDERS["description"]),
            [
                "docs/x.md:3: the page still has the example text 'Write one sentence here saying what the page tells the reader.'. Replace it with the page's own description"
            ],
            id="placeholder block",
        ),
        pytest.param(
            changed("Text.", "Para.\n\n" + PLACEHOLDERS["body"]),
            [
                "docs/x.md:18: the page still has the example text 'Write the page here, in plain English. Expand each abbreviation the first time you use it.'. Replace it with the page's own text"
            ],
            id="placeholder body",
        ),
        pytest.param(
            changed("Text.", "Te\x07xt.\nOK\n\u2028"),
            [
                "docs/x.md:16: this line holds an invisible control character (U+0007), often pasted from another program: delete it and retype the word around it",
                "docs/x.md:18: this line holds a line break pasted from Word or a web page (U+2028): delete it and type a space (for a new paragraph, where the field allows one, press Enter)",
            ],
            id="control",
        ),
        pytest.param(
            changed("owner: Training Hub (hub@nhs.net)", "owner: &o Training Hub\nsubtitle: *o"),
            [
                "docs/x.md:4: '&o' is a YAML anchor or alias. The hub's files do not use them: write the value out in full where it is needed, and delete the '&' and '*' names",
                "docs/x.md:5: '*o' is a YAML anchor or alias. The hub's files do not use them: write the value out in full where it is needed, and delete the '&' and '*' names",
            ],
            id="anchor",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12 months\nsearch:\n  boost: .nan"),
            [
                "docs/x.md:8: field 'search', field 'boost': '.nan' is not a number the hub can use. Write an ordinary number, such as 1 or 2.5"
            ],
            id="boost",
        ),
        pytest.param(
            changed("review_in: 12 months", "review_in: 12 months\nhide: [toc, sidebar]"),
            [
                "docs/x.md:7: hide 2: write one of 'navigation', 'toc', 'footer', 'path', 'tags' or 'feedback'; you wrote 'sidebar'."
            ],
            id="hide",
        ),
        pytest.param(
            changed("owner:", "ownr:").replace("\n", "\r\n"),
            [
                "docs/x.md:4: 'ownr' is not a front matter key we know. Did you mean 'owner'? Check its spelling or remove it. The keys allowed are: title, description, sources, owner, last_reviewed, review_in, next_review, render_macros, hide, search, status, template, icon, subtitle."
            ],
            id="crlf",
        ),
        pytest.param(
            changed("---\n\n# Recruiting", "...\n\n# Recruiting").replace("owner:", "ownr:"),
            [
                "docs/x.md:4: 'ownr' is not a front matter key we know. Did you mean 'owner'? Check its spelling or remove it. The keys allowed are: title, description, sources, owner, last_reviewed, review_in, next_review, render_macros, hide, search, status, template, icon, subtitle."
            ],
            id="dots close",
        ),
    ],
)
def test_each_front_matter_mistake_gets_its_whole_message(text, expected):
    assert messages(text) == expected


def test_without_a_build_date_no_review_date_is_in_the_future():
    text = changed("last_reviewed: 2026-01-10", "last_reviewed: 2099-01-01")
    assert check_page_text(text, "docs/x.md").problems == []


def test_the_page_title_is_the_front_matters_then_the_first_heading_then_the_fallback():
    assert page_title(check_page_text(GOOD, "docs/x.md", TODAY), "Hub") == "Recruiting an OT"
    untitled = check_page_text(GOOD.replace("title: Recruiting an OT\n", ""), "docs/x.md", TODAY)
    assert page_title(untitled, "Hub") == "Recruiting an OT"
    closed = check_page_text(GOOD.replace("# Recruiting an OT", "#   Closed heading  ##"), "docs/x.md", TODAY)
    assert page_title(closed, "Hub") == "Recruiting an OT"
    no_title = GOOD.replace("title: Recruiting an OT\n", "").replace("# Recruiting an OT", "#   Closed heading  ##")
    assert page_title(check_page_text(no_title, "docs/x.md", TODAY), "Hub") == "Closed heading"
    no_heading = GOOD.replace("title: Recruiting an OT\n", "").replace("# Recruiting an OT", "## Part")
    assert page_title(check_page_text(no_heading, "docs/x.md", TODAY), "Hub") == "Hub"


def test_content_pages_are_the_markdown_files_outside_hidden_folders(tmp_path):
    for name in ("index.md", "roles/a.md", "roles/b.markdown", "roles/c.txt", ".drafts/d.md", "roles/.e.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()
    assert [path.relative_to(tmp_path).as_posix() for path in content_pages(tmp_path)] == [
        "index.md", "roles/a.md", "roles/b.markdown"
    ]  # fmt: skip
