"""The hub's commands started as `make` starts them, `python -m ...`, in a process of their own
(the unit tests call the same functions in-process: tests/unit/test_config_file.py and
tests/unit/test_jobdesc_documents.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]

MISALIGNED_MENU = """\
site_name: Test hub
strict: true
nav:
  - Home: index.md
  - The role:
      - roles/index.md
    - ARRS funding: roles/funding.md
"""


def test_the_config_file_command_prints_one_line_and_fails(tmp_path):
    (tmp_path / "docs" / "roles").mkdir(parents=True)
    for page in ("index.md", "roles/index.md", "roles/funding.md"):
        (tmp_path / "docs" / page).write_text("# Page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MISALIGNED_MENU, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.editorial.config_file", "--root", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("mkdocs.yml:7: error: this line does not line up")


def test_the_job_description_command_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "macros.jobdesc.adapt", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "--employer TEXT" in result.stdout and "--closing-date TEXT" in result.stdout
