"""data/figures.yaml's models: each refusal an editor can meet, compared whole, and the
look-ups the pages make (macros/figures/models.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from macros.core.datafiles import DataFileError
from macros.figures.models import load_figures

VALID = """\
figures:
  - id: band-7
    title: Band 7 pay
    period: 2025/26
    starts: 2025-04-01
    ends: 2026-03-31
    unit: a year
    values:
      - label: Entry
        amount: 47810
    source:
      title: Pay scales
      publisher: NHS Employers
      year: 2025
      url: https://www.nhsemployers.org/
    check_with: NHS Employers
    check_url: https://www.nhsemployers.org/
rates:
  - id: ni
    title: National Insurance
    period: 2025/26
    starts: 2025-04-01
    ends: 2026-03-31
    percent: 13.8
    above: 5000
    charged_on: of pay above £5,000 a year
    source:
      title: Rates
      publisher: HMRC
      year: 2025
      url: https://www.gov.uk/
    check_with: HMRC
    check_url: https://www.gov.uk/
reimbursement:
  id: arrs
  title: ARRS
  period: 2025/26
  starts: 2025-04-01
  ends: 2026-03-31
  maximum: 50000
  source:
    title: DES
    publisher: NHS England
    year: 2025
    url: https://www.england.nhs.uk/
  check_with: NHS England
  check_url: https://www.england.nhs.uk/
"""
FIGURE = "data/figures.yaml:{}: figure 1 (id 'band-7'), "
RATE = "data/figures.yaml:{}: rate 1 (id 'ni'), "
ARRS = "data/figures.yaml:40: field 'reimbursement', field 'maximum': "
AMOUNT = "data/figures.yaml:10: figure 1 (id 'band-7'), value 1 (label 'Entry'), field 'amount': "
NOT_A_RATE = "field 'percent': write the rate as a number without %, such as 14.38; you wrote "
ABOVE = "field 'above': write 'above' in whole pounds without £ or commas, such as 5000; you wrote "
MAXIMUM = "write the maximum in whole pounds without £ or commas, such as 50000; you wrote "
POUNDS = "write the amount in whole pounds without £, commas or pence, such as 47810; you wrote "


def load(tmp_path: Path, text: str = VALID):
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    return load_figures(path, "data/figures.yaml")


def refusal(tmp_path: Path, old: str, new: str) -> str:
    assert old in VALID
    with pytest.raises(DataFileError) as refused:
        load(tmp_path, VALID.replace(old, new, 1))
    return str(refused.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      year: 2025\n", "      year: 2101\n", FIGURE.format(14) + "field 'source', field 'year': 2101 is "
         "not a year we expect: write the year the source was published, such as 2025"),
        ("      year: 2025\n", "      year: 1999\n", FIGURE.format(14) + "field 'source', field 'year': 1999 is "
         "not a year we expect: write the year the source was published, such as 2025"),
        ("  percent: 13.8", "  percent: 13.8%", RATE.format(24) + NOT_A_RATE + "'13.8%'"),
        ("  percent: 13.8", "  percent: true", RATE.format(24) + NOT_A_RATE + "True"),
        ("  percent: 13.8", "  percent: [1]", RATE.format(24) + NOT_A_RATE + "[1]"),
        ("  percent: 13.8", "  percent: 0", RATE.format(24) + "field 'percent': a rate is a percentage more than 0 "
         "and less than 100; you wrote 0"),
        ("  percent: 13.8", "  percent: 100", RATE.format(24) + "field 'percent': a rate is a percentage more than "
         "0 and less than 100; you wrote 100"),
        ("  above: 5000", "  above: -1", RATE.format(25) + ABOVE + "-1"),
        ("  above: 5000", "  above: '5,000'", RATE.format(25) + ABOVE + "'5,000'"),
        ("  above: 5000", "  above: true", RATE.format(25) + ABOVE + "True"),
        ("  maximum: 50000", "  maximum: 0", ARRS + MAXIMUM + "0"),
        ("  maximum: 50000", "  maximum: -5", ARRS + MAXIMUM + "-5"),
        ("  maximum: 50000", "  maximum: true", ARRS + MAXIMUM + "True"),
        ("  maximum: 50000", "  maximum: '£50,000'", ARRS + MAXIMUM + "'£50,000'"),
        ("  - id: ni\n", "  - id: band-7\n", "data/figures.yaml:1: a figure and a rate both have the id 'band-7': "
         "give each its own id"),
        ("        amount: 47810", "        amount: 0", AMOUNT + "write the amount in whole pounds, more than 0, "
         "without £ or commas; you wrote 0"),
        ("        amount: 47810", "        amount: true", AMOUNT + POUNDS + "True"),
        ("        amount: 47810", "        amount: 47810.5", AMOUNT + POUNDS + "47810.5"),
        ("    ends: 2026-03-31\n    unit", "    ends: 2025-04-01\n    unit", "data/figures.yaml:2: figure 1 (id "
         "'band-7'): the period ends (2025-04-01) on or before it starts (2025-04-01): check 'starts' and 'ends'"),
        ("    ends: 2026-03-31\n    percent", "    ends: 2025-03-01\n    percent", "data/figures.yaml:19: rate 1 "
         "(id 'ni'): the period ends (2025-03-01) on or before it starts (2025-04-01): check 'starts' and 'ends'"),
    ],
)  # fmt: skip
def test_each_refusal_names_the_line_the_entry_and_the_fix(tmp_path, old, new, message):
    assert refusal(tmp_path, old, new) == message


def test_a_figure_carried_forward_must_be_carried_past_its_period(tmp_path):
    carried = "    unit: a year\n    not_confirmed: {period: 2026/27, until: 2026-03-31, why: No award yet}\n"
    assert refusal(tmp_path, "    unit: a year\n", carried) == (
        "data/figures.yaml:2: figure 1 (id 'band-7'): not_confirmed.until (2026-03-31) must be after the confirmed "
        "period ends (2026-03-31): it is the last day the hub keeps using the figure unconfirmed"
    )
    later = carried.replace("until: 2026-03-31", "until: 2026-04-01")
    assert load(tmp_path, VALID.replace("    unit: a year\n", later)).get("band-7").not_confirmed.until.day == 1


def test_a_rate_is_read_exactly_and_a_missing_maximum_is_allowed(tmp_path):
    figures = load(tmp_path, VALID.replace("  percent: 13.8", "  percent: '14.38'").replace("  maximum: 50000\n", ""))
    assert figures.rate("ni").percent == Decimal("14.38")
    assert figures.reimbursement.maximum is None
    assert load(tmp_path).rate("ni").percent == Decimal("13.8")


def test_the_pages_look_ups_name_what_there_is(tmp_path):
    figures = load(tmp_path)
    assert figures.get("band-7").value("ENTRY").amount == 47810
    with pytest.raises(KeyError) as missing:
        figures.get("band-7").value("Top")
    assert missing.value.args == ("Top",)
    with pytest.raises(KeyError) as missing:
        figures.get("band-8")
    assert missing.value.args == ("there is no figure 'band-8' in data/figures.yaml; the figures are: band-7",)
    with pytest.raises(KeyError) as missing:
        figures.rate("pension")
    assert missing.value.args == ("there is no rate 'pension' in data/figures.yaml; the rates are: ni",)
    no_rates = load(tmp_path, VALID.split("rates:\n")[0])
    with pytest.raises(KeyError) as missing:
        no_rates.rate("ni")
    assert missing.value.args == ("there is no rate 'ni' in data/figures.yaml; the rates are: none",)


def test_two_figures_with_one_id_are_refused_whole(tmp_path):
    figure = VALID.split("figures:\n", 1)[1].split("rates:\n")[0]
    with pytest.raises(DataFileError) as refused:
        load(tmp_path, "figures:\n" + figure + figure)
    assert str(refused.value) == (
        "data/figures.yaml:1: field 'figures': two figures have the id 'band-7': give each figure its own id"
    )
