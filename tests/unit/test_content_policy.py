"""The Content-Security-Policy a built page carries (macros/core/content_policy.py)."""

from __future__ import annotations

import pytest

from macros.core.content_policy import NoPlaceForPolicy, inline_scripts, policy, source_hash, with_policy

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>a=1</script>'
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script type="application/ld+json">{}</script><script src="x.js"></script>'
    "<style>:root{--x:1}</style></head><body><script>b=2</script></body></html>"
)


def test_only_inline_scripts_a_browser_runs_are_hashed():
    assert inline_scripts(PAGE) == ["a=1", "b=2"]


def test_the_policy_lists_the_pages_own_hashes_and_nothing_unsafe():
    text = policy(PAGE)
    assert text == (
        f"default-src 'self'; script-src 'self' {' '.join(sorted([source_hash('a=1'), source_hash('b=2')]))}; "
        f"style-src 'self' {source_hash(':root{--x:1}')}; img-src 'self' data:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    )
    assert "unsafe" not in text


def test_a_known_hash():
    # echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    assert source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_the_policy_comes_first_after_the_charset_and_once():
    made = with_policy(PAGE)
    assert made.index("Content-Security-Policy") < made.index("<script")
    assert made.index('<meta charset="utf-8">') < made.index("Content-Security-Policy")
    assert with_policy(made) == made


def test_a_page_without_a_head_stops_the_build():
    with pytest.raises(NoPlaceForPolicy):
        with_policy("<p>no head</p>")
