"""The private parts of other libraries the hub still reads, where no public way exists
(README, "Private parts of other libraries we rely on"): each is checked here, so an upgrade
that renames or removes one fails this test, not a build."""

from __future__ import annotations

import docx
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page


def rendered_page(tmp_path, markdown: str) -> Page:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "docs" / "q-and-a.md").write_text(markdown, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    file = File("q-and-a.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def test_mkdocs_keeps_the_title_of_a_pages_first_heading_as_html(tmp_path):
    # hooks/escaping.py reads it: only this title is HTML; the file name's is text.
    page = rendered_page(tmp_path, "# Q&amp;A <em>now</em>\n\nText.\n")
    assert page._title_from_render == "Q&amp;A now"
    assert type(page).title.func(page) == "Q&amp;A now"
    assert rendered_page(tmp_path / "b", "Text.\n")._title_from_render is None
    assert type(page).title.func(rendered_page(tmp_path / "c", "Text.\n")) == "Q and a"


def test_python_docx_keeps_the_xml_of_cells_rows_and_paragraphs_where_the_writer_reaches_it():
    # macros/jobdesc/docx_writer.py: shading, a repeated header row, rows kept together, page numbers.
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    assert table.cell(0, 0)._tc.get_or_add_tcPr().tag.endswith("}tcPr")
    assert table.rows[0]._tr.get_or_add_trPr().tag.endswith("}trPr")
    assert document.sections[0].footer.paragraphs[0]._p.tag.endswith("}p")
