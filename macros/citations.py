"""Sources and links shared by the learning tools' data files (roadmap, supervisors).

Each data file lists its sources once, by id; entries name the ones they rest on, so
every fact on the page can be traced to a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, field_validator

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def check_slug(value: str) -> str:
    if not re.fullmatch(SLUG, value):
        raise ValueError(
            f"'{value}' cannot be an id: use lower-case letters, numbers and single dashes, for example 'stage-1'"
        )
    return value


def check_web_address(value: str | None) -> str | None:
    if value is not None and not value.startswith("https://"):
        raise ValueError(f"'{value}' is not a web address: write it in full, starting https://")
    return value


class IdentifiedEntry(BaseModel):
    """An entry other entries refer to by its id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value):
        return check_slug(value)


class Source(IdentifiedEntry):
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _web_address(cls, value):
        return check_web_address(value)


def duplicate_id_problems(entries: Iterable, list_name: str) -> list[tuple[tuple, str]]:
    """Each id once in a list: a second entry with the same id would hide the first."""
    problems = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            problems.append(
                (
                    (list_name, index, "id"),
                    f"the id '{entry.id}' is already used by entry {seen[entry.id] + 1} of '{list_name}'; "
                    "give this entry an id of its own",
                )
            )
        else:
            seen[entry.id] = index
    return problems


def unknown_id_message(value: str, known: Iterable[str], list_name: str) -> str:
    known = sorted(known)
    return (
        f"'{value}' is not an id in '{list_name}'. Check its spelling; the ids there are: "
        f"{', '.join(known) if known else '(none yet)'}"
    )


def unused_problems(entries: Iterable, used: set[str], list_name: str, used_where: str) -> list[tuple[tuple, str]]:
    """An entry nothing refers to would never appear on the site: say so rather than drop it."""
    return [
        (
            (list_name, index, "id"),
            f"'{entry.id}' is not used by any {used_where}, so it would not appear on the site. "
            f"Add its id to one of them, or delete this entry",
        )
        for index, entry in enumerate(entries)
        if entry.id not in used
    ]
