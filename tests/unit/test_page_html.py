"""An editor's Markdown: HTML by allow-list, safe addresses only, and the sanitiser behind (issue 19)."""

from __future__ import annotations

import pytest

from macros.core.page_html import address_problem, html_problems
from macros.core.sanitise import HubMark, UnbalancedHubMark, sanitise, sanitise_page


def problems(body: str) -> list[str]:
    return [str(p) for p in html_problems("---\ntitle: A page\n---\n\n" + body + "\n", "docs/a.md")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<script>window.x=1</script>",
            "docs/a.md:5: the HTML element <script> is not allowed in a page: pages cannot",
        ),
        (
            '<img src=x onerror="window.y=1">',
            "docs/a.md:5: the HTML element <img> is not allowed in a page: write a Markdown image",
        ),
        ('<a href="https://x.org">x</a>', "write a Markdown link instead: [link text](https://...)"),
        ("<iframe src=x></iframe>", "the HTML element <iframe> is not allowed"),
        ("<style>p{}</style>", "the HTML element <style> is not allowed"),
        ('<div onclick="x()">', "<div onclick=...> runs code in the reader's browser: delete onclick=..."),
        ('<span ONMOUSEOVER="x()">y</span>', "<span onmouseover=...> runs code"),
        ('<p style="color:red">x</p>', "the attribute style= on <p> is not allowed: delete it"),
        (
            "[Contact](javascript:window.z=1)",
            "the address 'javascript:window.z=1' is not allowed: a link or image address must start https://",
        ),
        ("![x](data:image/svg+xml,<svg>)", "the address 'data:image/svg+xml,<svg>' is not allowed"),
        ("[x](JaVaScRiPt:alert(1))", "is not allowed"),
        ("[x](java&#115;cript:alert(1))", "is not allowed"),
        ("[x](<java\tscript:alert(1)>)", "is not allowed"),
        ("[x](file:///etc/passwd)", "is not allowed"),
        (
            "[x](http://example.org)",
            "the address 'http://example.org' is not secure: write https:// instead of http://",
        ),
        ("[x](//evil.example)", "leaves the hub without saying how"),
        ("[x]: vbscript:msgbox", "the address 'vbscript:msgbox' is not allowed"),
        ("<javascript:alert(1)>", "the address 'javascript:alert(1)' is not allowed"),
        ('A paragraph\n{: onclick="x()" }', "docs/a.md:6: the attribute onclick= in {: ... } runs code"),
        ('Text\n\n<img\n  src="x"\n  onerror="y()">', "docs/a.md:7: the HTML element <img> is not allowed in a page"),
        ('<span\n onclick="y()">x</span>', "docs/a.md:5: <span onclick=...> runs code"),
        ('[x](y.md){: href="javascript:x" }', "the attribute href= in {: ... } is not allowed"),
    ],
)
def test_what_only_code_may_hold_is_refused_with_line_and_advice(body, expected):
    found = problems(body)
    assert any(expected in line for line in found), found


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
    ],
)
def test_what_pages_really_use_passes(body):
    assert problems(body) == []


def test_the_hubs_own_pages_pass():
    from pathlib import Path

    from macros.core.page_html import docs_html_problems

    assert docs_html_problems(Path("docs"), "docs") == []


def test_addresses():
    assert address_problem("https://www.nhs.uk") is None
    assert address_problem("../x.md#y") is None
    assert address_problem("mailto:a@nhs.net") is None
    assert address_problem(" javascript:x") is not None


def test_the_sanitiser_keeps_markdowns_html_and_drops_script():
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Link">¶</a></h2>'
        '<p><a href="javascript:x">x</a><img src="x" onerror="y()"><script>z()</script>'
        '<abbr title="T">T</abbr></p>'
    )
    assert sanitise(html) == (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Link">¶</a></h2>'
        '<p><a>x</a><img src="x"><abbr title="T">T</abbr></p>'
    )


def test_the_hubs_marked_html_survives_and_an_editors_does_not():
    mark = HubMark()
    form = '<form action="x"><input name="a"><button type="button">Go</button></form>'
    html = (
        f"<p>{mark.start}</p>\n{form}\n<p>{mark.end}</p>"
        f"<p>Pay {mark.start}<b>£1</b>{mark.end} and <form><input></form>"
        f"<p>hubhtmlstart0000x<script>x()</script>hubhtmlend0000x</p>"
    )
    cleaned = sanitise_page(html, mark)
    assert cleaned.startswith(form)
    assert "Pay <b>£1</b> and " in cleaned
    assert cleaned.count("<form") == 1 and "<script>" not in cleaned
    assert mark.nonce not in cleaned


def test_a_mark_that_did_not_come_through_whole_stops_the_build():
    mark = HubMark()
    with pytest.raises(UnbalancedHubMark):
        sanitise_page(f"<p>{mark.start}<div>x</div></p>", mark)


def test_every_build_has_its_own_mark():
    assert HubMark().nonce != HubMark().nonce
    assert HubMark().around("a\nb").count("\n\n") == 2
