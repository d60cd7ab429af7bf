"""Write spelling/us-to-uk.txt: codespell's British-to-American list, turned round.

codespell ships a dictionary that changes British spellings to American ones. We want
the opposite (the NHS writes British English), so each line `colour->color` becomes
`color->colour`. American spellings that are also correct British words are left out
(British "practice" is a noun, "license" a verb, "program" a computer program...).

Run it after upgrading codespell:  .venv/bin/python spelling/make_us_to_uk.py
"""

from __future__ import annotations

from pathlib import Path

import codespell_lib

# American spellings that are also correct in British English, or normal in this field.
ALSO_BRITISH = {
    "acknowledgment", "acknowledgments", "analog", "biased", "dialog", "dialogs",
    "focused", "focuses", "focusing", "refocused", "refocuses", "refocusing",
    "judgment", "judgments", "journaling", "lambaste", "lambastes",
    "license", "licensed", "licenses", "licensing", "meter", "meters",
    "practice", "practices", "program", "routing", "salable", "story", "stories",
    "overwritable", "writable",
}  # fmt: skip

SOURCE = Path(codespell_lib.__file__).parent / "data" / "dictionary_en-GB_to_en-US.txt"
TARGET = Path(__file__).parent / "us-to-uk.txt"


def us_to_uk_lines(source_text: str) -> list[str]:
    lines = []
    for line in source_text.splitlines():
        if "->" not in line:
            continue
        british, american = (part.strip() for part in line.split("->", 1))
        if "," in american or american in ALSO_BRITISH:
            continue
        lines.append(f"{american}->{british}")
    return sorted(set(lines))


if __name__ == "__main__":
    TARGET.write_text("\n".join(us_to_uk_lines(SOURCE.read_text(encoding="utf-8"))) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
