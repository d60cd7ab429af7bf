"""The job description's pay: its salary and pay year come from data/figures.yaml, so a new
pay year is one edit there. The salary is the figure alone: the Word and PDF documents go to
applicants, so a sentence for the employer (such as "out of date") never goes inside a field.
The job description page says it to the employer, above the form, with the figure's note."""

from __future__ import annotations

from datetime import date

from ..figures.models import Figure
from ..figures.wording import JOB_DESCRIPTION_FIGURE, range_text
from .models import JobDescription

__all__ = ["JOB_DESCRIPTION_FIGURE", "salary_text", "with_pay"]


def salary_text(figure: Figure, today: date) -> str:
    """ "£49,387 to £56,515 a year": the figure alone, whatever the build date (see above)."""
    return range_text(figure)


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
