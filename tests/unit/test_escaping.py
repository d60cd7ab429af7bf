"""The escaping rules (macros/core/escaping.py): any text in, the same text out as a reader
sees it, with no markup made from it. Property-based: hypothesis writes the text."""

from __future__ import annotations

import json
import re

import lxml.html
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from macros.core.escaping import (
    html_from_markdown,
    markdown_inline_text,
    page_title_html,
    script_json,
    text_as_html,
)

# Text an editor could type: any character XML allows (HTML parsers drop the rest), with
# the characters that matter here made likely.
SPECIAL = st.sampled_from(list("<>&\"'`*_[]()#{}!|\\-.+=/;:") + ["\r\n", "\n", "\u202e", "\u200b", "ŵ", "🏴"])
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00\ufeff")
TEXT = st.lists(
    st.one_of(SPECIAL, CHARACTERS, st.sampled_from(["<script>", "{{ 7*7 }}", "&amp;", "](x)"])), max_size=40
).map("".join)
PROPERTIES = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

HUB_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]


def shown(text: str) -> str:
    """What a browser shows: HTML parsing turns CR LF and CR into LF; runs of white space are one space."""
    return " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split())


def parsed_text(html: str) -> tuple[str, list[str]]:
    """The text an HTML parser reads from `html` inside an element, and the elements it made."""
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    return root.text_content(), [element.tag for element in root.iter() if element is not root]


@PROPERTIES
@given(TEXT)
def test_text_as_html_is_read_back_as_the_same_text(text):
    html = text_as_html(text)
    assert isinstance(html, Markup)
    content, elements = parsed_text(str(html))
    assert elements == []
    assert shown(content) == shown(text)


@PROPERTIES
@given(TEXT)
def test_text_as_html_in_an_attribute_stays_in_the_attribute(text):
    root = lxml.html.fragment_fromstring(f'<div><meta content="{text_as_html(text)}" name="x"></div>')
    (meta,) = root.iter("meta")
    assert sorted(meta.attrib) == ["content", "name"]
    assert shown(meta.get("content")) == shown(text)


def test_markup_is_kept_and_numbers_become_text():
    assert text_as_html(Markup("<em>x</em>")) == "<em>x</em>"
    assert text_as_html(2026) == "2026"
    assert html_from_markdown("Q&amp;A") == Markup("Q&amp;A")


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ({"navigation": "Q&A", "front_matter": "Other", "heading": "Third"}, "Q&amp;A"),
        ({"front_matter": "<under 5> & nurses", "heading": "Heading"}, "&lt;under 5&gt; &amp; nurses"),
        ({"heading": "Q&amp;A for GPs"}, "Q&amp;A for GPs"),  # already HTML: not escaped twice
        ({"fallback": "File <name>"}, "File &lt;name&gt;"),
        ({}, None),
    ],
)
def test_a_page_title_is_html_whichever_source_gave_it(sources, expected):
    assert page_title_html(**sources) == expected


@PROPERTIES
@given(TEXT)
def test_markdown_inline_text_shows_as_typed_in_a_heading(text):
    md = markdown.Markdown(extensions=HUB_EXTENSIONS)
    html = md.convert(f"## Step 1: {markdown_inline_text(text)} {{ #step }}")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    headings = list(root.iter("h2"))
    assert len(headings) == 1 and headings[0].get("id") == "step"
    assert [element.tag for element in headings[0].iter()] == ["h2"]  # no link, emphasis, code or HTML
    assert sorted(headings[0].attrib) == ["id"]
    assert shown(headings[0].text_content()) == shown(f"Step 1: {text}")


@PROPERTIES
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
        max_leaves=12,
    )
)
def test_script_json_cannot_leave_its_script_element(data):
    text = script_json(data)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    root = lxml.html.document_fromstring(f'<html><body><script type="application/ld+json">{text}</script><p>after</p>')
    scripts = list(root.iter("script"))
    assert len(scripts) == 1
    assert json.loads(scripts[0].text) == data


@PROPERTIES
@given(TEXT.filter(lambda text: text.strip() and text.strip() not in {"''", '""'}))
def test_a_glossary_tooltip_is_one_definition_whatever_it_holds(stands_for):
    from macros.glossary.terms import Glossary, Term, abbreviation_definitions

    # Built without validation: this is the last line of defence, whatever the data rules let through.
    term = Term.model_construct(term="ARRS", stands_for=stands_for, also=["AR"], meaning="", tooltip=True)
    glossary = Glossary.model_construct(terms=[term])
    md = markdown.Markdown(extensions=HUB_EXTENSIONS)
    html = md.convert("The ARRS and AR.\n\n" + abbreviation_definitions(glossary))
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [element.tag for element in root.iter()] == ["div", "p", "abbr", "abbr"]  # nothing after the paragraph
    assert {shown(abbr.get("title")) for abbr in root.iter("abbr")} == {shown(stands_for)}


def test_word_document_properties_are_one_line_and_within_words_limit():
    from macros.jobdesc.docx_writer import PROPERTY_LIMIT, _property_text

    assert _property_text("Primary care\r\noccupational therapist") == "Primary care occupational therapist"
    long = _property_text("ŵ" * 10_000)
    assert len(long) == PROPERTY_LIMIT and long.endswith("\u2026")
