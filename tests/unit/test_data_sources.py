"""Which data file a page's words come from, and the link that opens it for editing
(macros/editorial/data_sources.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import macros
from macros.core.concerns import MACRO_DATA_FILES, register_macros
from macros.editorial.data_sources import comment_naming, page_data_files, repository_edit_url
from macros.editorial.frontmatter import FRONT_MATTER

ROOT = Path(__file__).resolve().parents[2]


class _Env:
    """What a concern's register() needs of mkdocs-macros' env: its config, variables and
    `macros`, the dict @env.macro adds to."""

    def __init__(self):
        from mkdocs.config import load_config

        self.conf = load_config(config_file=str(ROOT / "mkdocs.yml"))
        self.variables = {}
        self.macros = {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


@pytest.fixture(scope="module")
def registered():
    env = _Env()
    for concern in macros.CONCERNS:
        register_macros(concern, env)
    return dict(MACRO_DATA_FILES)


def test_each_macro_reads_the_data_files_its_concern_declares(registered):
    assert registered == {
        "drop_in_series": ("events.yaml",),
        "upcoming_drop_ins": ("events.yaml",),
        "past_drop_ins": ("events.yaml",),
        "drop_in_feeds": ("events.yaml",),
        "drop_in_facts": ("events.yaml",),
        "next_drop_in": ("events.yaml",),
        "figure_range": ("figures.yaml",),
        "figure_period": ("figures.yaml",),
        "figure_note": ("figures.yaml",),
        "figure_table": ("figures.yaml",),
        "figure_reimbursement": ("figures.yaml",),
        "figure_cost": ("figures.yaml",),
        "glossary_terms_table": ("glossary.yaml",),
        "job_description": ("job_description.yaml",),
        "job_description_form": ("job_description.yaml",),
        "job_description_downloads": ("job_description.yaml",),
        "roadmap_pathway": ("roadmap.yaml",),
        "supervisor_routes_list": ("supervisors.yaml",),
        "supervisor_checker": ("supervisors.yaml",),
        "supervision_workload": ("supervisors.yaml",),
    }


def test_the_macros_a_page_calls_name_their_data_files_in_order(registered):
    body = "{{ figure_range('afc') }} and {{- upcoming_drop_ins() }} {{ figure_note('afc') }} {{ page_url() }}"
    assert page_data_files(body) == ["figures.yaml", "events.yaml"]
    assert page_data_files("{{ not_a_macro() }} plain text") == []


@pytest.mark.parametrize(
    ("repo", "edit_uri", "docs", "expected"),
    [
        ("https://github.com/o/r", "edit/main/docs/", "docs", "https://github.com/o/r/edit/main/data/events.yaml"),
        (
            "https://github.com/o/r/",
            "edit/main/content",
            "content",
            "https://github.com/o/r/edit/main/data/events.yaml",
        ),
        ("https://github.com/o/r", "edit/main/", "docs", "https://github.com/o/r/edit/main/data/events.yaml"),
        ("", "edit/main/docs/", "docs", ""),
        ("https://github.com/o/r", "", "docs", ""),
    ],
)
def test_the_edit_link_swaps_the_docs_folder_for_the_files_own(repo, edit_uri, docs, expected):
    assert repository_edit_url(repo, edit_uri, docs, "data/events.yaml") == expected


def test_the_comment_names_each_file():
    assert comment_naming(["events.yaml"]) == (
        "<!-- Parts of this page come from data/events.yaml: edit that file to change them. -->"
    )
    assert "data/figures.yaml and data/job_description.yaml: edit those files" in comment_naming(
        ["figures.yaml", "job_description.yaml"]
    )


def test_each_page_made_from_data_starts_with_the_comment_naming_its_files():
    missing = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        body = text[match.end() :] if match else text
        files = page_data_files(body)
        if files and not body.lstrip("\n").startswith(comment_naming(files)):
            missing.append(f"{page.relative_to(ROOT)}: start it with {comment_naming(files)}")
    assert not missing, "\n".join(missing)
