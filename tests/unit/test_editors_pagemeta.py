"""Front matter checks: each mistake an editor is likely to make, and the message they see."""

from __future__ import annotations

from datetime import date

import pytest

from macros.core.data_loaders import check_data_files, register_loader
from macros.core.problems import DataFileError, DataProblem
from macros.core.urls import page_url as url_of
from macros.editorial.frontmatter import ALLOWED_KEYS, PLACEHOLDERS, check_page_text, page_title

TODAY = date(2026, 11, 21)

GOOD = """---
title: Recruiting an OT
description: How to recruit an occupational therapist.
owner: Training Hub (hub@nhs.net)
last_reviewed: 2026-01-10
review_in: 12 months
sources:
  - title: A source
    publisher: A publisher
    checked: 2026-01-05
    url: https://example.org/source
---

# Recruiting an OT

Text.
"""


def messages(text: str) -> list[str]:
    return [str(problem) for problem in check_page_text(text, "docs/x.md", TODAY).problems]


def test_a_good_page_has_no_problems():
    check = check_page_text(GOOD, "docs/x.md", TODAY)
    assert check.problems == []
    assert check.meta.owner == "Training Hub (hub@nhs.net)"
    assert check.meta.sources[0].url == "https://example.org/source"


def test_the_allowed_keys_include_what_pages_use():
    for key in (
        "hide",
        "render_macros",
        "title",
        "description",
        "sources",
        "owner",
        "last_reviewed",
        "review_in",
        "next_review",
        "search",
        "status",
    ):
        assert key in ALLOWED_KEYS


def test_missing_owner_names_the_key_and_how_to_add_it():
    (message,) = messages(GOOD.replace("owner: Training Hub (hub@nhs.net)\n", ""))
    assert message.startswith("docs/x.md:1: ")
    assert "the page has no 'owner'" in message
    assert "Add 'owner:' with the team or inbox" in message


def test_missing_review_period_says_how_to_add_one():
    (message,) = messages(GOOD.replace("review_in: 12 months\n", ""))
    assert message.startswith("docs/x.md:1: ")
    assert "the page has no review date. Add 'review_in: 12 months'" in message


def test_a_date_written_the_british_way_is_refused_with_the_line_and_an_example():
    (message,) = messages(GOOD.replace("last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026"))
    assert message.startswith("docs/x.md:5: field 'last_reviewed': '10/01/2026' is not a real date")
    assert "Write it as YYYY-MM-DD" in message


def test_a_date_that_does_not_exist_is_refused():
    (message,) = messages(GOOD.replace("last_reviewed: 2026-01-10", "last_reviewed: 2026-02-30"))
    assert message.startswith("docs/x.md:5: field 'last_reviewed':")
    assert "check the day exists in that month" in message


def test_a_review_date_in_the_future_is_refused():
    (message,) = messages(GOOD.replace("last_reviewed: 2026-01-10", "last_reviewed: 2027-01-10"))
    assert message == (
        "docs/x.md:5: field 'last_reviewed': 2027-01-10 is in the future. Write the date you last "
        "checked the page, today (2026-11-21) or earlier"
    )


def test_a_typo_in_a_key_is_an_error_that_lists_the_allowed_keys():
    # One mistake, one message: not also "the page has no 'last_reviewed'".
    (typo,) = messages(GOOD.replace("last_reviewed:", "last_reviwed:"))
    assert typo.startswith(
        "docs/x.md:5: 'last_reviwed' is not a front matter key we know. Did you mean 'last_reviewed'?"
    )
    assert "The keys allowed are: " + ", ".join(ALLOWED_KEYS) in typo


def test_a_typo_that_matches_no_key_still_reports_the_missing_one():
    found = messages(GOOD.replace("owner:", "who_owns_it:"))
    assert any("'who_owns_it' is not a front matter key we know." in m for m in found)
    assert any("the page has no 'owner'" in m for m in found)


def test_an_unreadable_review_period_says_how_to_write_it():
    (message,) = messages(GOOD.replace("review_in: 12 months", "review_in: yearly"))
    assert message.startswith("docs/x.md:6: field 'review_in': 'yearly' is not a review period we can read")
    assert "'12 months'" in message


def test_a_bare_number_as_review_period_says_to_add_the_unit():
    (message,) = messages(GOOD.replace("review_in: 12 months", "review_in: 12"))
    assert message.startswith("docs/x.md:6: field 'review_in': '12' is not a review period we can read")


def test_review_in_and_next_review_together_are_refused():
    (message,) = messages(GOOD.replace("review_in: 12 months", "review_in: 12 months\nnext_review: 2027-01-01"))
    assert "has both review_in and next_review. Keep one" in message


def test_next_review_must_come_after_last_reviewed():
    (message,) = messages(GOOD.replace("review_in: 12 months", "next_review: 2025-01-01"))
    assert "next_review (2025-01-01) must be after last_reviewed (2026-01-10)" in message


def test_a_page_without_front_matter_is_refused_at_line_1():
    (message,) = messages("# Just a heading\n")
    assert message.startswith("docs/x.md:1: the page has no front matter (an opening '---' line is missing)")


def test_unclosed_front_matter_is_refused():
    (message,) = messages("---\ntitle: x\n\n# Heading\n")
    assert "a closing '---' line is missing" in message


def test_broken_yaml_names_the_line():
    (message,) = messages(GOOD.replace("title: Recruiting an OT", "title: Recruiting: an OT"))
    assert message.startswith("docs/x.md:2: ")
    assert "put text containing a colon in quotes" in message


def test_a_duplicate_key_is_refused():
    (message,) = messages(GOOD.replace("review_in: 12 months", "review_in: 12 months\nowner: Someone else"))
    assert "the key 'owner' appears twice" in message


def test_a_source_url_must_be_a_web_address():
    (message,) = messages(GOOD.replace("https://example.org/source", "www.example.org"))
    assert message.startswith(
        "docs/x.md:11: source 1 (title 'A source'), field 'url': 'www.example.org' is not a web address"
    )


def test_an_unknown_key_in_a_source_lists_the_source_fields():
    missing, unknown = sorted(messages(GOOD.replace("    publisher: A publisher", "    publsher: A publisher")))
    assert unknown.startswith("docs/x.md:9: source 1 (title 'A source'), field 'publsher':")
    assert "title, publisher, url, note" in unknown
    assert missing.startswith(
        "docs/x.md:8: source 1 (title 'A source'), field 'publisher': this required field is missing"
    )


@pytest.mark.parametrize("key", sorted(PLACEHOLDERS))
def test_the_scaffold_example_text_is_refused(key):
    text = GOOD.replace("Text.", "Text.\n\n" + PLACEHOLDERS[key])
    (message,) = messages(text)
    assert message.startswith("docs/x.md:18: the page still has the example text")


def test_page_title_and_url():
    check = check_page_text(GOOD.replace("title: Recruiting an OT\n", ""), "docs/x.md", TODAY)
    assert page_title(check, "Hub") == "Recruiting an OT"
    assert url_of("index.md") == ""
    assert url_of("roles/index.md") == "roles/"
    assert url_of("roles/funding.md") == "roles/funding/"


def test_every_data_file_needs_a_registered_loader(tmp_path, monkeypatch):
    from macros.core import data_loaders

    monkeypatch.setattr(data_loaders, "DATA_LOADERS", {})
    (tmp_path / "glossary.yaml").write_text("terms: []\n")
    (tmp_path / "glosary.yaml").write_text("terms: []\n")

    def broken(path, shown):
        raise DataFileError([DataProblem(shown, 3, "term 1", "it is wrong")])

    register_loader("glossary.yaml", broken)
    register_loader("events.yaml", broken)
    found = [str(p) for p in check_data_files(tmp_path)]
    assert found == [
        "data/glosary.yaml:1: no part of the hub reads this file, so nothing in it would appear on the site. "
        "If you meant data/glossary.yaml, rename the file. The data files the hub reads are: "
        "data/events.yaml, data/glossary.yaml",
        "data/glossary.yaml:3: term 1: it is wrong",
        "data/events.yaml: the file is missing; restore it from the repository",
    ]
    with pytest.raises(ValueError, match="two loaders"):
        register_loader("glossary.yaml", lambda path, shown: None)


def test_the_hub_registers_its_glossary_loader():
    import macros  # noqa: F401 - registration happens on import
    from macros.core.datafiles import DATA_LOADERS

    assert "glossary.yaml" in DATA_LOADERS


# --- a page's review is never earlier than its sources' checks ---------------------------------

REVIEWED_BEFORE_CHECK = """---
title: Recruiting an OT
description: How to recruit an occupational therapist.
owner: Training Hub (hub@nhs.net)
last_reviewed: 2026-11-21
review_in: 12 months
sources:
  - title: Roadmap FAQs
    publisher: NHS England
    url: https://example.org/faqs
    checked: 2026-11-20
  - title: Pay scales
    publisher: NHS Employers
    url: https://example.org/pay
    checked: 2026-12-04
  - title: OTnews
    publisher: RCOT
    note: To find it, ask RCOT.
---

# Recruiting an OT
"""


def review_messages(text: str) -> list[str]:
    return [str(problem) for problem in check_page_text(text, "docs/x.md", date(2026, 12, 7)).problems]


def test_a_page_reviewed_before_its_latest_source_check_is_refused_at_last_reviewed():
    assert review_messages(REVIEWED_BEFORE_CHECK) == [
        "docs/x.md:5: field 'last_reviewed': the page was last reviewed on 2026-11-21, before its source "
        "'Pay scales' was checked on 2026-12-04 (line 15). A checked date means someone read the source that "
        "day and found the page still agrees with it, so the page cannot have been reviewed earlier. Read the "
        "whole page against its sources and set last_reviewed to 2026-12-04 or later; or, if no one read that "
        "source on 2026-12-04, remove its 'checked:' line"
    ]


@pytest.mark.parametrize("last_reviewed", ["2026-12-04", "2026-12-05"])
def test_a_page_reviewed_on_or_after_its_latest_source_check_is_fine(last_reviewed):
    text = REVIEWED_BEFORE_CHECK.replace("last_reviewed: 2026-11-21", f"last_reviewed: {last_reviewed}")
    assert review_messages(text) == []


def test_sources_nobody_checked_set_no_floor_on_the_review_date():
    text = REVIEWED_BEFORE_CHECK.replace("    checked: 2026-12-04\n", "").replace("    checked: 2026-11-20\n", "")
    assert review_messages(text) == []


def test_the_build_hook_refuses_the_same_page_without_a_build_date():
    # hooks/editorial.py checks every page with check_page_text(text, shown), no date given.
    problems = [str(problem) for problem in check_page_text(REVIEWED_BEFORE_CHECK, "docs/x.md").problems]
    assert problems == review_messages(REVIEWED_BEFORE_CHECK)
