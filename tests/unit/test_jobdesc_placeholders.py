"""The Word document's placeholder map: it matches the document the build writes (every
bookmarked placeholder is in the map and every one in the map is in the document).
The page's script that fills it in is tested in Node: tests/e2e/test_jobdesc_word_script.py."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from macros.jobdesc.content import build_document
from macros.jobdesc.documents import DOCX_PATH, FIELDS_MAP_PATH
from macros.jobdesc.docx_writer import render_docx
from macros.jobdesc.models import FIELD_NAMES
from macros.jobdesc.placeholders import DOCUMENT_PART, EMPLOYER_NOTE_BOOKMARK, placeholder_map, placeholder_map_json

ROOT = Path(__file__).resolve().parents[2]
INSTANT = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAME = DOCX_PATH.rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def template_docx(template):
    return render_docx(template, author="Test Training Hub", instant=INSTANT)


def bookmarked_runs(content: bytes) -> dict[str, str]:
    """Each jd_ bookmark in word/document.xml and the text of the one run it holds."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(content)).read(DOCUMENT_PART))
    found = {}
    ids = [start.get(f"{W}id") for start in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids)), "bookmark ids must be unique"
    for start in body.iter(f"{W}bookmarkStart"):
        name = start.get(f"{W}name")
        if name == EMPLOYER_NOTE_BOOKMARK:  # around the employer's note paragraph, not a field
            continue
        run, end = start.getnext(), start.getnext().getnext()
        assert run.tag == f"{W}r", name
        assert end.tag == f"{W}bookmarkEnd" and end.get(f"{W}id") == start.get(f"{W}id"), name
        assert name not in found, f"{name} twice"
        found[name] = "".join(run.itertext())
    return found


def highlighted_runs(content: bytes) -> list:
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(content)).read(DOCUMENT_PART))
    return [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]


def test_every_placeholder_in_the_document_is_in_the_map_and_every_one_in_the_map_is_in_it(template, template_docx):
    fields_map = placeholder_map(template, NAME)
    in_map = {
        bookmark: (field, entry["placeholder"])
        for field, entry in fields_map["fields"].items()
        for bookmark in entry["bookmarks"]
    }
    in_document = bookmarked_runs(template_docx)
    assert set(in_document) == set(in_map)
    for bookmark, (field, placeholder) in in_map.items():
        assert bookmark.startswith(f"jd_{field}_")
        assert in_document[bookmark] == placeholder, bookmark
    # Every highlighted run is a bookmarked placeholder, except the key that explains them.
    highlighted = [r for r in highlighted_runs(template_docx) if "".join(r.itertext()) != "[square brackets]"]
    assert len(highlighted) == len(in_document)
    for run in highlighted:
        previous = run.getprevious()
        assert previous is not None and previous.tag == f"{W}bookmarkStart", "".join(run.itertext())
    # Every field the data file uses has its entry, with the placeholder the page shows.
    assert list(fields_map["fields"]) == [f for f in FIELD_NAMES if f in fields_map["fields"]]
    assert set(fields_map["fields"]) == set(FIELD_NAMES)
    assert fields_map["fields"]["employer"]["placeholder"] == "[Employing practice or primary care network]"
    assert len(fields_map["fields"]["employer"]["bookmarks"]) == 2  # post details and job scope


def test_the_map_names_the_document_beside_it_and_is_deterministic(template):
    assert FIELDS_MAP_PATH.rsplit("/", 1)[0] == DOCX_PATH.rsplit("/", 1)[0]
    first = placeholder_map_json(template, NAME)
    assert first == placeholder_map_json(template, NAME)
    parsed = json.loads(first)
    assert parsed["document"] == "primary-care-ot-job-description.docx" and parsed["part"] == "word/document.xml"


def test_filled_fields_keep_their_bookmarks_without_the_highlight(job):
    given = {"employer": "Severn Vale PCN", "base": "Tewkesbury"}
    document = build_document(job, given)
    content = render_docx(document, author="hub", instant=INSTANT)
    fields_map = placeholder_map(document, NAME)
    runs = bookmarked_runs(content)
    assert [runs[b] for b in fields_map["fields"]["employer"]["bookmarks"]] == ["Severn Vale PCN"] * 2
    assert fields_map["fields"]["base"]["placeholder"] == "Tewkesbury"
    assert "Tewkesbury" not in {"".join(r.itertext()) for r in highlighted_runs(content)}
