"""A new pay year is one edit: change data/figures.yaml alone (the year, the amounts, the
award sentence) and no page, search entry or document (HTML, .docx, .pdf) shows the old
year or amounts. Built after a figure's period has ended, the pages say so; the documents,
which go to applicants, hold the figure alone."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.helpers import PROJECT_ROOT, build_site, copy_project

pytestmark = pytest.mark.e2e

FIGURES = (PROJECT_ROOT / "data" / "figures.yaml").read_text(encoding="utf-8")
# What a page or document would show of the 2026/27 pay year after the edit below. (The year
# "2026/27" itself stays: the pension share is "not confirmed for 2026/27" and the ARRS entry
# is for the 2026/27 contract year, each edited on its own day: see CONTRIBUTING.md.)
OLD = ("49,387", "49387", "51,932", "51932", "56,515", "56515", "3.3%", "2026/27 pay", "(2026/27)", "202627")
NEW = {
    "49387": "50123",
    "51932": "52789",
    "56515": "57321",
    "3.3% pay award for 2026/27, paid from 1 April 2026": "4.2% pay award for 2027/28, paid from 1 April 2027",
    "raised by 3.3%": "raised by 4.2%",
    "a 3.3% award for England from 1 April 2026": "a 4.2% award for England from 1 April 2027",
    "    period: 2026/27\n    starts: 2026-04-01\n    ends: 2027-03-31\n    unit: a year": (
        "    period: 2027/28\n    starts: 2027-04-01\n    ends: 2028-03-31\n    unit: a year"
    ),
    "Pay scales for 2026/27": "Pay scales for 2027/28",
    "202627": "202728",
    "Pay Rise 2026/27, what 3.3% means": "Pay Rise 2027/28, what 4.2% means",
    "nhs-pay-rise-2026-27": "nhs-pay-rise-2027-28",
    "Agenda for Change pay rose by 3.3%": "Agenda for Change pay rose by 4.2%",
}


def new_year(text: str) -> str:
    for old, new in NEW.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def word_text(path) -> str:
    import docx2txt

    return docx2txt.process(str(path))


@pytest.fixture(scope="module")
def next_year_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("pay-year") / "project", {"data/figures.yaml": new_year(FIGURES)})
    built = build_site(root, tmp_path_factory.mktemp("pay-year-site") / "site")
    assert built.returncode == 0, built.output[-3000:]
    return built


def test_changing_only_the_figures_changes_every_page_and_document(next_year_site):
    site = next_year_site.site_dir
    shown = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".xml", ".ics", ".txt"):
            shown[path] = path.read_text(encoding="utf-8")
        elif path.suffix == ".docx":
            shown[path] = word_text(path)
        elif path.suffix == ".pdf":
            shown[path] = pdf_text(path)
    assert any(path.suffix == ".docx" for path in shown) and any(path.suffix == ".pdf" for path in shown)
    for path, text in shown.items():
        for old in OLD:
            assert old not in text, f"{path.relative_to(site)} still shows {old}"
    hiring = shown[site / "recruitment" / "hiring-an-ot" / "index.html"]
    assert "£50,123" in hiring and "2027/28" in hiring
    funding = shown[site / "roles" / "funding" / "index.html"]
    assert "4.2% pay award for 2027/28" in funding and "£57,321" in funding
    for document in ("primary-care-ot-job-description.docx", "primary-care-ot-job-description.pdf"):
        text = re.sub(r"\s+", " ", shown[site / "recruitment" / document])
        assert "£50,123 to £57,321 a year" in text and "2027/28" in text, document
        assert "out of date" not in text, document


def test_the_documents_hold_the_figure_alone_when_current_and_after_the_pay_year(hub_site, after_pay_year_site):
    # Built on 2026-11-21 the 2026/27 pay is current; built on 2027-06-01 it has ended. The
    # Word and PDF documents go to applicants: they never say "out of date" inside a field.
    for site in (hub_site, after_pay_year_site):
        folder = site.site_dir / "recruitment"
        for text in (
            word_text(folder / "primary-care-ot-job-description.docx"),
            pdf_text(folder / "primary-care-ot-job-description.pdf"),
        ):
            text = re.sub(r"\s+", " ", text)
            assert "£49,387 to £56,515 a year" in text and "2026/27" in text
            assert "out of date" not in text.lower()
    current = hub_site.read("recruitment/hiring-an-ot/")
    assert "Out of date:" not in current and "£63,147" in current
    # After the pay year the job description page tells the employer, above the form.
    page = after_pay_year_site.read("recruitment/job-description/")
    note = page.index("Out of date:")
    assert note < page.index("jd-salary") and note < page.index("primary-care-ot-job-description.docx")
