"""Which data file a page's words come from, and the link that opens it for editing
(macros/editorial/data_sources.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import macros
from macros.editorial.data_sources import MACRO_DATA_FILES, comment_naming, page_data_files, repository_edit_url
from macros.editorial.frontmatter import FRONT_MATTER

ROOT = Path(__file__).resolve().parents[2]


def test_the_macros_a_page_calls_name_their_data_files_in_order():
    body = "{{ figure_range('afc') }} and {{- upcoming_drop_ins() }} {{ figure_note('afc') }} {{ page_url() }}"
    assert page_data_files(body) == ["figures.yaml", "events.yaml"]
    assert page_data_files("{{ not_a_macro() }} plain text") == []


class _Env:
    """What a concern's register() needs of mkdocs-macros' env, recording the macro names."""

    def __init__(self):
        self.names = []
        self.conf = {"config_file_path": str(ROOT / "mkdocs.yml")}

    def macro(self, function):
        self.names.append(function.__name__)
        return function


def test_every_macro_the_concerns_register_says_which_data_file_it_reads():
    from mkdocs.config import load_config

    env = _Env()
    env.conf = load_config(config_file=str(ROOT / "mkdocs.yml"))
    env.variables = {}
    for concern in macros.CONCERNS:
        if concern.register is not None:
            concern.register(env)
    assert env.names, "no macro registered: the test would pass on nothing"
    missing = sorted(set(env.names) - set(MACRO_DATA_FILES))
    assert not missing, f"add these macros to MACRO_DATA_FILES in macros/editorial/data_sources.py: {missing}"
    data = {path.name for path in (ROOT / "data").iterdir()}
    assert {name for name in MACRO_DATA_FILES.values() if name} <= data


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
