"""tests/build_server.py runs `python -m module` as a started Python would: the end-to-end tests
build and check through it (tests/helpers.py, run_module), so it must differ from
subprocess.run only in time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import build_env, run_module

pytestmark = pytest.mark.e2e

PROBE = """
import os, subprocess, sys
print("argv", sys.argv[1:])
print("cwd", os.getcwd())
print("env", os.environ.get("HUB_PROBE"))
print("first on the path", sys.path[0] == os.getcwd(), os.environ.get("PYTHONPATH", "") in sys.path)
print("hub code already loaded", sorted(name for name in sys.modules if name.split(".")[0] in ("macros", "hooks")))
print("stdin", sys.stdin.read() == "")
grandchild = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin is not None)"], capture_output=True, text=True)
print("a process it starts has stdin", grandchild.stdout.strip())
print("to stderr", file=sys.stderr)
"""


@pytest.fixture
def probe_folder(tmp_path):
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "stops.py").write_text(
        "import sys\nkind = sys.argv[1]\n"
        "if kind == 'number': sys.exit(3)\n"
        "if kind == 'message': sys.exit('stopped: a message')\n"
        "if kind == 'error': raise ValueError('an uncaught error')\n",
        encoding="utf-8",
    )
    return tmp_path


def started(folder, module, *args, env):
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=60
    )


def test_a_forked_run_prints_what_a_started_python_prints(probe_folder):
    env = build_env(HUB_PROBE="a value", PYTHONPATH=str(probe_folder / "extra"))
    forked = run_module("probe", "--flag", "two words", cwd=probe_folder, env=env)
    plain = started(probe_folder, "probe", "--flag", "two words", env=env)
    assert (forked.returncode, forked.stdout, forked.stderr) == (plain.returncode, plain.stdout, plain.stderr)
    assert forked.stdout.splitlines() == [
        "argv ['--flag', 'two words']",
        f"cwd {probe_folder}",
        "env a value",
        "first on the path True True",
        "hub code already loaded []",
        "stdin True",
        "a process it starts has stdin True",
    ]
    assert forked.stderr == "to stderr\n"


@pytest.mark.parametrize("kind", ["number", "message", "error"])
def test_a_forked_run_ends_as_a_started_python_ends(probe_folder, kind):
    env = build_env(PYTHONPATH=str(probe_folder / "extra"))
    forked = run_module("stops", kind, cwd=probe_folder, env=env)
    plain = started(probe_folder, "stops", kind, env=env)
    assert forked.returncode == plain.returncode == {"number": 3, "message": 1, "error": 1}[kind]
    assert forked.stdout == plain.stdout == ""
    if kind == "error":
        assert forked.stderr.splitlines()[0] == "Traceback (most recent call last):"
        assert forked.stderr.splitlines()[-1] == plain.stderr.splitlines()[-1] == "ValueError: an uncaught error"
    else:
        assert forked.stderr == plain.stderr
