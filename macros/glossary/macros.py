"""Thin mkdocs-macros callers for the glossary: load once per build, hand out the results."""

from __future__ import annotations

from ..core.project import Project
from .terms import DATA_FILE, abbreviation_definitions, glossary_table, load_glossary


def register(env) -> None:
    project = Project.from_config(env.conf)
    glossary = project.load(DATA_FILE, load_glossary)
    definitions = abbreviation_definitions(glossary)
    env.variables["_glossary_abbreviations"] = definitions

    @env.macro
    def glossary_terms_table() -> str:
        """The glossary page's table of every abbreviation."""
        return glossary_table(glossary)


def append_abbreviations(env) -> None:
    env.markdown += "\n\n" + env.variables["_glossary_abbreviations"] + "\n"
