"""Sources not checked for 12 months, and readability scored on what the reader sees."""

from __future__ import annotations

from datetime import date

from macros.editorial.readability import page_readability, rendered_blocks, rendered_readability
from macros.editorial.source_ages import stale_sources

PAGE = """---
title: A page
sources:
  - title: Old
    publisher: Someone
    checked: 2025-12-03
  - title: Recent
    publisher: Someone else
    checked: 2025-12-04
---
# A page

```yaml
checked: 2020-01-01
```
"""


def test_a_source_checked_more_than_12_months_ago_is_named_with_its_line():
    found = stale_sources(PAGE, "docs/a.md", date(2026, 12, 4), front_matter_only=True)
    assert [(file, line) for file, line, _ in found] == [("docs/a.md", 6)]
    assert "last checked on 3 December 2025, more than 12 months ago" in found[0][2]


def test_exactly_12_months_is_not_yet_stale_and_the_page_body_is_not_read():
    assert stale_sources(PAGE, "docs/a.md", date(2026, 12, 3), front_matter_only=True) == []


def test_in_a_data_file_every_checked_line_counts_and_a_broken_date_is_left_to_validation():
    data = "sources:\n  - id: a\n    checked: 2024-01-01\n  - id: b\n    checked: 2024-02-30\n"
    found = stale_sources(data, "data/x.yaml", date(2026, 12, 4), front_matter_only=False)
    assert [(file, line) for file, line, _ in found] == [("data/x.yaml", 3)]


BUILT = """<html><body><nav><p>Menu words are not the page's text at all here.</p></nav>
<article class="md-content__inner md-typeset"><h1 id="x">Supervision<a class="headerlink" href="#x">&para;</a></h1>
<p>An OT needs a supervisor.</p>
<ul class="hub-routes"><li>a GP</li><li>a full member of the Musculoskeletal Association of Chartered
Physiotherapists, with consideration of interprofessional competencies</li></ul>
<div hidden><p>Hidden words never shown.</p></div>
<pre><code>checked: 2026-12-04</code></pre>
<aside class="hub-source"><ul><li>Occupational Therapists, Gloucestershire Primary Care Workforce Centre</li></ul></aside>
</article></body></html>"""


def test_the_built_page_gives_the_blocks_a_reader_sees_including_text_from_data():
    blocks = [block.text for block in rendered_blocks(BUILT)]
    assert blocks == [
        "Supervision",
        "An OT needs a supervisor.",
        "a GP",
        "a full member of the Musculoskeletal Association of Chartered Physiotherapists, with consideration of "
        "interprofessional competencies",
    ]


def test_text_a_macro_puts_on_the_page_changes_the_score():
    markdown = "# Supervision\n\nAn OT needs a supervisor.\n\n{{ supervisor_routes_list() }}\n"
    from_markdown = page_readability(markdown)
    as_read = rendered_readability(BUILT, markdown)
    assert as_read.words > from_markdown.words
    assert as_read.reading_ease < from_markdown.reading_ease
