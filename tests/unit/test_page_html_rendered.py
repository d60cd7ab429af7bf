"""The second reading of a page: the HTML the site's Markdown makes, read as a browser reads
it, and what is refused there, each message compared whole, at the line naming it
(macros/core/page_html.py: rendered_problems, page_problems, docs_html_problems)."""

from __future__ import annotations

import importlib.metadata

from macros.core.page_html import _settings_key, _source_line, docs_html_problems, page_problems, rendered_problems
from macros.core.problems import DataProblem
from tests.unit.test_page_html_properties import EXTENSIONS, SETTINGS

FRONT = "---\ntitle: A page\n---\n\n"
NO_CODE = (
    "pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a "
    "maintainer for a macro"
)
RESERVED = (
    "starts like the ids the site's own page parts use (_, hub-, jd-, cost-, answer-, question-, outcome-, route-, "
    "tick-, spec-, feed-, series-): choose another id"
)


def rendered(body: str) -> list[str]:
    return [str(p) for p in rendered_problems(FRONT + body + "\n", "docs/a.md", EXTENSIONS, SETTINGS)]


def test_what_a_comment_ended_early_hides_is_refused_at_its_line():
    assert rendered("Intro\n\n<!--> x\n<script>alert(1)</script> -->") == [
        f"docs/a.md:8: the HTML element <script> is not allowed in a page: {NO_CODE}"
    ]
    assert rendered("<!--> <b>x</b>\n<i>y</i> -->") == [
        "docs/a.md:5: the HTML element <b> is not allowed in a page: write **bold** in Markdown instead",
        "docs/a.md:6: the HTML element <i> is not allowed in a page: write *emphasis* in Markdown instead",
    ]


def test_attributes_in_the_made_html_are_refused_with_their_advice():
    assert rendered("Intro\n\n<!--> x\n<span onclick='x()'>a</span> -->") == [
        "docs/a.md:8: <span onclick=...> runs code in the reader's browser: delete onclick=..., pages cannot run code"
    ]
    assert rendered("<!--> x\n<p style='color:red'>a</p> -->") == [
        "docs/a.md:6: the attribute style= on <p> is not allowed here: delete it"
    ]
    assert rendered("<!--> x\n<span id='_x'>a</span> <span id='hub-x'>b</span> <span id='ok'>c</span> -->") == [
        f"docs/a.md:6: the id '_x' {RESERVED}"
    ]


def test_a_table_column_aligned_is_refused_at_its_line_of_dashes():
    assert rendered("Intro\n\n| a | b |\n|:--|--:|\n| 1 | 2 |") == [
        "docs/a.md:8: a table column set to align left, centre or right (a colon in the line of dashes) needs a "
        "style the site's policy does not allow: write the line of dashes without colons"
    ]


def test_addresses_are_read_as_the_browser_reads_them():
    assert rendered("Intro\n\n[x](http://a.org)") == [
        "docs/a.md:7: the address 'http://a.org' is not secure: write https:// instead of http://"
    ]
    assert rendered("Intro\n\n[x](java&#115;cript:y)") == [
        "docs/a.md:7: the address 'javascript:y' is not allowed: a link or image address must start https://, "
        "mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"
    ]
    assert rendered("[a](https://www.nhs.uk) ![b](../x.png) <!--> <img src='y.png' alt='z'> -->") == []


def test_the_same_problem_is_told_once_and_a_macro_call_is_read_as_a_word():
    assert rendered("<!--> <script>a</script>\n<script>b</script> -->") == [
        f"docs/a.md:5: the HTML element <script> is not allowed in a page: {NO_CODE}"
    ]
    assert rendered("{{ macro('<b>') }} <!--> <SCRIPT>x</SCRIPT> -->") == [
        f"docs/a.md:5: the HTML element <script> is not allowed in a page: {NO_CODE}"
    ]
    assert [str(p) for p in rendered_problems("<!--> <script>x</script> -->\n", "docs/a.md", EXTENSIONS, SETTINGS)] == [
        f"docs/a.md:1: the HTML element <script> is not allowed in a page: {NO_CODE}"
    ]


def test_the_source_line_is_the_first_naming_it_else_the_first_with_text():
    assert _source_line("\n\nabc\nDEF\n", "def") == 4
    assert _source_line("a\n&#115;cr", "scr") == 2
    assert _source_line("\n\n  \nxyz\n", "nothing") == 4
    assert _source_line("\n\nxyz", "") == 3
    assert _source_line("\n \n", "q") == 1


def test_the_markdown_reading_comes_first_and_the_html_reading_only_when_it_passes():
    assert [str(p) for p in page_problems(FRONT + "<b>x</b>\n", "docs/a.md", EXTENSIONS, SETTINGS)] == [
        "docs/a.md:5: the HTML element <b> is not allowed in a page: write **bold** in Markdown instead"
    ]
    assert [str(p) for p in page_problems(FRONT + "<!--> <b>x</b> -->\n", "docs/a.md", EXTENSIONS, SETTINGS)] == [
        "docs/a.md:5: the HTML element <b> is not allowed in a page: write **bold** in Markdown instead"
    ]
    assert page_problems(FRONT + "Text\n", "docs/a.md", EXTENSIONS, SETTINGS) == []


def test_every_page_of_a_folder_is_read_and_only_passes_are_remembered(tmp_path):
    docs, passed = tmp_path / "docs", tmp_path / "passed"
    for name, text in [("good.md", "Text\n"), ("roles/bad.md", "<b>x</b>\n"), (".hidden/bad.md", "<b>x</b>\n"),
                       ("late.md", "<!--> <i>y</i> -->\n"), ("notes.txt", "<b>x</b>\n")]:  # fmt: skip
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    expected = [
        "site/late.md:1: the HTML element <i> is not allowed in a page: write *emphasis* in Markdown instead",
        "site/roles/bad.md:1: the HTML element <b> is not allowed in a page: write **bold** in Markdown instead",
    ]
    found = docs_html_problems(docs, "site", EXTENSIONS, SETTINGS, passed)
    assert [str(p) for p in found] == expected
    assert len(list(passed.iterdir())) == 1  # good.md only
    assert [str(p) for p in docs_html_problems(docs, "site", EXTENSIONS, SETTINGS, passed)] == expected
    assert len(list(passed.iterdir())) == 1
    (docs / "good.md").write_text("Other text\n", encoding="utf-8")
    assert [str(p) for p in docs_html_problems(docs, "site", EXTENSIONS, SETTINGS, passed)] == expected
    assert len(list(passed.iterdir())) == 2
    assert [str(p) for p in docs_html_problems(docs, "site", EXTENSIONS, SETTINGS)] == expected


def test_a_remembered_pass_is_used_only_with_the_same_markdown_settings():
    key = _settings_key(EXTENSIONS, SETTINGS)
    assert key == _settings_key(list(EXTENSIONS), dict(SETTINGS))
    assert len(key) == 64
    assert key != _settings_key([*EXTENSIONS, "abbr"], SETTINGS)
    assert key != _settings_key(EXTENSIONS, {**SETTINGS, "toc": {"permalink": "#"}})


def test_a_jinja_comment_cannot_hide_an_address_and_an_image_address_is_read():
    assert rendered("[x]({# c #}javascript:alert(1))") == [
        "docs/a.md:5: the address 'javascript:alert(1)' is not allowed: a link or image address must start https://, "
        "mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"
    ]
    assert rendered("![b](http://a.org/x.png)") == [
        "docs/a.md:5: the address 'http://a.org/x.png' is not secure: write https:// instead of http://"
    ]


def test_an_attribute_in_another_namespace_is_read_by_its_own_name():
    assert rendered('<!--> <svg><a xlink:href="javascript:alert(1)">x</a></svg> -->') == [
        f"docs/a.md:5: the HTML element <svg> is not allowed in a page: {NO_CODE}",
        "docs/a.md:5: the address 'javascript:alert(1)' is not allowed: a link or image address must start https://, "
        "mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page",
    ]


def test_a_problem_names_no_field_and_the_markdown_settings_are_used():
    assert rendered_problems(FRONT + "[x](http://a.org)\n", "docs/a.md", EXTENSIONS, SETTINGS) == [
        DataProblem("docs/a.md", 5, "", "the address 'http://a.org' is not secure: write https:// instead of http://")
    ]
    settings = {"toc": {"slugify": lambda text, separator: "_" + text.lower()}}
    assert rendered_problems("# Title\n", "docs/a.md", ["toc"], settings) == [
        DataProblem("docs/a.md", 1, "", f"the id '_title' {RESERVED}")
    ]


def test_without_a_needle_the_source_line_is_the_first_with_text():
    assert _source_line("a\n\n\n", "") == 1


def test_a_page_not_in_utf8_is_read_with_stand_ins_and_the_folder_for_passes_is_made(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.md").write_bytes(b"<b>\xff</b>\n")
    (docs / "good.md").write_text("Text\n", encoding="utf-8")
    passed = tmp_path / "cache" / "passed"
    assert [str(p) for p in docs_html_problems(docs, "docs", EXTENSIONS, SETTINGS, passed)] == [
        "docs/bad.md:1: the HTML element <b> is not allowed in a page: write **bold** in Markdown instead"
    ]
    assert len(list(passed.iterdir())) == 1


def test_a_remembered_pass_is_used_only_with_the_same_library_versions(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "1.0")
    before = _settings_key(EXTENSIONS, SETTINGS)
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "1.1")
    assert _settings_key(EXTENSIONS, SETTINGS) != before
