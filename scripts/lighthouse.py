#!/usr/bin/env python3
"""Lighthouse benchmark for the hub (`make lighthouse`). A benchmark, not a test.

Builds the hub, serves it on 127.0.0.1 with gzip (as any static host does), and runs
Lighthouse (pinned in scripts/lighthouse/package-lock.json, installed there with `npm ci`)
in Debian's Chromium on five pages, on mobile and desktop. Prints a table of the four
category scores and the bytes transferred, checks them against the targets, and with
--write FILE replaces the table between the lighthouse markers in FILE (BENCHMARKS.md).

Pages that the site does not have (yet) are skipped with a note in the table.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the benchmarks package, run as `python scripts/lighthouse.py`
TOOL_DIR = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE = TOOL_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {  # (form factor or None for both, category, minimum)
    ("mobile", "performance"): 0.98,
    (None, "accessibility"): 1.0,
    (None, "best-practices"): 1.0,
    (None, "seo"): 1.0,
}
HOME_BYTES_LIMIT = 200 * 1024
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt")


def pages(site_dir: Path) -> list[tuple[str, str | None]]:
    """(label, URL path or None when the site does not have that page)."""

    def exists(path: str) -> str | None:
        return path if (site_dir / path.lstrip("/") / "index.html").is_file() else None

    session = None
    events = site_dir / "events"
    if events.is_dir():
        for html_file in sorted(events.rglob("index.html")):
            if html_file.parent != events:
                session = "/" + html_file.parent.relative_to(site_dir).as_posix() + "/"
                break
    return [
        ("Home page", exists("/")),
        ("Content page (the role)", exists("/roles/")),
        ("Drop-in sessions", exists("/events/")),
        ("A session page", session),
        ("Job description", exists("/recruitment/job-description/")),
    ]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, like GitHub Pages or Netlify."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def install_lighthouse() -> None:
    if LIGHTHOUSE.is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("npm is needed to install Lighthouse (Debian: apt-get install npm)")
    print("Installing Lighthouse from scripts/lighthouse/package-lock.json ...", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL_DIR, check=True)


def build(site_dir: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(site_dir)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def run_lighthouse(url: str, form_factor: str, out: Path) -> dict:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROME), check=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return scores


def misses(label: str, form_factor: str, scores: dict) -> list[str]:
    found = []
    for (factor, category), minimum in TARGETS.items():
        if factor in (None, form_factor) and (scores[category] or 0) < minimum:
            found.append(f"{label} ({form_factor}): {category} {scores[category]:.2f} < {minimum:.2f}")
    if label == "Home page" and scores["bytes"] > HOME_BYTES_LIMIT:
        found.append(f"{label} ({form_factor}): {scores['bytes'] / 1024:.0f} KB > {HOME_BYTES_LIMIT // 1024} KB")
    return found


def machine() -> str:
    from benchmarks.measure import cpu_model

    cpu = cpu_model(platform.processor() or platform.machine())
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    lighthouse = json.loads((TOOL_DIR / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}); "
        f"{chromium}; Lighthouse {lighthouse}; served from 127.0.0.1 with gzip"
    )


def table(rows: list[tuple[str, str, str, dict | None]]) -> str:
    lines = [
        "| Page | Form factor | Performance | Accessibility | Best practices | SEO | Transferred |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, path, factor, scores in rows:
        if scores is None:
            lines.append(f"| {label} | {factor} | not measured: the site has no such page yet | | | | |")
            continue
        cells = " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES)
        lines.append(f"| {label} (`{path}`) | {factor} | {cells} | {scores['bytes'] / 1024:.0f} KB |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="replace the table between the lighthouse markers in this file")
    args = parser.parse_args()
    install_lighthouse()
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = Path(scratch) / "site"
        build(site_dir)
        handler = functools.partial(GzipHandler, directory=str(site_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        rows, missed = [], []
        try:
            for label, path in pages(site_dir):
                for factor in ("mobile", "desktop"):
                    if path is None:
                        rows.append((label, "", factor, None))
                        continue
                    print(f"Lighthouse: {label} {path} ({factor})", flush=True)
                    scores = run_lighthouse(base + path, factor, Path(scratch) / "report.json")
                    rows.append((label, path, factor, scores))
                    missed += misses(label, factor, scores)
        finally:
            server.shutdown()
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join(
        [
            f"Measured {today} on {machine()}.",
            "",
            table(rows),
            "",
            "Targets: performance at least 0.98 on mobile; accessibility, best practices and SEO 1.00;"
            " home page at most 200 KB transferred.",
            "",
            ("All targets met." if not missed else "Targets missed:\n\n" + "\n".join(f"- {m}" for m in missed)),
        ]
    )
    print("\n" + text)
    if args.write:
        current = args.write.read_text(encoding="utf-8") if args.write.exists() else f"{START}\n{END}\n"
        if START not in current or END not in current:
            current += f"\n{START}\n{END}\n"
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        args.write.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
        print(f"\nWrote the table to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
