"""mkdocs.yml's mistakes as one line each, at the line of the mistake (macros/editorial/config_file.py),
the way `make check`, `make build` and `make serve` report them."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.editorial.check import check_config_file
from macros.editorial.config_file import config_findings

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
site_name: Test hub
strict: true
nav:
  - Home: index.md
  - The role:
      - roles/index.md
      - ARRS funding: roles/funding.md
"""


def site(tmp_path: Path, config: str) -> Path:
    (tmp_path / "docs" / "roles").mkdir(parents=True)
    for page in ("index.md", "roles/index.md", "roles/funding.md"):
        (tmp_path / "docs" / page).write_text("# Page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def lines_of(tmp_path: Path, config: str) -> list[str]:
    return [str(finding) for finding in config_findings(site(tmp_path, config))]


def test_a_good_configuration_has_no_findings(tmp_path):
    assert lines_of(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("mistake", "config", "line", "words"),
    [
        ("menu entry indented too little", GOOD.replace("      - ARRS", "    - ARRS"), 7, "does not line up"),
        ("a missing dash", GOOD.replace("  - The role:", "  The role:"), 5, "a dash may be missing"),
        ("an unknown key", GOOD.replace("strict: true", "stirct: true"), 2, "no setting called 'stirct'. Did you mean 'strict'?"),
        ("a page the menu names that does not exist", GOOD.replace("roles/funding.md", "roles/fundng.md"), 7,
         "lists 'roles/fundng.md', but there is no page docs/roles/fundng.md"),
        ("an unclosed quote", GOOD.replace("site_name: Test hub", "site_name: 'Test hub"), 1, "quote opened on this line"),
        ("a menu that is not a list", "site_name: x\nnav: index.md\n", 2, "the menu (nav:) is not a list"),
    ],
)  # fmt: skip
def test_each_mistake_is_one_line_at_its_line(tmp_path, mistake, config, line, words):
    (finding,) = lines_of(tmp_path, config)
    assert finding.startswith(f"mkdocs.yml:{line}: error: ")
    assert words in finding
    assert "\n" not in finding and "Traceback" not in finding


def test_make_check_leaves_a_missing_page_to_the_build_which_names_its_line(tmp_path):
    root = site(tmp_path, GOOD.replace("roles/funding.md", "roles/fundng.md"))
    assert check_config_file(root) == []


def test_mkdocs_own_tags_are_read_without_complaint(tmp_path):
    config = GOOD + "extra:\n  key: !ENV [HUB_KEY, 'x']\nmarkdown_extensions:\n  - pymdownx.emoji:\n" \
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"  # fmt: skip
    assert lines_of(tmp_path, config) == []


def test_the_makefile_runs_it_before_build_and_serve():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("build:", "serve:"):
        recipe = makefile.split(f"\n{target}", 1)[1].split("\n\n", 1)[0]
        assert "-m macros.editorial.config_file" in recipe.split("mkdocs", 1)[0]
