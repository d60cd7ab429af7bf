"""MkDocs hook used only by the benchmark: save what each page looks like after our macros
and hooks ran, and every file our code generated, so the plain-Material baseline can
build exactly the same pages without our code.

It runs last (lowest priority) and writes into $BENCH_CAPTURE_DIR:
pages/<src_uri> (front matter + post-macro Markdown) and static/<src_uri> (generated files).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

OUT = Path(os.environ["BENCH_CAPTURE_DIR"])


@event_priority(-100)
def on_files(files, config):
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            target = OUT / "static" / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    target = OUT / "pages" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=False) if page.meta else ""
    text = f"---\n{front}---\n\n{markdown}" if front else markdown
    target.write_text(text, encoding="utf-8")
    return markdown
