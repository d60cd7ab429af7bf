"""`make new-page` hands FILE and TITLE to Python as typed (issue 19): make expands no `$`,
no shell runs backticks, and the title is written into the new page as text, not syntax."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from markdown import Markdown

from tests.helpers import HUB_BUILD_EPOCH, PROJECT_ROOT, copy_project

TITLES = [
    "Pay in $HOME and `id -un`",
    "Pay: $(shell touch pwned) and $$ and ${HOME}",
    'It\'s "quoted" & <b>bold</b> # not a comment',
    "*Emphasis* [link](https://example.org) {{ 7*7 }} 🙋",
    "Ends with a backslash \\",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("new-page") / "project")
    shutil.copy(PROJECT_ROOT / "Makefile", root / "Makefile")
    shutil.copy(PROJECT_ROOT / "requirements.txt", root / "requirements.txt")
    (root / ".venv").symlink_to(Path(os.path.realpath(PROJECT_ROOT / ".venv")))
    return root


@pytest.mark.parametrize("number", range(len(TITLES)))
def test_make_new_page_writes_the_title_exactly_as_typed(project, number):
    title = TITLES[number]
    target = f"docs/roles/typed-{number}.md"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH))
    # -o: the shared virtualenv is ready; make must not try to install into it.
    made = subprocess.run(
        ["make", "-o", ".venv/.build-deps", "new-page", f"FILE={target}", f"TITLE={title}"],
        cwd=project, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    assert not (project / "pwned").exists()
    text = (project / target).read_text(encoding="utf-8")
    front_matter = yaml.safe_load(text.split("---\n")[1])
    assert front_matter["title"] == title
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    html = Markdown().convert(heading)
    # The heading shows the title as typed: no element, link or emphasis made from it.
    shown = html.removeprefix("<h1>").removesuffix("</h1>")
    unescaped = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    assert unescaped == title.strip(), html


def test_a_control_character_in_the_title_is_refused(project):
    made = subprocess.run(
        ["make", "-o", ".venv/.build-deps", "new-page", "FILE=docs/roles/bad.md", "TITLE=Pay\x0bscales"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode != 0
    assert "TITLE holds a line break pasted from Word" in made.stdout
    assert not (project / "docs/roles/bad.md").exists()
