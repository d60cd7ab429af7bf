"""What the tests (and the benchmarks) share: copying and building the hub, serving a built
site, the pages a site has, and a watched browser tab. Plain functions and dataclasses;
the pytest fixtures built on them are in tests/conftest.py.

Import it as `from tests.helpers import ...` (the project root is on pytest's path, and
`python -m benchmarks` runs from it), so there is one copy of this module in a process."""

from __future__ import annotations

import atexit
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# What a site copy needs to build: everything the hub's build reads.
SITE_SOURCES = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides")
# 2026-11-21 12:00 UTC: the fixed "today" for the hub's own end-to-end build.
HUB_BUILD_EPOCH = 1795262400
# 2026-12-07 12:00 UTC: the day the 2026/27 figures were checked (issue 29).
FIGURES_CHECKED_EPOCH = 1796644800
# 2027-06-01 12:00 UTC: after the 2026/27 pay year and the pension rate carried into it.
AFTER_PAY_YEAR_EPOCH = 1811851200

# The events fixture (every status, both sides of the 2026 clock changes) on its own address,
# built on 2026-10-25 12:00 UTC: after the 09:00 session that day, before the moved session
# of 2 November.
EVENTS_FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "events" / "events.yaml"
EVENTS_FIXTURE_SITE_URL = "https://fixture-hub.example.net/"
EVENTS_FIXTURE_EPOCH = int(datetime(2026, 10, 25, 12, 0, tzinfo=UTC).timestamp())
HUB_SITE_URL = "https://ot-primary-care.example.org/"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The job description's page and downloads, and a practice's values for its form.
JOB_PAGE = "recruitment/job-description/"
JOB_DOCX = "recruitment/primary-care-ot-job-description.docx"
JOB_PDF = "recruitment/primary-care-ot-job-description.pdf"
ONE_MB = 1024 * 1024  # NHS Jobs' limit for a supporting document
PRACTICE_VALUES = {
    "employer": "Severn Vale PCN",
    "base": "Tewkesbury Health Centre",
    "hours": "22.5 hours a week",
    "wte": "0.6",
    "reporting_to": "PCN clinical director",
    "closing_date": "2027-01-31",
    "contact": "Sam Patel, practice manager, sam.patel@nhs.net",
}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# axe-core's options for every run: those rules, with elements listed for violations only (the
# tests read nothing else; listing every element that passed cost the desktop survey 40
# processor-seconds against 33, measured on 7 December 2026).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


# --- Copying and building the hub -----------------------------------------------------


# What earlier builds kept (.cache: the pages the page check passed, compiled templates, the
# job description's documents). Each entry is found by a key of everything its answer depends
# on (the page's or data's bytes, the code that made it, the libraries' versions), as an
# editor's own copy keeps it between builds: a file a test changed has a new key and is made
# afresh. tests/e2e/test_jobdesc_site.py builds a copy without it, from cold.
BUILD_CACHES = Path(".cache")


def copy_sources(destination: Path, names: tuple[str, ...] = SITE_SOURCES, caches: bool = True) -> Path:
    """Copy the hub's files and folders `names` (without Python's caches) into `destination`,
    with what earlier builds kept in .cache unless `caches` is false."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    if caches and (PROJECT_ROOT / BUILD_CACHES).is_dir():
        shutil.copytree(PROJECT_ROOT / BUILD_CACHES, destination / BUILD_CACHES, dirs_exist_ok=True)
    for source in sorted(destination.glob("*/**/*.py")):
        write_checked_bytecode(source)
    return destination


_BYTECODE: dict[bytes, bytes] = {}  # a source file's bytes -> its checked-hash .pyc


def write_checked_bytecode(source: Path) -> None:
    """Put beside `source` the .pyc Python would write for it, in the checked-hash form (PEP
    552): Python uses it only while the file's bytes hash to what the .pyc records, so a file
    a test changes afterwards is compiled afresh. Why: builds run with no bytecode written
    (build_env), and compiling the hub's own code again cost each build and check about a
    tenth of a processor-second. Each distinct file is compiled once per test process; Python
    gives the code the copy's file name when it loads it."""
    import importlib.util
    import py_compile
    import tempfile

    text = source.read_bytes()
    if text not in _BYTECODE:
        with tempfile.TemporaryDirectory() as folder:
            compiled = Path(folder) / "module.pyc"
            py_compile.compile(
                str(source), cfile=str(compiled), doraise=True,
                invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
            )  # fmt: skip
            _BYTECODE[text] = compiled.read_bytes()
    target = Path(importlib.util.cache_from_source(str(source)))
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(_BYTECODE[text])


def copy_project(destination: Path, replace: dict[str, str | None] | None = None, caches: bool = True) -> Path:
    """Copy the hub's sources to `destination` (with .cache unless `caches` is false), then
    write (or, for None, delete) files."""
    copy_sources(destination, caches=caches)
    for relative, text in (replace or {}).items():
        target = destination / relative
        if text is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return destination


def events_fixture_project(destination: Path) -> Path:
    """A copy of the hub with the events fixture as its data and its own site address."""
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert HUB_SITE_URL in config
    return copy_project(
        destination,
        {
            "data/events.yaml": EVENTS_FIXTURE.read_text(encoding="utf-8"),
            "mkdocs.yml": config.replace(HUB_SITE_URL, EVENTS_FIXTURE_SITE_URL),
        },
    )


def build_env(epoch: int | None = HUB_BUILD_EPOCH, **extra: str) -> dict[str, str]:
    """The environment of a build as `make` runs it: no MkDocs 2 banners, a fixed date
    (SOURCE_DATE_EPOCH; None leaves it unset), no cached bytecode."""
    # DISABLE_MKDOCS_2_WARNING: mkdocs-redirects prints ProperDocs' MkDocs 2 banner unless it is set.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONDONTWRITEBYTECODE="1")
    if epoch is None:
        env.pop("SOURCE_DATE_EPOCH", None)
    else:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    env.update(extra)
    return env


@dataclass
class BuiltSite:
    root: Path  # the project the site was built from
    site_dir: Path
    output: str  # everything MkDocs printed
    returncode: int

    def read(self, url_path: str) -> str:
        """The text of a built file, by its URL path: "roles/" reads roles/index.html."""
        path = self.site_dir / url_path.lstrip("/")
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def build_site(
    root: Path, site_dir: Path, epoch: int | None = HUB_BUILD_EPOCH, *extra_args: str, command: str = "mkdocs"
) -> BuiltSite:
    """Run the strict build as an editor would, in its own process (run_module), which reads
    the hub's code from `root`. `command` is the module that builds: "mkdocs", or
    "properdocs" (its maintained fork, started as a plain `python -m`)."""
    args = ["build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir), *extra_args]
    if command == "mkdocs":
        result = run_module("mkdocs", *args, cwd=root, env=build_env(epoch))
    else:
        result = subprocess.run(
            [sys.executable, "-m", command, *args], cwd=root, env=build_env(epoch), capture_output=True, text=True,
            timeout=600,
        )  # fmt: skip
    return BuiltSite(root, site_dir, result.stdout + result.stderr, result.returncode)


class _BuildServer:
    """One tests/build_server.py for this test process, started when first asked."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None

    def run(self, request: dict) -> dict:
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = subprocess.Popen(
                    [sys.executable, str(Path(__file__).with_name("build_server.py"))],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=build_env(None), text=True,
                    encoding="utf-8",
                )  # fmt: skip
            assert self._process.stdin is not None and self._process.stdout is not None
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            reply = self._process.stdout.readline()
        if not reply:
            raise RuntimeError("tests/build_server.py stopped without answering")
        return json.loads(reply)

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=10)


_BUILD_SERVER = _BuildServer()
atexit.register(_BUILD_SERVER.close)


def run_module(
    module: str, *args: str, cwd: Path, env: dict[str, str], timeout: int = 600
) -> subprocess.CompletedProcess:
    """`python -m module args` in `cwd` with `env`, as subprocess.run(..., capture_output=True,
    text=True) would run it: a process of its own, forked by tests/build_server.py from one
    that has already imported the build's libraries (not the hub's code), to save each build
    and check the half second of starting Python and importing them."""
    reply = _BUILD_SERVER.run({"module": module, "args": list(args), "cwd": str(cwd), "env": env, "timeout": timeout})
    command = [sys.executable, "-m", module, *args]
    if reply["timed_out"]:
        raise subprocess.TimeoutExpired(command, timeout, reply["stdout"], reply["stderr"])
    return subprocess.CompletedProcess(command, reply["returncode"], reply["stdout"], reply["stderr"])


def stop_process(process: subprocess.Popen) -> None:
    """End a server the test or benchmark started: politely, then firmly after 10 seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- Serving a built site -------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_directory(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@dataclass
class SiteServer:
    base_url: str
    site_dir: Path

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


# --- The pages a built site has -------------------------------------------------------


def sitemap_paths(site_dir: Path) -> list[str]:
    """The URL paths listed in the site's sitemap.xml, in its order."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(site_dir / "sitemap.xml")
    return [urlparse(loc.text).path for loc in tree.findall(".//s:loc", namespace)]


def url_path_of(site_dir: Path, html_file: Path) -> str:
    """The URL path a built HTML file is served at: events/x/index.html is /events/x/."""
    relative = html_file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def content_paths(site_dir: Path) -> list[str]:
    """Every page in the sitemap, then every other HTML page under events/ (the generated
    session pages, which the sitemap does not list), so pages other work adds are covered."""
    paths = sitemap_paths(site_dir)
    events = site_dir / "events"
    if events.is_dir():
        for html_file in sorted(events.rglob("*.html")):
            path = url_path_of(site_dir, html_file)
            if path not in paths:
                paths.append(path)
    return paths


# --- A watched browser tab ------------------------------------------------------------


@dataclass
class WatchedPage:
    """A browser tab that records console errors and every request it makes."""

    page: object
    console_errors: list[str]
    requests: list[str]


def wait_until(page, expression: str, arg=None, timeout: float = 5000) -> None:
    """Wait until `expression` (JavaScript, as for page.evaluate) is true in `page`.
    Playwright's wait_for_function evaluates its predicate with eval, which the pages'
    Content-Security-Policy refuses; page.evaluate goes through the DevTools protocol."""
    import time

    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} ms waiting for {expression}")
        page.wait_for_timeout(50)


def open_watched_page(browser, width: int = 1280, height: int = 900, **context_options):
    """A new browser context and a watched tab in it: (context, WatchedPage). Close the context."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB", **context_options)
    page = context.new_page()
    watched = WatchedPage(page, [], [])
    page.on("console", lambda message: message.type == "error" and watched.console_errors.append(message.text))
    page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
    page.on("request", lambda request: watched.requests.append(request.url))
    return context, watched


# --- Data files -----------------------------------------------------------------------


def refusal(tmp_path: Path, text: str, load, shown_as: str) -> str:
    """Write `text` as the data file `shown_as` (such as "data/glossary.yaml") under
    `tmp_path`, load it with `load(path, shown_as)`, and return the message of the
    DataFileError it must raise."""
    import pytest

    from macros.core.datafiles import DataFileError

    path = tmp_path / Path(shown_as).name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load(path, shown_as)
    return str(caught.value)


def load_events_text(tmp_path: Path, text: str):
    """data/events.yaml with this text, loaded and validated as the build does."""
    from macros.events.models import load_events

    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return load_events(path, "data/events.yaml")


def events_problem(tmp_path: Path, text: str) -> str:
    """What the build says about data/events.yaml with this text (it must refuse it)."""
    import pytest

    from macros.core.problems import DataFileError

    with pytest.raises(DataFileError) as caught:
        load_events_text(tmp_path, text)
    return str(caught.value)


# One series with three monthly sessions, for tests of the events models and wording.
EVENTS_SERIES = """\
series:
  - id: evening-drop-in
    title: Evening drop-in
    organiser:
      name: Hub
    audience: [GPs]
    description: A drop-in.
    join:
      email: someone@example.org
    start: "{start}"
    end: "{end}"
{place}
    added: 2026-01-05
    source:
      title: Source
      publisher: Publisher
      url: https://example.org/source
{extra}    sessions:
      - date: 2026-03-28
      - date: 2026-04-25
      - date: 2026-05-23
"""
EVENTS_ONLINE = "    online: true"
EVENTS_VENUE = "    venue:\n      name: Hub House\n      address: 1 High Street, Gloucester"


def events_series_text(start="12:30", end="13:00", place=EVENTS_ONLINE, extra="") -> str:
    return EVENTS_SERIES.format(start=start, end=end, place=place, extra=extra)


# --- Content-Security-Policy violations in the browser ---------------------------------

# Added with context.add_init_script before any page script runs: each violation Chromium
# reports is kept in sessionStorage, so it survives the page's own navigation.
CSP_VIOLATIONS_SCRIPT = """
window.addEventListener("securitypolicyviolation", (event) => {
  const seen = JSON.parse(sessionStorage.getItem("csp-seen") || "[]");
  seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  sessionStorage.setItem("csp-seen", JSON.stringify(seen));
}, true);
"""


def csp_violations(page, wait_ms: int = 200) -> list[str]:
    """The policy violations the tab's current origin has seen (CSP_VIOLATIONS_SCRIPT), after
    `wait_ms` for the last to be reported."""
    if wait_ms:
        page.wait_for_timeout(wait_ms)
    return page.evaluate("JSON.parse(sessionStorage.getItem('csp-seen') || '[]')")


def forget_csp_violations(page) -> None:
    """Start the tab's record of policy violations again (CSP_VIOLATIONS_SCRIPT)."""
    page.evaluate("() => sessionStorage.removeItem('csp-seen')")
