"""The table of YAML mistakes (tests/yaml_mistakes.py) through the strict build and `make check`, in
a copy of the hub: each stops both at the line the editor changed, with the same whole message
(issue 30). tests/unit/test_yaml_mistakes.py runs the table through the pure functions.

One mistake goes through `make build` and `make check` themselves. The rest run the commands
those targets run (read from `make -n`, and checked here to be the same), each forked from the
test build server (tests/helpers.py run_module) to save starting Python and make four times a
mistake."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, build_env, build_site, copy_project, run_module
from tests.yaml_mistakes import MISTAKES, Mistake

pytestmark = pytest.mark.e2e

# The commands `make build` and `make check` run, as run_module runs them: (module, arguments).
BUILD_COMMANDS = [("macros.editorial.config_file", ()), ("mkdocs", ("build", "--strict", "--clean"))]
CHECK_COMMANDS = [("macros.editorial.check", ())]
THROUGH_MAKE = "events-title-quote-never-closed"  # the mistake that goes through make itself


def project_with(mistake: Mistake, destination: Path) -> Path:
    """A copy of the hub with the mistake made, and its Makefile, using the shared virtualenv."""
    root = copy_project(destination, {mistake.file: mistake.text()})
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(PROJECT_ROOT / name, root / name)
    (root / ".venv").symlink_to(Path(os.path.realpath(PROJECT_ROOT / ".venv")))
    return root


def make_env() -> dict[str, str]:
    env = build_env()
    env.pop("GITHUB_ACTIONS", None)
    env.pop("HUB_OVERDUE_PAGES", None)
    # Under `make test` these say "a make inside a make": the copy's make would print
    # "Entering directory" and take on the outer make's flags.
    for name in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS"):
        env.pop(name, None)
    return env


def make(root: Path, target: str) -> subprocess.CompletedProcess:
    # -o: the shared virtualenv is ready; make must not install into it.
    return subprocess.run(
        ["make", "-o", ".venv/.build-deps", target], cwd=root, env=make_env(), capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip


def run_like_make(root: Path, commands: list[tuple[str, tuple[str, ...]]]) -> subprocess.CompletedProcess:
    """The commands in turn, stopping at the first that fails, as make does; output joined."""
    stdout = stderr = ""
    returncode = 0
    for module, args in commands:
        done = run_module(module, *args, cwd=root, env=make_env())
        stdout, stderr, returncode = stdout + done.stdout, stderr + done.stderr, done.returncode
        if returncode:
            break
    return subprocess.CompletedProcess(commands, returncode, stdout, stderr)


def test_make_build_and_make_check_run_the_commands_the_table_runs():
    printed = subprocess.run(
        ["make", "-n", "--no-print-directory", "-o", ".venv/.build-deps", "build", "check"], cwd=PROJECT_ROOT, env=make_env(),
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    commands = []
    for line in printed.splitlines():
        words = [word for word in shlex.split(line) if "=" not in word.split("/")[0]]  # VAR=value set aside
        assert words[:2] == [".venv/bin/python", "-m"], line
        commands.append((words[2], tuple(words[3:])))
    assert commands == BUILD_COMMANDS + CHECK_COMMANDS


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_the_build_and_the_check_stop_at_the_mistakes_line_with_the_same_message(tmp_path, mistake):
    root = project_with(mistake, tmp_path / "project")
    # What each prints for the mistake: the build "file:line: message" (mkdocs.yml's own check
    # adds "error: " as `make check` does), `make check` "file:line: error: message".
    in_check = f"{mistake.file}:{mistake.line()}: error: {mistake.whole_message()}"
    in_build = in_check if mistake.file == "mkdocs.yml" else mistake.expected()
    through_make = mistake.id == THROUGH_MAKE

    built = make(root, "build") if through_make else run_like_make(root, BUILD_COMMANDS)
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert in_build in output.splitlines(), output[-3000:]
    assert "Traceback" not in output and "mapping values are not allowed" not in output

    checked = make(root, "check") if through_make else run_like_make(root, CHECK_COMMANDS)
    assert checked.returncode != 0 and "Traceback" not in checked.stderr, checked.stderr[-3000:]
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert errors == [in_check], checked.stdout[-3000:]


def test_one_mistake_goes_through_make_itself():
    assert THROUGH_MAKE in [m.id for m in MISTAKES]


def test_mkdocs_build_run_directly_prints_mkdocs_own_message_for_mkdocs_yml(tmp_path):
    """Why `make build` and `make serve` read mkdocs.yml first: MkDocs loads hooks and plugins from
    mkdocs.yml, so none of the hub's code runs when it cannot be read. Run directly, `mkdocs build`
    prints PyYAML's words at the line where it gave up, two lines below the section's."""
    mistake = next(m for m in MISTAKES if m.id == "menu-section-without-colon")
    root = copy_project(tmp_path / "project", {mistake.file: mistake.text()})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "MkDocs encountered an error parsing the configuration file: mapping values are not allowed here" in (
        built.output
    )
    assert f"line {mistake.line() + 2}," in built.output
