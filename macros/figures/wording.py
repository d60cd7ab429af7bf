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
from .models import Figure, FiguresFile

# The figure whose range and pay year data/job_description.yaml repeats in its defaults.
JOB_DESCRIPTION_FIGURE = "afc-band-7-england"

# A page uses a figure by naming its id in a figure macro: {{ figure_range("afc-band-7-england") }}
_MACRO_USE = re.compile(r"""\b(figure_[a-z_]+)\(\s*["']([a-z0-9-]+)["']""")
# The macro whose worked cost applies every rate (National Insurance, pension) to the pay.
COST_MACRO = "figure_cost"


def money(amount: int) -> str:
    return f"£{amount:,}"


def range_text(figure: Figure) -> str:
    """ "£47,810 to £54,710 a year", or one amount when the figure has one value."""
    amounts = sorted(point.amount for point in figure.values)
    text = money(amounts[0]) if amounts[0] == amounts[-1] else f"{money(amounts[0])} to {money(amounts[-1])}"
    return f"{text} {figure.unit}".strip()


def period_dates(figure: Figure) -> str:
    return f"{long_date(figure.starts)} to {long_date(figure.ends)}"


def is_out_of_date(figure: Figure, today: date) -> bool:
    """True once the build date is after the last day of the figure's period."""
    return today > figure.ends


def note_text(figure: Figure, today: date) -> str:
    """The sentence shown beside a figure (plain text; the template adds the link)."""
    if is_out_of_date(figure, today):
        return (
            f"These are the {figure.period} figures, which applied from {period_dates(figure)}. "
            f"That period has ended: check the current ones with {figure.check_with}."
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
) -> list[OutOfDate]:
    """One warning for each out-of-date figure in the data file, and one for each page showing it
    (at the page's first line that names it); the same for each out-of-date rate, and each page
    whose worked cost applies it."""
    report = []
    for figure in figures.figures:
        if not is_out_of_date(figure, today):
            continue
        what = f"the {figure.period} figures for {figure.title} ({figure.id}) ended on {long_date(figure.ends)}"
        report.append(
            OutOfDate(
                data_file,
                figure_lines.get(figure.id, 1),
                f"{what}. Update the values, period and source from {figure.check_with} "
                f"({figure.check_url}); until then every page showing them says they are out of date",
            )
        )
        first_use: dict[str, int] = {}
        for use in uses:
            if use.figure_id == figure.id:
                first_use.setdefault(use.file, use.line)
        report.extend(
            OutOfDate(file, line, f"{what}: this page shows them, with a note that they are out of date")
            for file, line in first_use.items()
        )
    cost_pages: dict[str, int] = {}
    for use in uses:
        if use.macro == COST_MACRO:
            cost_pages.setdefault(use.file, use.line)
    for rate in figures.rates:
        if not is_out_of_date(rate, today):
            continue
        what = f"the {rate.period} rate for {rate.title} ({rate.id}) ended on {long_date(rate.ends)}"
        report.append(
            OutOfDate(
                data_file,
                (rate_lines or {}).get(rate.id, 1),
                f"{what}. Update the percent, period and source from {rate.check_with} ({rate.check_url}); "
                "until then every worked cost using it says it is out of date",
            )
        )
        report.extend(
            OutOfDate(file, line, f"{what}: this page's worked cost uses it, with a note that it is out of date")
            for file, line in cost_pages.items()
        )
    return report


def figure_lines(path: Path, figures: FiguresFile) -> dict[str, int]:
    """The line of each figure's `ends` in the data file, for warnings."""
    _, nodes = read_yaml(path)
    return {figure.id: line_of(nodes, ("figures", index, "ends")) or 1 for index, figure in enumerate(figures.figures)}


def rate_lines(path: Path, figures: FiguresFile) -> dict[str, int]:
    """The line of each rate's `ends` in the data file, for warnings."""
    _, nodes = read_yaml(path)
    return {rate.id: line_of(nodes, ("rates", index, "ends")) or 1 for index, rate in enumerate(figures.rates)}


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
