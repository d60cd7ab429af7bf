"""The job description page's "Download your version (Word)" in Chromium: the document it
makes reads back (python-docx and docx2txt) exactly as the build's own rendering of the same
values, filled placeholders gone and the others still highlighted; markup, Welsh and emoji
land as text; nothing leaves the site; it works offline once loaded and by keyboard; the
button shows only when the browser can make the document; the generic download still works."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import docx
import docx2txt
import pytest
from docx.enum.text import WD_COLOR_INDEX
from playwright.sync_api import expect

from macros.jobdesc.content import FORM_FIELDS, build_document
from macros.jobdesc.docx_writer import render_docx
from tests.helpers import JOB_DOCX, JOB_PAGE, ONE_MB, PRACTICE_VALUES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PAGE = JOB_PAGE
GENERIC = JOB_DOCX
BUTTON = "Download your version (Word)"
ORDINARY = PRACTICE_VALUES
AWKWARD = {
    "employer": "<b>&\"' Meddygfa Ŵyŷ",
    "base": "Canolfan Iechyd Pont-y-ŵ 😀",
    "contact": 'Sam O\'Neil <sam@nhs.net> & "team" 👩‍⚕️ ]]> &amp;',
}


def expected_docx(job, values: dict[str, str]) -> bytes:
    """The build's own Word rendering of the same values: what the browser must match."""
    # The band and pay fields start filled in on the form (the pay from data/figures.yaml).
    given = {name: getattr(job.fields, name).default for name in ("band", "salary", "pay_year")}
    given.update({name: value for name, value in values.items() if value})
    return render_docx(build_document(job, given), author="hub", instant=datetime(2026, 11, 21, tzinfo=UTC))


def all_runs(content: bytes):
    word = docx.Document(io.BytesIO(content))
    cells = [p for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [r for p in list(word.paragraphs) + cells for r in p.runs]


def texts(content: bytes) -> list[str]:
    """Every paragraph and table cell's text, in order, as python-docx reads it."""
    word = docx.Document(io.BytesIO(content))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return [p.text for p in word.paragraphs] + cells


def highlighted(content: bytes) -> list[str]:
    return [r.text for r in all_runs(content) if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]


def docx2txt_text(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read-back.docx"
    path.write_bytes(content)
    return docx2txt.process(str(path))


def fill_form(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        if name == "closing_date":  # the GOV.UK date input: day, month and year boxes
            year, month, day = value.split("-")
            for part, text in (("day", day), ("month", month), ("year", year)):
                page.locator(f"#jd-closing_date-{part}").fill(text)
        else:
            page.locator(f"#jd-{name}").fill(value)


def download_word(page):
    with page.expect_download() as info:
        page.get_by_role("button", name=BUTTON).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def open_page(watched_page, hub_server):
    page = watched_page.page
    page.goto(hub_server.url(PAGE), wait_until="load")
    expect(page.get_by_role("button", name=BUTTON)).to_be_visible()
    expect(page.locator("[data-jd-word-note]")).to_contain_text("stays highlighted in [square brackets]")
    return page


def assert_opens_like_the_generic_one(content: bytes, hub_server) -> None:
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.testzip() is None  # every entry's CRC-32 checks
    generic = zipfile.ZipFile(hub_server.site_dir / GENERIC)
    assert archive.namelist() == generic.namelist()
    # The body changes; with an employer, so do the page header and the title and author.
    changed = ("word/document.xml", "word/header1.xml", "docProps/core.xml")
    for name in generic.namelist():
        if name not in changed:
            assert archive.read(name) == generic.read(name), name
    assert len(content) < ONE_MB


def test_every_field_filled_lands_in_its_place_and_no_filled_placeholder_is_left(
    hub_server, watched_page, job, tmp_path
):
    page = open_page(watched_page, hub_server)
    fill_form(page, ORDINARY)
    name, content = download_word(page)

    assert name == "severn-vale-pcn-job-description.docx"
    expect(page.locator("[data-jd-status]")).to_have_text(f"Your Word document is ready: {name}")
    assert_opens_like_the_generic_one(content, hub_server)
    expected = expected_docx(job, ORDINARY)
    assert texts(content) == texts(expected)  # each value in its place, python-docx's reading
    assert docx2txt_text(content, tmp_path) == docx2txt_text(expected, tmp_path)
    text = "\n".join(texts(content))
    assert "31 January 2027" in text and "Severn Vale PCN is looking for" in text
    document = build_document(job)
    for field in FORM_FIELDS:
        assert document.values[field].shown not in text, field  # no filled placeholder left
    # Every field is on the form and filled: nothing is highlighted, and the employer's note
    # about [square brackets] is gone from the applicant's copy.
    assert highlighted(content) == []
    assert not any("is for the employer to fill in" in line for line in texts(content))
    filled_runs = [r for r in all_runs(content) if r.text == "Severn Vale PCN"]
    assert len(filled_runs) == 2 and all(r.font.highlight_color is None and not r.bold for r in filled_runs)

    # The same values give the same bytes.
    _, again = download_word(page)
    assert again == content
    assert not watched_page.console_errors


def test_fields_left_empty_stay_highlighted_placeholders(hub_server, watched_page, job):
    page = open_page(watched_page, hub_server)
    fill_form(page, {"employer": "Stroud PCN", "closing_date": "2027-03-01"})
    name, content = download_word(page)
    assert name == "stroud-pcn-job-description.docx"
    assert texts(content) == texts(expected_docx(job, {"employer": "Stroud PCN", "closing_date": "2027-03-01"}))
    document = build_document(job)
    # The pay fields start filled in on the form (from data/figures.yaml): not placeholders.
    filled = ("employer", "closing_date", "band", "salary", "pay_year")
    left = [document.values[f].shown for f in document.values if f not in filled]
    assert set(highlighted(content)) == set(left) | {"[square brackets]"}
    assert "[Base]" in highlighted(content) and "1 March 2027" in "\n".join(texts(content))


def test_markup_quotes_welsh_and_emoji_land_as_text(hub_server, watched_page, job, tmp_path):
    page = open_page(watched_page, hub_server)
    fill_form(page, AWKWARD)
    name, content = download_word(page)

    assert name == "b-meddygfa-wyy-job-description.docx"  # safe characters only
    assert_opens_like_the_generic_one(content, hub_server)
    assert texts(content) == texts(expected_docx(job, AWKWARD))
    cells = {row.cells[0].text: row.cells[1].text for row in docx.Document(io.BytesIO(content)).tables[0].rows}
    assert cells["Employer"] == AWKWARD["employer"]
    assert cells["Base"] == AWKWARD["base"]
    assert cells["Contact for informal enquiries"] == AWKWARD["contact"]
    read_back = docx2txt_text(content, tmp_path)
    for value in AWKWARD.values():
        assert value in read_back
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    assert "<b>" not in xml and "&lt;b&gt;&amp;&quot;&apos; Meddygfa Ŵyŷ" in xml
    assert "&amp;amp;" in xml  # the typed "&amp;" is text, not an entity


def test_nothing_leaves_the_site_and_it_works_offline_once_loaded(hub_server, watched_page, job):
    page = open_page(watched_page, hub_server)
    origin = hub_server.base_url.rstrip("/")
    watched_page.page.context.set_offline(True)
    fill_form(page, ORDINARY)
    name, content = download_word(page)
    assert texts(content) == texts(expected_docx(job, ORDINARY))
    for url in watched_page.requests:
        parsed = urlparse(url)
        if parsed.scheme == "blob":
            assert url.startswith(f"blob:{origin}/"), url
        else:
            assert parsed.scheme in ("http", "https", "data") and (parsed.scheme == "data" or url.startswith(origin)), (
                url
            )
        assert "Severn" not in url and "Patel" not in url, url


def test_the_generic_word_download_still_works(hub_server, watched_page):
    page = open_page(watched_page, hub_server)
    fill_form(page, ORDINARY)
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(r"Job description in Word")).click()
    content = Path(info.value.path()).read_bytes()
    assert content == (hub_server.site_dir / GENERIC).read_bytes()
    assert "[Employing practice or primary care network]" in highlighted(content)


def test_by_keyboard_alone_the_button_is_reached_and_announces_the_download(hub_server, watched_page):
    page = open_page(watched_page, hub_server)
    page.locator("#jd-employer").focus()
    page.keyboard.type("Cotswold PCN")
    page.locator("#jd-contact").focus()
    for _ in range(5):  # from the last field: "Copy the link", then this button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-jd-word')"):
            break
    assert page.evaluate("document.activeElement.textContent") == BUTTON
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == "cotswold-pcn-job-description.docx"
    status = page.locator("#jd-adapt [data-jd-status]")  # the form's own live region
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text("Your Word document is ready: cotswold-pcn-job-description.docx")
    assert page.evaluate("document.activeElement.hasAttribute('data-jd-word')")  # focus stays put


def test_the_button_shows_only_when_the_browser_can_make_the_document(browser, hub_server):
    context = browser.new_context()
    context.add_init_script("delete window.CompressionStream;")
    page = context.new_page()
    page.goto(hub_server.url(PAGE), wait_until="load")
    expect(page.get_by_role("button", name="Copy the link to this version")).to_be_visible()
    assert page.get_by_role("button", name=BUTTON).count() == 0  # hidden: not in the accessibility tree
    assert not page.locator("[data-jd-word-note]").is_visible()
    context.close()

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hub_server.url(PAGE))
    assert not page.locator("[data-jd-word]").is_visible()
    assert page.get_by_role("link", name=re.compile(r"Job description in Word")).is_visible()
    context.close()


@pytest.mark.parametrize("typed", ["22.5", "22.5 hours"])
def test_hours_typed_as_the_hints_number_read_hours_a_week_in_word_and_on_paper(hub_server, watched_page, typed):
    """Issue 30: the hint says "For example 22.5 hours a week"; a reader who types the number
    alone gets "22.5 hours a week (0.6 whole-time equivalent)" in the Word file and the PDF
    (the page printed), not "22.5 (0.6 whole-time equivalent)"."""
    from io import BytesIO

    from pypdf import PdfReader

    page = open_page(watched_page, hub_server)
    page.locator("#jd-hours").press_sequentially(typed)
    expect(page.locator("#jd-wte")).to_have_value("0.6")
    wanted = "22.5 hours a week (0.6 whole-time equivalent)"
    _, content = download_word(page)
    assert any(wanted in text for text in texts(content)), texts(content)
    pdf = page.pdf(format="A4")
    printed = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)
    printed = printed.replace("( ", "(")  # pypdf reads a space where the filled-in span starts
    assert wanted in printed, printed[printed.find("Hours") : printed.find("Hours") + 200]
    assert "22.5 (0.6" not in printed
    assert not watched_page.console_errors
