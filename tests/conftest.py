"""Shared fixtures: build a site (the hub's own, the events fixture, or a copy with changed
files), serve it, and drive it in Debian's Chromium. The plain functions behind them are in
tests/helpers.py."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EVENTS_FIXTURE_EPOCH,
    PROJECT_ROOT,
    BuiltSite,
    SiteServer,
    build_site,
    copy_project,
    events_fixture_project,
    open_watched_page,
    serve_directory,
)
from tests.reused_tabs import ReusingBrowser


def built_once(tmp_path_factory, name: str, build: Callable[[Path], BuiltSite]) -> BuiltSite:
    """`build(folder)` run once per test session, even when pytest-xdist runs the tests in
    several processes: the first process to ask builds (under a file lock, in the folder all
    of them share) and the others read what it built. Only for sites that tests only read."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        site = build(tmp_path_factory.mktemp(name))
    else:
        from filelock import FileLock

        shared = tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
        record = shared / f"{name}.json"
        with FileLock(str(shared / f"{name}.lock")):
            if record.is_file():
                fields = json.loads(record.read_text(encoding="utf-8"))
                site = BuiltSite(Path(fields["root"]), Path(fields["site_dir"]), fields["output"], fields["returncode"])
            else:
                site = build(shared / name)
                fields = {"root": str(site.root), "site_dir": str(site.site_dir), "output": site.output,
                          "returncode": site.returncode}  # fmt: skip
                record.write_text(json.dumps(fields), encoding="utf-8")
    assert site.returncode == 0, site.output
    return site


@pytest.fixture(scope="session")
def hub_site(tmp_path_factory) -> BuiltSite:
    """The hub's own content, built once per test session with a fixed date."""
    return built_once(tmp_path_factory, "hub", lambda folder: build_site(PROJECT_ROOT, folder / "site"))


def _events_fixture_build(folder: Path) -> BuiltSite:
    root = events_fixture_project(folder / "project")
    return build_site(root, folder / "site", EVENTS_FIXTURE_EPOCH)


@pytest.fixture(scope="session")
def after_pay_year_site(tmp_path_factory) -> BuiltSite:
    """The hub's own content built on 2027-06-01, after the 2026/27 pay year has ended, once
    per test session."""
    from tests.helpers import AFTER_PAY_YEAR_EPOCH

    return built_once(
        tmp_path_factory,
        "after-pay-year",
        lambda folder: build_site(PROJECT_ROOT, folder / "site", AFTER_PAY_YEAR_EPOCH),
    )


@pytest.fixture(scope="session")
def events_fixture_site(tmp_path_factory) -> BuiltSite:
    """The hub with tests/fixtures/events/events.yaml as its events data, on its own site
    address, built once per test session on EVENTS_FIXTURE_EPOCH (2026-10-25 12:00 UTC).
    The end-to-end and the browser tests of the drop-in sessions both read it."""
    return built_once(tmp_path_factory, "events-fixture", _events_fixture_build)


def _served(site: BuiltSite):
    server = serve_directory(site.site_dir)
    yield SiteServer(f"http://127.0.0.1:{server.server_address[1]}/", site.site_dir)
    server.shutdown()


@pytest.fixture(scope="session")
def hub_server(hub_site):
    yield from _served(hub_site)


@pytest.fixture(scope="session")
def events_fixture_server(events_fixture_site):
    yield from _served(events_fixture_site)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield ReusingBrowser(chromium)  # tabs handed from test to test (tests/reused_tabs.py)
        chromium.close()


@pytest.fixture
def watched_page(browser):
    """A 1280 x 900 tab that records console errors and requests (tests.helpers.WatchedPage)."""
    context, watched = open_watched_page(browser)
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


@pytest.fixture(scope="session")
def job():
    """The hub's job description, validated, its pay from data/figures.yaml as on the fixed build date."""
    from datetime import UTC, datetime

    from macros.figures.models import load_figures
    from macros.jobdesc.models import load_job_description
    from macros.jobdesc.pay import JOB_DESCRIPTION_FIGURE, with_pay
    from tests.helpers import HUB_BUILD_EPOCH

    job = load_job_description(PROJECT_ROOT / "data" / "job_description.yaml", "data/job_description.yaml")
    figure = load_figures(PROJECT_ROOT / "data" / "figures.yaml").get(JOB_DESCRIPTION_FIGURE)
    return with_pay(job, figure, datetime.fromtimestamp(HUB_BUILD_EPOCH, tz=UTC).date())


@pytest.fixture(scope="session")
def template(job):
    """The job description as a document, every field a placeholder."""
    from macros.jobdesc.content import build_document

    return build_document(job)
