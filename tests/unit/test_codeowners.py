"""CODEOWNERS names a team for everything that runs or decides what runs (issue 19):
code, hooks, templates, scripts, workflows, mkdocs.yml, the Makefile and requirements.
Editors' pages and data files need no code owner's review."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"


def rules() -> list[tuple[str, list[str]]]:
    found = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            found.append((pattern, owners))
    return found


def owners_of(path: str) -> list[str]:
    """GitHub's rule for these patterns: anchored at the root, a trailing '/' is a folder, the last match wins."""
    matched: list[str] = []
    for pattern, owners in rules():
        anchored = pattern.lstrip("/")
        if anchored.endswith("/") and path.startswith(anchored) or fnmatch.fnmatchcase(path, anchored):
            matched = owners
    return matched


def test_every_rule_names_a_team():
    assert rules()
    for pattern, owners in rules():
        assert owners and all(re.fullmatch(r"@[\w-]+/[\w-]+", owner) for owner in owners), pattern


@pytest.mark.parametrize(
    "path",
    [
        "macros/core/datafiles.py",
        "macros/jobdesc/templates/print.html",
        "hooks/page_safety.py",
        "overrides/assets/javascripts/theme/base.js",
        "overrides/partials/content-policy.html",
        "overrides/main.html",
        "scripts/lighthouse.py",
        ".github/workflows/publish.yml",
        ".github/CODEOWNERS",
        "mkdocs.yml",
        "Makefile",
        "requirements.txt",
        "requirements-test.txt",
        "overrides/assets/javascripts/job-description.js",
    ],
)
def test_code_and_what_runs_it_have_owners(path):
    assert (ROOT / path).exists(), path
    assert owners_of(path), f"{path} has no code owner"


@pytest.mark.parametrize("path", ["docs/roles/index.md", "data/events.yaml", "docs/index.md"])
def test_editors_pages_and_data_need_no_code_owner(path):
    assert owners_of(path) == []


def test_docs_holds_no_code_so_nothing_there_needs_a_code_owner():
    # Scripts and styles live in overrides/assets/ (owned above); the build refuses any
    # other kind of file in docs/ (macros/core/docs_files.py).
    assert not [p for p in (ROOT / "docs").rglob("*") if p.suffix in {".js", ".css", ".html", ".mjs"}]


def test_contributing_tells_a_forking_hub_to_change_the_team():
    owners = {owner for _, names in rules() for owner in names}
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert all(owner in contributing for owner in owners)
    assert ".github/CODEOWNERS" in contributing
