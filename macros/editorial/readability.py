"""The readability report in `make check`: Flesch reading ease for each page in the menu,
and every sentence longer than 25 words, so editors see hard pages before review.

How a page is scored (pure functions, no MkDocs objects):

When `make check` builds the site, a page's score is taken from what the reader sees: the
built page's main text, text from data files included (`rendered_blocks`). Long sentences
are still found in the Markdown, so each warning can name its line. Without a build:

1. Only what a reader reads as prose is kept: front matter, fenced code, tables, HTML tags
   and comments, and macro calls ({{ ... }}, {% ... %}, {# ... #}) are removed; a link keeps
   its words and loses its address; emphasis marks and attribute lists go.
2. The rest is split into blocks: a heading, a list item, a paragraph, an admonition's title.
   Each block ends a sentence even without a full stop, so a heading or a list item is never
   run into the next one. Inside a block, a sentence ends at . ! or ? followed by a space.
3. Flesch reading ease = 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words),
   syllables counted by textstat (0.7.3, which uses pyphen's dictionaries, so nothing is
   downloaded). 60 or more is plain English; NHS content aims higher. A page with fewer
   than 30 words of prose is not held to the floor: the score means little on so few.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import textstat

READING_EASE_FLOOR = 60
LONGEST_SENTENCE = 25  # words
# Flesch scores swing wildly on a few words ("# Fixture" alone scores 37), so a page with
# less prose than this is not held to the floor; its long sentences are still reported.
FEWEST_WORDS_SCORED = 30

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[^\n]*$", re.S | re.M)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ATTR_LIST = re.compile(r"\{\s*[:#.][^{}]*\}")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BARE_URL = re.compile(r"https?://\S+|mailto:\S+")
_CODE = re.compile(r"`[^`]*`")
_EMPHASIS = re.compile(r"(\*\*|__|\*)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*\S+(?:\s+"([^"]*)")?\s*$')
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_WORD = re.compile(r"[A-Za-z0-9£%][A-Za-z0-9£%,./'’-]*")


@dataclass(frozen=True)
class Block:
    line: int  # where the block starts in the page's file (1-based)
    text: str


@dataclass(frozen=True)
class LongSentence:
    line: int
    words: int
    start: str  # its first few words, so the editor can find it


@dataclass(frozen=True)
class PageReadability:
    reading_ease: float
    words: int
    sentences: int
    long_sentences: list[LongSentence] = field(default_factory=list)


def _blank_keeping_lines(match: re.Match) -> str:
    """Replace removed text with as many newlines, so line numbers stay true."""
    return "\n" * match.group(0).count("\n")


def prose_blocks(markdown: str) -> list[Block]:
    """The page's prose as blocks (headings, list items, paragraphs), each with its line."""
    text = _FRONT_MATTER.sub(_blank_keeping_lines, markdown)
    for pattern in (_FENCE, _JINJA, _COMMENT):
        text = pattern.sub(lambda m: " " + _blank_keeping_lines(m), text)
    blocks: list[Block] = []
    current: list[str] = []
    start = 0

    def close() -> None:
        words = " ".join(current).strip()
        if _WORD.search(words):
            blocks.append(Block(start, words))
        current.clear()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("|"):  # a blank line or a table row
            close()
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            close()
            if admonition.group(1):
                start, current[:] = number, [admonition.group(1)]
                close()
            continue
        if _HEADING.match(line) or _LIST_ITEM.match(line) or line.startswith(">"):
            close()
            line = _LIST_ITEM.sub("", _HEADING.sub("", line)).lstrip("> ")
        cleaned = _inline_text(line)
        if not cleaned:
            # A line of markup alone (a <div>, </details>) ends the block around it.
            if _TAG.search(line):
                close()
            continue
        if not current:
            start = number
        current.append(cleaned)
    close()
    return blocks


def _inline_text(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _TAG.sub(" ", line)
    line = _ATTR_LIST.sub("", line)
    line = _BARE_URL.sub("", line)
    line = _CODE.sub("", line)
    line = _EMPHASIS.sub("", line)
    return re.sub(r"\s+", " ", line).strip()


def sentences(blocks: list[Block]) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence; each block ends a sentence."""
    found = []
    for block in blocks:
        for part in _SENTENCE_END.split(block.text):
            if _WORD.search(part):
                found.append((block.line, part.strip()))
    return found


def words_in(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def syllables_in(word: str) -> int:
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return 1  # a number or a sum of money is read as at least one syllable
    return max(1, textstat.syllable_count(letters))


def reading_ease(found: list[tuple[int, str]]) -> tuple[float, int]:
    """Flesch reading ease of the sentences, and their word count."""
    words = [word for _, sentence in found for word in words_in(sentence)]
    if not words:
        return 100.0, 0
    syllables = sum(syllables_in(word) for word in words)
    score = 206.835 - 1.015 * (len(words) / len(found)) - 84.6 * (syllables / len(words))
    return round(score, 1), len(words)


def page_readability(markdown: str) -> PageReadability:
    found = sentences(prose_blocks(markdown))
    ease, count = reading_ease(found)
    long = [
        LongSentence(line, len(words_in(sentence)), " ".join(words_in(sentence)[:6]))
        for line, sentence in found
        if len(words_in(sentence)) > LONGEST_SENTENCE
    ]
    return PageReadability(ease, count, len(found), long)


# Elements whose text is one block of prose as the reader sees it.
_BLOCK_TAGS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "td",
    "th",
    "summary",
    "figcaption",
    "legend",
    "label",
}
# Elements whose text is not prose: code, scripts, the permalink mark, citations at the foot.
_SKIPPED_TAGS = {"script", "style", "code", "pre", "noscript", "svg", "template"}
_SKIPPED_CLASSES = {"headerlink", "hub-source", "md-source-file", "hub-review"}
# Text the floor exempts: the job description's own formal text (from data/job_description.yaml,
# following the RCOT document's terms). Only its page's introduction is scored, built or not.
_EXEMPT_CLASSES = {"jd-document"}


class _MainText(HTMLParser):
    """The text blocks inside the page's <article>, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._in_article = 0
        self._skip = 0
        self._stack: list[tuple[str, bool]] = []

    def _close_block(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if text and _WORD.search(text):
            self.blocks.append(text)
        self._current.clear()

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag in {"br", "img", "input", "hr", "meta", "link"}:
            if tag == "br":
                self._current.append(" ")
            return
        skipped = (
            tag in _SKIPPED_TAGS or bool(classes & (_SKIPPED_CLASSES | _EXEMPT_CLASSES)) or "hidden" in dict(attrs)
        )
        if tag == "article":
            self._in_article += 1
        if skipped:
            self._skip += 1
        if tag in _BLOCK_TAGS and not self._skip:
            self._close_block()
        self._stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, skipped = self._stack.pop()
            if skipped:
                self._skip -= 1
            if open_tag == "article":
                self._in_article -= 1
            if open_tag in _BLOCK_TAGS and not self._skip:
                self._close_block()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self._current.append(data)


def rendered_blocks(html: str) -> list[Block]:
    """The prose a reader sees on a built page, as blocks (line 0: a built page has no source line)."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    parser._close_block()
    return [Block(0, text) for text in parser.blocks]


def rendered_readability(html: str, markdown: str) -> PageReadability:
    """The score of the built page as read; long sentences from the Markdown, with their lines."""
    ease, count = reading_ease(sentences(rendered_blocks(html)))
    from_markdown = page_readability(markdown)
    return PageReadability(ease, count, len(sentences(rendered_blocks(html))), from_markdown.long_sentences)


def readability_warnings(shown: str, report: PageReadability) -> list[tuple[str, int, str]]:
    """(file, line, message) for a page below the floor and for each long sentence."""
    warnings = []
    if report.words >= FEWEST_WORDS_SCORED and report.reading_ease < READING_EASE_FLOOR:
        warnings.append(
            (
                shown,
                1,
                f"this page scores {report.reading_ease:g} for Flesch reading ease, below the hub's "
                f"floor of {READING_EASE_FLOOR}. Use shorter sentences and everyday words "
                "(CONTRIBUTING.md, 'Readability')",
            )
        )
    warnings.extend(
        (
            shown,
            sentence.line,
            f'a sentence of {sentence.words} words ("{sentence.start} ..."): keep sentences to '
            f"{LONGEST_SENTENCE} words or fewer, for example by splitting it in two",
        )
        for sentence in report.long_sentences
    )
    return warnings


def nav_pages(nav) -> list[str]:
    """Every page file named in mkdocs.yml's nav:, in menu order (links to other sites left out)."""
    pages: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            if item.endswith(".md"):
                pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for entry in item:
                walk(entry)

    walk(nav or [])
    return pages
