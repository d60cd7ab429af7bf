"""Every file and folder of the repository that README.md, CONTRIBUTING.md, BENCHMARKS.md
and SECURITY.md name exists: a path in them that starts with one of the repository's own
top-level folders (macros/, tests/, docs/, ...) is checked. Pure: it reads the documents
and looks at the files, no git."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ("README.md", "CONTRIBUTING.md", "BENCHMARKS.md", "SECURITY.md")
TOP_LEVEL = (
    ".ci", ".github", "benchmarks", "data", "docs", "hooks", "macros", "overrides", "scripts", "spelling", "tests",
    "tools",
)  # fmt: skip
# A path starts after a space, a quote, a bracket or a backtick, and runs to the next of them.
PATH = re.compile(r"(?:(?<=[\s`'\"(\[])|^)((?:" + "|".join(map(re.escape, TOP_LEVEL)) + r")/[^\s`'\")\]]*)", re.M)
# Paths the documents give as examples of what an editor or a command would write, and the
# benchmark's generated pages: not files of the repository.
EXAMPLES = {
    "docs/roles/new-page.md",  # README: "Create a Markdown file under docs/, for example ..."
    "docs/roles/x.md",  # README: make new-page FILE=docs/roles/x.md
    "docs/roles/working-with-gps.md",  # CONTRIBUTING: the make new-page example
    "docs/library/section-NN/",  # BENCHMARKS: the synthetic pages a benchmark writes
    "docs/library/section-01/page-0001.md",  # benchmarks/synthetic.py: the first of them
    "data/....yaml",  # CONTRIBUTING: "edit data/....yaml", as a page says it
}


# A line of the mutation report quotes a mutant's source after the file and line it is in:
# the quoted source is code, not a document naming a file.
MUTANT_SOURCE = re.compile(r"^(- `[^`]+`) `.*?` —", re.M)


def named_paths(text: str) -> list[str]:
    """The repository paths a document names, without trailing punctuation, line numbers
    or a test's name (path::test)."""
    found = []
    for match in PATH.finditer(MUTANT_SOURCE.sub(r"\1 —", text)):
        path = match.group(1).split("::", 1)[0].rstrip(".,;:")
        found.append(re.sub(r"(:\d+)+$", "", path))
    return found


def exists(path: str) -> bool:
    if "node_modules" in path.split("/"):  # installed by make from a lock file, not in the repository
        return (ROOT / path.split("node_modules", 1)[0] / "package-lock.json").is_file()
    if "<" in path:  # a placeholder such as macros/<concern>/templates/: its fixed part must exist
        path = path.split("<", 1)[0]
    if "*" in path:
        return any(ROOT.glob(path))
    return (ROOT / path).exists()


def test_the_reader_finds_paths_in_backticks_text_and_tables():
    text = (
        "See `macros/core/x.py`, tests/unit/ and (docs/a.md). | `hooks/h.py:12` | https://e.org/macros/no.py\n"
        '`tests/unit/t.py::test_x` and a mutant:\n- `macros/m.py:7` `"XXdata/f.yamlXX"` — equivalent: why\n'
    )
    assert named_paths(text) == [
        "macros/core/x.py", "tests/unit/", "docs/a.md", "hooks/h.py", "tests/unit/t.py", "macros/m.py"
    ]  # fmt: skip


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_file_a_document_names_exists(document):
    paths = named_paths((ROOT / document).read_text(encoding="utf-8"))
    assert len(paths) > 3, "the reader found almost nothing: it would pass on nothing"
    missing = sorted({path for path in paths if path not in EXAMPLES and not exists(path)})
    assert not missing, f"{document} names files that do not exist: {missing}"


# A test file named alone, in backticks, as `test_keyboard_browser.py`.
TEST_FILE_NAME = re.compile(r"`(test_\w+\.py)`")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_test_file_a_document_names_by_its_name_alone_exists(document):
    names = set(TEST_FILE_NAME.findall((ROOT / document).read_text(encoding="utf-8")))
    existing = {path.name for path in (ROOT / "tests").rglob("test_*.py")}
    assert not sorted(names - existing), f"{document} names test files that do not exist: {sorted(names - existing)}"


def test_every_file_the_codes_comments_name_exists():
    """The same for the code's docstrings and comments (and the Makefile, mkdocs.yml and the
    theme's templates). `data/{name}`, `docs/page.md:LINE` and `data/x.yaml` are patterns."""
    sources = [
        *ROOT.glob("macros/**/*.py"), *ROOT.glob("hooks/*.py"), *ROOT.glob("scripts/*.py"),
        *ROOT.glob("benchmarks/*.py"), *ROOT.glob("overrides/**/*.html"), ROOT / "Makefile", ROOT / "mkdocs.yml",
    ]  # fmt: skip
    missing = {
        f"{source.relative_to(ROOT)}: {path}"
        for source in sources
        for path in named_paths(source.read_text(encoding="utf-8"))
        if not re.search(r"[{}]|LINE|^data/x\.yaml$", path) and path not in EXAMPLES and not exists(path)
    }
    assert not missing, sorted(missing)
