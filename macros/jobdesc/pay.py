"""The job description's pay: its salary and pay year come from data/figures.yaml, so a new
pay year is one edit there. Built after the pay figure's period has ended, the salary says
beside it that the figures are out of date, as the pages' notes do."""

from __future__ import annotations

from datetime import date

from ..core.dates import long_date
from ..figures.models import Figure
from ..figures.wording import JOB_DESCRIPTION_FIGURE, is_out_of_date, range_text
from .models import JobDescription

__all__ = ["JOB_DESCRIPTION_FIGURE", "salary_text", "with_pay"]


def salary_text(figure: Figure, today: date) -> str:
    """ "£47,810 to £54,710 a year", with a warning in brackets once the figures' period has ended."""
    text = range_text(figure)
    if is_out_of_date(figure, today):
        text += (
            f" (out of date: these are the {figure.period} figures, which ended on "
            f"{long_date(figure.ends)}; check the current ones with {figure.check_with})"
        )
    return text


def with_pay(job: JobDescription, figure: Figure, today: date) -> JobDescription:
    """The job description with its salary and pay year defaults taken from the pay figure,
    where the data file leaves them empty (it should: typed again, they would drift)."""
    fields = job.fields
    salary = (
        fields.salary
        if fields.salary.default
        else fields.salary.model_copy(update={"default": salary_text(figure, today)})
    )
    pay_year = (
        fields.pay_year if fields.pay_year.default else fields.pay_year.model_copy(update={"default": figure.period})
    )
    return job.model_copy(update={"fields": fields.model_copy(update={"salary": salary, "pay_year": pay_year})})
