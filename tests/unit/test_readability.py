"""macros/editorial/readability.py: what is scored, how sentences are split, and the warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.editorial.readability import (
    FEWEST_WORDS_SCORED,
    LONGEST_SENTENCE,
    READING_EASE_FLOOR,
    nav_pages,
    page_readability,
    prose_blocks,
    readability_warnings,
    rendered_readability,
    sentences,
)

ROOT = Path(__file__).resolve().parents[2]

PAGE = """\
---
title: A page
description: Front matter words are not scored at all, however long this line may be.
---
# Can we employ an OT?

Yes. Read [the funding page](roles/funding.md) first.

{{ figure_note("afc-band-7-england") }}

| Point | Pay |
|---|---|
| Entry | £47,810 |

```yaml
code: is not prose
```

<div class="hub-panel" markdown>

- a list item without a full stop
- **another** item

</div>

!!! note "Sources differ"
    One hub says April 2021.
"""


def test_front_matter_code_tables_html_and_macros_are_not_scored():
    text = " ".join(block.text for block in prose_blocks(PAGE))
    for gone in ("Front matter", "figure_note", "£47,810", "Entry", "code:", "hub-panel", "roles/funding.md", "**"):
        assert gone not in text, gone
    assert "the funding page" in text


def test_headings_list_items_and_admonition_titles_are_sentences_of_their_own():
    found = sentences(prose_blocks(PAGE))
    assert found == [
        (5, "Can we employ an OT?"),
        (7, "Yes."),
        (7, "Read the funding page first."),
        (21, "a list item without a full stop"),
        (22, "another item"),
        (26, "Sources differ"),
        (27, "One hub says April 2021."),
    ]


def test_plain_short_sentences_score_high_and_long_hard_ones_low():
    easy = page_readability("We pay you back. You pick the role. It is quick to do.\n")
    hard = page_readability(
        "Organisational considerations regarding multidisciplinary reimbursement necessitate "
        "comprehensive understanding of contractual specifications, particularly concerning "
        "administrative responsibilities and professional accountability.\n"
    )
    assert easy.reading_ease > 90
    assert hard.reading_ease < 0
    assert [s.words for s in hard.long_sentences] == []  # 16 words: hard, but not long


def test_a_sentence_over_the_limit_is_reported_with_its_line_and_first_words():
    long_sentence = " ".join(["word"] * (LONGEST_SENTENCE + 1)) + "."
    just_right = " ".join(["word"] * LONGEST_SENTENCE) + "."
    report = page_readability(f"# Title\n\n{just_right}\n\nIntro.\n{long_sentence}\n")
    assert [(s.line, s.words, s.start) for s in report.long_sentences] == [(5, 26, "word word word word word word")]
    warnings = readability_warnings("docs/x.md", report)
    assert warnings == [
        (
            "docs/x.md",
            5,
            'a sentence of 26 words ("word word word word word word ..."): keep sentences to 25 words or '
            "fewer, for example by splitting it in two",
        )
    ]


HARD = "Organisational reimbursement necessitates comprehensive contractual understanding. "


def test_a_page_below_the_floor_is_warned_about():
    hard = page_readability(HARD * 6 + "\n")
    assert hard.words == 36 >= FEWEST_WORDS_SCORED
    warnings = readability_warnings("docs/hard.md", hard)
    assert len(warnings) == 1 and warnings[0][:2] == ("docs/hard.md", 1)
    assert f"below the hub's floor of {READING_EASE_FLOOR}" in warnings[0][2]


def test_a_page_with_too_few_words_to_score_is_not_held_to_the_floor():
    assert readability_warnings("docs/empty.md", page_readability("---\ntitle: x\n---\n")) == []
    short = page_readability(HARD * 4 + "\n")
    assert short.reading_ease < READING_EASE_FLOOR and short.words < FEWEST_WORDS_SCORED
    assert readability_warnings("docs/short.md", short) == []


def test_nav_pages_flattens_the_menu():
    nav = [
        {"Home": "index.md"},
        {"The role": ["roles/index.md", {"ARRS": "roles/funding.md"}]},
        {"Site": "https://x.org/"},
    ]
    assert nav_pages(nav) == ["index.md", "roles/index.md", "roles/funding.md"]


def _hub_nav() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return nav_pages(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"])  # noqa: S506


@pytest.mark.parametrize("page", _hub_nav())
def test_every_page_in_the_menu_reaches_the_floor(page):
    # The job description's own formal text comes from data/job_description.yaml through a
    # macro, so only its page introduction is scored here.
    report = page_readability((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert report.reading_ease >= READING_EASE_FLOOR, f"{page} scores {report.reading_ease}"


INTRO = "<h1>Job description</h1><p>Use it as it is. Change it to suit the post. It is free to use.</p>"
FORMAL = (
    "<p>The postholder will demonstrate comprehensive understanding of multidisciplinary organisational "
    "responsibilities, professional accountability and interdisciplinary communication.</p>"
)


def test_the_job_descriptions_formal_text_is_not_scored_on_the_built_page():
    """The floor exempts the job description's own text (data/job_description.yaml): only the page's
    introduction is scored, so `make check` does not warn about a score no editor can raise."""
    exempt = f'<article>{INTRO}<div class="jd-document">{FORMAL * 5}</div></article>'
    scored = f"<article>{INTRO}<div>{FORMAL * 5}</div></article>"
    intro_only = rendered_readability(f"<article>{INTRO}</article>", "")
    assert rendered_readability(exempt, "") == intro_only
    assert rendered_readability(scored, "").reading_ease < READING_EASE_FLOOR <= intro_only.reading_ease
    # The class is the one the job description's page is built in.
    assert '<div class="jd-document" markdown="1">' in (ROOT / "macros/jobdesc/content.py").read_text(encoding="utf-8")
