"""The page `make serve` shows while a rebuild fails (macros/editorial/serve_errors.py)."""

from __future__ import annotations

from pathlib import Path

from macros.editorial.serve_errors import error_page, problem_lines

ROOT = Path(__file__).resolve().parents[2]


def test_our_own_messages_stay_one_line_each():
    messages = ["A data file needs fixing:\ndata/figures.yaml:16: a quote opened on this line is never closed",
                "Aborted with a BuildError!"]  # fmt: skip
    assert problem_lines(ROOT, messages) == ["data/figures.yaml:16: error: a quote opened on this line is never closed"]


def test_mkdocs_link_warnings_are_rewritten_with_their_line():
    message = ("Doc file 'roles/index.md' contains a link 'nowhere.md', but the target 'roles/nowhere.md' "
               "is not found among documentation files.")  # fmt: skip
    (line,) = problem_lines(ROOT, [message])
    assert line.startswith("docs/roles/index.md:1: error: the link 'nowhere.md' goes to a page that does not exist")


def test_a_broken_mkdocs_yml_is_reported_from_the_file_itself(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: 'x\nnav:\n  - index.md\n", encoding="utf-8")
    assert problem_lines(tmp_path, ["MkDocs encountered an error parsing the configuration file"]) == [
        "mkdocs.yml:1: error: a quote opened on this line is never closed. Add the closing quote (\" or ') at "
        "the end of the text, or remove the opening one"
    ]


def test_the_page_lists_each_line_escaped_and_loads_no_script_of_its_own():
    page = error_page(["docs/x.md:3: error: the link '<b>' is wrong"])
    assert "The site cannot be built until this is fixed" in page
    assert "<code>docs/x.md:3: error: the link &#39;&lt;b&gt;&#39; is wrong</code>" in page
    assert "<script" not in page
