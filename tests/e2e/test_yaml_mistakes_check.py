"""The table of YAML mistakes (tests/yaml_mistakes.py) through `make build` (the strict build) and
`make check`, in a copy of the hub: each stops both at the line the editor changed, with the same
whole message (issue 30). tests/unit/test_yaml_mistakes.py runs the table through the pure functions."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, build_env, build_site, copy_project
from tests.yaml_mistakes import MISTAKES, Mistake

pytestmark = pytest.mark.e2e


def project_with(mistake: Mistake, destination: Path) -> Path:
    """A copy of the hub with the mistake made, and its Makefile, using the shared virtualenv."""
    root = copy_project(destination, {mistake.file: mistake.text()})
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(PROJECT_ROOT / name, root / name)
    (root / ".venv").symlink_to(Path(os.path.realpath(PROJECT_ROOT / ".venv")))
    return root


def make(root: Path, target: str) -> subprocess.CompletedProcess:
    # -o: the shared virtualenv is ready; make must not install into it.
    env = build_env()
    env.pop("GITHUB_ACTIONS", None)
    env.pop("HUB_OVERDUE_PAGES", None)
    return subprocess.run(
        ["make", "-o", ".venv/.build-deps", target], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_the_build_and_the_check_stop_at_the_mistakes_line_with_the_same_message(tmp_path, mistake):
    root = project_with(mistake, tmp_path / "project")
    # What each prints for the mistake: the build "file:line: message" (mkdocs.yml's own check
    # adds "error: " as `make check` does), `make check` "file:line: error: message".
    in_check = f"{mistake.file}:{mistake.line()}: error: {mistake.whole_message()}"
    in_build = in_check if mistake.file == "mkdocs.yml" else mistake.expected()

    built = make(root, "build")
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert in_build in output.splitlines(), output[-3000:]
    assert "Traceback" not in output and "mapping values are not allowed" not in output

    checked = make(root, "check")
    assert checked.returncode != 0 and "Traceback" not in checked.stderr, checked.stderr[-3000:]
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert errors == [in_check], checked.stdout[-3000:]


def test_mkdocs_build_run_directly_prints_mkdocs_own_message_for_mkdocs_yml(tmp_path):
    """Why `make build` and `make serve` read mkdocs.yml first: MkDocs loads hooks and plugins from
    mkdocs.yml, so none of the hub's code runs when it cannot be read. Run directly, `mkdocs build`
    prints PyYAML's words at the line where it gave up, two lines below the section's."""
    mistake = next(m for m in MISTAKES if m.id == "menu-section-without-colon")
    root = copy_project(tmp_path / "project", {mistake.file: mistake.text()})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "MkDocs encountered an error parsing the configuration file: mapping values are not allowed here" in (
        built.output
    )
    assert f"line {mistake.line() + 2}," in built.output
