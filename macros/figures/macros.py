"""Thin mkdocs-macros callers for dated figures: load data/figures.yaml once per build."""

from __future__ import annotations

from datetime import date

from ..core.clock import build_instant
from ..core.dates import build_date
from ..core.escaping import markdown_inline_text
from ..core.project import Project
from ..core.templating import render_template
from .cost import FULL_TIME_HOURS, worked_cost
from .models import DATA_FILE, Figure, Rate, load_figures
from .wording import (
    NOT_CONFIRMED,
    check_job_description,
    is_out_of_date,
    money,
    note_text,
    period_label,
    range_text,
    state,
)


def load_checked(path, shown_as=None):
    """The data file's loader: the model, then the job description's copy of the pay figures."""
    figures = load_figures(path, shown_as)
    shown_dir = (shown_as or "data/figures.yaml").rpartition("/")[0] or "data"
    check_job_description(figures, path.parent, shown_dir)
    return figures


def note_item(item, today: date) -> dict:
    """What figures/note.html needs for one dated figure, rate or reimbursement."""
    return {
        "figure": item,
        "text": note_text(item, today),
        "out_of_date": is_out_of_date(item, today),
        "not_confirmed": state(item, today) == NOT_CONFIRMED,
    }


def note_html(figure: Figure, today: date) -> str:
    return render_template("figures/note.html", **note_item(figure, today))


def calculator_label(figure: Figure, rates: list[Rate], today: date) -> str:
    """What the calculator's result says its figures are: the pay year, and any rate carried
    into that year unconfirmed, so it never names another year than the worked example."""
    label = f"{period_label(figure, today)} pay"
    for rate in rates:
        if state(rate, today) == NOT_CONFIRMED:
            label += f"; {rate.title[:1].lower()}{rate.title[1:]} not confirmed for {rate.not_confirmed.period}"
    return label


def percent_text(rate: Rate) -> str:
    """14.38 as "14.38", 15 as "15"."""
    return f"{rate.percent.normalize():f}"


def hours_text(hours) -> str:
    return f"{hours.normalize():f}"


def cost_html(figures, figure_id: str, point: str | None, hours, today: date) -> str:
    """The worked cost of a post a year, each figure's dated note, and the calculator."""
    figure = figures.get(figure_id)
    cost = worked_cost(figure, point, hours, list(figures.rates))
    items = [figure, *figures.rates]
    reimbursement = figures.reimbursement
    return render_template(
        "figures/cost.html",
        cost=cost,
        hours=hours_text(cost.hours),
        wte=f"{cost.whole_time_equivalent:f}",
        full_time=FULL_TIME_HOURS,
        full_time_text=hours_text(FULL_TIME_HOURS),
        money=money,
        percent=percent_text,
        period_of=lambda item: period_label(item, today),
        notes=[note_item(item, today) for item in items],
        any_out_of_date=any(is_out_of_date(item, today) for item in items),
        reimbursement=note_item(reimbursement, today) if reimbursement is not None else None,
        points=[(value.label, value.amount) for value in figure.values],
        rates=[{"percent": percent_text(rate), "above": rate.above} for rate in figures.rates],
        calculator_label=calculator_label(figure, list(figures.rates), today),
    )


def reimbursement_html(figures, reimbursement_id: str, today: date) -> str:
    reimbursement = figures.reimbursement
    if reimbursement is None or reimbursement.id != reimbursement_id:
        known = reimbursement.id if reimbursement is not None else "none"
        raise KeyError(
            f"there is no reimbursement '{reimbursement_id}' in data/figures.yaml; the reimbursement is: {known}"
        )
    return render_template("figures/reimbursement.html", money=money, **note_item(reimbursement, today))


def register(env) -> None:
    project = Project.from_config(env.conf)
    path = project.data_file(DATA_FILE)
    figures = load_checked(path, project.shown(path))
    today = build_date(build_instant())

    @env.macro
    def figure_range(figure_id: str) -> str:
        """Inline text: "£47,810 to £54,710 a year" (shown as typed in the page's Markdown)."""
        return markdown_inline_text(range_text(figures.get(figure_id)))

    @env.macro
    def figure_period(figure_id: str) -> str:
        """Inline text: the period's name, such as "2025/26" (shown as typed in the page's Markdown)."""
        return markdown_inline_text(figures.get(figure_id).period)

    @env.macro
    def figure_note(figure_id: str) -> str:
        """The note that goes beside a figure: its period, and whether it is out of date."""
        return note_html(figures.get(figure_id), today)

    @env.macro
    def figure_cost(figure_id: str, point: str | None = None, hours: float = 37.5) -> str:
        """A worked cost a year for one point of a pay figure (the first unless named) and the hours a week."""
        return cost_html(figures, figure_id, point, hours, today)

    @env.macro
    def figure_reimbursement(reimbursement_id: str) -> str:
        """What ARRS pays back this contract year (data/figures.yaml, `reimbursement:`), with its
        note, sources and, once the year has ended, that it is out of date."""
        return reimbursement_html(figures, reimbursement_id, today)

    @env.macro
    def figure_table(figure_id: str, point_heading: str = "Point", value_heading: str = "Amount") -> str:
        """Every value of the figure as a table, with its note below."""
        figure = figures.get(figure_id)
        return render_template(
            "figures/table.html",
            point_heading=point_heading,
            value_heading=value_heading,
            rows=[(point.label, money(point.amount)) for point in figure.values],
            **note_item(figure, today),
        )
