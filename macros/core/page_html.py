"""What an editor's Markdown may hold: HTML by allow-list, and safe link addresses only.

Editors write text, never code. In a page's Markdown this check refuses, with the file, the
line, what was found and what to write instead:

- a raw HTML element outside ALLOWED_TAGS (`<script>`, `<img>`, `<iframe>`, `<a>`...);
- any attribute outside ALLOWED_ATTRIBUTES, and above all an event handler (`onerror=`);
- a link or image address that is not `https:`, `mailto:`, `tel:`, a relative path or a
  `#fragment` (so no `javascript:`, `data:`, `file:` or plain `http:`);
- an attribute list (`{: ... }`) setting anything but an id, a class or a title, read with
  Python-Markdown's own attribute-list scanner, so the check reads it as Markdown will;
- `<` or `>` inside an attribute's value (HTML hidden where this check would not see it);
- an id the theme or the hub's own HTML uses (Material's start with `__`);
- a line longer than LONGEST_LINE characters (so every check here stays quick).

Nothing is dropped or changed: the build and `make check` stop with the message. Behind this
check, the built site is checked for script (macros/core/site_output.py) and every page
carries a policy that runs none (SECURITY.md). Fenced code, code spans and the front matter
are not looked at: they are shown as text. Each check reads the page once (linear time).
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import slugify

from .problems import DataProblem

# The elements pages really use (checked across docs/ in December 2026), and a few more an
# editor may need for text: abbreviations, line breaks, keys, folding sections.
ALLOWED_TAGS = frozenset(
    {"abbr", "br", "kbd", "details", "summary", "div", "p", "span", "noscript", "sub", "sup", "strong", "em"}
)
# `markdown` lets Markdown run inside a block (md_in_html); `open` unfolds a <details>.
ALLOWED_ATTRIBUTES = frozenset({"class", "id", "title", "markdown", "open"})
ALLOWED_SCHEMES = frozenset({"https", "mailto", "tel"})

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# A fence opens a line with a language name or {attributes} at most; it hides its lines from
# the check only when a closing fence pairs with it (same indent and character, at least as
# long, nothing after it). Anything else Markdown might not read as a fence stays checked.
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*(?:\{[^{}<>\n]*\})?[ \t]*$")
_CODE_SPAN = re.compile(r"(`+).*?\1")
# (A comment a browser ends sooner, at `<!-->` or `--!>`, is caught by rendered_problems below.)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_EMAIL_AUTOLINK = re.compile(r"<[^\s<>@\"']+@[^\s<>@\"']+>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_INLINE_LINK = re.compile(r"\]\(\s*(<[^>]*>|[^\s)]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
# Where an attribute list may start: `{`, an optional `:`, spaces, then not `}` (Markdown's BASE_RE).
_ATTR_LIST_START = re.compile(r"\{:?[ ]*(?=[^}\n ])")
# A page's Jinja is read by macros/core/page_jinja.py, not here.
_JINJA_PAIRS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))
LONGEST_LINE = 10_000
# Ids the theme and the hub's own HTML give elements: an editor's id may not take them.
RESERVED_ID_PREFIXES = ("_", "hub-", "jd-", "cost-", "answer-", "question-", "outcome-", "route-", "tick-",
                        "spec-", "feed-", "series-")  # fmt: skip
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop ASCII tab and line breaks inside addresses, and ignore leading controls and spaces.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")

WHAT_TO_WRITE = {
    "a": "write a Markdown link instead: [link text](https://...)",
    "img": "write a Markdown image instead: ![what the picture shows](../assets/images/name.png)",
    "b": "write **bold** in Markdown instead",
    "i": "write *emphasis* in Markdown instead",
    "table": "write a Markdown table instead (see CONTRIBUTING.md)",
    "h1": "write a Markdown heading instead: # Heading",
    "h2": "write a Markdown heading instead: ## Heading",
    "h3": "write a Markdown heading instead: ### Heading",
    "ul": "write a Markdown list instead: - item",
    "ol": "write a Markdown list instead: 1. item",
    "li": "write a Markdown list instead: - item",
}
NO_CODE = (
    "pages cannot carry scripts, styles, frames, forms or embedded objects: "
    "describe it in words, or ask a maintainer for a macro"
)
ADDRESS_ADVICE = (
    "a link or image address must start https://, mailto: or tel:, or be a page or file of the hub "
    "(like ../roles/funding.md) or a #heading on the page"
)


def address_problem(address: str) -> str | None:
    """Why `address` may not be a link or image in a page, or None when it may."""
    cleaned = _URL_NOISE.sub("", html.unescape(address.strip("<>")))
    if cleaned.startswith("//") or cleaned.startswith("\\"):
        return f"the address '{address}' leaves the hub without saying how: write it in full, starting https://"
    scheme = _SCHEME.match(cleaned)
    if scheme is None or scheme.group(1).lower() in ALLOWED_SCHEMES:
        return None
    if scheme.group(1).lower() == "http":
        return f"the address '{address}' is not secure: write https:// instead of http://"
    return f"the address '{address}' is not allowed: {ADDRESS_ADVICE}"


def id_problem(value: str) -> str | None:
    """Why `value` may not be an editor's id, or None."""
    if value.lower().startswith(RESERVED_ID_PREFIXES):
        return (
            f"the id '{value}' starts like the ids the site's own page parts use "
            f"({', '.join(RESERVED_ID_PREFIXES)}): choose another id"
        )
    return None


def _attribute_problems(tag: str, attributes: str) -> list[str]:
    problems = []
    for match in _ATTRIBUTE.finditer(attributes):
        name = match.group(1).lower()
        value = (match.group(2) or "").strip("\"'")
        if "<" in value or ">" in value:
            problems.append(
                f"the value of {name}= on <{tag}> holds < or >: write the words without them (a value cannot hold HTML)"
            )
        elif name == "id" and id_problem(value):
            problems.append(id_problem(value))
        elif name.startswith("on"):
            problems.append(
                f"<{tag} {name}=...> runs code in the reader's browser: delete {name}=..., pages cannot run code"
            )
        elif name not in ALLOWED_ATTRIBUTES:
            problems.append(
                f"the attribute {name}= on <{tag}> is not allowed: delete it "
                f"(a page's HTML may only use {', '.join(sorted(ALLOWED_ATTRIBUTES))})"
            )
    return problems


def _tag_problems(tag: str, attributes: str) -> list[str]:
    name = tag.lower()
    if name not in ALLOWED_TAGS:
        advice = WHAT_TO_WRITE.get(name, NO_CODE)
        return [f"the HTML element <{tag}> is not allowed in a page: {advice}"]
    return _attribute_problems(tag, attributes)


def _attr_list_problems(attributes: list[tuple[str, str | None]]) -> list[str]:
    problems = []
    for name, value in attributes:
        if name == "." or name.lower() == "title":
            continue
        if name == "id":
            problem = id_problem(value or "")
            if problem:
                problems.append(problem)
            continue
        what = "runs code in the reader's browser" if name.lower().startswith("on") else "is not allowed"
        shown = name if len(name) <= 40 else name[:40] + "..."
        problems.append(
            f"the attribute {shown}{'=' if value is not None else ''} in {{: ... }} {what}: delete it "
            "(only #id, .class and title= may be set)"
        )
    return problems


def _attr_lists(text: str):
    """(offset, attributes) for each place Markdown could read an attribute list, scanned as
    Python-Markdown scans it; each `{` starts a scan once, and no scan starts inside another.
    Markdown reads one written `{: ...}`, one that ends its line (a block's or heading's), and
    one right after an inline element (`*em*{...}`); a `{` in prose is prose. (Whatever slips
    past this reading is caught in the HTML itself: rendered_problems.)"""
    position = 0
    while (start := _ATTR_LIST_START.search(text, position)) is not None:
        line_end = text.find("\n", start.end())
        line_end = line_end if line_end != -1 else len(text)
        content = text[start.end() : line_end]
        attributes, _remainder = get_attrs_and_remainder(content)
        consumed = sum(len(name) + len(value or "") + 2 for name, value in attributes)
        explicit = text.startswith("{:", start.start())
        after_inline = start.start() > 0 and text[start.start() - 1] in "*_`])>"
        ends_line = content.rstrip().endswith("}")
        if explicit or after_inline or ends_line:
            yield start.start(), attributes
        position = max(start.end(), min(start.end() + consumed, len(text)))


def _blank_jinja(text: str, word: str = "") -> str:
    """`text` with each {{ ... }}, {% ... %} and {# ... #} blanked (or, with `word`, that word
    in place of a {{ ... }}), found in one pass."""
    parts = []
    position = 0
    while True:
        opening = min(
            (
                (text.find(start, position), start, end)
                for start, end in _JINJA_PAIRS
                if text.find(start, position) != -1
            ),
            default=None,
        )
        if opening is None:
            break
        index, _start, end = opening
        closing = text.find(end, index + 2)
        if closing == -1:
            break
        parts.append(text[position:index])
        blank = re.sub(r"[^\n]", " ", text[index : closing + 2])
        parts.append(word + blank[len(word) :] if word and _start == "{{" else blank)
        position = closing + 2
    parts.append(text[position:])
    return "".join(parts)


def _fenced_lines(lines: list[str]) -> set[int]:
    """The indexes of lines inside a fence pair (both fences included)."""
    fenced: set[int] = set()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening.group("indent"), opening.group("fence")
        for closing_index in range(index + 1, len(lines)):
            closing = lines[closing_index]
            if re.fullmatch(rf"{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*", closing):
                fenced.update(range(index, closing_index + 1))
                index = closing_index + 1
                break
        else:
            index += 1  # never closed: Markdown does not read it as a fence, so neither does the check
    return fenced


def _blank(match: re.Match) -> str:
    """The matched text as spaces, its line breaks kept, so offsets and line numbers stay."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _text_problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each thing in `text` that is not allowed. A tag may span lines."""
    problems: list[tuple[int, str]] = []
    for match in _AUTOLINK.finditer(text):
        problem = address_problem(match.group(1))
        if problem:
            problems.append((match.start(), problem))
    text = _EMAIL_AUTOLINK.sub(_blank, _AUTOLINK.sub(_blank, text))
    for match in _TAG.finditer(text):
        if not match.group(1):  # an opening tag (its closing tag says nothing more)
            problems += [(match.start(), message) for message in _tag_problems(match.group(2), match.group(3))]
    for match in list(_INLINE_LINK.finditer(text)) + list(_REFERENCE.finditer(text)):
        problem = address_problem(match.group(1))
        if problem:
            problems.append((match.start(), problem))
    for match in _HEADING.finditer(text):
        slug = slugify(match.group(1), "-")
        if slug.startswith("_"):
            problems.append(
                (
                    match.start(),
                    f"the heading's address '#{slug}' is one the theme uses: start the heading with a letter",
                )
            )
    for offset, attributes in _attr_lists(_blank_jinja(text)):
        problems += [(offset, message) for message in _attr_list_problems(attributes)]
    return sorted(problems, key=lambda problem: problem[0])


def html_problems(markdown: str, shown_as: str) -> list[DataProblem]:
    """Each thing in a page's Markdown that is not allowed, as `file:line: message`."""
    front = _FRONT_MATTER.match(markdown)
    skipped_lines = front.group(0).count("\n") if front else 0
    body = markdown[front.end() :] if front else markdown
    # Comments are blanked (keeping their line breaks), so a tag inside one is not read;
    # so are fenced code and code spans, which Markdown shows as text.
    body = _COMMENT.sub(_blank, body)
    lines = body.split("\n")
    long_lines = [
        DataProblem(shown_as, number, "", f"this line is {len(line):,} characters long: split it into "
                    f"lines of fewer than {LONGEST_LINE:,} (a blank line between paragraphs)")
        for number, line in enumerate(lines, skipped_lines + 1) if len(line) > LONGEST_LINE
    ]  # fmt: skip
    fenced = _fenced_lines(lines)
    visible = [
        "" if index in fenced or len(line) > LONGEST_LINE else _CODE_SPAN.sub(_blank, line)
        for index, line in enumerate(lines)
    ]
    if long_lines:
        return long_lines
    text = "\n".join(visible)
    return [
        DataProblem(shown_as, skipped_lines + 1 + text.count("\n", 0, offset), "", message)
        for offset, message in _text_problems(text)
    ]


# --- The HTML Markdown makes: the authority -------------------------------------------------
#
# The checks above read the Markdown the way an editor wrote it, for messages that say what to
# write instead. Markdown is subtler than any such reading (fences, comments, code spans and
# raw HTML blocks each have rules of their own), so the page is also turned into HTML with the
# site's own Markdown settings and that HTML is read with an HTML parser: an element,
# attribute or address outside what a page may hold is refused, at the line where the source
# names it. Nothing is ever removed: a page either passes both readings or does not build.

# What Markdown and mkdocs.yml's extensions make from a page, and what an editor may type.
RENDERED_TAGS = ALLOWED_TAGS | {
    "a", "blockquote", "code", "dd", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li",
    "ol", "pre", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
RENDERED_ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt"},
    "details": {"open"},
    "ol": {"start"},
}
_PLACEHOLDER = "hubmacro"
TABLE_ALIGNMENT = (
    "a table column set to align left, centre or right (a colon in the line of dashes) needs a style the "
    "site's policy does not allow: write the line of dashes without colons"
)


def _rendered_findings(html_text: str) -> list[tuple[str, str]]:
    """(what to look for in the source, message) for each thing in `html_text` a page may not
    hold, read by an HTML5 parser (tinyhtml5) as a browser reads it: `<!-->` ends a comment."""
    import tinyhtml5  # only when a page is read afresh (most builds find every page in the cache)

    findings = []
    for element in tinyhtml5.parse(html_text).iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        tag = element.tag.rpartition("}")[2]
        if tag in ("html", "head", "body"):
            continue
        if tag not in RENDERED_TAGS:
            advice = WHAT_TO_WRITE.get(tag, NO_CODE)
            findings.append((f"<{tag}", f"the HTML element <{tag}> is not allowed in a page: {advice}"))
            continue
        allowed = RENDERED_ATTRIBUTES["*"] | RENDERED_ATTRIBUTES.get(tag, set())
        for name, value in element.attrib.items():
            findings += _rendered_attribute_findings(tag, name.rpartition("}")[2], value, allowed)
    return findings


def _rendered_attribute_findings(tag: str, name: str, value: str, allowed: set[str]) -> list[tuple[str, str]]:
    if name.startswith("on"):
        return [
            (name, f"<{tag} {name}=...> runs code in the reader's browser: delete {name}=..., pages cannot run code")
        ]
    if name == "style" and tag in ("th", "td"):
        return [(":-", TABLE_ALIGNMENT)]
    if name not in allowed:
        return [(name, f"the attribute {name}= on <{tag}> is not allowed here: delete it")]
    if name in ("href", "src") and (problem := address_problem(value)):
        return [(value, problem)]
    if name == "id" and value.startswith("_"):
        return [(value, id_problem(value) or "")]
    return []


def _source_line(body: str, needle: str) -> int:
    """The first line of `body` naming `needle` (any case, character references read), or else
    the first line with text on it."""
    for text in (body, html.unescape(body)):
        index = text.lower().find(needle.lower()) if needle else -1
        if index != -1:
            return text.count("\n", 0, index) + 1
    lines = body.split("\n")
    return next((number for number, line in enumerate(lines, 1) if line.strip()), 1)


def rendered_problems(
    markdown_text: str, shown_as: str, extensions: Sequence[Any], settings: Mapping[str, Any]
) -> list[DataProblem]:
    """What the page's HTML, made by the site's Markdown, holds that a page may not."""
    front = _FRONT_MATTER.match(markdown_text)
    skipped_lines = front.group(0).count("\n") if front else 0
    body = markdown_text[front.end() :] if front else markdown_text
    # A page's macro calls are the hub's (macros/core/page_jinja.py): a word stands in for each.
    body_with_placeholders = _blank_jinja(body, _PLACEHOLDER)
    converter = markdown.Markdown(extensions=list(extensions), extension_configs=dict(settings))
    seen = set()
    problems = []
    for needle, message in _rendered_findings(converter.convert(body_with_placeholders)):
        problem = DataProblem(shown_as, skipped_lines + _source_line(body, needle), "", message)
        if problem not in seen:
            seen.add(problem)
            problems.append(problem)
    return problems


def docs_html_problems(
    docs_dir: Path,
    shown_docs: str,
    extensions: Sequence[Any],
    settings: Mapping[str, Any],
    passed_dir: Path | None = None,
) -> list[DataProblem]:
    """For every Markdown page in `docs_dir` (shown as `shown_docs`/...): html_problems, or when
    there are none, what the site's Markdown (`extensions`, `settings`) makes of it.

    Turning a page into HTML twice costs a tenth of the build, so with `passed_dir` a page that
    passed is remembered there by a key of everything the answer depends on (its text, the
    Markdown settings, this module's code and the libraries' versions): the same page with
    the same settings is not read again. Only passes are kept, so a problem is always shown."""
    problems: list[DataProblem] = []
    settings_key = _settings_key(extensions, settings)
    for page in sorted(docs_dir.rglob("*.md")):
        relative = page.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        shown = f"{shown_docs}/{relative.as_posix()}"
        passed = (
            passed_dir / hashlib.sha256((settings_key + shown + "\0" + text).encode()).hexdigest()
            if passed_dir
            else None
        )
        if passed is not None and passed.exists():
            continue
        found = page_problems(text, shown, extensions, settings)
        problems += found
        if passed is not None and not found:
            passed.parent.mkdir(parents=True, exist_ok=True)
            passed.touch()
    return problems


def _settings_key(extensions: Sequence[Any], settings: Mapping[str, Any]) -> str:
    """What a page's answer depends on besides its text: this code, the libraries, the settings."""
    versions = [importlib.metadata.version(name) for name in ("Markdown", "pymdown-extensions", "tinyhtml5")]
    code = Path(__file__).read_bytes()
    return hashlib.sha256(
        repr((versions, list(extensions), sorted(settings.items(), key=str))).encode() + code
    ).hexdigest()


def page_problems(
    markdown_text: str, shown_as: str, extensions: Sequence[Any], settings: Mapping[str, Any]
) -> list[DataProblem]:
    """html_problems of one page, or when there are none, rendered_problems."""
    return html_problems(markdown_text, shown_as) or rendered_problems(markdown_text, shown_as, extensions, settings)
