"""The documents for one practice (every field filled): no employer's note, each page headed
with the employer and job title and numbered "Page X of Y", and the Word file's title and
author naming the employer. The blank template keeps its note and names no employer."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import docx
import pypdf
import pytest

from macros.jobdesc.documents import render_documents
from tests.helpers import PRACTICE_VALUES

INSTANT = datetime(2026, 11, 21, 12, tzinfo=UTC)
HUB = {"name": "OT in Primary Care hub", "organisation": "Gloucestershire Primary Care Training Hub"}
KEY = "is for the employer to fill in or check"
HEADER = "Severn Vale PCN: Primary care occupational therapist"


@pytest.fixture(scope="module")
def filled(job):
    return render_documents(job, HUB, INSTANT, PRACTICE_VALUES, defaults_filled=True)


@pytest.fixture(scope="module")
def blank(job):
    return render_documents(job, HUB, INSTANT)


def pdf_text(content: bytes) -> str:
    """The PDF's text as pypdf reads it back (a reader other than the one that wrote it)."""
    pages = pypdf.PdfReader(io.BytesIO(content)).pages
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in pages))


def test_the_applicants_word_copy_has_no_note_a_header_page_numbers_and_the_employer_as_author(filled):
    word = docx.Document(io.BytesIO(filled.docx))
    body = "\n".join(p.text for p in word.paragraphs)
    assert KEY not in body
    section = word.sections[0]
    assert section.header.paragraphs[0].text == HEADER
    footer = section.footer._element.xml
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    assert section.footer.paragraphs[0].text.startswith("Page ")
    assert word.core_properties.author == "Severn Vale PCN"
    assert word.core_properties.title == "Job description: Primary care occupational therapist, Severn Vale PCN"


def test_the_applicants_pdf_has_no_note_and_each_page_its_header_and_number(filled):
    text = pdf_text(filled.pdf)
    assert KEY not in text
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
    assert pages >= 3
    assert text.count(HEADER) == pages
    assert f"Page {pages} of {pages}" in text


def test_the_blank_template_keeps_the_note_and_names_no_employer(blank):
    word = docx.Document(io.BytesIO(blank.docx))
    assert any(KEY in p.text for p in word.paragraphs)
    assert word.sections[0].header.paragraphs[0].text == "Primary care occupational therapist"
    assert word.core_properties.author == HUB["organisation"]
    assert KEY in pdf_text(blank.pdf)
