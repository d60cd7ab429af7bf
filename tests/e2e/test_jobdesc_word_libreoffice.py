"""The Word document the page makes in the browser opens in a word processor: LibreOffice
(Debian's libreoffice-writer-nogui, headless) converts it to PDF as it does the generic one,
with the reader's text in place and the placeholders they left empty still there."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import expect

from macros.jobdesc.models import load_job_description
from tests.helpers import JOB_DOCX, JOB_PAGE, PRACTICE_VALUES

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PAGE = JOB_PAGE
GENERIC = JOB_DOCX
VALUES = {**PRACTICE_VALUES, "contact": "Sam O'Neil <sam@nhs.net> & team, Meddygfa Ŵyŷ 😀"}


def pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_libreoffice_opens_the_filled_in_document_as_it_does_the_generic_one(hub_server, watched_page, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice not found: run `make test`, which installs Debian's libreoffice-writer-nogui")
    page = watched_page.page
    page.goto(hub_server.url(PAGE), wait_until="load")
    for name, value in VALUES.items():
        if name == "closing_date":  # the GOV.UK date input: day, month and year boxes
            for part, text in zip(("year", "month", "day"), value.split("-"), strict=True):
                page.locator(f"#jd-closing_date-{part}").fill(text)
        else:
            page.locator(f"#jd-{name}").fill(value)
    button = page.get_by_role("button", name="Download your version (Word)")
    expect(button).to_be_visible()
    with page.expect_download() as info:
        button.click()
    filled = tmp_path / info.value.suggested_filename
    info.value.save_as(filled)
    generic = tmp_path / "generic.docx"
    generic.write_bytes((hub_server.site_dir / GENERIC).read_bytes())

    # Its own profile folder, so it neither meets another LibreOffice running nor leaves one behind.
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(filled), str(generic)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    filled_pdf, generic_pdf = tmp_path / "pdf" / f"{filled.stem}.pdf", tmp_path / "pdf" / "generic.pdf"
    assert filled_pdf.is_file() and generic_pdf.is_file(), result.stdout + result.stderr

    filled_pages, text = pdf_text(filled_pdf)
    generic_pages, generic_text = pdf_text(generic_pdf)
    assert "[Employing practice or primary care network]" in generic_text and "[Base]" in generic_text
    assert abs(filled_pages - generic_pages) <= 1 and filled_pages >= 3
    assert "Severn Vale PCN is looking for a specialist occupational therapist" in text
    assert "Tewkesbury Health Centre" in text and "31 January 2027" in text and "PCN clinical director" in text
    assert "22.5 hours a week (0.6 whole-time equivalent)" in text
    assert "Sam O'Neil <sam@nhs.net> & team, Meddygfa Ŵyŷ" in text
    for placeholder in ("[Employing practice", "[Base]", "[Closing date]", "[37.5 hours a week]", "[Reporting to]"):
        assert placeholder not in text, placeholder
    # The band and pay start filled in on the form (the pay from data/figures.yaml): no longer placeholders.
    assert "Agenda for Change band 7" in text and "[7]" not in text and "(2026/27 Agenda for Change" in text
    # Every field filled: the employer's note is gone; LibreOffice numbers the pages and heads each.
    assert "is for the employer to fill in" not in text and "is for the employer to fill in" in generic_text
    assert f"Page 1 of {filled_pages}" in text and "Severn Vale PCN: Primary care occupational therapist" in text
    job = load_job_description(ROOT / "data" / "job_description.yaml")
    for duty in job.key_duties + job.administration_and_professional:
        start = re.sub(r"\s+", " ", duty).split("{")[0][:40].strip()
        assert start in text and start in generic_text, start
