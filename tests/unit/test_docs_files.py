"""docs/ holds pages and media only: nothing published from it can run script (issue 28)."""

from __future__ import annotations

import pytest

from macros.core.docs_files import docs_file_problems, svg_problem
from macros.core.problems import DataProblem

NOT_PUBLISHED = (
    "cannot be published from docs/: docs/ holds pages (.md), pictures (.png, .jpg, .webp, .gif, or a plain "
    ".svg) and documents (.pdf, .docx, .xlsx, .pptx, .odt, .txt, .csv). Scripts and styles belong to the "
    "maintainers, in overrides/assets/ (see CONTRIBUTING.md)"
)
PLAIN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#005EB8"/></svg>'
)


def test_files_that_could_run_are_refused_and_pages_and_media_pass(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "images").mkdir(parents=True)
    (docs / "roles").mkdir()
    for name in ("index.md", "assets/images/logo.svg", "assets/images/photo.JPG", "roles/leaflet.pdf"):
        (docs / name).write_text(PLAIN_SVG if name.endswith(".svg") else "x", encoding="utf-8")
    for name in ("roles/page.html", "assets/x.js", "assets/x.css", "roles/README", "search.mjs"):
        (docs / name).write_text("x", encoding="utf-8")
    (docs / ".hidden.js").write_text("x", encoding="utf-8")
    assert [str(problem) for problem in docs_file_problems(docs, "docs")] == [
        f"docs/assets/x.css: a '.css' file {NOT_PUBLISHED}",
        f"docs/assets/x.js: a '.js' file {NOT_PUBLISHED}",
        f"docs/roles/README: a file without a type {NOT_PUBLISHED}",
        f"docs/roles/page.html: a '.html' file {NOT_PUBLISHED}",
        f"docs/search.mjs: a '.mjs' file {NOT_PUBLISHED}",
    ]


def advice(found: str) -> str:
    return (
        f"this SVG holds '{found}', which can run script or load another file when the picture is opened: "
        "export it again as a plain drawing, or save it as PNG"
    )


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        (PLAIN_SVG, None),
        ('<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/></svg>', None),
        ("<svg><script>alert(1)</script></svg>", advice("<script")),
        ("<svg><SCRIPT >alert(1)</SCRIPT></svg>", advice("<SCRIPT")),
        ('<svg onload="alert(1)"></svg>', advice("onload=")),
        ('<svg><a href="javascript:alert(1)">x</a></svg>', advice('href="javascript:')),
        ('<svg><a xlink:href="&#106;avascript:alert(1)">x</a></svg>', advice('href="&')),
        ("<svg><foreignObject><p>x</p></foreignObject></svg>", advice("<foreignObject")),
        ('<svg><image href="https://tracker.example/x.png"/></svg>', advice('href="https:')),
        ('<svg><set attributeName="href" to="javascript:x"/></svg>', advice("<set")),
        ('<!DOCTYPE svg [<!ENTITY a "x">]><svg>&a;</svg>', advice("<!ENTITY")),
        ('<?xml-stylesheet href="x.css"?><svg/>', advice("<?xml-stylesheet")),
        ('<svg><animateTransform attributeName="x"/></svg>', advice("<animateTransform")),
        ("<svg><image src = data:image/png;base64,AAAA /></svg>", advice("src = data:")),
    ],
)
def test_an_svg_must_be_a_plain_drawing(svg, expected):
    assert svg_problem(svg) == expected


def test_each_problem_names_the_file_only(tmp_path):
    (tmp_path / "a.js").write_text("x", encoding="utf-8")
    (tmp_path / "b.svg").write_text("<svg><script>x()</script></svg>", encoding="utf-8")
    assert docs_file_problems(tmp_path, "docs") == [
        DataProblem("docs/a.js", None, "", f"a '.js' file {NOT_PUBLISHED}"),
        DataProblem("docs/b.svg", None, "", advice("<script")),
    ]


def test_an_svg_that_is_not_utf8_is_still_read_for_script(tmp_path):
    (tmp_path / "logo.svg").write_bytes(b"<svg><title>caf\xe9</title><script>x()</script></svg>")
    assert [str(problem) for problem in docs_file_problems(tmp_path, "docs")] == [f"docs/logo.svg: {advice('<script')}"]


def test_files_in_hidden_folders_are_not_published_and_not_read(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "hook.sh").write_text("x", encoding="utf-8")
    (tmp_path / "page.md").write_text("x", encoding="utf-8")
    assert docs_file_problems(tmp_path, "docs") == []
