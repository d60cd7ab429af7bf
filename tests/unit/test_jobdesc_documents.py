"""The job description's rendering: placeholders, the page's HTML, the Word document read back
with python-docx, the PDF read back with pypdf, the cache and the command."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pypdf
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from markupsafe import escape

from macros.jobdesc import adapt as jobdesc_adapt
from macros.jobdesc import documents as jobdesc_documents
from macros.jobdesc.content import (
    SECTIONS,
    build_document,
    format_field_value,
    page_document_markdown,
    resolve_fields,
)
from macros.jobdesc.docx_writer import render_docx
from macros.jobdesc.pdf_writer import render_pdf
from tests.helpers import ONE_MB

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "job_description.yaml"
INSTANT = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
HUB = {"name": "Test hub", "organisation": "Test Training Hub"}
ADAPTED = {
    "employer": "Severn Vale PCN",
    "hours": "22.5 hours a week",
    "wte": "0.6",
    "closing_date": "2027-01-31",
    "contact": "Sam Patel, practice manager, sam.patel@nhs.net",
}


@pytest.fixture(scope="module")
def adapted(job):
    return build_document(job, ADAPTED, defaults_filled=True)


def rendered(document_fixture: str, render):
    """A module fixture: the document of `document_fixture`, rendered once by `render`."""

    @pytest.fixture(scope="module")
    def fixture(request):
        return render(request.getfixturevalue(document_fixture))

    return fixture


def as_docx(document) -> bytes:
    return render_docx(document, author=HUB["organisation"], instant=INSTANT)


def as_pdf(document) -> bytes:
    return render_pdf(document, hub=HUB, instant=INSTANT)


template_docx = rendered("template", as_docx)
template_pdf = rendered("template", as_pdf)
adapted_docx = rendered("adapted", as_docx)
adapted_pdf = rendered("adapted", as_pdf)


def words(text: str) -> str:
    """Whitespace collapsed and hyphenation line breaks joined, for comparing extracted text."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(content: bytes) -> str:
    """The PDF's text as pypdf reads it back (a reader other than the one that wrote it)."""
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


# --- fields ---------------------------------------------------------------------------


def test_the_template_shows_every_field_as_a_bracketed_placeholder(job):
    values = resolve_fields(job)
    assert values["employer"].shown == "[Employing practice or primary care network]"
    assert values["hours"].shown == "[37.5 hours a week]"  # a default is still marked, to check
    assert all(piece.placeholder for piece in values.values())


def test_given_values_fill_fields_and_defaults_can_count_as_filled(job):
    values = resolve_fields(job, {"employer": "  Severn   Vale PCN "})
    assert values["employer"].shown == "Severn Vale PCN" and not values["employer"].placeholder
    assert values["band"].placeholder
    filled = resolve_fields(job, {"employer": "X"}, defaults_filled=True)
    assert filled["band"].shown == "7" and not filled["band"].placeholder
    assert filled["base"].shown == "[Base]"  # no default: still a placeholder


def test_an_unknown_field_value_is_refused(job):
    with pytest.raises(ValueError, match="unknown field 'practice'"):
        resolve_fields(job, {"practice": "X"})


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2027-01-31", "31 January 2027"), ("2027-02-30", "2027-02-30"), ("Friday 5pm", "Friday 5pm")],
)
def test_a_closing_date_reads_as_a_date(value, shown):
    assert format_field_value("closing_date", value) == shown


# --- the page's HTML ------------------------------------------------------------------


def test_the_page_has_each_section_with_an_anchor_and_every_duty_once(job, template):
    markdown = page_document_markdown(template)
    for anchor, title in SECTIONS:
        assert f"## {title} {{#{anchor}}}" in markdown
    for duty in job.key_duties + job.administration_and_professional:
        assert markdown.count(str(escape(duty))) == 1, duty
    assert '<ol class="jd-duties" start="18">' in markdown


def test_the_person_specification_is_an_accessible_table(job, template):
    markdown = page_document_markdown(template)
    table = markdown.split('<table class="jd-spec">', 1)[1].split("</table>", 1)[0]
    assert "<caption>" in table
    assert table.count('<th scope="col">') == 3
    assert table.count('<th scope="rowgroup" colspan="3">') == 5
    rows = sum(len(e.essential) + len(e.desirable) for e in job.person_specification)
    assert table.count("<tr><td>") == rows


def test_placeholders_on_the_page_are_marked_spans_and_text_is_escaped(job):
    document = build_document(job.model_copy(update={"key_duties": ["Duties <b>& more</b> at {base}"]}))
    markdown = page_document_markdown(document)
    assert "Duties &lt;b&gt;&amp; more&lt;/b&gt; at " in markdown
    assert '<span class="jd-field jd-field--empty" data-field="base">[Base]</span>' in markdown


# --- Word -----------------------------------------------------------------------------


def test_the_word_document_has_real_headings_in_order(template_docx):
    word = docx.Document(io.BytesIO(template_docx))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [("Title", "Job description: Primary care occupational therapist")] + [
        ("Heading 1", title) for _, title in SECTIONS
    ]


def test_the_word_document_numbers_every_duty_in_order(job, template_docx):
    word = docx.Document(io.BytesIO(template_docx))
    numbered = [p.text for p in word.paragraphs if p.style.name == "List Number"]
    assert numbered == job.key_duties + job.administration_and_professional
    style = word.styles["List Number"]
    assert style.element.pPr.numPr is not None  # Word numbers them, not typed digits


def test_the_word_person_specification_is_a_table_with_a_repeating_header_row(job, template_docx):
    word = docx.Document(io.BytesIO(template_docx))
    table = word.tables[-1]
    header = table.rows[0]
    assert [cell.text for cell in header.cells] == ["Criterion", "Essential or desirable", "How assessed"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    expected = []
    for element in job.person_specification:
        expected.append((element.title,) * 3)  # a merged row naming the element
        for kind, criteria in (("Essential", element.essential), ("Desirable", element.desirable)):
            for criterion in criteria:
                assessed = ", ".join(w for w in ("application", "interview", "references") if w in criterion.assessed)
                expected.append((criterion.text, kind, assessed.capitalize()))
    assert [tuple(cell.text for cell in row.cells) for row in table.rows[1:]] == expected


def test_word_placeholders_are_bracketed_and_highlighted(template_docx, adapted_docx):
    def runs(content):
        word = docx.Document(io.BytesIO(content))
        cells = [p for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs]
        return [r for p in list(word.paragraphs) + cells for r in p.runs]

    highlighted = {r.text for r in runs(template_docx) if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert {
        "[Employing practice or primary care network]",
        "[Base]",
        "[Closing date]",
        "[37.5 hours a week]",
    } <= highlighted
    adapted_runs = runs(adapted_docx)
    employer = [r for r in adapted_runs if r.text == "Severn Vale PCN"]
    assert employer and all(r.font.highlight_color is None for r in employer)
    assert any(r.text == "31 January 2027" for r in adapted_runs)
    assert any(r.text == "[Base]" and r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in adapted_runs)


def test_word_pages_are_a4(template_docx):
    section = docx.Document(io.BytesIO(template_docx)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_word_properties_title_author_language_and_dates(template_docx):
    word = docx.Document(io.BytesIO(template_docx))
    properties = word.core_properties
    assert properties.title == "Job description: Primary care occupational therapist"
    assert properties.author == HUB["organisation"]
    assert properties.language == "en-GB"
    assert properties.created == properties.modified == INSTANT
    lang = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_the_word_document_is_byte_identical_for_the_same_content_and_date(template, template_docx):
    again = as_docx(template)
    assert again == template_docx
    entries = zipfile.ZipFile(io.BytesIO(template_docx)).infolist()
    assert {entry.date_time for entry in entries} == {(2026, 11, 21, 12, 0, 0)}
    later = render_docx(template, author=HUB["organisation"], instant=datetime(2027, 1, 1, tzinfo=UTC))
    assert later != template_docx


# --- PDF ------------------------------------------------------------------------------


def test_the_pdf_text_holds_every_duty_and_criterion(job, template_pdf):
    text = words(pdf_text(template_pdf))
    for duty in job.key_duties + job.administration_and_professional:
        assert words(duty) in text, duty
    for element in job.person_specification:
        assert element.title in text


def test_the_pdf_is_tagged_with_title_language_and_dates(template_pdf):
    reader = pypdf.PdfReader(io.BytesIO(template_pdf))
    assert reader.metadata.title == "Job description: Primary care occupational therapist"
    assert reader.metadata.author == HUB["organisation"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.creation_date == datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert len(reader.pages) >= 4


def test_the_pdf_is_byte_identical_for_the_same_content_and_date(template, template_pdf):
    assert as_pdf(template) == template_pdf


def test_both_documents_are_under_1_mb(template_docx, template_pdf, adapted_docx, adapted_pdf):
    for content in (template_docx, template_pdf, adapted_docx, adapted_pdf):
        assert 10_000 < len(content) < ONE_MB


def test_an_adapted_pdf_carries_the_given_values(adapted_pdf):
    text = words(pdf_text(adapted_pdf))
    assert "Employer Severn Vale PCN" in text
    assert "22.5 hours a week (0.6 whole-time equivalent)" in text
    assert "31 January 2027" in text and "sam.patel@nhs.net" in text
    assert "Agenda for Change band 7" in text and "[Base]" in text


# --- cache ----------------------------------------------------------------------------


def test_the_cache_serves_unchanged_content_without_rendering(job, tmp_path, monkeypatch, template_docx, template_pdf):
    data = DATA.read_bytes()
    calls = []
    real = jobdesc_documents.render_documents

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(jobdesc_documents, "render_documents", counting)
    monkeypatch.setattr(jobdesc_documents, "_MEMORY", {})
    first = jobdesc_documents.cached_documents(job, data, HUB, INSTANT, tmp_path)
    assert first.docx == template_docx and first.pdf == template_pdf  # cold cache: same bytes
    assert len(list(tmp_path.iterdir())) == 2
    jobdesc_documents._MEMORY.clear()  # a new build process
    second = jobdesc_documents.cached_documents(job, data, HUB, INSTANT, tmp_path)
    assert second == first and len(calls) == 1
    changed = jobdesc_documents.cached_documents(job, data + b"\n# edited\n", HUB, INSTANT, tmp_path)
    assert len(calls) == 2 and changed.docx == first.docx  # same content, new key
    assert len(list(tmp_path.iterdir())) == 2  # the old entry is dropped


def test_the_cache_key_changes_with_everything_that_shapes_the_bytes():
    base = jobdesc_documents.cache_key(b"data", HUB, INSTANT, {})
    assert base == jobdesc_documents.cache_key(b"data", dict(HUB), INSTANT, {})
    assert base != jobdesc_documents.cache_key(b"data!", HUB, INSTANT, {})
    assert base != jobdesc_documents.cache_key(b"data", {**HUB, "organisation": "Other"}, INSTANT, {})
    assert base != jobdesc_documents.cache_key(b"data", HUB, datetime(2027, 1, 1, tzinfo=UTC), {})
    assert base != jobdesc_documents.cache_key(b"data", HUB, INSTANT, {"employer": "X"})


def test_the_document_date_is_source_date_epoch_or_the_data_files_date(tmp_path):
    path = tmp_path / "job_description.yaml"
    path.write_text("x")
    assert jobdesc_documents.document_instant(path, {"SOURCE_DATE_EPOCH": "1795262400"}) == INSTANT
    mtime = int(path.stat().st_mtime)
    assert jobdesc_documents.document_instant(path, {}) == datetime.fromtimestamp(mtime, tz=UTC)


# --- the command for training-hub staff ---------------------------------------------------


def test_the_command_writes_adapted_documents(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795262400")
    code = jobdesc_adapt.main(
        [
            "--employer",
            "Severn Vale PCN",
            "--hours",
            "22.5 hours a week",
            "--wte",
            "0.6",
            "--closing-date",
            "2027-01-31",
            "--output-dir",
            str(tmp_path),
        ]
    )
    assert code == 0
    docx_file = tmp_path / "severn-vale-pcn-job-description.docx"
    pdf_file = tmp_path / "severn-vale-pcn-job-description.pdf"
    output = capsys.readouterr().out
    assert str(docx_file) in output and "Still placeholders" in output and "Base" in output
    word = docx.Document(docx_file)
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        c.text for t in word.tables for row in t.rows for c in row.cells
    )
    assert (
        "Severn Vale PCN" in text
        and "31 January 2027" in text
        and "[Employing practice or primary care network]" not in text
    )
    assert "Severn Vale PCN" in pdf_text(pdf_file.read_bytes())
    assert word.core_properties.author  # the hub's organisation, from mkdocs.yml
    assert docx_file.stat().st_size < ONE_MB and pdf_file.stat().st_size < ONE_MB


def test_the_command_stops_on_a_bad_data_file(tmp_path, capsys):
    bad = tmp_path / "job_description.yaml"
    bad.write_text(
        DATA.read_text(encoding="utf-8").replace("title: Primary care occupational therapist", "titel: x", 1)
    )
    assert jobdesc_adapt.main(["--data", str(bad), "--output-dir", str(tmp_path / "out")]) == 1
    assert "'titel' is not a field we know" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("typed", ["Acme\x01Practice", "Acme\x0bPractice", "Acme\x7f", "Acme\u2028PCN"])
def test_a_control_character_in_a_field_is_a_message_not_a_traceback(tmp_path, capsys, typed):
    with pytest.raises(SystemExit) as exited:
        jobdesc_adapt.main(["--employer", typed, "--output-dir", str(tmp_path)])
    assert exited.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("python -m macros.jobdesc.adapt: error: argument --employer: 'Acme")
    assert "delete it" in error
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "reference",
    [
        '<img src="file:///etc/hostname">',
        '<link rel="stylesheet" href="file:///etc/passwd">',
        '<img src="{server}x.png">',
        '<style>@import url("{server}x.css");</style>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        '<img src="../../../../../../etc/hostname">',
    ],
)
def test_the_pdf_writer_fetches_nothing_but_the_builds_own_files(reference):
    """WeasyPrint's default fetcher reads any file:// path and any web address."""
    import http.server
    import threading

    from weasyprint.urls import FatalURLFetchingError

    from macros.jobdesc.pdf_writer import pdf_from_html

    asked = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # Polled often, so shutdown() returns at once rather than after the default half second.
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    try:
        html = f"<html><body><p>Text</p>{reference.format(server=f'http://127.0.0.1:{server.server_address[1]}/')}</body></html>"
        with pytest.raises(FatalURLFetchingError, match="may use only the hub's own files"):
            pdf_from_html(html, b"0" * 32)
    finally:
        server.shutdown()
    assert asked == []


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2027-02-30", "'2027-02-30' is not a real date: write the closing date as YYYY-MM-DD, for example 2027-01-31"),
        (
            "2026-11-20",
            "the closing date 20 November 2026 has passed (today is 21 November 2026): give a date still to come",
        ),
    ],
)
def test_a_closing_date_that_does_not_exist_or_has_passed_is_refused(tmp_path, monkeypatch, capsys, typed, message):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795262400")  # 21 November 2026
    with pytest.raises(SystemExit) as exited:
        jobdesc_adapt.main(["--closing-date", typed, "--output-dir", str(tmp_path / "out")])
    assert exited.value.code == 2
    assert f"argument --closing-date: {message}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("typed", ["2026-11-21", "2027-1-5", "Friday 5pm, 9 January"])
def test_a_closing_date_today_later_or_in_words_is_taken(typed):
    from datetime import date

    assert jobdesc_adapt.typed_closing_date(typed, date(2026, 11, 21)) == typed


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("22.5", "22.5 hours a week"),  # the form hint's own example, as a number
        ("22.5 hours", "22.5 hours a week"),
        ("30 hrs per week", "30 hours a week"),
        ("22.5 hours a week", "22.5 hours a week"),
        ("Flexible, about 22 hours", "Flexible, about 22 hours"),  # other wording as typed
    ],
)
def test_hours_typed_as_a_number_read_hours_a_week(typed, shown):
    assert format_field_value("hours", typed) == shown
