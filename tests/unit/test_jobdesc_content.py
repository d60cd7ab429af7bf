"""The job description's content (macros/jobdesc/content.py) as a practice meets it on the
page: the person specification's rows, the form's fields, the page's Markdown and the
print document. Each test builds its own document: a shared fixture would hide from
mutation testing which test needs which line."""

from __future__ import annotations

import re

import pytest

from macros.jobdesc.content import (
    SECTIONS,
    assessed_words,
    build_document,
    form_html,
    format_field_value,
    page_document_markdown,
    print_html,
    resolve_fields,
    section_html,
)
from macros.jobdesc.models import FIELD_NAMES


def test_only_the_closing_date_is_read_as_a_date():
    assert format_field_value("hours", "2027-01-31") == "2027-01-31"
    assert format_field_value("closing_date", "2027-01-31") == "31 January 2027"


def test_an_unknown_field_names_every_field_there_is(job):
    with pytest.raises(ValueError) as refused:
        resolve_fields(job, {"practice": "X"})
    assert str(refused.value) == f"unknown field 'practice': the fields are {', '.join(FIELD_NAMES)}"


def test_ways_of_assessing_read_in_a_fixed_order_as_one_phrase():
    assert assessed_words(["interview", "application"]) == "Application, interview"
    assert assessed_words(["references", "interview", "application"]) == "Application, interview, references"
    assert assessed_words(["interview"]) == "Interview"


def test_each_criterion_is_essential_or_desirable_with_how_it_is_assessed(job):
    document = build_document(job)
    first = document.person_specification[0]
    spec = job.person_specification[0]
    assert (first.id, first.title) == (spec.id, spec.title)
    kinds = [row.kind for row in first.rows]
    assert kinds == ["Essential"] * len(spec.essential) + ["Desirable"] * len(spec.desirable)
    assert first.rows[0].assessed == assessed_words(spec.essential[0].assessed)
    assert all(row.assessed for element in document.person_specification for row in element.rows)


def test_the_specification_table_has_its_caption_headers_and_one_body_per_element(job):
    html = section_html(build_document(job), "person-specification")
    assert "<caption>Person specification: essential and desirable criteria, and how each is assessed</caption>" in html
    assert '<th scope="col">Criterion</th><th scope="col">Essential or desirable</th>' in html
    assert html.count("<tbody id=") == len(job.person_specification)
    assert "<td>Essential</td>" in html and "<td>Desirable</td>" in html


def test_the_page_markdown_wraps_every_section_heading_in_the_document_block(job):
    markdown = page_document_markdown(build_document(job))
    lines = markdown.split("\n")
    assert lines[:2] == ['<div class="jd-document" markdown="1">', ""]
    assert lines[-1] == "</div>"
    for section_id, title in SECTIONS:
        heading = lines.index(f"## {title} {{#{section_id}}}")
        assert lines[heading - 1] == "" and lines[heading + 1] == ""  # Markdown needs the blank lines
    assert "XX" not in markdown


def test_the_form_asks_for_every_field_given_in_order_with_its_label(job):
    html = form_html(job, FIELD_NAMES)
    names = re.findall(r'<input id="jd-([a-z_]+)" name="\1"', html)
    assert names == [name for name in FIELD_NAMES if name != "closing_date"]
    for name in FIELD_NAMES:
        assert f">{getattr(job.fields, name).label}</" in html
    assert "data-jd-word" not in html and "<script" not in html


def test_the_form_offers_the_word_download_only_with_its_map_and_script(job):
    html = form_html(job, ("employer",), word_map="downloads/map.json", word_script="assets/word.js")
    assert 'data-jd-word="downloads/map.json"' in html
    assert '<script src="assets/word.js" defer></script>' in html
    assert html.count("<input id=") == 1
    assert "data-jd-word" not in form_html(job, ("employer",), word_map="downloads/map.json")


def test_the_print_document_carries_its_language_dates_and_every_section(job):
    html = print_html(build_document(job), {"name": "Hub", "organisation": "Org"}, "2026-12-04T00:00:00Z", "en-GB")
    assert '<html lang="en-GB">' in html
    assert '<meta name="dcterms.created" content="2026-12-04T00:00:00Z">' in html
    assert '<meta name="author" content="Org">' in html
    for _, title in SECTIONS:
        assert title in html


def test_the_print_document_is_british_english_unless_told_and_opens_with_the_intro(job):
    document = build_document(job)
    html = print_html(document, {"name": "Hub", "organisation": "Org"}, "2026-12-04T00:00:00Z")
    assert '<html lang="en-GB">' in html
    assert '<meta name="generator" content="Hub">' in html
    intro = html.index(document.source_line.split("\u201c")[0])
    assert intro < html.index(SECTIONS[0][1])
