"""data/roadmap.yaml's rules across entries, each problem pointing at its exact entry and
field (cross_reference_problems), and the sources and evidence types that count as used."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError
from test_roadmap_pathway import VALID

from macros.learning.roadmap import (
    Roadmap,
    StepLink,
    cross_reference_problems,
    load_roadmap,
    pathway,
)


def roadmap_with(change) -> Roadmap:
    raw = yaml.safe_load(VALID)
    change(raw)
    return Roadmap.model_validate(raw)


def test_the_small_valid_file_has_no_cross_reference_problems():
    assert cross_reference_problems(roadmap_with(lambda d: None)) == []


def test_an_unknown_source_of_a_step_points_at_that_step_s_sources():
    def change(d):
        d["steps"][1]["sources"] = ["seed", "devon"]

    assert cross_reference_problems(roadmap_with(change)) == [
        (
            ("steps", 1, "sources", 1),
            "'devon' is not an id in 'sources'. Check its spelling; the ids there are: seed",
        )
    ]


def test_an_unknown_source_of_a_note_points_at_that_note():
    def change(d):
        d["steps"][1]["notes"][0]["source"] = "devon"

    assert [loc for loc, _ in cross_reference_problems(roadmap_with(change))] == [("steps", 1, "notes", 0, "source")]


def test_a_source_cited_only_by_a_note_counts_as_used():
    def change(d):
        d["sources"].append(
            {"id": "devon", "title": "Devon", "publisher": "P", "url": "https://example.org/", "checked": "2026-12-04"}
        )
        d["steps"][1]["notes"][0]["source"] = "devon"

    assert cross_reference_problems(roadmap_with(change)) == []


def test_an_unused_source_and_evidence_type_point_at_their_own_lists():
    def change(d):
        d["sources"].append(
            {"id": "spare", "title": "Spare", "publisher": "P", "url": "https://example.org/", "checked": "2026-12-04"}
        )
        d["evidence_types"].append({"id": "cbd", "name": "Case-based discussions"})

    problems_found = cross_reference_problems(roadmap_with(change))
    assert [loc for loc, _ in problems_found] == [("sources", 1, "id"), ("evidence_types", 1, "id")]
    assert problems_found[0][1].startswith("'spare' is not used by any step,")


def test_a_checklist_id_used_twice_in_one_step_names_that_step():
    def change(d):
        d["steps"][1]["needs"].append({"id": "portfolio", "text": "Again"})

    assert cross_reference_problems(roadmap_with(change)) == [
        (
            ("steps", 1, "needs", 1, "id"),
            "the checklist id 'portfolio' is already used in step 'stage-1'. Each item needs its own id, "
            "because a reader's ticks are saved by id",
        )
    ]


@pytest.mark.parametrize(
    "link",
    [
        {"text": "Nowhere"},
        {"text": "Both", "url": "https://example.org/", "page": "supervision/index.md"},
    ],
)
def test_a_link_needs_exactly_one_of_an_address_or_a_page(link):
    with pytest.raises(ValidationError) as refused:
        StepLink.model_validate(link)
    ((error),) = refused.value.errors()
    assert error["msg"] == (
        "Value error, a link needs exactly one of 'url' (another website, starting https://) or "
        "'page' (a page of this site, such as supervision/index.md)"
    )


@pytest.mark.parametrize("link", [{"text": "Web", "url": "https://example.org/"}, {"text": "Page", "page": "a.md"}])
def test_a_link_with_one_of_them_is_kept(link):
    assert StepLink.model_validate(link).text == link["text"]


def test_without_a_docs_folder_beside_data_page_links_are_not_checked(tmp_path):
    path = tmp_path / "data" / "roadmap.yaml"
    path.parent.mkdir()
    path.write_text(VALID, encoding="utf-8")
    assert load_roadmap(path).steps[1].links[0].page == "supervision/index.md"


def test_each_step_heading_is_numbered_with_its_anchor_and_its_title_kept_as_text():
    def change(d):
        d["steps"][1]["title"] = "Stage 1 <em>now</em> & later"

    markdown = pathway(roadmap_with(change), "training/roadmap/")
    assert "## Step 1: Before you start { #start }" in markdown
    assert "## Step 2: Stage 1 &lt;em&gt;now&lt;/em&gt; &amp; later { #stage-1 }" in markdown
    assert 'href="../../supervision/"' in markdown


def test_a_source_id_given_twice_points_at_the_second():
    def change(d):
        d["sources"].append(dict(d["sources"][0]))

    assert [loc for loc, _ in cross_reference_problems(roadmap_with(change))] == [("sources", 1, "id")]


def test_a_docs_folder_given_is_used_even_with_one_beside_data(tmp_path):
    path = tmp_path / "data" / "roadmap.yaml"
    path.parent.mkdir()
    path.write_text(VALID, encoding="utf-8")
    (tmp_path / "docs").mkdir()  # beside data/, without the page
    given = tmp_path / "other-docs"
    (given / "supervision").mkdir(parents=True)
    (given / "supervision" / "index.md").write_text("# Supervision\n", encoding="utf-8")
    assert load_roadmap(path, docs_dir=given).steps[1].links[0].page == "supervision/index.md"


def test_each_step_counts_its_ticks_and_lists_its_evidence():
    html = pathway(roadmap_with(lambda d: None), "training/roadmap/")
    assert "Step 2: 0 of 1 ticked" in html
    assert "consultation observations (COTs)" in html
