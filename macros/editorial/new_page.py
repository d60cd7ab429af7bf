"""`make new-page FILE=docs/roles/new-page.md TITLE="Page title"`: start a page with the
front matter every page needs, so the check passes once the editor fills in the text.

The owner is the hub's organisation and inbox (mkdocs.yml `extra.hub`); the review date
is today and the next review is in 12 months. The page still has to be added to `nav:`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from ..core.clock import build_instant
from ..core.dates import build_date
from ..core.escaping import markdown_inline_text
from ..core.project import Project
from ..core.templating import template_environment
from ..core.yaml_safety import CONTROL_CHARACTERS, describe_character
from .frontmatter import PLACEHOLDERS


def new_page_text(title: str, description: str, owner: str, today: str) -> str:
    template = template_environment().get_template("editorial/new-page.md")
    return (
        template.render(
            # JSON with every character as itself is YAML that reads back as typed (Jinja's tojson
            # writes an emoji as two \u escapes, which YAML reads as two broken halves).
            title_yaml=json.dumps(title, ensure_ascii=False),
            heading=markdown_inline_text(title),
            description=description,
            owner=owner,
            today=today,
            placeholders=PLACEHOLDERS,
        )
        + "\n"
    )


# `make new-page` hands FILE and TITLE over in these variables, exactly as typed: on a command
# line, make would expand `$H` in "$HOME" and the shell would run anything in backticks.
FILE_VARIABLE, TITLE_VARIABLE = "NEW_PAGE_FILE", "NEW_PAGE_TITLE"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-page")
    parser.add_argument(
        "file", nargs="?", default=os.environ.get(FILE_VARIABLE, ""), help="the new page, such as docs/roles/x.md"
    )
    parser.add_argument("title", nargs="?", default=os.environ.get(TITLE_VARIABLE, ""), help="the page's title")
    parser.add_argument("--description", default="", help="one sentence about the page")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)

    root = args.root.resolve()
    project = Project.from_mkdocs_yml(root / "mkdocs.yml")
    target = (root / args.file).resolve()
    docs = project.docs_dir
    shown_docs = project.shown(docs)
    if not args.file or docs not in target.parents or target.suffix != ".md":
        print(f"{args.file}: a new page must be a .md file inside {shown_docs}/, for example "
              f"FILE={shown_docs}/roles/new-page.md")  # fmt: skip
        return 1
    if target.exists():
        print(f"{args.file}: this page already exists; open it and edit it instead")
        return 1
    if not args.title.strip():
        print('give the page a title, for example TITLE="Recruiting an OT"')
        return 1
    unwanted = CONTROL_CHARACTERS.search(args.title) or re.search(r"[\t\r\n]", args.title)
    if unwanted:
        print(f"TITLE holds {describe_character(unwanted.group())}".replace("U+0009", "a tab, U+0009"))
        return 1
    hub = project.hub
    owner = f"{hub.get('organisation', '')} ({hub.get('contact_email', '')})"
    description = args.description.strip() or PLACEHOLDERS["description"]
    today = build_date(build_instant()).isoformat()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(new_page_text(args.title.strip(), description, owner, today), encoding="utf-8")
    src = target.relative_to(docs).as_posix()
    plain = re.fullmatch(r"[A-Za-z0-9][\w ,.()'-]*", args.title.strip())
    nav_title = args.title.strip() if plain else json.dumps(args.title.strip(), ensure_ascii=False)
    print(f"Created {target.relative_to(root).as_posix()}. Next:")
    print("  1. Write the page, its description and its sources: `make check` shows what is left.")
    print(f"  2. Add it to the menu: under 'nav:' in mkdocs.yml, add a line like '- {nav_title}: {src}'.")
    print("  3. Run 'make check', then 'make serve' to see it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
