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
        "first-contact-practitioner",
        "stage-2",
        "advanced-practice",
    ]


def test_each_step_says_what_it_needs_and_names_its_sources(roadmap):
    for step in roadmap.steps:
        assert step.needs and step.sources


def test_the_facts_from_the_sources_are_in_the_steps(roadmap):
    text = yaml.safe_dump(yaml.safe_load((ROOT / "data/roadmap.yaml").read_text()), width=10_000)
    for fact in [
        "a BSc, or an MSc",
        "Health and Care Professions Council (HCPC)",
        "45 to 60 credits",
        "level 7",
        "12 to 18 months",
        "within 6 months of starting full time",
        "about 3 pieces of evidence for each capability heading",
        "Sign the stage 1 part of the roadmap checklist with your supervisor",
        "Sign the stage 2 part of the roadmap checklist with your supervisor",
        "band 7",
        "at least 5 years' experience",
        "at least 3 years' experience after registration",
        "Centre for Advancing Practice",
        "ePortfolio (supported) route",
        "learning needs analysis (LNA)",
        "8 education providers",
        "stage 1 e-learning modules",
        "section 9.4",
        "That is for the whole route, not for each stage",
        "was withdrawn",
        "NHS England WT&E (formerly HEE)",
    ]:
        assert fact in text, fact
    stage_1 = roadmap.steps[1]
    assert "verified before you are\n      employed in primary care".replace("\n      ", " ") in " ".join(
        stage_1.summary.split()
    )
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


def test_both_experience_figures_are_shown_before_stage_1_each_with_its_source(roadmap):
    before = roadmap.steps[0]
    assert before.id == "before-you-start"
    sources = {note.source for note in before.notes if "years" in note.text}
    assert sources == {"roadmap-faqs", "plymouth-pgcert"}
    assert not any("years" in note.text for step in roadmap.steps[1:] for note in step.notes)


def test_stage_2_is_completed_in_post_after_the_fcp_post_starts(roadmap):
    ids = [step.id for step in roadmap.steps]
    assert ids.index("stage-1") < ids.index("first-contact-practitioner") < ids.index("stage-2")
    fcp = roadmap.steps[ids.index("first-contact-practitioner")]
    assert "With stage 1 verified" in fcp.summary and "complete stage 2 in that post" in fcp.summary
    assert "both stages verified" not in yaml.safe_dump(yaml.safe_load((ROOT / "data/roadmap.yaml").read_text()))
    assert "part time" not in (ROOT / "data/roadmap.yaml").read_text()


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
    url: https://example.org/seed
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


# One mistake each: (what to find in VALID, what to write instead, what the one message says).
ONE_MISTAKE = [
    pytest.param(
        "      - id: portfolio\n",
        "      - id: degree\n",
        [
            "data/roadmap.yaml:21: step 2 (id 'stage-1'), need 1 (id 'degree'), field 'id': the checklist id 'degree' "
            "is already used in step 'start'. Each item needs its own id, because a reader's ticks are saved by id"
        ],
        id="checklist-id-used-twice-explains-why-it-matters",
    ),
    pytest.param(
        "evidence: [cot]",
        "evidence: [cot, cbd]",
        [
            "data/roadmap.yaml:23: step 2 (id 'stage-1'), evidence 2: 'cbd' is not an id in 'evidence_types'. "
            "Check its spelling; the ids there are: cot"
        ],
        id="unknown-evidence-type-lists-the-known-ones",
    ),
    pytest.param(
        "        source: seed\n",
        "        source: devon\n",
        ["step 2 (id 'stage-1'), note 1, field 'source': 'devon' is not an id in 'sources'"],
        id="unknown-source-in-a-note",
    ),
    pytest.param(
        "page: supervision/index.md",
        "page: supervision/eligibility.md",
        [
            "data/roadmap.yaml:29: step 2 (id 'stage-1'), link 1, field 'page': there is no page "
            "docs/supervision/eligibility.md. Check the spelling, or use the page's new file if it moved"
        ],
        id="link-to-a-page-that-does-not-exist",
    ),
    pytest.param(
        "        page: supervision/index.md\n",
        "        page: supervision/index.md\n        url: https://example.org/\n",
        ["link 1: a link needs exactly one of 'url'"],
        id="link-with-both-url-and-page",
    ),
    pytest.param(
        "page: supervision/index.md",
        "page: /supervision/",
        [
            "data/roadmap.yaml:29: step 2 (id 'stage-1'), link 1, field 'page': '/supervision/' is not a page of "
            "this site: write its file under docs/, as it appears there, such as supervision/index.md"
        ],
        id="page-link-written-as-an-address",
    ),
    pytest.param(
        "    evidence: [cot]\n",
        "",
        ["evidence type 1 (id 'cot'), field 'id': 'cot' is not used by any step, so it would not appear on the site"],
        id="evidence-type-no-step-uses",
    ),
    pytest.param(
        "    needs:\n      - id: degree\n        text: A degree\n",
        "    needs: []\n",
        ["step 1 (id 'start'), field 'needs': List should have at least 1 item after validation, not 0"],
        id="step-with-an-empty-checklist",
    ),
    pytest.param(
        "    summary: A portfolio.\n",
        "    summary: A portfolio.\n    typical_tiem: 6 months\n",
        ["'typical_tiem' is not a field we know", "typical_time"],
        id="misspelt-field-lists-the-allowed-ones",
    ),
    pytest.param(
        "      - id: portfolio\n",
        "      - id: Stage1Portfolio\n",
        ["'Stage1Portfolio' cannot be an id"],
        id="id-with-capitals",
    ),
]


@pytest.mark.parametrize(("find", "write", "expected"), ONE_MISTAKE)
def test_a_mistake_gives_one_message_naming_line_entry_and_field(tmp_path, find, write, expected):
    text = VALID.replace(find, write)
    assert text != VALID
    (message,) = problems(tmp_path, text)
    for part in expected:
        assert part in message


def test_page_links_are_checked_against_the_docs_folder_beside_data_by_default(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "supervision").mkdir(parents=True)
    path = tmp_path / "data" / "roadmap.yaml"
    path.write_text(VALID, encoding="utf-8")
    with pytest.raises(DataFileError, match="there is no page docs/supervision/index.md"):
        load_roadmap(path, "data/roadmap.yaml")
    (tmp_path / "docs" / "supervision" / "index.md").write_text("# Supervision\n", encoding="utf-8")
    assert load_roadmap(path, "data/roadmap.yaml").steps[1].links[0].page == "supervision/index.md"
