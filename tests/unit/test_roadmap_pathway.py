"""The roadmap pathway: the hub's data/roadmap.yaml, its validation messages, and its HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.core.datafiles import DataFileError
from macros.core.urls import page_url
from macros.learning.roadmap import STORAGE_KEY, load_roadmap, pathway, relative_href

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def roadmap():
    return load_roadmap(ROOT / "data/roadmap.yaml", "data/roadmap.yaml", docs_dir=ROOT / "docs")


def test_the_steps_follow_the_roadmap_in_order(roadmap):
    assert [step.id for step in roadmap.steps] == [
        "before-you-start",
        "stage-1",
        "stage-2",
        "first-contact-practitioner",
        "advanced-practice",
    ]


def test_each_step_says_what_it_needs_and_names_its_sources(roadmap):
    for step in roadmap.steps:
        assert step.needs and step.sources


def test_the_facts_from_the_sources_are_in_the_steps(roadmap):
    text = yaml.safe_dump(yaml.safe_load((ROOT / "data/roadmap.yaml").read_text()), width=10_000)
    for fact in [
        "A degree (BSc) in occupational therapy",
        "Health and Care Professions Council (HCPC)",
        "45 to 60 credits",
        "level 7",
        "12 to 18 months",
        "within 6 months of starting full time",
        "about 3 pieces of evidence for each capability heading",
        "Sign the stage 1 checklist with your supervisor",
        "Sign the stage 2 checklist with your supervisor",
        "band 7",
        "at least 5 years' experience",
        "3 to 5 years after registration",
        "Centre for Advancing Practice",
        "digital badge",
        "ePortfolio supported route",
        "NHS England WT&E (formerly HEE)",
    ]:
        assert fact in text, fact
    stage_1 = roadmap.steps[1]
    assert "verified before you are employed in primary care" in stage_1.summary
    assert "already in post, you can complete it afterwards" in stage_1.summary
    assert [e.id for e in roadmap.evidence_list(stage_1.evidence)] == [
        "cot",
        "cbd",
        "cep",
        "supervision-report",
        "msf",
        "psq",
        "audit-qi",
    ]


def test_both_experience_figures_are_shown_each_with_its_source(roadmap):
    fcp = next(step for step in roadmap.steps if step.id == "first-contact-practitioner")
    sources = {note.source for note in fcp.notes if "years" in note.text}
    assert sources == {"glos-pcwc", "roles-explorer"}


@pytest.mark.parametrize(
    ("source", "url"),
    [("index.md", ""), ("training/roadmap.md", "training/roadmap/"), ("supervision/index.md", "supervision/")],
)
def test_page_url(source, url):
    assert page_url(source) == url


@pytest.mark.parametrize(
    ("from_url", "to_source", "href"),
    [
        ("training/roadmap/", "supervision/checker.md", "../../supervision/checker/"),
        ("training/roadmap/", "supervision/index.md", "../../supervision/"),
        ("training/roadmap/", "training/index.md", "../"),
        ("training/roadmap/", "index.md", "../../"),
        ("", "roles/index.md", "roles/"),
        ("training/roadmap/", "training/roadmap.md", "./"),
    ],
)
def test_relative_href(from_url, to_source, href):
    assert relative_href(from_url, to_source) == href


def test_the_pathway_has_a_heading_checklist_and_progress_for_every_step(roadmap):
    text = pathway(roadmap, "training/roadmap/")
    headings = re.findall(r"^## Step (\d): (.+) \{ #([a-z0-9-]+) \}$", text, flags=re.M)
    assert [(int(n), step_id) for n, _, step_id in headings] == [(i + 1, s.id) for i, s in enumerate(roadmap.steps)]
    for step in roadmap.steps:
        assert f'data-roadmap-progress="{step.id}"' in text
        for item in step.needs:
            assert (
                f'<input type="checkbox" id="tick-{item.id}" data-roadmap-item="{item.id}" data-step="{step.id}">'
                in text
            )
    assert f'data-storage-key="{STORAGE_KEY}"' in text
    assert 'href="../../supervision/checker/"' in text
    # Each step's HTML is one block: no blank line inside it, or Markdown would break it up.
    for block in text.split("\n\n"):
        assert block.strip()


# ---------------------------------------------------------------------------
# Validation messages
# ---------------------------------------------------------------------------

VALID = """\
sources:
  - id: seed
    title: Occupational Therapists
    publisher: A training hub
evidence_types:
  - id: cot
    name: consultation observations (COTs)
steps:
  - id: start
    title: Before you start
    summary: What you need first.
    needs:
      - id: degree
        text: A degree
    sources: [seed]
  - id: stage-1
    title: Stage 1
    summary: A portfolio.
    needs:
      - id: portfolio
        text: A portfolio
    evidence: [cot]
    notes:
      - text: A fact.
        source: seed
    links:
      - text: Supervision
        page: supervision/index.md
    sources: [seed]
"""


def problems(tmp_path, text, docs_dir=ROOT / "docs") -> list[str]:
    path = tmp_path / "roadmap.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_roadmap(path, "data/roadmap.yaml", docs_dir=docs_dir)
    return [str(problem) for problem in caught.value.problems]


def test_the_small_valid_file_loads(tmp_path):
    path = tmp_path / "roadmap.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert [item.id for item in load_roadmap(path, docs_dir=ROOT / "docs").items] == ["degree", "portfolio"]


def test_a_checklist_id_used_twice_explains_why_it_matters(tmp_path):
    text = VALID.replace("      - id: portfolio\n", "      - id: degree\n")
    (message,) = problems(tmp_path, text)
    assert message == (
        "data/roadmap.yaml:20: step 2 (id 'stage-1'), need 1 (id 'degree'), field 'id': the checklist id 'degree' "
        "is already used in step 'start'. Each item needs its own id, because a reader's ticks are saved by id"
    )


def test_an_unknown_evidence_type_lists_the_known_ones(tmp_path):
    text = VALID.replace("evidence: [cot]", "evidence: [cot, cbd]")
    (message,) = problems(tmp_path, text)
    assert (
        "step 2 (id 'stage-1'), evidence 2: 'cbd' is not an id in 'evidence_types'. Check its spelling; the ids there are: cot"
        in message
    )
    assert message.startswith("data/roadmap.yaml:22: ")


def test_an_unknown_source_in_a_note(tmp_path):
    text = VALID.replace("        source: seed\n", "        source: devon\n")
    (message,) = problems(tmp_path, text)
    assert "step 2 (id 'stage-1'), note 1, field 'source': 'devon' is not an id in 'sources'" in message


def test_a_link_to_a_page_that_does_not_exist(tmp_path):
    text = VALID.replace("page: supervision/index.md", "page: supervision/eligibility.md")
    (message,) = problems(tmp_path, text)
    assert message == (
        "data/roadmap.yaml:28: step 2 (id 'stage-1'), link 1, field 'page': there is no page "
        "docs/supervision/eligibility.md. Check the spelling, or use the page's new file if it moved"
    )


def test_a_link_with_both_url_and_page(tmp_path):
    text = VALID.replace(
        "        page: supervision/index.md\n",
        "        page: supervision/index.md\n        url: https://example.org/\n",
    )
    (message,) = problems(tmp_path, text)
    assert "link 1: a link needs exactly one of 'url'" in message


def test_a_page_link_written_as_an_address(tmp_path):
    text = VALID.replace("page: supervision/index.md", "page: /supervision/")
    (message,) = problems(tmp_path, text)
    assert (
        "data/roadmap.yaml:28: step 2 (id 'stage-1'), link 1, field 'page': '/supervision/' is not a page of "
        "this site: write its file under docs/, as it appears there, such as supervision/index.md"
        in message
    )


def test_an_evidence_type_no_step_uses(tmp_path):
    text = VALID.replace("    evidence: [cot]\n", "")
    (message,) = problems(tmp_path, text)
    assert (
        "evidence type 1 (id 'cot'), field 'id': 'cot' is not used by any step, so it would not appear on the site"
        in message
    )


def test_a_step_with_an_empty_checklist(tmp_path):
    text = VALID.replace("    needs:\n      - id: degree\n        text: A degree\n", "    needs: []\n")
    (message,) = problems(tmp_path, text)
    assert "step 1 (id 'start'), field 'needs': List should have at least 1 item after validation, not 0" in message


def test_a_misspelt_field_lists_the_allowed_ones(tmp_path):
    text = VALID.replace("    summary: A portfolio.\n", "    summary: A portfolio.\n    typical_tiem: 6 months\n")
    (message,) = problems(tmp_path, text)
    assert "'typical_tiem' is not a field we know" in message and "typical_time" in message


def test_an_id_with_capitals(tmp_path):
    text = VALID.replace("      - id: portfolio\n", "      - id: Stage1Portfolio\n")
    (message,) = problems(tmp_path, text)
    assert "'Stage1Portfolio' cannot be an id" in message


def test_page_links_are_checked_against_the_docs_folder_beside_data_by_default(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "supervision").mkdir(parents=True)
    path = tmp_path / "data" / "roadmap.yaml"
    path.write_text(VALID, encoding="utf-8")
    with pytest.raises(DataFileError, match="there is no page docs/supervision/index.md"):
        load_roadmap(path, "data/roadmap.yaml")
    (tmp_path / "docs" / "supervision" / "index.md").write_text("# Supervision\n", encoding="utf-8")
    assert load_roadmap(path, "data/roadmap.yaml").steps[1].links[0].page == "supervision/index.md"
