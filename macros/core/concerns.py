"""What a concern of the hub declares, so that macros/__init__.py can wire it in one line.

A concern (events, the job description, the learning tools, ...) owns its data files,
the files it generates into the site and its macros. It says so once, here, in a
`Concern` record in its package's __init__.py; nothing else repeats those names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import data_loaders, generated
from .data_loaders import Loader
from .generated import Provider

Register = Callable[[Any], None]  # (the mkdocs-macros env) -> None: adds the macros


@dataclass(frozen=True)
class Concern:
    name: str
    data_files: Mapping[str, Loader] = field(default_factory=dict)  # data/<name> -> its loader
    generates: tuple[Provider, ...] = ()  # the files it hands to MkDocs
    register: Register | None = None  # its macros, for pages that opt in
    after_page: Register | None = None  # run on every page after its macros


def wire(concerns: Iterable[Concern]) -> None:
    """Register every concern's loaders and generated files (safe to call again)."""
    for concern in concerns:
        for name, loader in concern.data_files.items():
            data_loaders.register_loader(name, loader)
        for provider in concern.generates:
            if provider not in generated.PROVIDERS:
                generated.PROVIDERS.append(provider)
            generated.PROVIDER_CONCERNS[provider] = concern


# Each macro a page can call, and the data files (names in data/) its words come from: those
# of the concern that registered it. Filled by register_macros as a build defines its macros;
# editorial/data_sources.py reads it for the edit links beside a page's pencil.
MACRO_DATA_FILES: dict[str, tuple[str, ...]] = {}


def register_macros(concern: Concern, env) -> None:
    """Run the concern's register(env) and note which macros it added (mkdocs-macros'
    `env.macros`), each reading the concern's data files."""
    if concern.register is None:
        return
    before = set(env.macros)
    concern.register(env)
    for name in set(env.macros) - before:
        MACRO_DATA_FILES[name] = tuple(concern.data_files)
