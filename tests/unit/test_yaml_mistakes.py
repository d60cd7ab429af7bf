"""The table of YAML mistakes (tests/yaml_mistakes.py) through the pure functions that read each
kind of file: every mistake at the line the editor changed, with the whole message (issue 30).
tests/e2e/test_yaml_mistakes_check.py runs the same table through the build and `make check`."""

from __future__ import annotations

import pytest

from macros.core.datafiles import parse_yaml_text
from macros.core.problems import DataFileError
from macros.editorial.config_file import nav_findings, read_config_text
from macros.editorial.frontmatter import check_page_text
from tests.helpers import PROJECT_ROOT
from tests.yaml_mistakes import MISTAKES, Mistake


def reported(mistake: Mistake) -> list[str]:
    """What the reader of that kind of file reports, as the lines the editor sees."""
    text = mistake.text()
    if mistake.file == "mkdocs.yml":
        data, node, findings = read_config_text(text)
        if not findings:  # it reads as YAML: the menu's pages are checked against docs/
            findings = nav_findings(data, node, PROJECT_ROOT / "docs")
        return [f"{f.file}:{f.line}: {f.message}" for f in findings]
    if mistake.file.startswith("docs/"):
        return [str(problem) for problem in check_page_text(text, mistake.file).problems]
    with pytest.raises(DataFileError) as caught:
        parse_yaml_text(text, mistake.file)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_each_mistake_is_one_line_at_its_own_line_with_the_fix_that_fits(mistake):
    assert reported(mistake) == [mistake.expected()]


def test_the_table_holds_the_mistakes_of_issue_30():
    ids = {m.id for m in MISTAKES}
    assert {
        "events-title-quote-never-closed",  # an unclosed quote in the middle of data/events.yaml
        "menu-section-without-colon",  # a menu section without its colon
        "front-matter-title-without-colon",  # a page's `title` without its colon
        "events-start-indented-too-far",  # a start time indented too far
    } <= ids
    middle = next(m for m in MISTAKES if m.id == "events-title-quote-never-closed")
    text = middle.text()
    assert text.count("\n") - middle.line() > 16  # in the middle of the file, not at its end
