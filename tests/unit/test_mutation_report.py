"""`make mutation`'s own rules (scripts/mutation.py): which survivors may count as
equivalent (never a changed message), how a score is worked out, and that measuring one
module keeps the others' rows."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from mutation import (  # noqa: E402
    REPORT_END,
    REPORT_START,
    ModuleResult,
    Survivor,
    changed_line_in_function,
    earlier_results,
    equivalence_reason,
    only_icalendar_case_changed,
    related_tests,
    report,
    write_report,
)


def test_a_changed_message_is_a_survivor_not_an_equivalent():
    before = 'raise ValueError("the file is empty")'
    for after in ('raise ValueError("XXthe file is emptyXX")', 'raise ValueError("THE FILE IS EMPTY")'):
        assert equivalence_reason("macros/core/datafiles.py", before, after) == ""
    assert equivalence_reason("macros/figures/wording.py", "", '"SO IT COMES FROM DATA/FIGURES.YAML",') == ""


def test_a_listed_reason_or_a_lower_cased_icalendar_word_gives_the_reason():
    assert equivalence_reason("macros/core/data_loaders.py", "", "guess = get_close_matches(a, b, n=2)") == (
        "only the first close match is shown"
    )
    assert equivalence_reason("macros/events/ics.py", 'c["DTSTART"] = x', 'c["dtstart"] = x') == (
        "iCalendar names and enumerated values are case-insensitive; icalendar writes names in capitals"
    )
    assert equivalence_reason("macros/events/pages.py", 'c["DTSTART"] = x', 'c["dtstart"] = x') == ""


def test_equivalent_survivors_are_left_out_of_the_score():
    result = ModuleResult(
        "m.py",
        mutants=10,
        killed=8,
        survivors=[Survivor("a", "m.py", 3, "x"), Survivor("b", "m.py", 4, "y", equivalent="why")],
    )
    assert result.real_survivors == 1
    assert result.score == 88.9  # 8 of the 9 that count
    assert ModuleResult("empty.py").score == 100.0


def test_the_report_has_a_row_per_module_and_each_survivor_with_its_place(tmp_path):
    results = [
        ModuleResult("a.py", "abc1234", "2026-12-04", 4, 3, 1, [Survivor("n", "a.py", 7, "x = 1")]),
        ModuleResult("b.py", "def5678", "2026-12-03", 2, 1, 0, [Survivor("m", "b.py", 9, "y", "same output")]),
    ]
    text = report(results)
    assert text.startswith(REPORT_START) and text.endswith(REPORT_END + "\n")
    assert "| a.py | 2026-12-04 | `abc1234` | 4 | 3 | 1 | 1 | 0 | 75.0% |" in text
    assert "| b.py | 2026-12-03 | `def5678` | 2 | 1 | 0 | 0 | 1 | 100.0% |" in text
    assert "- `a.py:7` `x = 1`" in text
    assert "- `b.py:9` `y` — equivalent: same output" in text


def test_a_new_report_replaces_the_old_one_and_keeps_the_rest_of_the_file(tmp_path):
    page = tmp_path / "BENCHMARKS.md"
    page.write_text(f"# Benchmarks\n\nBefore.\n\n{REPORT_START}\nold\n{REPORT_END}\n\nAfter.\n", encoding="utf-8")
    write_report(f"{REPORT_START}\nnew\n{REPORT_END}\n", page)
    assert page.read_text(encoding="utf-8") == f"# Benchmarks\n\nBefore.\n\n{REPORT_START}\nnew\n{REPORT_END}\nAfter.\n"


def test_earlier_results_read_back_as_they_were_written(tmp_path):
    import json
    from dataclasses import asdict

    result = ModuleResult("a.py", "abc", "2026-12-04", 5, 4, 1, [Survivor("n", "a.py", 2, "c", "")])
    path = tmp_path / "mutation.json"
    path.write_text(json.dumps([dict(asdict(result), score=result.score)]), encoding="utf-8")
    assert earlier_results(path) == {"a.py": result}
    assert earlier_results(tmp_path / "absent.json") == {}


def test_icalendar_words_in_lower_case_are_the_same_words():
    assert only_icalendar_case_changed('component["DTSTART"] = x', 'component["dtstart"] = x')
    assert only_icalendar_case_changed('vUri(u, params={"VALUE": "URI"})', 'vUri(u, params={"value": "URI"})')
    assert not only_icalendar_case_changed('component["DTSTART"] = x', 'component["XXDTSTARTXX"] = x')
    assert not only_icalendar_case_changed('prefix = "Cancelled: "', 'prefix = "cancelled: "')
    assert not only_icalendar_case_changed('component["DTSTART"] = x', 'component["DTSTART"] = None')


def test_the_changed_line_is_counted_from_the_function_s_start_in_the_diff():
    shown = (
        "# macros.x.x_f__mutmut_3: survived\n"
        "--- macros/x.py\n"
        "+++ macros/x.py\n"
        "@@ -4,5 +4,5 @@\n"
        "     for rate in rates:\n"
        "         if current(rate):\n"
        "-            continue\n"
        "+            break\n"
        "         report.append(rate)\n"
    )
    assert changed_line_in_function(shown) == 6
    assert changed_line_in_function("no diff") == 1


def test_the_quick_re_run_takes_the_unit_test_files_that_name_the_module(tmp_path):
    unit = tmp_path / "mutants" / "tests" / "unit"
    unit.mkdir(parents=True)
    (unit / "test_a.py").write_text("from macros.events.ics import calendar_files\n", "utf-8")
    (unit / "test_b.py").write_text("from macros.events import models, ics\n", "utf-8")
    (unit / "test_c.py").write_text("from macros.events.icsx import x\nimport macros.events.models\n", "utf-8")
    (unit / "helpers.py").write_text("from macros.events.ics import x\n", "utf-8")
    assert related_tests(tmp_path, "macros/events/ics.py") == ["tests/unit/test_a.py", "tests/unit/test_b.py"]
