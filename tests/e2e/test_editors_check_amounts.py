"""`make check` names the file and line of a £ amount typed into a page."""

from __future__ import annotations

import pytest

from tests.e2e.test_editors_check import ROOT, run_check
from tests.helpers import copy_project

pytestmark = pytest.mark.e2e


def test_a_typed_amount_is_an_error_at_its_line(tmp_path):
    text = (ROOT / "docs/roles/funding.md").read_text(encoding="utf-8")
    text = text.replace("Pay scales change every year.", "Band 7 starts at £47,810. Pay scales change every year.", 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "£47,810" in row)
    root = copy_project(tmp_path / "project", {"docs/roles/funding.md": text})
    result = run_check(root, "--no-build")
    assert result.returncode == 1, result.stdout
    assert f"docs/roles/funding.md:{line}: error: £47,810 is typed into the page." in result.stdout
