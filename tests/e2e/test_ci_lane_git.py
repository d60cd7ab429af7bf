"""scripts/ci_lane.py asks git what a pull request changed (the lane rules themselves are unit
tests: tests/unit/test_ci_lane.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_ci_lane import CONFIG

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def test_the_script_asks_git_what_changed(tmp_path):
    def git(*args):
        return subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org",
                               *args], capture_output=True, text=True, check=True)  # fmt: skip

    git("init", "-q")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "base")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "new.md").write_text("# New\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace("  - Home: index.md\n", "  - Home: index.md\n  - new.md\n"))
    git("add", "-A")
    git("commit", "-qm", "a page")

    def run():
        return subprocess.run([sys.executable, str(ROOT / "scripts" / "ci_lane.py"), "HEAD~1"], cwd=tmp_path,
                              capture_output=True, text=True, check=True).stdout  # fmt: skip

    assert run() == "fast\n"
    (tmp_path / "hooks.py").write_text("x = 1\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "code")
    assert run() == "whole\n"
