"""`make mutation`: mutation testing of the modules that hold the hub's rules, with mutmut.

A benchmark, not part of `make test`: it takes minutes per module. For each module it
copies the repository's tracked files into a scratch folder, points mutmut's
`only_mutate` at that module alone (pyproject.toml's [tool.mutmut] gives the rest), runs
mutmut with the fast unit tests, and then re-runs every survivor in a fresh pytest
process. mutmut runs only the tests it saw calling a function and, with fixtures shared
across tests, credits only the first: a survivor that a fresh run kills was a false one.
A changed message is a change: editors read the messages, so a mutant that changes one
and survives is a survivor. A survivor is listed as equivalent only when the fresh re-run
shows it survives and it matches a reason in EQUIVALENT (or lower-cases an iCalendar word).

The report (score per module, each survivor with file:line) goes into BENCHMARKS.md
between its mutation markers, and into benchmarks/mutation.json. With --fail-under, the
command fails when a measured module scores below it (the weekly workflow uses 95).

    python scripts/mutation.py                      # every module
    python scripts/mutation.py macros/core/fields.py --children 1
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT_START = "<!-- mutation:start -->"
REPORT_END = "<!-- mutation:end -->"

# The modules that hold the hub's rules (issues 24 and 31); add more as they grow.
MODULES = [
    "macros/core/fields.py",
    "macros/core/escaping.py",
    "macros/core/yaml_safety.py",
    "macros/core/yaml_reading.py",
    "macros/core/datafiles.py",
    "macros/core/data_loaders.py",
    "macros/core/problems.py",
    "macros/core/page_jinja.py",
    "macros/core/page_html.py",
    "macros/core/page_meta.py",
    "macros/core/site_output.py",
    "macros/core/docs_files.py",
    "macros/editorial/frontmatter.py",
    "macros/events/timezone.py",
    "macros/events/pages.py",
    "macros/jobdesc/models.py",
    "macros/figures/models.py",
    "macros/events/occurrences.py",
    "macros/events/models.py",
    "macros/events/ics.py",
    "macros/figures/wording.py",
    "macros/learning/supervisors.py",
    "macros/learning/roadmap.py",
    "macros/jobdesc/content.py",
]

# What the fresh re-run of a survivor runs: the same fast unit tests mutmut uses.
RERUN_ARGS = ["tests/unit", "-x", "-q", "-m", "not slow and not browser", "-p", "no:cacheprovider"]

# Mutants that change nothing a user can meet, found by reading them (equivalent mutants).
# Each is (module, the mutant's changed line as mutmut shows it, why it changes nothing).
CODEC_CASE = "Python's codec names are case-insensitive"
ONLY_CONTROLS = "only control characters reach describe_character: an added 'X' is never among them"
REQUIRED_ENDS = "every figure and rate has an 'ends' line (the model requires it), so the fallback line is never used"
SVG_IN_LOCALE = (
    "the locale's encoding is UTF-8 where the hub builds, and what makes an SVG unsafe is written in ASCII, "
    "which every locale's encoding reads the same"
)
HTML_IN_LOCALE = (
    "the locale's encoding is UTF-8 where the hub builds, and what the built-site check looks for (the policy, "
    "tags, attributes, line breaks) is written in ASCII, which every locale's encoding reads the same"
)
SHARED_VALUES = (
    "the values a series' events share are built once as a speed-up: built again for each event they are the same"
)
UNKNOWN_OR_MISSING_KEY = (
    "`field` is read only for an unknown or a missing key, and pydantic's path to those always ends with the "
    "key's name (a key that is not text is refused as invalid_key instead): the default is never used"
)
WHOLE_MINUTES = (
    "the search starts at midnight UTC, whole days from 1 January: the timestamps are whole minutes, so / and // "
    "give the same number and the same instant is found"
)
LOCAL_FOLD = (
    "fromtimestamp without a zone gives the machine's local time with its fold set, which astimezone reads back "
    "as the same instant: the offset found is the same on any machine (checked with TZ=Europe/London and "
    "TZ=Pacific/Fiji)"
)
ICALENDAR_ADD_CASE = (
    "icalendar's components read property names in any case and write them in capitals: the bytes are the same"
)
VRECUR_CASE = (
    "icalendar's vRecur reads a rule's parts and its frequency in any case and writes them in capitals: the RRULE "
    "is the same bytes (FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU either way)"
)
FIXED_ZONE = (
    "used only for a zone with no change of offset in the range, whose offset is the same on any day; and in the "
    "tz database (1970-2039) no zone without a change of offset that year renames its abbreviation between 1 June "
    "and 1 July"
)
PAGE_IN_LOCALE = (
    "the locale's encoding is UTF-8 where the hub builds, and the page is read with errors replaced either way: "
    "the same text is read"
)
INVITATION_NOT_SHOWN = (
    "the invitation is shown only when no session is to come (list.html and next.html): what it is set to while "
    "one is to come is never shown (checked by rendering both for every week of 2020-2030 with the test fixture "
    "and the hub's data: the same bytes)"
)
DISTRIBUTION_NAME_CASE = "distribution names are case-insensitive: importlib.metadata finds the same package's version"
SETTINGS_ORDER = (
    "the settings are sorted only so the same settings always give the same key: their names are unique, so any "
    "fixed order does that"
)
EQUIVALENT = [
    ("macros/core/escaping.py", "ensure_ascii=None", "None and False are both falsy: json.dumps writes the same"),
    ("macros/core/escaping.py", "&AMP;", "HTML reads &AMP; as &amp; (a legacy entity name)"),
    ("macros/core/escaping.py", "&LT;", "HTML reads &LT; as &lt; (a legacy entity name)"),
    ("macros/core/escaping.py", "&GT;", "HTML reads &GT; as &gt; (a legacy entity name)"),
    ("macros/core/yaml_safety.py", '"XX\\x0b', ONLY_CONTROLS),
    ("macros/core/yaml_safety.py", '"XX\\ufffe', ONLY_CONTROLS),
    (
        "macros/core/yaml_safety.py",
        "% 65537",
        "the characters matched are at most U+FFFF: both remainders are the same",
    ),
    ("macros/core/yaml_safety.py", 'count("\\n", None,', "None and 0 both count from the start of the text"),
    (
        "macros/core/yaml_safety.py",
        "_with_stand_ins(text) if (raw_controls) or True",
        "with no control characters in the text, swapping them for stand-ins changes nothing",
    ),
    (
        "macros/core/datafiles.py",
        "key = (str(None), model)",
        "a remembered result is reused only for the same bytes, name, model and checks: sharing one slot "
        "between files gives the same result",
    ),
    (
        "macros/core/yaml_reading.py",
        "yaml_error_line(error, None)",
        "only a ReaderError reads the text, and none reaches here: check_yaml_events refuses every "
        "character the reader would",
    ),
    ("macros/core/yaml_reading.py", '"UTF-8-SIG"', CODEC_CASE),
    ("macros/core/data_loaders.py", "n=2)", "only the first close match is shown"),
    (
        "macros/jobdesc/content.py",
        "field=name, filled=None)",
        "a placeholder's `filled` is only read as true or false: None and False read the same",
    ),
    ("macros/figures/wording.py", '("figures", index, "ends")) or 2', REQUIRED_ENDS),
    ("macros/figures/wording.py", '("rates", index, "ends")) or 2', REQUIRED_ENDS),
    (
        "macros/figures/wording.py",
        "read_text(encoding=None)",
        "the locale's encoding is UTF-8 where the hub builds, and a byte-order mark never sits inside a macro",
    ),
    ("macros/figures/wording.py", '"UTF-8-SIG"', CODEC_CASE),
    (
        "macros/events/ics.py",
        "content_line(name, value, ",
        "each calendar property written here has at most one parameter: sorting parameters changes nothing",
    ),
    ("macros/events/ics.py", "values = None", SHARED_VALUES),
    ("macros/events/ics.py", "values = shared.", SHARED_VALUES),
    ("macros/events/ics.py", "session_event(o, site_url, now, None, calendar_id)", SHARED_VALUES),
    (
        "macros/events/ics.py",
        "(occurrence.created == occurrence.last_modified) and False",
        "when the two dates are equal, stamping the creation date gives the same value as the one reused",
    ),
    ("macros/events/ics.py", 'encode("ASCII")', CODEC_CASE),
    ("macros/events/ics.py", 'decode("UTF-8")', CODEC_CASE),
    ("macros/events/ics.py", "sorted=None", "None and False are both false: icalendar keeps the order written"),
    (
        "macros/events/models.py",
        "first.astimezone(None).astimezone(zone)",
        "the instant is the same in any time zone: converting it on to the series' zone gives the same wall time",
    ),
    (
        "macros/events/models.py",
        "local.replace(tzinfo=zone, )",
        "fold=0 is datetime's default: leaving it out changes nothing",
    ),
    (
        "macros/learning/roadmap.py",
        "zip(step.links, hrefs, ",
        "hrefs is made from step.links, one for each: the two always have the same length",
    ),
    ("macros/jobdesc/content.py", "field=name, )", "False is Piece.filled's default: leaving it out changes nothing"),
    ("macros/core/data_loaders.py", "list(DATA_LOADERS), )", "only the first close match is shown"),
    ("macros/editorial/frontmatter.py", "ALLOWED_KEYS, )", "only the first close match is shown"),
    ("macros/editorial/frontmatter.py", "ALLOWED_KEYS, n=2)", "only the first close match is shown"),
    (
        "macros/core/problems.py",
        'parent_key = ""',
        "a list's key is read only as set or not (_name_entry): None and '' both name its entries 'entry'",
    ),
    (
        "macros/core/problems.py",
        'current = ""',
        "after a step the data does not hold, the rest of the path is read only as a list or a mapping: "
        "None and '' are neither",
    ),
    (
        "macros/core/problems.py",
        "include_url=True",
        "a problem is made from each error's path, type, message, input and context: the link to pydantic's "
        "documentation is never read",
    ),
    ("macros/core/problems.py", "isinstance(step, str)), None)", UNKNOWN_OR_MISSING_KEY),
    ("macros/core/problems.py", 'isinstance(step, str)), "XXXX")', UNKNOWN_OR_MISSING_KEY),
    ("macros/events/pages.py", "ensure_ascii=None", "None and False are both falsy: json.dumps writes the same"),
    ("macros/events/timezone.py", "timestamp()) / 60", WHOLE_MINUTES),
    ("macros/events/timezone.py", "fromtimestamp(middle * 60, None)", LOCAL_FOLD),
    ("macros/events/timezone.py", "fromtimestamp(middle * 60, )", LOCAL_FOLD),
    ("macros/events/timezone.py", 'add("tzid"', ICALENDAR_ADD_CASE),
    ("macros/events/timezone.py", 'add("x-lic-location"', ICALENDAR_ADD_CASE),
    ("macros/events/timezone.py", 'add("dtstart"', ICALENDAR_ADD_CASE),
    ("macros/events/timezone.py", 'add("tzoffsetfrom"', ICALENDAR_ADD_CASE),
    ("macros/events/timezone.py", 'add("tzoffsetto"', ICALENDAR_ADD_CASE),
    ("macros/events/timezone.py", 'add("tzname"', ICALENDAR_ADD_CASE),
    ("macros/events/timezone.py", 'add("rrule"', ICALENDAR_ADD_CASE),
    (
        "macros/events/timezone.py",
        "str(None)))",
        "each rule's year is kept only to count the years the rule holds in: its text is never read",
    ),
    ("macros/events/timezone.py", '{"freq": "YEARLY"', VRECUR_CASE),
    ("macros/events/timezone.py", '"FREQ": "yearly"', VRECUR_CASE),
    ("macros/events/timezone.py", '"bymonth": month', VRECUR_CASE),
    ("macros/events/timezone.py", '"byday": byday', VRECUR_CASE),
    ("macros/events/timezone.py", "datetime(first_year, 7, 1,", FIXED_ZONE),
    ("macros/events/timezone.py", "datetime(first_year, 6, 2,", FIXED_ZONE),
    (
        "macros/events/timezone.py",
        "after >= before",
        "_transitions records a change only when the offsets before and after differ: >= and > choose the same",
    ),
    ("macros/core/page_meta.py", 'count("\\n", None,', "None and 0 both count from the start of the text"),
    ("macros/core/docs_files.py", "read_text(encoding=None, ", SVG_IN_LOCALE),
    ("macros/core/docs_files.py", "read_text(errors=", SVG_IN_LOCALE),
    ("macros/core/docs_files.py", '"UTF-8"', CODEC_CASE),
    ("macros/core/site_output.py", 'count("\\n", None,', "None and 0 both count from the start of the text"),
    ("macros/core/page_jinja.py", 'count("\\n", None,', "None and 0 both count from the start of the text"),
    (
        "macros/core/page_jinja.py",
        '"__module__", "XXXX")',
        "a callable without a module is not the hub's either way: 'XXXX' is not 'macros'",
    ),
    (
        "macros/core/page_jinja.py",
        '"__module__", None) or "XXXX")',
        "a callable without a module is not the hub's either way: 'XXXX' is not 'macros'",
    ),
    ("macros/core/site_output.py", "read_text(encoding=None, ", HTML_IN_LOCALE),
    ("macros/core/site_output.py", "read_text(errors=", HTML_IN_LOCALE),
    ("macros/core/site_output.py", '"UTF-8"', CODEC_CASE),
    (
        "macros/core/site_output.py",
        'strip("XX',
        "the page is read lower-cased: no value holds a capital X, so stripping X changes nothing",
    ),
    (
        "macros/core/site_output.py",
        'tag.group(2) or "XXXX"',
        "a tag without attributes is then read as having one named XXXX: the page is read lower-cased, so no rule "
        "names it, and a <script> without src or type is still inline",
    ),
    (
        "macros/core/page_html.py",
        '(match.group(2) or "XXXX")',
        "an attribute without a value is then read as XXXX: it holds no < or >, and as an id 'xxxx' starts with no "
        "reserved prefix; the other rules read the attribute's name only",
    ),
    (
        "macros/core/page_html.py",
        'id_problem(value or "XXXX")',
        "an id without a value is then read as 'XXXX' instead of '': neither starts with a reserved prefix",
    ),
    ("macros/core/page_html.py", "position = None", "None and 0 both search and slice from the start of the text"),
    (
        "macros/core/page_html.py",
        "if text.rfind(start, position) != -1",
        "the test only asks whether the opening is there: rfind finds one exactly when find does",
    ),
    (
        "macros/core/page_html.py",
        "re.escape(fence[1])",
        "a fence is three or more of one character: fence[1] is fence[0]",
    ),
    ("macros/core/page_html.py", 'text.count("\\n", None, offset)', "None and 0 both count from the start of the text"),
    ("macros/core/page_html.py", 'text.count("\\n", None, index)', "None and 0 both count from the start of the text"),
    (
        "macros/core/page_html.py",
        'element.tag.partition("}")',
        "tinyhtml5 names every element with its namespace ({http://www.w3.org/1999/xhtml}p, and SVG's and MathML's): "
        "one }, so partition and rpartition give the same name (checked with HTML, SVG, MathML and custom elements)",
    ),
    (
        "macros/core/page_html.py",
        'id_problem(value) or "XXXX"',
        "reached only for an id starting with _, a reserved prefix: id_problem always gives its message",
    ),
    ("macros/core/page_html.py", "page.read_text(encoding=None, ", PAGE_IN_LOCALE),
    ("macros/core/page_html.py", "page.read_text(errors=", PAGE_IN_LOCALE),
    ("macros/core/page_html.py", 'encoding="UTF-8"', CODEC_CASE),
    (
        "macros/core/page_html.py",
        '"XX\\0XX"',
        "the separator holds a NUL either way and no page's path does: pages are told apart the same, only the "
        "remembered file's name changes (and a change of this code changes every name anyway)",
    ),
    ("macros/core/page_html.py", '("markdown", "pymdown-extensions"', DISTRIBUTION_NAME_CASE),
    ("macros/core/page_html.py", '("MARKDOWN", "pymdown-extensions"', DISTRIBUTION_NAME_CASE),
    ("macros/core/page_html.py", '"PYMDOWN-EXTENSIONS"', DISTRIBUTION_NAME_CASE),
    ("macros/core/page_html.py", '"TINYHTML5")', DISTRIBUTION_NAME_CASE),
    ("macros/core/page_html.py", "sorted(settings.items(), key=None)", SETTINGS_ORDER),
    ("macros/core/page_html.py", "sorted(settings.items(), )", SETTINGS_ORDER),
    ("macros/events/pages.py", 'page_url, "" if (upcoming) and False else invitation', INVITATION_NOT_SHOWN),
    ("macros/events/pages.py", 'page_url, "XXXX" if upcoming else invitation', INVITATION_NOT_SHOWN),
    ("macros/events/pages.py", 'invitation="" if (upcoming) and False else invitation', INVITATION_NOT_SHOWN),
    ("macros/events/pages.py", 'invitation="XXXX" if upcoming else invitation', INVITATION_NOT_SHOWN),
    (
        "macros/events/pages.py",
        'invitation_html: str = "XXXX"',
        "only past_list leaves the invitation out, and a list of past sessions never shows one (list.html shows it "
        "for kind 'upcoming' only): checked by rendering both, the same bytes",
    ),
    (
        "macros/events/pages.py",
        "session_page(occurrence, now, site_url, None, next_up[series_id])",
        "without the series' parts, session_page builds them itself with series_parts: they are built once per series "
        "as a speed-up (checked by rendering every file both ways: the same bytes)",
    ),
]


@dataclass
class Survivor:
    name: str
    file: str
    line: int
    change: str
    equivalent: str = ""


@dataclass
class ModuleResult:
    module: str
    commit: str = ""
    measured: str = ""  # the date, YYYY-MM-DD
    mutants: int = 0
    killed: int = 0
    false_survivors: int = 0
    survivors: list[Survivor] = field(default_factory=list)

    @property
    def score(self) -> float:
        counted = self.mutants - sum(1 for s in self.survivors if s.equivalent)
        return 100.0 if counted == 0 else round(100.0 * (counted - self.real_survivors) / counted, 1)

    @property
    def real_survivors(self) -> int:
        return sum(1 for s in self.survivors if not s.equivalent)


# Installed, not tracked, and needed by the tests: linked into the scratch copy as they are.
INSTALLED = ["tests/parsers/node_modules"]


def scratch_copy(destination: Path) -> None:
    """The tracked files only (no site/, caches or a previous mutants/ folder), and the
    installed parsers the tests read calendars with."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for name in INSTALLED:
        if (ROOT / name).is_dir():
            (destination / name).symlink_to(ROOT / name, target_is_directory=True)


def point_at(pyproject: Path, module: str) -> None:
    text = pyproject.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^only_mutate = .*$", f'only_mutate = ["{module}"]', text)
    if count != 1:
        raise SystemExit("pyproject.toml's [tool.mutmut] needs one 'only_mutate = [...]' line")
    pyproject.write_text(text, encoding="utf-8")


def mutmut(folder: Path, *args: str) -> str:
    mutmut_bin = Path(sys.executable).with_name("mutmut")
    result = subprocess.run([str(mutmut_bin), *args], cwd=folder, capture_output=True, text=True)
    return result.stdout + result.stderr


def statuses(folder: Path) -> dict[str, str]:
    found = {}
    for line in mutmut(folder, "results", "--all", "true").splitlines():
        match = re.match(r"^\s*(\S+__mutmut_\d+): (.+)$", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def related_tests(folder: Path, module: str) -> list[str]:
    """The unit test files that name the module (macros.events.ics, or `from macros.events
    import ics`): a quick first re-run. A survivor they do not kill gets the whole unit run."""
    dotted = module.removesuffix(".py").replace("/", ".")
    package, _, name = dotted.rpartition(".")
    naming = re.compile(rf"{re.escape(dotted)}\b|from {re.escape(package)} import [^\n]*\b{name}\b")
    tests = sorted((folder / "mutants" / "tests" / "unit").glob("test_*.py"))
    return [str(path.relative_to(folder / "mutants")) for path in tests if naming.search(path.read_text("utf-8"))]


def killed_in_fresh_process(folder: Path, name: str, first: list[str] | None = None) -> bool:
    """Whether a fresh pytest process fails with the mutant in place: the `first` test files,
    then, if they all pass, every unit test."""
    env = dict(os.environ, MUTANT_UNDER_TEST=name, NO_MKDOCS_2_WARNING="1")
    for selection in ([first] if first else []) + [None]:
        args = RERUN_ARGS if selection is None else [*selection, *RERUN_ARGS[1:]]
        result = subprocess.run(
            [sys.executable, "-m", "pytest", *args], cwd=folder / "mutants", env=env,
            capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        if result.returncode != 0:
            return True
    return False


def _tokens(line: str) -> list[tuple[int, str]] | None:
    try:
        return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline)]
    except (tokenize.TokenError, SyntaxError):
        return None


# iCalendar's property and parameter names, and values such as URI or GREGORIAN, are
# case-insensitive (RFC 5545 section 2), and icalendar writes property names in capitals.
ICALENDAR_CASE = "iCalendar names and enumerated values are case-insensitive; icalendar writes names in capitals"
_ICALENDAR_WORD = re.compile(r"[A-Z][A-Z0-9-]*")


def only_icalendar_case_changed(before: str, after: str) -> bool:
    """True when `after` differs from `before` only by writing iCalendar words ("DTSTART",
    "URI") in lower case."""
    old, new = _tokens(before), _tokens(after)
    if old is None or new is None or len(old) != len(new) or old == new:
        return False
    for (old_type, old_text), (new_type, new_text) in zip(old, new, strict=True):
        if (old_type, old_text) == (new_type, new_text):
            continue
        word = old_text[1:-1] if old_type == tokenize.STRING else ""
        if new_type != tokenize.STRING or not _ICALENDAR_WORD.fullmatch(word) or new_text != old_text.lower():
            return False
    return True


def changed_line_in_function(shown: str) -> int:
    """The changed line's number within its function (1 is the `def` line), from the diff
    `mutmut show` prints: its hunk header counts lines from the function's start, so two
    identical lines (two `continue`s) are told apart."""
    old_line = None
    for text in shown.splitlines():
        header = re.match(r"@@ -(\d+)", text)
        if header:
            old_line = int(header.group(1))
        elif old_line is not None and text.startswith("- "):
            return old_line
        elif old_line is not None and text.startswith(" "):
            old_line += 1
    return 1


def locate(folder: Path, module: str, name: str) -> Survivor:
    """Where the survivor is: its function's line in the module, and the changed line."""
    shown = mutmut(folder, "show", name)
    change = next((line[1:].strip() for line in shown.splitlines() if line.startswith("+ ")), "")
    function = re.sub(r"__mutmut_\d+$", "", name.rsplit(".", 1)[-1]).removeprefix("x_").split("ǁ")[-1]
    source = (ROOT / module).read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(source, 1) if re.match(rf"\s*def {re.escape(function)}\b", text)), 1)
    removed = next((text[1:].strip() for text in shown.splitlines() if text.startswith("- ")), "")
    line += changed_line_in_function(shown) - 1
    return Survivor(name, module, line, change[:120], equivalence_reason(module, removed, change))


def equivalence_reason(module: str, removed: str, change: str) -> str:
    """Why a survivor (one a fresh re-run did not kill) changes nothing a user meets, or "".
    A changed message is never a reason: editors read the messages."""
    why = next((reason for path, marker, reason in EQUIVALENT if path == module and marker in change), "")
    if not why and module.endswith("/ics.py") and only_icalendar_case_changed(removed, change):
        why = ICALENDAR_CASE
    return why


def measure(module: str, children: int, rerun: bool, commit: str, when: str) -> ModuleResult:
    result = ModuleResult(module, commit, when)
    with tempfile.TemporaryDirectory(prefix="hub-mutation-") as scratch:
        folder = Path(scratch)
        scratch_copy(folder)
        point_at(folder / "pyproject.toml", module)
        output = mutmut(folder, "run", "--max-children", str(children))
        if "failed to collect stats" in output or "FAILED" in output.split("Running mutation testing")[0]:
            # The unmutated code must pass its tests first, or every mutant would look killed.
            raise SystemExit(f"mutmut could not run the tests on unmutated code for {module}:\n{output[-3000:]}")
        found = statuses(folder)
        result.mutants = len(found)
        survived = [name for name, status in sorted(found.items()) if status in ("survived", "no tests")]
        # Every survivor is re-run, the ones that look equivalent too: a reason is given to
        # a mutant only once a fresh process has shown that it survives.
        located = {name: locate(folder, module, name) for name in survived}
        to_rerun = list(survived)
        killed_again: set[str] = set()
        if rerun and to_rerun:
            # Each re-run is a whole pytest process: run as many at once as mutmut ran children.
            with ThreadPoolExecutor(max_workers=children) as pool:
                first = related_tests(folder, module)
                verdicts = pool.map(lambda name: (name, killed_in_fresh_process(folder, name, first)), to_rerun)
                killed_again = {name for name, killed in verdicts if killed}
        for name, status in sorted(found.items()):
            if status in ("killed", "timeout", "segfault", "suspicious"):
                result.killed += 1
            elif name in killed_again:
                result.killed += 1
                result.false_survivors += 1
            elif name in located:
                result.survivors.append(located[name])
            else:  # "not checked" and the like: count it against the module, it was not shown to be caught
                result.survivors.append(Survivor(name, module, 1, f"({status})"))
    return result


def earlier_results(path: Path) -> dict[str, ModuleResult]:
    """The results benchmarks/mutation.json holds, by module: measuring some modules keeps the others'."""
    if not path.exists():
        return {}
    results = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        entry.pop("score", None)
        survivors = [Survivor(**survivor) for survivor in entry.pop("survivors", [])]
        results[entry["module"]] = ModuleResult(**entry, survivors=survivors)
    return results


def report(results: list[ModuleResult]) -> str:
    lines = [
        REPORT_START,
        "## Mutation testing",
        "",
        "Measured with `make mutation` (mutmut, the fast unit tests as the runner; each survivor re-run in a "
        "fresh process, and equivalent mutants left out of the score). Each module's row says when and on "
        "which commit it was measured.",
        "",
        "| module | measured | commit | mutants | killed | false survivors (killed when re-run) | survived "
        "| equivalent | score |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        equivalent = len(r.survivors) - r.real_survivors
        lines.append(
            f"| {r.module} | {r.measured} | `{r.commit}` | {r.mutants} | {r.killed} | {r.false_survivors} | "
            f"{r.real_survivors} | {equivalent} | {r.score:.1f}% |"
        )
    survivors = [s for r in results for s in r.survivors]
    if survivors:
        lines += ["", "Survivors (file:line, the change):", ""]
        for s in survivors:
            note = f" — equivalent: {s.equivalent}" if s.equivalent else ""
            lines.append(f"- `{s.file}:{s.line}` `{s.change}`{note}")
    lines.append(REPORT_END)
    return "\n".join(lines) + "\n"


def write_report(text: str, benchmarks_md: Path) -> None:
    current = benchmarks_md.read_text(encoding="utf-8") if benchmarks_md.exists() else ""
    if REPORT_START in current and REPORT_END in current:
        before, rest = current.split(REPORT_START, 1)
        after = rest.split(REPORT_END, 1)[1].lstrip("\n")
        current = before + text + after
    else:
        current = current.rstrip("\n") + "\n\n" + text
    benchmarks_md.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "modules", nargs="*", default=MODULES, help="modules to measure (default: all of the hub's rules)"
    )
    parser.add_argument("--children", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument(
        "--no-rerun", action="store_true", help="skip the fresh re-run of survivors (faster, less exact)"
    )
    parser.add_argument("--fail-under", type=float, help="exit 1 when a module scores below this")
    parser.add_argument("--no-write", action="store_true", help="print the report only")
    args = parser.parse_args(argv)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    changed = subprocess.run(  # the report's own files aside: a run writes them
        ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md", ":!benchmarks"],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout  # fmt: skip
    commit = (commit.strip() or "unknown") + (" with uncommitted changes" if changed.strip() else "")
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    results = []
    for module in args.modules:
        print(f"Mutating {module} ...", flush=True)
        result = measure(module, args.children, not args.no_rerun, commit, when)
        print(f"  {result.mutants} mutants, score {result.score:.1f}%", flush=True)
        for survivor in result.survivors:
            why = f"  (equivalent: {survivor.equivalent})" if survivor.equivalent else ""
            print(f"  survived {survivor.file}:{survivor.line} {survivor.change}{why}", flush=True)
        results.append(result)

    json_path = ROOT / "benchmarks" / "mutation.json"
    kept = earlier_results(json_path)
    kept.update({r.module: r for r in results})
    everything = [kept[module] for module in MODULES if module in kept]
    everything += [r for module, r in kept.items() if module not in MODULES]
    text = report(everything)
    print(text)
    if not args.no_write:
        write_report(text, ROOT / "BENCHMARKS.md")
        data = [dict(asdict(r), score=r.score) for r in everything]
        json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    if args.fail_under is not None:
        low = [r for r in results if r.score < args.fail_under]
        for r in low:
            print(f"{r.module} scores {r.score:.1f}%, below {args.fail_under:g}%", file=sys.stderr)
        return 1 if low else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
