"""A new pay year is one edit: change data/figures.yaml alone (the year, the amounts, the
award sentence) and no page, search entry or document (HTML, .docx, .pdf) shows the old
year or amounts. Built after a figure's period has ended, the documents say so beside the
salary, as the pages do."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.helpers import PROJECT_ROOT, build_site, copy_project

pytestmark = pytest.mark.e2e

FIGURES = (PROJECT_ROOT / "data" / "figures.yaml").read_text(encoding="utf-8")
OLD = ("2025/26", "2025-04", "2026-03-31", "47,810", "47810", "50,273", "50273", "54,710", "54710", "3.6%")
NEW = {
    "47810": "49123",
    "50273": "51789",
    "54710": "56321",
    "3.6%": "4.2%",
    "2025/26": "2026/27",
    "202526": "202627",
    "2025-04-01": "2026-04-01",
    "2025-04-06": "2026-04-06",
    "2026-04-05": "2027-04-05",
    "2026-03-31": "2027-03-31",
    "year: 2025": "year: 2026",
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
    assert "£49,123" in hiring and "2026/27" in hiring
    funding = shown[site / "roles" / "funding" / "index.html"]
    assert "4.2% pay award for 2026/27" in funding and "£56,321" in funding
    for document in ("primary-care-ot-job-description.docx", "primary-care-ot-job-description.pdf"):
        text = re.sub(r"\s+", " ", shown[site / "recruitment" / document])
        assert "£49,123 to £56,321 a year" in text and "2026/27" in text, document
        assert "out of date" not in text, document


def test_built_after_the_pay_year_the_documents_say_the_pay_is_out_of_date(hub_site):
    # The hub's build date (2026-11-21) is after the 2025/26 pay year ended.
    folder = hub_site.site_dir / "recruitment"
    for text in (
        word_text(folder / "primary-care-ot-job-description.docx"),
        pdf_text(folder / "primary-care-ot-job-description.pdf"),
    ):
        text = re.sub(r"\s+", " ", text)
        assert (
            "£47,810 to £54,710 a year (out of date: these are the 2025/26 figures, which ended on 31 March 2026"
            in text
        )
    html = hub_site.read("recruitment/hiring-an-ot/")
    assert "Out of date:" in html and "£61,107" in html
