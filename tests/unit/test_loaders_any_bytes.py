"""Any bytes in a data file or a page's front matter either load or give the hub's own
message naming the file, quickly; never a traceback, never a crash (issue 19).

Property-based: hypothesis writes the bytes, from three sources: arbitrary bytes, YAML's
awkward pieces strung together (brackets, anchors, tags, escapes, control characters,
huge numbers), and the hub's real files with a piece of either spliced in, so the bytes
reach the models' own checks as well as the parser.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import macros  # noqa: F401  (wires every concern's data file loader)
from macros.core.datafiles import DATA_LOADERS, DataFileError
from macros.editorial.frontmatter import check_page_file

ROOT = Path(__file__).resolve().parents[2]
# Per example: the slowest honest load here is well under a second.
TIME_BOUND = 3.0

PIECES = [
    "[", "]", "{", "}", ",", ":", ": ", "- ", "-", "\n", "  ", "    ", "\t", "#", "'", '"', "|", ">-", "? ",
    "&a ", "*a", "!!python/object:os.system ", "!!binary ", "!!float ", "!!timestamp ", "<<: ", "%YAML 1.1\n",
    "---\n", "...\n", ".nan", ".inf", "-.inf", "1e999", "99999999999", "9" * 5000, "99999999999 days",
    "2026-02-30", "12:30", "NO", "~", "null", '"\\x01"', '"\\u2028"', '"\\U0010ffff"', '"\\ud800"', "\\",
    "\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff", "\ufffe",
    "\U0001f469", "id: ", "title: ", "series:\n", "terms:\n", "sessions:\n", "url: https://", "template: ",
    "icon: ", "review_in: ", "search: ", "boost: ", "{% raw %}", "{{ 7*7 }}",
]  # fmt: skip

yaml_pieces = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
awkward_bytes = st.one_of(
    st.binary(max_size=400),
    yaml_pieces.map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


def spliced(original: bytes):
    """The real file with a piece of awkward bytes put in at some point, or a part cut out."""
    return st.tuples(st.integers(0, len(original)), st.integers(0, 200), awkward_bytes).map(
        lambda t: original[: t[0]] + t[2] + original[t[0] + (t[1] if t[1] < 40 else 0) :]
    )


def file_bytes(original: bytes):
    return st.one_of(awkward_bytes, spliced(original))


def loads_or_says_why(load, shown: str) -> None:
    started = time.monotonic()
    try:
        load()
    except DataFileError as error:
        assert error.problems, "a DataFileError with no problem in it"
        for problem in error.problems:
            assert problem.file == shown, str(problem)
            assert problem.message.strip(), str(problem)
            assert "\n" not in str(problem), "a problem must print on one line"
            assert len(str(problem)) < 2_000, str(problem)[:300]
    assert time.monotonic() - started < TIME_BOUND


SETTINGS = settings(
    max_examples=60,
    deadline=None,  # the time bound is checked per example above, with room for a busy machine
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@pytest.mark.parametrize("name", sorted(DATA_LOADERS))
def test_any_bytes_in_a_data_file_load_or_give_the_hubs_message(tmp_path, name):
    original = (ROOT / "data" / name).read_bytes()
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    shown = f"data/{name}"

    @SETTINGS
    @given(file_bytes(original))
    def check(content):
        path.write_bytes(content)
        loads_or_says_why(lambda: DATA_LOADERS[name](path, shown), shown)

    check()


PAGE = (ROOT / "docs" / "roles" / "index.md").read_bytes()


@SETTINGS
@given(st.one_of(awkward_bytes.map(lambda b: b"---\n" + b + b"\n---\n\n# Page\n"), spliced(PAGE)))
def test_any_bytes_in_front_matter_give_a_check_result_naming_the_page(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("page") / "page.md"
    path.write_bytes(content)
    started = time.monotonic()
    result = check_page_file(path, "docs/page.md")
    for problem in result.problems:
        assert problem.file == "docs/page.md", str(problem)
        assert "\n" not in str(problem) and len(str(problem)) < 2_000, str(problem)[:300]
    assert time.monotonic() - started < TIME_BOUND


@pytest.mark.parametrize("content", [b"a: " + b"[" * 100_000, b"a: &x " + b"[*x, " * 1000, b"\xff\xfe\x00", b""])
def test_the_worst_known_inputs_give_a_message(tmp_path, content):
    for name, load in sorted(DATA_LOADERS.items()):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        with pytest.raises(DataFileError):
            load(path, f"data/{name}")
