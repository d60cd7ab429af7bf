"""Roadmap supervisors: who is eligible, the checker's questions, and its decision.

One data file (data/supervisors.yaml) gives the eligibility list on the supervision
page, the checker's questions and the checker's answers. `decide` is the checker's
logic; the browser script follows the same question tree, embedded in the page as JSON
by `checker_rules`, and the browser tests check every path gives `decide`'s answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..core.datafiles import load_data_file
from ..core.fields import (
    IdentifiedEntry,
    IdentifiedSource,
    SingleLine,
    WebAddress,
    duplicate_id_problems,
    entries_by_id,
    unknown_id_message,
    unused_problems,
)
from ..core.templating import render_template


class Route(IdentifiedEntry):
    who: str = Field(min_length=1)
    note: str = ""  # shown in the list only: the checker's answers already settle it
    scope: str = ""  # shown in the checker's answer; the pages say it once under the list
    next_steps: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class NotEligible(IdentifiedEntry):
    title: SingleLine
    why: str = Field(min_length=1)
    next_steps: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class Link(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: SingleLine
    url: WebAddress


class NextStep(IdentifiedEntry):
    text: str = Field(min_length=1)
    link: Link | None = None
    contact_hub: bool = False


class Answer(IdentifiedEntry):
    text: str = Field(min_length=1)
    next: str | None = None
    eligible: str | None = None
    not_eligible: str | None = None

    @model_validator(mode="after")
    def _exactly_one_outcome(self):
        given = [name for name in ("next", "eligible", "not_eligible") if getattr(self, name)]
        if len(given) != 1:
            wrote = f"; you wrote {' and '.join(given)}" if given else ""
            raise ValueError(
                "each answer needs exactly one of 'next' (a question id), 'eligible' (a route id) "
                f"or 'not_eligible' (an id from not_eligible){wrote}"
            )
        return self

    @property
    def leads_to(self) -> str:
        """What the answer leads to, as "question:id", "eligible:id" or "not-eligible:id"."""
        if self.next:
            return f"question:{self.next}"
        if self.eligible:
            return f"eligible:{self.eligible}"
        return f"not-eligible:{self.not_eligible}"


class Question(IdentifiedEntry):
    text: str = Field(min_length=1)
    hint: str = ""
    answers: list[Answer] = Field(min_length=2)


class Workload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    intro: str = Field(min_length=1)
    items: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class SupervisorData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[IdentifiedSource] = Field(min_length=1)
    routes: list[Route] = Field(min_length=1)
    not_eligible: list[NotEligible] = Field(min_length=1)
    next_steps: list[NextStep] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    workload: Workload

    def route(self, route_id: str) -> Route:
        return next(route for route in self.routes if route.id == route_id)

    def reason(self, reason_id: str) -> NotEligible:
        return next(reason for reason in self.not_eligible if reason.id == reason_id)

    def question(self, question_id: str) -> Question:
        return next(question for question in self.questions if question.id == question_id)

    def steps(self, step_ids: list[str]) -> list[NextStep]:
        return entries_by_id(self.next_steps, step_ids)

    def source_list(self, source_ids: list[str]) -> list[IdentifiedSource]:
        return entries_by_id(self.sources, source_ids)


def cross_reference_problems(data: SupervisorData) -> list[tuple[tuple, str]]:
    """Rules across entries: ids unique and known, every route and outcome reachable."""
    problems = []
    for name in ("sources", "routes", "not_eligible", "next_steps", "questions"):
        problems += duplicate_id_problems(getattr(data, name), name)

    source_ids = {source.id for source in data.sources}
    step_ids = {step.id for step in data.next_steps}
    used_sources: set[str] = set()
    used_steps: set[str] = set()
    for list_name, entries in (("routes", data.routes), ("not_eligible", data.not_eligible)):
        for index, entry in enumerate(entries):
            for position, step_id in enumerate(entry.next_steps):
                used_steps.add(step_id)
                if step_id not in step_ids:
                    problems.append(
                        (
                            (list_name, index, "next_steps", position),
                            unknown_id_message(step_id, step_ids, "next_steps"),
                        )
                    )
            for position, source_id in enumerate(entry.sources):
                used_sources.add(source_id)
                if source_id not in source_ids:
                    problems.append(
                        ((list_name, index, "sources", position), unknown_id_message(source_id, source_ids, "sources"))
                    )
    for position, source_id in enumerate(data.workload.sources):
        used_sources.add(source_id)
        if source_id not in source_ids:
            problems.append((("workload", "sources", position), unknown_id_message(source_id, source_ids, "sources")))

    route_ids = {route.id for route in data.routes}
    reason_ids = {reason.id for reason in data.not_eligible}
    reached: set[str] = set()
    order = {question.id: index for index, question in enumerate(data.questions)}
    for q_index, question in enumerate(data.questions):
        problems += [
            (("questions", q_index) + loc, message)
            for loc, message in duplicate_id_problems(question.answers, "answers")
        ]
        for a_index, answer in enumerate(question.answers):
            where = ("questions", q_index, "answers", a_index)
            if answer.next:
                if answer.next not in order:
                    problems.append((where + ("next",), unknown_id_message(answer.next, order, "questions")))
                elif order[answer.next] <= q_index:
                    problems.append(
                        (
                            where + ("next",),
                            f"'{answer.next}' is not further down the list. Questions are asked from the top: "
                            "an answer can only lead to a question below it, "
                            "so the checker never goes round in circles",
                        )
                    )
            elif answer.eligible and answer.eligible not in route_ids:
                problems.append((where + ("eligible",), unknown_id_message(answer.eligible, route_ids, "routes")))
            elif answer.not_eligible and answer.not_eligible not in reason_ids:
                problems.append(
                    (where + ("not_eligible",), unknown_id_message(answer.not_eligible, reason_ids, "not_eligible"))
                )
            reached.add(answer.leads_to)

    for index, question in enumerate(data.questions[1:], start=1):
        if f"question:{question.id}" not in reached:
            problems.append(
                (
                    ("questions", index, "id"),
                    f"no answer leads to the question '{question.id}', so nobody would be asked it. "
                    "Point an answer to it with 'next: " + question.id + "', or delete it",
                )
            )
    outcomes = (
        ("routes", data.routes, "eligible",
         "no answer in the checker leads to the route '{id}', so the checker and the list would disagree. "
         "Add 'eligible: {id}' to an answer in questions"),
        ("not_eligible", data.not_eligible, "not-eligible",
         "no answer in the checker leads to '{id}', so it would never be shown. "
         "Add 'not_eligible: {id}' to an answer in questions, or delete it"),
    )  # fmt: skip
    for list_name, entries, outcome, message in outcomes:
        problems += [
            ((list_name, index, "id"), message.format(id=entry.id))
            for index, entry in enumerate(entries)
            if f"{outcome}:{entry.id}" not in reached
        ]
    problems += unused_problems(data.next_steps, used_steps, "next_steps", "route or not_eligible entry")
    problems += unused_problems(data.sources, used_sources, "sources", "route, not_eligible entry or the workload")
    return problems


DATA_FILE = "supervisors.yaml"


def load_supervisors(path: Path, shown_as: str | None = None) -> SupervisorData:
    return load_data_file(path, SupervisorData, shown_as, checks=[cross_reference_problems])


# ---------------------------------------------------------------------------
# The decision
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """Where a set of answers leads.

    kind "eligible": `id` is the route; "not-eligible": `id` is the reason;
    "unanswered": `id` is the next question to answer. `asked` lists the questions on
    the way, in order.
    """

    kind: Literal["eligible", "not-eligible", "unanswered"]
    id: str
    asked: tuple[str, ...]

    @property
    def outcome(self) -> str:
        """ "eligible:gp" or "not-eligible:no-route": the key the page's result panels carry."""
        return f"{self.kind}:{self.id}"


def decide(data: SupervisorData, answers: Mapping[str, str]) -> Decision:
    """Follow the questions from the first, taking each answer from `answers`.

    `answers` maps question ids to answer ids; answers to questions that are not on the
    way are ignored, as the browser ignores (and clears) them. An answer id the question
    does not offer is a ValueError.
    """
    question = data.questions[0]
    asked: list[str] = []
    while True:
        asked.append(question.id)
        chosen = answers.get(question.id)
        if chosen is None:
            return Decision("unanswered", question.id, tuple(asked))
        answer = next((a for a in question.answers if a.id == chosen), None)
        if answer is None:
            offered = ", ".join(a.id for a in question.answers)
            raise ValueError(f"question '{question.id}' has no answer '{chosen}' (it offers {offered})")
        if answer.eligible:
            return Decision("eligible", answer.eligible, tuple(asked))
        if answer.not_eligible:
            return Decision("not-eligible", answer.not_eligible, tuple(asked))
        question = data.question(answer.next)


def every_path(data: SupervisorData) -> list[tuple[tuple[tuple[str, str], ...], Decision]]:
    """Every way through the checker: the (question, answer) pairs in order, and the decision."""
    paths = []

    def walk(question: Question, so_far: tuple[tuple[str, str], ...]):
        for answer in question.answers:
            path = so_far + ((question.id, answer.id),)
            if answer.next:
                walk(data.question(answer.next), path)
            else:
                paths.append((path, decide(data, dict(path))))

    walk(data.questions[0], ())
    return paths


def checker_rules(data: SupervisorData) -> dict:
    """The question tree for the browser script: the same data `decide` follows."""
    return {
        "start": data.questions[0].id,
        "questions": {
            question.id: {answer.id: answer.leads_to for answer in question.answers} for question in data.questions
        },
    }


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def routes_list(data: SupervisorData) -> str:
    """The eligibility list: the supervision page's and the checker page's."""
    return render_template("learning/supervisor_routes.html", routes=data.routes)


def workload_panel(data: SupervisorData) -> str:
    return render_template(
        "learning/supervisor_workload.html", workload=data.workload, sources=data.source_list(data.workload.sources)
    )


def checker(data: SupervisorData, hub: Mapping) -> str:
    """The checker: the questions (shown by the browser script) and every possible answer."""
    return render_template("learning/supervisor_checker.html", data=data, rules=checker_rules(data), hub=hub)
