"""Field types that data files and page front matter share, each with one rule and one
message that says how to fix a wrong value: ids, web addresses, email addresses, text and
sources. Every model that holds a link or an id uses these, so the rules cannot drift apart.

Also the cross-reference helpers for files that list entries once by id and refer to them
elsewhere (the roadmap and the supervisor checker).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, ClassVar, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .dates import long_date

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids become parts of web addresses and file names: long ones are refused before the file
# system does it for us with "File name too long".
MAX_ID_LENGTH = 60


def check_id(value: object) -> str:
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise ValueError(
            f"{_shown(value)} cannot be an id: use lower-case letters, numbers and single dashes, "
            "for example 'stage-1'. An id is part of web addresses: never change it once published"
        )
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(
            f"the id '{value[:20]}...' is {len(value)} characters long; keep ids to {MAX_ID_LENGTH} "
            "characters or fewer, a few words joined by dashes"
        )
    return value


# Characters that never belong in an address: spaces, controls, quotes and angle brackets
# would break out of the link they are printed in.
_UNSAFE_IN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`]")


def _https_host_names(address: str) -> list[str]:
    """The names of an https address's host ("www", "rcot", "co", "uk"), or none: another
    scheme, no host, or a malformed one (such as an unclosed '[')."""
    try:
        parts = urlsplit(address)
        host = parts.hostname
    except ValueError:
        return []
    if parts.scheme != "https" or not host:
        return []
    return [name for name in host.split(".") if name]


def check_web_address(value: object) -> str:
    """One rule for every link to another website: https, a host name with a dot, nothing unsafe."""
    if isinstance(value, str) and not _UNSAFE_IN_ADDRESS.search(value.strip()):
        address = value.strip()
        if len(_https_host_names(address)) >= 2:
            return address
    raise ValueError(
        f"{_shown(value)} is not a web address we can link to. Copy the full address from your browser: "
        "it starts with https://, for example https://www.rcot.co.uk/, and has no spaces or quotes"
    )


EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def check_email(value: object) -> str:
    if isinstance(value, str) and EMAIL.fullmatch(value.strip()):
        return value.strip()
    raise ValueError(
        f"{_shown(value)} is not an email address. Write it in full, for example name@nhs.net, "
        "with no spaces and no 'mailto:'"
    )


def _shown(value: object) -> str:
    shown = repr(value) if isinstance(value, str) else f"'{value}'"
    # A value quoted in a message is cut: a pasted page must not become a page-long message.
    return shown if len(shown) <= 200 else f"{shown[:200]}... ({len(shown) - 200} more characters)"


# Line breaks of every kind: a title or a name printed on one line must not carry a second
# one (in a page's <head>, in a calendar file, or at the foot of every page).
_LINE_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def check_single_line(value: object) -> object:
    """Titles, names and expansions are one line of text: refuse a line break (also a YAML `|` block)."""
    if isinstance(value, str) and _LINE_BREAK.search(value):
        start = _LINE_BREAK.split(value.strip())[0][:40]
        raise ValueError(
            f"this text runs over more than one line (it starts '{start}'). Put it all on one line, "
            "with no '|' or '>' after the colon"
        )
    if isinstance(value, str) and "\t" in value:
        start = value.split("\t")[0][:40]
        raise ValueError(
            f"this text holds a tab (after '{start}'), which only a field of several lines may hold. "
            "Delete it and type a space"
        )
    return value


def check_page_path(value: object) -> object:
    """A page of this site, written as its file under docs/: no '..', no leading '/', no address."""
    if not isinstance(value, str):
        return value
    # A backslash is refused with the other unsafe characters, so '/' is the only separator.
    if (
        not value.endswith(".md")
        or value.startswith("/")
        or ":" in value
        or ".." in value.split("/")
        or _UNSAFE_IN_ADDRESS.search(value)
    ):
        raise ValueError(
            f"{_shown(value)} is not a page of this site: write its file under docs/, as it appears "
            "there, such as supervision/index.md (no '..', no '/' at the start, no web address)"
        )
    return value


Id = Annotated[str, BeforeValidator(check_id)]
WebAddress = Annotated[str, BeforeValidator(check_web_address)]
Email = Annotated[str, BeforeValidator(check_email)]
Text = Annotated[str, Field(min_length=1)]
# Text that is shown on one line: titles, names, a glossary term's expansion.
SingleLine = Annotated[str, Field(min_length=1), BeforeValidator(check_single_line)]
PagePath = Annotated[str, BeforeValidator(check_page_path)]


class StrictModel(BaseModel):
    """Refuses keys it does not know, so a misspelt field is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(StrictModel):
    """A document facts rest on: shown with its title, publisher, address and, when someone read
    it, the day they did and found it still says what the hub says (`make check` warns after 12
    months). A checked date is a promise that the source was read that day: a source with no
    address cannot be read again by the next editor, so it carries no checked date and its note
    says how to find it."""

    title: SingleLine
    publisher: SingleLine
    url: WebAddress | None = None
    note: str = ""
    checked: date | None = None

    @model_validator(mode="after")
    def _checked_only_with_an_address(self):
        if self.url is None and self.checked is not None:
            raise ValueError(
                "a source with no address (url) cannot carry a checked date, because no one can open it "
                "to check it again. Remove 'checked:', and say in 'note:' how to find the source, such as "
                "'To find it, search for ... on ...'"
            )
        if self.url is None and not self.how_to_find_text().strip():
            raise ValueError(
                f"this source has no address (url): say in '{self.how_to_find_field}:' how a reader can find it, "
                "such as 'To find it, search for ... on ...', or add 'url:' with the document's own address"
            )
        return self

    # Where a source with no address says how to find it (a figure's source has its own field).
    how_to_find_field: ClassVar[str] = "note"

    def how_to_find_text(self) -> str:
        return self.note

    @property
    def checked_wording(self) -> str:
        """ "checked 4 December 2026", as the pages show it; empty when no one has checked it."""
        return f"checked {long_date(self.checked)}" if self.checked else ""


class IdentifiedEntry(StrictModel):
    """An entry other entries refer to by its id."""

    id: Id


class IdentifiedSource(IdentifiedEntry, Source):
    """A source listed once in a data file and named by its id where it is used."""


Entry = TypeVar("Entry", bound=IdentifiedEntry)


def entries_by_id(entries: Iterable[Entry], ids: Iterable[str]) -> list[Entry]:
    """The entries with these ids, in the order the ids are given (the ids were checked)."""
    by_id = {entry.id: entry for entry in entries}
    return [by_id[entry_id] for entry_id in ids]


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
