"""Where the template fields' placeholders are in the Word document, for the page's
"Download your version (Word)" button.

docx_writer writes each field as a run of its own, between a bookmark named after the
field (`jd_employer_1`, `jd_employer_2`, ...). The build publishes, next to the .docx, a
small JSON map: for each field, its placeholder text and its bookmarks, and the
document's file name. The page's script (overrides/assets/javascripts/job-description-word.js)
fetches both, puts the reader's text in place of each filled placeholder's run and zips
the document again. Bookmarks rather than content controls: python-docx, docx2txt and
most readers see a bookmarked run as ordinary text, while the text inside an inline
content control is invisible to python-docx's `paragraph.text`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .content import Document, Text

BOOKMARK_PREFIX = "jd_"
# The part of the .docx that holds the text: the one the page's script rewrites.
DOCUMENT_PART = "word/document.xml"


def bookmark_name(field: str, occurrence: int) -> str:
    """`jd_employer_2`: letters, digits and underscores, under Word's 40 characters."""
    return f"{BOOKMARK_PREFIX}{field}_{occurrence}"


class FieldBookmarks:
    """Numbers the bookmarks of one document: ids from 1, occurrences per field from 1,
    in the order the writer meets them, so the same document gives the same names."""

    def __init__(self) -> None:
        self._next_id = 1
        self.names: dict[str, list[str]] = {}

    def wrap_paragraph(self, paragraph, name: str) -> None:
        """Put a bookmark called `name` around a whole paragraph's runs."""
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._next_id))
        self._next_id += 1
        paragraph.runs[0]._r.addprevious(start)
        paragraph.runs[-1]._r.addnext(end)

    def wrap(self, run, field: str) -> str:
        """Put a bookmark around `run` (already in its paragraph) and return its name."""
        names = self.names.setdefault(field, [])
        name = bookmark_name(field, len(names) + 1)
        names.append(name)
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._next_id))
        self._next_id += 1
        run.element.addprevious(start)
        run.element.addnext(end)
        return name


# The bookmark around the employer's note ("Text in [square brackets] is for the employer to
# fill in or check"): the page's script removes that paragraph when no placeholder is left.
EMPLOYER_NOTE_BOOKMARK = "jd_note_for_employer"


def document_texts(document: Document) -> Iterator[Text]:
    """Every text of the document that can hold a field, in the order docx_writer writes them."""
    for _label, text in document.post_details:
        yield text
    yield from document.job_scope
    yield from document.key_duties
    yield from document.administration
    yield from document.supervision
    for element in document.person_specification:
        for row in element.rows:
            yield row.text


def placeholder_map(document: Document, document_name: str) -> dict:
    """The map the page needs: the document's file name and, for each field, its label,
    its placeholder as the document shows it and the bookmarks around each occurrence."""
    counts: dict[str, int] = {}
    for text in document_texts(document):
        for piece in text:
            if piece.field:
                counts[piece.field] = counts.get(piece.field, 0) + 1
    fields = {}
    for name, piece in document.values.items():
        if name in counts:
            fields[name] = {
                "placeholder": piece.shown,
                "bookmarks": [bookmark_name(name, n) for n in range(1, counts[name] + 1)],
            }
    return {"document": document_name, "part": DOCUMENT_PART, "fields": fields}


def placeholder_map_json(document: Document, document_name: str) -> bytes:
    """The map as UTF-8 JSON: the same document gives the same bytes."""
    text = json.dumps(placeholder_map(document, document_name), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
