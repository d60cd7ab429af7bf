"""An editor's file at a path the build generates: refused, never silently replaced.

The build hands generated files (session pages, calendar files, documents) to MkDocs as
virtual files. A file an editor put at the same place in docs/ would be replaced without a
word, so the build (hooks/generated_files.py) and `make check` stop with a message that
names the editor's file and what generates that path.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from mkdocs.utils import markdown_extensions

from .generated import PROVIDER_CONCERNS, GeneratedFile, Provider
from .problems import DataProblem
from .urls import page_url


def _address(path: str) -> str:
    """The file a source lands at in the built site (directory addresses, as mkdocs.yml has them).

    A page in any Markdown form MkDocs reads (x.md, x.markdown, x/index.md, x/README.md) lands
    at x/index.html, and so does a hand-made x/index.html copied as it is: all are the same file.
    """
    if path.endswith(markdown_extensions):
        name = PurePosixPath(path).with_suffix("")
        if name.name.lower() == "readme":
            name = name.with_name("index")
        return page_url(f"{name}.md") + "index.html"
    return path


def _shown_address(address: str) -> str:
    """A built file as a reader's address: x/index.html is x/."""
    return address.removesuffix("index.html") or "the home page"


def generated_by(provider: Provider) -> tuple[str, str]:
    """In words: which part of the hub generates a file (and in which code), and its data files."""
    concern = PROVIDER_CONCERNS.get(provider)
    module = getattr(provider, "__module__", "") or ""
    code = module.replace(".", "/") + ".py" if module else "the hub's code"
    if concern is None:
        return f"the build ({code})", ""
    data = " or ".join(f"data/{name}" for name in getattr(concern, "data_files", {}) or {})
    return f"the {concern.name} part of the hub ({code})", data


def editor_file_clashes(
    generated: Iterable[tuple[Provider, GeneratedFile]], editor_files: Iterable[str], docs_shown: str = "docs"
) -> list[DataProblem]:
    """A problem for each editor's file (a path relative to docs/) at a generated path."""
    made: dict[str, tuple[Provider, str]] = {}
    for provider, file in generated:
        made.setdefault(_address(file.path), (provider, file.path))
    problems = []
    for path in sorted(editor_files):
        found = made.get(_address(path))
        if found is None:
            continue
        provider, generated_path = found
        same = (
            "this path itself"
            if generated_path == path
            else f"{generated_path}, which lands at the same address ({_shown_address(_address(path))}) as this file"
        )
        maker, data = generated_by(provider)
        change = f"; to change what is generated there, edit {data}" if data else ""
        problems.append(
            DataProblem(
                f"{docs_shown}/{path}",
                1,
                "",
                f"the build generates {same}: {maker} makes it{f' from {data}' if data else ''}, and it "
                f"would replace this file without a word. Delete or rename this file{change}",
            )
        )
    return problems
