"""data/figures.yaml's models at the edges of what they accept: the first and last years,
the smallest amounts, a source found without an address (macros/figures/models.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.test_figures_models import VALID, load, refusal


def test_the_first_and_last_years_a_source_may_have_are_accepted(tmp_path):
    for year in (2000, 2100):
        figures = load(tmp_path, VALID.replace("      year: 2025\n", f"      year: {year}\n", 1))
        assert figures.get("band-7").source.year == year


def test_the_smallest_amounts_are_accepted(tmp_path):
    text = (
        VALID.replace("        amount: 47810", "        amount: 1")
        .replace("  above: 5000", "  above: 0")
        .replace("  maximum: 50000", "  maximum: 1")
        .replace("  percent: 13.8", "  percent: 0.5")
    )
    figures = load(tmp_path, text)
    assert figures.get("band-7").value("Entry").amount == 1
    assert (figures.rate("ni").above, figures.rate("ni").percent) == (0, Decimal("0.5"))
    assert figures.reimbursement.maximum == 1


NO_ADDRESS = "      url: https://www.nhsemployers.org/\n"


def test_a_source_without_an_address_says_how_to_find_it_in_how_to_find(tmp_path):
    found = load(tmp_path, VALID.replace(NO_ADDRESS, "      how_to_find: Search for pay scales on the site.\n", 1))
    assert found.get("band-7").source.how_to_find == "Search for pay scales on the site."
    assert refusal(tmp_path, NO_ADDRESS, "      note: Search for pay scales.\n") == (
        "data/figures.yaml:11: figure 1 (id 'band-7'), field 'source': this source has no address (url): say in "
        "'how_to_find:' how a reader can find it, such as 'To find it, search for ... on ...', or add 'url:' with "
        "the document's own address"
    )


def test_a_look_up_that_finds_nothing_lists_every_id_there_is(tmp_path):
    figure = VALID.split("figures:\n", 1)[1].split("rates:\n")[0]
    rate = VALID.split("rates:\n", 1)[1].split("reimbursement:\n")[0]
    text = (
        "figures:\n" + figure + figure.replace("id: band-7", "id: band-8")
        + "rates:\n" + rate + rate.replace("id: ni", "id: pension")
    )  # fmt: skip
    figures = load(tmp_path, text)
    with pytest.raises(KeyError) as missing:
        figures.get("band-9")
    assert missing.value.args == ("there is no figure 'band-9' in data/figures.yaml; the figures are: band-7, band-8",)
    with pytest.raises(KeyError) as missing:
        figures.rate("tax")
    assert missing.value.args == ("there is no rate 'tax' in data/figures.yaml; the rates are: ni, pension",)
