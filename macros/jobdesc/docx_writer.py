"""The job description as a Word document (.docx), written with python-docx.

Real Word headings, numbered duties, the person specification as a table whose header
row repeats on each page, and placeholders in [square brackets] highlighted in yellow,
each a run of its own between bookmarks naming its field (see placeholders.py).
The bytes depend only on the content and the given instant: the document's dates come
from it and every zip entry gets the same fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document as new_word_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .content import SECTION_TITLES, SPEC_CAPTION, SPEC_HEADERS, Document, Text
from .placeholders import EMPLOYER_NOTE_BOOKMARK, FieldBookmarks

LANGUAGE = "en-GB"
# The earliest time a zip entry can carry; used when the instant is before 1980.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def render_docx(document: Document, author: str, instant: datetime, language: str = LANGUAGE) -> bytes:
    word = new_word_document()
    marks = FieldBookmarks()  # a bookmark around each field, for the page's Word button
    _set_a4_page(word)
    _set_language(word, language)
    _set_properties(word, document, author, instant, language)

    word.add_heading(document.title, level=0)
    intro = word.add_paragraph(document.source_line)
    intro.runs[0].font.color.rgb = RGBColor(0x4C, 0x62, 0x72)
    if document.placeholders_left:  # the employer's note: not in an applicant's copy
        key = word.add_paragraph("Text in ")
        _highlighted(key.add_run("[square brackets]"))
        key.add_run(" is for the employer to fill in or check.")
        # Named, so the page's "Download your version (Word)" can take the note out once the
        # reader has filled in every placeholder.
        marks.wrap_paragraph(key, EMPLOYER_NOTE_BOOKMARK)
    _header_and_footer(word, document)

    word.add_heading(SECTION_TITLES["post-details"], level=1)
    details = word.add_table(rows=0, cols=2)
    details.style = "Table Grid"
    for label, text in document.post_details:
        cells = details.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        _add_text(cells[1].paragraphs[0], text, marks)
        _shade(cells[0], "F0F4F5")

    word.add_heading(SECTION_TITLES["job-scope"], level=1)
    for paragraph in document.job_scope:
        _add_text(word.add_paragraph(), paragraph, marks)

    # "List Number" paragraphs share one numbering, so the administration duties carry on
    # from the key duties (18 to 20), as in the RCOT original and on the web page.
    word.add_heading(SECTION_TITLES["key-duties"], level=1)
    for duty in document.key_duties:
        _add_text(word.add_paragraph(style="List Number"), duty, marks)
    word.add_heading(SECTION_TITLES["administration"], level=1)
    for duty in document.administration:
        _add_text(word.add_paragraph(style="List Number"), duty, marks)

    word.add_heading(SECTION_TITLES["supervision"], level=1)
    for paragraph in document.supervision:
        _add_text(word.add_paragraph(), paragraph, marks)

    word.add_heading(SECTION_TITLES["person-specification"], level=1)
    word.add_paragraph(SPEC_CAPTION, style="Caption")
    _person_specification(word, document, marks)

    buffer = io.BytesIO()
    word.save(buffer)
    return normalise_zip(buffer.getvalue(), instant)


def _person_specification(word, document: Document, marks: FieldBookmarks) -> None:
    table = word.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, title in zip(header.cells, SPEC_HEADERS, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
        _shade(cell, "E8EDEE")
    for element in document.person_specification:
        row = table.add_row()
        _keep_row_together(row)
        merged = row.cells[0].merge(row.cells[2])
        merged.paragraphs[0].add_run(element.title).bold = True
        _shade(merged, "F0F4F5")
        for criterion in element.rows:
            row = table.add_row()
            _keep_row_together(row)
            _add_text(row.cells[0].paragraphs[0], criterion.text, marks)
            row.cells[1].paragraphs[0].add_run(criterion.kind)
            row.cells[2].paragraphs[0].add_run(criterion.assessed)


def _add_text(paragraph, text: Text, marks: FieldBookmarks) -> None:
    for piece in text:
        run = paragraph.add_run(piece.shown)
        if piece.placeholder:
            _highlighted(run)
        if piece.field:
            marks.wrap(run, piece.field)


def _highlighted(run) -> None:
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.bold = True


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    _keep_row_together(row)


def _keep_row_together(row) -> None:
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)


def _header_and_footer(word, document: Document) -> None:
    """Employer and job title at the top of each page; "Page X of Y" at the foot, from Word's
    PAGE and NUMPAGES fields (Word and LibreOffice work the numbers out when they lay it out)."""
    grey = RGBColor(0x4C, 0x62, 0x72)
    for section in word.sections:
        header = section.header.paragraphs[0]
        header.text = ""
        run = header.add_run(document.running_header)
        run.font.size, run.font.color.rgb = Pt(8), grey
        footer = section.footer.paragraphs[0]
        footer.text = ""
        for part in ("Page ", "PAGE", " of ", "NUMPAGES"):
            if part.isupper():
                field = OxmlElement("w:fldSimple")
                field.set(qn("w:instr"), f" {part} ")
                inner = OxmlElement("w:r")
                text = OxmlElement("w:t")
                text.text = "1"
                inner.append(text)
                field.append(inner)
                footer._p.append(field)
            else:
                words = footer.add_run(part)
                words.font.size, words.font.color.rgb = Pt(8), grey


def _set_a4_page(word) -> None:
    """python-docx's default template is US Letter: NHS documents print on A4."""
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)


def _set_language(word, language: str) -> None:
    """Set the language of every style's text (docDefaults), so Word spell-checks in UK English."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)
    normal = word.styles["Normal"].font
    normal.name = "Arial"
    normal.size = Pt(11)


# Word's document properties hold at most 255 characters each (python-docx refuses more);
# the document itself holds the whole text.
PROPERTY_LIMIT = 255


def _property_text(value: str) -> str:
    """A document property: one line, cut to Word's limit with an ellipsis."""
    text = " ".join(value.split())
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "\u2026"


def _set_properties(word, document: Document, author: str, instant: datetime, language: str) -> None:
    properties = word.core_properties
    moment = instant.replace(tzinfo=None, microsecond=0)
    # Filled in for one employer, the document's title and author name it.
    properties.title = _property_text(f"{document.title}, {document.employer}" if document.employer else document.title)
    properties.subject = "Job description and person specification"
    properties.author = _property_text(document.employer or author)
    properties.last_modified_by = _property_text(document.employer or author)
    properties.language = language
    properties.keywords = "job description; person specification; occupational therapist; primary care"
    properties.comments = _property_text(document.source_line.split(". ")[0] + ".")
    properties.category = "Recruitment"
    properties.revision = 1
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment


def normalise_zip(data: bytes, instant: datetime) -> bytes:
    """Rewrite a zip with every entry stamped with `instant` (python-docx stamps them with
    the wall clock), in the same order, so the same content gives the same bytes."""
    stamp = max((instant.year, instant.month, instant.day, instant.hour, instant.minute, instant.second), _ZIP_EPOCH)
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(entry.filename))
    return output.getvalue()
