"""data/figures.yaml: the model, the wording beside a figure, the out-of-date report and the
job description's copy of the pay figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from macros.core.datafiles import DataFileError
from macros.figures.macros import load_checked
from macros.figures.models import load_figures
from macros.figures.wording import (
    figure_lines,
    figure_uses,
    is_out_of_date,
    job_description_problems,
    note_text,
    out_of_date_report,
    range_text,
)

ROOT = Path(__file__).resolve().parents[2]

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
      - label: Top
        amount: 54710
    source:
      title: Pay scales for 2025/26
      publisher: NHS Employers
      checked: 2026-12-04
      year: 2025
      url: https://www.nhsemployers.org/articles/pay-scales-202526
    check_with: NHS Employers
    check_url: https://www.nhsemployers.org/
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data" / "figures.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataFileError) as caught:
        load_figures(write(tmp_path, text), "data/figures.yaml")
    return str(caught.value)


def test_the_hubs_own_figures_file_loads_and_agrees_with_the_job_description():
    figures = load_checked(ROOT / "data/figures.yaml", "data/figures.yaml")
    band_7 = figures.get("afc-band-7-england")
    assert [(p.label, p.amount) for p in band_7.values] == [("Entry", 49387), ("Intermediate", 51932), ("Top", 56515)]
    assert band_7.period == "2026/27" and band_7.ends == date(2027, 3, 31)
    assert band_7.source.year == 2026 and band_7.source.url.startswith("https://")


def test_a_valid_file_loads(tmp_path):
    figures = load_figures(write(tmp_path, VALID))
    assert range_text(figures.get("band-7")) == "£47,810 to £54,710 a year"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("ends: 2026-03-31", "ends: 2025-03-31"),
            "data/figures.yaml:2: figure 1 (id 'band-7'): the period ends (2025-03-31) on or before it starts (2025-04-01)",
        ),
        (
            ("ends: 2026-03-31", "ends: 2026-02-30"),
            "data/figures.yaml:6: figure 1 (id 'band-7'), field 'ends': '2026-02-30' is not a real date",
        ),
        (
            ("amount: 47810", "amount: £47,810"),
            "data/figures.yaml:10: figure 1 (id 'band-7'), value 1 (label 'Entry'), field 'amount': write the amount in whole pounds without £, commas or pence, such as 47810; you wrote '£47,810'",
        ),
        (("amount: 47810", "amount: -5"), "field 'amount': write the amount in whole pounds, more than 0"),
        (("      year: 2025\n", "      year: 25\n"), "field 'year': 25 is not a year we expect"),
        (
            (
                "      checked: 2026-12-04\n      year: 2025\n      url: https://www.nhsemployers.org/articles/pay-scales-202526\n",
                "      year: 2025\n",
            ),
            "this source has no address (url): say in 'how_to_find:' how a reader can find it",
        ),
        (
            ("      url: https://www.nhsemployers.org/articles/pay-scales-202526\n", ""),
            "a source with no address (url) cannot carry a checked date",
        ),
        (
            ("      url: https://www.nhsemployers.org/articles/pay-scales-202526", "      url: nhsemployers.org"),
            "'nhsemployers.org' is not a web address",
        ),
        (("  - id: band-7", "  - id: Band 7"), "'Band 7' cannot be an id"),
        (
            ("    check_with: NHS Employers\n", ""),
            "field 'check_with': this required field is missing. Add 'check_with:' with a value.",
        ),
        (("    unit: a year", "    units: a year"), "'units' is not a field we know. Check its spelling or remove it."),
    ],
)
def test_mistakes_name_the_file_line_entry_and_field(tmp_path, change, expected):
    old, new = change
    assert old in VALID
    assert expected in problem(tmp_path, VALID.replace(old, new, 1))


def test_two_figures_with_one_id_are_refused(tmp_path):
    text = VALID + VALID.split("figures:\n", 1)[1]
    assert "two figures have the id 'band-7'" in problem(tmp_path, text)


def test_a_figure_is_out_of_date_only_after_the_last_day_of_its_period(tmp_path):
    figure = load_figures(write(tmp_path, VALID)).get("band-7")
    assert not is_out_of_date(figure, date(2026, 3, 31))
    assert is_out_of_date(figure, date(2026, 4, 1))
    assert note_text(figure, date(2025, 10, 1)) == (
        "These are the 2025/26 figures, which apply from 1 April 2025 to 31 March 2026."
    )
    assert note_text(figure, date(2026, 11, 21)) == (
        "These are the 2025/26 figures, which applied from 1 April 2025 to 31 March 2026. "
        "That period has ended: check the current ones with NHS Employers."
    )


def test_the_report_is_at_the_data_line_and_names_each_page_showing_the_figure(tmp_path):
    path = write(tmp_path, VALID)
    figures = load_figures(path)
    docs = tmp_path / "docs"
    (docs / "roles").mkdir(parents=True)
    (docs / "roles" / "pay.md").write_text(
        'Intro.\n\nPay is {{ figure_range("band-7") }} for {{ figure_period("band-7") }}.\n\n{{ figure_note("band-7") }}\n',
        encoding="utf-8",
    )
    (docs / "other.md").write_text("No figures here.\n", encoding="utf-8")
    uses = figure_uses(docs)
    assert [(u.file, u.line) for u in uses] == [
        ("docs/roles/pay.md", 3),
        ("docs/roles/pay.md", 3),
        ("docs/roles/pay.md", 5),
    ]
    lines = figure_lines(path, figures)
    assert lines == {"band-7": 6}
    late = out_of_date_report(figures, lines, uses, date(2026, 11, 21), "data/figures.yaml")
    assert [(item.file, item.line) for item in late] == [("data/figures.yaml", 6)]
    assert late[0].message.endswith("they are marked out of date on 1 page: docs/roles/pay.md")
    assert "the 2025/26 figures for Band 7 pay (band-7) ended on 31 March 2026" in late[0].message
    assert out_of_date_report(figures, lines, uses, date(2026, 3, 31), "data/figures.yaml") == []


def test_the_job_description_must_repeat_the_figures(tmp_path):
    figures = load_figures(write(tmp_path, VALID.replace("id: band-7", "id: afc-band-7-england")))
    job = tmp_path / "data" / "job_description.yaml"
    job.write_text(
        "title: x\nfields:\n  salary:\n    label: Salary\n    default: £47,810 to £54,710 a year\n"
        "  pay_year:\n    label: Pay year\n    default: 2025/26 (England)\n",
        encoding="utf-8",
    )
    assert job_description_problems(figures, job, "data/job_description.yaml") == []
    job.write_text(
        job.read_text().replace("£54,710", "£54,000").replace("2025/26 (England)", "2024/25"), encoding="utf-8"
    )
    messages = [str(p) for p in job_description_problems(figures, job, "data/job_description.yaml")]
    assert messages[0].startswith(
        "data/job_description.yaml:5: field 'salary', field 'default': the salary '£47,810 to £54,000 a year'"
    )
    assert "Write '£47,810 to £54,710 a year'" in messages[0]
    assert messages[1].startswith(
        "data/job_description.yaml:8: field 'pay_year', field 'default': the pay year '2024/25'"
    )
    with pytest.raises(DataFileError):
        load_checked(tmp_path / "data" / "figures.yaml", "data/figures.yaml")
