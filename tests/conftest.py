"""Shared fixtures: build a site (the hub's own, or a copy with changed files), serve it,
and drive it in Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# What a site copy needs to build: everything the hub's build reads.
SITE_SOURCES = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides")
# 2026-11-21 12:00 UTC: the fixed "today" for the hub's own end-to-end build.
HUB_BUILD_EPOCH = 1795262400
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


def copy_project(destination: Path, replace: dict[str, str | None] | None = None) -> Path:
    """Copy the hub's sources to `destination`, then write (or, for None, delete) files."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    for relative, text in (replace or {}).items():
        target = destination / relative
        if text is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return destination


def build_site(root: Path, site_dir: Path, epoch: int | None = HUB_BUILD_EPOCH, *extra_args: str) -> BuiltSite:
    """Run the strict build as an editor would, in its own process (no cached imports)."""
    # DISABLE_MKDOCS_2_WARNING: mkdocs-redirects prints ProperDocs' MkDocs 2 banner unless it is set.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONDONTWRITEBYTECODE="1")
    if epoch is None:
        env.pop("SOURCE_DATE_EPOCH", None)
    else:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"),
         "-d", str(site_dir), *extra_args],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )
    return BuiltSite(root, site_dir, result.stdout + result.stderr, result.returncode)


@pytest.fixture(scope="session")
def hub_site(tmp_path_factory) -> BuiltSite:
    """The hub's own content, built once per test session with a fixed date."""
    site = build_site(PROJECT_ROOT, tmp_path_factory.mktemp("hub") / "site")
    assert site.returncode == 0, site.output
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class SiteServer:
    base_url: str
    site_dir: Path

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


def serve_directory(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def hub_server(hub_site):
    server = serve_directory(hub_site.site_dir)
    yield SiteServer(f"http://127.0.0.1:{server.server_address[1]}/", hub_site.site_dir)
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class WatchedPage:
    """A browser tab that records console errors and every request it makes."""

    page: object
    console_errors: list[str]
    requests: list[str]


@pytest.fixture
def watched_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    watched = WatchedPage(page, [], [])
    page.on("console", lambda message: message.type == "error" and watched.console_errors.append(message.text))
    page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
    page.on("request", lambda request: watched.requests.append(request.url))
    yield watched
    context.close()


@pytest.fixture
def make_project(tmp_path):
    """A copy of the hub's sources with some files changed: make_project({"data/x.yaml": "..."})."""

    def make(replace: dict[str, str | None] | None = None, name: str = "project") -> Path:
        return copy_project(tmp_path / name, replace)

    return make


@pytest.fixture(scope="session")
def site_builder():
    """build_site(root, site_dir, epoch=HUB_BUILD_EPOCH, *extra_args) -> BuiltSite."""
    return build_site
