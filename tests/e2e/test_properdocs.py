"""The same site from ProperDocs, the maintained fork of MkDocs 1.x: the hub built with
`properdocs build` is the hub built with `mkdocs build`, file for file and byte for byte,
but for the `<meta name="generator">` tag that names the tool. So the hub can move to
ProperDocs by changing one command (see the README)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, build_site

pytestmark = pytest.mark.e2e

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def comparable(path: Path) -> bytes:
    """A built file's bytes as the comparison reads them: the generator tag blanked, and
    sitemap.xml.gz decompressed (a gzip header carries a time and a file name)."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        return gzip.decompress(data)
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


def differences(first: Path, second: Path) -> list[str]:
    """Files only in one site, and files whose comparable bytes differ."""
    files = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    found = [f"only in {first.name}: {p}" for p in sorted(files - others)]
    found += [f"only in {second.name}: {p}" for p in sorted(others - files)]
    found += [f"differs: {p}" for p in sorted(files & others) if comparable(first / p) != comparable(second / p)]
    return found


def test_the_comparison_sees_a_changed_file_and_ignores_only_the_generator(tmp_path):
    for name, generator, text in [("a", "mkdocs-1.6.1", "Hello"), ("b", "mkdocs-ProperDocs 1.6.7", "Hello")]:
        (tmp_path / name).mkdir()
        page = f'<html><head><meta name="generator" content="{generator}"></head><body>{text}</body></html>'
        (tmp_path / name / "index.html").write_text(page)
        (tmp_path / name / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=len(generator)))
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "index.html").write_text((tmp_path / "b" / "index.html").read_text().replace("Hello", "Hullo"))
    (tmp_path / "b" / "extra.js").write_text("")
    assert differences(tmp_path / "a", tmp_path / "b") == ["only in b: extra.js", "differs: index.html"]


def test_properdocs_builds_the_same_site_as_mkdocs(hub_site, tmp_path):
    properdocs = build_site(PROJECT_ROOT, tmp_path / "properdocs", command="properdocs")
    assert properdocs.returncode == 0, properdocs.output
    home = {site.site_dir.name: (site.site_dir / "index.html").read_bytes() for site in (hub_site, properdocs)}
    assert GENERATOR.search(home["site"]).group(1).startswith(b"mkdocs-1.")
    assert b"ProperDocs" in GENERATOR.search(home["properdocs"]).group(1)
    files = [p for p in properdocs.site_dir.rglob("*") if p.is_file()]
    assert {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= {
        p.relative_to(properdocs.site_dir).as_posix() for p in files
    }
    problems = differences(hub_site.site_dir, properdocs.site_dir)
    assert not problems, "\n".join(problems)
