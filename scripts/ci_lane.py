"""Which tests a pull request needs, from the files it changes.

    python3 scripts/ci_lane.py BASE   ->  prints fast | whole

"fast": it changes only pages (docs/, the theme's assets aside), data files (data/) and the
menu (the `nav:` block of mkdocs.yml, which editors change when they add a page):
`make check`, the strict build, `make changes` and `make test-content` cover it.
"whole": anything else (code, templates, hooks, tests, dependencies, workflows, the site's
scripts and styles, the rest of mkdocs.yml) runs every test. Plain Python and git, no
dependencies: the workflow runs it before installing anything.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable

CONFIG = "mkdocs.yml"
CONTENT_FOLDERS = ("docs/", "data/")
NOT_CONTENT = ("docs/assets/",)  # the site's scripts, styles and images: browser tests cover them


def is_content(path: str) -> bool:
    return path.startswith(CONTENT_FOLDERS) and not path.startswith(NOT_CONTENT)


def without_nav(config: str) -> str:
    """mkdocs.yml without its top-level `nav:` block (to the next top-level line)."""
    return re.sub(r"^nav:.*?(?=^\S|\Z)", "", config, flags=re.M | re.S)


def lane(paths: Iterable[str], config_before: str = "", config_after: str = "") -> str:
    changed = [path.strip() for path in paths if path.strip()]
    menu_only = without_nav(config_before) == without_nav(config_after)
    content = [path for path in changed if is_content(path) or (path == CONFIG and menu_only)]
    return "fast" if changed and content == changed else "whole"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def main(base: str) -> str:
    paths = _git("diff", "--name-only", base, "HEAD").splitlines()
    before = after = ""
    if CONFIG in paths:
        before, after = _git("show", f"{base}:{CONFIG}"), _git("show", f"HEAD:{CONFIG}")
    return lane(paths, before, after)


if __name__ == "__main__":
    print(main(sys.argv[1]))
