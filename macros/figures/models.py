"""Typed models for data/figures.yaml and its loader.

Each figure is a set of values (band 7 pay: entry, intermediate, top) that belongs to a
period (the 2025/26 pay year, 1 April 2025 to 31 March 2026) and comes from a named source.
Editors update the file when a new pay year is published; a mistake stops the build with
the file, line, entry and field.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..core.datafiles import load_data_file
from ..core.fields import Id, SingleLine, Source, WebAddress


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FigureSource(Source):
    """Where the figure comes from: the hub's Source, with the year it was published and, when
    it has no address of its own, how to find it (Source refuses one with neither, and a checked
    date on one with no address)."""

    year: int
    how_to_find: str = ""

    @field_validator("year")
    @classmethod
    def _plausible_year(cls, year: int) -> int:
        if not 2000 <= year <= 2100:
            raise ValueError(f"{year} is not a year we expect: write the year the source was published, such as 2025")
        return year

    how_to_find_field: ClassVar[str] = "how_to_find"

    def how_to_find_text(self) -> str:
        return self.how_to_find


class NotConfirmed(_Strict):
    """After its confirmed period, a figure the hub keeps using for the next period while no
    source confirms it for that period (the pension split after 2025/26): the pages say it is
    "not confirmed for 2026/27", which is not the same as "ended"."""

    period: SingleLine
    until: date
    why: SingleLine


def _carried_forward_after_period(item):
    if item.not_confirmed is not None and item.not_confirmed.until <= item.ends:
        raise ValueError(
            f"not_confirmed.until ({item.not_confirmed.until.isoformat()}) must be after the confirmed period "
            f"ends ({item.ends.isoformat()}): it is the last day the hub keeps using the figure unconfirmed"
        )
    return item


class _Dated(_Strict):
    """What a figure, a rate and a reimbursement share: a period whose end is after its start,
    and a `not_confirmed` state that is carried forward once its period has ended. Each keeps
    its own fields, in the order an editor writes them."""

    @model_validator(mode="after")
    def _period_order(self):
        if self.ends <= self.starts:
            raise ValueError(
                f"the period ends ({self.ends.isoformat()}) on or before it starts "
                f"({self.starts.isoformat()}): check 'starts' and 'ends'"
            )
        return _carried_forward_after_period(self)


class Point(_Strict):
    """One value of a figure, such as the entry point of band 7."""

    label: SingleLine
    amount: int

    @field_validator("amount", mode="before")
    @classmethod
    def _whole_pounds(cls, amount):
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise ValueError(
                f"write the amount in whole pounds without £, commas or pence, such as 47810; you wrote {amount!r}"
            )
        return amount

    @field_validator("amount")
    @classmethod
    def _positive(cls, amount: int) -> int:
        if amount <= 0:
            raise ValueError(f"write the amount in whole pounds, more than 0, without £ or commas; you wrote {amount}")
        return amount


class Figure(_Dated):
    id: Id
    title: SingleLine
    period: SingleLine
    starts: date
    ends: date
    unit: SingleLine | Literal[""] = ""
    values: list[Point] = Field(min_length=1)
    source: FigureSource
    # Other sources the figure's note names (a second confirmation, a related rule).
    further_sources: list[FigureSource] = []
    check_with: SingleLine
    check_url: WebAddress
    # Sentences that belong to the figure (what the amounts include, such as the year's pay
    # award): shown beside it, so a new year's figure brings its own sentences.
    note: str = ""
    not_confirmed: NotConfirmed | None = None
    # When it usually changes, in words ("on 1 April"), and the next day to check it: make
    # check reminds the owner 30 days before, and warns once the day has passed.
    usually_changes: SingleLine | None = None
    next_check: date | None = None

    def value(self, label: str) -> Point:
        for point in self.values:
            if point.label.lower() == label.lower():
                return point
        raise KeyError(label)


class Rate(_Dated):
    """An employer's cost charged as a share of pay (National Insurance, the employer's pension
    contribution) for a period, from a named source: the worked cost applies it to a salary."""

    id: Id
    title: SingleLine
    period: SingleLine
    starts: date
    ends: date
    percent: Decimal
    # Pay up to this many pounds a year is not charged (National Insurance's secondary threshold).
    above: int = 0
    # What the rate is charged on, in words: "of pay above £5,000 a year".
    charged_on: SingleLine
    source: FigureSource
    further_sources: list[FigureSource] = []
    check_with: SingleLine
    check_url: WebAddress
    note: str = ""
    not_confirmed: NotConfirmed | None = None
    # When it usually changes, in words ("on 1 April"), and the next day to check it: make
    # check reminds the owner 30 days before, and warns once the day has passed.
    usually_changes: SingleLine | None = None
    next_check: date | None = None

    @field_validator("percent", mode="before")
    @classmethod
    def _a_percentage(cls, percent):
        if isinstance(percent, bool) or not isinstance(percent, int | float | str):
            raise ValueError(f"write the rate as a number without %, such as 14.38; you wrote {percent!r}")
        try:
            value = Decimal(str(percent))
        except InvalidOperation:
            raise ValueError(f"write the rate as a number without %, such as 14.38; you wrote {percent!r}") from None
        if not 0 < value < 100:
            raise ValueError(f"a rate is a percentage more than 0 and less than 100; you wrote {percent}")
        return value

    @field_validator("above", mode="before")
    @classmethod
    def _whole_pounds(cls, above):
        if isinstance(above, bool) or not isinstance(above, int) or above < 0:
            raise ValueError(f"write 'above' in whole pounds without £ or commas, such as 5000; you wrote {above!r}")
        return above


class Reimbursement(_Dated):
    """What ARRS pays back for the post in one contract year (the Network Contract DES): the
    most it pays back, when a source we could read gives it, and what the year's amounts assume.
    Dated like a figure, so a new contract year is an edit here and an ended one is a warning."""

    id: Id
    title: SingleLine
    period: SingleLine
    starts: date
    ends: date
    # The most ARRS pays back for a full-time OT a year, in whole pounds, with on-costs; absent
    # while no source we could read gives it.
    maximum: int | None = None
    source: FigureSource
    further_sources: list[FigureSource] = []
    check_with: SingleLine
    check_url: WebAddress
    note: str = ""
    not_confirmed: NotConfirmed | None = None
    # When it usually changes, in words ("on 1 April"), and the next day to check it: make
    # check reminds the owner 30 days before, and warns once the day has passed.
    usually_changes: SingleLine | None = None
    next_check: date | None = None

    @field_validator("maximum", mode="before")
    @classmethod
    def _whole_pounds(cls, maximum):
        if maximum is not None and (isinstance(maximum, bool) or not isinstance(maximum, int) or maximum <= 0):
            raise ValueError(
                f"write the maximum in whole pounds without £ or commas, such as 50000; you wrote {maximum!r}"
            )
        return maximum


class FiguresFile(_Strict):
    figures: list[Figure] = Field(min_length=1)
    rates: list[Rate] = []
    reimbursement: Reimbursement | None = None

    @model_validator(mode="after")
    def _ids_unique_across_lists(self):
        figure_ids = {figure.id for figure in self.figures}
        for rate in self.rates:
            if rate.id in figure_ids:
                raise ValueError(f"a figure and a rate both have the id '{rate.id}': give each its own id")
        return self

    @field_validator("figures")
    @classmethod
    def _unique_ids(cls, figures: list[Figure]) -> list[Figure]:
        seen: set[str] = set()
        for figure in figures:
            if figure.id in seen:
                raise ValueError(f"two figures have the id '{figure.id}': give each figure its own id")
            seen.add(figure.id)
        return figures

    def get(self, figure_id: str) -> Figure:
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        known = ", ".join(f.id for f in self.figures)
        raise KeyError(f"there is no figure '{figure_id}' in data/figures.yaml; the figures are: {known}")

    def rate(self, rate_id: str) -> Rate:
        for rate in self.rates:
            if rate.id == rate_id:
                return rate
        known = ", ".join(r.id for r in self.rates) or "none"
        raise KeyError(f"there is no rate '{rate_id}' in data/figures.yaml; the rates are: {known}")


DATA_FILE = "figures.yaml"


def load_figures(path: Path, shown_as: str | None = None) -> FiguresFile:
    return load_data_file(path, FiguresFile, shown_as)
