"""`make check` finds £ amounts typed into a page's Markdown (figures/hand_typed.py)."""

from __future__ import annotations

from macros.figures.hand_typed import typed_amounts, typed_amounts_in


def test_amounts_in_the_text_are_found_with_their_lines():
    text = "---\ntitle: Pay\nsources:\n  - title: £5 note\n---\n# Pay\n\nBand 7 is £47,810 to £54,710.\nAbout £ 300, or £1.7 billion.\n"
    assert typed_amounts_in(text) == [(8, "£47,810"), (8, "£54,710"), (9, "£ 300"), (9, "£1.7")]


def test_front_matter_code_blocks_and_macros_are_left_alone():
    text = '# Pay\n\n```\n£100 in an example\n```\n\n{{ figure_range("afc-band-7-england") }} and a £ sign alone.\n'
    assert typed_amounts_in(text) == []


def test_every_page_is_read_and_named_as_the_editor_sees_it(tmp_path):
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "pay.md").write_text("# Pay\n\nIt costs £61,107.\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    found = typed_amounts(tmp_path)
    assert [(item.file, item.line, item.amount) for item in found] == [("docs/roles/pay.md", 3, "£61,107")]
