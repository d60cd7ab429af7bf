"""The theme overrides that are copies of Material's templates: each names the Material
version it was copied from, that version is the one installed, and every override that
hides a Material template is either such a copy or listed here as the hub's own.

When Material is upgraded, a copy may no longer match the template it replaces: compare it
with the new version's template, carry the hub's change (described in its comment) over,
and update the version in the comment. The copies exist only where Material offers no
block for the change (see each file's comment); other changes go in overrides/main.html."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import material

from tests.helpers import PROJECT_ROOT

OVERRIDES = PROJECT_ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
# "Material 9.8.1's partials/header.html" in the comment at the top of a copy.
COPIED_FROM = re.compile(r"\A\{#-.*?\bMaterial (\d+\.\d+\.\d+)'s ([\w/.-]+\.html)\b.*?-#\}", re.S)

# Overrides that hide a Material template of the same name but are the hub's own, not copies.
HUB_OWN = {
    "404.html": "the hub's page not found, built on main.html",
    "main.html": "the hub's blocks on base.html (Material's main.html only extends base.html)",
    "partials/copyright.html": "the hub's footer: who runs it, contact, statutory pages",
    "partials/source.html": "empty: Material's repository badge asks GitHub for stars from every browser",
}


def copied_from(text: str) -> tuple[str, str] | None:
    """(Material version, template) named in a copy's opening comment, or None."""
    found = COPIED_FROM.match(text)
    return (found.group(1), found.group(2)) if found else None


def overrides_of_material() -> list[str]:
    """Every override whose path is also one of Material's templates (it hides that one)."""
    return sorted(
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*.html")
        if (MATERIAL_TEMPLATES / path.relative_to(OVERRIDES)).is_file()
    )


def copies() -> dict[str, tuple[str, str]]:
    found = {}
    for path in sorted(OVERRIDES.rglob("*.html")):
        recorded = copied_from(path.read_text(encoding="utf-8"))
        if recorded:
            found[path.relative_to(OVERRIDES).as_posix()] = recorded
    return found


def test_the_marker_is_read_from_the_opening_comment_only():
    assert copied_from("{#-\n  Material 9.8.1's partials/toc.html with one change\n-#}\n<nav>") == (
        "9.8.1",
        "partials/toc.html",
    )
    assert copied_from("{#- The hub's footer. -#}\n<p>Built with Material 9.8.1's base.html</p>") is None


def test_the_copies_are_the_ones_expected():
    assert set(copies()) == {
        "base.html",
        "partials/header.html",
        "partials/javascripts/announce.html",
        "partials/javascripts/base.html",
        "partials/javascripts/consent.html",
        "partials/javascripts/content.html",
        "partials/javascripts/outdated.html",
        "partials/javascripts/palette.html",
        "partials/nav-item.html",
        "partials/search.html",
        "partials/toc.html",
    }


def test_each_copy_names_the_template_it_replaces():
    problems = [
        f"overrides/{name} says it is a copy of Material's {template}"
        for name, (_, template) in copies().items()
        if template != name or not (MATERIAL_TEMPLATES / template).is_file()
    ]
    assert not problems, "\n".join(problems)


def test_each_copy_was_taken_from_the_installed_material():
    installed = metadata.version("mkdocs-material")
    problems = [
        f"overrides/{name} was copied from Material {version}, but Material {installed} is installed: "
        f"compare it with Material {installed}'s {template}, carry the hub's change over and update its comment"
        for name, (version, template) in copies().items()
        if version != installed
    ]
    assert not problems, "\n".join(problems)


def test_every_override_of_a_material_template_is_a_pinned_copy_or_the_hubs_own():
    pinned = copies()
    unknown = [name for name in overrides_of_material() if name not in pinned and name not in HUB_OWN]
    assert not unknown, (
        f"{unknown} hide Material's templates of the same name: if copied from Material, start the file with "
        "a comment naming \"Material <version>'s <template>\"; if the hub's own, add it to HUB_OWN in this test"
    )
    assert set(HUB_OWN) <= set(overrides_of_material()), "HUB_OWN lists a file that hides no Material template"
