"""`mkdocs serve` rebuilds when an editor changes a page, a data file or a macro."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import build_env, copy_project, stop_process

# Starts `mkdocs serve` and waits for three rebuilds: slow, and bound to a live server.
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own server
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, server, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{server.stdout.read()}")
        html = fetch(url)
        if text in html:
            return html
        time.sleep(0.3)
    pytest.fail(f"{url} never showed {text!r}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One `mkdocs serve` for the module: each test puts back every file it edits."""
    root = copy_project(tmp_path_factory.mktemp("serve") / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}",
         "-f", str(root / "mkdocs.yml")],
        cwd=root, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        yield root, f"http://127.0.0.1:{port}/", server
    finally:
        stop_process(server)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_reloads_pages_data_and_macros(served):
    root, base, server = served
    wait_for(base + "glossary/", "Glossary", server)
    edited = [root / "docs/resources.md", root / "data/glossary.yaml", root / "macros/glossary/terms.py"]
    originals = {path: path.read_text(encoding="utf-8") for path in edited}

    edit(root / "docs/resources.md", "\n# ", "\nA sentence an editor just added.\n\n# ")
    wait_for(base + "resources/", "A sentence an editor just added.", server)

    edit(root / "data/glossary.yaml", "stands_for: Agenda for Change", "stands_for: Edited data, Agenda for Change")
    wait_for(base + "glossary/", "Edited data, ", server)

    edit(
        root / "macros/glossary/terms.py",
        'return render_template("glossary/glossary.html", terms=terms, words=words)',
        'return "<p>Edited macro</p>\\n" + render_template("glossary/glossary.html", terms=terms, words=words)',
    )
    wait_for(base + "glossary/", "<p>Edited macro</p>", server)

    for path, text in originals.items():
        path.write_text(text, encoding="utf-8")
    wait_for(base + "glossary/", "Health services use a lot of abbreviations", server)


def test_a_rebuild_that_fails_shows_the_mistake_and_recovers(served):
    root, base, server = served
    wait_for(base + "glossary/", "Glossary", server)

    figures = root / "data/figures.yaml"
    good = figures.read_text(encoding="utf-8")
    lines = good.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("    title: "))
    edit(figures, lines[line - 1], lines[line - 1].replace("title: ", 'title: "', 1))
    html = wait_for(base + "glossary/", "The site cannot be built", server)
    assert f"data/figures.yaml:{line}: error: a quote opened on this line is never closed" in html
    assert "/livereload/" in html  # the page reloads itself once the mistake is fixed

    figures.write_text(good, encoding="utf-8")
    wait_for(base + "glossary/", "Health services use a lot of abbreviations", server)

    config = root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    edit(config, "      - ARRS funding: roles/funding.md", "    - ARRS funding: roles/funding.md")
    html = wait_for(base + "roles/", "The site cannot be built", server)
    number = good.splitlines().index("      - ARRS funding: roles/funding.md") + 1
    assert f"mkdocs.yml:{number}: error: this line does not line up" in html
    config.write_text(good, encoding="utf-8")
    wait_for(base + "roles/", "ARRS", server)


def test_a_rebuild_that_fails_after_the_site_was_cleaned_shows_the_mistake_on_every_page(served):
    # A front matter mistake stops the build in on_files, after MkDocs emptied the site
    # directory: every page of the last good build shows the mistake.
    root, base, server = served
    wait_for(base + "glossary/", "Glossary", server)
    funding = root / "docs/roles/funding.md"
    good = funding.read_text(encoding="utf-8")
    edit(funding, "last_reviewed:", "last_reviwed:")
    for address in ("roles/funding/", "glossary/"):
        html = wait_for(base + address, "The site cannot be built", server)
        assert (
            "<li><code>docs/roles/funding.md:5: error: &#39;last_reviwed&#39; is not a front matter key we know. "
            "Did you mean &#39;last_reviewed&#39;? Check its spelling or remove it. The keys allowed are: title, "
            "description, sources, owner, last_reviewed, review_in, next_review, render_macros, hide, search, status, "
            "template, icon, subtitle.</code></li>"
        ) in html
        assert "/livereload/" in html
    funding.write_text(good, encoding="utf-8")
    wait_for(base + "roles/funding/", "ARRS", server)
