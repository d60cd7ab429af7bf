"""The front matter check's edges: each problem compared whole (file, line, entry and
message), the review date against its sources, and the build hook's YAML-only pass
(macros/editorial/frontmatter.py)."""

from __future__ import annotations

from datetime import date

import yaml

from macros.core.problems import DataProblem
from macros.editorial import frontmatter
from macros.editorial.frontmatter import (
    PLACEHOLDERS,
    PageCheck,
    _checked_line,
    _page_problem,
    check_page_file,
    check_page_text,
    page_title,
    review_before_checks,
    unsafe_front_matter,
)
from tests.unit.test_editors_pagemeta import GOOD, TODAY

NO_OPENING = (
    "the page has no front matter (an opening '---' line is missing). Start the page with a '---' line, the keys "
    "(title, description, owner, last_reviewed, review_in), then another '---' line: copy them from CONTRIBUTING.md"
)
ANCHOR = (
    "is a YAML anchor or alias. The hub's files do not use them: write the value out in full where it is needed, "
    "and delete the '&' and '*' names"
)
KEYS = (
    "The keys allowed are: title, description, sources, owner, last_reviewed, review_in, next_review, "
    "render_macros, hide, search, status, template, icon, subtitle."
)


def problems(text: str, today: date | None = TODAY) -> list[DataProblem]:
    return check_page_text(text, "docs/x.md", today).problems


def test_a_page_without_front_matter_keeps_its_text_for_the_title():
    check = check_page_text("# A heading\n\nText\n", "docs/x.md", TODAY)
    assert check.problems == [DataProblem("docs/x.md", 1, "", NO_OPENING)]
    assert check.body == "# A heading\n\nText\n"
    assert page_title(check, "Hub") == "A heading"


def test_each_problem_outside_a_field_names_no_field():
    assert problems("---\n- a\n---\nText\n") == [
        DataProblem("docs/x.md", 2, "", "the front matter must be 'key: value' lines, one a line")
    ]
    assert problems(GOOD.replace("owner:", "ownr:")) == [
        DataProblem("docs/x.md", 4, "", "'ownr' is not a front matter key we know. Did you mean 'owner'? Check its "
                    "spelling or remove it. " + KEYS)
    ]  # fmt: skip
    assert problems(GOOD.replace("owner: Training Hub (hub@nhs.net)\n", "")) == [
        DataProblem("docs/x.md", 1, "", "the page has no 'owner'. Add 'owner:' with the team or inbox that keeps "
                    "this page current, for example 'owner: Primary Care Training Hub (team@nhs.net)'")
    ]  # fmt: skip
    assert problems(GOOD.replace("Text.", PLACEHOLDERS["body"])) == [
        DataProblem("docs/x.md", 16, "", f"the page still has the example text '{PLACEHOLDERS['body']}'. Replace it "
                    "with the page's own text")
    ]  # fmt: skip
    assert problems(GOOD.replace("Text.", "Te\x07xt.")) == [
        DataProblem("docs/x.md", 16, "", "this line holds an invisible control character (U+0007), often pasted "
                    "from another program: delete it and retype the word around it")
    ]  # fmt: skip
    assert problems(GOOD.replace("owner: Training Hub (hub@nhs.net)", "owner: Training Hub: hub")) == [
        DataProblem("docs/x.md", 4, "", "YAML cannot read the ': ' on this line. If the line is an entry of a list "
                    "or menu, it may have lost its '- ' (a dash may be missing); otherwise put text containing a "
                    "colon in quotes, for example title: \"Recruiting: an OT\"")
    ]  # fmt: skip


def test_a_yaml_error_without_a_position_is_put_at_the_first_line(monkeypatch):
    def unreadable(text):
        raise yaml.YAMLError("no position")

    monkeypatch.setattr(frontmatter, "parse_yaml", unreadable)
    (problem,) = problems(GOOD)
    assert (problem.file, problem.line, problem.where) == ("docs/x.md", 1, "")


def test_the_front_matter_read_is_kept_with_each_keys_line():
    check = check_page_text(GOOD, "docs/x.md", TODAY)
    assert check.raw == {
        "title": "Recruiting an OT",
        "description": "How to recruit an occupational therapist.",
        "owner": "Training Hub (hub@nhs.net)",
        "last_reviewed": "2026-01-10",
        "review_in": "12 months",
        "sources": [
            {"title": "A source", "publisher": "A publisher", "checked": "2026-01-05",
             "url": "https://example.org/source"}
        ],
    }  # fmt: skip
    assert check.line_of("last_reviewed") == 5
    assert check.line_of("next_review") == 1
    assert PageCheck("docs/x.md").line_of("last_reviewed") == 1


def test_a_page_reviewed_today_is_not_in_the_future():
    assert problems(GOOD.replace("last_reviewed: 2026-01-10", "last_reviewed: 2026-11-21")) == []


def test_icon_names_are_quoted_whole_up_to_100_characters():
    def icon_message(name: str) -> str:
        (problem,) = problems(GOOD.replace("review_in: 12 months", f"review_in: 12 months\nicon: {name}"))
        return problem.message

    tail = (
        " is not an icon the theme has, so the build would stop. Copy its name from "
        "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/ with '/' for the first '-', for "
        "example 'material/account-group', or delete the line"
    )
    assert icon_message("a" * 100) == "'" + "a" * 100 + "'" + tail
    assert icon_message("a" * 101) == "'" + "a" * 100 + "...'" + tail


SOURCES = """---
title: Recruiting an OT
description: How to recruit an occupational therapist.
owner: Training Hub (hub@nhs.net)
last_reviewed: 2026-01-10
review_in: 12 months
sources:
  - title: First
    publisher: P
    url: https://example.org/1
    checked: {first}
  - title: Second
    publisher: P
    url: https://example.org/2
    checked: {second}
  - title: Third
    publisher: P
    url: https://example.org/3
    checked: {third}
---

Text.
"""


def review_message(first: str, second: str, third: str) -> list[str]:
    text = SOURCES.format(first=first, second=second, third=third)
    return [str(problem) for problem in problems(text)]


def too_early(title: str, checked: str, line: int) -> str:
    return (
        f"docs/x.md:5: field 'last_reviewed': the page was last reviewed on 2026-01-10, before its source '{title}' "
        f"was checked on {checked} (line {line}). A checked date means someone read the source that day and found "
        "the page still agrees with it, so the page cannot have been reviewed earlier. Read the whole page against "
        f"its sources and set last_reviewed to {checked} or later; or, if no one read that source on {checked}, "
        "remove its 'checked:' line"
    )


def test_of_sources_checked_on_the_same_latest_day_the_first_is_named():
    assert review_message("2026-02-01", "2026-03-01", "2026-03-01") == [too_early("Second", "2026-03-01", 15)]


def test_the_source_checked_last_is_named_wherever_it_is_in_the_list():
    assert review_message("2026-03-01", "2026-02-01", "2026-01-05") == [too_early("First", "2026-03-01", 11)]


def test_without_a_node_tree_the_review_problem_gives_no_line_for_the_check():
    meta = check_page_text(SOURCES.format(first="2026-01-01", second="2026-01-02", third="2026-01-03"),
                           "docs/x.md", TODAY).meta  # fmt: skip
    meta = meta.model_copy(update={"last_reviewed": date(2025, 12, 1)})
    assert [str(problem) for problem in review_before_checks(meta, None, "docs/x.md", 5)] == [
        "docs/x.md:5: field 'last_reviewed': the page was last reviewed on 2025-12-01, before its source 'Third' "
        "was checked on 2026-01-03. A checked date means someone read the source that day and found the page still "
        "agrees with it, so the page cannot have been reviewed earlier. Read the whole page against its sources and "
        "set last_reviewed to 2026-01-03 or later; or, if no one read that source on 2026-01-03, remove its "
        "'checked:' line"
    ]


def test_the_line_of_a_sources_check_is_looked_for_in_sources_only():
    nodes = yaml.compose(
        "notes:\n  - checked: 2026-01-01\nsources:\n  - title: A\n    checked: 2026-01-02\nlater: [1, 2, 3]\n"
    )
    assert _checked_line(nodes, 0) == 6  # the page's line: the front matter starts on line 2
    assert _checked_line(nodes, 1) is None
    assert _checked_line(yaml.compose("sources: {a: 1}\n"), 0) is None
    assert _checked_line(yaml.compose("- a\n"), 0) is None


def test_a_page_problem_without_a_line_is_put_at_the_first_line():
    problem = DataProblem("docs/x.md", None, "field 'x'", "m")
    assert _page_problem(problem, {}, PageCheck("docs/x.md")) == DataProblem("docs/x.md", 1, "field 'x'", "m")


def test_a_missing_key_without_its_own_advice_is_asked_for_plainly():
    missing = DataProblem("docs/x.md", 3, "field 'title'", "this required field is missing. Add 'title:' with a value.")
    assert _page_problem(missing, {}, PageCheck("docs/x.md")) == DataProblem(
        "docs/x.md", 1, "", "the page has no 'title'. Add it."
    )


def test_a_page_file_is_checked_against_the_build_date(tmp_path):
    page = tmp_path / "x.md"
    page.write_text(GOOD.replace("last_reviewed: 2026-01-10", "last_reviewed: 2026-11-22"), encoding="utf-8")
    check = check_page_file(page, "docs/x.md", TODAY)
    assert [str(problem) for problem in check.problems] == [
        "docs/x.md:5: field 'last_reviewed': 2026-11-22 is in the future. Write the date you last checked the page, "
        "today (2026-11-21) or earlier"
    ]
    assert check_page_file(page, "docs/x.md").problems == []


def test_a_page_file_that_is_not_text_is_named_with_its_problem(tmp_path):
    page = tmp_path / "x.md"
    page.write_bytes(b"---\ntitle: caf\xe9\n")
    check = check_page_file(page, "docs/x.md", TODAY)
    assert check.path == "docs/x.md"
    assert check.meta is None
    assert [(problem.file, problem.line) for problem in check.problems] == [("docs/x.md", 2)]


def test_the_yaml_only_pass_refuses_anchors_and_leaves_the_rest_to_the_check():
    anchored = GOOD.replace("owner: Training Hub (hub@nhs.net)", "owner: &o Training Hub\nsubtitle: *o")
    expected = [DataProblem("docs/x.md", 4, "", f"'&o' {ANCHOR}"), DataProblem("docs/x.md", 5, "", f"'*o' {ANCHOR}")]
    assert unsafe_front_matter(anchored, "docs/x.md") == expected
    assert unsafe_front_matter(anchored.replace("\n", "\r\n"), "docs/x.md") == expected
    assert unsafe_front_matter(GOOD, "docs/x.md") == []
    assert unsafe_front_matter("# No front matter\n\n&o *o\n", "docs/x.md") == []
    assert unsafe_front_matter(GOOD.replace("owner: Training Hub (hub@nhs.net)", "owner: a: b"), "docs/x.md") == []
    assert unsafe_front_matter(GOOD.replace("owner:", "ownr:"), "docs/x.md") == []
