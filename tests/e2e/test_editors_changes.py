"""`make changes` in a clone: a change that adds a session and edits a sentence is told in
words, within a minute."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.helpers import build_env, copy_project

pytestmark = pytest.mark.e2e

OLD = "Health services use a lot of abbreviations."
NEW = "The NHS uses a great many abbreviations."


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_a_new_session_and_an_edited_sentence_are_told_in_words(tmp_path):
    root = copy_project(tmp_path / "clone")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")

    glossary = root / "docs" / "glossary.md"
    text = glossary.read_text(encoding="utf-8")
    assert OLD in text
    glossary.write_text(text.replace(OLD, NEW), encoding="utf-8")
    events = root / "data" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    assert "      - date: 2023-12-13\n" in text
    events.write_text(text.replace("      - date: 2023-12-13\n", "      - date: 2023-12-13\n      - date: 2027-01-13\n"),
                      encoding="utf-8")  # fmt: skip

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "macros.editorial.changes", "--base", "main", "--root", str(root)],
        cwd=root, env=build_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "- Changed: Glossary (glossary/)" in out
    assert f"    - Old: “{OLD}" in out and f"    - New: “{NEW}" in out
    assert "- Added: Occupational therapists in primary care drop-in, Wednesday 13 January 2027 at " in out
    # the new session's own page
    assert "- Added: Occupational therapists in primary care drop-in: Wednesday 13 January 2027" in out
    assert "No figure changed." in out
    # The check ran: its findings and their count, or (it printing nothing) that every check passed.
    assert "## make check\n    " in out and ("errors, " in out or "\n    All checks passed.\n" in out)
    assert elapsed < 60, f"took {elapsed:.0f} s (the issue asks for under a minute)"
