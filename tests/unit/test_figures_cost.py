"""The worked cost a year (figures/cost.py), the rates in data/figures.yaml, and the job
description's pay taken from the figures (jobdesc/pay.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from macros.core.datafiles import DataFileError
from macros.figures.cost import rate_on, whole_pounds, worked_cost
from macros.figures.models import load_figures
from macros.jobdesc.models import load_job_description
from macros.jobdesc.pay import salary_text, with_pay

ROOT = Path(__file__).resolve().parents[2]

FIGURES = """\
figures:
  - id: afc-band-7-england
    title: Band 7 pay
    period: 2025/26
    starts: 2025-04-01
    ends: 2026-03-31
    unit: a year
    values:
      - label: Entry
        amount: 47810
      - label: Top
        amount: 54710
    source: {title: Pay scales, publisher: NHS Employers, year: 2025, url: "https://www.nhsemployers.org/", checked: 2026-12-04}
    check_with: NHS Employers
    check_url: https://www.nhsemployers.org/
rates:
  - id: ni
    title: Employer's National Insurance
    period: 2025/26 tax year
    starts: 2025-04-06
    ends: 2026-04-05
    percent: 15
    above: 5000
    charged_on: of pay above £5,000 a year
    source: {title: NI, publisher: HMRC, year: 2024, url: "https://gov.uk/", checked: 2026-12-04}
    check_with: HMRC
    check_url: https://gov.uk/
  - id: pension
    title: Employer's NHS pension contribution
    period: 2025/26
    starts: 2025-04-01
    ends: 2026-03-31
    percent: 14.38
    charged_on: of pensionable pay
    source: {title: Rates, publisher: NHSBSA, year: 2025, url: "https://nhsbsa.nhs.uk/", checked: 2026-12-04}
    check_with: NHSBSA
    check_url: https://nhsbsa.nhs.uk/
"""


def figures_from(tmp_path: Path, text: str = FIGURES):
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    return load_figures(path, "data/figures.yaml")


def test_a_full_time_entry_point_costs_its_salary_plus_each_rate(tmp_path):
    figures = figures_from(tmp_path)
    cost = worked_cost(figures.get("afc-band-7-england"), "entry", 37.5, list(figures.rates))
    assert cost.salary == 47810
    # 15% of (47,810 - 5,000) = 6,421.50, rounded half up; 14.38% of 47,810 = 6,875.08.
    assert [line.amount for line in cost.rates] == [6422, 6875]
    assert cost.total == 47810 + 6422 + 6875
    assert cost.whole_time_equivalent == Decimal("1.00")
    assert figures.rates[0].source.checked == date(2026, 12, 4)


def test_part_time_hours_pay_pro_rata_and_the_threshold_stays_whole(tmp_path):
    figures = figures_from(tmp_path)
    cost = worked_cost(figures.get("afc-band-7-england"), "Top", "22.5", list(figures.rates))
    assert cost.salary == 32826  # 54,710 x 22.5 / 37.5
    assert cost.whole_time_equivalent == Decimal("0.60")
    assert cost.rates[0].amount == whole_pounds(Decimal(32826 - 5000) * Decimal("0.15"))


def test_pay_below_a_threshold_is_not_charged(tmp_path):
    rate = figures_from(tmp_path).rate("ni")
    assert rate_on(rate, Decimal(4000)) == 0
    assert rate_on(rate, Decimal(5001)) == 0  # 15p rounds to nothing
    assert rate_on(rate, Decimal(5010)) == 2  # £1.50 rounds half up


@pytest.mark.parametrize("hours", [0, -1, 40])
def test_hours_outside_a_week_are_refused(tmp_path, hours):
    figures = figures_from(tmp_path)
    with pytest.raises(ValueError, match="hours a week"):
        worked_cost(figures.get("afc-band-7-england"), "Entry", hours, [])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("percent: 14.38", "percent: 14.38%", "without %"),
        ("percent: 14.38", "percent: 120", "less than 100"),
        ("above: 5000", "above: £5,000", "whole pounds"),
        ("  - id: pension", "  - id: afc-band-7-england", "both have the id"),
    ],
)
def test_a_wrong_rate_stops_the_build_naming_the_field(tmp_path, old, new, message):
    with pytest.raises(DataFileError) as caught:
        figures_from(tmp_path, FIGURES.replace(old, new, 1))
    assert message in str(caught.value) and "data/figures.yaml" in str(caught.value)


def test_the_salary_is_the_figure_alone_even_after_the_pay_year_has_ended(tmp_path):
    # The Word and PDF documents go to applicants: the page tells the employer, never the field.
    figure = figures_from(tmp_path).get("afc-band-7-england")
    assert salary_text(figure, date(2026, 3, 31)) == "£47,810 to £54,710 a year"
    assert salary_text(figure, date(2026, 4, 1)) == "£47,810 to £54,710 a year"


def test_the_job_description_takes_its_pay_from_the_figures_unless_typed(tmp_path):
    figure = figures_from(tmp_path).get("afc-band-7-england")
    job = load_job_description(ROOT / "data" / "job_description.yaml")
    paid = with_pay(job, figure, date(2026, 1, 1))
    assert paid.fields.salary.default == "£47,810 to £54,710 a year"
    assert paid.fields.pay_year.default == "2025/26"
    typed = job.model_copy(
        update={
            "fields": job.fields.model_copy(update={"salary": job.fields.salary.model_copy(update={"default": "£1"})})
        }
    )
    assert with_pay(typed, figure, date(2026, 1, 1)).fields.salary.default == "£1"


def test_the_hub_figures_each_have_an_addressed_source_and_a_checked_one():
    # The pay table's own page could not be opened here: its confirmation is a further source.
    figures = load_figures(ROOT / "data" / "figures.yaml")
    assert {rate.id for rate in figures.rates} == {"employer-national-insurance", "nhs-pension-employer"}
    for item in [*figures.figures, *figures.rates, figures.reimbursement]:
        assert item.source.url, item.id
        assert any(source.url and source.checked for source in [item.source, *item.further_sources]), item.id


def test_the_first_point_is_the_default_and_an_unknown_point_is_named(tmp_path):
    figures = figures_from(tmp_path)
    figure = figures.get("afc-band-7-england")
    assert worked_cost(figure, None, 37.5, []).point == "Entry"
    with pytest.raises(ValueError, match="has no point 'Middle'; its points are: Entry, Top"):
        worked_cost(figure, "Middle", 37.5, [])
