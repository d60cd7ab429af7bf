"""The worked cost of a post a year: a point of a pay figure, pro rata for the hours, plus each
employer's rate on that pay (National Insurance, the employer's pension contribution).

Pure functions: figures in, whole pounds out. The browser calculator
(overrides/assets/javascripts/cost-calculator.js) does the same sums with the same rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .models import Figure, Rate

# Agenda for Change full time: 37.5 hours a week is 1.0 whole-time equivalent.
FULL_TIME_HOURS = Decimal("37.5")


def whole_pounds(amount: Decimal) -> int:
    """Rounded to the nearest pound, halves up (as the calculator does)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class RateCost:
    rate: Rate
    amount: int


@dataclass(frozen=True)
class WorkedCost:
    figure: Figure
    point: str
    full_time_amount: int
    hours: Decimal
    salary: int
    rates: tuple[RateCost, ...]

    @property
    def whole_time_equivalent(self) -> Decimal:
        return (self.hours / FULL_TIME_HOURS).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def total(self) -> int:
        return self.salary + sum(line.amount for line in self.rates)


def rate_on(rate: Rate, salary: Decimal) -> int:
    """What the employer pays at this rate on a year's salary."""
    charged = max(Decimal(0), salary - rate.above)
    return whole_pounds(charged * rate.percent / 100)


def worked_cost(figure: Figure, point: str | None, hours: Decimal | float | str, rates: list[Rate]) -> WorkedCost:
    """The salary for a point of the figure (by its label; None for the first, the entry
    point) and the hours a week, and each rate on it."""
    hours = Decimal(str(hours))
    if not 0 < hours <= FULL_TIME_HOURS:
        raise ValueError(f"hours a week must be more than 0 and at most {FULL_TIME_HOURS}; the page asked for {hours}")
    if point is None:
        chosen = figure.values[0]
    else:
        try:
            chosen = figure.value(point)
        except KeyError:
            labels = ", ".join(value.label for value in figure.values)
            raise ValueError(f"the figure '{figure.id}' has no point '{point}'; its points are: {labels}") from None
    full_time = chosen.amount
    exact_salary = Decimal(full_time) * hours / FULL_TIME_HOURS
    salary = whole_pounds(exact_salary)
    return WorkedCost(
        figure=figure,
        point=chosen.label,
        full_time_amount=full_time,
        hours=hours,
        salary=salary,
        rates=tuple(RateCost(rate, rate_on(rate, Decimal(salary))) for rate in rates),
    )
