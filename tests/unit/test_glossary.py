from __future__ import annotations

from macros.glossary.terms import Glossary, Term, abbreviation_definitions, glossary_table, load_glossary
from tests.helpers import refusal


def test_each_spelling_becomes_an_abbreviation_definition():
    glossary = Glossary(terms=[Term(term="OT", stands_for="occupational therapist", also=["OTs"])])
    assert abbreviation_definitions(glossary).splitlines() == [
        "*[OT]: occupational therapist",
        "*[OTs]: occupational therapist",
    ]


def test_a_term_can_stay_off_the_tooltips_but_on_the_glossary_page():
    glossary = Glossary(terms=[Term(term="NHS", stands_for="National Health Service", tooltip=False)])
    assert abbreviation_definitions(glossary) == ""
    assert "National Health Service" in glossary_table(glossary)


def test_the_table_is_sorted_a_to_z_with_header_cells_and_caption():
    glossary = Glossary(terms=[Term(term="PCN", stands_for="b"), Term(term="ARRS", stands_for="a")])
    html = glossary_table(glossary)
    assert html.index("ARRS") < html.index("PCN")
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html


def test_a_term_listed_twice_is_refused(tmp_path):
    text = "terms:\n  - term: GP\n    stands_for: a\n  - term: GPs\n    stands_for: b\n  - term: X\n    stands_for: c\n    also: [GP]\n"
    assert "'GP' is in the glossary twice" in refusal(tmp_path, text, load_glossary, "data/glossary.yaml")


def test_an_abbreviation_with_a_space_is_refused(tmp_path):
    message = refusal(tmp_path, "terms:\n  - term: A B\n    stands_for: x\n", load_glossary, "data/glossary.yaml")
    assert "data/glossary.yaml:2: term 1 (term 'A B'), field 'term': 'A B' cannot be an abbreviation" in message


def test_the_hubs_own_glossary_loads():
    from pathlib import Path

    glossary = load_glossary(Path("data/glossary.yaml"))
    terms = {term.term for term in glossary.terms}
    assert {"ARRS", "FCP", "AP", "AHP", "HCPC", "MACP", "PCN", "WT&E", "HEE", "CD", "BM", "MDT", "GDPR", "KSA"} <= terms
