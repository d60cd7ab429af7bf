"""An editor's Markdown: HTML by allow-list, safe addresses only, read as Markdown reads it (issues 19 and 28)."""

from __future__ import annotations

import pytest

from macros.core.page_html import address_problem, html_problems


def problems(body: str) -> list[str]:
    return [str(p) for p in html_problems("---\ntitle: A page\n---\n\n" + body + "\n", "docs/a.md")]


# Each body, on line 5 of a page, and every line the editor sees for it: the whole message,
# since these messages are how the hub tells an editor what to do.
WHOLE_MESSAGES = [  # fmt: skip
    ('<script>window.x=1</script>', ['docs/a.md:5: the HTML element <script> is not allowed in a page: pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a maintainer for a macro']),
    ('<img src=x onerror="window.y=1">', ['docs/a.md:5: the HTML element <img> is not allowed in a page: write a Markdown image instead: ![what the picture shows](../assets/images/name.png)']),
    ('<a href="https://x.org">x</a>', ['docs/a.md:5: the HTML element <a> is not allowed in a page: write a Markdown link instead: [link text](https://...)']),
    ('<iframe src=x></iframe>', ['docs/a.md:5: the HTML element <iframe> is not allowed in a page: pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a maintainer for a macro']),
    ('<style>p{}</style>', ['docs/a.md:5: the HTML element <style> is not allowed in a page: pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a maintainer for a macro']),
    ('<div onclick="x()">', ["docs/a.md:5: <div onclick=...> runs code in the reader's browser: delete onclick=..., pages cannot run code"]),
    ('<span ONMOUSEOVER="x()">y</span>', ["docs/a.md:5: <span onmouseover=...> runs code in the reader's browser: delete onmouseover=..., pages cannot run code"]),
    ('<p style="color:red">x</p>', ["docs/a.md:5: the attribute style= on <p> is not allowed: delete it (a page's HTML may only use class, id, markdown, open, title)"]),
    ('[Contact](javascript:window.z=1)', ["docs/a.md:5: the address 'javascript:window.z=1' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"]),
    ('![x](data:image/svg+xml,<svg>)', ["docs/a.md:5: the address 'data:image/svg+xml,<svg>' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page", 'docs/a.md:5: the HTML element <svg> is not allowed in a page: pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a maintainer for a macro']),
    ('[x](JaVaScRiPt:alert(1))', ["docs/a.md:5: the address 'JaVaScRiPt:alert(1' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"]),
    ('[x](java&#115;cript:alert(1))', ["docs/a.md:5: the address 'java&#115;cript:alert(1' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"]),
    ('[x](<java\tscript:alert(1)>)', ["docs/a.md:5: the address '<java\tscript:alert(1)>' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page", 'docs/a.md:5: the HTML element <java> is not allowed in a page: pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a maintainer for a macro']),
    ('[x](file:///etc/passwd)', ["docs/a.md:5: the address 'file:///etc/passwd' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"]),
    ('[x](http://example.org)', ["docs/a.md:5: the address 'http://example.org' is not secure: write https:// instead of http://"]),
    ('[x](//evil.example)', ["docs/a.md:5: the address '//evil.example' leaves the hub without saying how: write it in full, starting https://"]),
    ('[x]: vbscript:msgbox', ["docs/a.md:5: the address 'vbscript:msgbox' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"]),
    ('<javascript:alert(1)>', ["docs/a.md:5: the address 'javascript:alert(1)' is not allowed: a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like ../roles/funding.md) or a #heading on the page"]),
    ('A paragraph\n{: onclick="x()" }', ["docs/a.md:6: the attribute onclick= in {: ... } runs code in the reader's browser: delete it (only #id, .class and title= may be set)"]),
    ('Text\n\n<img\n  src="x"\n  onerror="y()">', ['docs/a.md:7: the HTML element <img> is not allowed in a page: write a Markdown image instead: ![what the picture shows](../assets/images/name.png)']),
    ('<span\n onclick="y()">x</span>', ["docs/a.md:5: <span onclick=...> runs code in the reader's browser: delete onclick=..., pages cannot run code"]),
    ('[x](y.md){: href="javascript:x" }', ['docs/a.md:5: the attribute href= in {: ... } is not allowed: delete it (only #id, .class and title= may be set)']),
    ('{: foo onclick="alert(1)" }', ['docs/a.md:5: the attribute foo in {: ... } is not allowed: delete it (only #id, .class and title= may be set)', "docs/a.md:5: the attribute onclick= in {: ... } runs code in the reader's browser: delete it (only #id, .class and title= may be set)"]),
    ('x\n{: #__config }', ["docs/a.md:6: the id '__config' starts like the ids the site's own page parts use (_, hub-, jd-, cost-, answer-, question-, outcome-, route-, tick-, spec-, feed-, series-): choose another id"]),
    ('<span id="__config">x</span>', ["docs/a.md:5: the id '__config' starts like the ids the site's own page parts use (_, hub-, jd-, cost-, answer-, question-, outcome-, route-, tick-, spec-, feed-, series-): choose another id"]),
    ('<span title="<img src=x onerror=alert(1)>">x</span>', ['docs/a.md:5: the value of title= on <span> holds < or >: write the words without them (a value cannot hold HTML)']),
    ('```<b>x</b>```\n<script>alert(1)</script>', ['docs/a.md:6: the HTML element <script> is not allowed in a page: pages cannot carry scripts, styles, frames, forms or embedded objects: describe it in words, or ask a maintainer for a macro']),
    ('# __config', ["docs/a.md:5: the heading's address '#__config' is one the theme uses: start the heading with a letter"]),
    ("{" * 12000, ["docs/a.md:5: this line is 12,000 characters long: split it into lines of fewer than 10,000 (a blank line between paragraphs)"]),
]


@pytest.mark.parametrize(("body", "expected"), WHOLE_MESSAGES)
def test_what_only_code_may_hold_is_refused_with_line_and_advice(body, expected):
    assert problems(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<abbr title='Additional Roles Reimbursement Scheme'>ARRS</abbr>, a<br>b, <kbd>Ctrl</kbd>",
        "<details markdown>\n<summary>More</summary>\nText\n</details>",
        '<div class="hub-cards" markdown>\n\nText\n\n</div>',
        '<noscript><p class="hub-panel">JavaScript is off.</p></noscript>',
        "[a](https://www.nhs.uk) [b](mailto:a@nhs.net) [c](tel:+441234) [d](../roles/funding.md) [e](#top)",
        "<https://www.nhs.uk> and <a@nhs.net>",
        "`<script>` in code is text, and so is `[x](javascript:y)`",
        "```html\n<script>alert(1)</script>\n```",
        "<!-- a note for editors: <script> -->",
        "Heading {: #an-id .a-class title='t' }",
        "Pay is under 5 years < 10 years and Q&A",
        "A code span ``` `x` ``` on its own",
    ],
)
def test_what_pages_really_use_passes(body):
    assert problems(body) == []


def test_the_hubs_own_pages_pass():
    from pathlib import Path

    from mkdocs.config import load_config

    from macros.core.page_html import docs_html_problems

    config = load_config("mkdocs.yml")
    assert docs_html_problems(Path("docs"), "docs", config.markdown_extensions, config.mdx_configs) == []


def test_addresses():
    assert address_problem("https://www.nhs.uk") is None
    assert address_problem("../x.md#y") is None
    assert address_problem("mailto:a@nhs.net") is None
    assert address_problem(" javascript:x") is not None
