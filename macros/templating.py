"""The Jinja environment for HTML the macros render (markup lives in macros/templates/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES_DIR = Path(__file__).parent / "templates"


@cache
def template_environment() -> Environment:
    # One environment for the whole build: building one per call is a known hot spot.
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_template(name: str, **context: Any) -> str:
    """Render a template to HTML with no blank lines, so Markdown keeps it as one HTML block."""
    html = template_environment().get_template(name).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
