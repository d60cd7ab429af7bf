"""The job description in the built hub: the page, the downloads beside it, reproducible bytes
from a cold cache, and a broken data file stopping the build."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from macros.jobdesc.content import SECTIONS
from tests.helpers import JOB_DOCX, JOB_PAGE, JOB_PDF, ONE_MB, copy_project

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PAGE, DOCX, PDF = JOB_PAGE, JOB_DOCX, JOB_PDF


@pytest.fixture(scope="module")
def cold_copy(tmp_path_factory, site_builder):
    """The same sources built in a fresh copy: no .cache, so both documents are rendered."""
    root = copy_project(tmp_path_factory.mktemp("jobdesc-cold") / "project", caches=False)
    assert not (root / ".cache").exists()
    site = site_builder(root, root.parent / "site")
    assert site.returncode == 0, site.output
    return site


def article_text(html: str) -> str:
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    text = re.sub(r"<[^>]+>", "", article)
    text = text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"')
    return re.sub(r"\s+", " ", text)


def test_the_page_is_in_the_recruitment_nav_after_the_overview():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    recruitment = next(
        item["Recruitment"] for item in config["nav"] if isinstance(item, dict) and "Recruitment" in item
    )
    assert recruitment[0] == "recruitment/index.md"
    assert {"Job description": "recruitment/job-description.md"} in recruitment


def test_the_page_shows_every_section_duty_and_criterion_with_placeholders(hub_site, job):
    html = hub_site.read(PAGE)
    for anchor, title in SECTIONS:
        assert re.search(rf'<h2 id="{anchor}">{re.escape(title)}', html), anchor
        assert f'href="#{anchor}"' in html  # in the table of contents
    text = article_text(html)
    for duty in job.key_duties + job.administration_and_professional:
        assert duty in text, duty
    for element in job.person_specification:
        for criterion in element.essential + element.desirable:
            assert criterion.text in text, criterion.text
    assert "[Employing practice or primary care network]" in text and "[Closing date]" in text
    assert "£49,387 to £56,515 a year" in text and "2026/27" in text and "NHS Employers" in text
    assert "Royal College of Occupational Therapists (RCOT)" in text


def test_without_javascript_the_form_is_hidden_and_says_so(hub_site):
    html = hub_site.read(PAGE)
    form = re.search(r'<form [^>]*id="jd-adapt"[^>]*>', html).group(0)
    assert re.search(r"\shidden[\s=>]", form), form
    assert "data-jd-no-script" in html
    assert "assets/javascripts/job-description.js" in html


def test_the_person_specification_table_has_a_caption_and_header_cells(hub_site, job):
    html = hub_site.read(PAGE)
    table = html.split('<table class="jd-spec">', 1)[1].split("</table>", 1)[0]
    assert "<caption>Person specification" in table
    assert "<thead>" in table and table.count('<th scope="col">') == 3
    assert table.count('scope="rowgroup"') == len(job.person_specification)


def test_the_page_links_to_both_downloads_with_their_sizes(hub_site):
    html = hub_site.read(PAGE)
    for path, kind in ((DOCX, r"Word \(\.docx, \d+ KB\)"), (PDF, r"PDF \(\.pdf, \d+ KB\)")):
        name = path.rsplit("/", 1)[1]
        assert re.search(rf'<a href="\.\./{name}">Job description (in|as a) {kind}</a>', html), name


def test_the_downloads_are_built_under_1_mb_and_readable(hub_site, job):
    docx_bytes = (hub_site.site_dir / DOCX).read_bytes()
    pdf_bytes = (hub_site.site_dir / PDF).read_bytes()
    assert 10_000 < len(docx_bytes) < ONE_MB and 10_000 < len(pdf_bytes) < ONE_MB
    word = docx.Document(io.BytesIO(docx_bytes))
    assert [p.text for p in word.paragraphs if p.style.name == "List Number"] == (
        job.key_duties + job.administration_and_professional
    )
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert word.core_properties.author == config["extra"]["hub"]["organisation"]
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    assert reader.metadata.title == "Job description: Primary care occupational therapist"
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in reader.pages))
    assert "Key duties and responsibilities" in text


def test_the_downloads_are_not_in_docs_or_committed():
    assert not list((ROOT / "docs").rglob("*.docx")) and not list((ROOT / "docs").rglob("*.pdf"))


def test_a_cold_build_gives_byte_identical_documents(hub_site, cold_copy):
    for path in (DOCX, PDF):
        assert (cold_copy.site_dir / path).read_bytes() == (hub_site.site_dir / path).read_bytes(), path
    assert (cold_copy.root / ".cache" / "job-description").is_dir()


def test_a_broken_job_description_stops_the_build_naming_file_entry_and_field(make_project, site_builder, tmp_path):
    text = (ROOT / "data" / "job_description.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "    Assess risks in people's surroundings", "    Assess risks at {workplace} in people's surroundings"
    )
    assert broken != text
    root = make_project({"data/job_description.yaml": broken})
    site = site_builder(root, tmp_path / "site")
    assert site.returncode != 0
    assert re.search(
        r"data/job_description\.yaml:\d+: key duty 7: '\{workplace\}' is not a template field", site.output
    )
    assert "Traceback" not in site.output


def test_the_word_download_reads_back_in_a_reader_other_than_python_docx(hub_site, job, tmp_path):
    """docx2txt reads the document's XML itself: what a practice's word processor would see."""
    import docx2txt

    path = tmp_path / "job-description.docx"
    path.write_bytes((hub_site.site_dir / DOCX).read_bytes())
    text = re.sub(r"\s+", " ", docx2txt.process(str(path)))
    for duty in job.key_duties + job.administration_and_professional:
        plain = re.sub(r"\s+", " ", duty).split("{")[0].strip()
        assert plain[:60] in text, plain
    for element in job.person_specification:
        assert element.title in text
        for criterion in element.essential + element.desirable:
            assert re.sub(r"\s+", " ", criterion.text).split("{")[0].strip()[:50] in text
