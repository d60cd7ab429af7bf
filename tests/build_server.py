"""Runs `python -m <module> <args>` for the tests, each in a process of its own, forked from
this one, which has imported MkDocs, Material, mkdocs-macros and the other libraries the hub's
build uses, and never the hub's own code (macros/, hooks/).

An end-to-end test starts hundreds of builds and checks. Each started Python afresh and
imported the same libraries again: about half a second of every one, more than a build that
stops at a mistake spends on the mistake. A child forked from here starts with those
libraries in memory and everything else as a fresh `python -m` would have it: its own folder,
environment, arguments and output, the hub's code read from the copy it builds, nothing
carried from one run to the next. tests/helpers.py (run_module) starts one server per test
process and speaks to it: one JSON line a request on stdin, one JSON line a reply.
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import runpy
import signal
import sys
import tempfile
import traceback

# Third-party libraries only: the hub's own packages must be read afresh by each child, from
# the copy it builds. A library that fails to import is left for the child to try.
LIBRARIES = [
    "mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.structure.pages",
    "mkdocs.structure.nav", "mkdocs.contrib.search", "mkdocs.utils.templates",
    "material.plugins.search.plugin", "mkdocs_macros.plugin",
    "markdown", "markdown.extensions.toc", "markdown.extensions.attr_list", "markdown.extensions.abbr",
    "markdown.extensions.admonition", "markdown.extensions.def_list", "markdown.extensions.md_in_html",
    "markdown.extensions.tables", "pymdownx.details", "pymdownx.superfences", "pygments",
    "pydantic", "icalendar", "yaml", "jinja2", "docx", "lxml.etree", "tinyhtml5", "babel.dates",
    "dateutil", "requests", "weasyprint",
]  # fmt: skip


def preload() -> None:
    for name in LIBRARIES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 (the child imports it again, and reports what fails)
            pass


def exit_code(stop: SystemExit) -> int:
    """What `python` exits with for SystemExit(code): a number as it is, None as 0, and
    anything else (a message) as 1, once the message is printed."""
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    print(stop.code, file=sys.stderr)
    return 1


def child(request: dict, stdout_fd: int, stderr_fd: int, protocol_fds: tuple[int, ...]) -> None:
    """In the forked child: become `python -m module args` in `cwd` with `env`, then exit."""
    code = 1
    try:
        # Standard input from /dev/null, output to the files the server reads. dup2 makes the
        # three inheritable (os.open's own descriptors are not), as a started process has them.
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(stdout_fd, 1)
        os.dup2(stderr_fd, 2)
        os.close(devnull)
        for fd in protocol_fds:
            if fd > 2:
                os.close(fd)
        signal.alarm(int(request["timeout"]))
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.dont_write_bytecode = bool(request["env"].get("PYTHONDONTWRITEBYTECODE"))
        sys.argv = [request["module"], *request["args"]]
        # As `python -m` starts: the working folder first, then PYTHONPATH's folders.
        extra = [folder for folder in request["env"].get("PYTHONPATH", "").split(os.pathsep) if folder]
        sys.path[0:1] = [request["cwd"], *extra]
        importlib.invalidate_caches()
        try:
            runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as stop:
            code = exit_code(stop)
        except BaseException:  # noqa: BLE001 (printed as python prints an uncaught one)
            traceback.print_exc()
            code = 1
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def run(request: dict, protocol_fds: tuple[int, ...]) -> dict:
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            child(request, stdout.fileno(), stderr.fileno(), protocol_fds)
        _, status = os.waitpid(pid, 0)
        returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        return {
            "returncode": returncode,
            "timed_out": returncode == -signal.SIGALRM,
            "stdout": stdout.read().decode("utf-8", errors="replace"),
            "stderr": stderr.read().decode("utf-8", errors="replace"),
        }


def main() -> None:
    # Requests come on stdin and replies go out on a copy of stdout, so nothing a library
    # prints while loading can be taken for a reply.
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    preload()
    requests = sys.stdin
    protocol_fds = (requests.fileno(), replies.fileno())
    for line in requests:
        replies.write(json.dumps(run(json.loads(line), protocol_fds)) + "\n")
        replies.flush()


if __name__ == "__main__":
    main()
