"""What load_data_file (core/datafiles.py) has validated, kept per file and model.

The macros and the generated-files hook ask for the same data file in one build: it is
validated once per content of the file, so `mkdocs serve` still sees an edit, and there is
one entry a file, so a long serve session does not grow. (Checks made afresh on each call,
such as the roadmap's page check, which depends on docs/, never match and always run.)
"""

from __future__ import annotations

from typing import Any

_VALIDATED: dict[tuple[str, type], tuple[bytes, tuple, Any]] = {}


def recall(key: tuple[str, type], content: bytes, context: tuple) -> Any | None:
    """What was validated from exactly this content with this context, or None."""
    remembered = _VALIDATED.get(key)
    if remembered is not None and remembered[0] == content and remembered[1] == context:
        return remembered[2]
    return None


def remember(key: tuple[str, type], content: bytes, context: tuple, validated: Any) -> None:
    _VALIDATED[key] = (content, context, validated)


def forget_validated() -> None:
    """Drop what load_data_file remembers (benchmarks time a first load)."""
    _VALIDATED.clear()
