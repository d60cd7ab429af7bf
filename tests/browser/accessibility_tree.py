"""Chromium's own accessibility tree (the DevTools protocol's Accessibility.getFullAXTree)
of a page, read for three rules (issue 15): every focusable control has a role and a name;
every control that opens something says whether it is open; no tick box is exposed that is
not a form field. The every-page sweep (tests/browser/every_page.py) reads it on every page;
tests/browser/test_accessibility_tree_browser.py checks that the rules can fail."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.browser.keyboard_walk import SETTLE
from tests.helpers import wait_until

# Roles that say nothing about what a focusable element is or does.
NO_ROLE = {"", "generic", "none", "presentation", "LabelText", "StaticText", "GenericContainer", "Unknown"}

# Marks, on the live page, every visible control that opens or closes something:
# disclosure buttons and summaries, and anything that works one of Material's hidden toggles
# (a <label for> or the buttons toggle-buttons.js puts in their place). Left out, with why:
# the dimmed backdrops (a pointer's way to close the menu or search; Escape does it by
# keyboard), the menu's heading (it holds the link to the home page), and the table of
# contents sidebar's title (where that sidebar shows, it is always open: a heading), and
# whatever neither a pointer nor the keyboard can use (a section's heading on a wide screen).
MARK_OPENERS = """() => {
  const toggles = new Set([...document.querySelectorAll('input.md-toggle')].map(t => t.id));
  const openers = [...document.querySelectorAll('summary, button, [aria-expanded], [aria-haspopup], [for]')]
    .filter(e => e.matches('summary, [aria-expanded], [aria-haspopup]:not([aria-haspopup="false"])')
                 || toggles.has(e.getAttribute('for')))
    .filter(e => !e.matches('.md-overlay, .md-search__overlay, .md-nav--secondary > .md-nav__title'))
    .filter(e => !e.querySelector('a[href]'))
    .filter(e => getComputedStyle(e).pointerEvents !== 'none' || e.tabIndex >= 0)
    .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible');
  openers.forEach((e, n) => { e.dataset.hubOpener = String(n); });
  return openers.length;
}"""


@dataclass
class AXControl:
    role: str
    name: str
    properties: dict


def describe_node(cdp, backend_id: int) -> str:
    node = cdp.send("DOM.describeNode", {"backendNodeId": backend_id})["node"]
    attributes = node.get("attributes", [])
    pairs = dict(zip(attributes[::2], attributes[1::2], strict=False))
    return node["localName"] + "".join(
        f'[{key}="{value}"]' for key, value in pairs.items() if key in ("id", "class", "for", "href", "type")
    )


def read_tree(cdp) -> tuple[list[dict], dict[int, dict]]:
    nodes = [node for node in cdp.send("Accessibility.getFullAXTree")["nodes"] if not node.get("ignored")]
    return nodes, {node["backendDOMNodeId"]: node for node in nodes if "backendDOMNodeId" in node}


def properties_of(node: dict) -> dict:
    return {prop["name"]: prop["value"].get("value") for prop in node.get("properties", [])}


def opener_ids(cdp) -> list[int]:
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-hub-opener]"})["nodeIds"]
    return [cdp.send("DOM.describeNode", {"nodeId": node_id})["node"]["backendNodeId"] for node_id in found]


def tree_problems(cdp) -> tuple[list[str], list[AXControl]]:
    """The three rules, read from Chromium's accessibility tree of the page as it is now."""
    problems: list[str] = []
    controls: list[AXControl] = []
    nodes, by_backend = read_tree(cdp)
    for node in nodes:
        role = node.get("role", {}).get("value", "")
        name = (node.get("name", {}).get("value") or "").strip()
        props = properties_of(node)
        backend = node.get("backendDOMNodeId")
        if role == "RootWebArea" or backend is None:
            continue
        if props.get("focusable"):
            controls.append(AXControl(role, name, props))
            # The element is described (one more call to the browser) only for a problem.
            if role in NO_ROLE:
                html = describe_node(cdp, backend)
                problems.append(f"{html}: focusable with no role (Chromium says {role!r}), name {name!r}")
            elif not name:
                problems.append(f"{describe_node(cdp, backend)}: a {role} with no name")
        if role in ("checkbox", "switch", "menuitemcheckbox"):
            html = describe_node(cdp, backend)
            is_field = html.startswith("input") and 'type="checkbox"' in html and "md-toggle" not in html
            if not is_field or not name:
                problems.append(f"{html}: a {role} {name!r} that is not a named form field")
    for backend in opener_ids(cdp):
        node = by_backend.get(backend)
        html = describe_node(cdp, backend)
        if node is None:
            problems.append(f"{html}: opens something but is not in the accessibility tree")
        elif "expanded" not in properties_of(node):
            role = node.get("role", {}).get("value", "")
            problems.append(f"{html}: a {role} that opens something but does not say whether it is open")
    return problems, controls


@dataclass
class TreeSurvey:
    """What the tree of every page showed, at one screen size."""

    width: str
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    openers: dict[str, list[str]] = field(default_factory=dict)  # page: "role name (expanded)"


def open_the_menu(page) -> None:
    """As a reader does: press the menu button."""
    page.locator(".hub-menu-button").click()
    wait_until(page, "() => document.getElementById('__drawer').checked")
    page.evaluate(SETTLE)


def read_page_tree(page, cdp, path: str, survey: TreeSurvey) -> None:
    """The tree of the page the tab shows (at `path`), as it is now, into `survey`. The
    protocol's DOM and Accessibility domains are on only while it is read: kept on, Chromium
    would keep the tree up to date and report DOM changes through the keyboard walk."""
    cdp.send("DOM.enable")
    cdp.send("Accessibility.enable")
    try:
        page.evaluate(SETTLE)
        page.evaluate(MARK_OPENERS)
        problems, controls = tree_problems(cdp)
    finally:
        cdp.send("Accessibility.disable")
        cdp.send("DOM.disable")
    survey.pages.append(path)
    survey.problems += [f"{path}: {problem}" for problem in problems]
    survey.openers[path] = [
        f"{c.role} {c.name!r} expanded={c.properties['expanded']}" for c in controls if "expanded" in c.properties
    ]
