"""A YAML mistake is reported at the line where it starts (an unclosed quote: where the quote
opens), with what to do, in data files, front matter and mkdocs.yml alike."""

from __future__ import annotations

import pytest
import yaml

from macros.core.datafiles import parse_yaml_text
from macros.core.problems import DataFileError
from macros.core.yaml_errors import yaml_error_advice, yaml_error_line
from macros.editorial.frontmatter import check_page_text

CASES = [
    # (name, text, the line of the mistake, words the advice must hold)
    ("unclosed double quote", 'a: 1\nb: "open\nc: 2\nd: 3\ne: 4\n', 2, "quote opened on this line is never closed"),
    ("unclosed single quote", "a: 1\nb: 'open\nc: 2\n", 2, "quote opened on this line is never closed"),
    ("no colon", "a: 1\nb 2\nc: 3\n", 2, "no colon after its name"),
    ("item indented too little", "a:\n  - x: 1\n    y: 2\n - z: 3\n", 4, "does not line up"),
    ("missing dash", "nav:\n  - a: b\n  c: d\n", 3, "a dash may be missing"),
    ("second colon", "title: Recruiting: an OT\nb: 1\n", 1, "put text containing a colon in quotes"),
    ("tab", "a:\n\tb: 1\n", 2, "tab character"),
    ("unclosed bracket", "a: [1, 2\nb: 3\nc: 4\n", 1, "'[' opened on this line is never closed"),
    # Mistakes PyYAML reads on past, giving up lines below (issue 30): the line is where they are.
    ("quote closed by the next value's quote", 'a: 1\nb: "open\nc: 2\nd: "x"\n', 2, "quote opened on this line"),
    (
        "menu section without its colon",
        "nav:\n  - Home: a.md\n  - The role\n      - b.md\n      - C: c.md\n",
        3,
        "no colon after 'The role', so YAML reads the lines under it as part of that name. Add the colon: '- The role:'",
    ),
    ("a name without its colon, a list under it", "title: x\nsources\n  - title: y\n", 2, "Add the colon: 'sources:'"),
    ("a name without its colon, a name under it", "title How\ndescription: x\n", 1, "no colon after its name"),
    ("a name indented too far", "a:\n  b: text\n    c: 1\n", 3, "indented further than the line above it"),
    ("a colon in the second line of a text", "a: some text\n  that goes on: here\n", 2, "text containing a colon"),
    ("text after a closed quote", 'a: "one\n  two" three\n', 2, "does not line up"),
]


@pytest.mark.parametrize(("name", "text", "line", "words"), CASES, ids=[case[0] for case in CASES])
def test_the_line_is_where_the_mistake_starts(name, text, line, words):
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.safe_load(text)
    assert yaml_error_line(caught.value, text) == line
    assert words in yaml_error_advice(caught.value, text)


@pytest.mark.parametrize(("name", "text", "line", "words"), CASES, ids=[case[0] for case in CASES])
def test_data_files_report_that_line_in_one_line(name, text, line, words):
    with pytest.raises(DataFileError) as caught:
        parse_yaml_text(text, "data/figures.yaml")
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"data/figures.yaml:{line}: ")
    assert words in str(problem) and "\n" not in str(problem)


def test_an_unclosed_quote_in_the_figures_file_points_at_its_own_line():
    """The case from the issue: an unclosed quote on line 16 was reported at the file's end."""
    lines = open("data/figures.yaml", encoding="utf-8").read().splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith("    title: "))  # the first figure's title
    lines[number] = lines[number].replace("title: ", 'title: "')
    with pytest.raises(DataFileError) as caught:
        parse_yaml_text("\n".join(lines) + "\n", "data/figures.yaml")
    assert str(caught.value.problems[0]).startswith(f"data/figures.yaml:{number + 1}: a quote opened on this line")


def test_front_matter_counts_the_opening_dashes():
    text = '---\ntitle: "Recruiting an OT\ndescription: x\nowner: y\n---\n\n# Heading\n'
    (problem,) = check_page_text(text, "docs/x.md").problems
    assert str(problem).startswith("docs/x.md:2: a quote opened on this line is never closed")
