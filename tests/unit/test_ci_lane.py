"""The fast lane: a pull request that changes only pages, data files and the menu runs the
checks and the content tests; anything else runs every test (scripts/ci_lane.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from ci_lane import lane, without_nav  # noqa: E402

CONFIG = "site_name: Hub\nnav:\n  - Home: index.md\n  - Roles:\n      - roles/index.md\nplugins:\n  - search\n"


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["docs/roles/funding.md"], "fast"),
        (["docs/roles/funding.md", "data/events.yaml", ""], "fast"),
        (["data/figures.yaml"], "fast"),
        (["docs/roles/funding.md", "macros/events/ics.py"], "whole"),
        (["overrides/assets/javascripts/review-date.js"], "whole"),
        (["overrides/main.html"], "whole"),
        (["hooks/editorial.py"], "whole"),
        (["requirements.txt"], "whole"),
        ([".github/workflows/pull-request.yml"], "whole"),
        (["tests/unit/test_x.py"], "whole"),
        (["documents/x.md"], "whole"),
        ([], "whole"),
    ],
)
def test_only_pages_and_data_take_the_fast_lane(paths, expected):
    assert lane(paths) == expected


def test_a_menu_change_is_content_and_any_other_configuration_change_is_not():
    new_page = CONFIG.replace("      - roles/index.md\n", "      - roles/index.md\n      - roles/new.md\n")
    assert lane(["mkdocs.yml", "docs/roles/new.md"], CONFIG, new_page) == "fast"
    plugin = CONFIG.replace("  - search\n", "  - search\n  - macros\n")
    assert lane(["mkdocs.yml"], CONFIG, plugin) == "whole"
    assert without_nav(CONFIG) == "site_name: Hub\nplugins:\n  - search\n"
