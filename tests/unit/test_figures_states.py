"""A dated figure's three states (figures/wording.py): current, "not confirmed for 2026/27"
(carried past its confirmed period by `not_confirmed`), and ended; the ARRS reimbursement entry;
and the calculator's label. Whole sentences compared, as the pages show them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from macros.core.datafiles import DataFileError
from macros.figures.macros import calculator_label, reimbursement_html
from macros.figures.models import load_figures
from macros.figures.wording import (
    CURRENT,
    ENDED,
    NOT_CONFIRMED,
    FigureUse,
    check_reminders,
    is_out_of_date,
    next_check_lines,
    note_text,
    out_of_date_report,
    period_label,
    state,
)

FIGURES = """\
figures:
  - id: pay
    title: Band 7 pay
    period: 2026/27
    starts: 2026-04-01
    ends: 2027-03-31
    values:
      - label: Entry
        amount: 49387
    source: {title: Pay scales, publisher: NHS Employers, year: 2026, url: "https://example.org/pay"}
    check_with: NHS Employers
    check_url: https://example.org/
rates:
  - id: pension
    title: Employer's NHS pension contribution
    period: 2025/26
    starts: 2025-04-01
    ends: 2026-03-31
    not_confirmed:
      period: 2026/27
      until: 2027-03-31
      why: We found no notice for 2026/27.
    percent: 14.38
    charged_on: of pensionable pay
    source: {title: Rates, publisher: NHSBSA, year: 2025, url: "https://example.org/rates", checked: 2026-12-07}
    check_with: NHSBSA
    check_url: https://example.org/
reimbursement:
  id: arrs
  title: What ARRS pays back
  period: 2026/27
  starts: 2026-04-01
  ends: 2027-03-31
  source: {title: GP Contract, publisher: NHS England, year: 2026, url: "https://example.org/gp"}
  check_with: NHS England
  check_url: https://example.org/gp
"""


def load(tmp_path: Path, text: str = FIGURES):
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    return load_figures(path, "data/figures.yaml")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 3, 31), CURRENT),
        (date(2026, 4, 1), NOT_CONFIRMED),
        (date(2026, 12, 7), NOT_CONFIRMED),
        (date(2027, 3, 31), NOT_CONFIRMED),
        (date(2027, 4, 1), ENDED),
    ],
)
def test_a_carried_forward_rate_is_not_confirmed_until_its_last_day_then_ended(tmp_path, today, expected):
    pension = load(tmp_path).rate("pension")
    assert state(pension, today) == expected
    assert is_out_of_date(pension, today) is (expected == ENDED)


def test_the_pages_say_not_confirmed_in_words_distinct_from_ended(tmp_path):
    pension = load(tmp_path).rate("pension")
    assert period_label(pension, date(2026, 12, 7)) == "2025/26, not confirmed for 2026/27"
    assert note_text(pension, date(2026, 12, 7)) == (
        "These are the 2025/26 figures, confirmed for 1 April 2025 to 31 March 2026. We found no notice for 2026/27."
    )
    assert period_label(pension, date(2027, 4, 1)) == "2025/26"
    assert note_text(pension, date(2027, 4, 1)) == (
        "These are the 2025/26 figures, which applied from 1 April 2025 to 31 March 2026. "
        "That period has ended: check the current ones with NHSBSA."
    )


def test_the_reimbursement_is_a_contract_year_not_figures(tmp_path):
    arrs = load(tmp_path).reimbursement
    assert note_text(arrs, date(2026, 12, 7)) == (
        "This is for the 2026/27 contract year, which applies from 1 April 2026 to 31 March 2027."
    )
    assert note_text(arrs, date(2027, 4, 1)) == (
        "This is for the 2026/27 contract year, which applied from 1 April 2026 to 31 March 2027. "
        "That year has ended: check the current one with NHS England."
    )


def test_make_check_is_quiet_while_not_confirmed_and_warns_once_ended(tmp_path):
    figures = load(tmp_path)
    uses = [
        FigureUse("docs/roles/funding.md", 40, "arrs", "figure_reimbursement"),
        FigureUse("docs/roles/funding.md", 41, "other", "figure_reimbursement"),
    ]
    assert out_of_date_report(figures, {}, uses, date(2026, 12, 7), "data/figures.yaml") == []
    ended = out_of_date_report(figures, {}, uses, date(2027, 4, 1), "data/figures.yaml", {"pension": 30}, 52)
    assert [(item.file, item.line, item.message) for item in ended] == [
        (
            "data/figures.yaml",
            1,
            "the 2026/27 figures for Band 7 pay (pay) ended on 31 March 2027. Update the values, period and "
            "source from NHS Employers (https://example.org/); until then every page showing them says they "
            "are out of date",
        ),
        (
            "data/figures.yaml",
            30,
            "the 2025/26 rate for Employer's NHS pension contribution (pension) ended on 31 March 2026. Update "
            "the percent, period and source from NHSBSA (https://example.org/); until then every worked cost "
            "using it says it is out of date",
        ),
        (
            "data/figures.yaml",
            52,
            "the 2026/27 entry for What ARRS pays back (arrs) ended on 31 March 2027. Update it from the new "
            "year's Network Contract DES (https://example.org/gp); until then it is marked out of date on 1 page: "
            "docs/roles/funding.md",
        ),
    ]


def test_the_calculator_names_the_pay_year_and_any_rate_not_confirmed(tmp_path):
    figures = load(tmp_path)
    label = calculator_label(figures.get("pay"), list(figures.rates), date(2026, 12, 7))
    assert label == "2026/27 pay; employer's NHS pension contribution not confirmed for 2026/27"
    assert calculator_label(figures.get("pay"), [], date(2026, 12, 7)) == "2026/27 pay"


def test_not_confirmed_must_run_past_the_confirmed_period(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, FIGURES.replace("until: 2027-03-31", "until: 2026-03-01"))
    assert [problem.message for problem in caught.value.problems] == [
        "not_confirmed.until (2026-03-01) must be after the confirmed period ends (2026-03-31): it is the last "
        "day the hub keeps using the figure unconfirmed"
    ]


def test_the_hub_figures_are_current_or_not_confirmed_on_the_day_of_this_change():
    figures = load_figures(Path(__file__).resolve().parents[2] / "data" / "figures.yaml")
    today = date(2026, 12, 7)
    states = {item.id: state(item, today) for item in [*figures.figures, *figures.rates, figures.reimbursement]}
    assert states == {
        "afc-band-7-england": CURRENT,
        "employer-national-insurance": CURRENT,
        "nhs-pension-employer": NOT_CONFIRMED,
        "arrs-maximum": CURRENT,
    }


def test_a_page_naming_another_reimbursement_is_told_which_there_is(tmp_path):
    with pytest.raises(KeyError) as caught:
        reimbursement_html(load(tmp_path), "arrs-2025", date(2026, 12, 7))
    assert caught.value.args == (
        "there is no reimbursement 'arrs-2025' in data/figures.yaml; the reimbursement is: arrs",
    )


def test_the_reimbursement_shows_its_note_and_sources_and_no_amount_until_one_is_given(tmp_path):
    html = reimbursement_html(load(tmp_path), "arrs", date(2026, 12, 7))
    assert "The most ARRS pays back" not in html
    assert "This is for the 2026/27 contract year, which applies from 1 April 2026 to 31 March 2027." in html
    assert '<a href="https://example.org/gp">GP Contract</a>, NHS England, 2026' in html
    with_amount = load(
        tmp_path, FIGURES.replace("  check_with: NHS England\n", "  maximum: 58000\n  check_with: NHS England\n")
    )
    assert "The most ARRS pays back for a full-time OT is <strong>£58,000 a year</strong>" in reimbursement_html(
        with_amount, "arrs", date(2026, 12, 7)
    )


# --- the yearly reminders: when each figure usually changes ----------------------------------

REMINDED = FIGURES.replace(
    "    check_url: https://example.org/\nrates:",
    "    check_url: https://example.org/\n    usually_changes: when NHS Employers publishes\n    next_check: 2027-02-01\nrates:",
)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 7), []),
        (date(2027, 1, 1), []),
        (
            date(2027, 1, 2),
            [
                (
                    9,
                    "due soon",
                    "Band 7 pay is due to be checked by 1 February 2027. It usually changes when NHS Employers "
                    "publishes. Check it against NHS Employers (https://example.org/); if it has changed, change "
                    "it here, then set next_check to the next day to check it",
                )
            ],
        ),
        (
            date(2027, 2, 2),
            [
                (
                    9,
                    "warning",
                    "Band 7 pay was due to be checked on 1 February 2027. It usually changes when NHS Employers "
                    "publishes. Check it against NHS Employers (https://example.org/); if it has changed, change "
                    "it here, then set next_check to the next day to check it",
                )
            ],
        ),
    ],
)
def test_the_owner_is_reminded_in_the_30_days_before_next_check_and_warned_after(tmp_path, today, expected):
    reminders = check_reminders(load(tmp_path, REMINDED), today, {("figures", 0): 9})
    assert [(r.line, r.severity, r.message) for r in reminders] == expected


def test_the_reminder_points_at_its_next_check_line(tmp_path):
    path = tmp_path / "figures.yaml"
    path.write_text(REMINDED, encoding="utf-8")
    figures = load_figures(path)
    lines = next_check_lines(path, figures)
    assert lines[("figures", 0)] == REMINDED.splitlines().index("    next_check: 2027-02-01") + 1


def test_every_hub_figure_says_when_it_usually_changes_and_when_to_check_it_next():
    figures = load_figures(Path(__file__).resolve().parents[2] / "data" / "figures.yaml")
    when = {
        item.id: (item.usually_changes, item.next_check)
        for item in [*figures.figures, *figures.rates, figures.reimbursement]
    }
    assert all(text and day and day > date(2026, 12, 7) for text, day in when.values()), when
    assert when["employer-national-insurance"][1] == date(2027, 4, 6)
    assert check_reminders(figures, date(2026, 12, 7)) == []


def test_the_summary_counts_figures_to_check_apart_from_pages():
    from macros.editorial.check import summary
    from macros.editorial.findings import Finding

    findings = [
        Finding("docs/a.md", 1, "due soon", "x"),
        Finding("data/figures.yaml", 9, "due soon", "y"),
    ]
    assert summary(findings) == (
        "0 errors, 0 warnings, 1 page due for review within 30 days, 1 figure to check within 30 days."
    )
    assert summary(findings[:1]) == "0 errors, 0 warnings, 1 page due for review within 30 days."


def test_the_reminder_issue_lists_the_figures_due_with_when_they_change(tmp_path):
    from macros.figures.wording import reminders_markdown

    figures = load(tmp_path, REMINDED)
    assert reminders_markdown(figures, date(2026, 12, 7)) == ""
    assert reminders_markdown(figures, date(2027, 1, 15)) == (
        "These figures in `data/figures.yaml` are due to be checked. Check each against its source; if it has "
        'changed, change it, then move `next_check` on a year (see CONTRIBUTING.md, "When the figures change").\n'
        "\n"
        "| Figure | Check by | Usually changes | Check with |\n"
        "|---|---|---|---|\n"
        "| ` Band 7 pay ` | 1 February 2027 | ` when NHS Employers publishes ` | ` NHS Employers `: https://example.org/ |\n"
    )
    # Still listed once the day has passed, until someone moves next_check on.
    assert "| ` Band 7 pay ` | 1 February 2027 |" in reminders_markdown(figures, date(2027, 3, 1))
