"""docs/ holds pages and media: Markdown, pictures that cannot run script, and documents.

Every other file in docs/ would be published as it is, and a file that runs in a reader's
browser (`.html`, `.js`, `.css`, an `.svg` with a script) would run with the site's
address. The theme's and the hub's own scripts and styles live in overrides/assets/,
which CODEOWNERS gives to the maintainers. So each file in docs/ must have one of
ALLOWED_SUFFIXES, and an SVG must be a plain drawing (svg_problem).
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import DataProblem

PAGE_SUFFIXES = frozenset({".md"})
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"})
DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".txt", ".csv"})
ALLOWED_SUFFIXES = PAGE_SUFFIXES | PICTURE_SUFFIXES | DOCUMENT_SUFFIXES

WHAT_DOCS_HOLDS = (
    "docs/ holds pages (.md), pictures (.png, .jpg, .webp, .gif, or a plain .svg) and documents "
    "(.pdf, .docx, .xlsx, .pptx, .odt, .txt, .csv)"
)

# What in an SVG can run script or pull in other content when the file is opened on its own.
_SVG_ACTIVE = re.compile(
    r"<\s*(script|foreignObject|iframe|embed|object|handler|listener|set|animate\w*)\b"
    r"|\son[a-z]+\s*="
    r"|(?:href|src)\s*=\s*[\"']?\s*(?:(?!#)[a-z][a-z0-9+.-]*:|&)"
    r"|<!ENTITY|<\?xml-stylesheet",
    re.I,
)


def svg_problem(text: str) -> str | None:
    """Why an SVG may not be published, or None for a plain drawing."""
    found = _SVG_ACTIVE.search(text)
    if found is None:
        return None
    return (
        f"this SVG holds '{found.group(0).strip()}', which can run script or load another file when the "
        "picture is opened: export it again as a plain drawing, or save it as PNG"
    )


def docs_file_problems(docs_dir: Path, shown_docs: str) -> list[DataProblem]:
    """Each file in `docs_dir` that is not a page, a safe picture or a document."""
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if path.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        shown = f"{shown_docs}/{relative.as_posix()}"
        suffix = path.suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            kind = f"a '{suffix}' file" if suffix else "a file without a type"
            problems.append(
                DataProblem(
                    shown, None, "",
                    f"{kind} cannot be published from docs/: {WHAT_DOCS_HOLDS}. Scripts and styles belong to "
                    "the maintainers, in overrides/assets/ (see CONTRIBUTING.md)",
                )
            )  # fmt: skip
        elif suffix == ".svg":
            problem = svg_problem(path.read_text(encoding="utf-8", errors="replace"))
            if problem:
                problems.append(DataProblem(shown, None, "", problem))
    return problems
