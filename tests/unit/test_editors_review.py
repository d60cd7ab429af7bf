"""Review dates, the overdue report and the pages list: pure functions of front matter and a date."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path

import markdown
import pytest

from macros.core.dates import build_date, long_date
from macros.core.project import Project
from macros.editorial.pages_list import check_all_pages, pages_json, review_lines
from macros.editorial.review import (
    Review,
    ReviewLine,
    next_review_date,
    overdue_markdown,
    parse_review_period,
    review_report,
)


@pytest.mark.parametrize(
    ("last", "period", "due"),
    [
        (date(2026, 11, 21), "12 months", date(2027, 11, 21)),
        (date(2026, 8, 31), "6 months", date(2027, 2, 28)),
        (date(2024, 2, 29), "1 year", date(2025, 2, 28)),
        (date(2026, 1, 1), "8 weeks", date(2026, 2, 26)),
        (date(2026, 1, 1), "2 Years", date(2028, 1, 1)),
    ],
)
def test_next_review_counts_from_last_reviewed(last, period, due):
    assert next_review_date(last, period, None) == due


def test_a_fixed_next_review_wins():
    assert next_review_date(date(2026, 1, 1), None, date(2026, 3, 1)) == date(2026, 3, 1)


@pytest.mark.parametrize("text", ["yearly", "0 months", "12", "twelve months", "12 fortnights"])
def test_unreadable_periods_say_how_to_write_one(text):
    with pytest.raises(ValueError, match="for example '12 months'"):
        parse_review_period(text)


def test_status_on_either_side_of_the_due_date():
    due = date(2027, 1, 31)
    assert Review(date(2026, 1, 31), due, date(2026, 12, 31)).status == "current"
    assert Review(date(2026, 1, 31), due, date(2027, 1, 1)).status == "due soon"
    assert Review(date(2026, 1, 31), due, due).status == "due soon"
    assert Review(date(2026, 1, 31), due, date(2027, 2, 1)).status == "overdue"


def test_the_build_date_is_the_uk_date():
    # 23:30 UTC on 30 June is already 1 July in London (British Summer Time).
    assert build_date(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)
    assert build_date(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == date(2026, 12, 31)


def test_dates_are_written_in_nhs_style():
    assert long_date(date(2026, 11, 1)) == "1 November 2026"


def line(path, last, due, today, title="Page"):
    return ReviewLine(path, 5, title, "Hub (hub@nhs.net)", Review(last, due, today),
                      url=f"https://hub.example/{path}", edit_url=f"https://github.com/x/edit/{path}")  # fmt: skip


def test_the_overdue_report_is_errors_on_schedule_and_warnings_in_a_pull_request():
    today = date(2026, 11, 21)
    pages = [
        line("docs/a.md", date(2025, 1, 1), date(2026, 1, 1), today, "Old"),
        line("docs/b.md", date(2026, 1, 1), date(2026, 12, 1), today, "Soon"),
        line("docs/c.md", date(2026, 11, 1), date(2027, 11, 1), today, "Fine"),
        line("docs/d.md", date(2025, 11, 20), date(2026, 11, 20), today, "Yesterday"),
    ]
    assert review_report(pages, overdue_is_error=True) == [
        ("error", "docs/a.md:5: 'Old' was due for review on 1 January 2026 (324 days ago; owner: Hub (hub@nhs.net)). "
                  "Check the page is still right, then set last_reviewed to the date you checked it"),
        ("error", "docs/d.md:5: 'Yesterday' was due for review on 20 November 2026 (1 day ago; owner: Hub (hub@nhs.net)). "
                  "Check the page is still right, then set last_reviewed to the date you checked it"),
        ("due soon", "docs/b.md:5: 'Soon' is due for review on 1 December 2026 (in 10 days; owner: Hub (hub@nhs.net))"),
    ]  # fmt: skip
    assert [severity for severity, _ in review_report(pages, overdue_is_error=False)] == [
        "warning",
        "warning",
        "due soon",
    ]


def test_the_issue_body_lists_overdue_pages_with_owners_and_edit_links():
    today = date(2026, 11, 21)
    pages = [
        line("docs/b.md", date(2026, 1, 1), date(2026, 12, 1), today, "Soon"),
        line("docs/a.md", date(2025, 1, 1), date(2026, 1, 1), today, "Old | page"),
    ]
    body = overdue_markdown(pages)
    assert "| [` Old \\| page `](https://hub.example/docs/a.md) | ` Hub (hub@nhs.net) ` | 1 January 2026 | " in body
    assert "[docs/a.md](https://github.com/x/edit/docs/a.md)" in body
    assert "Soon" not in body
    assert overdue_markdown(pages[:1]) == ""


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("@nhs/security please", "` @nhs/security please `"),
        ("See #12 and [a link](https://evil.example) <img src=x onerror=alert(1)>", None),
        ("`code` and ``two``", "``` `code` and ``two`` ```"),
        ("Pipe | in it", "` Pipe \\| in it `"),
    ],
)
def test_titles_and_owners_in_the_issue_are_text_not_markdown(typed, written):
    today = date(2026, 11, 21)
    pages = [line("docs/a.md", date(2025, 1, 1), date(2026, 1, 1), today, typed)]
    body = overdue_markdown(pages)
    row = body.splitlines()[-1]
    title_cell = row.split("](https://hub.example/docs/a.md)")[0].removeprefix("| [")
    assert title_cell == (written or f"` {typed} `")
    # Read back as GitHub would: a code span, whose text is exactly what was typed.
    html = markdown.Markdown(extensions=["tables"]).convert(body)
    assert "<img" not in html and 'href="https://evil.example"' not in html
    assert f"<code>{escape(typed, quote=False)}</code>" in html.replace("\\|", "|")


def make_tree(tmp_path: Path) -> Project:
    docs = tmp_path / "docs"
    (docs / "roles").mkdir(parents=True)
    (docs / "index.md").write_text(
        "---\ndescription: Home.\nowner: Hub\nlast_reviewed: 2026-01-01\nreview_in: 6 months\n---\n\nNo heading.\n"
    )
    (docs / "roles" / "index.md").write_text(
        "---\ndescription: Roles.\nowner: Hub\nlast_reviewed: 2026-11-01\nnext_review: 2027-05-01\n"
        "sources:\n  - title: Source\n    publisher: Publisher\n    url: https://example.org/s\n    checked: 2026-10-30\n---\n\n# The role\n"
    )
    (docs / "broken.md").write_text("---\ndescription: Broken.\n---\n\n# Broken\n")
    return Project(
        root=tmp_path,
        site_url="https://hub.example/",
        hub={"name": "The hub", "repo_url": "https://github.com/o/r"},
        edit_uri="edit/main/docs/",
    )


def test_the_pages_list_has_every_valid_page_with_its_dates_owner_and_sources(tmp_path):
    project = make_tree(tmp_path)
    today = date(2026, 11, 21)
    checks = check_all_pages(project, today)
    document = json.loads(pages_json(project, checks, today))
    assert document["site"] == "The hub"
    assert document["built_on"] == "2026-11-21"
    assert document["pages"] == [
        {
            "title": "The hub",
            "url": "https://hub.example/",
            "path": "docs/index.md",
            "edit_url": "https://github.com/o/r/edit/main/docs/index.md",
            "description": "Home.",
            "owner": "Hub",
            "last_reviewed": "2026-01-01",
            "next_review": "2026-07-01",
            "review_status": "overdue",
            "sources": [],
        },
        {
            "title": "The role",
            "url": "https://hub.example/roles/",
            "path": "docs/roles/index.md",
            "edit_url": "https://github.com/o/r/edit/main/docs/roles/index.md",
            "description": "Roles.",
            "owner": "Hub",
            "last_reviewed": "2026-11-01",
            "next_review": "2027-05-01",
            "review_status": "current",
            "sources": [
                {"title": "Source", "publisher": "Publisher", "url": "https://example.org/s", "checked": "2026-10-30"}
            ],
        },
    ]
    # The broken page is not listed: the build and `make check` refuse it.
    assert [c.path for c in checks if c.problems] == ["docs/broken.md"]
    assert [line.path for line in review_lines(project, checks, today)] == ["docs/index.md", "docs/roles/index.md"]
