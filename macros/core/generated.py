"""Files the build generates from data: feeds, session pages, documents.

Each concern adds a provider here: a function from the Project to GeneratedFile
records. The MkDocs hook (hooks/generated_files.py) hands them to MkDocs as virtual
files, so they are served by `mkdocs serve`, written into the site and never into docs/.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .project import Project


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # where it lands in the site, relative to docs/: "events/feeds/hub.ics"
    content: str | bytes


Provider = Callable[[Project], Iterable[GeneratedFile]]

PROVIDERS: list[Provider] = []
# Which concern each provider belongs to (filled in by concerns.wire), for messages that
# say what generates a path.
PROVIDER_CONCERNS: dict[Provider, object] = {}


def all_generated_files(project: Project) -> list[GeneratedFile]:
    return [file for _, file in generated_by_provider(project)]


def generated_by_provider(project: Project) -> list[tuple[Provider, GeneratedFile]]:
    """Every generated file with the provider that made it; two files at one path are refused."""
    pairs = [(provider, file) for provider in PROVIDERS for file in provider(project)]
    files = [file for _, file in pairs]
    # Counted in one pass: `paths.count` for each path was quadratic, a second of every
    # build at 5,000 sessions (10,000 generated files) and four at 10,000.
    clashes = sorted(path for path, times in Counter(file.path for file in files).items() if times > 1)
    if clashes:
        raise ValueError(f"two generated files share a path: {', '.join(clashes)}")
    return pairs
