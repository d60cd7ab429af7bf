"""`make check`'s strict build runs in a child forked from the check (macros/editorial/
build_messages.py), not in a Python of its own. It must print what `python -m mkdocs build`
prints, and read the hub's code from the project it builds, not from the check's memory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.editorial import build_messages
from tests.helpers import PROJECT_ROOT, build_env, copy_project

pytestmark = pytest.mark.e2e

BROKEN_LINK = "See [the roadmap](../supervision/roadmapp.md) for the stages.\n"


def comparable(output: str, site_dir: str) -> list[str]:
    """The lines of a build's output, with its folder and its time taken out."""
    lines = output.replace(site_dir, "SITE").splitlines()
    return [re.sub(r"in [\d.]+ seconds", "in N seconds", line) for line in lines]


def started_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(build_env(), HUB_CHECK_RUNNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_the_forked_build_prints_and_ends_as_a_started_mkdocs_does(tmp_path, monkeypatch):
    """A build with a broken link: its information lines, its warning and its exit status.
    (The clean build is every other `make check` test: the hub passes, printing nothing.)"""
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "supervision" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + BROKEN_LINK, encoding="utf-8")
    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(root)
    site_dir = tmp_path / "forked-site"
    site_dir.mkdir()
    forked_code, forked_output = build_messages._build_in_forked_child(
        root, ["build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        dict(os.environ, HUB_CHECK_RUNNING="1"),
    )  # fmt: skip
    started = started_build(root, tmp_path / "started-site")
    assert forked_code == started.returncode == 1
    assert comparable(forked_output, str(site_dir)) == comparable(
        started.stdout + started.stderr, str(tmp_path / "started-site")
    )
    assert "roadmapp.md" in forked_output and "Aborted with 1 warnings in strict mode!" in forked_output


def test_the_forked_build_reads_the_projects_own_code_not_the_checks(tmp_path, monkeypatch):
    """The check has imported the hub's packages (this test process has too, from the hub's
    own folder); the build must import them again from the project it builds, as a new
    Python started there would, even when the check runs from another folder."""
    import macros  # noqa: F401 - the test process holds the hub's code, as the check does

    root = copy_project(tmp_path / "project")
    wiring = root / "macros" / "__init__.py"
    wiring.write_text(
        wiring.read_text(encoding="utf-8") + '\nimport sys as _sys\nprint("this copy\'s macros", file=_sys.stderr)\n',
        encoding="utf-8",
    )
    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(PROJECT_ROOT)  # as `make check --root COPY` run from the hub itself
    returncode, output = build_messages.run_build(root)
    assert returncode == 0, output[-3000:]
    assert "this copy's macros" in output
    assert "macros" in sys.modules  # the check's own code is untouched in the check's process
