"""Thin mkdocs-macros callers for the glossary: load once per build, hand out the results."""

from __future__ import annotations

from .glossary import abbreviation_definitions, glossary_table, load_glossary
from .project import Project


def register(env) -> None:
    project = Project.from_config(env.conf)
    path = project.data_file("glossary.yaml")
    glossary = load_glossary(path, project.shown(path))
    definitions = abbreviation_definitions(glossary)
    env.variables["_glossary_abbreviations"] = definitions

    @env.macro
    def glossary_terms_table() -> str:
        """The glossary page's table of every abbreviation."""
        return glossary_table(glossary)


def append_abbreviations(env) -> None:
    env.markdown += "\n\n" + env.variables["_glossary_abbreviations"] + "\n"
