"""The glossary: one data file gives the glossary page and the tooltips on every page."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..core.datafiles import load_data_file
from ..core.fields import SingleLine
from ..core.templating import render_template


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    term: str = Field(min_length=1)
    stands_for: SingleLine
    meaning: str = ""
    also: list[str] = []
    tooltip: bool = True

    @field_validator("term", "also")
    @classmethod
    def _no_spaces_in_abbreviation(cls, value):
        for word in [value] if isinstance(value, str) else value:
            if not re.fullmatch(r"[A-Za-z0-9&'.-]+", word):
                raise ValueError(f"'{word}' cannot be an abbreviation: use letters and numbers only, no spaces")
        return value


class Word(BaseModel):
    """A word or phrase explained on the glossary page (no tooltip): backfill, social prescribing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: str = Field(min_length=1)
    meaning: str = Field(min_length=1)


class Glossary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    terms: list[Term]
    words: list[Word] = []

    @model_validator(mode="after")
    def _each_term_once(self):
        seen: set[str] = set()
        for term in self.terms:
            for word in [term.term, *term.also]:
                if word in seen:
                    raise ValueError(f"'{word}' is in the glossary twice; keep one entry")
                seen.add(word)
        return self


DATA_FILE = "glossary.yaml"


def load_glossary(path: Path, shown_as: str | None = None) -> Glossary:
    return load_data_file(path, Glossary, shown_as)


def abbreviation_definitions(glossary: Glossary) -> str:
    """Markdown `abbr` definitions, appended to every page so each abbreviation gets a tooltip."""
    lines = []
    for term in glossary.terms:
        if not term.tooltip:
            continue
        # One line whatever the data holds: a line break would end the definition, and
        # Markdown would read the rest as page content (HTML included) at the foot of every page.
        # Markdown keeps an entity in the tooltip as it is, so a typed "&amp;" needs its & escaped.
        title = " ".join(term.stands_for.split()).replace("&", "&amp;")
        for word in [term.term, *term.also]:
            lines.append(f"*[{word}]: {title}")
    return "\n".join(lines)


def glossary_table(glossary: Glossary) -> str:
    """The glossary page's table, sorted A to Z."""
    terms = sorted(glossary.terms, key=lambda t: t.term.casefold())
    words = sorted(glossary.words, key=lambda w: w.word.casefold())
    return render_template("glossary/glossary.html", terms=terms, words=words)
