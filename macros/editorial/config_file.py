"""mkdocs.yml read before MkDocs reads it: its mistakes as one line each, file:line and what to do.

    python -m macros.editorial.config_file [--root DIR]

MkDocs reports a YAML mistake in mkdocs.yml over several lines, at the place its parser gave
up, and `make check` (which reads the configuration with MkDocs' loader) printed a traceback.
`make check`, `make build` and `make serve` run this first. Hooks cannot do it: MkDocs loads
them from mkdocs.yml, so they never run when mkdocs.yml cannot be read.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

import yaml

from ..core.datafiles import DataFileError, decode_text
from ..core.yaml_errors import no_colon_after, yaml_error_advice, yaml_error_line
from .findings import Finding

CONFIG = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's shape only: MkDocs' own tags (!ENV, !relative, !!python/name:...)
    become None here; MkDocs gives them their meaning when it builds."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config_text(text: str) -> tuple[dict | None, yaml.Node | None, list[Finding]]:
    """The configuration as data and nodes, or the finding that says why it cannot be read."""
    loader = _ConfigLoader(text)  # safe: SafeLoader, with every tag read as None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line, advice = yaml_error_line(error, text) or 1, yaml_error_advice(error, text)
        return None, None, [Finding(CONFIG, line, "error", advice)]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        problem = "mkdocs.yml must be 'name: value' lines; restore it from the repository"
        return None, None, [Finding(CONFIG, 1, "error", problem)]
    return data, node, []


def key_line(node: yaml.Node | None, key: str) -> int:
    """The line of a top-level key in mkdocs.yml, or 1."""
    if isinstance(node, yaml.MappingNode):
        for key_node, _value in node.value:
            if getattr(key_node, "value", None) == key:
                return key_node.start_mark.line + 1
    return 1


def shape_findings(data: dict, node: yaml.Node | None, root: Path) -> list[Finding]:
    """Unknown settings and settings of the wrong shape, as MkDocs' own validation finds them."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils import yaml_load

    path = root / CONFIG
    try:
        with path.open("rb") as stream:  # MkDocs' own reading: its tags and INHERIT mean what they say
            data = yaml_load(stream)
    except ConfigurationError as error:
        return [Finding(CONFIG, 1, "error", str(error).splitlines()[0])]
    config = MkDocsConfig(config_file_path=str(path))
    config.load_dict(data)
    errors, warnings = config.validate()
    known = sorted(MkDocsConfig().keys())  # every setting MkDocs knows, each with its default
    findings = []
    for key, problem in warnings:
        if "Unrecognised configuration name" in str(problem):
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            findings.append(Finding(CONFIG, key_line(node, key), "error",
                                    f"mkdocs.yml has no setting called '{key}'. {hint}Check the spelling and "
                                    "the indentation (a line indented too little becomes a setting of its own), "
                                    "or remove the line"))  # fmt: skip
    for key, problem in errors:
        if key == "nav":
            advice = ("the menu (nav:) is not a list of 'Title: page.md' lines. Each entry starts with '- ' "
                      "and entries of the same section line up under each other")  # fmt: skip
        else:
            advice = f"the setting '{key}' is not right: {str(problem).strip().splitlines()[0]}"
        findings.append(Finding(CONFIG, key_line(node, key), "error", advice))
    return findings


def nav_findings(data: dict, node: yaml.Node | None, docs_dir: Path) -> list[Finding]:
    """Pages the menu names that do not exist, at their own line."""
    lines = _text_lines(node)
    findings = []
    for page in _nav_pages(data.get("nav")):
        if "://" in page or not page.endswith(".md") or (docs_dir / page).is_file():
            continue
        line = lines.get(page, key_line(node, "nav"))
        name, dash, _pages = page.partition(" - ")
        if dash and page in _multi_line_values(node):
            # A section without its colon, last in the menu: its pages were read as more of its name.
            findings.append(Finding(CONFIG, line, "error", no_colon_after(name, f"- {name}")))
            continue
        findings.append(Finding(CONFIG, line, "error",
                                f"the menu (nav:) lists '{page}', but there is no page {docs_dir.name}/{page}. "
                                "Fix the file name or remove the line"))  # fmt: skip
    return findings


def _nav_pages(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    return []


def _text_lines(node: yaml.Node | None) -> dict[str, int]:
    """The first line each scalar value appears on."""
    found: dict[str, int] = {}
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            line = current.start_mark.line + 1
            found[current.value] = min(found.get(current.value, line), line)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _key, value in current.value)
    return found


def _multi_line_values(node: yaml.Node | None) -> set[str]:
    """The scalar values that run over more than one line of the file."""
    found: set[str] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if current.end_mark.line > current.start_mark.line:
                found.add(current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _key, value in current.value)
    return found


def menu_findings(config_file: Path, docs_dir: Path) -> list[Finding]:
    """Pages the menu names that do not exist, each at its line of mkdocs.yml: for the build
    itself (hooks/editorial.py), where MkDocs' own warning names no line."""
    _data, node, problems = read_config_text(config_file.read_text(encoding="utf-8-sig"))
    if problems or not isinstance(_data, dict):
        return []  # MkDocs read it, so this cannot happen; config_findings reports it if it does
    return nav_findings(_data, node, docs_dir)


def config_findings(root: Path, shape: bool = True, pages: bool = True) -> list[Finding]:
    """Every mistake in root/mkdocs.yml that stops MkDocs, one finding each (none: it reads)."""
    path = root / CONFIG
    try:
        text = decode_text(path.read_bytes(), CONFIG)
    except FileNotFoundError:
        return [Finding(CONFIG, 1, "error", "mkdocs.yml is missing; restore it from the repository")]
    except DataFileError as error:
        return [Finding(p.file, p.line or 1, "error", p.message) for p in error.problems]
    data, node, findings = read_config_text(text)
    if findings or not shape:
        return findings
    findings = shape_findings(data, node, root)
    if not findings and pages:
        docs_dir = root / str(data.get("docs_dir") or "docs")
        findings = nav_findings(data, node, docs_dir)
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    findings = config_findings(args.root.resolve())
    for finding in findings:
        print(finding, file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
