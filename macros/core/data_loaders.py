"""The registry of data files: every file in data/ has exactly one loader.

Each concern declares its own (core/concerns.py, `data_files=`); `wire` registers them.
`make check` (editorial/check.py) loads every file in data/ through it, and reports a file
that no loader reads: an editor's new file would otherwise be ignored.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .problems import DataFileError, DataProblem

Loader = Callable[[Path, str], Any]  # (path, shown_as) -> the validated data

DATA_LOADERS: dict[str, Loader] = {}


def register_loader(name: str, loader: Loader) -> None:
    """Say which function validates data/<name> (a path relative to data/, like "events.yaml")."""
    existing = DATA_LOADERS.get(name)
    if existing is not None and existing is not loader:
        raise ValueError(f"two loaders are registered for data/{name}")
    DATA_LOADERS[name] = loader


def data_files(data_dir: Path) -> list[Path]:
    """Every file an editor may have put in data/ (hidden files aside), sorted."""
    if not data_dir.is_dir():
        return []
    return sorted(
        path
        for path in data_dir.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(data_dir).parts)
    )


def check_data_files(data_dir: Path, shown_prefix: str = "data") -> list[DataProblem]:
    """Load every file in data/ with its registered loader; return every problem found."""
    problems: list[DataProblem] = []
    found = set()
    for path in data_files(data_dir):
        name = path.relative_to(data_dir).as_posix()
        found.add(name)
        shown = f"{shown_prefix}/{name}"
        loader = DATA_LOADERS.get(name)
        if loader is None:
            known = ", ".join(f"{shown_prefix}/{n}" for n in sorted(DATA_LOADERS)) or "none"
            guess = difflib.get_close_matches(name, list(DATA_LOADERS), n=1)
            hint = (
                f"If you meant {shown_prefix}/{guess[0]}, rename the file. "
                if guess
                else "If it is new, a developer must add the code that reads it; otherwise delete it. "
            )
            problems.append(
                DataProblem(
                    shown,
                    1,
                    "",
                    f"no part of the hub reads this file, so nothing in it would appear on the site. "
                    f"{hint}The data files the hub reads are: {known}",
                )
            )
            continue
        try:
            loader(path, shown)
        except DataFileError as error:
            problems.extend(error.problems)
    for name in sorted(set(DATA_LOADERS) - found):
        problems.append(
            DataProblem(
                f"{shown_prefix}/{name}",
                None,
                "",
                "the file is missing; restore it from the repository",
            )
        )
    return problems
