"""How dated figures read and how their warnings reach editors (macros/figures/wording.py),
beyond tests/unit/test_figures.py: one amount, no unit, a page that cannot be read, the
first line a page names a figure on, a job description with nothing typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_figures import VALID, write  # the same figures file as test_figures.py

from macros.core.datafiles import DataFileError
from macros.figures.models import load_figures
from macros.figures.wording import (
    FigureUse,
    check_job_description,
    figure_uses,
    job_description_problems,
    money,
    out_of_date_report,
    range_text,
    rate_lines,
)

TODAY = date(2026, 12, 4)


def figures_from(tmp_path: Path, text: str = VALID):
    return load_figures(write(tmp_path, text))


def test_money_is_whole_pounds_with_thousands_separated():
    assert money(1234567) == "£1,234,567"
    assert money(5) == "£5"


@pytest.mark.parametrize(
    ("find", "write", "shown"),
    [
        pytest.param("amount: 54710", "amount: 47810", "£47,810 a year", id="two-equal-amounts-read-as-one"),
        pytest.param("      - label: Top\n        amount: 54710\n", "", "£47,810 a year", id="a-single-value"),
        pytest.param("    unit: a year\n", "", "£47,810 to £54,710", id="no-unit-no-trailing-space"),
        pytest.param("amount: 47810", "amount: 99999", "£54,710 to £99,999 a year", id="lowest-to-highest"),
        pytest.param(
            "      - label: Top\n",
            "      - label: Middle\n        amount: 50273\n      - label: Top\n",
            "£47,810 to £54,710 a year",
            id="three-values-lowest-to-highest",
        ),
    ],
)
def test_a_figure_reads_as_its_lowest_to_highest_amount_and_unit(tmp_path, find, write, shown):
    assert find in VALID
    assert range_text(figures_from(tmp_path, VALID.replace(find, write)).get("band-7")) == shown


def test_a_page_not_saved_as_utf8_is_skipped_and_the_others_still_read(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_bytes(b"caf\xe9 {{ figure_range('band-7') }}\n")
    (docs / "b.md").write_bytes("\ufeffPay {{ figure_range( 'band-7' ) }}\n".encode())
    assert figure_uses(docs) == [FigureUse("docs/b.md", 1, "band-7", "figure_range")]
    assert figure_uses(docs, "site") == [FigureUse("site/b.md", 1, "band-7", "figure_range")]


def test_each_out_of_date_figure_is_one_warning_at_its_line_naming_every_page_once(tmp_path):
    figures = figures_from(tmp_path)
    uses = [
        FigureUse("docs/roles.md", 4, "band-7"),
        FigureUse("docs/pay.md", 9, "band-7"),
        FigureUse("docs/pay.md", 3, "other"),
        FigureUse("docs/pay.md", 12, "band-7"),
    ]
    report = out_of_date_report(figures, {"band-7": 6}, uses, TODAY, "data/figures.yaml")
    assert [(r.file, r.line, r.message) for r in report] == [
        (
            "data/figures.yaml",
            6,
            "the 2025/26 figures for Band 7 pay (band-7) ended on 31 March 2026. Update the values, period and "
            "source from NHS Employers (https://www.nhsemployers.org/); until then they are marked out of date on "
            "2 pages: docs/pay.md, docs/roles.md",
        )
    ]
    one_page = out_of_date_report(figures, {}, uses[:1], TODAY, "data/figures.yaml")
    assert one_page[0].message.endswith("until then they are marked out of date on 1 page: docs/roles.md")
    no_page = out_of_date_report(figures, {}, [], TODAY, "data/figures.yaml")
    assert no_page[0].message.endswith("until then every page showing them says they are out of date")


JOB_FIGURES = VALID.replace("id: band-7", "id: afc-band-7-england")


@pytest.mark.parametrize(
    "job_text",
    [
        "",  # an empty file
        "title: x\n",  # no fields at all
        "title: x\nfields:\n",  # fields left empty
        "title: x\nfields:\n  salary:\n  pay_year:\n",  # the fields named with nothing under them
        "title: x\nfields:\n  salary:\n    label: Salary\n  pay_year:\n    label: Pay year\n",  # no defaults
        'title: x\nfields:\n  salary:\n    default: ""\n  pay_year:\n    default: ""\n',  # empty defaults
    ],
)
def test_a_job_description_that_types_no_pay_takes_it_from_the_figures(tmp_path, job_text):
    figures = figures_from(tmp_path, JOB_FIGURES)
    job = tmp_path / "data" / "job_description.yaml"
    job.write_text(job_text, encoding="utf-8")
    assert job_description_problems(figures, job, "data/job_description.yaml") == []
    check_job_description(figures, tmp_path / "data")


def test_without_a_job_description_or_its_figure_nothing_is_compared(tmp_path):
    job = tmp_path / "data" / "job_description.yaml"
    assert job_description_problems(figures_from(tmp_path, JOB_FIGURES), job, "x") == []
    job.write_text("fields:\n  salary:\n    default: £1\n", encoding="utf-8")
    assert job_description_problems(figures_from(tmp_path), job, "x") == []  # no afc-band-7-england


def test_a_job_description_typing_other_pay_stops_the_build_naming_its_file(tmp_path):
    figures = figures_from(tmp_path, JOB_FIGURES)
    job = tmp_path / "data" / "job_description.yaml"
    job.write_text("fields:\n  pay_year:\n    default: 2024/25\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        check_job_description(figures, tmp_path / "data", "hub-data")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.where) == (
        "hub-data/job_description.yaml",
        3,
        "field 'pay_year', field 'default'",
    )
    assert problem.message == (
        "the pay year '2024/25' does not match data/figures.yaml (afc-band-7-england: 2025/26). Start it with "
        "'2025/26', or better leave it empty (default: \"\") so it comes from data/figures.yaml"
    )


def test_a_broken_job_description_is_named_as_the_editor_knows_it(tmp_path):
    figures = figures_from(tmp_path, JOB_FIGURES)
    (tmp_path / "data" / "job_description.yaml").write_text("fields: [\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        check_job_description(figures, tmp_path / "data")
    assert caught.value.problems[0].file == "data/job_description.yaml"


RATE = """\
rates:
  - id: employer-ni
    title: Employer's National Insurance
    period: 2025/26 tax year
    starts: 2025-04-06
    ends: 2026-04-05
    percent: 15
    above: 5000
    charged_on: of pay above £5,000 a year
    source:
      title: Rates
      publisher: HMRC
      year: 2025
      url: https://www.gov.uk/rates
      checked: 2026-12-04
    check_with: HMRC
    check_url: https://www.gov.uk/rates
"""


def test_an_out_of_date_rate_is_one_warning_at_its_line_naming_each_page_with_a_worked_cost(tmp_path):
    path = write(tmp_path, VALID + RATE)
    figures = load_figures(path)
    uses = [
        FigureUse("docs/pay.md", 4, "band-7", "figure_range"),
        FigureUse("docs/cost.md", 7, "band-7", "figure_cost"),
        FigureUse("docs/cost.md", 9, "band-7", "figure_cost"),
    ]
    lines = rate_lines(path, figures)
    assert lines == {"employer-ni": VALID.count("\n") + 6}
    in_period = out_of_date_report(figures, {}, uses, date(2026, 3, 31), "data/figures.yaml", rate_lines=lines)
    assert in_period == []
    late = out_of_date_report(figures, {}, uses, date(2026, 4, 6), "data/figures.yaml", rate_lines=lines)
    assert [(r.file, r.line, r.message) for r in late[1:]] == [
        (
            "data/figures.yaml",
            lines["employer-ni"],
            "the 2025/26 tax year rate for Employer's National Insurance (employer-ni) ended on 5 April 2026. "
            "Update the percent, period and source from HMRC (https://www.gov.uk/rates); "
            "until then the worked cost is marked out of date on 1 page: docs/cost.md",
        ),
    ]
    assert [(r.file, r.line) for r in late[:1]] == [("data/figures.yaml", 1)]
    assert late[0].message.endswith("they are marked out of date on 2 pages: docs/cost.md, docs/pay.md")
    no_cost = out_of_date_report(figures, {}, [], date(2026, 4, 6), "x")
    assert no_cost[-1].line == 1  # no line known
    assert no_cost[-1].message.endswith("until then every worked cost using it says it is out of date")


def test_a_page_names_which_macro_uses_a_figure(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text('{{ figure_cost("band-7", hours=22.5) }} {{ figure_note("band-7") }}\n', "utf-8")
    assert [u.macro for u in figure_uses(docs)] == ["figure_cost", "figure_note"]


def test_a_current_rate_listed_first_does_not_hide_a_later_expired_one(tmp_path):
    current = RATE.replace("id: employer-ni", "id: pension").replace("ends: 2026-04-05", "ends: 2027-04-05")
    expired = RATE.replace("rates:\n", "")
    figures = load_figures(write(tmp_path, VALID + current + expired))
    report = out_of_date_report(figures, {}, [], date(2026, 12, 4), "data/figures.yaml")
    assert [r.message.split(" ended")[0] for r in report] == [
        "the 2025/26 figures for Band 7 pay (band-7)",
        "the 2025/26 tax year rate for Employer's National Insurance (employer-ni)",
    ]
