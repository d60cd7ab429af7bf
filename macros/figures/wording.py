"""Pure functions for dated figures: how they read on a page, whether they are out of date,
where pages use them and whether the job description agrees with them. No MkDocs objects."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.dates import long_date
from ..core.problems import DataFileError, DataProblem, line_of
from ..core.yaml_reading import read_yaml
from ..jobdesc.models import DATA_FILE as JOB_DESCRIPTION_FILE
from .models import Figure, FiguresFile, Reimbursement

# The figure whose range and pay year data/job_description.yaml repeats in its defaults.
JOB_DESCRIPTION_FIGURE = "afc-band-7-england"

# A page uses a figure by naming its id in a figure macro: {{ figure_range("afc-band-7-england") }}
_MACRO_USE = re.compile(r"""\b(figure_[a-z_]+)\(\s*["']([a-z0-9-]+)["']""")
# The macro whose worked cost applies every rate (National Insurance, pension) to the pay.
COST_MACRO = "figure_cost"
# The macro that shows what ARRS pays back: {{ figure_reimbursement("arrs-maximum") }}
REIMBURSEMENT_MACRO = "figure_reimbursement"


def money(amount: int) -> str:
    return f"£{amount:,}"


def range_text(figure: Figure) -> str:
    """ "£47,810 to £54,710 a year", or one amount when the figure has one value."""
    amounts = sorted(point.amount for point in figure.values)
    text = money(amounts[0]) if amounts[0] == amounts[-1] else f"{money(amounts[0])} to {money(amounts[-1])}"
    return f"{text} {figure.unit}".strip()


def period_dates(figure: Figure) -> str:
    return f"{long_date(figure.starts)} to {long_date(figure.ends)}"


CURRENT = "current"
NOT_CONFIRMED = "not confirmed"
ENDED = "ended"


def state(figure, today: date) -> str:
    """Where a dated figure, rate or reimbursement stands on the build date:
    CURRENT inside its confirmed period (or before it starts: a new year published early);
    NOT_CONFIRMED after that period while the data carries it into the next one (`not_confirmed`),
    which the pages say in words; ENDED after both, which the pages and `make check` call out of date."""
    if today <= figure.ends:
        return CURRENT
    if figure.not_confirmed is not None and today <= figure.not_confirmed.until:
        return NOT_CONFIRMED
    return ENDED


def is_out_of_date(figure, today: date) -> bool:
    """True once the build date is after the last day the figure may be used."""
    return state(figure, today) == ENDED


def period_label(figure, today: date) -> str:
    """ "2026/27", or "2025/26, not confirmed for 2026/27" while carried forward unconfirmed."""
    if state(figure, today) == NOT_CONFIRMED:
        return f"{figure.period}, not confirmed for {figure.not_confirmed.period}"
    return figure.period


def note_text(figure, today: date) -> str:
    """The sentence shown beside a figure (plain text; the template adds the link)."""
    current = state(figure, today)
    if isinstance(figure, Reimbursement):
        verb = "applied" if current == ENDED else "applies"
        text = f"This is for the {figure.period} contract year, which {verb} from {period_dates(figure)}."
        return text + (
            f" That year has ended: check the current one with {figure.check_with}." if current == ENDED else ""
        )
    if current == ENDED:
        return (
            f"These are the {figure.period} figures, which applied from {period_dates(figure)}. "
            f"That period has ended: check the current ones with {figure.check_with}."
        )
    if current == NOT_CONFIRMED:
        return (
            f"These are the {figure.period} figures, confirmed for {period_dates(figure)}. {figure.not_confirmed.why}"
        )
    return f"These are the {figure.period} figures, which apply from {period_dates(figure)}."


@dataclass(frozen=True)
class FigureUse:
    file: str  # as an editor sees it: docs/roles/funding.md
    line: int
    figure_id: str
    macro: str = ""  # figure_range, figure_cost, ...


def figure_uses(docs_dir: Path, shown_prefix: str = "docs") -> list[FigureUse]:
    """Every place a page names a figure in a figure macro, in file and line order."""
    uses = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}"
        try:
            page = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # the front matter check reports a page that is not UTF-8
        for number, text in enumerate(page.splitlines(), 1):
            uses.extend(FigureUse(shown, number, match[2], match[1]) for match in _MACRO_USE.finditer(text))
    return uses


@dataclass(frozen=True)
class OutOfDate:
    file: str
    line: int
    message: str


def out_of_date_report(
    figures: FiguresFile,
    figure_lines: dict[str, int],
    uses: list[FigureUse],
    today: date,
    data_file: str,
    rate_lines: dict[str, int] | None = None,
    reimbursement_line: int | None = None,
) -> list[OutOfDate]:
    """One warning for each out-of-date figure or rate, at its line in the data file: the one
    place to act. It names the date its period ended, and the pages that show it (a figure) or
    apply it in a worked cost (a rate), which say it is out of date until the data file is
    updated; the pages themselves get no warning of their own."""
    report = []
    for figure in figures.figures:
        if not is_out_of_date(figure, today):
            continue
        pages = _pages([use for use in uses if use.figure_id == figure.id])
        shown_on = (
            f"they are marked out of date on {_count(pages, 'page')}: {', '.join(pages)}"
            if pages
            else "every page showing them says they are out of date"
        )
        report.append(
            OutOfDate(
                data_file,
                figure_lines.get(figure.id, 1),
                f"the {figure.period} figures for {figure.title} ({figure.id}) ended on {long_date(figure.ends)}. "
                f"Update the values, period and source from {figure.check_with} ({figure.check_url}); "
                f"until then {shown_on}",
            )
        )
    cost_pages = _pages([use for use in uses if use.macro == COST_MACRO])
    for rate in figures.rates:
        if not is_out_of_date(rate, today):
            continue
        used_on = (
            f"the worked cost is marked out of date on {_count(cost_pages, 'page')}: {', '.join(cost_pages)}"
            if cost_pages
            else "every worked cost using it says it is out of date"
        )
        report.append(
            OutOfDate(
                data_file,
                (rate_lines or {}).get(rate.id, 1),
                f"the {rate.period} rate for {rate.title} ({rate.id}) ended on {long_date(rate.ends)}. "
                f"Update the percent, period and source from {rate.check_with} ({rate.check_url}); "
                f"until then {used_on}",
            )
        )
    reimbursement = figures.reimbursement
    if reimbursement is not None and is_out_of_date(reimbursement, today):
        pages = _pages([use for use in uses if use.macro == REIMBURSEMENT_MACRO and use.figure_id == reimbursement.id])
        shown_on = (
            f"it is marked out of date on {_count(pages, 'page')}: {', '.join(pages)}"
            if pages
            else "every page showing it says it is out of date"
        )
        report.append(
            OutOfDate(
                data_file,
                reimbursement_line or 1,
                f"the {reimbursement.period} entry for {reimbursement.title} ({reimbursement.id}) ended on "
                f"{long_date(reimbursement.ends)}. Update it from the new year's Network Contract DES "
                f"({reimbursement.check_url}); until then {shown_on}",
            )
        )
    return report


def _pages(uses: list[FigureUse]) -> list[str]:
    """The pages among `uses`, each once, in file order."""
    return sorted({use.file for use in uses})


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def figure_lines(path: Path, figures: FiguresFile) -> dict[str, int]:
    """The line of each figure's `ends` in the data file, for warnings."""
    _, nodes = read_yaml(path)
    return {figure.id: line_of(nodes, ("figures", index, "ends")) or 1 for index, figure in enumerate(figures.figures)}


def rate_lines(path: Path, figures: FiguresFile) -> dict[str, int]:
    """The line of each rate's `ends` in the data file, for warnings."""
    _, nodes = read_yaml(path)
    return {rate.id: line_of(nodes, ("rates", index, "ends")) or 1 for index, rate in enumerate(figures.rates)}


REMIND_DAYS = 30


@dataclass(frozen=True)
class Reminder:
    line: int
    severity: str  # "due soon" or "warning"
    message: str


def dated_items(figures: FiguresFile) -> list[tuple[tuple, object]]:
    """Every dated item with its place in the data file: figures, rates, the reimbursement."""
    items = [(("figures", index), figure) for index, figure in enumerate(figures.figures)]
    items += [(("rates", index), rate) for index, rate in enumerate(figures.rates)]
    if figures.reimbursement is not None:
        items.append((("reimbursement",), figures.reimbursement))
    return items


def check_reminders(figures: FiguresFile, today: date, lines: dict[tuple, int] | None = None) -> list[Reminder]:
    """The yearly reminders: each item's `next_check`, due soon in the 30 days before it and a
    warning once it has passed. `make check` cannot know the day a source publishes a new
    year, so the owner checks on the day the figure usually changes."""
    reminders = []
    for place, item in dated_items(figures):
        if item.next_check is None:
            continue
        when = f" It usually changes {item.usually_changes}." if item.usually_changes else ""
        how = (
            f"Check it against {item.check_with} ({item.check_url}); if it has changed, change it here, "
            "then set next_check to the next day to check it"
        )
        line = (lines or {}).get(place, 1)
        if today > item.next_check:
            reminders.append(
                Reminder(
                    line, "warning", f"{item.title} was due to be checked on {long_date(item.next_check)}.{when} {how}"
                )
            )
        elif (item.next_check - today).days <= REMIND_DAYS:
            reminders.append(
                Reminder(
                    line, "due soon", f"{item.title} is due to be checked by {long_date(item.next_check)}.{when} {how}"
                )
            )
    return reminders


def reminders_markdown(figures: FiguresFile, today: date) -> str:
    """The figures due to be checked (within 30 days, or past their day), for the review
    reminder issue beside the overdue pages: each with when it usually changes and where to
    check it. Empty when none is due."""
    due = [
        item
        for _, item in dated_items(figures)
        if item.next_check is not None and (item.next_check - today).days <= REMIND_DAYS
    ]
    if not due:
        return ""
    rows = [
        "These figures in `data/figures.yaml` are due to be checked. Check each against its source; "
        "if it has changed, change it, then move `next_check` on a year (see CONTRIBUTING.md, "
        '"When the figures change").',
        "",
        "| Figure | Check by | Usually changes | Check with |",
        "|---|---|---|---|",
    ]
    from ..editorial.review import issue_text  # editors' text shown as typed in a GitHub issue

    for item in sorted(due, key=lambda item: (item.next_check, item.id)):
        changes = issue_text(item.usually_changes) if item.usually_changes else ""
        rows.append(
            f"| {issue_text(item.title)} | {long_date(item.next_check)} | {changes} | "
            f"{issue_text(item.check_with)}: {item.check_url} |"
        )
    return "\n".join(rows) + "\n"


def next_check_lines(path: Path, figures: FiguresFile) -> dict[tuple, int]:
    """The line of each item's `next_check` in the data file, for reminders."""
    _, nodes = read_yaml(path)
    return {place: line_of(nodes, (*place, "next_check")) or 1 for place, _ in dated_items(figures)}


def reimbursement_line(path: Path) -> int | None:
    """The line of the reimbursement's `ends` in the data file, for warnings."""
    _, nodes = read_yaml(path)
    return line_of(nodes, ("reimbursement", "ends"))


def job_description_problems(figures: FiguresFile, job_path: Path, shown_as: str) -> list[DataProblem]:
    """The job description takes the band 7 range and pay year from data/figures.yaml when its
    defaults are empty (jobdesc/pay.py). Typed again, they must agree with data/figures.yaml,
    or the page and the downloads would show other figures."""
    if not job_path.is_file() or not any(f.id == JOB_DESCRIPTION_FIGURE for f in figures.figures):
        return []
    figure = figures.get(JOB_DESCRIPTION_FIGURE)
    data, nodes = read_yaml(job_path, shown_as)
    fields = (data or {}).get("fields") or {}
    problems = []
    salary = str((fields.get("salary") or {}).get("default", ""))
    if salary and salary != range_text(figure):
        problems.append(
            DataProblem(
                shown_as,
                line_of(nodes, ("fields", "salary", "default")),
                "field 'salary', field 'default'",
                f"the salary '{salary}' does not match data/figures.yaml ({figure.id}: "
                f"{range_text(figure)}). Write '{range_text(figure)}', or better leave it empty (default: \"\") "
                "so it comes from data/figures.yaml",
            )
        )
    pay_year = str((fields.get("pay_year") or {}).get("default", ""))
    if pay_year and not pay_year.startswith(figure.period):
        problems.append(
            DataProblem(
                shown_as,
                line_of(nodes, ("fields", "pay_year", "default")),
                "field 'pay_year', field 'default'",
                f"the pay year '{pay_year}' does not match data/figures.yaml ({figure.id}: "
                f"{figure.period}). Start it with '{figure.period}', or better leave it empty (default: \"\") "
                "so it comes from data/figures.yaml",
            )
        )
    return problems


def check_job_description(figures: FiguresFile, data_dir: Path, shown_prefix: str = "data") -> None:
    problems = job_description_problems(
        figures, data_dir / JOB_DESCRIPTION_FILE, f"{shown_prefix}/{JOB_DESCRIPTION_FILE}"
    )
    if problems:
        raise DataFileError(problems)
