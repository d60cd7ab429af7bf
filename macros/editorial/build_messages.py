"""The strict build, run by `make check` for what only MkDocs finds (broken links and
anchors, pages missing from the menu, macro errors), its messages rewritten as findings
that name a file and a line."""

from __future__ import annotations

import importlib
import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..core.project import Project
from .findings import Finding, split_location

# MkDocs' link warnings and what to tell the editor; the named groups are filled in.
_LINK_PROBLEMS = (
    (
        r"Doc file '(?P<src>.+?)' contains a link '(?P<link>.+?)', but the target '(?P<target>.+?)' is not found",
        "the link '{link}' goes to a page that does not exist ({docs}/{target}). Check the file name and "
        "folder (links are relative to this page), or remove the link",
    ),
    (
        r"Doc file '(?P<src>.+?)' contains a link '(?P<link>.+?)', but the doc '(?P<target>.+?)' does not "
        r"contain an anchor '(?P<anchor>.+?)'",
        "the link '{link}' goes to a heading '{anchor}' that {docs}/{target} does not have. Open that page, "
        "find the heading and use its address: the heading's words in lower case joined by hyphens (the "
        "link icon beside a heading shows it)",
    ),
    (
        r"Doc file '(?P<src>.+?)' contains a link '(?P<link>.+?)', but there is no such anchor on this page",
        "the link '{link}' goes to a heading this page does not have. Use the heading's words in lower case "
        "joined by hyphens, or remove the link",
    ),
    (
        r"Doc file '(?P<src>.+?)' contains an? (?:unrecognized relative|absolute) link '(?P<link>.+?)'",
        "the link '{link}' cannot be checked. Link to another page by its file, for example "
        "'../roles/index.md', or to another website with its full address starting https://",
    ),
)

_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(.*)$")


# The hub's own packages: a forked build reads them afresh from the project it builds.
HUB_PACKAGES = ("macros", "hooks")
BUILD_TIMEOUT_SECONDS = 900


def run_build(root: Path, built_pages: dict[str, str] | None = None) -> tuple[int, str]:
    """Build into a temporary folder; when `built_pages` is given, fill it with each built page's
    HTML by its path in the site (such as "supervision/index.html") before the folder goes."""
    env = dict(
        os.environ,
        HUB_CHECK_RUNNING="1",
        NO_MKDOCS_2_WARNING="1",
        DISABLE_MKDOCS_2_WARNING="true",
        PYTHONDONTWRITEBYTECODE="1",
    )
    with tempfile.TemporaryDirectory(prefix="hub-check-") as site_dir:
        arguments = ["build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", site_dir]
        if hasattr(os, "fork"):
            returncode, output = _build_in_forked_child(root, arguments, env)
        else:  # no fork (Windows): a Python of its own
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", *arguments],
                cwd=root, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS,
            )  # fmt: skip
            returncode, output = result.returncode, result.stdout + result.stderr
        if built_pages is not None and returncode == 0:
            for page in Path(site_dir).rglob("index.html"):
                built_pages[page.relative_to(site_dir).as_posix()] = page.read_text(encoding="utf-8")
    return returncode, output


def _build_in_forked_child(root: Path, arguments: list[str], env: dict[str, str]) -> tuple[int, str]:
    """`mkdocs <arguments>` in `root` with `env`, as `python -m mkdocs` would run it, in a child
    forked from this process: the libraries this process has loaded are not loaded again, and
    the hub's own packages are forgotten first, so the build reads them from `root` as a new
    Python would. Returns the exit status and what it printed (its output, then its errors)."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns to the caller's code
            code = 1
            try:
                os.dup2(stdout.fileno(), 1)
                os.dup2(stderr.fileno(), 2)
                # Python's own streams on those, as a new Python has them: the caller's may
                # not write to its descriptors 1 and 2 at all (a test runner's capture does not).
                sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
                signal.alarm(BUILD_TIMEOUT_SECONDS)
                os.chdir(root)
                os.environ.clear()
                os.environ.update(env)
                sys.dont_write_bytecode = True
                for name in [name for name in sys.modules if name.split(".")[0] in HUB_PACKAGES]:
                    del sys.modules[name]
                sys.path[0] = str(root)  # as `python -m` puts its working folder first
                importlib.invalidate_caches()
                code = _run_mkdocs(arguments)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        stdout.seek(0)
        stderr.seek(0)
        output = stdout.read().decode("utf-8", errors="replace") + stderr.read().decode("utf-8", errors="replace")
    returncode = os.waitstatus_to_exitcode(status)
    if returncode == -signal.SIGALRM:
        output += f"\nERROR    -  the build took longer than {BUILD_TIMEOUT_SECONDS} seconds and was stopped\n"
    return returncode, output


def _run_mkdocs(arguments: list[str]) -> int:
    """MkDocs' own command line, as `python -m mkdocs` runs it; its exit status."""
    import traceback

    from mkdocs.__main__ import cli

    try:
        cli.main(args=arguments, prog_name="mkdocs")
    except SystemExit as stop:  # how click ends; a message in place of a status is printed, as Python does
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except BaseException:  # noqa: BLE001 - printed as Python prints an uncaught error
        traceback.print_exc()
        return 1
    return 0


def log_blocks(output: str) -> list[tuple[str, str]]:
    """(level, message) for each log record, continuation lines joined to their record."""
    blocks: list[list[str]] = []
    for raw in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines():
        match = _LOG_LINE.match(raw)
        if match:
            blocks.append([match.group(1), match.group(2)])
        elif blocks:
            blocks[-1][1] += "\n" + raw
    return [(level, message.strip()) for level, message in blocks if level in ("WARNING", "ERROR")]


def build_findings(project: Project, message: str, known: set[str]) -> list[Finding]:
    """Rewrite one MkDocs warning or error as findings that name a file and a line."""
    root = project.root
    docs = project.shown(project.docs_dir)

    def page_line(src: str, *needles: str) -> int:
        path = project.docs_dir / src
        try:
            lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        except OSError:
            return 1
        for needle in needles:
            for number, text in enumerate(lines, 1):
                if needle and needle in text:
                    return number
        return 1

    for pattern, advice in _LINK_PROBLEMS:
        if match := re.match(pattern, message):
            found = match.groupdict()
            src, link = found["src"], found["link"]
            text = advice.format(docs=docs, **found)
            return [Finding(f"{docs}/{src}", page_line(src, f"]({link}", link), "error", text)]
    if message.startswith("The following pages exist in the docs directory, but are not included"):
        pages = re.findall(r"^\s*-\s+(\S.*)$", message, re.M)
        return [Finding(f"{docs}/{src}", 1, "error",
                        "this page is not in the site's menu, so readers cannot find it. Add it "
                        "under 'nav:' in mkdocs.yml (or delete the page if it is not wanted)")
                for src in pages]  # fmt: skip
    if match := re.match(r"A reference to '(.+?)' is included in the 'nav' configuration", message):
        (src,) = match.groups()
        return [Finding("mkdocs.yml", _file_line(root / "mkdocs.yml", src), "error",
                        f"the menu (nav:) lists '{src}', but there is no page {docs}/{src}. Fix "
                        "the file name or remove the line")]  # fmt: skip
    # Our own errors (data files, front matter) are already `file:line: message` lines.
    own = [text for text in message.splitlines() if re.match(r"^\S+?:\d+: ", text)]
    if own:
        findings = []
        for text in own:
            location, rest = split_location(text)
            file, line = location.rsplit(":", 1)
            if rest not in known:
                findings.append(Finding(file, int(line), "error", rest))
        return findings
    first_line = message.splitlines()[0] if message else "the build failed"
    return [Finding("mkdocs.yml", 1, "error", f"the build reported: {first_line}")]


def _file_line(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8-sig", errors="replace").splitlines(), 1):
        if needle in text:
            return number
    return 1


def check_build(project: Project, known: set[str], built_pages: dict[str, str] | None = None) -> list[Finding]:
    returncode, output = run_build(project.root, built_pages)
    findings: list[Finding] = []
    blocks = log_blocks(output)
    for _level, message in blocks:
        if message.startswith(("Aborted with", "Error reading page")):
            continue
        findings.extend(build_findings(project, message, known))
    # Our own `file:line: message` lines already reported by the check explain the failure.
    explained = any(re.search(r"^\S+?:\d+: ", message, re.M) for _level, message in blocks)
    if returncode != 0 and not findings and not explained:
        tail = output.strip().splitlines()[-1:] or ["no message"]
        findings.append(Finding("mkdocs.yml", 1, "error", f"the build failed: {tail[0]}"))
    return findings
